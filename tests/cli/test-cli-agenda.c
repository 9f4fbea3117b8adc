/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 15 in the command line: `gestiona-cli reservation new | arrive | list` and `agenda day`
 * on the real program ($GESTIONA_CLI) over the demo: a full slot refused (exit 1) with the
 * advisor, the time and the numbers (S12), an advisor refused booking but marking their own
 * arrival. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-test-util.h"
#include "gest-date.h"
#include "gest-test-util.h"

static char *
first_vin (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (db, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = gest_store_prepare (store, "SELECT vin FROM vehicles WHERE customer_uuid IS NOT NULL AND km <= 30000"
                                    " ORDER BY rowid LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_cli_agenda (CliFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *vin = NULL;
  g_autofree char *day = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  GDate date;

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "20", NULL), ==, 0);
  vin = first_vin (f->db);
  /* A Monday past the demo's three months of bookings. */
  gest_date_today (&date);
  g_date_add_days (&date, 140);
  while (g_date_get_weekday (&date) != G_DATE_TUESDAY)
    g_date_add_days (&date, 1);
  day = gest_date_format (&date);

  g_setenv ("GESTIONA_PASSWORD", "gestiona", TRUE);
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "coordinador.servicio", "reservation", "new", "--vehicle", vin,
                            "--advisor", "asesor", "--date", day, "--time", "09:00", NULL), ==, 0);
  first = g_strstrip (g_strdup (f->out));
  g_assert_cmpuint (strlen (first), ==, 36);
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "coordinador.servicio", "reservation", "new", "--vehicle", vin,
                            "--advisor", "asesor", "--date", day, "--time", "09:15", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "coordinador.servicio", "reservation", "new", "--vehicle", vin,
                            "--advisor", "asesor", "--date", day, "--time", "09:00", NULL), ==, 1);
  expected = g_strdup_printf ("gestiona-cli: Luis Hernández Peña already has 2 appointments at 09:00 on %s, the capacity"
                              " of the slot (2): choose another time or advisor.\n", day);
  g_assert_cmpstr (f->err, ==, expected);

  /* The advisor does not book, but marks their own arrival. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "asesor", "reservation", "new", "--vehicle", vin,
                            "--advisor", "asesor", "--date", day, "--time", "11:00", NULL), ==, 1);
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "asesor", "reservation", "arrive", first,
                            "--mileage", "30001", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "agenda", "day", day, "--advisor", "asesor", NULL), ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("Agenda of %s: 2 appointments.\n09:00 · Luis Hernández Peña · ", day);
  g_assert_true (g_str_has_prefix (f->out, expected));
  g_assert_nonnull (strstr (f->out, " · Arrived · "));
  /* The whole day reads by time whoever the advisor: another advisor's 08:30 comes first. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "coordinador.servicio", "reservation", "new", "--vehicle", vin,
                            "--advisor", "asesor.mruiz", "--date", day, "--time", "08:30", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "agenda", "day", day, NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >=, 4);
    g_assert_true (g_str_has_prefix (lines[1], "08:30 · "));
    for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
      g_assert_cmpint (strncmp (lines[i - 1], lines[i], 5), <=, 0);
  }
  g_assert_cmpint (cli_run (f, "--db", f->db, "reservation", "list", "--from", day, "--state", "confirmed", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (f->out, "\n2 appointments.\n"));
  g_unsetenv ("GESTIONA_PASSWORD");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/agenda/S12/reservation-verbs", CliFixture, NULL, cli_fixture_setup, test_cli_agenda,
              cli_fixture_teardown);
  return g_test_run ();
}
