/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-cli-session.h"
#include "gest-domain-module.h"
#include "gest-money.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* Shared by the gest-cli-*.c files. Exit codes and gest_cli_fail() are those of every verb
 * (gest-domain-module.h): 0 done, 1 refused or found wrong, 2 bad input, 3 database error. */

/* Prints @message and a hint to --help on stderr; returns GEST_CLI_EXIT_USAGE. */
int        gest_cli_usage        (const char    *message);
/* Parses @entries out of @argv (the words after the command, argv[0] being the command);
 * what is left, the positional arguments, goes to @out_rest. */
gboolean   gest_cli_parse        (const char    *parameters,
                                  const char    *summary,
                                  GOptionEntry  *entries,
                                  int            argc,
                                  char         **argv,
                                  GStrv         *out_rest,
                                  GError       **error);
/* Parses the value of @option as an amount; on failure prints why and returns FALSE. */
gboolean   gest_cli_parse_money  (const char    *option,
                                  const char    *text,
                                  GestMoney     *out);
/* A password from the environment variable @env_name, or else asked for on the terminal
 * without echo (twice when @confirm). NULL with GEST_ERROR_INVALID when there is neither. */
char      *gest_cli_read_password (const char   *env_name,
                                   const char   *login,
                                   gboolean      confirm,
                                   GError      **error);

int        gest_cli_check        (int            argc,
                                  char         **argv);
int        gest_cli_route        (const char    *db_path,
                                  int            argc,
                                  char         **argv);
int        gest_cli_init         (const char    *db_path,
                                  int            argc,
                                  char         **argv);
int        gest_cli_demo         (const char    *db_path,
                                  int            argc,
                                  char         **argv);
int        gest_cli_verify_log   (const char    *db_path,
                                  int            argc,
                                  char         **argv);
/* `gestiona-cli user [list|first|add|set-role|deactivate|activate|passwd …]`: the dealer's
 * users (issue 12). @argv starts with "user". */
int        gest_cli_user         (const char    *db_path,
                                  int            argc,
                                  char         **argv);
/* `gestiona-cli settings routing [--low-debt-limit AMOUNT] [--installments N]`. */
int        gest_cli_settings     (const char    *db_path,
                                   int            argc,
                                   char         **argv);
/* `gestiona-cli import customers|plans|vehicles FILE [--dry-run] [--errors OUT.csv]`. */
int        gest_cli_import       (const char    *db_path,
                                  int            argc,
                                  char         **argv);
/* `gestiona-cli report ID|MODULE [--from DD/MM/YYYY] [--to DD/MM/YYYY] [--xlsx FILE] [--pdf FILE]`:
 * the reports hub (issue 13). */
int        gest_cli_report       (const char    *db_path,
                                  int            argc,
                                  char         **argv);

G_END_DECLS
