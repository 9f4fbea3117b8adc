/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli queja new|move|show|list` (issue 13): the complaints' verb. */
int gest_cli_queja (const char  *db_path,
                    int          argc,
                    char       **argv);

G_END_DECLS
