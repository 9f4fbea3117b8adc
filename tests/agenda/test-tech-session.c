/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S9 (#15): the technology specialist's sessions: daily slots (09:00-18:00 every 30 minutes
 * unless set), one customer each, booked on their own or from a reservation (customer and
 * vehicle taken from it), refused when taken, outside the hours, off the slot grid, on a
 * weekend or a holiday, in the past or without a name; held or missed once their time came;
 * the free slots of a day; the permission (the specialist books, an advisor does not). */
#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-tech-session.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
  char      *day;        /* a working day two weeks ahead */
  char      *shown_day;  /* the same, dd/mm/yyyy */
} Fixture;

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void G_GNUC_PRINTF (2, 3)
exec_printf (GestStore  *store,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec (store, sql);
}

/* The first working day of the store's calendar from @from on (@step +1 or -1). */
static void
working_day (GestStore *store,
             GDate     *day,
             int        step)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, NULL);

  while (!gest_business_calendar_is_working_day (calendar, day))
    {
      if (step > 0)
        g_date_add_days (day, 1);
      else
        g_date_subtract_days (day, 1);
    }
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate day;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO customers (uuid, name, phone_mobile, email) VALUES"
        " ('cust-1', 'Ana Ruiz Soto', '5512345678', 'ana@example.com');"
        "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
        " ('veh-1', '1FMCU9GD5KUA00001', 'Escape', 2019, 'ABC-123-D', 'cust-1');");
  gest_date_today (&day);
  g_date_add_days (&day, 14);
  working_day (f->store, &day, 1);
  f->day = gest_date_to_iso (&day);
  f->shown_day = gest_date_format (&day);
  exec_printf (f->store,
               "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, advisor_uuid, day,"
               " starts_min, received_at, created_at) VALUES ('res-1', 'cust-1', 'veh-1', 35000, NULL, '%s',"
               " 600, 1, 1)", f->day);
  gest_test_sign_in (f->store, GEST_ROLE_TECH_SPECIALIST);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->day);
  g_free (f->shown_day);
  gest_test_tmpdir_free (f->dir);
}

static void
assert_refused (Fixture    *f,
                const char *day,
                int         starts_min,
                const char *name,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = gest_tech_session_book (f->store, day, starts_min, NULL, name, "SUV", "Escape",
                                                  NULL, &error);

  g_assert_null (uuid);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_book_alone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) free_slots = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *uuid = gest_tech_session_book (f->store, f->day, 10 * 60, NULL, "  Pedro Luna  ", "Pickup",
                                                  "Ranger 2024", NULL, &error);
  GestTechSession *session;

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  sessions = gest_tech_sessions_day (f->store, f->day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->uuid, ==, uuid);
  g_assert_cmpstr (session->customer_name, ==, "Pedro Luna");
  g_assert_null (session->customer_uuid);
  g_assert_cmpstr (session->vehicle_type, ==, "Pickup");
  g_assert_cmpstr (session->model, ==, "Ranger 2024");
  g_assert_cmpint (session->starts_min, ==, 600);
  g_assert_cmpint (session->duration_min, ==, 30);
  g_assert_cmpstr (session->state, ==, "booked");
  g_assert_null (session->reservation_uuid);

  /* 09:00 to 18:00 every 30 minutes is 18 slots; 10:00 is taken. */
  free_slots = gest_tech_sessions_free (f->store, f->day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (free_slots->len, ==, 17);
  g_assert_cmpint (g_array_index (free_slots, int, 0), ==, 9 * 60);
  g_assert_cmpint (g_array_index (free_slots, int, 2), ==, 10 * 60 + 30);
  g_assert_cmpint (g_array_index (free_slots, int, 16), ==, 17 * 60 + 30);

  log = gest_activity_log_list (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  /* It syncs: the outbox carries it to the dealer's other desktops. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'tech_session'"
                                                  " AND json_extract (fields, '$.customer_name') = 'Pedro Luna'"), ==, 1);
}

static void
test_book_from_reservation (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *uuid = gest_tech_session_book (f->store, f->day, 11 * 60, NULL, NULL, "SUV", NULL, "res-1", &error);
  GestTechSession *session;

  g_assert_no_error (error);
  sessions = gest_tech_sessions_day (f->store, f->day, &error);
  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->uuid, ==, uuid);
  g_assert_cmpstr (session->customer_uuid, ==, "cust-1");
  g_assert_cmpstr (session->customer_name, ==, "Ana Ruiz Soto");
  g_assert_cmpstr (session->vehicle_type, ==, "SUV");
  g_assert_cmpstr (session->model, ==, "Escape 2019");
  g_assert_cmpstr (session->reservation_uuid, ==, "res-1");
  /* The reservation's history says so too. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE record_uuid = 'res-1'"), ==, 1);
}

static void
test_slot_taken (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = gest_tech_session_book (f->store, f->day, 9 * 60 + 30, NULL, "Pedro Luna", "", "", NULL, &error);
  g_autofree char *message = g_strdup_printf ("The technology session of %s at 09:30 is taken by Pedro Luna: "
                                              "choose another free time.", f->shown_day);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  assert_refused (f, f->day, 9 * 60 + 30, "Ana Ruiz", GEST_ERROR, GEST_ERROR_CONFLICT, message);
  /* Cancelled, the slot is free again; booked back, it is taken. */
  g_assert_true (gest_tech_session_set_state (f->store, first, "cancelled", &error));
  g_assert_no_error (error);
  again = gest_tech_session_book (f->store, f->day, 9 * 60 + 30, NULL, "Ana Ruiz", "", "", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gest_tech_session_set_state (f->store, first, "booked", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  g_free (message);
  message = g_strdup_printf ("The technology session of %s at 09:30 is taken by Ana Ruiz: choose another free time.",
                             f->shown_day);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_outside_hours (Fixture       *f,
                    gconstpointer  data)
{
  assert_refused (f, f->day, 8 * 60 + 30, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID,
                  "08:30 is not a session time: the technology sessions are every 30 minutes from 09:00 to 18:00. "
                  "Choose one of the free times.");
  assert_refused (f, f->day, 18 * 60, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID,
                  "18:00 is not a session time: the technology sessions are every 30 minutes from 09:00 to 18:00. "
                  "Choose one of the free times.");
  assert_refused (f, f->day, 10 * 60 + 15, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID,
                  "10:15 is not a session time: the technology sessions are every 30 minutes from 09:00 to 18:00. "
                  "Choose one of the free times.");
  /* The hours are settings: 10:00 to 14:00 every 60 minutes. */
  g_assert_true (gest_store_set_setting (f->store, "agenda.sessions_start", "10:00", NULL));
  g_assert_true (gest_store_set_setting (f->store, "agenda.sessions_end", "14:00", NULL));
  g_assert_true (gest_store_set_setting (f->store, "agenda.sessions_minutes", "60", NULL));
  assert_refused (f, f->day, 10 * 60 + 30, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID,
                  "10:30 is not a session time: the technology sessions are every 60 minutes from 10:00 to 14:00. "
                  "Choose one of the free times.");
  {
    g_autoptr(GArray) free_slots = gest_tech_sessions_free (f->store, f->day, NULL);

    g_assert_cmpuint (free_slots->len, ==, 4);
    g_assert_cmpint (g_array_index (free_slots, int, 3), ==, 13 * 60);
  }
}

static void
test_non_working_days (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (f->store, NULL);
  GDate today, day;
  g_autofree char *saturday = NULL;
  g_autofree char *saturday_shown = NULL;
  g_autofree char *message = NULL;
  const char *holiday_name = NULL;
  gboolean found = FALSE;

  gest_date_today (&today);
  day = today;
  g_date_add_days (&day, 1);
  while (g_date_get_weekday (&day) != G_DATE_SATURDAY)
    g_date_add_days (&day, 1);
  saturday = gest_date_to_iso (&day);
  saturday_shown = gest_date_format (&day);
  message = g_strdup_printf ("%s is not a working day: there are no technology sessions. Choose another day.",
                             saturday_shown);
  assert_refused (f, saturday, 10 * 60, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID, message);
  {
    g_autoptr(GArray) none = gest_tech_sessions_free (f->store, saturday, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }

  /* The next legal holiday on a weekday. */
  for (int year = g_date_get_year (&today); year <= g_date_get_year (&today) + 1 && !found; year++)
    {
      g_autoptr(GArray) holidays = gest_business_calendar_legal_holidays (year);

      for (guint i = 0; i < holidays->len && !found; i++)
        {
          GestHoliday *holiday = &g_array_index (holidays, GestHoliday, i);

          if (g_date_compare (&holiday->day, &today) > 0 && g_date_get_weekday (&holiday->day) <= G_DATE_FRIDAY)
            {
              g_autofree char *iso = gest_date_to_iso (&holiday->day);
              g_autofree char *shown = gest_date_format (&holiday->day);
              g_autofree char *holiday_message = NULL;

              g_assert_true (gest_business_calendar_is_holiday (calendar, &holiday->day, &holiday_name));
              holiday_message = g_strdup_printf ("%s is a holiday (%s): there are no technology sessions. "
                                                 "Choose another day.", shown, holiday_name);
              assert_refused (f, iso, 10 * 60, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID, holiday_message);
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

static void
test_past_and_no_name (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  GDate day;

  gest_date_today (&day);
  g_date_subtract_days (&day, 1);
  working_day (f->store, &day, -1);
  iso = gest_date_to_iso (&day);
  shown = gest_date_format (&day);
  message = g_strdup_printf ("%s at 09:00 has passed: choose a time still to come.", shown);
  assert_refused (f, iso, 9 * 60, "Pedro Luna", GEST_ERROR, GEST_ERROR_INVALID, message);
  assert_refused (f, f->day, 9 * 60, "   ", GEST_ERROR, GEST_ERROR_INVALID,
                  "Write the customer’s name for the technology session.");
}

static void
test_held_only_once_due (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = gest_tech_session_book (f->store, f->day, 12 * 60, NULL, "Pedro Luna", "", "", NULL, &error);

  g_assert_no_error (error);
  g_assert_false (gest_tech_session_set_state (f->store, uuid, "held", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The session at 12:00 has not started yet: mark it held or missed once its time has come.");
  g_clear_error (&error);
  g_assert_false (gest_tech_session_set_state (f->store, uuid, "done", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“done” is not a state of a technology session: booked, held, missed or cancelled.");
  g_clear_error (&error);
  /* A session whose time came (its row moved to a past day). */
  exec_printf (f->store, "UPDATE tech_sessions SET day = '2020-01-08' WHERE uuid = '%s'", uuid);
  g_assert_true (gest_tech_session_set_state (f->store, uuid, "held", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tech_sessions WHERE state = 'held'"), ==, 1);
}

static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  uuid = gest_tech_session_book (f->store, f->day, 9 * 60, NULL, "Pedro Luna", "", "", NULL, &error);
  g_assert_null (uuid);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  uuid = gest_tech_session_book (f->store, f->day, 9 * 60, NULL, "Pedro Luna", "", "", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/agenda/S9/book-alone", test_book_alone);
  ADD ("/agenda/S9/book-from-reservation", test_book_from_reservation);
  ADD ("/agenda/S9/slot-taken", test_slot_taken);
  ADD ("/agenda/S9/outside-hours-and-grid", test_outside_hours);
  ADD ("/agenda/S9/weekend-and-holiday-refused", test_non_working_days);
  ADD ("/agenda/S9/past-and-no-name-refused", test_past_and_no_name);
  ADD ("/agenda/S9/held-once-due", test_held_only_once_due);
  ADD ("/agenda/S9/permission", test_permission);
#undef ADD

  return g_test_run ();
}
