/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Shared by gest-cli-tramite.c and gest-cli-tramite-show.c; errors go through gest_cli_fail ()
 * (gest-domain-module.h), so every command gives the same exit status for the same error. */

/* Prints @message and returns GEST_CLI_EXIT_USAGE. */
int        gest_cli_tramite_usage      (const char     *message);
gboolean   gest_cli_tramite_parse      (const char     *usage,
                                        const char     *summary,
                                        GOptionEntry   *entries,
                                        int             argc,
                                        char          **argv,
                                        GStrv          *out_rest,
                                        GError        **error);
GestStore *gest_cli_tramite_open       (const char     *db_path,
                                        GError        **error);
gboolean   gest_cli_tramite_parse_step (const char     *text,
                                        int            *out,
                                        GError        **error);

int        gest_cli_tramite_show       (GestStore      *store,
                                        int             argc,
                                        char          **argv);
int        gest_cli_tramite_check      (GestStore      *store,
                                        int             argc,
                                        char          **argv);
int        gest_cli_tramite_uncheck    (GestStore      *store,
                                        int             argc,
                                        char          **argv);
int        gest_cli_tramite_attach     (GestStore      *store,
                                        int             argc,
                                        char          **argv);

G_END_DECLS
