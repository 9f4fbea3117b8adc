/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1-S3 (issue 14): the campaign completion reports over a known data set, through the
 * reports hub's runner: each campaign's affected, contacted and repaired vehicles and its
 * completion share; the close-outs of the period by reason (the period's edges, the dealer's
 * time zone); the period week by week (a Sunday belongs to the week before); the weekly review
 * stamps; one of them exported to XLSX and read back with openpyxl. */
#include "config.h"

#include <string.h>

#include "gest-campaigns-reports.h"
#include "gest-report-xlsx.h"
#include "gest-report.h"
#include "gest-store.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

/* A moment in the dealer's time zone (America/Mexico_City, UTC-6). */
static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* One affected vehicle: its own vehicle row, @stage, and when closed its close-out. */
static void
vehicle (GestStore  *store,
         const char *uuid,
         const char *campaign,
         int         stage,
         const char *closeout,
         gint64      closed_at,
         gint64      imported_at,
         int         deleted)
{
  g_autofree char *closed = closed_at != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, closed_at) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO vehicles (uuid, vin, model, year) VALUES ('v-%s', 'VIN-%s', 'Ranger', 2022);"
    "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, closeout, closed_at,"
    " imported_at, deleted) VALUES ('%s', '%s', 'v-%s', %d, 1, %s%s%s, %s, %" G_GINT64_FORMAT ", %d)",
    uuid, uuid, uuid, campaign, uuid, stage,
    closeout ? "'" : "", closeout ? closeout : "NULL", closeout ? "'" : "",
    closed,
    imported_at, deleted);

  exec (store, sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reviews = NULL;
  gint64 dec2 = at (2026, 12, 2, 10, 0);

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "reports.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);

  exec (f->store,
        "INSERT INTO users (uuid, name, role, login) VALUES"
        " ('u-gerente', 'Roberto Salinas Vega', 'service-manager', 'gerente.servicio');"
        "INSERT INTO campaigns (uuid, code, kind, description, needs_parts, closed_at, created_at) VALUES"
        " ('a', '24S12', 'safety-recall', 'Bolsa de aire', 1, NULL, 1),"
        " ('b', '23B05', 'satisfaction', 'Transmisión', 0, 5, 1),"
        " ('c', '22E01', 'emissions', 'Catalizador', 0, NULL, 1),"
        " ('d', '21X01', 'emissions', 'Borrada', 0, NULL, 1);"
        "UPDATE campaigns SET deleted = 1 WHERE uuid = 'd';");

  /* 24S12: 10 live vehicles imported on 2 December, one deleted. */
  vehicle (f->store, "a1", "a", 0, NULL, 0, dec2, 0);
  vehicle (f->store, "a2", "a", 0, NULL, 0, dec2, 0);
  vehicle (f->store, "a3", "a", 1, NULL, 0, dec2, 0);
  vehicle (f->store, "a4", "a", 1, NULL, 0, dec2, 0);
  vehicle (f->store, "a5", "a", 2, NULL, 0, dec2, 0);
  vehicle (f->store, "a6", "a", 3, NULL, 0, dec2, 0);
  /* Closed exactly when the period starts: in it. */
  vehicle (f->store, "a7", "a", 4, "done-here", at (2026, 12, 1, 0, 0), dec2, 0);
  vehicle (f->store, "a8", "a", 4, "done-here", at (2026, 12, 15, 11, 0), dec2, 0);
  /* A Sunday: the week of Monday 14 December. */
  vehicle (f->store, "a9", "a", 4, "done-elsewhere", at (2026, 12, 20, 18, 0), dec2, 0);
  /* A minute before the period. */
  vehicle (f->store, "a10", "a", 4, "unlocatable", at (2026, 11, 30, 23, 59), dec2, 0);
  vehicle (f->store, "a11", "a", 4, "done-here", at (2026, 12, 10, 9, 0), dec2, 1);
  /* 23B05 (closed campaign): imported in November. */
  vehicle (f->store, "b1", "b", 4, "done-here", at (2026, 12, 3, 9, 0), at (2026, 11, 10, 9, 0), 0);
  vehicle (f->store, "b2", "b", 4, "done-here", at (2026, 12, 4, 9, 0), at (2026, 11, 10, 9, 0), 0);
  /* Exactly when the period ends: outside it. */
  vehicle (f->store, "b3", "b", 4, "done-here", at (2027, 1, 1, 0, 0), at (2026, 11, 10, 9, 0), 0);
  /* 31 December at 23:00 in Mexico City is 1 January in UTC: still December's last week. */
  vehicle (f->store, "b4", "b", 4, "not-applicable", at (2026, 12, 31, 23, 0), at (2026, 11, 10, 9, 0), 0);

  reviews = g_strdup_printf (
    "INSERT INTO campaign_reviews (uuid, campaign_uuid, week, reviewed_by, reviewed_at, n_affected,"
    " n_parts_pending, n_to_contact, n_contacted, n_booked, n_closed) VALUES"
    " ('r1', 'a', '2026-W49', 'u-gerente', %" G_GINT64_FORMAT ", 10, 4, 3, 1, 1, 1),"
    " ('r2', 'b', '2026-W49', 'u-gerente', %" G_GINT64_FORMAT ", 4, 0, 0, 0, 0, 2),"
    " ('r3', 'a', '2026-W50', 'u-gerente', %" G_GINT64_FORMAT ", 10, 2, 2, 1, 1, 3),"
    " ('r0', 'a', '2026-W48', 'u-gerente', %" G_GINT64_FORMAT ", 10, 10, 0, 0, 0, 0)",
    at (2026, 12, 3, 9, 0), at (2026, 12, 3, 9, 5), at (2026, 12, 9, 9, 0), at (2026, 11, 26, 9, 0));
  exec (f->store, reviews);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static const GestReportInfo *
find_report (const char *id)
{
  GestDomainModule *campaigns = gest_domain_modules_find ("campaigns");
  const GestReportInfo *reports;
  guint n = 0;

  g_assert_nonnull (campaigns);
  reports = gest_domain_module_get_reports (campaigns, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (reports[i].id, id))
      return &reports[i];
  g_assert_not_reached ();
}

/* December 2026, run on 15 January 2027. */
static GestReportTable *
run (Fixture    *f,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  GestReportPeriod period;
  GDate first, last;
  GestReportTable *table;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 12, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_period_from_days (&period, &first, &last, at (2027, 1, 15, 9, 0));
  table = gest_report_run (gest_store_get_path (f->store), find_report (id), &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (GestReportTable *table,
            guint            row,
            const char      *expected)
{
  g_autoptr(GString) cells = g_string_new (NULL);

  for (guint column = 0; column < gest_report_table_get_n_columns (table); column++)
    {
      g_autofree char *text = gest_report_table_format_cell (table, row, column);

      g_string_append_printf (cells, "%s%s", column > 0 ? " | " : "", text);
    }
  g_assert_cmpstr (cells->str, ==, expected);
}

static void
assert_titles (GestReportTable *table,
               const char      *expected)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint column = 0; column < gest_report_table_get_n_columns (table); column++)
    g_string_append_printf (titles, "%s%s", column > 0 ? " | " : "", gest_report_table_get_column_title (table, column));
  g_assert_cmpstr (titles->str, ==, expected);
}

static void
test_registered (Fixture       *f,
                 gconstpointer  data)
{
  guint n = 0;
  const GestReportInfo *reports = gest_domain_module_get_reports (gest_domain_modules_find ("campaigns"), &n);

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (reports[0].id, ==, GEST_CAMPAIGNS_REPORT_COMPLETION);
  g_assert_false (gest_report_info_uses_period (&reports[0]));
  for (guint i = 1; i < n; i++)
    g_assert_true (gest_report_info_uses_period (&reports[i]));
}

static void
test_completion (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_CAMPAIGNS_REPORT_COMPLETION);

  assert_titles (table, "Campaign | Type | Affected | Parts pending | To contact | Contacted | Booked | Repaired"
                        " | Closed out otherwise | Completion");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 3);
  /* Open campaigns first, by code; a campaign without vehicles has no share. */
  assert_row (table, 0, "22E01 | Emissions | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ");
  /* Contacted: 2 on the board (Contactado, Cita agendada) and the 2 repaired here; completion:
   * 2 repaired here and 1 at another dealer of 10. */
  assert_row (table, 1, "24S12 | Safety recall | 10 | 2 | 2 | 4 | 1 | 2 | 2 | 30.0 %");
  assert_row (table, 2, "23B05 | Customer satisfaction program | 4 | 0 | 0 | 3 | 0 | 3 | 1 | 75.0 %");
}

static void
test_closeouts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_CAMPAIGNS_REPORT_CLOSEOUTS);

  assert_titles (table, "Reason | Vehicles | Share");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, "Repaired here | 4 | 66.7 %");
  assert_row (table, 1, "Repaired at another dealer | 1 | 16.7 %");
  assert_row (table, 2, "Not applicable | 1 | 16.7 %");
  assert_row (table, 3, "Vehicle unlocatable | 0 | 0.0 %");
}

static void
test_by_week (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_CAMPAIGNS_REPORT_BY_WEEK);

  assert_titles (table, "Week of | Added | Repaired here | Repaired at another dealer | Closed out otherwise");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, "30/11/2026 | 10 | 3 | 0 | 0");
  assert_row (table, 1, "14/12/2026 | 0 | 1 | 1 | 0");
  assert_row (table, 2, "28/12/2026 | 0 | 0 | 0 | 1");
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_CAMPAIGNS_REPORT_REVIEWS);

  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, "2026-W49 | 23B05 | Roberto Salinas Vega | 4 | 0 | 0 | 0 | 0 | 2");
  assert_row (table, 1, "2026-W49 | 24S12 | Roberto Salinas Vega | 10 | 4 | 3 | 1 | 1 | 1");
  assert_row (table, 2, "2026-W50 | 24S12 | Roberto Salinas Vega | 10 | 2 | 2 | 1 | 1 | 3");
}

/* Prints one line a cell: "Sheet!A1|type|value|number format". */
static const char script[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "for ws in wb.worksheets:\n"
  "    for row in ws.iter_rows():\n"
  "        for c in row:\n"
  "            if c.value is not None:\n"
  "                print('%s!%s|%s|%s|%s' % (ws.title, c.coordinate, type(c.value).__name__, c.value, c.number_format))\n";

static void
assert_line (const char *cells,
             const char *line)
{
  g_autofree char *with_newline = g_strconcat (line, "\n", NULL);

  if (strstr (cells, with_newline) == NULL)
    g_error ("“%s” is not among the cells:\n%s", line, cells);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_CAMPAIGNS_REPORT_BY_WEEK);
  g_autofree char *path = g_build_filename (f->dir, "weeks.xlsx", NULL);
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (gest_report_xlsx_write (path, &table, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (status != 0)
    g_error ("openpyxl failed: %s", err);
  assert_line (out, "Campaign progress by week!A1|str|Campaign progress by week|General");
  assert_line (out, "Campaign progress by week!A4|str|Week of|General");
  assert_line (out, "Campaign progress by week!A5|datetime|2026-11-30 00:00:00|dd/mm/yyyy");
  assert_line (out, "Campaign progress by week!B5|int|10|#,##0");
  assert_line (out, "Campaign progress by week!C5|int|3|#,##0");
  assert_line (out, "Campaign progress by week!E7|int|1|#,##0");
  g_assert_null (strstr (out, "!A8|"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/campaigns/S1/reports-registered", test_registered);
  ADD ("/campaigns/S1/report-completion", test_completion);
  ADD ("/campaigns/S1/report-closeouts-by-reason", test_closeouts);
  ADD ("/campaigns/S1/report-by-week", test_by_week);
  ADD ("/campaigns/S1/report-weekly-reviews", test_reviews);
  ADD ("/campaigns/S1/report-xlsx-read-back", test_xlsx);
#undef ADD

  return g_test_run ();
}
