/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli campaign …`: new, list, show, import-vins, part, receive, review (S1-S3). */
int gest_cli_campaign (const char  *db_path,
                       int          argc,
                       char       **argv);

G_END_DECLS
