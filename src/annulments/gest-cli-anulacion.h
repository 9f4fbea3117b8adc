/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli [--db PATH] anulacion COMMAND …` (Q1-Q4, #13): new, show, list, attach, send,
 * approve, register, reinvoice, file (see --help). The "anulacion" verb of
 * GestAnnulmentsDomain; exit codes GEST_CLI_EXIT_* (gest-domain-module.h). */
int gest_cli_anulacion (const char  *db_path,
                        int          argc,
                        char       **argv);

G_END_DECLS
