/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the tests that run the real gestiona-cli ($GESTIONA_CLI) on a database of their own. */
typedef struct
{
  char *tmpdir;
  char *db;     /* tmpdir/test.db, not created */
  char *out;    /* the last run's stdout */
  char *err;    /* the last run's stderr */
} CliFixture;

void cli_fixture_setup    (CliFixture    *f,
                           gconstpointer  data);
void cli_fixture_teardown (CliFixture    *f,
                           gconstpointer  data);
/* Runs the CLI with the NULL-terminated words; keeps stdout and stderr in @f; returns the
 * exit status. */
int  cli_run              (CliFixture    *f,
                           const char    *first,
                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
