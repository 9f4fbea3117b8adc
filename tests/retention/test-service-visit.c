/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S4 (#14): service visits recorded in the app (days checked, repair orders unique, by the
 * roles that may) and the DMS's repair orders imported in one transaction, bad rows reported
 * by line with their message, a known repair order updated. No display. */
#include "config.h"

#include <locale.h>

#include "gest-service-visit.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

static void
test_add_and_close (RetentionFixture *f,
                    gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_true (gest_service_visit_add (f->store, "veh-1", "OR-1", "2025-03-10", NULL, 15000,
                                         GEST_VISIT_MAINTENANCE, &uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT in_workshop FROM vehicle_service_state WHERE vehicle_uuid = 'veh-1'"), ==, 1);
  g_assert_false (gest_service_visit_add (f->store, "veh-1", "OR-1", "2025-03-11", "2025-03-11", 15000,
                                          GEST_VISIT_REPAIR, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Repair order OR-1 is recorded already: look for it in the vehicle’s visits.");
  g_clear_error (&error);
  g_assert_false (gest_service_visit_add (f->store, "veh-1", "", "2099-01-01", NULL, 0,
                                          GEST_VISIT_REPAIR, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The visit cannot be on 01/01/2099, a day in the future: write the day the vehicle came in.");
  g_clear_error (&error);
  g_assert_false (gest_service_visit_close (f->store, uuid, "2025-03-09", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The repair order cannot close on 09/03/2025, before it opened on 10/03/2025: check both days.");
  g_clear_error (&error);
  g_assert_true (gest_service_visit_close (f->store, uuid, "2025-03-12", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT in_workshop FROM vehicle_service_state WHERE vehicle_uuid = 'veh-1'"), ==, 0);
  g_assert_false (gest_service_visit_close (f->store, uuid, "2025-03-12", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The visit is closed already: the vehicle left the workshop.");
  g_clear_error (&error);
  /* A lower mileage is only a warning, in the vehicle's log. */
  g_assert_true (gest_service_visit_add (f->store, "veh-1", "OR-2", "2025-04-10", "2025-04-10", 9000,
                                         GEST_VISIT_REPAIR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count (*) FROM activity WHERE record_uuid = 'veh-1' AND text ="
                                        " 'Service visit recorded: Repair on 10/04/2025, 9000 km, repair order OR-2."
                                        " The mileage is lower than that of an earlier visit (15000 km).'"), ==, 1);
  /* A finance manager records no visits. */
  gest_test_sign_in (f->store, GEST_ROLE_FINANCE_MANAGER);
  g_assert_false (gest_service_visit_add (f->store, "veh-1", "", "2025-05-10", NULL, 0,
                                          GEST_VISIT_MAINTENANCE, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
}

static GFile *
write_file (RetentionFixture *f,
            const char       *name,
            const char       *content)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return g_file_new_for_path (path);
}

static const char *
problem_at (GestVisitImportReport *report,
            guint                  i,
            guint                 *out_line)
{
  GestVisitImportProblem *problem = g_ptr_array_index (report->problems, i);

  *out_line = problem->line;
  return problem->message;
}

/* The DMS file: good rows, an unknown VIN, bad dates, a closing before the opening, a day in
 * the future, an unknown kind, a bad mileage; a known repair order updated. */
static void
test_dms_import (RetentionFixture *f,
                 gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GestVisitImportReport) report = NULL;
  guint line;

  retention_exec (f->store,
                  "INSERT INTO service_visits (uuid, vehicle_uuid, ro_number, opened_on, closed_on, kind, created_at)"
                  " VALUES ('sv-old', 'veh-1', 'OR-7', '2025-01-02', '2025-01-02', 'repair', 0)");
  file = write_file (f, "ordenes.csv",
                     "Orden;VIN;Fecha apertura;Kilometraje;Tipo de servicio;Fecha cierre\r\n"
                     "OR-1;1FTFW1E50NFA00001;10/03/2025;15000;Mantenimiento;11/03/2025\r\n"
                     "OR-2;1ftfw1e50nfa00001;2025-04-10;16000;Garantía;\r\n"
                     "OR-3;1FTFW1E50NFA99999;10/03/2025;15000;Mantenimiento;\r\n"
                     "OR-4;1FTFW1E50NFA00001;31/02/2025;15000;Mantenimiento;\r\n"
                     "OR-5;1FTFW1E50NFA00001;10/03/2025;15000;Mantenimiento;09/03/2025\r\n"
                     "OR-6;1FTFW1E50NFA00001;01/01/2099;15000;Mantenimiento;\r\n"
                     "OR-8;1FTFW1E50NFA00001;10/03/2025;15000;Lavado;\r\n"
                     "OR-9;1FTFW1E50NFA00001;10/03/2025;15,000;Mantenimiento;\r\n"
                     "OR-7;1FTFW1E50NFA00001;2025-01-02;14000;Mantenimiento;03/01/2025\r\n"
                     ";;10/03/2025;1;Mantenimiento;\r\n");
  report = gest_service_visits_import (f->store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_rows, ==, 10);
  g_assert_cmpuint (report->n_added, ==, 2);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 7);
  g_assert_cmpstr (problem_at (report, 0, &line), ==,
                   "The VIN 1FTFW1E50NFA99999 is not in the database: add the vehicle first, then import the file again.");
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (problem_at (report, 1, &line), ==, "“31/02/2025” is not a date: write it as dd/mm/yyyy.");
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (problem_at (report, 2, &line), ==,
                   "The repair order cannot close on 09/03/2025, before it opened on 10/03/2025: check both days.");
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpstr (problem_at (report, 3, &line), ==,
                   "The visit cannot be on 01/01/2099, a day in the future: write the day the vehicle came in.");
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpstr (problem_at (report, 4, &line), ==,
                   "“Lavado” is not a kind of visit: write maintenance, delivery, repair, warranty, field action or other.");
  g_assert_cmpuint (line, ==, 8);
  g_assert_cmpstr (problem_at (report, 5, &line), ==, "“15,000” is not a mileage: write whole kilometres, without commas.");
  g_assert_cmpuint (line, ==, 9);
  g_assert_cmpstr (problem_at (report, 6, &line), ==, "The row has no VIN.");
  g_assert_cmpuint (line, ==, 11);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM service_visits WHERE source = 'dms'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT km FROM service_visits WHERE uuid = 'sv-old'"), ==, 14000);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count (*) FROM service_visits WHERE ro_number = 'OR-2' AND kind = 'warranty'"
                                        " AND closed_on IS NULL"), ==, 1);
  /* The last maintenance is the one of 10/03/2025; the warranty visit keeps it in the workshop. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count (*) FROM vehicle_service_state WHERE last_maintenance_on = '2025-03-10'"
                                        " AND in_workshop = 1"), ==, 1);
}

static void
test_dms_import_no_columns (RetentionFixture *f,
                            gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "otra.csv", "Nombre,Teléfono\nAna,55\n");
  g_autoptr(GestVisitImportReport) report = gest_service_visits_import (f->store, file, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The file needs the columns VIN, date and kind of visit in its first row: export the repair orders from the DMS with their headers.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, RetentionFixture, NULL, retention_fixture_setup, func, retention_fixture_teardown)
  ADD ("/retention/S4/visit-add-and-close", test_add_and_close);
  ADD ("/retention/S4/dms-import-with-bad-rows", test_dms_import);
  ADD ("/retention/S4/dms-import-without-columns", test_dms_import_no_columns);
  return g_test_run ();
}
