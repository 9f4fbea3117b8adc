/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demonstration data (issue 2, CLI demo): deterministic, realistic, valid. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-contact.h"
#include "gest-demo.h"
#include "gest-i18n.h"
#include "gest-rfc.h"
#include "gest-sync-client.h"
#include "gest-test-util.h"
#include "gest-vin.h"

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

static char *
digest (GestStore  *store,
        const char *sql)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const unsigned char *text = sqlite3_column_text (stmt, c);
        g_checksum_update (sum, text != NULL ? text : (const guchar *) "\1", -1);
        g_checksum_update (sum, (const guchar *) "\t", 1);
      }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

#define DUMP "SELECT c.uuid, c.name, c.rfc, c.phone_mobile, v.vin, p.number, p.balance, p.overdue" \
             " FROM customers c JOIN vehicles v ON v.customer_uuid = c.uuid JOIN plans p ON p.customer_uuid = c.uuid ORDER BY c.rowid"

static void
test_deterministic (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  GestStore *a = open_store (dir, "a.db");
  GestStore *b = open_store (dir, "b.db");
  GestStore *c = open_store (dir, "c.db");
  g_autofree char *da = NULL, *db = NULL, *dc = NULL;

  g_assert_true (gest_demo_fill (a, 300, 7, NULL, NULL));
  g_assert_true (gest_demo_fill (b, 300, 7, NULL, NULL));
  g_assert_true (gest_demo_fill (c, 300, 8, NULL, NULL));
  da = digest (a, DUMP);
  db = digest (b, DUMP);
  dc = digest (c, DUMP);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);

  /* Issue 14: the demo campaigns' VIN lists bring vehicles and owners the dealer did not have
   * (marked recall-list); the shared demo makes the others. */
  g_assert_cmpint (gest_test_query_int (a, "SELECT count(*) FROM customers WHERE uuid NOT IN"
                                           " (SELECT customer_uuid FROM customer_data_origins)"), ==, 300);
  g_assert_cmpint (gest_test_query_int (a, "SELECT count(*) FROM vehicles WHERE customer_uuid NOT IN"
                                           " (SELECT customer_uuid FROM customer_data_origins)"), ==, 300);
  g_assert_cmpint (gest_test_query_int (a, "SELECT count(*) FROM plans"), ==, 300);
  g_assert_cmpint (gest_test_query_int (a, "SELECT max(rowid) FROM plans"), ==, 300);
  g_assert_cmpint (gest_test_query_int (a, "SELECT count(*) FROM search_index"), >=, 900);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every RFC, VIN, phone and postal code the demo makes passes the core checks. */
static void
test_valid_values (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  GestStore *store = open_store (dir, "v.db");
  sqlite3_stmt *stmt;
  guint rows = 0, morales = 0;

  g_assert_true (gest_demo_fill (store, 2000, 42, NULL, NULL));
  stmt = gest_store_prepare (store,
                             "SELECT c.rfc, v.vin, c.phone_mobile, c.postal_code, c.kind, c.email, c.state_code,"
                             " p.installment, p.balance, p.overdue"
                             " FROM customers c JOIN vehicles v ON v.customer_uuid = c.uuid"
                             " JOIN plans p ON p.customer_uuid = c.uuid", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *rfc = (const char *) sqlite3_column_text (stmt, 0);
      const char *vin = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *rfc_msg = NULL;
      g_autofree char *vin_msg = NULL;
      g_autofree char *digits = NULL;
      GestCheck rfc_check = gest_rfc_check (rfc, &rfc_msg);
      GestCheck vin_check = gest_vin_check (vin, &vin_msg);

      if (rfc_check != GEST_CHECK_VALID)
        g_error ("demo RFC %s: %s", rfc, rfc_msg);
      if (vin_check != GEST_CHECK_VALID)
        g_error ("demo VIN %s: %s", vin, vin_msg);
      g_assert_true (gest_phone_normalize ((const char *) sqlite3_column_text (stmt, 2), &digits, NULL));
      g_assert_true (gest_postal_code_check ((const char *) sqlite3_column_text (stmt, 3), NULL));
      g_assert_true (gest_email_check ((const char *) sqlite3_column_text (stmt, 5), NULL));
      g_assert_nonnull (gest_state_lookup ((const char *) sqlite3_column_text (stmt, 6)));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 7), >, 0);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 8), >=, sqlite3_column_int64 (stmt, 7));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 9), >=, 0);
      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 4), "moral"))
        morales++;
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows, ==, 2000);
  g_assert_cmpuint (morales, >, 0);
  g_assert_cmpuint (morales, <, 400);

  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  GestStore *store = open_store (dir, "n.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_demo_fill (store, 10, 1, NULL, NULL));
  g_assert_false (gest_demo_fill (store, 10, 1, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "empty database"));
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM customers WHERE uuid NOT IN (SELECT customer_uuid FROM customer_data_origins)"), ==, 10);
  g_clear_error (&error);
  g_assert_finalize_object (store);

  store = open_store (dir, "zero.db");
  g_assert_false (gest_demo_fill (store, 0, 1, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* X3: demonstration data never reaches Conauto: none of it enters the sync outbox, and the
 * database refuses to be enrolled before any server is contacted. */
static void
test_never_synced (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  GestStore *store = open_store (dir, "s.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_assert_true (gest_demo_fill (store, 20, 1, NULL, NULL));
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM customers WHERE uuid NOT IN (SELECT customer_uuid FROM customer_data_origins)"), ==, 20);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM sync_outbox"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM sync_applying"), ==, 0);

  /* Port 9 (discard) on loopback: nothing listens; the refusal comes first. */
  g_assert_false (gest_sync_enroll (store, "http://127.0.0.1:9", "ABCD-1234", "Caja", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "demonstration data"));
  g_assert_false (gest_sync_is_enrolled (store));
  url = gest_sync_get_server_url (store);
  g_assert_null (url);

  /* The outbox triggers work again after the fill. */
  g_assert_true (gest_store_exec (store, "UPDATE customers SET name = 'Otra' WHERE rowid = 1", NULL));
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM sync_outbox"), ==, 1);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Cancelling leaves the database empty: one transaction. */
static void
test_cancel_rolls_back (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  GestStore *store = open_store (dir, "c.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (gest_demo_fill (store, 5000, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM search_index"), ==, 0);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/valid-values", test_valid_values);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/cancel-rolls-back", test_cancel_rolls_back);
  g_test_add_func ("/demo/X3/never-synced", test_never_synced);

  return g_test_run ();
}
