/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S10, S13 (#15): a vehicle over 30,000 km is offered a test drive, when booked or when it
 * arrives, once per reservation (30,000 exactly is not over); the customer's answer: declined,
 * or accepted, which makes the lead for sales (name, phone, current vehicle, vehicle of
 * interest, appointment time); only sales (and the general manager) mark the lead's outcome. */
#include "config.h"

#include <locale.h>

#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation.h"
#include "gest-test-drive.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
  char      *day;        /* a working day two weeks ahead */
  char      *today;
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

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
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
        " ('cust-1', 'Juan Pérez López', '5512345678', 'juan@example.com');"
        "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
        " ('veh-1', '1FMCU9GD5KUA00001', 'Escape', 2019, 'ABC-123-D', 'cust-1');"
        "INSERT INTO users (uuid, name, role, email, login, active) VALUES"
        " ('adv-1', 'Luis Hernández Peña', 'service-advisor', 'luis@example.com', 'asesor.prueba', 1);");
  for (int weekday = 1; weekday <= 7; weekday++)
    exec_printf (f->store,
                 "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min, slot_minutes,"
                 " capacity) VALUES ('sch-%d', 'adv-1', %d, 0, 1440, 30, 2)", weekday, weekday);
  calendar = gest_business_calendar_load (f->store, NULL);
  gest_date_today (&day);
  f->today = gest_date_to_iso (&day);
  g_date_add_days (&day, 14);
  while (!gest_business_calendar_is_working_day (calendar, &day))
    g_date_add_days (&day, 1);
  f->day = gest_date_to_iso (&day);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->day);
  g_free (f->today);
  gest_test_tmpdir_free (f->dir);
}

/* A confirmed reservation of the Escape stored as is (state, mileage, offer). */
static void
reservation (Fixture    *f,
             const char *uuid,
             const char *day,
             int         mileage_km,
             const char *test_drive)
{
  exec_printf (f->store,
               "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, advisor_uuid, day,"
               " starts_min, state, test_drive, received_at, created_at, updated_at)"
               " VALUES ('%s', 'cust-1', 'veh-1', %d, 'adv-1', '%s', 540, 'confirmed', '%s', 1, 1, 1)",
               uuid, mileage_km, day, test_drive);
}

static char *
offer_of (Fixture    *f,
          const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT test_drive FROM reservations WHERE uuid = '%s'", uuid);

  return query_text (f->store, sql);
}

static void
test_boundary (Fixture       *f,
               gconstpointer  data)
{
  g_assert_false (gest_test_drive_is_eligible (0));
  g_assert_false (gest_test_drive_is_eligible (29999));
  g_assert_false (gest_test_drive_is_eligible (30000));
  g_assert_true (gest_test_drive_is_eligible (30001));
  g_assert_true (gest_test_drive_is_eligible (35000));
}

static char *
book (Fixture *f,
      int      mileage_km,
      int      starts_min)
{
  g_autoptr(GError) error = NULL;
  GestReservationValues values = {
    .customer_uuid = "cust-1", .vehicle_uuid = "veh-1", .mileage_km = mileage_km,
    .service_kind = "maintenance", .advisor_uuid = "adv-1", .day = f->day, .starts_min = starts_min,
    .transport = "waits", .notes = "",
  };
  char *uuid = gest_reservation_create (f->store, "phone", &values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
test_offered_at_booking (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *at_30000 = book (f, 30000, 9 * 60);
  g_autofree char *at_30001 = book (f, 30001, 10 * 60);
  g_autofree char *offer_30000 = offer_of (f, at_30000);
  g_autofree char *offer_30001 = offer_of (f, at_30001);

  g_assert_cmpstr (offer_30000, ==, "");
  g_assert_cmpstr (offer_30001, ==, "offered");
}

static void
test_offered_at_arrival (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *offer_a = NULL;
  g_autofree char *offer_b = NULL;

  reservation (f, "res-a", f->today, 20000, "");
  reservation (f, "res-b", f->today, 20000, "");
  g_assert_true (gest_reservation_arrive (f->store, "res-a", g_get_real_time (), 30000, &error));
  g_assert_no_error (error);
  exec (f->store, "UPDATE vehicles SET km = 0");
  g_assert_true (gest_reservation_arrive (f->store, "res-b", g_get_real_time (), 30001, &error));
  g_assert_no_error (error);
  offer_a = offer_of (f, "res-a");
  offer_b = offer_of (f, "res-b");
  g_assert_cmpstr (offer_a, ==, "");
  g_assert_cmpstr (offer_b, ==, "offered");
}

static void
test_once_per_reservation (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = book (f, 31000, 11 * 60);
  g_autofree char *declined = NULL;
  g_autofree char *offer = NULL;
  g_autofree char *again = NULL;

  declined = gest_test_drive_answer (f->store, uuid, FALSE, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declined, ==, "");
  /* It arrives with more kilometres: not offered again. */
  exec_printf (f->store, "UPDATE reservations SET day = '%s' WHERE uuid = '%s'", f->today, uuid);
  g_assert_true (gest_reservation_arrive (f->store, uuid, g_get_real_time (), 32000, &error));
  g_assert_no_error (error);
  offer = offer_of (f, uuid);
  g_assert_cmpstr (offer, ==, "declined");
  again = gest_test_drive_answer (f->store, uuid, TRUE, "Territory 2025", g_get_real_time () + (gint64) G_USEC_PER_SEC * 3600, &error);
  g_assert_null (again);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The customer already answered the test-drive offer of this reservation: one offer per reservation.");
}

static void
test_accepted_lead (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *lead_uuid = NULL;
  g_autofree char *offer = NULL;
  GestTestDriveLead *lead;
  GDate day;

  reservation (f, "res-1", f->day, 35000, "offered");
  gest_date_from_iso (f->day, &day);
  when = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 11, 30, 0);
  lead_uuid = gest_test_drive_answer (f->store, "res-1", TRUE, "  Territory 2025 ",
                                      g_date_time_to_unix (when) * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lead_uuid);
  g_assert_cmpstr (lead_uuid, !=, "");
  offer = offer_of (f, "res-1");
  g_assert_cmpstr (offer, ==, "accepted");

  leads = gest_test_drive_leads (f->store, f->day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leads->len, ==, 1);
  lead = g_ptr_array_index (leads, 0);
  g_assert_cmpstr (lead->uuid, ==, lead_uuid);
  g_assert_cmpstr (lead->name, ==, "Juan Pérez López");
  g_assert_cmpstr (lead->phone, ==, "5512345678");
  g_assert_cmpstr (lead->current_vehicle, ==, "Escape 2019 · 35,000 km");
  g_assert_cmpstr (lead->vehicle_of_interest, ==, "Territory 2025");
  g_assert_cmpint (lead->appointment_at, ==, g_date_time_to_unix (when) * G_USEC_PER_SEC);
  g_assert_cmpstr (lead->outcome, ==, "open");
  g_assert_cmpstr (lead->reservation_uuid, ==, "res-1");
  /* Not the day before; among the open ones. */
  {
    g_autoptr(GDateTime) before = g_date_time_add_days (when, -1);
    g_autofree char *iso = g_date_time_format (before, "%Y-%m-%d");
    g_autoptr(GPtrArray) none = gest_test_drive_leads (f->store, iso, &error);

    g_assert_cmpuint (none->len, ==, 0);
  }
  open = gest_test_drive_leads (f->store, NULL, &error);
  g_assert_cmpuint (open->len, ==, 1);
}

static void
test_answer_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = NULL;
  gint64 tomorrow = g_get_real_time () + (gint64) G_USEC_PER_SEC * 86400;

  reservation (f, "res-none", f->day, 20000, "");
  reservation (f, "res-1", f->day, 35000, "offered");
  lead = gest_test_drive_answer (f->store, "res-none", TRUE, "Territory 2025", tomorrow, &error);
  g_assert_null (lead);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "This reservation was not offered a test drive: only vehicles over 30,000 km are.");
  g_clear_error (&error);
  lead = gest_test_drive_answer (f->store, "res-1", TRUE, "  ", tomorrow, &error);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Write the vehicle the customer wants to test-drive (such as “Territory 2025”).");
  g_clear_error (&error);
  lead = gest_test_drive_answer (f->store, "res-1", TRUE, "Bronco", 0, &error);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the day and time of the test drive.");
  g_clear_error (&error);
  lead = gest_test_drive_answer (f->store, "res-1", TRUE, "Bronco", (gint64) 1577836800 * G_USEC_PER_SEC, &error);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, ", has passed: choose a time still to come."));
  g_clear_error (&error);
  /* Nothing was written by the refusals. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM test_drive_leads"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM reservations WHERE test_drive = 'offered'"), ==, 1);
}

static void
test_outcome_by_sales_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *by = NULL;
  g_autoptr(GPtrArray) open = NULL;

  reservation (f, "res-1", f->day, 35000, "offered");
  lead = gest_test_drive_answer (f->store, "res-1", TRUE, "Territory 2025",
                                 g_get_real_time () + (gint64) G_USEC_PER_SEC * 86400, &error);
  g_assert_no_error (error);
  /* The coordinator who took the answer cannot mark the outcome. */
  g_assert_false (gest_test_drive_lead_outcome (f->store, lead, "sold", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_false (gest_test_drive_lead_outcome (f->store, lead, "sold", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_SALES_ADVISOR);
  g_assert_false (gest_test_drive_lead_outcome (f->store, lead, "bought", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“bought” is not an outcome of a lead: test-driven, sold, not interested, no answer or open.");
  g_clear_error (&error);
  g_assert_true (gest_test_drive_lead_outcome (f->store, lead, "test-driven", " Le gustó ", &error));
  g_assert_no_error (error);
  by = query_text (f->store, "SELECT outcome_by || '|' || outcome_note FROM test_drive_leads");
  g_assert_cmpstr (by, ==, "Test sales-advisor|Le gustó");
  g_assert_cmpstr (gest_test_drive_outcome_label ("test-driven"), ==, "Test-driven");
  open = gest_test_drive_leads (f->store, NULL, &error);
  g_assert_cmpuint (open->len, ==, 0);
  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_test_drive_lead_outcome (f->store, lead, "sold", NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/agenda/S10/over-30000-km-boundary", test_boundary);
  ADD ("/agenda/S10/offered-at-booking-30000-no-30001-yes", test_offered_at_booking);
  ADD ("/agenda/S10/offered-at-arrival-30000-no-30001-yes", test_offered_at_arrival);
  ADD ("/agenda/S10/once-per-reservation", test_once_per_reservation);
  ADD ("/agenda/S10/accepted-makes-the-lead", test_accepted_lead);
  ADD ("/agenda/S10/answer-refusals", test_answer_refusals);
  ADD ("/agenda/S10/outcome-by-sales-only", test_outcome_by_sales_only);
#undef ADD

  return g_test_run ();
}
