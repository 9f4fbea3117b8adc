/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 (Q11), the reports hub's runner: periods in the dealer's time zone, typed columns
 * (given or guessed), the period parameters, its own read-only connection, cancellation,
 * the run in a thread, and the error of a report that cannot run. */
#include "config.h"

#include <sqlite3.h>

#include "gest-report.h"
#include "gest-test-util.h"

static const GestReportInfo guessed = {
  "test-guessed", "Guessed kinds", NULL,
  "SELECT name AS \"Name\", n AS \"Count\", d AS \"Days\" FROM t ORDER BY n", NULL, 0,
};
static const GestReportInfo writer = {
  "test-writer", "A report that writes", NULL, "DELETE FROM t", NULL, 0,
};
static const GestReportInfo broken = {
  "test-broken", "Broken report", NULL, "SELECT x FROM nowhere", NULL, 0,
};
static const GestReportInfo slow = {
  "test-slow", "Slow report", NULL,
  "WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000)"
  " SELECT count (*) AS \"N\" FROM c WHERE x >= :from", NULL, 0,
};
static const GestReportColumnKind param_kinds[] = {
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};
static const GestReportInfo params = {
  "test-params", "Parameters", NULL,
  "SELECT :from AS \"From\", :to AS \"To\", :now AS \"Now\", :utc_offset AS \"Offset\"", param_kinds, 0,
};

static gint64
local (int year,
       int month,
       int day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static char *
make_db (const char *dir)
{
  char *path = g_build_filename (dir, "t.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                                 "CREATE TABLE t (name TEXT, n INTEGER, d REAL);"
                                 "INSERT INTO t VALUES (NULL, 1, NULL), ('Norte', 1234567, 2.25);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
test_period_presets (void)
{
  GestReportPeriod period;
  gint64 now = local (2026, 12, 6) + (gint64) 10 * 3600 * G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  gest_report_period_preset (&period, GEST_REPORT_PERIOD_THIS_MONTH, now);
  g_assert_cmpint (period.from, ==, local (2026, 12, 1));
  g_assert_cmpint (period.to, ==, local (2027, 1, 1));
  g_assert_cmpint (period.now, ==, now);
  text = gest_report_period_format (&period);
  g_assert_cmpstr (text, ==, "01/12/2026 – 31/12/2026");
  g_clear_pointer (&text, g_free);

  gest_report_period_preset (&period, GEST_REPORT_PERIOD_LAST_MONTH, now);
  text = gest_report_period_format (&period);
  g_assert_cmpstr (text, ==, "01/11/2026 – 30/11/2026");
  g_clear_pointer (&text, g_free);

  gest_report_period_preset (&period, GEST_REPORT_PERIOD_THIS_YEAR, now);
  g_assert_cmpint (period.from, ==, local (2026, 1, 1));
  g_assert_cmpint (period.to, ==, local (2027, 1, 1));
  text = gest_report_period_format (&period);
  g_assert_cmpstr (text, ==, "01/01/2026 – 31/12/2026");
  g_clear_pointer (&text, g_free);

  /* In January, last month is December of the year before. */
  gest_report_period_preset (&period, GEST_REPORT_PERIOD_LAST_MONTH, local (2027, 1, 1));
  text = gest_report_period_format (&period);
  g_assert_cmpstr (text, ==, "01/12/2026 – 31/12/2026");
}

static void
test_params_bound (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = make_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestReportTable) table = NULL;
  GestReportPeriod period = { local (2026, 12, 1), local (2027, 1, 1), 42 };

  table = gest_report_run (path, &params, &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gest_report_table_has_period (table));
  g_assert_cmpint (gest_report_table_get_int (table, 0, 0), ==, period.from);
  g_assert_cmpint (gest_report_table_get_int (table, 0, 1), ==, period.to);
  g_assert_cmpint (gest_report_table_get_int (table, 0, 2), ==, 42);
  /* Mexico City, without daylight saving time since 2022: UTC-6. */
  g_assert_cmpint (gest_report_table_get_int (table, 0, 3), ==, -6 * 3600);
}

static void
test_guessed_kinds (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = make_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestReportTable) table = NULL;
  GestReportPeriod period = { 0, 0, 0 };
  g_autofree char *count = NULL;
  g_autofree char *days = NULL;
  g_autofree char *empty = NULL;

  table = gest_report_run (path, &guessed, &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gest_report_table_has_period (table));
  g_assert_false (gest_report_info_uses_period (&guessed));
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  /* The first row's NULLs do not decide: the first value does. */
  g_assert_cmpint (gest_report_table_get_column_kind (table, 0), ==, GEST_REPORT_COLUMN_TEXT);
  g_assert_cmpint (gest_report_table_get_column_kind (table, 1), ==, GEST_REPORT_COLUMN_COUNT);
  g_assert_cmpint (gest_report_table_get_column_kind (table, 2), ==, GEST_REPORT_COLUMN_DAYS);
  g_assert_true (gest_report_table_is_null (table, 0, 0));
  empty = gest_report_table_format_cell (table, 0, 2);
  g_assert_cmpstr (empty, ==, "");
  count = gest_report_table_format_cell (table, 1, 1);
  g_assert_cmpstr (count, ==, "1,234,567");
  days = gest_report_table_format_cell (table, 1, 2);
  g_assert_cmpstr (days, ==, "2.2");
  g_assert_cmpstr (gest_report_table_get_title (table), ==, "Guessed kinds");
}

static void
test_read_only_and_errors (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = make_db (dir);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  GestReportPeriod period = { 0, 0, 0 };

  /* The runner's connection only reads. */
  g_assert_null (gest_report_run (path, &writer, &period, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_cmpstr (error->message, ==, "The report “A report that writes” could not run: attempt to write a readonly database");
  g_clear_error (&error);

  g_assert_null (gest_report_run (path, &broken, &period, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The report “Broken report” could not run: no such table: nowhere");
  g_clear_error (&error);

  g_assert_null (gest_report_run (missing, &guessed, &period, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_true (g_str_has_prefix (error->message, "The database “"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_async_and_cancel (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = make_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GestReportTable) table = NULL;
  GestReportPeriod period = { 0, 0, 0 };
  GAsyncResult *result = NULL;
  gint64 start;

  gest_report_run_async (path, &guessed, &period, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  table = gest_report_run_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  g_clear_object (&result);

  /* A query of many seconds stops soon after it is cancelled. */
  start = g_get_monotonic_time ();
  gest_report_run_async (path, &slow, &period, cancellable, gest_test_result_cb, &result);
  g_usleep (50000);
  g_cancellable_cancel (cancellable);
  WAIT_UNTIL (result != NULL);
  g_assert_null (gest_report_run_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_object (&result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/Q11/period-presets-dealer-time-zone", test_period_presets);
  g_test_add_func ("/reports/Q11/period-parameters-bound", test_params_bound);
  g_test_add_func ("/reports/Q11/kinds-guessed-and-formatted", test_guessed_kinds);
  g_test_add_func ("/reports/Q11/read-only-connection-and-errors", test_read_only_and_errors);
  g_test_add_func ("/reports/Q11/async-and-cancel", test_async_and_cancel);
  return g_test_run ();
}
