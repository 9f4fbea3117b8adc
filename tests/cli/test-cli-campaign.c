/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 14 in the command line: `gestiona-cli campaign new | import-vins | list | show | part |
 * receive | review` on the real program ($GESTIONA_CLI): Ford's VIN list with its report of
 * bad rows (S1), the parts received releasing vehicles to contact (S3), the weekly review
 * once a week (S1), and the coordinator refused the manager's commands (exit 1). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-test-util.h"
#include "gest-test-util.h"
#include "gest-vin.h"

static int G_GNUC_NULL_TERMINATED
run_as (CliFixture *f,
        const char *login,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *word;
  va_list ap;
  int status;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--user");
  g_ptr_array_add (args, (gpointer) login);
  va_start (ap, login);
  while ((word = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) word);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_setenv ("GESTIONA_PASSWORD", "secreto-123", TRUE);
  status = gest_test_run_cli ((const char * const *) args->pdata, &f->out, &f->err);
  g_unsetenv ("GESTIONA_PASSWORD");
  return status;
}

static void
make_vin (guint serial,
          char  out[18])
{
  g_snprintf (out, 18, "1FTFW1E50NFA%05u", serial);
  out[8] = gest_vin_check_digit (out);
}

static void
test_campaign_verb (CliFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "lista.csv", NULL);
  g_autofree char *expected = NULL;
  char v1[18], v2[18], v3[18];

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_setenv ("GESTIONA_NEW_PASSWORD", "secreto-123", TRUE);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "gerente", "--name", "Mariana Torres", NULL), ==, 0);
  g_assert_cmpint (run_as (f, "gerente", "user", "add", "coordinador", "--name", "Javier Núñez",
                           "--role=service-coordinator", NULL), ==, 0);
  g_unsetenv ("GESTIONA_NEW_PASSWORD");

  g_assert_cmpint (run_as (f, "gerente", "campaign", "new", "24S1", "safety-recall", "Bolsa de aire", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: “24S1” is not a Ford campaign code: two digits of the year, a letter and two digits, such as 24S12.\n");
  g_assert_cmpint (run_as (f, "coordinador", "campaign", "new", "24S12", "safety-recall", "Bolsa de aire", NULL), ==, 1);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "new", "24S12", "safety-recall", "Bolsa de aire", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Campaign 24S12 created.\n");

  make_vin (1, v1);
  make_vin (2, v2);
  make_vin (3, v3);
  v3[8] = v3[8] == '5' ? '6' : '5';
  csv = g_strdup_printf ("VIN,Propietario\n%s,Ana\n%s,Luis\n%s,Mal\n%s,Ana\n", v1, v2, v3, v1);
  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "import-vins", "24s12", path, NULL), ==, 0);
  expected = g_strdup_printf ("4 rows read: 2 vehicles added to 24S12 (2 new to the dealer), 1 duplicates, 1 rows with problems.\n"
                              "Line 4: The check digit of “%s” (position 9) should be “%c”, not “%c”. Compare the VIN with the vehicle’s invoice.\n"
                              "Line 5: VIN %s is in the list twice: line 2 has it already.\n",
                              v3, gest_vin_check_digit (v3), v3[8], v1);
  g_assert_cmpstr (f->out, ==, expected);

  g_assert_cmpint (run_as (f, "gerente", "campaign", "part", "24S12", "A-1", "1", "2", "Inflador", NULL), ==, 0);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "receive", "24S12", "A-1", "1", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Part A-1: 1 received. 1 vehicles to contact, 1 waiting for parts.\n");
  g_assert_cmpint (run_as (f, "gerente", "campaign", "receive", "24S12", "Z-9", "1", NULL), ==, 2);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Code\tType\tAffected\tParts pending\tTo contact\tContacted\tAppointment booked\tRepaired\tDescription\n"
                               "24S12\tSafety recall\t2\t1\t1\t0\t0\t0\tBolsa de aire\n");
  g_assert_cmpint (run_as (f, "gerente", "campaign", "show", "24S12", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Vehicles the received parts cover: 1\n"));
  g_assert_nonnull (strstr (f->out, "Part A-1 (Inflador): 1 per vehicle, 2 requested, 1 received, Received\n"));
  g_assert_cmpint (run_as (f, "gerente", "campaign", "show", "99X99", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: There is no campaign “99X99”: check the code in the campaigns list.\n");

  g_assert_cmpint (run_as (f, "coordinador", "campaign", "review", "24S12", NULL), ==, 1);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "review", "24S12", "Sin novedad", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Campaign 24S12 reviewed this week.\n");
  g_assert_cmpint (run_as (f, "gerente", "campaign", "review", "24S12", NULL), ==, 1);
  g_assert_cmpint (run_as (f, "gerente", "campaign", "launch", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("GESTIONA_PASSWORD");
  g_test_add ("/cli/campaign/S1-S3/new-import-parts-review", CliFixture, NULL, cli_fixture_setup,
              test_campaign_verb, cli_fixture_teardown);
  return g_test_run ();
}
