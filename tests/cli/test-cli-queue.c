/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 14 (S4-S6, S8): `gestiona-cli queue today [--date DD/MM/YYYY]`, `lapsed [--month
 * MM/YYYY]` and `visit import FILE | add …`, the real program: the day's list as text, the
 * month's lapsed list with its flags, the DMS file's report, and bad input refused. */
#include "config.h"

#include "gest-store.h"
#include "cli-test-util.h"
#include "gest-test-util.h"

static void
fill (CliFixture *f)
{
  g_autoptr(GError) error = NULL;
  GestStore *store;

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  store = gest_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (store,
    "INSERT INTO customers (uuid, name, phone_mobile) VALUES ('cust-1', 'Ana Ruiz Soto', '5512345678'),"
    " ('cust-2', 'Beto Lara', '9991234567'), ('cust-3', 'Carla Díaz', '3331234567');"
    "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
    " ('veh-1', '1FTFW1E50NFA00001', 'Ranger', 2022, 'cust-1'),"
    " ('veh-2', '1FTFW1E50NFA00002', 'Escape', 2020, 'cust-2'),"
    " ('veh-3', '1FTFW1E50NFA00003', 'Edge', 2019, 'cust-3');"
    "INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, closed_on, kind, created_at) VALUES"
    " ('sv-1', 'veh-1', '2026-06-20', '2026-06-20', 'maintenance', 0),"
    " ('sv-3', 'veh-3', '2026-06-21', '2026-06-21', 'maintenance', 0);"
    "INSERT INTO campaigns (uuid, code, kind, description, created_at) VALUES"
    " ('cmp-1', '24S12', 'safety-recall', 'Bolsa de aire', 0);"
    "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, imported_at)"
    " VALUES ('cv-1', 'cmp-1', 'veh-1', 0, 0, 0);"
    "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, created_at)"
    " VALUES ('o-3', 'cust-3', 'recall-list', 0);"
    "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on, created_at)"
    " VALUES ('fup-1', 'cust-2', 'veh-2', 'quote', 'Llantas cotizadas', '2026-12-04', 0);", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
test_queue_today (CliFixture    *f,
                  gconstpointer  data)
{
  fill (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "queue", "today", "--date", "07/12/2026", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Call queue of 07/12/2026: 2 customers to call.\n"
                   "1. Pending parts or quote · Beto Lara · 9991234567 · Escape 2020 · 1FTFW1E50NFA00002"
                   " · attempt 1 of 5 · Morning (before 12:00) · Llantas cotizadas\n"
                   "2. Lapsed maintenance · Ana Ruiz Soto · 5512345678 · Ranger 2022 · 1FTFW1E50NFA00001"
                   " · attempt 1 of 5 · Morning (before 12:00) · 1 open field action · Último mantenimiento: 20/06/2026\n");
  /* The day before the follow-up's day, in November: nothing to call. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "queue", "today", "--date", "03/11/2026", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Call queue of 03/11/2026: 0 customers to call.\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "queue", "tomorrow", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: Write “queue today” (and --date DD/MM/YYYY for another day).\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "queue", "today", "--date", "31/02/2026", NULL), ==, 2);
}

static void
test_lapsed (CliFixture    *f,
             gconstpointer  data)
{
  fill (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "lapsed", "--month", "12/2026", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "2 vehicles without maintenance in six months.\n"
                   "1FTFW1E50NFA00001 · Ranger 2022 · Ana Ruiz Soto · 20/06/2026 · 1 open field action\n"
                   "1FTFW1E50NFA00003 · Edge 2019 · Carla Díaz · 21/06/2026 · contact data for the recall only\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "lapsed", "--month", "01/2027", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "0 vehicles without maintenance in six months.\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "lapsed", "--month", "13/2026", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: Write the month as MM/YYYY, for example 12/2026.\n");
}

static void
test_visit_import (CliFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->tmpdir, "ordenes.csv", NULL);

  fill (f);
  g_assert_true (g_file_set_contents (csv,
                                      "VIN,Fecha,Km,Tipo,Orden\n"
                                      "1FTFW1E50NFA00002,10/03/2025,20000,Mantenimiento,OR-1\n"
                                      "1FTFW1E50NFA99999,10/03/2025,20000,Mantenimiento,OR-2\n", -1, NULL));
  g_assert_cmpint (cli_run (f, "--db", f->db, "visit", "import", csv, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "2 rows read: 1 visits added, 0 updated, 1 refused.\n"
                   "Line 3: The VIN 1FTFW1E50NFA99999 is not in the database: add the vehicle first, then import the file again.\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "visit", "add", "--vin", "1ftfw1e50nfa00003", "--date", "01/12/2026",
                            "--kind", "maintenance", "--km", "30000", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Visit recorded: "));
  /* Came early: out of December's list. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "lapsed", "--month", "12/2026", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "1 vehicle without maintenance in six months.\n"
                   "1FTFW1E50NFA00001 · Ranger 2022 · Ana Ruiz Soto · 20/06/2026 · 1 open field action\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "visit", "add", "--vin", "1FTFW1E50NFA00003", "--date", "01/12/2026",
                            "--kind", "wash", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: The kind is one of delivery, maintenance, repair, warranty, field-action or other.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/S6/queue-today", CliFixture, NULL, cli_fixture_setup, test_queue_today, cli_fixture_teardown);
  g_test_add ("/cli/S4/lapsed-month", CliFixture, NULL, cli_fixture_setup, test_lapsed, cli_fixture_teardown);
  g_test_add ("/cli/S4/visit-import-and-add", CliFixture, NULL, cli_fixture_setup, test_visit_import, cli_fixture_teardown);
  return g_test_run ();
}
