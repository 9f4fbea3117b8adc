/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1: Ford's VIN list imported into a campaign (#14): every bad row reported with its line and
 * a message that says what is wrong (wrong check digit, short VIN, the letters I, O and Q, no
 * VIN), duplicates in the file and in the campaign, a file without a VIN column refused whole,
 * and the same list as UTF-8 CSV, Windows-1252 CSV with semicolons, tab-separated text and
 * XLSX. Unknown vehicles are created with the list's owner marked "recall-list". */
#include "config.h"

#include <locale.h>

#include "gest-domain-module.h"
#include "campaign-test-util.h"

static GestVinListProblem *
problem (GestVinListReport *report,
         guint              i)
{
  g_assert_cmpuint (i, <, report->problems->len);
  return g_ptr_array_index (report->problems, i);
}

static void
assert_problem (GestVinListReport *report,
                guint              i,
                guint              line,
                const char        *message)
{
  g_assert_cmpuint (problem (report, i)->line, ==, line);
  g_assert_cmpstr (problem (report, i)->message, ==, message);
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = NULL;
  g_autoptr(GestVinListReport) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *message = NULL;
  char v1[18], v2[18], bad[18], v4[18];

  make_vin (1, v1);
  make_vin (2, v2);
  make_vin (3, bad);
  bad[8] = bad[8] == '7' ? '8' : '7';
  make_vin (4, v4);
  csv = g_strdup_printf ("Modelo,VIN,Año,Propietario\n"
                         "Lobo,%s,2022,Ana Pérez\n"          /* 2 */
                         "Lobo,%s,2022,Ana Pérez\n"          /* 3: twice in the file */
                         "Ranger,%s,2021,Luis Gómez\n"       /* 4: check digit */
                         "Ranger,1FTFW1E50NFA0000,2021,\n"   /* 5: 16 characters */
                         "Escape,1FMCU9GOXNUA00001,2022,\n"  /* 6: the letter O */
                         "Escape,,2022,Sin VIN\n"            /* 7: no VIN */
                         "Escape,%s,2023,Luis Gómez\n"       /* 8 */
                         "Lobo,%s,,\n",                      /* 9: no owner */
                         v1, v1, bad, v2, v4);
  file = write_file (f, "lista.csv", csv, -1);
  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 8);
  g_assert_cmpuint (report->n_added, ==, 3);
  g_assert_cmpuint (report->n_vehicles_created, ==, 3);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 5);
  message = g_strdup_printf ("VIN %s is in the list twice: line 2 has it already.", v1);
  assert_problem (report, 0, 3, message);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("The check digit of “%s” (position 9) should be “%c”, not “%c”. Compare the VIN with the vehicle’s invoice.",
                             bad, gest_vin_check_digit (bad), bad[8]);
  assert_problem (report, 1, 4, message);
  g_assert_cmpstr (problem (report, 1)->vin, ==, bad);
  assert_problem (report, 2, 5, "“1FTFW1E50NFA0000” has 16 characters; a VIN has 17. Check for missing or extra characters.");
  assert_problem (report, 3, 6, "“1FMCU9GOXNUA00001” has the letter O at position 8, and VINs never use I, O or Q. It is probably the digit 0.");
  assert_problem (report, 4, 7, "This row has no VIN.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles"), ==, 3);
  /* One owner for the two vehicles of Luis Gómez; the vehicle without an owner has none. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE name = 'Luis Gómez'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customer_data_origins"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicles WHERE customer_uuid IS NULL"
                                                  " AND model = 'Lobo' AND year = 0"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicles WHERE model = 'Escape' AND year = 2023"), ==, 1);
  /* The same list again: everything is in the campaign already. */
  again = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_vehicles_created, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 4);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("VIN %s is already in campaign 24S12.", v1);
  assert_problem (again, 0, 2, message);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles"), ==, 3);
  /* Synced and found: the new rows are in the outbox and the search index, the triggers back. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'campaign_vehicle'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'vehicle'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'customer'"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'customer_data_origin'"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM search_index WHERE kind = 'vehicle'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM search_index WHERE kind = 'customer'"
                                                  " AND title = 'Luis Gómez'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                                  " AND name IN ('customers_search_insert', 'vehicles_search_insert')"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_applying"), ==, 0);
}

static void
test_no_vin_column (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GFile) file = write_file (f, "sin-vin.csv", "Modelo,Propietario\nLobo,Ana\n", -1);
  g_autoptr(GFile) missing = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-existe.csv", NULL);
  GestVinListReport *report;

  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The file has no VIN column: its first line must name the columns, one of them “VIN” (or “NIV”, “Serie”), as in Ford’s list.");
  g_clear_error (&error);
  missing = g_file_new_for_path (path);
  report = gest_campaign_import_vins (f->store, uuid, missing, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicles"), ==, 0);
}

static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autoptr(GestVinListReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *cp1252 = NULL;
  gsize length = 0;
  char v1[18], v2[18];

  make_vin (1, v1);
  make_vin (2, v2);
  utf8 = g_strdup_printf ("Número de serie;Nombre;Teléfono;Dirección\r\n"
                          "%s;José Peña Núñez;+52 (55) 1234-5678;Av. Reforma 1, Cuauhtémoc\r\n"
                          "%s;Ma. Begoña Ibáñez;55 8765 4321;\r\n", v1, v2);
  cp1252 = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  file = write_file (f, "lista-1252.csv", cp1252, (gssize) length);
  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE name = 'José Peña Núñez'"
                                                  " AND phone_mobile = '5512345678' AND street = 'Av. Reforma 1, Cuauhtémoc'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles WHERE list_owner = 'Ma. Begoña Ibáñez'"
                                                  " AND list_phone = '5587654321' AND stage = 1"), ==, 1);
}

static void
test_tabs (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  char v1[18];

  make_vin (1, v1);
  text = g_strdup_printf ("VIN\tOwner\tPhone\n%s\tJohn Smith, Jr.\t5511112222\n", v1);
  file = write_file (f, "lista.txt", text, -1);
  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_added, ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE name = 'John Smith, Jr.'"), ==, 1);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (f->dir, "lista.xlsx", NULL);
  g_autofree char *script = NULL;
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  int status = 0;
  char v1[18], v2[18];

  make_vin (1, v1);
  make_vin (2, v2);
  script = g_strdup_printf ("import sys\n"
                            "from openpyxl import Workbook\n"
                            "wb = Workbook()\n"
                            "ws = wb.active\n"
                            "ws.append(['VIN', 'Año', 'Propietario', 'Correo'])\n"
                            "ws.append(['%s', 2022, 'Transportes Ñandú', 'flota@nandu.mx'])\n"
                            "ws.append(['%s', 2023, 'Transportes Ñandú', 'flota@nandu.mx'])\n"
                            "ws.append(['1FTFW1E5INFA00003', 2023, 'X', ''])\n"
                            "wb.save(sys.argv[1])\n", v1, v2);
  {
    const char *argv[] = { python, "-c", script, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  file = g_file_new_for_path (path);
  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 3);
  g_assert_cmpuint (report->n_added, ==, 2);
  assert_problem (report, 0, 4, "“1FTFW1E5INFA00003” has the letter I at position 9, and VINs never use I, O or Q. It is probably the digit 1.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE name = 'Transportes Ñandú'"
                                                  " AND email = 'flota@nandu.mx'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicles WHERE year = 2023"), ==, 1);
}

static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GFile) file = NULL;
  GestVinListReport *report;
  char v1[18];
  g_autofree char *text = NULL;

  make_vin (1, v1);
  text = g_strdup_printf ("VIN\n%s\n", v1);
  file = write_file (f, "lista.csv", text, -1);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  report = gest_campaign_import_vins (f->store, uuid, file, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicles"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/campaigns/S1/vin-list/bad-rows-and-duplicates", test_bad_rows);
  ADD ("/campaigns/S1/vin-list/no-vin-column", test_no_vin_column);
  ADD ("/campaigns/S1/vin-list/windows-1252-semicolons", test_windows_1252);
  ADD ("/campaigns/S1/vin-list/tab-separated", test_tabs);
  ADD ("/campaigns/S1/vin-list/xlsx", test_xlsx);
  ADD ("/campaigns/S1/vin-list/manager-only", test_permission);
  return g_test_run ();
}
