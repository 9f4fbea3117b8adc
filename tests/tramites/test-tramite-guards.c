/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12: trámites that refuse what cannot be true (T3, T5, T6) and the permissions of the
 * trámite domain, on a real store and through gestiona-cli. Each rule: refused with its message,
 * accepted with a reason by a role that may approve, the reason in the log. No display. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-folio.h"
#include "gest-test-util.h"
#include "gest-tramite.h"
#include "gest-tramite-values.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  GestStore *store;
  GDate      today;
  char      *today_s;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gest_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);

  /* The issue's plan: a balance of $104,880.00, $15,000.00 overdue; and one whose payoff was
   * agreed at $78,500.50. */
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
            "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, overdue, life_insurance, as_of)"
            " VALUES ('plan-1', 'PL-1048', 'cust-1', 750000, 10488000, 1500000, 0, '2026-11-30'),"
            "        ('plan-2', 'PL-0785', 'cust-1', 500000, 8000000, 0, 0, '2026-11-30'),"
            "        ('plan-3', 'PL-0003', 'cust-1', 500000, 5000000, 0, 0, '2026-11-30');");
  gest_date_today (&f->today);
  f->today_s = gest_date_format (&f->today);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->db_path);
  g_free (f->today_s);
  gest_test_tmpdir_free (f->dir);
}

static GestTramite *
create (Fixture    *f,
        const char *plan,
        GestMoney   amount)
{
  g_autoptr(GError) error = NULL;
  GestTramite *t = gest_tramite_create (f->store, plan, amount, &f->today, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static void
assert_refused (GError     *error,
                const char *message)
{
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, message);
}

/* Whether the log of @uuid has an entry whose text is @text. */
static gboolean
log_has (Fixture    *f,
         const char *uuid,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gest_activity_log_list (f->store, uuid, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      GestActivityEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->text, text))
        return TRUE;
    }
  for (guint i = 0; i < entries->len; i++)
    g_test_message ("log: %s", ((GestActivityEntry *) g_ptr_array_index (entries, i))->text);
  return FALSE;
}

static void
conauto_applies (Fixture    *f,
                 const char *uuid,
                 const char *set)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO sync_applying (one) VALUES (1);"
                                          "UPDATE tramites SET %s, updated_at = updated_at + 1 WHERE uuid = '%s';"
                                          "DELETE FROM sync_applying;",
                                          set, uuid);

  exec_sql (f->store, sql);
}

/* --- One open trámite per plan --------------------------------------------------------- */

static void
test_one_open_store (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GestTramite) first = create (f, "PL-0003", 5000000);
  g_autoptr(GestTramite) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_null (gest_tramite_create (f->store, "PL-0003", 4900000, &f->today, NULL, &error));
  message = g_strdup_printf ("Plan PL-0003 already has an open trámite, %s (step 2, Registered); a plan has one "
                             "open trámite at a time. Open %s from the plan’s statement and continue it instead "
                             "of registering another.", first->folio, first->folio);
  assert_refused (error, message);
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tramites"), ==, 1);

  /* The statement finds it. */
  {
    g_autoptr(GestTramite) open = gest_tramite_load_open_for_plan (f->store, "plan-3", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (open->uuid, ==, first->uuid);
    g_assert_null (gest_tramite_load_open_for_plan (f->store, "plan-1", &error));
    g_assert_no_error (error);
  }

  /* Finished, the plan may have a new one. */
  exec_sql (f->store, "UPDATE tramites SET step = 8");
  again = create (f, "PL-0003", 4900000);
  g_assert_cmpstr (again->folio, !=, first->folio);
}

/* Migration 0006: even a raw INSERT or a reopening UPDATE cannot make two; what the sync
 * applies from the server passes (the server ruled on it). */
static void
test_one_open_raw_sql (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GestTramite) first = create (f, "PL-0003", 5000000);
  g_autoptr(GError) error = NULL;

#define RAW_INSERT(uuid, folio, step) \
  "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount, agreed_date," \
  " statement_balance, statement_overdue, statement_installment, statement_life_insurance," \
  " statement_as_of, routing_area, routing_reason, routing_low_limit, routing_installments," \
  " created_at) VALUES ('" uuid "', '" folio "', 'plan-3', " step ", 1, 100, '2026-12-15', 0, 0, 0, 0, '', " \
  "'atencion-clientes', 'x', 0, 0, 1)"
  const char *raw = RAW_INSERT ("raw-1", "LIQ-2026-900001", "3");
  const char *finished = RAW_INSERT ("raw-2", "LIQ-2026-900002", "8");
  const char *applied = "INSERT INTO sync_applying (one) VALUES (1);"
                        RAW_INSERT ("raw-3", "LIQ-2026-900003", "2") ";"
                        "DELETE FROM sync_applying;";
#undef RAW_INSERT

  g_assert_false (gest_store_exec (f->store, raw, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "one open tramite per plan"));
  g_clear_error (&error);

  /* A finished one is not open; reopening it (8 → 7) is refused while the other is open. */
  exec_sql (f->store, finished);
  g_assert_false (gest_store_exec (f->store, "UPDATE tramites SET step = 7 WHERE uuid = 'raw-2'", &error));
  g_assert_nonnull (strstr (error->message, "one open tramite per plan"));
  g_clear_error (&error);

  exec_sql (f->store, applied);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tramites WHERE step < 8"), ==, 2);
}

/* Migration 0006 on a database that already holds two open trámites of one plan: it opens,
 * keeps both, and the statement shows the newest; a third is refused. */
static void
test_one_open_old_database (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) open = NULL;

  exec_sql (f->store,
            "DROP TRIGGER tramites_one_open_insert; DROP TRIGGER tramites_one_open_update;"
            "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount, agreed_date,"
            " statement_balance, statement_overdue, statement_installment, statement_life_insurance,"
            " statement_as_of, routing_area, routing_reason, routing_low_limit, routing_installments,"
            " created_at) VALUES"
            " ('old-1', 'LIQ-2025-000001', 'plan-3', 3, 1, 100, '2026-12-15', 0, 0, 0, 0, '', 'atencion-clientes', 'x', 0, 0, 1),"
            " ('old-2', 'LIQ-2025-000002', 'plan-3', 2, 1, 100, '2026-12-15', 0, 0, 0, 0, '', 'atencion-clientes', 'x', 0, 0, 2);");
  /* Migration 6 again, as on a database made before it: it must not fail on the old pair.
   * (Rewinding user_version would replay every later migration, which are not idempotent.) */
  {
    g_autoptr(GBytes) sql = g_resources_lookup_data (RESOURCE_BASE "/sql/0006-tramite-rules.sql",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (gest_store_exec (f->store, g_bytes_get_data (sql, NULL), &error));
    g_assert_no_error (error);
  }
  g_clear_object (&f->store);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tramites WHERE step < 8"), ==, 2);

  open = gest_tramite_load_open_for_plan (f->store, "plan-3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (open->folio, ==, "LIQ-2025-000002");
  g_assert_null (gest_tramite_create (f->store, "PL-0003", 5000000, &f->today, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
}

/* --- T3: the agreed amount against the statement --------------------------------------- */

static void
test_amount_above_balance (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_autofree char *logged = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  /* The issue's case: $999,999,999.00 against a balance of $104,880.00. */
  g_assert_null (gest_tramite_create (f->store, "PL-1048", 99999999900, &f->today, NULL, &error));
  assert_refused (error,
                  "The agreed amount $999,999,999.00 is above the plan’s balance of $104,880.00. Check the amount "
                  "with Conauto; if Conauto really agreed it, write the reason (it is recorded in the log), and "
                  "someone who may approve amounts that depart from the statement must register it.");
  g_clear_error (&error);
  /* A blank reason is no reason. */
  g_assert_null (gest_tramite_create_full (f->store, "PL-1048", 99999999900, &f->today, NULL, "   ", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);
  /* With a reason, an analyst still may not approve it. */
  g_assert_null (gest_tramite_create_full (f->store, "PL-1048", 10500000, &f->today, NULL,
                                           "Conauto sumó gastos de cobranza", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tramites"), ==, 0);

  /* The head of customer service may, and the reason is in the log. */
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  t = gest_tramite_create_full (f->store, "PL-1048", 10500000, &f->today, NULL,
                                "  Conauto sumó gastos de cobranza  ", &error);
  g_assert_no_error (error);
  logged = g_strdup_printf ("Trámite %s registered for plan PL-1048: payoff of $105,000.00 agreed with Conauto for %s; "
                            "life insurance of $0.00 excluded. Approved an agreed amount outside the statement "
                            "(balance $104,880.00, overdue $15,000.00). Reason: Conauto sumó gastos de cobranza",
                            t->folio, f->today_s);
  g_assert_true (log_has (f, t->uuid, logged));
}

static void
test_amount_below_overdue (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) at_overdue = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_FINANCE_MANAGER);
  g_assert_null (gest_tramite_create (f->store, "PL-1048", 1499999, &f->today, NULL, &error));
  assert_refused (error,
                  "The agreed amount $14,999.99 is below the plan’s overdue amount of $15,000.00, so it would not "
                  "even cover what is overdue. Check the amount with Conauto; if Conauto really agreed it, write "
                  "the reason (it is recorded in the log), and someone who may approve amounts that depart from "
                  "the statement must register it.");
  g_clear_error (&error);
  /* The boundaries are inside: exactly the overdue amount, exactly the balance. */
  at_overdue = gest_tramite_create (f->store, "PL-1048", 1500000, &f->today, NULL, &error);
  g_assert_no_error (error);
  exec_sql (f->store, "UPDATE tramites SET step = 8");
  g_free (gest_tramite_create (f->store, "PL-1048", 10488000, &f->today, NULL, &error));
  g_assert_no_error (error);
}

/* --- T5: the payment against the agreed amount and the folio's date --------------------- */

static void
test_payment_differs (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GestTramite) t = NULL;
  g_autoptr(GestTramite) paid = NULL;
  g_autoptr(GError) error = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_COLLECTIONS_AGENT);
  t = create (f, "PL-0785", 7850050);
  /* The issue's case: $1,000.00 against an agreed $78,500.50. */
  g_assert_false (gest_tramite_record_payment (f->store, t->uuid, 100000, &f->today, "SPEI 1", NULL, &error));
  assert_refused (error,
                  "The payment of $1,000.00 is $77,500.50 less than agreed ($78,500.50). Check the customer’s "
                  "receipt; if the customer really paid that, write the reason (it is recorded in the log), and "
                  "someone who may approve payments that depart from the statement must record it.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_record_payment_full (f->store, t->uuid, 100000, &f->today, "SPEI 1", NULL,
                                                    "Primer abono", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tramites WHERE payment_amount IS NOT NULL"), ==, 0);

  /* The exact amount needs nothing more. */
  g_assert_true (gest_tramite_record_payment (f->store, t->uuid, 7850050, &f->today, "SPEI 2", NULL, &error));
  g_assert_no_error (error);

  /* The collections supervisor approves a different amount with its reason. */
  gest_test_sign_in (f->store, GEST_ROLE_COLLECTIONS_SUPERVISOR);
  g_assert_true (gest_tramite_record_payment_full (f->store, t->uuid, 100000, &f->today, "SPEI 3", NULL,
                                                   "Primer abono; el resto la próxima semana", &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = g_strdup_printf ("Customer payment corrected: $1,000.00 on %s, reference SPEI 3. "
                                             "Approved a payment $77,500.50 less than agreed ($78,500.50). "
                                             "Reason: Primer abono; el resto la próxima semana", f->today_s);

    g_assert_true (log_has (f, t->uuid, text));
  }
  paid = gest_tramite_load_by_uuid (f->store, t->uuid, &error);
  g_assert_cmpint (paid->payment_amount, ==, 100000);
  {
    g_autofree char *difference = gest_tramite_rules_describe_difference (paid->agreed_amount, paid->payment_amount);
    g_autofree char *more = gest_tramite_rules_describe_difference (7850050, 7900050);

    g_assert_cmpstr (difference, ==, "$77,500.50 less than agreed ($78,500.50)");
    g_assert_cmpstr (more, ==, "$500.00 more than agreed ($78,500.50)");
    g_assert_null (gest_tramite_rules_describe_difference (7850050, 7850050));
  }
}

static void
test_payment_before_folio (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0785", 7850050);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;
  g_autofree char *registered_s = NULL;
  g_autofree char *before_s = NULL;
  GDate registered = f->today;
  GDate before;

  /* Registered ten days ago; the receipt says eleven. */
  g_date_subtract_days (&registered, 10);
  before = registered;
  g_date_subtract_days (&before, 1);
  {
    g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&registered), g_date_get_month (&registered),
                                                       g_date_get_day (&registered), 12, 0, 0);

    sql = g_strdup_printf ("UPDATE tramites SET created_at = %" G_GINT64_FORMAT " WHERE uuid = '%s'",
                           g_date_time_to_unix (noon) * G_USEC_PER_SEC, t->uuid);
  }
  exec_sql (f->store, sql);
  registered_s = gest_date_format (&registered);
  before_s = gest_date_format (&before);

  g_assert_false (gest_tramite_record_payment (f->store, t->uuid, 7850050, &before, "SPEI 1", NULL, &error));
  message = g_strdup_printf ("The payment date %s is before the folio was registered (%s). Check the date on the "
                             "customer’s receipt; if it is right, write the reason (it is recorded in the log), and "
                             "someone who may approve payments that depart from the statement must record it.",
                             before_s, registered_s);
  assert_refused (error, message);
  g_clear_error (&error);
  /* The day of registration itself is fine. */
  g_assert_true (gest_tramite_record_payment (f->store, t->uuid, 7850050, &registered, "SPEI 1", NULL, &error));
  g_assert_no_error (error);
  /* Before it, with a reason (no users: the database is being set up, all is granted). */
  g_assert_true (gest_tramite_record_payment_full (f->store, t->uuid, 7850050, &before, "SPEI 1", NULL,
                                                   "Depositó antes de que registráramos el folio", &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = g_strdup_printf ("Customer payment corrected: $78,500.50 on %s, reference SPEI 1. "
                                             "Approved a payment dated before the folio was registered. "
                                             "Reason: Depositó antes de que registráramos el folio", before_s);

    g_assert_true (log_has (f, t->uuid, text));
  }
}

/* The payment's own fields: one set of checks, the form's (gest-tramite-values.c). */
static void
test_payment_fields_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate tomorrow = f->today;

  g_date_add_days (&tomorrow, 1);
  g_assert_false (gest_tramite_payment_check_fields (0, &f->today, "A", &f->today, &error));
  g_assert_cmpstr (error->message, ==, "The payment amount must be more than $0.00 (it is $0.00). Write what the customer paid.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_payment_check_fields (1, NULL, "A", &f->today, &error));
  g_assert_cmpstr (error->message, ==, "Write the date of the customer’s payment, as dd/mm/yyyy.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_payment_check_fields (1, &tomorrow, "A", &f->today, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gest_tramite_payment_check_fields (1, &f->today, " ", &f->today, &error));
  g_assert_cmpstr (error->message, ==,
                   "Write the payment reference (the deposit or transfer reference on the customer’s receipt).");
  g_clear_error (&error);
  g_assert_true (gest_tramite_payment_check_fields (1, &f->today, "A", &f->today, &error));
}

/* --- T5: documents sent, undo -------------------------------------------------------------- */

static void
test_docs_sent_needs_evidence (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0785", 7850050);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *sql = NULL;

  g_assert_false (gest_tramite_check_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  message = g_strdup_printf ("Folio %s has no documents email sent and no documents attached, so the documents "
                             "cannot be marked as sent to Conauto. Send the documents email from the folio, or "
                             "attach the documents you sent another way, and mark them then.", t->folio);
  assert_refused (error, message);
  g_clear_error (&error);

  /* A documents email still queued is not sent; once the outbox sent it, it is. */
  sql = g_strdup_printf ("INSERT INTO mail_outbox (uuid, record_uuid, module, purpose, recipient, subject, body, state, created_at)"
                         " VALUES ('m-1', '%s', 'tramites', 'documents', 'docs@conauto.mx', 's', 'b', 'queued', 1)",
                         t->uuid);
  exec_sql (f->store, sql);
  g_assert_false (gest_tramite_check_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  assert_refused (error, message);
  g_clear_error (&error);
  exec_sql (f->store, "UPDATE mail_outbox SET state = 'sent', sent_at = 2 WHERE uuid = 'm-1'");
  g_assert_true (gest_tramite_check_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  g_assert_no_error (error);
}

static void
test_uncheck_needs_reason (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0785", 7850050);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;

  sql = g_strdup_printf ("INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type, filename, added_at)"
                         " VALUES ('doc-1', '%s', 'identification', '%064d', 1, 'image/png', 'ine.png', 1)",
                         t->uuid, 0);
  exec_sql (f->store, sql);
  g_assert_true (gest_tramite_check_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  g_assert_no_error (error);

  g_assert_false (gest_tramite_uncheck_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, "  ", &error));
  message = g_strdup_printf ("Undoing “Documents sent to Conauto” on folio %s needs a reason: write why (it is "
                             "recorded in the log).", t->folio);
  assert_refused (error, message);
  g_clear_error (&error);
  g_assert_false (gest_tramite_uncheck_item (f->store, t->uuid, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED, "x", &error));
  assert_refused (error, "Only Conauto records “Car insurance cancelled”: it arrives through the Conauto sync or "
                         "Conauto’s signed update file.");
  g_clear_error (&error);

  g_assert_true (gest_tramite_uncheck_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT,
                                            "Se marcó por error", &error));
  g_assert_no_error (error);
  g_assert_true (log_has (f, t->uuid, "Undone: Documents sent to Conauto. Reason: Se marcó por error"));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT docs_sent_at IS NULL FROM tramites"), ==, 1);
  g_assert_false (gest_tramite_uncheck_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, "otra vez", &error));
  g_free (message);
  message = g_strdup_printf ("“Documents sent to Conauto” is not marked on folio %s: there is nothing to undo.", t->folio);
  assert_refused (error, message);
  g_clear_error (&error);

  /* Once Conauto verified the deposit (step 4 needs it), it stays. */
  g_assert_true (gest_tramite_check_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  conauto_applies (f, t->uuid, "step = 4, payment_amount = 7850050, payment_date = '2026-12-01', "
                               "payment_reference = 'R', payment_proof_uuid = 'doc-1'");
  g_assert_false (gest_tramite_uncheck_item (f->store, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT, "x", &error));
  g_free (message);
  message = g_strdup_printf ("“Documents sent to Conauto” cannot be undone: folio %s is in step 4 (Deposit "
                             "verified), which needs it. Move the trámite back first.", t->folio);
  assert_refused (error, message);
}

/* --- T6: a move backwards --------------------------------------------------------------- */

static void
test_move_back_needs_reason (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GestTramite) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  t = create (f, "PL-0785", 7850050);
  g_assert_true (gest_tramite_move (f->store, t->uuid, 3, NULL, &error));
  g_assert_no_error (error);

  /* An analyst may move forward but not back. */
  g_assert_false (gest_tramite_move (f->store, t->uuid, 2, "Faltó la identificación", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);

  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_false (gest_tramite_move (f->store, t->uuid, 2, " ", &error));
  message = g_strdup_printf ("Moving folio %s back from step 3 (Documents and payment) to step 2 (Registered) "
                             "needs a reason: write why (it is recorded in the log).", t->folio);
  assert_refused (error, message);
  g_clear_error (&error);
  g_assert_true (gest_tramite_move (f->store, t->uuid, 2, "Faltó la identificación", &error));
  g_assert_no_error (error);
  g_assert_true (log_has (f, t->uuid, "Moved back from step 3 (Documents and payment) to step 2 (Registered). "
                                      "Reason: Faltó la identificación"));
}

/* --- Permissions ------------------------------------------------------------------------ */

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GestTramite) t = NULL;
  g_autoptr(GError) error = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_null (gest_tramite_create (f->store, "PL-0785", 7850050, &f->today, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Test service-advisor (Service advisor) cannot register early payoffs: it is for General "
                   "manager, Customer service analyst, Head of customer service, Finance manager, Collections "
                   "agent, Collections supervisor. Ask one of them, or sign in as one.");
  g_clear_error (&error);

  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  t = create (f, "PL-0785", 7850050);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_false (gest_tramite_move (f->store, t->uuid, 3, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "move an early payoff to step 3"));
  g_clear_error (&error);
  g_assert_false (gest_tramite_record_payment (f->store, t->uuid, 7850050, &f->today, "R", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "record a customer’s payment"));
  g_clear_error (&error);

  /* Nobody signed in on a database with users. */
  gest_store_set_user (f->store, NULL);
  g_assert_false (gest_tramite_move (f->store, t->uuid, 3, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "Nobody is signed in. Sign in (in the command line, with --user LOGIN) and try again.");
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT step FROM tramites"), ==, 2);
}

/* --- The same through gestiona-cli, signed in with --user ---------------------------------- */

static int
run_cli_as (Fixture             *f,
            const char          *login,
            const char * const  *words,
            char               **out,
            char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db_path);
  g_ptr_array_add (args, (gpointer) "--user");
  g_ptr_array_add (args, (gpointer) login);
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) words[i]);
  g_ptr_array_add (args, NULL);
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  return gest_test_run_cli ((const char * const *) args->pdata, out, err);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *folio = NULL;

  g_setenv ("GESTIONA_PASSWORD", GEST_TEST_PASSWORD, TRUE);
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);

  {
    const char *words[] = { "tramite", "new", "--plan", "PL-1048", "--amount", "$999,999,999.00", "--date", f->today_s, NULL };

    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", words, &out, &err), ==, 1);
    g_assert_cmpstr (err, ==, "gestiona-cli: The agreed amount $999,999,999.00 is above the plan’s balance of "
                              "$104,880.00. Check the amount with Conauto; if Conauto really agreed it, write the "
                              "reason (it is recorded in the log), and someone who may approve amounts that depart "
                              "from the statement must register it.\n");
  }
  {
    const char *words[] = { "tramite", "new", "--plan", "PL-1048", "--amount", "$105,000.00", "--date", f->today_s,
                            "--reason", "Gastos de cobranza", NULL };

    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", words, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "approve an amount or payment that departs from the statement"));
    g_assert_cmpint (run_cli_as (f, "test.cs-head", words, &out, &err), ==, 0);
    folio = gest_folio_format ("LIQ", g_date_get_year (&f->today), 1);
    g_assert_nonnull (strstr (out, folio));
  }
  {
    /* One open per plan. */
    const char *words[] = { "tramite", "new", "--plan", "PL-1048", "--amount", "$100,000.00", "--date", f->today_s, NULL };

    g_assert_cmpint (run_cli_as (f, "test.cs-head", words, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Plan PL-1048 already has an open trámite"));
  }
  {
    const char *pay[] = { "tramite", "check", folio, "payment", "--amount", "1000", "--date", f->today_s,
                          "--reference", "SPEI 9", NULL };
    const char *pay_reason[] = { "tramite", "check", folio, "payment", "--amount", "1000", "--date", f->today_s,
                                 "--reference", "SPEI 9", "--reason", "Abono parcial", NULL };

    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", pay, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "The payment of $1,000.00 is $104,000.00 less than agreed ($105,000.00)."));
    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", pay_reason, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "approve an amount or payment that departs from the statement"));
    g_assert_cmpint (run_cli_as (f, "test.cs-head", pay_reason, &out, &err), ==, 0);
  }
  {
    const char *docs[] = { "tramite", "check", folio, "docs-sent", NULL };
    const char *undo[] = { "tramite", "uncheck", folio, "docs-sent", NULL };
    const char *undo_reason[] = { "tramite", "uncheck", folio, "docs-sent", "--reason", "Por error", NULL };
    g_autofree char *sql = g_strdup_printf ("INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type, filename, added_at)"
                                            " SELECT 'doc-9', uuid, 'identification', '%064d', 1, 'image/png', 'ine.png', 1"
                                            " FROM tramites", 0);

    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", docs, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "has no documents email sent and no documents attached"));
    exec_sql (f->store, sql);
    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", docs, &out, &err), ==, 0);
    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", undo, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "needs a reason"));
    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", undo_reason, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, ": Documents sent to Conauto undone.\n"));
  }
  {
    const char *forward[] = { "tramite", "move", folio, "3", NULL };
    const char *back[] = { "tramite", "move", folio, "2", NULL };
    const char *back_reason[] = { "tramite", "move", folio, "2", "--reason", "Falta la INE", NULL };

    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", forward, &out, &err), ==, 0);
    g_assert_cmpint (run_cli_as (f, "test.cs-head", back, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "needs a reason: write why"));
    g_assert_cmpint (run_cli_as (f, "test.cs-analyst", back_reason, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "move an early payoff back a step"));
    g_assert_cmpint (run_cli_as (f, "test.cs-head", back_reason, &out, &err), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* The trámite module's rows of the permissions table. */
  gest_domain_modules_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/tramite/T3-T6/one-open-per-plan/store", test_one_open_store);
  ADD ("/tramite/T3-T6/one-open-per-plan/raw-sql", test_one_open_raw_sql);
  ADD ("/tramite/T3-T6/one-open-per-plan/old-database-with-two", test_one_open_old_database);
  ADD ("/tramite/T3/amount-above-balance-needs-reason", test_amount_above_balance);
  ADD ("/tramite/T3/amount-below-overdue-needs-reason", test_amount_below_overdue);
  ADD ("/tramite/T5/payment-differs-needs-reason", test_payment_differs);
  ADD ("/tramite/T5/payment-before-folio-needs-reason", test_payment_before_folio);
  ADD ("/tramite/T5/payment-fields-checked-once", test_payment_fields_once);
  ADD ("/tramite/T5/docs-sent-needs-email-or-documents", test_docs_sent_needs_evidence);
  ADD ("/tramite/T5/uncheck-needs-reason", test_uncheck_needs_reason);
  ADD ("/tramite/T6/move-back-needs-reason", test_move_back_needs_reason);
  ADD ("/tramite/T6/permissions", test_permissions);
  ADD ("/tramite/T3-T5-T6/cli", test_cli);
  return g_test_run ();
}
