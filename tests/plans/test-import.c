/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports of customers, vehicles and plans (issue 12, part 2): encodings, separators, quotes,
 * amounts and dates, bad rows reported by row and column and never written, re-imports that
 * update, XLSX, cancel, permission, the CLI. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gest-import.h"
#include "gest-search.h"
#include "gest-store.h"
#include "gest-test-util.h"

typedef struct
{
  char      *tmpdir;
  char      *db_path;
  GestStore *store;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = gest_test_tmpdir_new ();
  f->db_path = g_build_filename (f->tmpdir, "test.db", NULL);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->db_path);
  gest_test_tmpdir_free (f->tmpdir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *bytes,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->tmpdir, name, NULL);

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return path;
}

static GestImportResult *
import (Fixture        *f,
        const char     *path,
        GestImportKind  kind,
        gboolean        dry_run)
{
  g_autoptr(GError) error = NULL;
  GestImportResult *result = NULL;

  gboolean ok = gest_import_file (f->store, path, kind, NULL, dry_run, NULL, NULL, NULL, &result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return result;
}

static const GestImportIssue *
issue (GestImportResult *result,
       guint             i)
{
  g_assert_cmpuint (i, <, result->issues->len);
  return g_ptr_array_index (result->issues, i);
}

/* The "Done when" path: Conauto's plans in Windows-1252 with ';', three bad rows. */
static void
test_cp1252_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autoptr(GestImportResult) result = import (f, path, GEST_IMPORT_PLANS, FALSE);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const GestSearchHit *hit;

  g_assert_cmpstr (result->encoding, ==, "Windows-1252");
  g_assert_cmpint (result->separator, ==, ';');
  g_assert_cmpstr (result->ignored_columns, ==, "Vendedor");
  g_assert_cmpuint (result->n_rows, ==, 6);
  g_assert_cmpuint (result->n_created, ==, 3);
  g_assert_cmpuint (result->n_invalid, ==, 3);
  g_assert_cmpuint (result->n_issues, ==, 4);
  g_assert_cmpuint (issue (result, 0)->row, ==, 5);
  g_assert_cmpstr (issue (result, 0)->column, ==, "Saldo");
  g_assert_cmpstr (issue (result, 0)->message, ==,
                   "“abc” is not an amount: write it like 1234.56 or $1,234.56.");
  g_assert_cmpuint (issue (result, 1)->row, ==, 6);
  g_assert_cmpstr (issue (result, 1)->column, ==, "Fecha de corte");
  g_assert_cmpstr (issue (result, 1)->message, ==, "“31/02/2026” is not a date: write it as dd/mm/yyyy.");
  g_assert_cmpuint (issue (result, 3)->row, ==, 7);
  g_assert_cmpstr (issue (result, 3)->column, ==, "Mensualidad");
  g_assert_cmpstr (issue (result, 3)->message, ==, "The installment must be more than $0.00.");

  /* Bad rows are never written; good ones are, with their amounts and dates. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE number IN "
                                                  "('PL-0004', 'PL-0005', 'PL-0006')"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT balance FROM plans WHERE number = 'PL-0002'"),
                   ==, 123450);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT installment FROM plans WHERE number = 'PL-0002'"),
                   ==, 310050);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT as_of = '2026-03-15' FROM plans WHERE number = 'PL-0003'"),
                   ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers WHERE kind = 'moral' AND "
                                                  "name = 'Comercializadora Álamo SA'"), ==, 1);
  /* One log entry, the outbox and the search index filled. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE text = "
                                                  "'Imported plans from plans-cp1252.csv: 3 created, 0 updated, "
                                                  "0 unchanged, 3 refused.'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity IN "
                                                  "('customer', 'plan')"), ==, 6);
  hits = gest_search_run (f->store, "nuñez", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->title, ==, "José Ñúñez Peña");
  /* The triggers are back: a later change keeps the index. */
  g_assert_true (gest_store_exec (f->store, "UPDATE customers SET name = 'José Núñez' WHERE rfc = 'GODE561231GR8'", NULL));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gest_search_run (f->store, "jose nunez", 10, &error);
  g_assert_cmpuint (hits->len, ==, 2);
}

/* UTF-8 with a BOM, ',' separators, quoted cells with commas, quotes and a line break. */
static void
test_utf8_quotes (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (f, "c.csv",
                                      "\xEF\xBB\xBF" "Nombre,RFC,Teléfono,C.P.,Estado,Correo\n"
                                      "\"Pérez, Ana \"\"La Güera\"\"\",PEAA800101AB3,55 1234 5678,06600,Jalisco,ana@example.com\n"
                                      "\"Calle\nDos\",,+52 (33) 1234-5678,6600,Narnia,no-es-correo\n",
                                      -1);
  g_autoptr(GestImportResult) result = import (f, path, GEST_IMPORT_CUSTOMERS, FALSE);

  g_assert_cmpstr (result->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpint (result->separator, ==, ',');
  g_assert_cmpuint (result->n_created, ==, 1);
  g_assert_cmpuint (result->n_invalid, ==, 1);
  g_assert_cmpuint (result->n_issues, ==, 3);
  g_assert_cmpuint (issue (result, 0)->row, ==, 3);
  g_assert_cmpstr (issue (result, 0)->column, ==, "C.P.");
  g_assert_cmpstr (issue (result, 0)->message, ==, "The postal code “6600” is not 5 digits.");
  g_assert_cmpstr (issue (result, 1)->message, ==, "“Narnia” is not a Mexican state.");
  g_assert_cmpstr (issue (result, 2)->message, ==, "“no-es-correo” is not an email address.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers WHERE "
                                                  "name = 'Pérez, Ana \"La Güera\"' AND phone_mobile = '5512345678' "
                                                  "AND postal_code = '06600' AND state_code = 'JAL'"), ==, 1);
}

/* Run twice: the second updates (keyed by plan number and RFC), never duplicates. */
static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (f, "p.csv",
                                      "Número de plan,Nombre,RFC,Mensualidad,Saldo\n"
                                      "A-1,Ana,PEAA800101AB3,100,1000\n"
                                      "A-2,Ana,PEAA800101AB3,100,2000\n"
                                      "A-3,Público,XAXX010101000,100,3000\n", -1);
  g_autoptr(GestImportResult) first = import (f, path, GEST_IMPORT_PLANS, FALSE);
  g_autoptr(GestImportResult) second = import (f, path, GEST_IMPORT_PLANS, FALSE);
  g_autoptr(GestImportResult) third = NULL;
  g_autofree char *changed = NULL;

  g_assert_cmpuint (first->n_created, ==, 3);
  g_assert_cmpuint (second->n_created, ==, 0);
  g_assert_cmpuint (second->n_unchanged, ==, 3);
  /* One customer for the RFC, one for the generic RFC (which keys no one). */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 3);

  changed = write_file (f, "p2.csv",
                        "Número de plan,Nombre,RFC,Mensualidad,Saldo\n"
                        "A-1,Ana María,PEAA800101AB3,100,900\n"
                        "A-2,Ana María,PEAA800101AB3,100,2000\n"
                        "A-3,Público,XAXX010101000,100,3000\n", -1);
  third = import (f, changed, GEST_IMPORT_PLANS, FALSE);
  g_assert_cmpuint (third->n_created, ==, 0);
  /* A-2's customer was renamed by A-1's row already: A-2 itself changes nothing. */
  g_assert_cmpuint (third->n_updated, ==, 1);
  g_assert_cmpuint (third->n_unchanged, ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT balance FROM plans WHERE number = 'A-1'"), ==, 90000);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers WHERE name = 'Ana María'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM search_index WHERE kind = 'plan' AND body = 'Ana María'"), ==, 2);
}

static void
test_vehicles (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_file (f, "v.csv",
                                      "VIN;Modelo;Año;Placas;RFC;Propietario\n"
                                      "1M8GDM9AXKP042788;Aveo;2020;ABC-123;PEAA800101AB3;Ana\n"
                                      "1M8GDM9AXKP04278;Aveo;2020;;;\n", -1);
  g_autoptr(GestImportResult) result = import (f, path, GEST_IMPORT_VEHICLES, FALSE);
  g_autoptr(GestImportResult) again = import (f, path, GEST_IMPORT_VEHICLES, FALSE);

  g_assert_cmpuint (result->n_created, ==, 1);
  g_assert_cmpuint (result->n_invalid, ==, 1);
  g_assert_cmpstr (issue (result, 0)->column, ==, "VIN");
  g_assert_cmpuint (again->n_unchanged, ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM vehicles v JOIN customers c ON "
                                                  "c.uuid = v.customer_uuid WHERE c.rfc = 'PEAA800101AB3' AND v.year = 2020"), ==, 1);
}

static void
test_missing_columns (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (f, "m.csv", "Nombre;Saldo\nAna;100\n", -1);
  g_autoptr(GError) error = NULL;
  GestImportResult *result = NULL;

  g_assert_false (gest_import_file (f->store, path, GEST_IMPORT_PLANS, NULL, FALSE, NULL, NULL, NULL,
                                    &result, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The file has no columns for Plan number, Installment, which an "
                                       "import of plans needs. Add the columns or choose which columns hold them.");
  g_assert_null (result);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *script = gest_test_data_path ("import/make-xlsx.py");
  g_autofree char *path = g_build_filename (f->tmpdir, "plans.xlsx", NULL);
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  const char *argv[] = { python, script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GestImportResult) result = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  result = import (f, path, GEST_IMPORT_PLANS, FALSE);
  g_assert_cmpstr (result->encoding, ==, "XLSX");
  g_assert_cmpuint (result->n_created, ==, 2);
  g_assert_cmpuint (result->n_invalid, ==, 1);
  g_assert_cmpuint (issue (result, 0)->row, ==, 4);
  g_assert_cmpstr (issue (result, 0)->message, ==, "Installment is empty: this import needs it on every row.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE number = 'PX-1' AND "
                                                  "installment = 245050 AND balance = 10488000 AND as_of = '2026-03-15' "
                                                  "AND vehicle_uuid IS NOT NULL"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT balance FROM plans WHERE number = 'PX-2'"), ==, 123450);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers WHERE name = 'Transportes Ñandú SA'"), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GError) error = NULL;
  GestImportResult *result;
  /* Every search kind has one (issue 13 added the complaints' and the annulments'). */
  gint64 search_triggers = gest_test_query_int (f->store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                                          "AND name LIKE '%search_insert'");

  g_cancellable_cancel (cancellable);
  gest_import_file_async (f->db_path, NULL, path, GEST_IMPORT_PLANS, NULL, FALSE, NULL, NULL,
                          cancellable, gest_test_result_cb, &res);
  WAIT_UNTIL (res != NULL);
  result = gest_import_file_finish (res, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);
  /* The dropped triggers came back with the rollback. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                                  "AND name LIKE '%search_insert'"), ==, search_triggers);
  g_assert_cmpint (search_triggers, >=, 4);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestImportResult) result = NULL;

  gest_import_file_async (f->db_path, NULL, path, GEST_IMPORT_PLANS, NULL, FALSE, NULL, NULL,
                          NULL, gest_test_result_cb, &res);
  WAIT_UNTIL (res != NULL);
  result = gest_import_file_finish (res, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_created, ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 3);
}

static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autoptr(GestUser) advisor = gest_user_new ("u-1", "pepe", "Pepe Ruiz", GEST_ROLE_SERVICE_ADVISOR);
  g_autoptr(GError) error = NULL;
  GestImportResult *result = NULL;

  g_assert_true (gest_store_exec (f->store, "INSERT INTO users (uuid, name, role, login, password_hash) "
                                            "VALUES ('u-1', 'Pepe Ruiz', 'service-advisor', 'pepe', 'x')", NULL));
  gest_store_set_user (f->store, advisor);
  g_assert_false (gest_import_file (f->store, path, GEST_IMPORT_PLANS, NULL, FALSE, NULL, NULL, NULL,
                                    &result, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_null (result);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 0);
  gest_store_set_user (f->store, NULL);
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autofree char *out = g_build_filename (f->tmpdir, "errors.csv", NULL);
  g_autoptr(GestImportResult) result = import (f, path, GEST_IMPORT_PLANS, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_false (result->written);
  g_assert_cmpuint (result->n_valid, ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 0);
  g_assert_true (gest_import_result_export_errors (result, out, &error));
  g_assert_no_error (error);
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "\"Row\",\"Column\",\"Message\"\r\n"
                                         "5,\"Saldo\",\"“abc” is not an amount: write it like 1234.56 or $1,234.56.\"\r\n"));
}

/* A column no synonym names, mapped by the user: the mapping is remembered for this kind and
 * header set, and the next preview of such a file starts from it. */
static void
test_mapping_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = write_file (f, "m.csv", "Contrato Conauto;Titular;Pago;Saldo;Notas\nQ-1;Ana;100;1000;x\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestImportPreview) preview = gest_import_preview (f->store, path, GEST_IMPORT_PLANS, 5, &error);
  g_autoptr(GestImportPreview) again = NULL;
  g_autoptr(GestImportMapping) mapping = NULL;
  g_autoptr(GestImportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 1);
  g_assert_cmpint (preview->mapping->fields[0], ==, GEST_IMPORT_FIELD_NONE);
  g_assert_cmpint (preview->mapping->fields[1], ==, GEST_IMPORT_FIELD_NAME);
  g_assert_cmpint (preview->mapping->fields[2], ==, GEST_IMPORT_FIELD_NONE);
  g_assert_cmpint (preview->mapping->fields[3], ==, GEST_IMPORT_FIELD_BALANCE);
  g_assert_false (gest_import_mapping_check (preview->mapping, NULL));

  mapping = gest_import_mapping_copy (preview->mapping);
  mapping->fields[0] = GEST_IMPORT_FIELD_PLAN_NUMBER;
  mapping->fields[2] = GEST_IMPORT_FIELD_INSTALLMENT;
  g_assert_true (gest_import_file (f->store, path, GEST_IMPORT_PLANS, mapping, FALSE, NULL, NULL, NULL,
                                   &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_created, ==, 1);
  g_assert_cmpstr (result->ignored_columns, ==, "Notas");

  again = gest_import_preview (f->store, path, GEST_IMPORT_PLANS, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->mapping->fields[0], ==, GEST_IMPORT_FIELD_PLAN_NUMBER);
  g_assert_cmpint (again->mapping->fields[2], ==, GEST_IMPORT_FIELD_INSTALLMENT);
  g_assert_true (gest_import_mapping_check (again->mapping, NULL));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  g_autofree char *bad = write_file (f, "bad.csv", "Nombre\nAna\n", -1);
  g_autofree char *good = write_file (f, "good.csv", "No. de plan;Nombre;Mensualidad;Saldo\nZ-1;Ana;1;2\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *dry[] = { "--db", f->db_path, "import", "plans", path, "--dry-run", NULL };
  const char *run[] = { "--db", f->db_path, "import", "plans", path, NULL };
  const char *missing[] = { "--db", f->db_path, "import", "plans", bad, NULL };
  const char *ok[] = { "--db", f->db_path, "import", "plans", good, NULL };

  g_assert_cmpint (gest_test_run_cli (dry, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Row 5, Saldo: “abc” is not an amount"));
  g_assert_nonnull (strstr (out, "6 rows: 3 valid, 3 with errors (dry run: nothing written)."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (gest_test_run_cli (run, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "6 rows: 3 created, 0 updated, 0 unchanged, 3 refused."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (gest_test_run_cli (missing, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "The file has no columns for"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (gest_test_run_cli (ok, &out, &err), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 4);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/import/csv/windows-1252-semicolon-bad-rows-then-search", test_cp1252_plans);
  ADD ("/import/csv/utf8-bom-comma-quotes", test_utf8_quotes);
  ADD ("/import/idempotent-updates", test_idempotent);
  ADD ("/import/vehicles-by-vin", test_vehicles);
  ADD ("/import/missing-columns", test_missing_columns);
  ADD ("/import/xlsx", test_xlsx);
  ADD ("/import/cancel-writes-nothing", test_cancel);
  ADD ("/import/async", test_async);
  ADD ("/import/permission/service-advisor-refused", test_permission);
  ADD ("/import/dry-run-export-errors", test_export_errors);
  ADD ("/import/mapping-remembered", test_mapping_remembered);
  ADD ("/import/cli", test_cli);
#undef ADD
  return g_test_run ();
}
