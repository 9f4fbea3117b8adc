/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* gestiona-cli's agenda verbs (issue 15): `agenda day DATE [--advisor LOGIN]` and
 * `reservation new|move|arrive|no-show|confirm|refuse|list …`. */
int gest_cli_agenda      (const char  *db_path,
                          int          argc,
                          char       **argv);
int gest_cli_reservation (const char  *db_path,
                          int          argc,
                          char       **argv);

G_END_DECLS
