/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of gestiona-cli's trámite commands. */
#define GEST_CLI_EXIT_OK       0
#define GEST_CLI_EXIT_REFUSED  1   /* a rule refused it (step prerequisites, role) */
#define GEST_CLI_EXIT_USAGE    2   /* bad arguments or bad input (amount, date, unknown folio) */
#define GEST_CLI_EXIT_STORE    3   /* the database failed */

/* `gestiona-cli [--db PATH] tramite SUBCOMMAND ...` (issue 3, part 7). @argv holds the words
 * after the global options; it may start with "tramite" itself. @db_path NULL means the default
 * database. Subcommands: new, move, conauto-step, show, list, check, attach (see --help). */
int gest_cli_tramite (const char  *db_path,
                      int          argc,
                      char       **argv);

/* `gestiona-cli [--db PATH] user [--name NAME] [--role ROLE]`: shows, or sets, the current
 * user of the database (settings user.name and user.role). @argv may start with "user". */
int gest_cli_user    (const char  *db_path,
                      int          argc,
                      char       **argv);

G_END_DECLS
