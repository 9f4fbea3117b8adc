/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12: merging two customers found to be the same person. Vehicles, plans and the
 * modules' records move in one transaction, the merged customer is deleted, both logs say what
 * moved and why; a merge into itself, into a deleted customer, without a reason or without the
 * permission is refused, and a step that fails leaves nothing half-written. */
#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-customer-merge.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-user.h"

#define FROM "11111111-1111-4111-8111-111111111111"
#define INTO "22222222-2222-4222-8222-222222222222"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "merge.db", NULL);
  f->store = gest_store_open (path, NULL);
  g_assert_nonnull (f->store);
  g_assert_true (gest_store_exec (f->store,
    "INSERT INTO customers (uuid, name, rfc) VALUES"
    " ('" FROM "', 'Diego Gonzalez', 'GODE561231GR8'), ('" INTO "', 'Diego González Escobar', 'GODE561231GR8');"
    "INSERT INTO vehicles (uuid, vin, model, customer_uuid) VALUES"
    " ('v1', '1M8GDM9AXKP042788', 'Aveo', '" FROM "'), ('v2', '11111111111111111', 'Spark', '" FROM "'),"
    " ('v3', '22222222222222222', 'Onix', '" INTO "');"
    "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance, as_of) VALUES"
    " ('p1', '1042-070', '" FROM "', 'v1', 345600, 10488000, '2026-11-01');"
    "INSERT INTO tramites (uuid, folio, plan_uuid, step_since, agreed_amount, agreed_date, statement_balance,"
    " statement_overdue, statement_installment, statement_life_insurance, statement_as_of, routing_area,"
    " routing_reason, routing_low_limit, routing_installments, created_at)"
    " VALUES ('t1', 'LIQ-2026-000001', 'p1', 0, 100, '2026-12-01', 10488000, 0, 345600, 0, '2026-11-01',"
    " 'collections', '', 0, 0, 0);",
    NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

static const char *
last_log_text (GestStore  *store,
               const char *uuid,
               GPtrArray **out_log)
{
  *out_log = gest_activity_log_list (store, uuid, NULL);
  g_assert_nonnull (*out_log);
  if ((*out_log)->len == 0)
    return NULL;
  return ((GestActivityEntry *) (*out_log)->pdata[(*out_log)->len - 1])->text;
}

/* The records the customer page lists through the modules' links. */
static gint64
linked_records (GestStore  *store,
                const char *customer)
{
  GPtrArray *modules = gest_domain_modules_get ();
  gint64 n = 0;

  for (guint i = 0; i < modules->len; i++)
    {
      guint n_links = 0;
      const GestCustomerLink *links = gest_domain_module_get_customer_links (modules->pdata[i], &n_links);

      for (guint j = 0; j < n_links; j++)
        {
          g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, links[j].list_sql, NULL);

          g_assert_nonnull (stmt);
          sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":customer"), customer, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            n++;
        }
    }
  return n;
}

static void
test_merge_moves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) from_log = NULL;
  g_autoptr(GPtrArray) into_log = NULL;
  g_autoptr(GError) error = NULL;

  gint64 outbox;

  g_assert_cmpint (linked_records (f->store, FROM), ==, 1);
  outbox = gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE uuid = '" FROM "'");
  g_assert_true (gest_customers_merge (f->store, FROM, INTO, "Same RFC, registered twice", &error));
  g_assert_no_error (error);

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM vehicles WHERE customer_uuid = '" INTO "'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE customer_uuid = '" INTO "'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT deleted FROM customers WHERE uuid = '" FROM "'"), ==, 1);
  g_assert_cmpint (linked_records (f->store, INTO), ==, 1);
  g_assert_cmpint (linked_records (f->store, FROM), ==, 0);
  /* The sync carries the moves and the deletion. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE uuid = '" FROM "'"), ==,
                   outbox + 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE uuid = 'p1'"), ==, 2);

  g_assert_cmpstr (last_log_text (f->store, FROM, &from_log), ==,
                   "Merged into Diego González Escobar (GODE561231GR8): 2 vehicles, 1 plan and 0 other records moved there. Reason: Same RFC, registered twice");
  g_assert_cmpstr (last_log_text (f->store, INTO, &into_log), ==,
                   "Diego Gonzalez (GODE561231GR8) merged into this customer: 2 vehicles, 1 plan and 0 other records moved here. Reason: Same RFC, registered twice");
}

static void
test_merge_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_customers_merge (f->store, FROM, FROM, "Same person", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "A customer cannot be merged into itself. Choose the other customer, the one with the same person’s records.");
  g_clear_error (&error);

  g_assert_false (gest_customers_merge (f->store, FROM, INTO, "  ", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "Write why the two customers are the same person (same RFC, same phone…): the reason stays in both customers’ logs.");
  g_clear_error (&error);

  g_assert_true (gest_store_exec (f->store, "UPDATE customers SET deleted = 1 WHERE uuid = '" INTO "'", NULL));
  g_assert_false (gest_customers_merge (f->store, FROM, INTO, "Same person", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "One of the two customers is no longer there: it was merged into another or deleted. Search for the customer again.");
  g_clear_error (&error);
  g_assert_true (gest_store_exec (f->store, "UPDATE customers SET deleted = 0 WHERE uuid = '" INTO "'", NULL));

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_false (gest_customers_merge (f->store, FROM, INTO, "Same person", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM vehicles WHERE customer_uuid = '" FROM "'"), ==, 2);
}

/* The last step (the merged customer's deletion) fails: the vehicles and plans moved before
 * it move back, and no log entry stays. */
static void
test_merge_whole_or_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (f->store,
                                  "CREATE TRIGGER test_refuse_delete BEFORE UPDATE OF deleted ON customers"
                                  " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;", NULL));
  g_assert_false (gest_customers_merge (f->store, FROM, INTO, "Same person", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM vehicles WHERE customer_uuid = '" FROM "'"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE customer_uuid = '" FROM "'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/customers/merge/moves-and-logs", Fixture, NULL, fixture_setup, test_merge_moves, fixture_teardown);
  g_test_add ("/customers/merge/refusals", Fixture, NULL, fixture_setup, test_merge_refusals, fixture_teardown);
  g_test_add ("/customers/merge/whole-or-nothing", Fixture, NULL, fixture_setup, test_merge_whole_or_nothing,
              fixture_teardown);

  return g_test_run ();
}
