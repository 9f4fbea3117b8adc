/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13: the business calendar is the dealer's, not one desktop's: its holidays travel as
 * entity "holiday" and its working hours as settings; the server accepts them only from a role
 * that changes the dealer's settings. Against the real gestiona-server and PostgreSQL
 * (tests/server/pg-env.sh). */
#include "config.h"

#include <locale.h>
#include <sodium.h>

#include "gest-business-calendar-store.h"
#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define GM_UUID       "a1000000-0000-4000-8000-000000000001"
#define ANALYST_UUID  "a1000000-0000-4000-8000-000000000002"
#define FAKE_HASH     "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo"

static GestStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
enroll (GestStore  *store,
        const char *dealer_id,
        const char *name)
{
  g_autofree char *code = sync_test_admin ("enroll-code", dealer_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_sync_enroll (store, g_getenv ("GESTIONA_TEST_SERVER_URL"), code, name, NULL, &error));
  g_assert_no_error (error);
}

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

static void
sign_in (GestStore  *store,
         const char *uuid,
         const char *login,
         const char *name,
         GestRole    role)
{
  g_autoptr(GestUser) user = gest_user_new (uuid, login, name, role);

  gest_store_set_user (store, user);
}

static gboolean
is_working (GestStore *store,
            int        day,
            int        month,
            int        year)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  cal = gest_business_calendar_load (store, &error);
  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return gest_business_calendar_is_working_day (cal, &date);
}

static void
test_holidays_reach_second_desktop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GestStore) a1 = NULL;
  g_autoptr(GestStore) a2 = NULL;
  g_autoptr(GError) error = NULL;
  int open[GEST_BUSINESS_N_WEEKDAYS] = { 0, 540, 540, 540, 540, 540, 540 };
  int close[GEST_BUSINESS_N_WEEKDAYS] = { 0, 1080, 1080, 1080, 1080, 1080, 840 };
  GDate day;

  if (!sync_test_have_server ())
    {
      g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
      return;
    }
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Tehuacán");
  a1 = open_store (dir, "a1.db");
  add_user (a1, GM_UUID, "gerente", "Laura Méndez", "general-manager");
  add_user (a1, ANALYST_UUID, "analista", "Ana López", "cs-analyst");
  enroll (a1, dealer, "a1");
  sign_in (a1, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);

  /* The manager adds the dealer's own day, works on Revolution Day and opens on Saturdays. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 12, G_DATE_DECEMBER, 2026);
  g_assert_true (gest_business_holidays_set (a1, &day, "Día de la Virgen de Guadalupe", &error));
  g_assert_no_error (error);
  g_date_set_dmy (&day, 16, G_DATE_NOVEMBER, 2026);
  g_assert_true (gest_business_holidays_remove (a1, &day, &error));
  g_assert_no_error (error);
  g_assert_true (gest_business_calendar_save_hours (a1, open, close, &error));
  g_assert_no_error (error);
  sync_test_sync (a1);
  g_assert_cmpstr (sync_test_query_text (a1, "SELECT coalesce (group_concat (message), '') FROM sync_log"), ==, "");
  g_assert_cmpstr (sync_test_psql ("SELECT count(*) FROM records WHERE entity = 'holiday' AND NOT deleted"), ==, "7");

  a2 = open_store (dir, "a2.db");
  enroll (a2, dealer, "a2");
  sign_in (a2, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  sync_test_sync (a2);
  g_assert_false (is_working (a2, 12, 12, 2026));
  g_assert_true (is_working (a2, 16, 11, 2026));    /* removed on a1: stays removed */
  g_assert_false (is_working (a2, 25, 12, 2026));
  g_assert_true (is_working (a2, 5, 12, 2026));     /* Saturday, open 09:00-14:00 */
  g_assert_cmpstr (sync_test_query_text (a2, "SELECT value FROM settings WHERE key = 'calendar.hours.6'"), ==,
                   "09:00-14:00");
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM sync_outbox WHERE state = 'queued'"), ==, 0);

  /* An analyst cannot change the calendar: the store refuses, and so does the server for a
   * desktop edited behind the app's back. */
  sign_in (a1, ANALYST_UUID, "analista", "Ana López", GEST_ROLE_CS_ANALYST);
  g_date_set_dmy (&day, 24, G_DATE_DECEMBER, 2026);
  g_assert_false (gest_business_holidays_set (a1, &day, "Nochebuena", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (gest_store_begin (a1, TRUE, &error));
  sync_test_exec (a1, "INSERT INTO business_holidays (uuid, day, name) VALUES "
                      "('b0000000-0000-4000-8000-000000000001', '2026-12-24', 'Nochebuena')");
  g_assert_true (gest_store_commit (a1, &error));
  sync_test_sync (a1);
  message = sync_test_query_text (a1, "SELECT coalesce ((SELECT message FROM sync_log WHERE kind = 'rejected' "
                                      "ORDER BY id DESC LIMIT 1), '')");
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "change the dealer’s settings: it is for General manager. Ask one of them, or sign in as one.");

  g_clear_object (&a1);
  g_clear_object (&a2);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What a desktop pushes or pulls is checked: a day that is a date, a name. */
static void
test_holiday_fields_checked (void)
{
  const char *uuid = "b0000000-0000-4000-8000-000000000002";
  struct { const char *json; gboolean deleted; const char *expected; } cases[] = {
    { "{\"day\": \"2026-12-12\", \"name\": \"Día de la Virgen de Guadalupe\"}", FALSE, NULL },
    { "{\"name\": \"Guadalupe\"}", FALSE, NULL },
    { "{\"day\": \"12/12/2026\", \"name\": \"Guadalupe\"}", FALSE, "“day” is not a date (yyyy-mm-dd): “12/12/2026”." },
    { "{\"day\": \"2026-12-12\", \"name\": \"\"}", FALSE, "A holiday needs its “name”." },
    { "{\"day\": \"2026-12-12\", \"name\": \"\"}", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autofree char *message = gest_sync_validate_change ("holiday", uuid, cases[i].deleted,
                                                            json_node_get_object (node));

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/sync/calendar/13/holiday-fields-checked", test_holiday_fields_checked);
  g_test_add_func ("/sync/calendar/13/holidays-and-hours-reach-second-desktop", test_holidays_reach_second_desktop);

  return g_test_run ();
}
