/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7, S9, S10, S12, S14 (#15): the agenda's reports over a known set, November 2026, run on
 * 6 December at noon, through the reports hub's runner: reservations per day and advisor
 * (refused, cancelled, deleted and other months left out), the show rate (a stored no-show and
 * a confirmed reservation never arrived both missed), the no-shows by recovery, the web
 * bookings answered before the cutoff of their confirm-by day (a Friday evening's booking due
 * on Tuesday 17 after the holiday of Monday 16), the sessions by state and the leads by
 * outcome; one XLSX read back with openpyxl. */
#include "config.h"

#include <locale.h>

#include "gest-agenda-reports.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-report-xlsx.h"
#include "gest-report.h"
#include "gest-test-util.h"

typedef struct
{
  char             *dir;
  char             *path;
  GestStore        *store;
  GestReportPeriod  period;
} Fixture;

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
reservation (Fixture    *f,
             const char *uuid,
             const char *day,
             const char *advisor,
             const char *state,
             const char *origin,
             const char *recovery,
             int         deleted)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reservations (uuid, customer_uuid, advisor_uuid, day, starts_min, state, origin, recovery,"
    " received_at, created_at, deleted) VALUES ('%s', 'cust-1', '%s', '%s', 600, '%s', '%s', '%s', 1, 1, %d)",
    uuid, advisor, day, state, origin, recovery, deleted);

  exec (f->store, sql);
}

static void
web_booking (Fixture    *f,
             const char *uuid,
             gint64      received_at,
             const char *confirm_by,
             const char *state,
             gint64      confirmed_at,
             gint64      updated_at)
{
  g_autofree char *confirmed = confirmed_at > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, confirmed_at) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reservations (uuid, customer_uuid, advisor_uuid, day, starts_min, state, origin, received_at,"
    " confirm_by, confirmed_at, created_at, updated_at) VALUES ('%s', 'cust-1', 'adv-1', '2026-12-20', 600, '%s', 'web',"
    " %" G_GINT64_FORMAT ", '%s', %s, 1, %" G_GINT64_FORMAT ")",
    uuid, state, received_at, confirm_by, confirmed, updated_at);

  exec (f->store, sql);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (f->path, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO customers (uuid, name) VALUES ('cust-1', 'Juan Pérez López');"
        "INSERT INTO users (uuid, name, role, login) VALUES ('adv-1', 'Luis Hernández Peña', 'service-advisor', 'a1'),"
        " ('adv-2', 'Marta Gil Ríos', 'service-advisor', 'a2');");
  reservation (f, "r1", "2026-11-02", "adv-1", "delivered", "desk", "", 0);
  reservation (f, "r2", "2026-11-02", "adv-1", "no-show", "phone", "accepted", 0);
  reservation (f, "r3", "2026-11-02", "adv-2", "confirmed", "web", "", 0);
  reservation (f, "r4", "2026-11-03", "adv-2", "arrived", "desk", "", 0);
  reservation (f, "r5", "2026-11-03", "adv-2", "refused", "web", "", 0);
  reservation (f, "r6", "2026-11-03", "adv-1", "cancelled", "desk", "", 0);
  reservation (f, "r7", "2026-12-01", "adv-1", "delivered", "desk", "", 0);
  reservation (f, "r8", "2026-11-04", "adv-1", "no-show", "desk", "refused", 0);
  reservation (f, "r9", "2026-11-04", "adv-1", "delivered", "desk", "", 1);
  reservation (f, "r10", "2026-10-31", "adv-1", "delivered", "desk", "", 0);

  /* Answered before 17:00 of its day; answered the next day after 17:00; a Friday-evening
   * booking refused on Tuesday 17 (Monday 16 is a holiday): on time; still waiting, late. */
  web_booking (f, "w1", at (2026, 11, 9, 10, 0), "2026-11-09", "confirmed", at (2026, 11, 9, 12, 0), 1);
  web_booking (f, "w2", at (2026, 11, 9, 18, 0), "2026-11-10", "confirmed", at (2026, 11, 10, 17, 30), 1);
  web_booking (f, "w3", at (2026, 11, 13, 18, 0), "2026-11-17", "refused", 0, at (2026, 11, 17, 9, 0));
  web_booking (f, "w4", at (2026, 11, 30, 10, 0), "2026-11-30", "to-confirm", 0, 1);
  web_booking (f, "w5", at (2026, 10, 31, 10, 0), "2026-11-03", "confirmed", at (2026, 11, 3, 10, 0), 1);

  exec (f->store,
        "INSERT INTO tech_sessions (uuid, day, starts_min, customer_name, state, created_at) VALUES"
        " ('s1', '2026-11-05', 540, 'A', 'held', 1), ('s2', '2026-11-06', 540, 'B', 'held', 1),"
        " ('s3', '2026-11-06', 570, 'C', 'missed', 1), ('s4', '2026-11-10', 540, 'D', 'cancelled', 1),"
        " ('s5', '2026-11-30', 540, 'E', 'booked', 1), ('s6', '2026-12-01', 540, 'F', 'held', 1);");
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO test_drive_leads (uuid, name, appointment_at, outcome, created_at) VALUES"
      " ('l1', 'A', 1, 'sold', %" G_GINT64_FORMAT "), ('l2', 'B', 1, 'test-driven', %" G_GINT64_FORMAT "),"
      " ('l3', 'C', 1, 'open', %" G_GINT64_FORMAT "), ('l4', 'D', 1, 'no-answer', %" G_GINT64_FORMAT "),"
      " ('l5', 'E', 1, 'sold', %" G_GINT64_FORMAT ")",
      at (2026, 11, 2, 9, 0), at (2026, 11, 15, 9, 0), at (2026, 11, 30, 23, 0), at (2026, 11, 1, 0, 0),
      at (2026, 10, 31, 23, 59));

    exec (f->store, sql);
  }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&last, 30, G_DATE_NOVEMBER, 2026);
  gest_report_period_from_days (&f->period, &first, &last, at (2026, 12, 6, 12, 0));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->dir);
}

static GestReportTable *
run (Fixture    *f,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  const GestReportInfo *reports;
  guint n = 0;

  reports = gest_agenda_reports_get (NULL, &n);
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (reports[i].id, id))
      {
        GestReportTable *table = gest_report_run (f->path, &reports[i], &f->period, NULL, &error);

        g_assert_no_error (error);
        return table;
      }
  g_assert_not_reached ();
}

/* Every row as "cell|cell|…" as the hub shows it. */
static char *
rows_text (GestReportTable *table)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < gest_report_table_get_n_rows (table); r++)
    {
      for (guint c = 0; c < gest_report_table_get_n_columns (table); c++)
        {
          g_autofree char *cell = gest_report_table_format_cell (table, r, c);

          g_string_append_printf (text, "%s%s", c > 0 ? "|" : "", cell);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
assert_rows (Fixture    *f,
             const char *id,
             const char *expected)
{
  g_autoptr(GestReportTable) table = run (f, id);
  g_autofree char *text = rows_text (table);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_per_day (Fixture       *f,
              gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_PER_DAY,
               "02/11/2026|Luis Hernández Peña|2|1|1|0\n"
               "02/11/2026|Marta Gil Ríos|1|0|1|1\n"
               "03/11/2026|Marta Gil Ríos|1|1|0|0\n"
               "04/11/2026|Luis Hernández Peña|1|0|1|0\n");
}

static void
test_show_rate (Fixture       *f,
                gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_SHOW_RATE,
               "Luis Hernández Peña|3|1|2|33.3 %\n"
               "Marta Gil Ríos|2|1|1|50.0 %\n");
}

static void
test_no_shows_recovered (Fixture       *f,
                         gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_NO_SHOWS,
               "Rescheduled|1|33.3 %\n"
               "Refused|1|33.3 %\n"
               "Gave up|0|0.0 %\n"
               "Not called yet|1|33.3 %\n");
}

static void
test_web_on_time (Fixture       *f,
                  gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_WEB_ON_TIME, "4|2|1|0|1|50.0 %\n");
}

static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_SESSIONS,
               "Held|2|40.0 %\n"
               "Missed|1|20.0 %\n"
               "Booked|1|20.0 %\n"
               "Cancelled|1|20.0 %\n");
}

static void
test_leads (Fixture       *f,
            gconstpointer  data)
{
  assert_rows (f, GEST_AGENDA_REPORT_LEADS,
               "Sold|1|25.0 %\n"
               "Test-driven|1|25.0 %\n"
               "Not interested|0|0.0 %\n"
               "No answer|1|25.0 %\n"
               "Open|1|25.0 %\n");
}

static void
test_xlsx_read_back (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GestReportTable) table = run (f, GEST_AGENDA_REPORT_SHOW_RATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "asistencia.xlsx", NULL);
  g_autofree char *script = g_strdup_printf ("import openpyxl\n"
                                             "ws = openpyxl.load_workbook('%s').active\n"
                                             "for row in ws.iter_rows(values_only=True):\n"
                                             "    print('|'.join('' if v is None else ('%%.4f' %% v if isinstance (v, float) else repr(v))"
                                             " for v in row))\n", xlsx);
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (gest_report_xlsx_write (xlsx, &table, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  if (g_getenv ("SHOW_XLSX") != NULL)
    g_printerr ("%s", out);
  /* Real cells: counts as integers, the rate as a fraction. */
  g_assert_nonnull (strstr (out, "'Advisor'|'Due'|'Came'|'No-shows'|'Show rate'\n"));
  g_assert_nonnull (strstr (out, "'Luis Hernández Peña'|3|1|2|0.3333\n"));
  g_assert_nonnull (strstr (out, "'Marta Gil Ríos'|2|1|1|0.5000\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/agenda/S12/report-per-day-and-advisor", test_per_day);
  ADD ("/agenda/S14/report-show-rate", test_show_rate);
  ADD ("/agenda/S14/report-no-shows-recovered", test_no_shows_recovered);
  ADD ("/agenda/S7/report-web-bookings-on-time", test_web_on_time);
  ADD ("/agenda/S9/report-sessions", test_sessions);
  ADD ("/agenda/S10/report-leads-by-outcome", test_leads);
  ADD ("/agenda/S14/report-xlsx-read-back", test_xlsx_read_back);
#undef ADD

  return g_test_run ();
}
