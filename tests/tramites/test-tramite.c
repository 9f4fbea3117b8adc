/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T1, T2, T3, T5, T6, T7 on a real store: registration (folio, statement snapshot, routing
 * recorded and replayable), the checklist, moves and their refusals, Conauto's steps as the
 * sync applies them, folio uniqueness across two processes, and the CLI. No display. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-folio.h"
#include "gest-plan-statement.h"
#include "gest-test-util.h"
#include "gest-tramite.h"
#include "gest-tramite-values.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  GestStore *store;
  GDate      today;
  char      *today_s;      /* dd/mm/yyyy */
  char      *tomorrow_s;
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
insert_plan (GestStore  *store,
             const char *uuid,
             const char *number,
             gint64      balance,
             gint64      overdue,
             gint64      installment,
             gint64      life_insurance)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  sqlite3_stmt *stmt;
  GDate today;

  gest_date_today (&today);
  as_of = gest_date_to_iso (&today);
  stmt = gest_store_prepare (store,
                             "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment,"
                             " balance, overdue, life_insurance, as_of)"
                             " VALUES (?1, ?2, 'cust-1', 'veh-1', ?3, ?4, ?5, ?6, ?7)",
                             &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, installment);
  sqlite3_bind_int64 (stmt, 4, balance);
  sqlite3_bind_int64 (stmt, 5, overdue);
  sqlite3_bind_int64 (stmt, 6, life_insurance);
  sqlite3_bind_text (stmt, 7, as_of, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate tomorrow;

  f->dir = gest_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);

  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
            "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
            " VALUES ('veh-1', '3FADP4EJ0KM123456', 'Figo', 2019, 'cust-1');");
  /* T2: up to date → customer service; $3,200.00 overdue ≥ 2 × $1,500.00 → extrajudicial;
   * $1,000.00 overdue → early collections. */
  insert_plan (f->store, "plan-1", "PL-0001", 12000000, 0, 150000, 250000);
  insert_plan (f->store, "plan-2", "PL-0002", 9000000, 320000, 150000, 180000);
  insert_plan (f->store, "plan-3", "PL-0003", 5000000, 100000, 150000, 0);

  gest_date_today (&f->today);
  f->today_s = gest_date_format (&f->today);
  tomorrow = f->today;
  g_date_add_days (&tomorrow, 1);
  f->tomorrow_s = gest_date_format (&tomorrow);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->db_path);
  g_free (f->today_s);
  g_free (f->tomorrow_s);
  gest_test_tmpdir_free (f->dir);
}

static GestTramite *
create (Fixture    *f,
        const char *plan,
        GestMoney   amount)
{
  g_autoptr(GError) error = NULL;
  GestTramite *t = gest_tramite_create (f->store, plan, amount, &f->today, "Cliente llamó", &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static gint64
count_rows (GestStore  *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
set_role (Fixture    *f,
          const char *role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_setting (f->store, "user.role", role, &error));
  g_assert_no_error (error);
}

/* T1: the statement as Conauto reported it, by number or uuid. */
static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GestPlanStatement) s = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_plan_statement_load (f->store, " PL-0002 ", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.plan_uuid, ==, "plan-2");
  g_assert_cmpstr (s.customer_name, ==, "María Pérez López");
  g_assert_cmpstr (s.vehicle, ==, "Figo 2019 · 3FADP4EJ0KM123456");
  g_assert_cmpint (s.balance, ==, 9000000);
  g_assert_cmpint (s.overdue, ==, 320000);
  g_assert_cmpint (s.installment, ==, 150000);
  g_assert_cmpint (s.life_insurance, ==, 180000);
  g_assert_cmpint (g_date_compare (&s.as_of, &f->today), ==, 0);
  g_assert_cmpint (gest_plan_statement_age_days (&s), ==, 0);
  /* T2's debt is the overdue amount, not the balance. */
  g_assert_cmpint (gest_plan_statement_debt (&s), ==, 320000);
  gest_plan_statement_clear (&s);

  g_assert_true (gest_plan_statement_load (f->store, "plan-1", &s, &error));
  g_assert_cmpstr (s.plan_number, ==, "PL-0001");
  gest_plan_statement_clear (&s);

  g_assert_false (gest_plan_statement_load (f->store, "PL-9999", &s, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "There is no plan “PL-9999”. Check the plan number on the customer’s contract, or search for the customer.");
}

/* T3, T2: registration assigns the folio, snapshots the statement and records the routing. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0002", 9000000);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folio = gest_folio_format ("LIQ", g_date_get_year (&f->today), 1);
  GestActivityEntry *entry;

  g_assert_cmpstr (t->folio, ==, folio);
  g_assert_cmpint (t->step, ==, 2);
  g_assert_cmpint (t->agreed_amount, ==, 9000000);
  g_assert_cmpint (g_date_compare (&t->agreed_date, &f->today), ==, 0);
  g_assert_cmpstr (t->notes, ==, "Cliente llamó");
  g_assert_cmpstr (t->statement.plan_number, ==, "PL-0002");
  g_assert_cmpint (t->statement.overdue, ==, 320000);
  g_assert_cmpint (t->statement.life_insurance, ==, 180000);
  g_assert_cmpint (t->routing_area, ==, GEST_AREA_EXTRAJUDICIAL);
  g_assert_cmpstr (t->routing_reason, ==, "Debt of $3,200.00 ≥ 2 installments of $1,500.00");
  g_assert_cmpint (t->routing_low_limit, ==, 50000);
  g_assert_cmpuint (t->routing_installments, ==, 2);
  g_assert_cmpstr (t->created_by, ==, "Usuario");
  g_assert_false (t->has_payment);
  g_assert_null (t->payment_proof_uuid);
  g_assert_cmpint (t->docs_sent_at, ==, 0);

  entries = gest_activity_log_list (f->store, t->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_STATUS);
  g_assert_true (g_str_has_prefix (entry->text, "Trámite LIQ-"));
  g_assert_nonnull (strstr (entry->text, "for plan PL-0002: payoff of $90,000.00 agreed with Conauto for "));
  g_assert_nonnull (strstr (entry->text, "; life insurance of $1,800.00 excluded."));
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->text, ==,
                   "Routed to Cobranza Extrajudicial (52 28 70 70): Debt of $3,200.00 ≥ 2 installments of $1,500.00.");

  /* The folio is found however it is typed. */
  {
    g_autofree char *lower = g_ascii_strdown (folio, -1);
    g_autofree char *typed = g_strdup_printf ("  %s ", lower);
    g_autoptr(GestTramite) again = gest_tramite_load_by_folio (f->store, typed, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again->uuid, ==, t->uuid);
  }
  {
    g_autoptr(GestTramite) by_id = gest_tramite_load_by_id (f->store, t->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (by_id->folio, ==, folio);
  }
  g_assert_null (gest_tramite_load_by_folio (f->store, "LIQ-1999-000001", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no trámite “LIQ-1999-000001”. Check the folio, or search for the customer.");
}

/* T2: the three areas, each reason in words. */
static void
test_routing_areas (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GestTramite) t1 = create (f, "PL-0001", 12000000);
  g_autoptr(GestTramite) t3 = create (f, "PL-0003", 5000000);

  g_assert_cmpint (t1->routing_area, ==, GEST_AREA_CUSTOMER_SERVICE);
  g_assert_cmpstr (t1->routing_reason, ==, "Debt of $0.00 ≤ $500.00");
  g_assert_cmpint (t3->routing_area, ==, GEST_AREA_EARLY_COLLECTIONS);
  g_assert_cmpstr (t3->routing_reason, ==,
                   "Debt of $1,000.00 is above $500.00 and below 2 installments of $1,500.00");
  /* Consecutive folios. */
  g_assert_true (g_str_has_suffix (t1->folio, "-000001"));
  g_assert_true (g_str_has_suffix (t3->folio, "-000002"));
}

/* T2: the decision stays as recorded after the settings change, and an audit replays it with
 * the recorded thresholds. */
static void
test_routing_recorded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GestTramite) before = create (f, "PL-0002", 9000000);
  g_autoptr(GestTramite) reloaded = NULL;
  g_autoptr(GestTramite) after = NULL;
  g_auto(GestRoutingSettings) settings = { 0 };
  g_auto(GestRoutingDecision) replay = { 0 };
  g_autoptr(GError) error = NULL;

  gest_store_load_routing_settings (f->store, &settings);
  settings.low_debt_limit = 500000;     /* $5,000.00 */
  settings.installments_limit = 5;
  g_free (settings.areas[GEST_AREA_EXTRAJUDICIAL].phones);
  settings.areas[GEST_AREA_EXTRAJUDICIAL].phones = g_strdup ("55 1234 5678");
  g_assert_true (gest_store_save_routing_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  /* The plan's statement changes too (Conauto's next report). */
  exec_sql (f->store, "UPDATE plans SET overdue = 0 WHERE uuid = 'plan-2'");

  reloaded = gest_tramite_load_by_uuid (f->store, before->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reloaded->routing_area, ==, GEST_AREA_EXTRAJUDICIAL);
  g_assert_cmpstr (reloaded->routing_reason, ==, before->routing_reason);
  g_assert_cmpint (reloaded->routing_low_limit, ==, 50000);
  g_assert_cmpuint (reloaded->routing_installments, ==, 2);
  g_assert_cmpint (reloaded->statement.overdue, ==, 320000);

  g_assert_true (gest_tramite_replay_routing (reloaded, &settings, &replay, &error));
  g_assert_no_error (error);
  g_assert_cmpint (replay.area, ==, reloaded->routing_area);
  g_assert_cmpstr (replay.reason, ==, reloaded->routing_reason);

  /* A new trámite under the new settings decides differently: $3,200.00 ≤ $5,000.00. The first
   * one is finished first (issue 12: one open trámite per plan). */
  exec_sql (f->store, "UPDATE plans SET overdue = 320000 WHERE uuid = 'plan-2';"
                      "UPDATE tramites SET step = 8 WHERE plan_uuid = 'plan-2'");
  after = create (f, "PL-0002", 9000000);
  g_assert_cmpint (after->routing_area, ==, GEST_AREA_CUSTOMER_SERVICE);
  g_assert_cmpint (after->routing_low_limit, ==, 500000);
  g_assert_cmpuint (after->routing_installments, ==, 5);
}

/* T3: the life insurance is never in the amount; bad input writes nothing. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) ok = NULL;
  GDate yesterday = f->today;

  g_assert_null (gest_tramite_create (f->store, "PL-0001", 12250000, &f->today, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The amount $122,500.00 is the balance $120,000.00 plus the life insurance $2,500.00, but the "
                   "life insurance is never included in the payoff. Write the amount agreed with Conauto without it.");
  g_clear_error (&error);

  g_assert_null (gest_tramite_create (f->store, "PL-0001", 0, &f->today, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  g_date_subtract_days (&yesterday, 1);
  g_assert_null (gest_tramite_create (f->store, "PL-0001", 12000000, &yesterday, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The agreed payment date "));
  g_clear_error (&error);

  g_assert_null (gest_tramite_create (f->store, "PL-404", 12000000, &f->today, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing half-written: no row, no log, and the first good one still gets number 1. */
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM tramites"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM activity"), ==, 0);
  ok = create (f, "PL-0001", 12000000);
  g_assert_true (g_str_has_suffix (ok->folio, "-000001"));
  /* Stored apart, never added. */
  g_assert_cmpint (ok->agreed_amount, ==, 12000000);
  g_assert_cmpint (ok->statement.life_insurance, ==, 250000);
}

/* T3: the form's values save through the same rules. */
static void
test_values_save (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GestPlanStatement) s = { 0 };
  g_autoptr(GestTramiteValues) v0 = gest_tramite_values_new ();
  g_autoptr(GestTramiteValues) v1 = NULL;
  g_autoptr(GestTramiteValues) v2 = NULL;
  g_autoptr(GestTramiteValues) v3 = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (gest_tramite_values_save (v0, f->store, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the plan to pay off: search for the customer or the plan number.");
  g_clear_error (&error);

  g_assert_true (gest_plan_statement_load (f->store, "PL-0003", &s, &error));
  v1 = gest_tramite_values_set_statement (v0, &s);
  v2 = gest_tramite_values_set_amount_text (v1, "$49,999.99");
  v3 = gest_tramite_values_set_date_text (v2, f->tomorrow_s);
  t = gest_tramite_values_save (v3, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->agreed_amount, ==, 4999999);
  g_assert_cmpint (t->routing_area, ==, GEST_AREA_EARLY_COLLECTIONS);
}

static char *
attach (Fixture          *f,
        const char       *tramite_uuid,
        const char       *fixture_name,
        GestDocumentKind  kind)
{
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (f->store);
  g_autofree char *path = gest_test_data_path (fixture_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) doc = gest_document_store_add (documents, tramite_uuid, file, kind, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (gest_document_get_uuid (doc));
}

static void
assert_move_refused (Fixture    *f,
                     const char *uuid,
                     int         step,
                     const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_tramite_move (f->store, uuid, step, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
move_ok (Fixture    *f,
         const char *uuid,
         int         step)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_tramite_move (f->store, uuid, step, "Motivo de prueba", &error));
  g_assert_no_error (error);
}

/* T7 (issue 12): Conauto's steps and items come only from Conauto. Here they arrive as a sync
 * pull applies them: the row changes with sync_applying set (no outbox, no dealer action). */
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

static void
check_ok (Fixture         *f,
          const char      *uuid,
          GestTramiteItem  item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_tramite_check_item (f->store, uuid, item, &error));
  g_assert_no_error (error);
}

static int
step_of (Fixture    *f,
         const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = gest_tramite_load_by_uuid (f->store, uuid, &error);

  g_assert_no_error (error);
  return t->step;
}

/* T5, T6, T7: one folio from registration to step 8, every refusal on the way. */
static void
test_walk_to_finished (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0001", 12000000);
  g_autoptr(GestTramite) done = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *proof = NULL;
  g_autofree char *other = NULL;
  const char *uuid = t->uuid;

  move_ok (f, uuid, 3);
  g_assert_cmpint (step_of (f, uuid), ==, 3);

  /* T7: the dealer cannot make Conauto's move; there is no other way from the desktop. */
  assert_move_refused (f, uuid, 4,
                       "Steps 4 to 6 are Conauto’s: the move from step 3 (Documents and payment) to step 4 "
                       "(Deposit verified) arrives through the Conauto sync or Conauto’s signed update file.");
  set_role (f, "finance-manager");

  /* T5: payment with its proof; validation first. */
  other = attach (f, uuid, "scan.png", GEST_DOCUMENT_KIND_IDENTIFICATION);
  g_assert_false (gest_tramite_record_payment (f->store, uuid, 12000000, &f->today, "DEP-1", other, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“scan.png” is not a payment proof. Choose a document of the kind “Payment proof”, or attach "
                   "the proof as one.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_record_payment (f->store, uuid, 12000000, &f->today, "  ", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);
  {
    GDate tomorrow = f->today;

    g_date_add_days (&tomorrow, 1);
    g_assert_false (gest_tramite_record_payment (f->store, uuid, 12000000, &tomorrow, "DEP-1", NULL, &error));
    g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (gest_tramite_record_payment (f->store, uuid, 12000000, &f->today, "DEP-1", "no-such-doc", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gest_tramite_record_payment (f->store, uuid, 12000000, &f->today, " DEP-20260315 ", NULL, &error));
  g_assert_no_error (error);
  proof = attach (f, uuid, "letter-a4.pdf", GEST_DOCUMENT_KIND_PAYMENT_PROOF);
  g_assert_true (gest_tramite_link_payment_proof (f->store, uuid, proof, &error));
  g_assert_no_error (error);
  /* T5: an identification is attached (other), so the documents may be marked as sent. */
  check_ok (f, uuid, GEST_TRAMITE_ITEM_DOCS_SENT);
  g_assert_false (gest_tramite_check_item (f->store, uuid, GEST_TRAMITE_ITEM_DOCS_SENT, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);

  /* Conauto's steps, as its sync brings them. */
  conauto_applies (f, uuid, "step = 4");
  g_assert_false (gest_tramite_check_item (f->store, uuid, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "Only Conauto records “Car insurance cancelled”: it arrives through the Conauto sync or "
                   "Conauto’s signed update file.");
  g_clear_error (&error);
  conauto_applies (f, uuid, "insurance_cancelled_at = 1, step = 5");
  conauto_applies (f, uuid, "step = 6");
  set_role (f, "general-manager");
  assert_move_refused (f, uuid, 7, "Step 7 needs: the invoice and guarantees released by Conauto.");
  g_assert_false (gest_tramite_check_item (f->store, uuid, GEST_TRAMITE_ITEM_INVOICE_RELEASED, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);
  conauto_applies (f, uuid, "invoice_released_at = 2");

  /* The dealer's end. */
  move_ok (f, uuid, 7);
  assert_move_refused (f, uuid, 6,
                       "Steps 4 to 6 are Conauto’s: the move from step 7 (Invoice to customer) to step 6 "
                       "(Invoice delivery) arrives through the Conauto sync or Conauto’s signed update file.");
  assert_move_refused (f, uuid, 8,
                       "Step 8 needs: the invoice delivered to the customer; the acknowledgment returned to Conauto.");
  check_ok (f, uuid, GEST_TRAMITE_ITEM_INVOICE_DELIVERED);
  assert_move_refused (f, uuid, 8, "Step 8 needs: the acknowledgment returned to Conauto.");
  check_ok (f, uuid, GEST_TRAMITE_ITEM_ACK_RETURNED);
  g_assert_true (gest_tramite_move (f->store, uuid, 8, "Acuse firmado por el cliente", &error));
  g_assert_no_error (error);

  done = gest_tramite_load_by_uuid (f->store, uuid, &error);
  g_assert_cmpint (done->step, ==, 8);
  g_assert_true (done->has_payment);
  g_assert_cmpint (done->payment_amount, ==, 12000000);
  g_assert_cmpstr (done->payment_reference, ==, "DEP-20260315");
  g_assert_cmpstr (done->payment_proof_uuid, ==, proof);
  g_assert_cmpint (done->docs_sent_at, >, 0);
  g_assert_cmpint (done->insurance_cancelled_at, >, 0);
  g_assert_cmpint (done->invoice_released_at, >, 0);
  g_assert_cmpint (done->invoice_delivered_at, >, 0);
  g_assert_cmpint (done->ack_returned_at, >, 0);

  /* X5: every change logged, the chain intact. */
  entries = gest_activity_log_list (f->store, uuid, &error);
  g_assert_no_error (error);
  {
    const char *expected[] = {
      "Moved from step 2 (Registered) to step 3 (Documents and payment). Note: Motivo de prueba",
      "Customer payment received: $120,000.00 on %s, reference DEP-20260315.",
      "Payment proof linked: letter-a4.pdf.",
      "Documents sent to Conauto.",
      "Moved from step 6 (Invoice delivery) to step 7 (Invoice to customer). Note: Motivo de prueba",
      "Invoice and guarantees delivered to the customer.",
      "Acknowledgment returned to Conauto.",
      "Moved from step 7 (Invoice to customer) to step 8 (Finished). Note: Acuse firmado por el cliente",
    };
    guint next = 0;

    for (guint i = 0; i < entries->len && next < G_N_ELEMENTS (expected); i++)
      {
        GestActivityEntry *entry = g_ptr_array_index (entries, i);
        /* The expected texts are this file's own literals, some with a %s for today. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        g_autofree char *want = g_strdup_printf (expected[next], f->today_s);
#pragma GCC diagnostic pop

        if (g_str_equal (entry->text, want))
          {
            if (g_str_has_prefix (want, "Moved") || g_str_has_prefix (want, "Conauto"))
              g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_STATUS);
            next++;
          }
      }
    g_assert_cmpuint (next, ==, G_N_ELEMENTS (expected));
  }
  g_assert_true (gest_activity_log_verify (f->store, uuid, &error));
  g_assert_no_error (error);
}

/* T5: the payment is corrected up to step 3 and frozen after Conauto verified it. */
static void
test_payment_frozen (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GestTramite) t = create (f, "PL-0003", 5000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *proof = attach (f, t->uuid, "letter-a4.pdf", GEST_DOCUMENT_KIND_PAYMENT_PROOF);

  move_ok (f, t->uuid, 3);
  /* T5 (issue 12): $40,000.00 against an agreed $50,000.00 needs a reason. */
  g_assert_true (gest_tramite_record_payment_full (f->store, t->uuid, 4000000, &f->today, "A", proof,
                                                   "Primer depósito parcial", &error));
  g_assert_true (gest_tramite_record_payment (f->store, t->uuid, 5000000, &f->today, "B", NULL, &error));
  g_assert_no_error (error);
  g_free (attach (f, t->uuid, "scan.png", GEST_DOCUMENT_KIND_IDENTIFICATION));
  check_ok (f, t->uuid, GEST_TRAMITE_ITEM_DOCS_SENT);
  conauto_applies (f, t->uuid, "step = 4");
  g_assert_false (gest_tramite_record_payment (f->store, t->uuid, 1, &f->today, "C", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);
  {
    g_autoptr(GestTramite) now = gest_tramite_load_by_uuid (f->store, t->uuid, &error);

    g_assert_cmpint (now->payment_amount, ==, 5000000);
    g_assert_cmpstr (now->payment_reference, ==, "B");
    g_assert_cmpstr (now->payment_proof_uuid, ==, proof);   /* kept by the correction */
  }
  /* Back to 3 (Conauto found no deposit) is Conauto's too, and needs nothing. */
  conauto_applies (f, t->uuid, "step = 3");
  g_assert_cmpint (step_of (f, t->uuid), ==, 3);
}

static GPid
spawn_argv (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Folios are unique and gapless when two processes register at the same time. */
static void
test_folios_two_processes (Fixture       *f,
                           gconstpointer  data)
{
  /* Issue 12: one open trámite per plan, so each registration takes its own plan: process A
   * registers on PL-A00..PL-A49, process B on PL-B00..PL-B49, both at the same time. */
  const char *script = "for i in $(seq -w 0 49); do "
                       "\"$GESTIONA_CLI\" --db \"$0\" tramite new --plan \"PL-$1$i\" --amount 120000 --date \"$2\""
                       " || exit 1; done";
  const char *argv_a[] = { "/bin/sh", "-c", script, f->db_path, "A", f->tomorrow_s, NULL };
  const char *argv_b[] = { "/bin/sh", "-c", script, f->db_path, "B", f->tomorrow_s, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  GPid a, b;
  int year = g_date_get_year (&f->today);

  for (int i = 0; i < 50; i++)
    for (char side = 'A'; side <= 'B'; side++)
      {
        g_autofree char *uuid = g_strdup_printf ("plan-%c%02d", side, i);
        g_autofree char *number = g_strdup_printf ("PL-%c%02d", side, i);

        insert_plan (f->store, uuid, number, 12000000, 0, 150000, 0);
      }

  a = spawn_argv (argv_a);
  b = spawn_argv (argv_b);
  g_assert_cmpint (wait_child (a), ==, 0);
  g_assert_cmpint (wait_child (b), ==, 0);

  stmt = gest_store_prepare (f->store, "SELECT folio FROM tramites", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_true (g_hash_table_add (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 0))));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (g_hash_table_size (seen), ==, 100);
  for (int n = 1; n <= 100; n++)
    {
      g_autofree char *folio = gest_folio_format ("LIQ", year, n);

      g_assert_true (g_hash_table_contains (seen, folio));
    }
  g_assert_cmpint (count_rows (f->store, "SELECT last FROM folio_counters WHERE prefix = 'LIQ'"), ==, 100);
  /* Each registration logged twice, chains intact. */
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM activity"), ==, 200);
  g_assert_true (gest_activity_log_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

static int
run_cli (Fixture             *f,
         const char * const  *words,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db_path);
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) words[i]);
  g_ptr_array_add (args, NULL);
  return gest_test_run_cli ((const char * const *) args->pdata, out, err);
}

/* Part 7: the CLI's answers and exit codes (0 ok, 1 refused, 2 bad input). */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *folio = gest_folio_format ("LIQ", g_date_get_year (&f->today), 1);
  int status;

  {
    const char *argv[] = { "tramite", "new", "--plan", "PL-0002", "--amount", "$90,000.00", "--date", f->today_s,
                           "--notes", "Llamada con Conauto", NULL };

    status = run_cli (f, argv, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, folio));
    g_assert_nonnull (strstr (out, "Call: Cobranza Extrajudicial (52 28 70 70)\n"));
    g_assert_nonnull (strstr (out, "Reason: Debt of $3,200.00 ≥ 2 installments of $1,500.00\n"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "tramite", "new", "--plan", "PL-0001", "--amount", "122,500.00", "--date", f->today_s, NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "life insurance is never included"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "tramite", "new", "--plan", "PL-0001", NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "tramite", "move", folio, "3", NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "moved from step 2 (Registered) to step 3 (Documents and payment)."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "tramite", "move", folio, "4", NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Steps 4 to 6 are Conauto’s"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* Issue 12: the Conauto liaison is gone; Conauto's steps arrive through the sync or its
     * signed update file only. */
    const char *argv[] = { "tramite", "conauto-step", folio, "4", NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "“conauto-step” is not a tramite command."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *pdf = gest_test_data_path ("letter-a4.pdf");
    g_autofree char *png = gest_test_data_path ("scan.png");
    const char *pay[] = { "tramite", "check", folio, "payment", "--amount", "90000", "--date", f->today_s,
                          "--reference", "SPEI-77", "--proof", pdf, NULL };
    const char *docs[] = { "tramite", "check", folio, "docs-sent", NULL };
    const char *id[] = { "tramite", "attach", folio, "identification", png, NULL };
    g_autofree char *sql = NULL;

    g_assert_cmpint (run_cli (f, pay, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Linked as the customer’s payment proof."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    /* T5: the payment proof alone is not the documents sent to Conauto. */
    g_assert_cmpint (run_cli (f, docs, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "has no documents email sent and no documents attached"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, id, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, docs, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    /* Conauto verifies the deposit: its sync brings step 4. */
    sql = g_strdup_printf ("INSERT INTO sync_applying (one) VALUES (1);"
                           "UPDATE tramites SET step = 4 WHERE folio = '%s';"
                           "DELETE FROM sync_applying;", folio);
    exec_sql (f->store, sql);
  }
  {
    const char *argv[] = { "tramite", "move", folio, "x", NULL };
    const char *unknown[] = { "tramite", "show", "LIQ-1999-000009", NULL };
    const char *item[] = { "tramite", "check", folio, "coffee", NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "“x” is not a step: write a number from 1 to 8."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, unknown, &out, &err), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, item, &out, &err), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "tramite", "show", folio, NULL };

    g_assert_cmpint (run_cli (f, argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Step: 4 (Deposit verified)"));
    g_assert_nonnull (strstr (out, "Customer: María Pérez López\n"));
    g_assert_nonnull (strstr (out, "Agreed amount: $90,000.00\n"));
    g_assert_nonnull (strstr (out, "Notes: Llamada con Conauto\n"));
    g_assert_nonnull (strstr (out, "  Life insurance (not included): $1,800.00\n"));
    g_assert_nonnull (strstr (out, "Routing: Cobranza Extrajudicial (52 28 70 70) [cobranza-extrajudicial]\n"));
    g_assert_nonnull (strstr (out, "  Thresholds used: $500.00; 2 installments\n"));
    g_assert_nonnull (strstr (out, "  [x] Documents sent to Conauto ("));
    g_assert_nonnull (strstr (out, "reference SPEI-77"));
    g_assert_nonnull (strstr (out, "  [ ] Car insurance cancelled\n"));
    g_assert_nonnull (strstr (out, "payment-proof\tletter-a4.pdf"));
    g_assert_nonnull (strstr (out, "Documents sent to Conauto."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *count[] = { "tramite", "list", "--count", NULL };
    const char *step4[] = { "tramite", "list", "--step", "4", "--count", NULL };
    const char *list[] = { "tramite", "list", NULL };

    g_assert_cmpint (run_cli (f, count, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "4\tDeposit verified\t1\n"));
    g_assert_nonnull (strstr (out, "2\tRegistered\t0\n"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, step4, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "1\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (f, list, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, folio));
    g_assert_nonnull (strstr (out, "\t4\tMaría Pérez López\t$90,000.00\t"));
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/tramite/T1/statement", test_statement);
  ADD ("/tramite/T3/create", test_create);
  ADD ("/tramite/T2/routing-areas", test_routing_areas);
  ADD ("/tramite/T2/routing-recorded", test_routing_recorded);
  ADD ("/tramite/T3/bad-input-writes-nothing", test_bad_input);
  ADD ("/tramite/T3/form-values-save", test_values_save);
  ADD ("/tramite/T5-T6-T7/walk-to-finished", test_walk_to_finished);
  ADD ("/tramite/T5/payment-frozen-after-step-3", test_payment_frozen);
  ADD ("/tramite/T3/folios-two-processes", test_folios_two_processes);
  ADD ("/tramite/cli", test_cli);

  return g_test_run ();
}
