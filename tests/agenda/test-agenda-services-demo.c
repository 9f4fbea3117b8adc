/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S9, S10, S11 (#15): the demo's technology sessions, test-drive leads and billing data:
 * sessions on working days, held or missed only once past; a lead only from a reservation
 * offered a test drive, which is then accepted; every customer given a regime and use passes
 * the receiver check of an invoice; the website's next days are published (S7), so the
 * demo's booking form offers slots from the start. */
#include "config.h"

#include <locale.h>

#include "gest-agenda-services-demo.h"
#include "gest-agenda-web.h"
#include "gest-customer-billing.h"
#include "gest-demo.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "gestiona.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(sqlite3_stmt) billed = NULL;
  GestStore *store;
  guint n_billed = 0;

  gest_domain_modules_init ();
  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_demo_fill (store, 300, 7, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM agenda_web_days"), ==, GEST_AGENDA_WEB_DAYS);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM agenda_web_days WHERE slots LIKE '%\"free\":%'"), >, 5);
  /* Reservations offered a test drive, as the agenda's demo makes them. */
  g_assert_true (gest_store_exec (store,
                                  "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, day,"
                                  " starts_min, test_drive, received_at, created_at)"
                                  " SELECT 'demo-r' || v.rowid, v.customer_uuid, v.uuid, 35000,"
                                  " date ('now', '-' || (v.rowid % 20) || ' days'), 600, 'offered', 1, 1"
                                  " FROM vehicles v WHERE v.customer_uuid IS NOT NULL LIMIT 60", &error));
  g_assert_no_error (error);
  g_assert_true (gest_agenda_services_demo_fill (store, 300, rand, &error));
  g_assert_no_error (error);

  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM tech_sessions"), >, 20);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM tech_sessions WHERE state IN ('held', 'missed')"
                                               " AND day > date ('now', 'localtime')"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM tech_sessions"
                                               " WHERE strftime ('%w', day) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM test_drive_leads"), >, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM test_drive_leads l JOIN reservations r"
                                               " ON r.uuid = l.reservation_uuid WHERE r.test_drive <> 'accepted'"), ==, 0);

  billed = gest_store_prepare (store, "SELECT uuid FROM customers WHERE fiscal_regime <> ''", &error);
  g_assert_no_error (error);
  while (sqlite3_step (billed) == SQLITE_ROW)
    {
      g_autoptr(GError) check_error = NULL;

      if (!gest_customer_billing_check (store, (const char *) sqlite3_column_text (billed, 0), &check_error))
        g_error ("%s", check_error->message);
      n_billed++;
    }
  g_assert_cmpuint (n_billed, >, 100);
  g_clear_pointer (&billed, sqlite3_finalize);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/S11/demo-sessions-leads-billing", test_demo);

  return g_test_run ();
}
