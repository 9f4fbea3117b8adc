/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q11: the complaints reports over a known data set, through the reports hub's runner: by
 * cause (closures at the period's edges), by type and responsible, time to close by month in
 * the dealer's time zone, open age buckets at their boundaries, SLA compliance. */
#include "config.h"

#include "gest-complaints-reports.h"
#include "gest-report.h"
#include "gest-store.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

/* A moment in the dealer's time zone (TZ and the dealer: America/Mexico_City, UTC-6). */
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
insert_case (GestStore  *store,
             const char *uuid,
             const char *kind,
             int         stage,
             gint64      created,
             gint64      closed,        /* 0: NULL */
             const char *cause,
             const char *area,
             const char *responsible,
             gint64      first_response, /* 0: NULL */
             int         sla_state,
             int         deleted)
{
  g_autofree char *closed_sql = closed != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, closed) : g_strdup ("NULL");
  g_autofree char *response_sql = first_response != 0
    ? g_strdup_printf ("%" G_GINT64_FORMAT, first_response) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid,"
    " complainant_name, summary, responsible_uuid, created_at, closed_at, cause_uuid, area_uuid,"
    " first_response_at, sla_state, deleted)"
    " VALUES ('%s', 'QJA-2026-%s', '%s', 'phone', %d, %" G_GINT64_FORMAT ", 'cust-1', 'Ana',"
    " 'Cobro', '%s', %" G_GINT64_FORMAT ", %s, %s%s%s, %s%s%s, %s, %d, %d)",
    uuid, uuid, kind, stage, created, responsible, created,
    closed_sql,
    cause ? "'" : "", cause ? cause : "NULL", cause ? "'" : "",
    area ? "'" : "", area ? area : "NULL", area ? "'" : "",
    response_sql,
    sla_state, deleted);

  exec (store, sql);
}

static void
insert_event (GestStore  *store,
              const char *complaint,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at)"
    " VALUES ('%s-%s', '%s', '%s', 1)", complaint, kind, complaint, kind);

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
        " ('u1', 'Laura Méndez Ortiz', 'cs-analyst', 'analista'),"
        " ('u2', 'Patricia Gómez Lara', 'cs-head', 'jefe.atencion');"
        "INSERT INTO complaint_catalog (uuid, kind, label) VALUES"
        " ('cause-a', 'cause', 'Cobro indebido'), ('cause-b', 'cause', 'Demora en entrega'),"
        " ('area-x', 'area', 'Cobranza'), ('area-y', 'area', 'Ventas');");

  /* Closed in December: 2.0, 4.5 and 11.0 days (c3 exactly at the period's start). */
  insert_case (f->store, "c1", "complaint", 6, at (2026, 12, 1, 10, 0), at (2026, 12, 3, 10, 0),
               "cause-a", "area-x", "u1", at (2026, 12, 1, 12, 0), 0, 0);
  insert_case (f->store, "c2", "claim", 6, at (2026, 12, 2, 10, 0), at (2026, 12, 6, 22, 0),
               "cause-a", "area-y", "u1", at (2026, 12, 2, 11, 0), 0, 0);
  insert_case (f->store, "c3", "complaint", 6, at (2026, 11, 20, 0, 0), at (2026, 12, 1, 0, 0),
               "cause-b", "area-x", "u2", at (2026, 11, 20, 9, 0), 0, 0);
  /* Closed exactly at the period's end: outside it, and open at its end. */
  insert_case (f->store, "c4", "complaint", 6, at (2026, 12, 28, 12, 0), at (2027, 1, 1, 0, 0),
               "cause-b", "area-x", "u2", 0, 0, 0);
  insert_case (f->store, "c5", "complaint", 2, at (2026, 12, 10, 0, 0), 0,
               NULL, NULL, "u2", 0, 2, 0);
  /* Open at the end of December: exactly 3 days, 3 days less a second, 31 and 30 days. */
  insert_case (f->store, "c7", "complaint", 1, at (2026, 12, 29, 0, 0), 0, NULL, NULL, "u2", 0, 0, 0);
  insert_case (f->store, "c8", "complaint", 1, at (2026, 12, 29, 0, 0) + 1, 0, NULL, NULL, "u2", 0, 0, 0);
  insert_case (f->store, "c9", "complaint", 0, at (2026, 12, 1, 0, 0), 0, NULL, NULL, "u2", 0, 0, 0);
  insert_case (f->store, "c10", "complaint", 0, at (2026, 12, 2, 0, 0), 0, NULL, NULL, "u2", 0, 0, 0);
  /* Deleted: counted nowhere. */
  insert_case (f->store, "c6", "complaint", 6, at (2026, 12, 2, 0, 0), at (2026, 12, 4, 0, 0),
               "cause-a", "area-x", "u1", 0, 0, 1);
  /* Closed on 30 November at 23:30 in Mexico City, 1 December in UTC. */
  insert_case (f->store, "c11", "complaint", 6, at (2026, 11, 30, 23, 0), at (2026, 11, 30, 23, 30),
               "cause-a", "area-x", "u1", at (2026, 11, 30, 23, 10), 0, 0);

  insert_event (f->store, "c2", "resolution-missed");
  insert_event (f->store, "c5", "response-missed");
  insert_event (f->store, "c5", "resolution-missed");
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
  GestDomainModule *complaints = gest_domain_modules_find ("complaints");
  const GestReportInfo *reports;
  guint n = 0;

  g_assert_nonnull (complaints);
  reports = gest_domain_module_get_reports (complaints, &n);
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
assert_cell (GestReportTable *table,
             guint            row,
             guint            column,
             const char      *expected)
{
  g_autofree char *text = gest_report_table_format_cell (table, row, column);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_registered (Fixture       *f,
                 gconstpointer  data)
{
  GestDomainModule *complaints = gest_domain_modules_find ("complaints");
  guint n = 0;
  const GestReportInfo *reports = gest_domain_module_get_reports (complaints, &n);

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GestReportTable) table = run (f, reports[i].id, 0);

      g_assert_true (gest_report_info_uses_period (&reports[i]));
      g_assert_cmpuint (reports[i].chart_column, >=, 1);
      g_assert_cmpuint (reports[i].chart_column, <, gest_report_table_get_n_columns (table));
    }
}

static void
test_by_cause (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_COMPLAINTS_REPORT_BY_CAUSE, 0);

  g_assert_cmpuint (gest_report_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (gest_report_table_get_column_title (table, 0), ==, "Cause");
  g_assert_cmpstr (gest_report_table_get_column_title (table, 1), ==, "Closed cases");
  g_assert_cmpstr (gest_report_table_get_column_title (table, 2), ==, "Average days to close");
  g_assert_cmpint (gest_report_table_get_column_kind (table, 1), ==, GEST_REPORT_COLUMN_COUNT);
  g_assert_cmpint (gest_report_table_get_column_kind (table, 2), ==, GEST_REPORT_COLUMN_DAYS);
  /* c1 and c2 (c6 deleted, c11 closed on 30 November local time); c3 closed at the very
   * start of the period; c4 at its end, so outside. */
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (gest_report_table_get_text (table, 0, 0), ==, "Cobro indebido");
  g_assert_cmpint (gest_report_table_get_int (table, 0, 1), ==, 2);
  g_assert_cmpfloat_with_epsilon (gest_report_table_get_double (table, 0, 2), 3.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (gest_report_table_get_double (table, 0, 3), 4.5, 1e-9);
  assert_cell (table, 0, 2, "3.2");
  g_assert_cmpstr (gest_report_table_get_text (table, 1, 0), ==, "Demora en entrega");
  g_assert_cmpint (gest_report_table_get_int (table, 1, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (gest_report_table_get_double (table, 1, 2), 11.0, 1e-9);
}

static void
test_by_area (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_COMPLAINTS_REPORT_BY_AREA, 0);

  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (gest_report_table_get_text (table, 0, 0), ==, "Cobranza");
  g_assert_cmpint (gest_report_table_get_int (table, 0, 1), ==, 2);   /* c1, c3 */
  g_assert_cmpstr (gest_report_table_get_text (table, 1, 0), ==, "Ventas");
  g_assert_cmpint (gest_report_table_get_int (table, 1, 1), ==, 1);   /* c2 */
}

static void
test_by_type_and_responsible (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GestReportTable) types = run (f, GEST_COMPLAINTS_REPORT_BY_TYPE, 0);
  g_autoptr(GestReportTable) people = run (f, GEST_COMPLAINTS_REPORT_BY_RESPONSIBLE, 0);

  /* Received in December: c1, c4, c5, c7, c8, c9, c10 complaints; c2 a claim. */
  g_assert_cmpuint (gest_report_table_get_n_rows (types), ==, 2);
  g_assert_cmpstr (gest_report_table_get_text (types, 0, 0), ==, "Complaint");
  assert_cell (types, 0, 1, "7");
  assert_cell (types, 0, 2, "2");
  assert_cell (types, 0, 3, "5");
  g_assert_cmpstr (gest_report_table_get_text (types, 1, 0), ==, "Claim");
  assert_cell (types, 1, 1, "1");
  assert_cell (types, 1, 4, "4.5");

  g_assert_cmpuint (gest_report_table_get_n_rows (people), ==, 2);
  g_assert_cmpstr (gest_report_table_get_text (people, 0, 0), ==, "Patricia Gómez Lara");
  assert_cell (people, 0, 1, "6");
  assert_cell (people, 0, 4, "1");   /* c5's SLA missed */
  g_assert_cmpstr (gest_report_table_get_text (people, 1, 0), ==, "Laura Méndez Ortiz");
  assert_cell (people, 1, 1, "2");
  assert_cell (people, 1, 2, "2");
}

static void
test_time_to_close_by_dealer_month (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestReportTable) table = NULL;
  GestReportPeriod period;
  GDate first, last, month;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 11, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_period_from_days (&period, &first, &last, at (2027, 1, 15, 9, 0));
  table = gest_report_run (gest_store_get_path (f->store),
                           find_report (GEST_COMPLAINTS_REPORT_TIME_TO_CLOSE), &period, NULL, &error);
  g_assert_no_error (error);

  /* c11 closed on 30 November 23:30 in Mexico City (1 December in UTC): November. */
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  g_assert_true (gest_report_table_get_date (table, 0, 0, &month));
  g_assert_cmpint (g_date_get_month (&month), ==, 11);
  assert_cell (table, 0, 0, "01/11/2026");
  assert_cell (table, 0, 1, "1");
  assert_cell (table, 1, 0, "01/12/2026");
  assert_cell (table, 1, 1, "3");
  g_assert_cmpfloat_with_epsilon (gest_report_table_get_double (table, 1, 2), 17.5 / 3, 1e-9);
  assert_cell (table, 1, 3, "11.0");
}

static void
test_open_age_buckets (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_COMPLAINTS_REPORT_OPEN_AGE, 0);
  g_autoptr(GestReportTable) earlier = NULL;
  static const char * const labels[] = { "0–2", "3–7", "8–15", "16–30", "31+" };
  static const char * const counts[] = { "1", "2", "0", "2", "1" };
  static const char * const earlier_counts[] = { "0", "0", "1", "2", "0" };

  /* At the end of December: c8 (3 days less a microsecond: 0–2), c7 (exactly 3 days) and c4
   * (closed just then: still open at the end), c5 (22 days) and c10 (exactly 30), c9 (31). */
  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpstr (gest_report_table_get_text (table, i, 0), ==, labels[i]);
      assert_cell (table, i, 1, counts[i]);
    }
  assert_cell (table, 1, 2, "33.3 %");
  assert_cell (table, 2, 2, "0.0 %");

  /* Run on 20 December, before the period ends: ages at that moment (c5 10 days, c9 19,
   * c10 18; the rest not yet received or already closed). */
  earlier = run (f, GEST_COMPLAINTS_REPORT_OPEN_AGE, at (2026, 12, 20, 0, 0));
  for (guint i = 0; i < 5; i++)
    assert_cell (earlier, i, 1, earlier_counts[i]);
}

static void
test_sla_compliance (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_COMPLAINTS_REPORT_SLA, 0);

  g_assert_cmpuint (gest_report_table_get_n_rows (table), ==, 2);
  /* First response: c1, c2 met; c5 missed; the others not answered yet, not decided. */
  g_assert_cmpstr (gest_report_table_get_text (table, 0, 0), ==, "First response");
  assert_cell (table, 0, 1, "3");
  assert_cell (table, 0, 2, "2");
  assert_cell (table, 0, 3, "1");
  assert_cell (table, 0, 4, "66.7 %");
  /* Resolution: c1 and c4 closed on time; c2 (closed late) and c5 missed. */
  g_assert_cmpstr (gest_report_table_get_text (table, 1, 0), ==, "Resolution");
  assert_cell (table, 1, 1, "4");
  assert_cell (table, 1, 2, "2");
  assert_cell (table, 1, 3, "2");
  g_assert_cmpfloat_with_epsilon (gest_report_table_get_double (table, 1, 4), 50.0, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/complaints/Q11/reports-registered-with-period-and-chart", test_registered);
  ADD ("/complaints/Q11/by-cause-closed-in-period", test_by_cause);
  ADD ("/complaints/Q11/by-area", test_by_area);
  ADD ("/complaints/Q11/by-type-and-responsible", test_by_type_and_responsible);
  ADD ("/complaints/Q11/time-to-close-by-dealer-month", test_time_to_close_by_dealer_month);
  ADD ("/complaints/Q11/open-age-buckets-boundaries", test_open_age_buckets);
  ADD ("/complaints/Q11/sla-compliance", test_sla_compliance);
#undef ADD

  return g_test_run ();
}
