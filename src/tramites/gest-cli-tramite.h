/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli [--db PATH] tramite SUBCOMMAND ...` (issue 3, part 7). @argv holds the words
 * after the global options; it may start with "tramite" itself. @db_path NULL means the default
 * database. Subcommands: new, move, conauto-step, show, list, check, attach (see --help).
 * The "tramite" verb of GestTramitesDomain. Exit codes are GEST_CLI_EXIT_* (gest-domain-module.h). */
int gest_cli_tramite (const char  *db_path,
                      int          argc,
                      char       **argv);

G_END_DECLS
