/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli [--db PATH] sync [--server URL] [--enroll CODE] [--device-name NAME]`:
 * enrolls when a code is given, then runs one full sync round (push, then pull) and prints
 * what it did. @argv starts with "sync". */
int gest_cli_sync (const char  *db_path,
                   int          argc,
                   char       **argv);

G_END_DECLS
