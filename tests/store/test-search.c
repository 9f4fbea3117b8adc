/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Global search (issue 2, store; FTS5 over customers, plans, vehicles and folios). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-search.h"
#include "gest-test-util.h"

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
  g_autoptr(GError) error = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "search.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  gest_store_exec (f->store,
                   "INSERT INTO customers (uuid, name, rfc, email, city) VALUES"
                   " ('c1', 'José Núñez Hernández', 'NUHJ800101AB1', 'jose@example.com', 'Zapopan'),"
                   " ('c2', 'María García López', 'GALM750505XY2', 'maria@example.com', 'Puebla'),"
                   " ('c3', 'Transportes del Bajío, S.A. de C.V.', 'TBA010101AA1', '', 'León');"
                   "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
                   " ('v1', '3FADP4AJ5GM123456', 'Figo', 2016, 'ABC-123-D', 'c1');"
                   "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance, as_of) VALUES"
                   " ('p1', '1042-017', 'c1', 'v1', 350000, 7000000, '2026-11-01'),"
                   " ('p2', '2077-003', 'c2', NULL, 250000, 500000, '2026-11-01');"
                   "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount, agreed_date,"
                   " statement_balance, statement_overdue, statement_installment, statement_life_insurance,"
                   " statement_as_of, routing_area, routing_reason, routing_low_limit, routing_installments, created_at)"
                   " VALUES ('t1', 'LIQ-2026-000123', 'p1', 2, 0, 6900000, '2026-12-01', 7000000, 0, 350000, 0,"
                   " '2026-11-01', 'atencion-clientes', 'x', 50000, 2, 0);",
                   &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static GPtrArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = gest_search_run (f->store, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static GestSearchHit *
hit (GPtrArray *hits,
     guint      i)
{
  g_assert_cmpuint (i, <, hits->len);
  return g_ptr_array_index (hits, i);
}

static void
test_customer_accent_insensitive (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) a = search (f, "nunez");
  g_autoptr(GPtrArray) b = search (f, "NÚÑEZ hern");

  /* Title hits (the customer) come before context hits (plan, vehicle, trámite). */
  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpstr (hit (a, 0)->kind, ==, GEST_HIT_CUSTOMER);
  g_assert_cmpstr (hit (a, 0)->uuid, ==, "c1");
  g_assert_cmpstr (hit (a, 0)->title, ==, "José Núñez Hernández");
  g_assert_nonnull (strstr (hit (a, 0)->subtitle, "NUHJ800101AB1"));
  g_assert_cmpuint (b->len, ==, 4);
  g_assert_cmpstr (hit (b, 0)->uuid, ==, "c1");
}

static void
test_plan_vehicle_folio (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) plan = search (f, "1042-017");
  g_autoptr(GPtrArray) vin = search (f, "3fadp4aj");
  g_autoptr(GPtrArray) folio = search (f, "LIQ-2026-000123");
  g_autoptr(GPtrArray) folio_prefix = search (f, "liq 2026 0001");

  g_assert_cmpstr (hit (plan, 0)->kind, ==, GEST_HIT_PLAN);
  g_assert_cmpstr (hit (plan, 0)->uuid, ==, "p1");
  g_assert_cmpstr (hit (vin, 0)->kind, ==, GEST_HIT_VEHICLE);
  g_assert_cmpuint (vin->len, ==, 1);
  g_assert_cmpstr (hit (folio, 0)->kind, ==, "tramite");
  g_assert_cmpstr (hit (folio, 0)->title, ==, "LIQ-2026-000123");
  g_assert_cmpstr (hit (folio_prefix, 0)->uuid, ==, "t1");
}

/* User text never reaches the MATCH syntax: operators and quotes are just separators. */
static void
test_syntax_is_not_interpreted (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const texts[] = { "\"", "*", "OR", "garcia OR nunez", "NEAR(a b)", "c1:", "-", "title:maria", "^" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = gest_search_run (f->store, texts[i], 20, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      if (g_str_equal (texts[i], "garcia OR nunez"))
        g_assert_cmpuint (hits->len, ==, 0);   /* AND of three words, "or" matches nothing */
      if (g_str_equal (texts[i], "title:maria"))
        g_assert_cmpuint (hits->len, >=, 0);
    }
}

/* Words before the last are whole words first; when that finds nothing, every word is a
 * prefix ("jos nun" still finds José Núñez). */
static void
test_partial_words_fallback (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) partial = search (f, "jos nun");
  g_autoptr(GPtrArray) whole = search (f, "maria garc");

  g_assert_cmpstr (hit (partial, 0)->uuid, ==, "c1");
  g_assert_cmpstr (hit (whole, 0)->uuid, ==, "c2");
}

static void
test_empty_and_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = search (f, "   ");
  g_autoptr(GPtrArray) none = search (f, "zzzzzz");
  g_autoptr(GPtrArray) limited = gest_search_run (f->store, "nunez", 2, NULL);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (limited->len, ==, 2);
}

/* Triggers keep the index in step with edits and tombstones. */
static void
test_index_follows_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) old_name = NULL;
  g_autoptr(GPtrArray) new_name = NULL;
  g_autoptr(GPtrArray) deleted = NULL;

  g_assert_true (gest_store_exec (f->store, "UPDATE customers SET name = 'María García Ibarra' WHERE uuid = 'c2'", NULL));
  old_name = search (f, "lopez");
  new_name = search (f, "ibarra");
  g_assert_cmpuint (old_name->len, ==, 0);
  g_assert_cmpstr (hit (new_name, 0)->uuid, ==, "c2");

  g_assert_true (gest_store_exec (f->store, "UPDATE vehicles SET deleted = 1 WHERE uuid = 'v1'", NULL));
  deleted = search (f, "3FADP4AJ5GM123456");
  g_assert_cmpuint (deleted->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/search/customer-accent-insensitive", test_customer_accent_insensitive);
  ADD ("/search/plan-vehicle-folio", test_plan_vehicle_folio);
  ADD ("/search/syntax-not-interpreted", test_syntax_is_not_interpreted);
  ADD ("/search/partial-words-fallback", test_partial_words_fallback);
  ADD ("/search/empty-and-limit", test_empty_and_limit);
  ADD ("/search/index-follows-changes", test_index_follows_changes);
#undef ADD

  return g_test_run ();
}
