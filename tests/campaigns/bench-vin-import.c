/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (#14): Ford's VIN list of 500,000 rows (GESTIONA_BENCH_SCALE overrides) imported
 * into a campaign, against the sqlite3 program's `.import` of the same CSV into a bare table
 * (goal: ratio <= 1.0). Two imports are measured: into a database that knows none of the
 * vehicles (each row creates a vehicle, its owner marked recall-list and the affected
 * vehicle), and the same list into a second campaign once the vehicles exist (each row is
 * looked up by the VIN's unique index and adds only the affected vehicle). Prints the times
 * and the ratios; exits 0 whatever they are. */
#include "config.h"

#include <locale.h>
#include <sys/wait.h>

#include "gest-campaign.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-vin.h"

static char *
write_list (const char *dir,
            guint       n)
{
  g_autofree char *path = g_build_filename (dir, "vin-list.csv", NULL);
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n * 80);
  g_autoptr(GError) error = NULL;

  g_string_append (csv, "VIN,Propietario,Telefono,Correo\n");
  for (guint i = 0; i < n; i++)
    {
      char vin[18];

      g_snprintf (vin, sizeof vin, "3FMCR9B60R%c%06u", "GHJNPTUV"[i / 1000000 % 8], i % 1000000);
      vin[8] = gest_vin_check_digit (vin);
      g_string_append_printf (csv, "%s,Propietario %u,55%08u,cliente%u@correo.example.mx\n", vin, i, i, i);
    }
  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static double
sqlite3_import (const char *dir,
                const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *db = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *script_path = g_build_filename (dir, "script.sql", NULL);
  g_autofree char *script = g_strdup_printf (".mode csv\nBEGIN;\n.import '%s' bare\nCOMMIT;\n", csv);
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  int status = 0;
  gint64 start;

  if (sqlite3_path == NULL)
    g_error ("the sqlite3 program is missing: install the Debian package sqlite3");
  g_file_set_contents (script_path, script, -1, &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("exec '%s' -bail '%s' < '%s'", sqlite3_path, db, script_path);
  argv[2] = command;
  start = g_get_monotonic_time ();
  g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || err[0] != '\0')
    g_error ("sqlite3 failed (status %d): %s", status, err);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
import (GestStore  *store,
        const char *code,
        const char *csv,
        guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GestVinListReport) report = NULL;
  GestCampaignFields fields = { code, GEST_CAMPAIGN_KIND_SAFETY_RECALL, "Bolsa de aire", NULL, NULL, NULL, NULL, FALSE };
  gint64 start;

  g_assert_true (gest_campaign_create (store, &fields, &uuid, &error));
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  report = gest_campaign_import_vins (store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, n);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  const char *scale = g_getenv ("GESTIONA_BENCH_SCALE");
  guint n = scale != NULL ? (guint) g_ascii_strtoull (scale, NULL, 10) : 500000;
  double reference, unknown, known;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  dir = gest_test_tmpdir_new ();
  csv = write_list (dir, n);
  db = g_build_filename (dir, "gestiona.db", NULL);

  g_print ("# sqlite3 .import of %u rows into a bare table…\n", n);
  reference = sqlite3_import (dir, csv);
  store = gest_store_open (db, &error);
  g_assert_no_error (error);
  gest_test_sign_in (store, GEST_ROLE_SERVICE_MANAGER);
  g_print ("# the campaign's import, vehicles unknown…\n");
  unknown = import (store, "24S12", csv, n);
  g_print ("# the same list into a second campaign, vehicles known…\n");
  known = import (store, "24S13", csv, n);
  g_print ("vin-import rows=%u sqlite3-import=%.2f s\n", n, reference);
  g_print ("vin-import unknown-vehicles=%.2f s ratio=%.2f (goal <= 1.0)\n", unknown, unknown / reference);
  g_print ("vin-import known-vehicles=%.2f s ratio=%.2f (goal <= 1.0)\n", known, known / reference);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
