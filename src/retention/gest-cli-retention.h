/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* gestiona-cli's retention verbs: `queue today [--date DD/MM/YYYY]`, `visit import FILE`,
 * `visit add …`, `lapsed [--month MM/YYYY]`. */
int gest_cli_queue  (const char  *db_path,
                     int          argc,
                     char       **argv);
int gest_cli_visit  (const char  *db_path,
                     int          argc,
                     char       **argv);
int gest_cli_lapsed (const char  *db_path,
                     int          argc,
                     char       **argv);

G_END_DECLS
