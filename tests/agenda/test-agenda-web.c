/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7 (#15): what the desktop publishes for the dealer's website (gest_agenda_web_publish):
 * the free places of each slot time summed over the advisors, none in the break or blocked
 * time, minus the web bookings without an advisor; the confirm-by days of each calendar day
 * before and after the cutoff; one row per day under a uuid made from the day, written (and
 * queued for the server) only when it changed. */
#include "config.h"

#include <locale.h>

#include "gest-agenda-web.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Two advisors, Monday to Friday 09:00-11:00 with a break 10:00-10:30, slots of 30 minutes
 * for 2 vehicles; no hours on weekends. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO users (uuid, login, name, role, active, created_at, updated_at) VALUES"
        " ('adv-luis', 'asesor', 'Luis Hernández Peña', 'service-advisor', 1, 1, 1),"
        " ('adv-maria', 'asesor.mruiz', 'María Ruiz Ortega', 'service-advisor', 1, 1, 1);"
        "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min,"
        " break_starts_min, break_ends_min, slot_minutes, capacity)"
        " SELECT a.uuid || '-' || d.n, a.uuid, d.n, 540, 660, 600, 630, 30, 2"
        " FROM (SELECT 'adv-luis' AS uuid UNION ALL SELECT 'adv-maria') a,"
        " (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) d;");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

/* The first day from tomorrow on (within the window) for which @want says yes. */
static char *
find_day (GestStore *store,
          gboolean (*want) (const GestBusinessCalendar *calendar, const GDate *day))
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, NULL);
  GDate day;

  gest_date_today (&day);
  for (int i = 1; i < GEST_AGENDA_WEB_DAYS; i++)
    {
      g_date_add_days (&day, 1);
      if (want (calendar, &day))
        return gest_date_to_iso (&day);
    }
  return NULL;
}

static gboolean
is_working_weekday (const GestBusinessCalendar *calendar,
                    const GDate                *day)
{
  return g_date_get_weekday (day) <= G_DATE_FRIDAY && gest_business_calendar_is_working_day (calendar, day);
}

/* A working Friday followed by a working Monday. */
static gboolean
is_plain_friday (const GestBusinessCalendar *calendar,
                 const GDate                *day)
{
  GDate monday = *day;

  g_date_add_days (&monday, 3);
  return g_date_get_weekday (day) == G_DATE_FRIDAY && gest_business_calendar_is_working_day (calendar, day)
         && gest_business_calendar_is_working_day (calendar, &monday);
}

static gboolean
is_saturday (const GestBusinessCalendar *calendar,
             const GDate                *day)
{
  return g_date_get_weekday (day) == G_DATE_SATURDAY;
}

static char *
slots_of (GestStore  *store,
          const char *day)
{
  g_autofree char *sql = g_strdup_printf ("SELECT slots FROM agenda_web_days WHERE day = '%s' AND deleted = 0", day);

  return query_text (store, sql);
}

static void
test_free_slots (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = find_day (f->store, is_working_weekday);
  g_autofree char *saturday = find_day (f->store, is_saturday);
  g_autofree char *sql = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_nonnull (day);
  /* María has a confirmed car at 09:00, Luis a course 09:30-10:00, and a web booking without
   * advisor waits at 10:30. */
  sql = g_strdup_printf ("INSERT INTO reservations (uuid, advisor_uuid, day, starts_min, state, origin, received_at, created_at)"
                         " VALUES ('r-1', 'adv-maria', '%s', 540, 'confirmed', 'desk', 1, 1),"
                         " ('r-2', NULL, '%s', 630, 'to-confirm', 'web', 1, 1),"
                         " ('r-3', 'adv-luis', '%s', 540, 'refused', 'web', 1, 1);"
                         "INSERT INTO agenda_blocks (uuid, advisor_uuid, day, starts_min, ends_min, reason, created_at)"
                         " VALUES ('b-1', 'adv-luis', '%s', 570, 600, 'Curso', 1);", day, day, day, day);
  exec (f->store, sql);
  g_assert_true (gest_agenda_web_publish (f->store, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, GEST_AGENDA_WEB_DAYS);
  /* 09:00: Luis 2 + María 1; 09:30: María 2 (Luis is blocked); 10:00 is the break;
   * 10:30: 2 + 2 less the web booking waiting for an advisor. The refused one takes none. */
  text = slots_of (f->store, day);
  g_assert_cmpstr (text, ==, "[{\"t\":\"09:00\",\"free\":3},{\"t\":\"09:30\",\"free\":2},{\"t\":\"10:30\",\"free\":3}]");
  g_clear_pointer (&text, g_free);
  if (saturday != NULL)
    {
      text = slots_of (f->store, saturday);
      g_assert_cmpstr (text, ==, "[]");
      g_clear_pointer (&text, g_free);
    }
  /* The day's row under the uuid made from the day, in the dealer's zone, queued for the
   * server once per day. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT uuid || ' ' || tz || ' ' || cutoff_min FROM agenda_web_days WHERE day = '%s'", day);
  text = query_text (f->store, sql);
  uuid = g_strdup_printf ("00000000-0000-4000-8000-0000%.4s%.2s%.2s America/Mexico_City 1020", day, day + 5, day + 8);
  g_assert_cmpstr (text, ==, uuid);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity = 'agenda_web_day'"),
                   ==, GEST_AGENDA_WEB_DAYS);

  /* Nothing changed: nothing written. One more car at 09:30: only that day again. */
  g_assert_true (gest_agenda_web_publish (f->store, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO reservations (uuid, advisor_uuid, day, starts_min, state, origin, received_at, created_at)"
                         " VALUES ('r-4', 'adv-maria', '%s', 570, 'confirmed', 'phone', 1, 1)", day);
  exec (f->store, sql);
  g_assert_true (gest_agenda_web_publish (f->store, day, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&text, g_free);
  text = slots_of (f->store, day);
  g_assert_cmpstr (text, ==, "[{\"t\":\"09:00\",\"free\":3},{\"t\":\"09:30\",\"free\":1},{\"t\":\"10:30\",\"free\":3}]");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity = 'agenda_web_day'"),
                   ==, GEST_AGENDA_WEB_DAYS + 1);
}

/* S7's rule as the server will apply it: a booking received on a working Friday before the
 * cutoff is confirmed that Friday, after it on Monday; one received on a Saturday, on Monday. */
static void
test_confirm_days (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *friday = find_day (f->store, is_plain_friday);
  g_autofree char *saturday = find_day (f->store, is_saturday);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  exec (f->store, "INSERT INTO settings (key, value) VALUES ('agenda.confirm_cutoff', '16:30')");
  g_assert_true (gest_agenda_web_publish (f->store, NULL, &n, &error));
  g_assert_no_error (error);
  if (friday == NULL || saturday == NULL)
    {
      g_test_skip ("no plain Friday and Saturday in the next two weeks");
      return;
    }
  {
    g_autofree char *after = NULL;
    GDate monday;

    g_assert_true (gest_date_from_iso (friday, &monday));
    g_date_add_days (&monday, 3);
    after = gest_date_to_iso (&monday);
    expected = g_strdup_printf ("%s %s 990", friday, after);
  }
  sql = g_strdup_printf ("SELECT confirm_before || ' ' || confirm_after || ' ' || cutoff_min FROM agenda_web_days WHERE day = '%s'",
                         friday);
  text = query_text (f->store, sql);
  g_assert_cmpstr (text, ==, expected);
  g_free (sql);
  g_free (text);
  sql = g_strdup_printf ("SELECT confirm_before = confirm_after AND confirm_before > day FROM agenda_web_days WHERE day = '%s'",
                         saturday);
  text = query_text (f->store, sql);
  g_assert_cmpstr (text, ==, "1");
}

/* Only with -m perf: what a publication adds to each change of the agenda, with 12 advisors
 * and 60,000 reservations over a year (the agenda's benchmark size). */
static void
test_publish_cost (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n = 0;
  double first;
  double again;

  if (!g_test_perf ())
    {
      g_test_skip ("a measurement: run with -m perf");
      return;
    }
  exec (f->store,
        "WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10)"
        " INSERT INTO users (uuid, login, name, role, active, created_at, updated_at)"
        " SELECT 'adv-' || i, 'asesor' || i, 'Asesor ' || i, 'service-advisor', 1, 1, 1 FROM k;"
        "WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10)"
        " INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min, break_starts_min,"
        " break_ends_min, slot_minutes, capacity)"
        " SELECT 'adv-' || i || '-' || d.n, 'adv-' || i, d.n, 480, 1080, 840, 900, 30, 2 FROM k,"
        " (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) d;"
        "WITH RECURSIVE k (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 59999)"
        " INSERT INTO reservations (uuid, advisor_uuid, day, starts_min, state, origin, received_at, created_at)"
        " SELECT 'r-' || i, 'adv-' || (i % 10 + 1), date ('now', '-270 days', '+' || (i / 165) || ' days'),"
        " 480 + (i % 20) * 30, 'confirmed', 'desk', 1, 1 FROM k;");
  g_timer_start (timer);
  g_assert_true (gest_agenda_web_publish (f->store, NULL, &n, &error));
  g_assert_no_error (error);
  first = g_timer_elapsed (timer, NULL) * 1000;
  g_timer_start (timer);
  for (int i = 0; i < 10; i++)
    g_assert_true (gest_agenda_web_publish (f->store, NULL, &n, &error));
  again = g_timer_elapsed (timer, NULL) * 100;
  g_test_message ("publish of %d days, 12 advisors, 60,000 reservations: first %.1f ms, unchanged %.1f ms",
                  GEST_AGENDA_WEB_DAYS, first, again);
  g_print ("# publish: first %.1f ms, unchanged %.1f ms\n", first, again);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/agenda/S7/web-publish-free-slots", Fixture, NULL, fixture_setup, test_free_slots, fixture_teardown);
  g_test_add ("/agenda/S7/web-publish-confirm-days", Fixture, NULL, fixture_setup, test_confirm_days, fixture_teardown);
  g_test_add ("/agenda/S7/web-publish-cost", Fixture, NULL, fixture_setup, test_publish_cost, fixture_teardown);
  return g_test_run ();
}
