/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* One module's board benchmark (tests/gest-test-board-bench.c says what it measures). */
typedef struct
{
  const char *name;          /* "board": the ratio lines are "<name>-first-frame ratio …" */
  const char *what;          /* "trámites", "cases": the records, in the printout */
  const char *app_id;        /* the benchmark's GApplication id */
  const char *folio_prefix;  /* "LIQ": the plain list's labels look like the cards' folios */
  const char *count_sql;     /* SELECT count (*) of the board's live records */
  guint       default_n;     /* records when GESTIONA_BENCH_SCALE is unset */
  /* Fills a new database with @n records, in one transaction. */
  gboolean  (*fill)        (GestStore  *store,
                            guint       n,
                            GError    **error);
  /* A new reference to the board's GestBoardSource over @store. */
  GObject  *(*new_source)  (GestStore  *store);
} GestTestBoardBench;

/* Makes (or reuses) the database, runs both measures and prints them; the exit status. */
int gest_test_board_bench_main (const GestTestBoardBench *spec);

G_END_DECLS
