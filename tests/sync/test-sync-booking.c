/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7 (#15): web bookings reach the desktop. The desktop publishes its free slots and
 * confirm-by days (gest_agenda_web_publish) and syncs; while it is offline a customer books
 * through gestiona-server's /v1/bookings; at its next sync the desktop has the booking "To
 * confirm" (origin web, no advisor) with the confirm-by day of the row it published and the
 * customer the server made; its next publication counts the booking once, not twice. Against
 * the real gestiona-server and PostgreSQL (tests/server/pg-env.sh). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-agenda-schedule.h"
#include "gest-agenda-web.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation.h"
#include "gest-sync-client.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define GM_UUID       "a1000000-0000-4000-8000-000000000001"
#define ADVISOR_UUID  "a1000000-0000-4000-8000-000000000002"
#define FAKE_HASH     "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo"

static void
add_user (GestStore  *store,
          const char *uuid,
          const char *login,
          const char *name,
          const char *role)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO users (uuid, name, role, login, password_hash, active, "
                                          "created_at) VALUES ('%s', '%s', '%s', '%s', '%s', 1, 1)",
                                          uuid, name, role, login, FAKE_HASH);

  sync_test_exec (store, sql);
}

/* The first working day of the business calendar after today. */
static char *
next_working_day (GestStore *store)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  calendar = gest_business_calendar_load (store, &error);
  g_assert_no_error (error);
  gest_date_today (&day);
  do
    g_date_add_days (&day, 1);
  while (!gest_business_calendar_is_working_day (calendar, &day));
  return gest_date_to_iso (&day);
}

static guint
post_booking (const char *dealer,
              const char *json,
              char      **out_body)
{
  g_autofree char *url = g_strconcat (g_getenv ("GESTIONA_TEST_SERVER_URL"), "/v1/bookings/", dealer, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (out_body != NULL)
    *out_body = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

static void
test_web_booking_reaches_desktop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *day = NULL;
  g_autofree char *json = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected_by = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *slots = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestUser) user = NULL;
  g_autoptr(GestReservation) booking = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int now_min = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  guint n = 0;

  if (!sync_test_have_server ())
    {
      g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
      return;
    }
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Tehuacán");
  path = g_build_filename (dir, "recepcion.db", NULL);
  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  add_user (store, GM_UUID, "gerente", "Laura Méndez", "general-manager");
  add_user (store, ADVISOR_UUID, "asesor", "Luis Hernández Peña", "service-advisor");
  {
    g_autofree char *code = sync_test_admin ("enroll-code", dealer, NULL);

    g_assert_true (gest_sync_enroll (store, g_getenv ("GESTIONA_TEST_SERVER_URL"), code, "recepcion", NULL, &error));
    g_assert_no_error (error);
  }
  user = gest_user_new (GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  gest_store_set_user (store, user);

  /* The advisor works every weekday 09:00-11:00, two cars per 30-minute slot. */
  for (int weekday = 1; weekday <= 7; weekday++)
    {
      GestAgendaSchedule schedule = {
        .advisor_uuid = (char *) ADVISOR_UUID, .weekday = weekday, .starts_min = 540, .ends_min = 660,
        .break_starts_min = -1, .break_ends_min = -1, .slot_minutes = 30, .capacity = 2,
      };

      g_assert_true (gest_agenda_schedule_set (store, &schedule, &error));
      g_assert_no_error (error);
    }
  /* Each schedule change published the window; nothing changed since: nothing written. */
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM agenda_web_days WHERE deleted = 0"), ==,
                   GEST_AGENDA_WEB_DAYS);
  g_assert_true (gest_agenda_web_publish (store, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  day = next_working_day (store);
  sql = g_strdup_printf ("SELECT slots FROM agenda_web_days WHERE day = '%s' AND deleted = 0", day);
  g_assert_cmpstr (sync_test_query_text (store, sql), ==,
                   "[{\"t\":\"09:00\",\"free\":2},{\"t\":\"09:30\",\"free\":2},"
                   "{\"t\":\"10:00\",\"free\":2},{\"t\":\"10:30\",\"free\":2}]");
  sync_test_sync (store);
  g_assert_cmpstr (sync_test_psql ("SELECT count(*) FROM records WHERE entity = 'agenda_web_day' AND NOT deleted"), ==, "14");

  /* The desktop is offline (no sync) while a customer books on the website. */
  json = g_strdup_printf ("{\"name\": \"Juan Pérez López\", \"phone\": \"2381234567\", \"email\": \"juan@example.com\","
                          " \"plate_vin\": \"TXA-123-B\", \"service_kind\": \"maintenance\", \"day\": \"%s\","
                          " \"time\": \"09:00\"}", day);
  g_assert_cmpuint (post_booking (dealer, json, &reply), ==, 201);
  /* Another customer gives a VIN the dealer does not know: a vehicle is made for it. */
  g_free (json);
  json = g_strdup_printf ("{\"name\": \"Ana Ruiz Soto\", \"phone\": \"2387654321\", \"email\": \"\","
                          " \"plate_vin\": \"1FMCU0F78KUA12345\", \"service_kind\": \"repair\", \"day\": \"%s\","
                          " \"time\": \"09:30\"}", day);
  g_assert_cmpuint (post_booking (dealer, json, NULL), ==, 201);

  sync_test_sync (store);
  /* Nothing the desktop's validators refused (the schedules are another matter: the server
   * knows their entity once agenda-core lists it). */
  g_assert_cmpstr (sync_test_query_text (store, "SELECT coalesce (group_concat (message), '') FROM sync_log"
                                                " WHERE message NOT LIKE '%agenda_schedule%'"), ==, "");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT v.vin || ' ' || c.name || ' ' || r.service_kind || ' ' || r.state FROM reservations r"
                         " JOIN vehicles v ON v.uuid = r.vehicle_uuid JOIN customers c ON c.uuid = v.customer_uuid"
                         " WHERE r.day = '%s' AND r.starts_min = 570", day);
  g_assert_cmpstr (sync_test_query_text (store, sql), ==, "1FMCU0F78KUA12345 Ana Ruiz Soto repair to-confirm");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT uuid FROM reservations WHERE day = '%s' AND origin = 'web' AND starts_min = 540", day);
  uuid = sync_test_query_text (store, sql);
  g_assert_nonnull (uuid);
  booking = gest_reservation_load (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booking->state, ==, GEST_RESERVATION_TO_CONFIRM);
  g_assert_cmpstr (gest_reservation_state_label (booking->state), ==, "To confirm");
  g_assert_null (booking->advisor_uuid);
  g_assert_cmpint (booking->starts_min, ==, 540);
  g_assert_cmpstr (booking->origin, ==, "web");
  /* The confirm-by day of the row published for today: before or after its cutoff. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT CASE WHEN %d < cutoff_min THEN confirm_before ELSE confirm_after END"
                         " FROM agenda_web_days WHERE day = '%s' AND deleted = 0", now_min, today);
  expected_by = sync_test_query_text (store, sql);
  g_assert_nonnull (expected_by);
  g_assert_cmpstr (booking->confirm_by, ==, expected_by);
  /* Its customer, made by the server from what was typed. */
  g_assert_cmpstr (booking->customer_name, ==, "Juan Pérez López");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT c.phone_mobile || ' ' || c.email FROM customers c JOIN reservations r"
                         " ON r.customer_uuid = c.uuid WHERE r.uuid = '%s'", uuid);
  g_assert_cmpstr (sync_test_query_text (store, sql), ==, "2381234567 juan@example.com");

  /* The next publication holds the booking's place (no advisor yet), and the server does not
   * count it a second time: 09:00 has one place left, not zero. */
  g_assert_true (gest_agenda_web_publish (store, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  sync_test_sync (store);
  {
    g_autofree char *url = g_strconcat (g_getenv ("GESTIONA_TEST_SERVER_URL"), "/v1/slots/", dealer, NULL);
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);
    g_autofree char *needle = g_strdup_printf ("{\"day\":\"%s\",\"slots\":[{\"time\":\"09:00\",\"free\":1},", day);

    g_assert_no_error (error);
    slots = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    g_assert_nonnull (strstr (slots, needle));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  g_test_add_func ("/sync/booking/S7/offline-desktop-pulls-web-booking", test_web_booking_reaches_desktop);
  return g_test_run ();
}
