/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S6, S15 (issue 14): the retention reports over a known data set, through the reports hub's
 * runner: the cadence's compliance by coordinator (five counted attempts within 7 days, the
 * boundary at exactly 7 days, reached before, still within the week at the period's end),
 * the calls by outcome (the period's edges, deleted calls) and the letters and emails sent
 * after the fifth failed attempt. */
#include "config.h"

#include "gest-report.h"
#include "gest-retention-reports.h"
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

static void
target (GestStore  *store,
        const char *uuid,
        gint64      opened_at,
        int         deleted)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid, opened_at, deleted)"
    " VALUES ('%s', 'retention.lapsed-maintenance', 'rec-%s', 'cust-1', %" G_GINT64_FORMAT ", %d)",
    uuid, uuid, opened_at, deleted);

  exec (store, sql);
}

static void
call (GestStore  *store,
      const char *target_uuid,
      const char *user,
      gint64      when,
      const char *outcome,
      int         counted,
      int         deleted)
{
  static guint n = 0;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO contact_calls (uuid, target_uuid, at, user_uuid, number_dialled, outcome, band, counted, deleted)"
    " VALUES ('call-%u', '%s', %" G_GINT64_FORMAT ", '%s', '5512345678', '%s', 0, %d, %d)",
    ++n, target_uuid, when, user, outcome, counted, deleted);

  exec (store, sql);
}

static void
letter (GestStore  *store,
        const char *uuid,
        const char *target_uuid,
        const char *channel,
        gint64      created,
        gint64      done,
        int         deleted)
{
  g_autofree char *done_sql = done != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, done) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO contact_letters (uuid, target_uuid, channel, created_at, printed_at, sent_at, deleted)"
    " VALUES ('%s', '%s', '%s', %" G_GINT64_FORMAT ", %s, %s, %d)",
    uuid, target_uuid, channel, created,
    g_str_equal (channel, "letter") ? done_sql : "NULL",
    g_str_equal (channel, "email") ? done_sql : "NULL", deleted);

  exec (store, sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "reports.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);

  exec (f->store,
        "INSERT INTO customers (uuid, name) VALUES ('cust-1', 'Ana Torres');"
        "INSERT INTO users (uuid, name, role, login) VALUES"
        " ('u1', 'Javier Núñez Campos', 'service-coordinator', 'coordinador.servicio'),"
        " ('u2', 'Lucía Pérez Soto', 'service-coordinator', 'coordinadora2');");

  /* Javier. t1: the fifth counted attempt 6 days and 4 hours after the first: complied. */
  target (f->store, "t1", at (2026, 12, 1, 9, 0), 0);
  call (f->store, "t1", "u1", at (2026, 12, 1, 9, 0), "no-answer", 1, 0);
  call (f->store, "t1", "u1", at (2026, 12, 2, 13, 0), "no-answer", 1, 0);
  call (f->store, "t1", "u1", at (2026, 12, 3, 16, 0), "no-answer", 1, 0);
  call (f->store, "t1", "u1", at (2026, 12, 4, 9, 0), "no-answer", 1, 0);
  call (f->store, "t1", "u1", at (2026, 12, 7, 13, 0), "no-answer", 1, 0);
  /* t2: the fifth exactly 7 days after the first: missed. */
  target (f->store, "t2", at (2026, 12, 1, 9, 30), 0);
  call (f->store, "t2", "u1", at (2026, 12, 1, 9, 30), "no-answer", 1, 0);
  call (f->store, "t2", "u1", at (2026, 12, 2, 13, 30), "no-answer", 1, 0);
  call (f->store, "t2", "u1", at (2026, 12, 3, 16, 30), "no-answer", 1, 0);
  call (f->store, "t2", "u1", at (2026, 12, 4, 9, 30), "no-answer", 1, 0);
  call (f->store, "t2", "u1", at (2026, 12, 8, 9, 30), "no-answer", 1, 0);
  /* t3: reached on the second call: complied. */
  target (f->store, "t3", at (2026, 12, 10, 9, 0), 0);
  call (f->store, "t3", "u1", at (2026, 12, 10, 9, 0), "no-answer", 1, 0);
  call (f->store, "t3", "u1", at (2026, 12, 11, 13, 0), "contacted", 0, 0);
  /* t9: six counted attempts (two desktops synced): the fifth, within the week, decides. */
  target (f->store, "t9", at (2026, 12, 14, 9, 0), 0);
  call (f->store, "t9", "u1", at (2026, 12, 14, 9, 0), "no-answer", 1, 0);
  call (f->store, "t9", "u1", at (2026, 12, 15, 13, 0), "no-answer", 1, 0);
  call (f->store, "t9", "u1", at (2026, 12, 16, 16, 0), "no-answer", 1, 0);
  call (f->store, "t9", "u1", at (2026, 12, 17, 9, 0), "no-answer", 1, 0);
  call (f->store, "t9", "u1", at (2026, 12, 18, 13, 0), "no-answer", 1, 0);
  call (f->store, "t9", "u1", at (2026, 12, 24, 16, 0), "no-answer", 1, 0);
  /* Lucía. t4: one attempt, a call back that does not count, reached ten days later: missed. */
  target (f->store, "t4", at (2026, 12, 10, 10, 0), 0);
  call (f->store, "t4", "u2", at (2026, 12, 10, 10, 0), "no-answer", 1, 0);
  call (f->store, "t4", "u2", at (2026, 12, 12, 12, 30), "call-back", 0, 0);
  call (f->store, "t4", "u2", at (2026, 12, 20, 16, 0), "contacted", 0, 0);
  /* t5: first called on 29 December, its week ends in January: still within it. */
  target (f->store, "t5", at (2026, 12, 29, 9, 0), 0);
  call (f->store, "t5", "u2", at (2026, 12, 29, 9, 0), "no-answer", 1, 0);
  call (f->store, "t5", "u2", at (2026, 12, 30, 13, 0), "no-answer", 1, 0);
  call (f->store, "t5", "u2", at (2026, 12, 31, 23, 59), "wrong-number", 1, 0);
  /* Deleted: nowhere. */
  target (f->store, "t7", at (2026, 12, 5, 10, 0), 1);
  call (f->store, "t7", "u2", at (2026, 12, 5, 10, 0), "booked", 0, 1);
  /* Before and after the period. */
  target (f->store, "t8", at (2026, 11, 30, 23, 0), 0);
  call (f->store, "t8", "u1", at (2026, 11, 30, 23, 0), "no-answer", 1, 0);
  call (f->store, "t8", "u1", at (2027, 1, 1, 0, 0), "refused", 0, 0);

  letter (f->store, "l1", "t1", "letter", at (2026, 12, 8, 9, 0), at (2026, 12, 9, 9, 0), 0);
  letter (f->store, "l2", "t2", "letter", at (2026, 12, 9, 9, 0), 0, 0);
  letter (f->store, "l3", "t3", "email", at (2026, 12, 10, 9, 0), at (2026, 12, 10, 9, 5), 0);
  letter (f->store, "l4", "t4", "email", at (2026, 12, 31, 23, 0), 0, 0);
  letter (f->store, "l5", "t8", "letter", at (2027, 1, 2, 9, 0), 0, 0);
  letter (f->store, "l6", "t5", "letter", at (2026, 12, 15, 9, 0), 0, 1);
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
  GestDomainModule *retention = gest_domain_modules_find ("retention");
  const GestReportInfo *reports;
  guint n = 0;

  g_assert_nonnull (retention);
  reports = gest_domain_module_get_reports (retention, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (reports[i].id, id))
      return &reports[i];
  g_assert_not_reached ();
}

/* December 2026, run on 15 January 2027 (or at @now). */
static GestReportTable *
run (Fixture    *f,
     const char *id,
     gint64      now)
{
  g_autoptr(GError) error = NULL;
  GestReportPeriod period;
  GDate first, last;
  GestReportTable *table;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 12, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_period_from_days (&period, &first, &last, now != 0 ? now : at (2027, 1, 15, 9, 0));
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
  const GestReportInfo *reports = gest_domain_module_get_reports (gest_domain_modules_find ("retention"), &n);

  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    g_assert_true (gest_report_info_uses_period (&reports[i]));
}

static void
test_cadence (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_RETENTION_REPORT_CADENCE, 0);
  g_autoptr(GestReportTable) later = NULL;

  assert_titles (table, "Coordinator | Contacts decided | Complied | Missed | Compliance | Still within their week");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, "Javier Núñez Campos | 4 | 3 | 1 | 75.0 % | 0");
  assert_row (table, 1, "Lucía Pérez Soto | 1 | 0 | 1 | 0.0 % | 1");

  /* Run on 11 December at noon: t3 (reached) is decided, t4 is still within its week. */
  later = run (f, GEST_RETENTION_REPORT_CADENCE, at (2026, 12, 11, 13, 30));
  assert_row (later, 0, "Javier Núñez Campos | 4 | 3 | 1 | 75.0 % | 0");
  assert_row (later, 1, "Lucía Pérez Soto | 0 | 0 | 0 |  | 2");
}

static void
test_outcomes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_RETENTION_REPORT_OUTCOMES, 0);

  assert_titles (table, "Outcome | Calls | Counted attempts | Share");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 6);
  assert_row (table, 0, "Contacted | 2 | 0 | 8.3 %");
  assert_row (table, 1, "Appointment booked | 0 | 0 | 0.0 %");
  assert_row (table, 2, "Refused | 0 | 0 | 0.0 %");
  assert_row (table, 3, "Call back | 1 | 0 | 4.2 %");
  assert_row (table, 4, "No answer | 20 | 20 | 83.3 %");
  assert_row (table, 5, "Wrong number | 1 | 1 | 4.2 %");
}

static void
test_letters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_RETENTION_REPORT_LETTERS, 0);

  assert_titles (table, "Channel | Made | Printed or delivered | Waiting");
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, "Letter | 2 | 1 | 1");
  assert_row (table, 1, "Email | 2 | 1 | 1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/retention/S6/reports-registered", test_registered);
  ADD ("/retention/S6/report-cadence-compliance", test_cadence);
  ADD ("/retention/S6/report-calls-by-outcome", test_outcomes);
  ADD ("/retention/S15/report-letters-and-emails", test_letters);
#undef ADD

  return g_test_run ();
}
