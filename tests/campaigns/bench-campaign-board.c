/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 14 benchmark: one campaign's board over 200,000 affected vehicles (made once in a
 * temporary folder by SQL across the five columns, with their vehicles and a thousand owners;
 * GESTIONA_BENCH_SCALE sets another number, GESTIONA_BENCH_BOARD_DB keeps the database to
 * reuse), with the shared harness of tests/gest-test-board-bench.c:
 *
 * 1. First frame: from creating an AdwApplicationWindow to the end of the first frame painted
 *    in which every column on screen shows its cards with their data, against the same window
 *    with no content, to its first frame. Goal: ratio ≤ 2.
 * 2. Scrolling: the work per frame while a column scrolls, against a plain GtkListView.
 *
 * Run it under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). It reports: it exits
 * 0 whatever the ratios. */
#include "config.h"

#include "gest-campaign-board-source.h"
#include "gest-test-board-bench.h"

#define BENCH_CAMPAIGN "bench-campaign"

/* @n affected vehicles of one campaign that needs no parts, spread over the columns (most
 * still to contact, as after an import), a third of those waiting more than a week; the
 * closed ones with a close-out. By SQL in one transaction (the triggers run as for any
 * insert). */
static gboolean
fill_vehicles (GestStore  *store,
               guint       n,
               GError    **error)
{
  gint64 now = g_get_real_time ();
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1000) "
    "INSERT INTO customers (uuid, name, phone_mobile, city) "
    "SELECT printf ('bench-cust-%%d', i), printf ('Cliente de prueba %%d', i), printf ('222%%07d', i), 'Puebla' FROM k;"
    "INSERT INTO campaigns (uuid, code, kind, description, needs_parts, created_at, updated_at)"
    " VALUES ('" BENCH_CAMPAIGN "', '24S12', 'safety-recall', 'Reemplazo del inflador de la bolsa de aire', 0,"
    " %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %u) "
    "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) "
    "SELECT printf ('bench-veh-%%d', i), printf ('1FTFW1E5XMF%%06d', i),"
    " CASE i %% 3 WHEN 0 THEN 'F-150' WHEN 1 THEN 'Ranger' ELSE 'Explorer' END, 2019 + i %% 4,"
    " printf ('TXA-%%04d', i %% 10000), printf ('bench-cust-%%d', 1 + i %% 1000) FROM k;"
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %u) "
    "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, closeout, closed_at,"
    " list_owner, list_phone, imported_at, updated_at) "
    "SELECT printf ('bench-cv-%%d', i), '" BENCH_CAMPAIGN "', printf ('bench-veh-%%d', i),"
    " CASE WHEN i %% 10 < 5 THEN 1 WHEN i %% 10 < 7 THEN 2 WHEN i %% 10 < 8 THEN 3 WHEN i %% 10 < 9 THEN 4 ELSE 0 END,"
    " %" G_GINT64_FORMAT " - (i %% 3) * 5 * 86400000000 - i * 1000000,"
    " CASE WHEN i %% 10 = 8 THEN 'done-here' END, CASE WHEN i %% 10 = 8 THEN %" G_GINT64_FORMAT " END,"
    " printf ('CLIENTE DE PRUEBA %%d', 1 + i %% 1000), printf ('222%%07d', 1 + i %% 1000),"
    " %" G_GINT64_FORMAT " - i * 1000000, %" G_GINT64_FORMAT " FROM k;",
    now, now, n, n, now, now, now, now);
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
  return G_OBJECT (gest_campaign_board_source_new (store, BENCH_CAMPAIGN));
}

int
main (int   argc,
      char *argv[])
{
  static const GestTestBoardBench spec = {
    .name = "campaign-board",
    .what = "affected vehicles",
    .app_id = "io.github.gestiona.BenchCampaignBoard",
    .folio_prefix = "1FTFW1E5XMF",
    .count_sql = "SELECT count (*) FROM campaign_vehicles WHERE deleted = 0",
    .default_n = 200000,
    .fill = fill_vehicles,
    .new_source = new_source,
  };

  return gest_test_board_bench_main (&spec);
}
