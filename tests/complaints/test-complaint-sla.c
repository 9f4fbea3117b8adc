/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SLA clocks of complaints (issue 13.2) and the daily-log rule (Q7): business hours across
 * a holiday, a pause while waiting on the customer, a breach recorded once, the closure that
 * stops the clock, the Q7 flag across midnight in the dealer's time zone, the morning summary. */
#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-complaint-sla.h"
#include "gest-test-util.h"

#define CUSTOMER "c0000000-0000-4000-8000-000000000001"
#define HEAD     "u0000000-0000-4000-8000-000000000001"
#define ANALYST  "u0000000-0000-4000-8000-000000000002"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

/* A wall-clock moment in Mexico City, whatever the process's TZ. */
static gint64
mx (int y,
    int m,
    int d,
    int h,
    int min)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, h, min, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "sla.db", NULL);
  f->store = gest_store_open (path, NULL);
  g_assert_nonnull (f->store);
  exec (f, "INSERT INTO customers (uuid, name) VALUES ('" CUSTOMER "', 'Rosa Elena Díaz')");
  exec (f, "INSERT INTO users (uuid, name, role, email) VALUES "
           "('" HEAD "', 'Patricia Gómez Lara', 'cs-head', 'patricia@agencia.mx'), "
           "('" ANALYST "', 'Laura Méndez Ortiz', 'cs-analyst', 'laura@agencia.mx')");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

/* A case as complaints-core's intake writes it, created at @created. */
static void
add_case (Fixture    *f,
          const char *uuid,
          const char *folio,
          const char *kind,
          gint64      created)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid, "
      "complainant_name, summary, responsible_uuid, created_at) VALUES "
      "('%s', '%s', '%s', 'phone', 1, %" G_GINT64_FORMAT ", '" CUSTOMER "', 'Rosa Elena Díaz', "
      "'Cobro duplicado', '" ANALYST "', %" G_GINT64_FORMAT ")",
      uuid, folio, kind, created, created);

  exec (f, sql);
}

static void
add_event (Fixture    *f,
           const char *uuid,
           const char *kind,
           gint64      at)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at) VALUES "
      "(lower (hex (randomblob (16))), '%s', '%s', %" G_GINT64_FORMAT ")", uuid, kind, at);

  exec (f, sql);
}

static void
update (Fixture    *f,
        const char *uuid,
        gint64      now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_complaint_sla_update (f->store, uuid, now, &error));
  g_assert_no_error (error);
}

static gint64
query (Fixture    *f,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
query (Fixture    *f,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return gest_test_query_int (f->store, sql);
}

static void
test_business_hours_across_holiday (Fixture       *f,
                                    gconstpointer  data)
{
  GestComplaintSlaTargets targets;

  gest_complaint_sla_get_targets (f->store, GEST_COMPLAINT_KIND_COMPLAINT, &targets);
  g_assert_cmpint (targets.response_hours, ==, 8);
  g_assert_cmpint (targets.resolution_hours, ==, 80);
  gest_complaint_sla_get_targets (f->store, GEST_COMPLAINT_KIND_CLAIM, &targets);
  g_assert_cmpint (targets.resolution_hours, ==, 120);

  /* Friday 13 March 2026 at 17:00: one hour that day; Saturday, Sunday and Monday 16 (Benito
   * Juárez's birthday) do not count; seven hours on Tuesday. */
  add_case (f, "case-a", "QJA-2026-000001", "complaint", mx (2026, 3, 13, 17, 0));
  update (f, "case-a", mx (2026, 3, 13, 17, 30));
  g_assert_cmpint (query (f, "SELECT response_due_at FROM complaints WHERE uuid = 'case-a'"), ==,
                   mx (2026, 3, 17, 16, 0));
  /* 80 hours: 1 + eight days of nine hours + 7 on Friday 27. */
  g_assert_cmpint (query (f, "SELECT resolution_due_at FROM complaints WHERE uuid = 'case-a'"), ==,
                   mx (2026, 3, 27, 16, 0));
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-a'"), ==,
                   GEST_COMPLAINT_SLA_ON_TIME);

  /* The dealer's own targets. */
  exec (f, "INSERT INTO settings (key, value) VALUES ('complaints.sla.complaint.response-hours', '2')");
  update (f, "case-a", mx (2026, 3, 13, 17, 30));
  g_assert_cmpint (query (f, "SELECT response_due_at FROM complaints WHERE uuid = 'case-a'"), ==,
                   mx (2026, 3, 17, 10, 0));
}

static void
test_pause_while_waiting (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GestComplaintSlaClock) paused = NULL;
  g_autoptr(GestComplaintSlaClock) resumed = NULL;
  g_autoptr(GError) error = NULL;

  /* Monday 7 December 2026, 09:00; waits on the customer from 10:00 to Tuesday 10:00. */
  add_case (f, "case-p", "QJA-2026-000002", "complaint", mx (2026, 12, 7, 9, 0));
  add_event (f, "case-p", "pause", mx (2026, 12, 7, 10, 0));
  exec (f, "UPDATE complaints SET waiting_customer = 1 WHERE uuid = 'case-p'");
  update (f, "case-p", mx (2026, 12, 7, 15, 0));
  g_assert_cmpint (query (f, "SELECT response_due_at IS NULL AND resolution_due_at IS NULL "
                             "FROM complaints WHERE uuid = 'case-p'"), ==, 1);
  paused = gest_complaint_sla_clock_load (f->store, "case-p", mx (2026, 12, 7, 15, 0), &error);
  g_assert_no_error (error);
  g_assert_true (paused->paused);
  g_assert_cmpint (paused->response_minutes, ==, 60);     /* not the six hours of the day */
  g_assert_cmpint (paused->response_due_at, ==, 0);

  add_event (f, "case-p", "resume", mx (2026, 12, 8, 10, 0));
  exec (f, "UPDATE complaints SET waiting_customer = 0 WHERE uuid = 'case-p'");
  update (f, "case-p", mx (2026, 12, 8, 11, 0));
  /* Eight hours: one on Monday, seven from Tuesday 10:00. Without the pause: Monday 17:00. */
  g_assert_cmpint (query (f, "SELECT response_due_at FROM complaints WHERE uuid = 'case-p'"), ==,
                   mx (2026, 12, 8, 17, 0));
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-p'"), ==,
                   GEST_COMPLAINT_SLA_ON_TIME);
  resumed = gest_complaint_sla_clock_load (f->store, "case-p", mx (2026, 12, 8, 11, 0), &error);
  g_assert_false (resumed->paused);
  g_assert_cmpint (resumed->response_minutes, ==, 120);
  g_assert_cmpuint (resumed->events->len, ==, 2);
  g_assert_cmpstr (((GestComplaintSlaEvent *) g_ptr_array_index (resumed->events, 0))->kind, ==, "pause");
  g_assert_cmpstr (((GestComplaintSlaEvent *) g_ptr_array_index (resumed->events, 1))->kind, ==, "resume");
}

static void
test_set_waiting (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 now = g_get_real_time ();

  add_case (f, "case-w", "QJA-2026-000003", "claim", now - G_USEC_PER_SEC * (gint64) 3600);
  g_assert_true (gest_complaint_set_waiting (f->store, "case-w", TRUE, "Espera el estado de cuenta", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT waiting_customer FROM complaints WHERE uuid = 'case-w'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE complaint_uuid = 'case-w' "
                             "AND kind = 'pause' AND note = 'Espera el estado de cuenta'"), ==, 1);
  log = gest_activity_log_list (f->store, "case-w", &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((GestActivityEntry *) g_ptr_array_index (log, 0))->text, ==,
                   "Waiting on the customer; the SLA clock is paused: Espera el estado de cuenta");

  /* Refused when it already is so; nothing written. */
  g_assert_false (gest_complaint_set_waiting (f->store, "case-w", TRUE, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The case already waits on the customer: its SLA clock is paused.");
  g_clear_error (&error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE complaint_uuid = 'case-w'"), ==, 1);

  g_assert_true (gest_complaint_set_waiting (f->store, "case-w", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE complaint_uuid = 'case-w' "
                             "AND kind = 'resume'"), ==, 1);
  g_assert_false (gest_complaint_set_waiting (f->store, "case-w", FALSE, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The case is not waiting on the customer: its SLA clock already runs.");
}

static void
test_breach_recorded_once (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *answered = NULL;

  add_case (f, "case-b", "QJA-2026-000004", "complaint", mx (2026, 12, 7, 9, 0));

  /* 16:00: one hour of eight left, less than a fifth: at risk. */
  update (f, "case-b", mx (2026, 12, 7, 16, 0));
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-b'"), ==,
                   GEST_COMPLAINT_SLA_AT_RISK);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events"), ==, 0);

  /* Tuesday: the first response was due on Monday at 17:00. */
  update (f, "case-b", mx (2026, 12, 8, 12, 0));
  update (f, "case-b", mx (2026, 12, 8, 13, 0));
  update (f, "case-b", mx (2026, 12, 9, 9, 0));
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-b'"), ==,
                   GEST_COMPLAINT_SLA_MISSED);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'response-missed'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT at FROM complaint_sla_events WHERE kind = 'response-missed'"), ==,
                   mx (2026, 12, 7, 17, 0));

  /* The late answer keeps the breach, once; the response clock stops. */
  answered = g_strdup_printf ("UPDATE complaints SET in_process_sent_at = %" G_GINT64_FORMAT
                              " WHERE uuid = 'case-b'", mx (2026, 12, 8, 12, 0));
  exec (f, answered);
  update (f, "case-b", mx (2026, 12, 9, 10, 0));
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'response-missed'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'first-response'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT response_due_at IS NULL AND first_response_at = in_process_sent_at "
                             "FROM complaints WHERE uuid = 'case-b'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-b'"), ==,
                   GEST_COMPLAINT_SLA_MISSED);
}

static void
test_closure_stops_clock (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GestComplaintSlaClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  add_case (f, "case-c", "QJA-2026-000005", "complaint", mx (2026, 12, 7, 9, 0));
  sql = g_strdup_printf ("UPDATE complaints SET stage = 6, closed_at = %" G_GINT64_FORMAT ", "
                         "in_process_sent_at = %" G_GINT64_FORMAT " WHERE uuid = 'case-c'",
                         mx (2026, 12, 7, 12, 0), mx (2026, 12, 7, 10, 0));
  exec (f, sql);
  update (f, "case-c", mx (2026, 12, 7, 12, 0));
  update (f, "case-c", mx (2026, 12, 21, 12, 0));
  /* Closed after three hours: nothing missed two weeks later. */
  g_assert_cmpint (query (f, "SELECT sla_state FROM complaints WHERE uuid = 'case-c'"), ==,
                   GEST_COMPLAINT_SLA_ON_TIME);
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'pause'"), ==, 1);
  clock = gest_complaint_sla_clock_load (f->store, "case-c", mx (2026, 12, 21, 12, 0), &error);
  g_assert_cmpint (clock->resolution_minutes, ==, 180);
  g_clear_pointer (&clock, gest_complaint_sla_clock_free);

  /* Reopened on Monday 21 at 12:00: the clock runs again from there. */
  exec (f, "UPDATE complaints SET stage = 2, closed_at = NULL WHERE uuid = 'case-c'");
  update (f, "case-c", mx (2026, 12, 21, 12, 0));
  g_assert_cmpint (query (f, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'reopen'"), ==, 1);
  clock = gest_complaint_sla_clock_load (f->store, "case-c", mx (2026, 12, 21, 13, 0), &error);
  g_assert_false (clock->paused);
  g_assert_cmpint (clock->resolution_minutes, ==, 240);
}

static void
test_q7_across_midnight (void)
{
  g_autofree char *late = NULL;
  g_autofree char *early = NULL;

  /* The process runs in UTC; the dealer is in Mexico City (UTC-6): 23:59 on the 6th is 05:59
   * UTC on the 7th, and still the dealer's 6th. */
  g_setenv ("TZ", "UTC", TRUE);
  g_unsetenv ("GESTIONA_TZ");
  late = gest_complaint_log_day (mx (2026, 12, 6, 23, 59));
  early = gest_complaint_log_day (mx (2026, 12, 7, 0, 1));
  g_assert_cmpstr (late, ==, "2026-12-06");
  g_assert_cmpstr (early, ==, "2026-12-07");

  g_assert_true (gest_complaint_logged_today ("2026-12-06", mx (2026, 12, 6, 23, 59)));
  g_assert_false (gest_complaint_logged_today ("2026-12-06", mx (2026, 12, 7, 0, 1)));
  g_assert_true (gest_complaint_logged_today ("2026-12-07", mx (2026, 12, 7, 0, 1)));
  g_assert_false (gest_complaint_logged_today (NULL, mx (2026, 12, 7, 0, 1)));
  g_setenv ("TZ", "America/Mexico_City", TRUE);
}

static void
test_q7_morning_summary (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *expected;

  /* Monday 7 December 2026. One case last logged on Friday 4 (the last working day: fine),
   * one on Thursday 3 (flagged), one never (flagged), one opened this morning (not yet). */
  add_case (f, "case-1", "QJA-2026-000011", "complaint", mx (2026, 12, 1, 9, 0));
  add_case (f, "case-2", "QJA-2026-000012", "complaint", mx (2026, 12, 1, 9, 0));
  add_case (f, "case-3", "QJA-2026-000013", "claim", mx (2026, 12, 2, 9, 0));
  add_case (f, "case-4", "QJA-2026-000014", "claim", mx (2026, 12, 7, 7, 0));
  exec (f, "UPDATE complaints SET last_log_day = '2026-12-04' WHERE uuid = 'case-1'");
  exec (f, "UPDATE complaints SET last_log_day = '2026-12-03' WHERE uuid = 'case-2'");
  exec (f, "UPDATE complaints SET in_process_sent_at = created_at + 3600000000");
  exec (f, "INSERT INTO complaint_tasks (uuid, complaint_uuid, assignee_uuid, description, due_day, created_at) "
           "VALUES ('t1', 'case-1', '" ANALYST "', 'Revisar el cobro con Cobranza', '2026-12-04', 0), "
           "('t2', 'case-1', '" ANALYST "', 'Llamar al cliente', '2026-12-07', 0)");

  /* 07:59 in Mexico City: not yet. */
  g_assert_true (gest_complaint_morning_summary_send_if_due (f->store, mx (2026, 12, 7, 7, 59), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM mail_outbox"), ==, 0);

  g_assert_true (gest_complaint_morning_summary_send_if_due (f->store, mx (2026, 12, 7, 8, 5), &error));
  g_assert_no_error (error);
  g_assert_true (gest_complaint_morning_summary_send_if_due (f->store, mx (2026, 12, 7, 11, 0), &error));
  g_assert_cmpint (query (f, "SELECT count(*) FROM mail_outbox"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM mail_outbox WHERE recipient = 'patricia@agencia.mx' AND "
                             "subject = 'Customer service morning summary, 07/12/2026'"), ==, 1);

  text = gest_complaint_morning_summary (f->store, mx (2026, 12, 7, 8, 5), &error);
  g_assert_no_error (error);
  /* Every clock on time (recomputed before the email); one task late. */
  expected =
    "Customer service morning summary, 07/12/2026\n"
    "\n"
    "Open cases without a log entry since 04/12/2026 (folio · customer · responsible · last entry) (2)\n"
    "  QJA-2026-000013 · Rosa Elena Díaz · Laura Méndez Ortiz · never\n"
    "  QJA-2026-000012 · Rosa Elena Díaz · Laura Méndez Ortiz · 03/12/2026\n"
    "\n"
    "SLA missed (folio · customer · responsible) (0)\n"
    "  None.\n"
    "\n"
    "SLA at risk (folio · customer · responsible) (0)\n"
    "  None.\n"
    "\n"
    "Tasks overdue (folio · task · assignee · due) (1)\n"
    "  QJA-2026-000011 · Revisar el cobro con Cobranza · Laura Méndez Ortiz · 04/12/2026";
  g_assert_cmpstr (text, ==, expected);

  /* The next day is another summary; a Saturday has none. */
  g_assert_true (gest_complaint_morning_summary_send_if_due (f->store, mx (2026, 12, 8, 8, 0), &error));
  g_assert_cmpint (query (f, "SELECT count(*) FROM mail_outbox"), ==, 2);
  g_assert_true (gest_complaint_morning_summary_send_if_due (f->store, mx (2026, 12, 12, 9, 0), &error));
  g_assert_cmpint (query (f, "SELECT count(*) FROM mail_outbox"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/complaints/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("sla/business-hours-across-holiday", test_business_hours_across_holiday);
  ADD ("sla/pause-while-waiting-on-customer", test_pause_while_waiting);
  ADD ("sla/set-waiting-logs-and-refuses-twice", test_set_waiting);
  ADD ("sla/breach-recorded-once", test_breach_recorded_once);
  ADD ("sla/closure-stops-clock-reopen-resumes", test_closure_stops_clock);
  ADD ("Q7/morning-summary-once-a-working-day", test_q7_morning_summary);
#undef ADD
  g_test_add_func ("/complaints/Q7/flag-across-midnight-dealer-timezone", test_q7_across_midnight);

  return g_test_run ();
}
