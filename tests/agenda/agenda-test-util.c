/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

void
agenda_exec (GestStore  *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

void
agenda_fixture_setup (AgendaFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  agenda_exec (f->store,
               "INSERT INTO customers (uuid, name, phone_mobile, email) VALUES"
               " ('cust-1', 'Ana Ruiz Soto', '5512345678', 'ana@example.com'),"
               " ('cust-2', 'Juan Pérez López', '5587654321', '');"
               "INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid) VALUES"
               " ('veh-1', '1FMCU0F70KUA00001', 'Escape', 2019, 35000, 'ABC-123-D', 'cust-1'),"
               " ('veh-2', '1FTFW1E50NFA00002', 'Ranger', 2022, 12000, 'XYZ-987-A', 'cust-2');"
               "INSERT INTO users (uuid, login, name, role, email, active, created_at, updated_at) VALUES"
               " ('adv-luis', 'asesor', 'Luis Hernández Peña', 'service-advisor', 'luis@example.com', 1, 1, 1),"
               " ('adv-maria', 'asesor.mruiz', 'María Ruiz Ortega', 'service-advisor', 'maria@example.com', 1, 1, 1);"
               "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min,"
               " break_starts_min, break_ends_min, slot_minutes, capacity)"
               " SELECT a.uuid || '-' || d.n, a.uuid, d.n, 480, CASE d.n WHEN 6 THEN 780 ELSE 1080 END,"
               " CASE d.n WHEN 6 THEN NULL ELSE 840 END, CASE d.n WHEN 6 THEN NULL ELSE 900 END, 30, 2"
               " FROM (SELECT 'adv-luis' AS uuid UNION ALL SELECT 'adv-maria') a,"
               " (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
               "  UNION ALL SELECT 5 UNION ALL SELECT 6) d;");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

void
agenda_fixture_teardown (AgendaFixture *f,
                         gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

char *
agenda_add_days (const char *iso,
                 int         days)
{
  GDate date;

  g_assert_true (gest_date_from_iso (iso, &date));
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return gest_date_to_iso (&date);
}

char *
agenda_monday (GestStore *store,
               int        weeks)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, NULL);
  GDate date;

  gest_date_today (&date);
  g_date_add_days (&date, 1);
  while (g_date_get_weekday (&date) != G_DATE_MONDAY)
    g_date_add_days (&date, 1);
  g_date_add_days (&date, 7 * weeks);
  /* A Monday holiday (5 February, 16 March, 16 November…) and its week are skipped. */
  while (gest_business_calendar_is_holiday (calendar, &date, NULL))
    g_date_add_days (&date, 7);
  return gest_date_to_iso (&date);
}

gint64
agenda_at (const char *day,
           int         minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) moment = NULL;
  GDate date;

  g_assert_true (gest_date_from_iso (day, &date));
  moment = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                            minute / 60, minute % 60, 0);
  return g_date_time_to_unix (moment) * G_USEC_PER_SEC;
}

char *
agenda_try_book (GestStore   *store,
                 const char  *vehicle,
                 const char  *advisor,
                 const char  *day,
                 int          minute,
                 GError     **error)
{
  GestReservationValues values = { 0 };

  values.customer_uuid = vehicle == NULL || g_str_equal (vehicle, "veh-1") ? "cust-1" : "cust-2";
  values.vehicle_uuid = vehicle != NULL ? vehicle : "veh-1";
  values.service_kind = "maintenance";
  values.advisor_uuid = advisor;
  values.day = day;
  values.starts_min = minute;
  values.transport = "waits";
  return gest_reservation_create (store, "phone", &values, error);
}

char *
agenda_book (GestStore  *store,
             const char *advisor,
             const char *day,
             int         minute)
{
  g_autoptr(GError) error = NULL;
  char *uuid = agenda_try_book (store, NULL, advisor, day, minute, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

char *
agenda_web_booking (GestStore  *store,
                    const char *advisor,
                    const char *day,
                    int         minute,
                    const char *confirm_by)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, advisor_uuid, day, starts_min,"
                        " state, origin, contact_name, contact_phone, contact_email, received_at, confirm_by,"
                        " created_at) VALUES (?1, 'cust-2', 'veh-2', ?2, ?3, ?4, 'to-confirm', 'web',"
                        " 'Juan Pérez', '5587654321', 'juan@example.com', 1, ?5, 1)", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, minute);
  sqlite3_bind_text (stmt, 5, confirm_by, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return g_steal_pointer (&uuid);
}

char *
agenda_state_of (GestStore  *store,
                 const char *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT state FROM reservations WHERE uuid = ?1", NULL);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
