/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3, T7 (issue 4): the desktop's offline-first sync against a real gestiona-server and
 * PostgreSQL (run by tests/server/pg-env.sh). Two desktops of dealer A and one of dealer B. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-blob.h"
#include "gest-date.h"
#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-tramite.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

typedef struct
{
  char      *dir;
  char      *dealer_a;
  char      *dealer_b;
  GestStore *a1;
  GestStore *a2;
  GestStore *b1;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (!sync_test_have_server ())
    return;
  f->dir = gest_test_tmpdir_new ();
  f->dealer_a = sync_test_new_dealer ("Ford Puebla");
  f->dealer_b = sync_test_new_dealer ("Ford Tlaxcala");
  f->a1 = sync_test_new_desktop (f->dir, "a1.db", f->dealer_a);
  f->a2 = sync_test_new_desktop (f->dir, "a2.db", f->dealer_a);
  f->b1 = sync_test_new_desktop (f->dir, "b1.db", f->dealer_b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dir == NULL)
    return;
  g_assert_finalize_object (f->a1);
  g_assert_finalize_object (f->a2);
  g_assert_finalize_object (f->b1);
  g_free (f->dealer_a);
  g_free (f->dealer_b);
  gest_test_tmpdir_free (f->dir);
}

static gboolean
skip_without_server (void)
{
  if (sync_test_have_server ())
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

static void
assert_dumps_equal (const char *what,
                    const char *expected,
                    const char *actual)
{
  if (g_strcmp0 (expected, actual) != 0)
    {
      g_printerr ("--- %s expected:\n%s--- actual:\n%s", what, expected, actual);
      g_assert_cmpstr (expected, ==, actual);
    }
}

static void
assert_same_as_server (GestStore  *store,
                       const char *dealer_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local = gest_sync_dump (store, &error);
  g_autofree char *server = sync_test_server_dump (dealer_id);

  g_assert_no_error (error);
  assert_dumps_equal (gest_store_get_path (store), server, local);
}

static void
add_customer (GestStore  *store,
              const char *uuid,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO customers (uuid, name, city) VALUES ('%s', '%s', 'Puebla')",
                                          uuid, name);
  sync_test_exec (store, sql);
}

/* A plan loaded by Conauto, with its customer and a trámite at @step. */
static void
add_tramite (Fixture    *f,
             GestStore  *store,
             const char *tramite_uuid,
             const char *folio,
             int         step)
{
  g_autofree char *sql = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "plans.csv", NULL);
  g_autofree char *loaded = NULL;

  add_customer (store, "c0000000-0000-4000-8000-0000000000aa", "Rosa Díaz");
  sql = g_strdup_printf ("INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of) "
                         "VALUES ('f0000000-0000-4000-8000-0000000000aa', 'PL-777', "
                         "'c0000000-0000-4000-8000-0000000000aa', 250000, 8500000, '2026-11-30');"
                         "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount, "
                         "agreed_date, statement_balance, statement_overdue, statement_installment, "
                         "statement_life_insurance, statement_as_of, routing_area, routing_reason, "
                         "routing_low_limit, routing_installments, created_at) VALUES ('%s', '%s', "
                         "'f0000000-0000-4000-8000-0000000000aa', %d, 1, 8400000, '2026-12-15', 8500000, 0, "
                         "250000, 30000, '2026-11-30', 'atencion-clientes', 'no debt', 50000, 2, 1)",
                         tramite_uuid, folio, step);
  sync_test_exec (store, sql);
  sync_test_sync (store);

  g_assert_true (g_file_set_contents (csv, "number,balance,overdue,installment,life_insurance,as_of\n"
                                           "PL-777,\"85,000.00\",0.00,\"2,500.00\",300.00,30/11/2026\n",
                                      -1, NULL));
  loaded = sync_test_admin ("load-plans", f->dealer_a, csv, NULL);
  g_assert_nonnull (strstr (loaded, "1"));
}

static void
test_offline_changes_converge (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *a_dump = NULL;

  if (skip_without_server ())
    return;

  /* A1 creates, A2 and B1 start empty. */
  add_customer (f->a1, "c0000000-0000-4000-8000-000000000001", "Ana López");
  add_customer (f->a1, "c0000000-0000-4000-8000-000000000002", "Luis Pérez");
  sync_test_exec (f->a1, "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES "
                         "('e0000000-0000-4000-8000-000000000001', '3FADP4EJ2FM123456', 'Figo', 2021, "
                         "'c0000000-0000-4000-8000-000000000001')");
  add_customer (f->b1, "c0000000-0000-4000-8000-0000000000b1", "Marta Ruiz");
  g_assert_cmpint (gest_sync_count_pending (f->a1), ==, 3);
  sync_test_sync (f->a1);
  g_assert_cmpint (gest_sync_count_pending (f->a1), ==, 0);
  sync_test_sync (f->a2);
  sync_test_sync (f->b1);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM customers"), ==, 2);

  /* Offline on both A desktops, different fields of the same record and other records. */
  sync_test_exec (f->a1, "UPDATE customers SET name = 'Ana María López' WHERE uuid = 'c0000000-0000-4000-8000-000000000001'");
  sync_test_exec (f->a2, "UPDATE customers SET city = 'Cholula' WHERE uuid = 'c0000000-0000-4000-8000-000000000001'");
  sync_test_exec (f->a2, "UPDATE customers SET email = 'ana@example.com' WHERE uuid = 'c0000000-0000-4000-8000-000000000001'");
  sync_test_exec (f->a2, "UPDATE vehicles SET km = 45000 WHERE uuid = 'e0000000-0000-4000-8000-000000000001'");
  /* A tombstone. */
  sync_test_exec (f->a1, "UPDATE customers SET deleted = 1 WHERE uuid = 'c0000000-0000-4000-8000-000000000002'");
  g_assert_cmpint (gest_sync_count_pending (f->a2), ==, 3);
  /* Changes pulled from the server never enter the outbox. */
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);
  sync_test_sync (f->b1);
  g_assert_cmpint (gest_sync_count_pending (f->a1), ==, 0);
  g_assert_cmpint (gest_sync_count_pending (f->a2), ==, 0);

  assert_same_as_server (f->a1, f->dealer_a);
  assert_same_as_server (f->a2, f->dealer_a);
  assert_same_as_server (f->b1, f->dealer_b);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM customers WHERE uuid = "
                                               "'c0000000-0000-4000-8000-000000000001' AND "
                                               "name = 'Ana María López' AND city = 'Cholula'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT deleted FROM customers WHERE uuid = "
                                               "'c0000000-0000-4000-8000-000000000002'"), ==, 1);
  /* Dealers are apart: B sees nothing of A. */
  g_assert_cmpint (sync_test_query_int (f->b1, "SELECT count(*) FROM customers"), ==, 1);
  a_dump = gest_sync_dump (f->a1, NULL);
  g_assert_null (strstr (a_dump, "0000000000b1"));
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM sync_log"), ==, 0);
}

/* T5: the dealer records the customer's payment with a scanned proof attached to the
 * trámite, and the documents sent to Conauto, through the desktop's own actions. */
static void
record_payment_and_documents (Fixture    *f,
                              GestStore  *store,
                              const char *tramite_uuid)
{
  g_autofree char *src = g_build_filename (f->dir, "comprobante.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  g_autofree char *sql = NULL;
  GestBlobInfo info = { 0, };

  g_assert_true (g_file_set_contents (src, "%PDF-1.4\n% comprobante SPEI\n", -1, NULL));
  file = g_file_new_for_path (src);
  g_assert_true (gest_blob_store_file (gest_store_get_files_dir (store), file, &info, NULL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type, filename, added_at) "
                         "VALUES ('d0000000-0000-4000-8000-0000000000aa', '%s', 'payment-proof', '%s', "
                         "%" G_GINT64_FORMAT ", 'application/pdf', 'comprobante.pdf', 1)",
                         tramite_uuid, info.sha256, info.size);
  sync_test_exec (store, sql);
  g_assert_true (gest_tramite_record_payment (store, tramite_uuid, 8400000, date, "SPEI 1234",
                                              "d0000000-0000-4000-8000-0000000000aa", &error));
  g_assert_no_error (error);
  /* Issue 12 (T5): "documents sent" needs the documents attached (or their email sent). */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type, filename, added_at) "
                         "VALUES ('d0000000-0000-4000-8000-0000000000ab', '%s', 'identification', '%s', "
                         "%" G_GINT64_FORMAT ", 'application/pdf', 'ine.pdf', 1)",
                         tramite_uuid, info.sha256, info.size);
  sync_test_exec (store, sql);
  g_assert_true (gest_tramite_check_item (store, tramite_uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  g_assert_no_error (error);
  gest_blob_info_clear (&info);
}

static void
test_tramite_reaches_server_and_conauto_step_returns (Fixture       *f,
                                                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  add_tramite (f, f->a1, "a0000000-0000-4000-8000-000000000001", "LIQ-2026-000901", 3);
  sync_test_sync (f->a2);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 3);
  /* Conauto's balances arrived with the plan. */
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT balance FROM plans WHERE number = 'PL-777'"), ==, 8500000);

  /* T6: Conauto cannot verify the deposit before the dealer has recorded the payment with
   * its proof (which travels to the server) and sent the documents. */
  record_payment_and_documents (f, f->a1, "a0000000-0000-4000-8000-000000000001");
  sync_test_sync (f->a1);
  out = sync_test_admin ("advance", "LIQ-2026-000901", "4", NULL);
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 4);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 4);
  g_assert_cmpint (gest_sync_count_pending (f->a1), ==, 0);
  assert_same_as_server (f->a1, f->dealer_a);
  assert_same_as_server (f->a2, f->dealer_a);
  /* Dealer B never sees A's trámite. */
  sync_test_sync (f->b1);
  g_assert_cmpint (sync_test_query_int (f->b1, "SELECT count(*) FROM tramites"), ==, 0);

  /* Steps 5 and 6 bring the insurance cancellation and the invoice release, so the dealer's
   * desktop lets its user take the trámite to 7 and, with the acknowledgment, to 8. */
  g_free (out);
  out = sync_test_admin ("advance", "LIQ-2026-000901", "5", NULL);
  g_free (out);
  out = sync_test_admin ("advance", "LIQ-2026-000901", "6", NULL);
  sync_test_sync (f->a2);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 6);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT insurance_cancelled_at > 0 AND invoice_released_at > 0 "
                                               "FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 1);
  g_assert_true (gest_tramite_move (f->a2, "a0000000-0000-4000-8000-000000000001", 7, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_tramite_check_item (f->a2, "a0000000-0000-4000-8000-000000000001",
                                          GEST_TRAMITE_ITEM_INVOICE_DELIVERED, &error));
  g_assert_true (gest_tramite_check_item (f->a2, "a0000000-0000-4000-8000-000000000001",
                                          GEST_TRAMITE_ITEM_ACK_RETURNED, &error));
  g_assert_true (gest_tramite_move (f->a2, "a0000000-0000-4000-8000-000000000001", 8, NULL, &error));
  g_assert_no_error (error);
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000901'"), ==, 8);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM sync_outbox WHERE state = 'rejected'"), ==, 0);
  assert_same_as_server (f->a1, f->dealer_a);
  assert_same_as_server (f->a2, f->dealer_a);
}

static void
test_conflict_is_shown (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *lost = NULL;
  g_autofree char *message = NULL;

  if (skip_without_server ())
    return;

  add_customer (f->a1, "c0000000-0000-4000-8000-000000000003", "Pedro Gómez");
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);

  sync_test_exec (f->a1, "UPDATE customers SET phone_mobile = '2221111111' WHERE uuid = 'c0000000-0000-4000-8000-000000000003'");
  sync_test_exec (f->a2, "UPDATE customers SET phone_mobile = '2222222222' WHERE uuid = 'c0000000-0000-4000-8000-000000000003'");
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);

  /* Server order decides: A2's change was applied last; A1's value is the lost one, shown on A2. */
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM sync_log WHERE kind = 'conflict'"), ==, 1);
  lost = sync_test_query_text (f->a2, "SELECT field || '=' || lost_value FROM sync_log WHERE kind = 'conflict'");
  g_assert_cmpstr (lost, ==, "phone_mobile=\"2221111111\"");
  message = sync_test_query_text (f->a2, "SELECT message FROM sync_log WHERE kind = 'conflict'");
  g_assert_nonnull (strstr (message, "2221111111"));
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM sync_log"), ==, 0);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT phone_mobile = '2222222222' FROM customers WHERE "
                                               "uuid = 'c0000000-0000-4000-8000-000000000003'"), ==, 1);
  assert_same_as_server (f->a1, f->dealer_a);
  assert_same_as_server (f->a2, f->dealer_a);
}

static void
test_rejected_does_not_block (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GestSyncReport report;
  g_autofree char *server = NULL;

  if (skip_without_server ())
    return;

  add_tramite (f, f->a1, "a0000000-0000-4000-8000-000000000002", "LIQ-2026-000902", 3);
  /* T7: a dealer cannot move a trámite to Conauto's step 5; the change after it still goes. */
  sync_test_exec (f->a1, "UPDATE tramites SET step = 5 WHERE folio = 'LIQ-2026-000902'");
  sync_test_exec (f->a1, "UPDATE customers SET city = 'Atlixco' WHERE uuid = 'c0000000-0000-4000-8000-0000000000aa'");
  g_assert_true (gest_sync_run_once_report (f->a1, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 1);
  g_assert_cmpint (gest_sync_count_pending (f->a1), ==, 0);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM sync_outbox WHERE state = 'rejected'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM sync_log WHERE kind = 'rejected' AND "
                                               "entity = 'tramite' AND message LIKE '%Conauto%'"), ==, 1);

  /* Shown on the trámite's activity log. */
  entries = gest_activity_log_list (f->a1, "a0000000-0000-4000-8000-000000000002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);

  sync_test_sync (f->a2);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM customers WHERE city = 'Atlixco'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT step FROM tramites WHERE folio = 'LIQ-2026-000902'"), ==, 3);
  /* The activity entry reached the other desktop too. */
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM activity WHERE record_uuid = "
                                               "'a0000000-0000-4000-8000-000000000002'"), ==, 1);
  server = sync_test_server_dump (f->dealer_a);
  g_assert_nonnull (strstr (server, "\"step\":3"));
}

static void
test_document_blob_travels (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *src = g_build_filename (f != NULL && f->dir != NULL ? f->dir : "/tmp", "proof.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GestBlobInfo info = { 0, };
  g_autofree char *sql = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  GString *payload;

  if (skip_without_server ())
    return;

  /* 9 MiB: more than two upload chunks. */
  payload = g_string_new ("%PDF-1.4\n");
  while (payload->len < 9 * 1024 * 1024)
    g_string_append_printf (payload, "%% line %u of a scanned payment proof\n", (guint) payload->len);
  g_assert_true (g_file_set_contents (src, payload->str, (gssize) payload->len, NULL));
  file = g_file_new_for_path (src);
  g_assert_true (gest_blob_store_file (gest_store_get_files_dir (f->a1), file, &info, NULL, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type, filename, added_at) "
                         "VALUES ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000009', "
                         "'payment-proof', '%s', %" G_GINT64_FORMAT ", 'application/pdf', 'proof.pdf', 1)",
                         info.sha256, info.size);
  sync_test_exec (f->a1, sql);
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);

  copy = gest_blob_path (gest_store_get_files_dir (f->a2), info.sha256);
  g_assert_true (g_file_get_contents (copy, &contents, NULL, NULL));
  g_assert_cmpmem (contents, strlen (contents), payload->str, payload->len);
  assert_same_as_server (f->a2, f->dealer_a);
  g_string_free (payload, TRUE);
  gest_blob_info_clear (&info);
}

/* X3: each desktop makes its folios in its own series (data/sync-protocol.md, Folios), so two
 * desktops of one dealer registering trámites offline never make the same folio, and both
 * trámites reach both desktops. */
static void
test_offline_tramites_distinct_folios (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t1 = NULL;
  g_autoptr(GestTramite) t2 = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "plans.csv", NULL);
  g_autofree char *loaded = NULL;
  g_autofree char *folio1 = NULL;
  g_autofree char *folio2 = NULL;
  g_autofree char *n1 = NULL, *n2 = NULL, *nb = NULL;
  gint64 da;
  GDate today;

  if (skip_without_server ())
    return;

  /* The server numbers a dealer's devices 1, 2...; each dealer on its own. */
  n1 = sync_test_query_text (f->a1, "SELECT value FROM sync_state WHERE key = 'device-number'");
  n2 = sync_test_query_text (f->a2, "SELECT value FROM sync_state WHERE key = 'device-number'");
  nb = sync_test_query_text (f->b1, "SELECT value FROM sync_state WHERE key = 'device-number'");
  g_assert_cmpstr (n1, ==, "1");
  g_assert_cmpstr (n2, ==, "2");
  g_assert_cmpstr (nb, ==, "1");

  /* The customer and plan reach both desktops. */
  add_customer (f->a1, "c0000000-0000-4000-8000-0000000000aa", "Rosa Díaz");
  sync_test_exec (f->a1, "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of) "
                         "VALUES ('f0000000-0000-4000-8000-0000000000aa', 'PL-777', "
                         "'c0000000-0000-4000-8000-0000000000aa', 250000, 8500000, '2026-11-30')");
  /* Issue 12: one open trámite per plan, so each registration below has its own plan. */
  sync_test_exec (f->a1, "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of) VALUES "
                         "('f0000000-0000-4000-8000-0000000000ab', 'PL-778', "
                         "'c0000000-0000-4000-8000-0000000000aa', 250000, 8500000, '2026-11-30'), "
                         "('f0000000-0000-4000-8000-0000000000ac', 'PL-779', "
                         "'c0000000-0000-4000-8000-0000000000aa', 250000, 8500000, '2026-11-30')");
  sync_test_sync (f->a1);
  g_assert_true (g_file_set_contents (csv, "number,balance,overdue,installment,life_insurance,as_of\n"
                                           "PL-777,\"85,000.00\",0.00,\"2,500.00\",300.00,30/11/2026\n"
                                           "PL-778,\"85,000.00\",0.00,\"2,500.00\",300.00,30/11/2026\n"
                                           "PL-779,\"85,000.00\",0.00,\"2,500.00\",300.00,30/11/2026\n",
                                      -1, NULL));
  loaded = sync_test_admin ("load-plans", f->dealer_a, csv, NULL);
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT count(*) FROM plans WHERE number = 'PL-777'"), ==, 1);

  /* Offline: each registers a trámite, the first of its series. */
  gest_date_today (&today);
  t1 = gest_tramite_create (f->a1, "PL-777", 8400000, &today, "Caja A", &error);
  g_assert_no_error (error);
  t2 = gest_tramite_create (f->a2, "PL-778", 8300000, &today, "Caja B", &error);
  g_assert_no_error (error);
  /* #16.3: the folio carries the dealer's number, the one enrollment gave. */
  da = sync_test_query_int (f->a1, "SELECT value FROM sync_state WHERE key = 'dealer-number'");
  g_assert_cmpint (da, >=, 1);
  g_assert_cmpint (sync_test_query_int (f->a2, "SELECT value FROM sync_state WHERE key = 'dealer-number'"), ==, da);
  g_assert_cmpint (sync_test_query_int (f->b1, "SELECT value FROM sync_state WHERE key = 'dealer-number'"), !=, da);
  folio1 = g_strdup_printf ("LIQ-%04d-%03d-010001", g_date_get_year (&today), (int) da);
  folio2 = g_strdup_printf ("LIQ-%04d-%03d-020001", g_date_get_year (&today), (int) da);
  g_assert_cmpstr (t1->folio, ==, folio1);
  g_assert_cmpstr (t2->folio, ==, folio2);

  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);

  for (guint i = 0; i < 2; i++)
    {
      GestStore *store = i == 0 ? f->a1 : f->a2;
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tramites WHERE deleted = 0 AND "
                                              "((uuid = '%s' AND folio = '%s' AND notes = 'Caja A') OR "
                                              " (uuid = '%s' AND folio = '%s' AND notes = 'Caja B'))",
                                              t1->uuid, folio1,
                                              t2->uuid, folio2);

      g_assert_cmpint (sync_test_query_int (store, sql), ==, 2);
      g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM tramites"), ==, 2);
      g_assert_cmpint (gest_sync_count_pending (store), ==, 0);
      assert_same_as_server (store, f->dealer_a);
    }
  /* The next folio on A1 follows its own series, whatever A2 made. */
  {
    g_autoptr(GestTramite) t3 = gest_tramite_create (f->a1, "PL-779", 8200000, &today, NULL, &error);
    g_autofree char *folio3 = g_strdup_printf ("LIQ-%04d-%03d-010002", g_date_get_year (&today), (int) da);

    g_assert_no_error (error);
    g_assert_cmpstr (t3->folio, ==, folio3);
  }

  /* X5: both desktops add to the same folio's activity log offline. Each entry stays in its
   * device's chain, so after sync both desktops hold every entry and the log still verifies. */
  g_assert_cmpint (gest_activity_log_append (f->a1, t1->uuid, GEST_ACTIVITY_NOTE, "Nota de A1", NULL, NULL, &error), >, 2);
  g_assert_no_error (error);
  g_assert_cmpint (gest_activity_log_append (f->a2, t1->uuid, GEST_ACTIVITY_CALL, "Llamada de A2", "Rosa Díaz", "titular", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (gest_activity_log_append (f->a2, t1->uuid, GEST_ACTIVITY_NOTE, "Otra nota de A2", NULL, NULL, &error), ==, 2);
  g_assert_no_error (error);
  sync_test_sync (f->a1);
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);
  for (guint i = 0; i < 2; i++)
    {
      GestStore *store = i == 0 ? f->a1 : f->a2;
      g_autoptr(GPtrArray) entries = gest_activity_log_list (store, t1->uuid, &error);
      guint texts = 0;

      g_assert_no_error (error);
      for (guint j = 0; j < entries->len; j++)
        {
          GestActivityEntry *e = g_ptr_array_index (entries, j);

          if (g_str_equal (e->text, "Nota de A1") || g_str_equal (e->text, "Llamada de A2") ||
              g_str_equal (e->text, "Otra nota de A2"))
            texts++;
        }
      g_assert_cmpuint (texts, ==, 3);
      g_assert_true (gest_activity_log_verify (store, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE entity = 'activity'"), ==, 0);
    }
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM activity"), ==,
                   sync_test_query_int (f->a2, "SELECT count(*) FROM activity"));
}

/* X3: a pulled change the local schema refuses (two desktops registered the same VIN offline)
 * is logged as not applied, and the rest of the page still applies. */
static void
test_refused_change_is_logged (Fixture       *f,
                               gconstpointer  data)
{
  if (skip_without_server ())
    return;

  add_customer (f->a1, "c0000000-0000-4000-8000-0000000000b1", "Laura Ibarra");
  sync_test_exec (f->a1, "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES "
                         "('e0000000-0000-4000-8000-0000000000b1', '3FADP4AJ5GM123456', 'Figo', 2016, "
                         "'c0000000-0000-4000-8000-0000000000b1')");
  add_customer (f->a2, "c0000000-0000-4000-8000-0000000000b2", "Pedro Luna");
  sync_test_exec (f->a2, "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES "
                         "('e0000000-0000-4000-8000-0000000000b2', '3FADP4AJ5GM123456', 'Figo', 2016, "
                         "'c0000000-0000-4000-8000-0000000000b2')");
  sync_test_sync (f->a2);
  sync_test_sync (f->a1);

  /* A1 keeps its own vehicle, logs the other one, and still received A2's customer. */
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM sync_log WHERE kind = 'not-applied' "
                                               "AND entity = 'vehicle' AND uuid = 'e0000000-0000-4000-8000-0000000000b2'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM customers WHERE uuid = 'c0000000-0000-4000-8000-0000000000b2'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM vehicles WHERE vin = '3FADP4AJ5GM123456'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (f->a1, "SELECT count(*) FROM vehicles WHERE uuid = 'e0000000-0000-4000-8000-0000000000b1'"), ==, 1);
}

/* Device numbers are never given twice within a dealer, not even after a revocation. */
static void
test_device_numbers_not_reused (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *device_id = NULL;
  g_autofree char *revoked = NULL;
  g_autofree char *number = NULL;
  g_autofree char *server = NULL;
  g_autofree char *sql = NULL;
  GestStore *a3;

  if (skip_without_server ())
    return;

  device_id = sync_test_query_text (f->a2, "SELECT value FROM sync_state WHERE key = 'device-id'");
  revoked = sync_test_admin ("revoke", device_id, NULL);
  a3 = sync_test_new_desktop (f->dir, "a3.db", f->dealer_a);
  number = sync_test_query_text (a3, "SELECT value FROM sync_state WHERE key = 'device-number'");
  g_assert_cmpstr (number, ==, "3");
  sql = g_strdup_printf ("SELECT string_agg (number::text, ',' ORDER BY number) FROM devices "
                         "WHERE dealer_id = '%s'", f->dealer_a);
  server = sync_test_psql (sql);
  g_assert_cmpstr (g_strstrip (server), ==, "1,2,3");
  g_assert_finalize_object (a3);
}

static void
test_not_enrolled_and_unreachable (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);
  g_autofree char *last_error = NULL;

  g_assert_no_error (error);
  g_assert_false (gest_sync_run_once (store, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (gest_sync_enroll (store, "ftp://example.com", "X", NULL, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);

  /* Port 9 (discard) is closed on loopback: the change stays queued and the error is kept. */
  sync_test_exec (store, "INSERT INTO customers (uuid, name) VALUES ('c1', 'Ana')");
  g_assert_false (gest_sync_enroll (store, "http://127.0.0.1:9", "CODE", NULL, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NETWORK);
  g_assert_cmpint (gest_sync_count_pending (store), ==, 1);
  g_clear_error (&error);

  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* X3: `gestiona-cli sync --enroll` stores the address only with an accepted code, so a wrong
 * code leaves nothing behind; --ca-file is kept as an absolute path and a file that is not
 * there stops the round with a message naming it. */
static void
test_cli_enroll_and_ca_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *url = NULL;
  g_autofree char *ca = NULL;
  g_autoptr(GestStore) store = NULL;
  const char *server;

  if (skip_without_server () || g_getenv ("GESTIONA_CLI") == NULL)
    return;
  server = g_getenv ("GESTIONA_TEST_SERVER_URL");
  dir = gest_test_tmpdir_new ();
  db = g_build_filename (dir, "cli.db", NULL);
  dealer = sync_test_new_dealer ("CLI");
  code = sync_test_admin ("enroll-code", dealer, NULL);

  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", db, "sync",
                                                        "--server", server, "--enroll", "WRONG-CODE", NULL }, &out, &err), !=, 0);
  g_assert_cmpstr (err, !=, "");
  store = gest_store_open (db, NULL);
  g_assert_nonnull (store);
  g_assert_false (gest_sync_is_enrolled (store));
  url = gest_sync_get_server_url (store);
  g_assert_null (url);
  g_clear_object (&store);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", db, "sync",
                                                        "--server", server, "--enroll", code, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Enrolled with"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", db, "sync",
                                                        "--ca-file", "no-such-ca.pem", NULL }, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "no-such-ca.pem"));
  g_assert_nonnull (strstr (err, "does not exist"));
  store = gest_store_open (db, NULL);
  ca = gest_store_get_setting (store, "sync.ca-file");
  g_assert_true (g_path_is_absolute (ca));
  g_assert_true (g_str_has_suffix (ca, "/no-such-ca.pem"));
  g_assert_true (gest_sync_is_enrolled (store));
  g_clear_object (&store);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An empty value goes back to the system's CAs. */
  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", db, "sync",
                                                        "--ca-file", "", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Sent"));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Pull replies that are not what the protocol says, from a SoupServer on loopback: each gives
 * a clear error and applies nothing; a good one after them is applied. */
static void
pull_reply_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char * const *body = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, *body, strlen (*body));
}

typedef struct
{
  GestStore *store;
  GError    *error;
  gboolean   ok;
  gboolean   done;
} PullRun;

static gpointer
pull_run_thread (gpointer user_data)
{
  PullRun *run = user_data;

  run->ok = gest_sync_run_once (run->store, NULL, &run->error);
  g_atomic_int_set (&run->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* One round on a thread while this one serves the replies. */
static gboolean
pull_run (GestStore  *store,
          GError    **error)
{
  PullRun run = { store, NULL, FALSE, FALSE };
  GThread *thread = g_thread_new ("pull", pull_run_thread, &run);

  while (!g_atomic_int_get (&run.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  return run.ok;
}

static void
test_malformed_pull_applies_nothing (void)
{
  static const char * const bad[][2] = {
    { "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, \"fields\": "
      "{\"name\": \"Ana\"}}, {\"entity\": \"customer\", \"uu", "does not understand" },
    { "{\"changes\": {\"entity\": \"customer\"}, \"cursor\": 7, \"more\": false}", "incomplete" },
    { "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, \"fields\": "
      "{\"name\": \"Ana\"}}, 5], \"cursor\": 7, \"more\": false}", "not a JSON object" },
    { "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, \"fields\": "
      "{\"name\": \"Ana\"}} {}], \"cursor\": 7, \"more\": false}", "does not understand" },
    { "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, \"fields\": "
      "{\"name\": \"Ana\"}}, {\"entity\": tru}], \"cursor\": 7, \"more\": false}", "does not understand" },
  };
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cursor = NULL;
  const char *body = NULL;

  url = sync_test_serve_pull (server, pull_reply_cb, &body);
  store = sync_test_open_enrolled (path, url);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      body = bad[i][0];
      g_assert_false (pull_run (store, &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_NETWORK);
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("reply %u: “%s” lacks “%s”", i, error->message, bad[i][1]);
      g_clear_error (&error);
      g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
      g_assert_null (gest_sync_state_get (store, "cursor"));
    }

  /* Strings with quotes, escapes and brackets do not confuse the reading of the page. */
  body = "{\"more\": false, \"changes\" : [ {\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, "
         "\"fields\": {\"name\": \"A\\\"na [x] {\\\\\"}}, null ,{\"entity\": \"customer\", "
         "\"uuid\": \"c2\", \"version\": 2, \"fields\": {\"name\": \"B\\u00e9a,\"}} ], \"cursor\": \"7\"} ";
  g_assert_true (pull_run (store, &error));
  g_assert_no_error (error);
  name = sync_test_query_text (store, "SELECT group_concat (name, '|') FROM customers ORDER BY uuid");
  g_assert_cmpstr (name, ==, "A\"na [x] {\\|Béa,");
  cursor = gest_sync_state_get (store, "cursor");
  g_assert_cmpstr (cursor, ==, "7");

  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Two pages, served by the cursor asked for: the first names c1 (and c9 when @boom), the
 * second c2, or a broken reply while @broken. */
typedef struct
{
  gboolean broken;
  guint    second_page_requests;
} TwoPages;

static void
two_pages_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  TwoPages *pages = user_data;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *body;

  if (g_strcmp0 (cursor, "1") == 0)
    {
      pages->second_page_requests++;
      body = pages->broken ? "{\"changes\": [{\"entity\": \"customer\", \"uu"
             : "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c2\", \"version\": 2, "
               "\"fields\": {\"name\": \"Beto\"}}], \"cursor\": \"2\", \"more\": false}";
    }
  else
    body = "{\"changes\": [{\"entity\": \"customer\", \"uuid\": \"c1\", \"version\": 1, "
           "\"fields\": {\"name\": \"Ana\"}}, {\"entity\": \"customer\", \"uuid\": \"c9\", "
           "\"version\": 1, \"fields\": {\"name\": \"Boom\"}}], \"cursor\": \"1\", \"more\": true}";
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

/* X3, pages fetched one ahead: page 2 is fetched while page 1 is applied. When page 2 is
 * broken, page 1 stays applied with its cursor and the round reports the error; the next round
 * goes on from there. When page 1 cannot be applied (here a trigger ends its transaction, as a
 * full disk would), page 2, already fetched, is not applied either. */
static void
test_pull_one_page_ahead (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TwoPages pages = { TRUE, 0 };

  url = sync_test_serve_pull (server, two_pages_cb, &pages);

  for (guint boom = 0; boom < 2; boom++)
    {
      g_autofree char *path = g_strdup_printf ("%s/ahead-%u.db", dir, boom);
      g_autoptr(GestStore) store = sync_test_open_enrolled (path, url);
      g_autofree char *cursor = NULL;

      pages.broken = !boom;
      pages.second_page_requests = 0;
      if (boom)
        g_assert_true (gest_store_exec (store,
                                        "CREATE TEMP TRIGGER boom BEFORE INSERT ON customers "
                                        "WHEN new.name = 'Boom' BEGIN SELECT RAISE (ROLLBACK, 'disk on fire'); END",
                                        &error));

      g_assert_false (pull_run (store, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, boom ? "disk on fire" : "does not understand"));
      g_clear_error (&error);
      g_assert_cmpuint (pages.second_page_requests, ==, 1);
      cursor = gest_sync_state_get (store, "cursor");
      if (boom)
        {
          g_assert_null (cursor);
          g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
          continue;
        }
      g_assert_cmpstr (cursor, ==, "1");
      g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM customers"), ==, 2);

      pages.broken = FALSE;
      g_assert_true (pull_run (store, &error));
      g_assert_no_error (error);
      g_clear_pointer (&cursor, g_free);
      cursor = gest_sync_state_get (store, "cursor");
      g_assert_cmpstr (cursor, ==, "2");
      g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM customers WHERE uuid = 'c2'"), ==, 1);
    }
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* X3: pointed at another server, a desktop forgets the old one's cursor, device and the
 * versions its records were based on (the new server numbers them its own way); the same
 * address again changes nothing. */
static void
test_new_server_forgets_versions (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "moved.db", NULL);
  g_autoptr(GestStore) store = sync_test_open_enrolled (path, "https://uno.example.com");
  g_autoptr(GError) error = NULL;
  g_autofree char *device = NULL;

  g_assert_true (gest_sync_state_set (store, "cursor", "40", &error));
  sync_test_exec (store, "INSERT INTO sync_applying (one) VALUES (1);"
                         "INSERT INTO customers (uuid, name, sync_version) VALUES ('c1', 'Ana', 41);"
                         "DELETE FROM sync_applying");

  g_assert_true (gest_sync_set_server_url (store, "https://uno.example.com", &error));
  g_assert_cmpint (sync_test_query_int (store, "SELECT sync_version FROM customers WHERE uuid = 'c1'"), ==, 41);
  device = gest_sync_state_get (store, "device-id");
  g_assert_cmpstr (device, ==, "d1");

  g_assert_true (gest_sync_set_server_url (store, "https://dos.example.com", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_query_int (store, "SELECT sync_version FROM customers WHERE uuid = 'c1'"), ==, 0);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_outbox"), ==, 0);
  g_assert_null (gest_sync_state_get (store, "cursor"));
  g_assert_null (gest_sync_state_get (store, "device-id"));
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/X3/offline-changes-converge", Fixture, NULL,
              fixture_set_up, test_offline_changes_converge, fixture_tear_down);
  g_test_add ("/sync/T7/tramite-reaches-server-conauto-step-returns", Fixture, NULL,
              fixture_set_up, test_tramite_reaches_server_and_conauto_step_returns, fixture_tear_down);
  g_test_add ("/sync/X3/conflict-shown", Fixture, NULL,
              fixture_set_up, test_conflict_is_shown, fixture_tear_down);
  g_test_add ("/sync/T7/rejected-does-not-block", Fixture, NULL,
              fixture_set_up, test_rejected_does_not_block, fixture_tear_down);
  g_test_add ("/sync/X3/document-blob-travels", Fixture, NULL,
              fixture_set_up, test_document_blob_travels, fixture_tear_down);
  g_test_add ("/sync/X3/offline-tramites-distinct-folios", Fixture, NULL,
              fixture_set_up, test_offline_tramites_distinct_folios, fixture_tear_down);
  g_test_add ("/sync/X3/refused-change-is-logged", Fixture, NULL,
              fixture_set_up, test_refused_change_is_logged, fixture_tear_down);
  g_test_add ("/sync/X3/device-numbers-not-reused", Fixture, NULL,
              fixture_set_up, test_device_numbers_not_reused, fixture_tear_down);
  g_test_add_func ("/sync/X3/not-enrolled-and-unreachable", test_not_enrolled_and_unreachable);
  g_test_add_func ("/sync/X3/malformed-pull-applies-nothing", test_malformed_pull_applies_nothing);
  g_test_add_func ("/sync/X3/pull-one-page-ahead", test_pull_one_page_ahead);
  g_test_add_func ("/sync/X3/new-server-forgets-versions", test_new_server_forgets_versions);
  g_test_add_func ("/sync/X3/cli-enroll-and-ca-file", test_cli_enroll_and_ca_file);

  return g_test_run ();
}
