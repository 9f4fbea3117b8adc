/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 benchmark: the complaints board over 100,000 cases (made once in a temporary folder
 * by SQL across the seven stages, with their customers; GESTIONA_BENCH_SCALE sets another
 * number, GESTIONA_BENCH_BOARD_DB keeps the database to reuse), with the harness of
 * tests/tramites/bench-board.c, in the same process and the same way as a bare window:
 *
 * 1. First frame: from creating an AdwApplicationWindow to the end of the first frame painted
 *    in which every column on screen (the board scrolls sideways) shows its cards with their
 *    data (checked on the widgets: the cards inside each column's viewport are bound to
 *    fetched items and fill it, or the column is loaded and shorter; an empty board or blank
 *    cards do not count), against the same window with no content, to its first frame.
 *    Interleaved runs, medians compared.
 * 2. Scrolling: the work per frame (before-paint to after-paint of the frame clock) while a
 *    column scrolls by half a page every frame, against a plain GtkListView of labels over a
 *    GtkStringList with as many rows, scrolled the same way in the same window size.
 *
 * Run it under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). It reports: it exits
 * 0 whatever the ratios. The measures are tests/gest-test-board-bench.c's, shared by every
 * module's board. */
#include "config.h"

#include "gest-complaint-board-source.h"
#include "gest-date.h"
#include "gest-test-board-bench.h"

/* @n cases across the stages, a thousand customers, one responsible in ten the bench's user,
 * about a third without a log entry today, some SLA at risk or missed: by SQL in one
 * transaction (the triggers run as for any insert). */
static gboolean
fill_cases (GestStore  *store,
            guint       n,
            GError    **error)
{
  gint64 now = g_get_real_time ();
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_now (gest_dealer_timezone ());

  today = g_date_time_format (dt, "%Y-%m-%d");
  sql = g_strdup_printf (
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1000) "
    "INSERT INTO customers (uuid, name, city) "
    "SELECT printf ('bench-cust-%%d', i), printf ('Cliente de prueba %%d', i), 'Puebla' FROM k;"
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %u) "
    "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid, complainant_name,"
    " summary, responsible_uuid, last_log_at, last_log_day, sla_state, created_at, updated_at) "
    "SELECT printf ('bench-case-%%d', i), printf ('QJA-2026-%%06d', i),"
    " CASE WHEN i %% 3 = 0 THEN 'claim' ELSE 'complaint' END,"
    " CASE WHEN i %% 4 = 0 THEN 'writing' ELSE 'phone' END,"
    " i %% 7, %" G_GINT64_FORMAT " - i * 60000000, printf ('bench-cust-%%d', 1 + i %% 1000),"
    " printf ('Cliente de prueba %%d', 1 + i %% 1000), 'Cobro doble de la cuota',"
    " CASE WHEN i %% 10 = 0 THEN 'bench-user' ELSE 'other-user' END,"
    " %" G_GINT64_FORMAT ", CASE WHEN i %% 3 = 0 THEN '2026-01-01' ELSE '%s' END,"
    " i %% 5 %% 3, %" G_GINT64_FORMAT " - i * 60000000, %" G_GINT64_FORMAT " FROM k;",
    n, now, now, today, now, now);
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  if (!gest_store_exec (store, sql, error))
    {
      gest_store_rollback (store);
      return FALSE;
    }
  return gest_store_commit (store, error);
}

static GObject *
new_source (GestStore *store)
{
  return G_OBJECT (gest_complaint_board_source_new (store));
}

int
main (int   argc,
      char *argv[])
{
  static const GestTestBoardBench spec = {
    .name = "complaints-board",
    .what = "cases",
    .app_id = "io.github.gestiona.BenchComplaintsBoard",
    .folio_prefix = "QJA",
    .count_sql = "SELECT count (*) FROM complaints WHERE deleted = 0",
    .default_n = 100000,
    .fill = fill_cases,
    .new_source = new_source,
  };

  return gest_test_board_bench_main (&spec);
}
