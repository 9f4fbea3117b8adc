/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
/* @db_path, or the default database when NULL. */
GestStore *gest_cli_open_store   (const char    *db_path,
                                  GError       **error);

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
/* `gestiona-cli [--db PATH] user [--name NAME] [--role ROLE]`: shows, or sets, the current
 * user of the database (settings user.name and user.role). @argv starts with "user". */
int        gest_cli_user         (const char    *db_path,
                                  int            argc,
                                  char         **argv);
/* `gestiona-cli import customers|plans|vehicles FILE [--dry-run] [--errors OUT.csv]`. */
int        gest_cli_import       (const char    *db_path,
                                  int            argc,
                                  char         **argv);

G_END_DECLS
