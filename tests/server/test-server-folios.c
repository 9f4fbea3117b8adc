/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folios across dealers (#16.3, T5, T7) and the plans loader's empty file (#16.9), against a
 * real PostgreSQL 15 and gestiona-server (tests/server/pg-env.sh). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gest-date.h"
#include "gest-search.h"
#include "gest-sync-client.h"
#include "gest-test-util.h"
#include "gest-tramite.h"
#include "gest-server-test-util.h"
#include "sync-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define TRAMITE "\"entity\": \"tramite\""

static JsonObject *
push_tramite (TestDevice *device,
              gint64      n,
              const char *uuid,
              const char *fields_json)
{
  g_autofree char *m = g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", " TRAMITE ", \"uuid\": \"%s\","
                                        " \"op\": \"upsert\", \"base_version\": 0, \"fields\": %s}",
                                        n, uuid, fields_json);

  return test_push_one (device, m);
}

/* The dealer's number, as the server keeps it. */
static int
dealer_number (const char *dealer_id)
{
  PGconn *conn = test_pg_connect (TRUE);
  g_autoptr(PGresult) res = test_pg (conn, "SELECT number FROM dealers WHERE id = $1", 1, dealer_id);
  int number;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (res), ==, 1);
  g_assert_false (PQgetisnull (res, 0, 0));
  number = atoi (PQgetvalue (res, 0, 0));
  PQfinish (conn);
  return number;
}

/* The step of @uuid's trámite on the server. */
static gint64
server_step (const char *dealer_id,
             const char *uuid)
{
  PGconn *conn = test_pg_connect (TRUE);
  g_autoptr(PGresult) res = test_pg (conn, "SELECT (data ->> 'step')::bigint FROM records"
                                           " WHERE dealer_id = $1 AND entity = 'tramite' AND uuid = $2",
                                     2, dealer_id, uuid);
  gint64 step;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (res), ==, 1);
  step = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQfinish (conn);
  return step;
}

static void
add_plan (GestStore *store)
{
  sync_test_exec (store, "INSERT INTO customers (uuid, name, city) "
                         "VALUES ('c0000000-0000-4000-8000-0000000000ff', 'Rosa Díaz', 'Puebla')");
  sync_test_exec (store, "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of) "
                         "VALUES ('f0000000-0000-4000-8000-0000000000ff', 'PL-900', "
                         "'c0000000-0000-4000-8000-0000000000ff', 250000, 8500000, '2026-11-30')");
}

/* T5: the first device of two dealers is device 1 in both; their first folios differ, each
 * carries its dealer's number, and both reach the server. */
static void
test_folios_of_two_dealers_differ (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *dealer_a = sync_test_new_dealer ("Ford Satélite");
  g_autofree char *dealer_b = sync_test_new_dealer ("Ford Puebla");
  g_autoptr(GestStore) a = sync_test_new_desktop (dir, "a.db", dealer_a);
  g_autoptr(GestStore) b = sync_test_new_desktop (dir, "b.db", dealer_b);
  g_autoptr(GestTramite) ta = NULL;
  g_autoptr(GestTramite) tb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expect_a = NULL;
  g_autofree char *expect_b = NULL;
  g_autofree char *on_server = NULL;
  GDate today;

  g_assert_cmpint (sync_test_query_int (a, "SELECT value FROM sync_state WHERE key = 'device-number'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (b, "SELECT value FROM sync_state WHERE key = 'device-number'"), ==, 1);

  add_plan (a);
  add_plan (b);
  gest_date_today (&today);
  ta = gest_tramite_create (a, "PL-900", 8400000, &today, NULL, &error);
  g_assert_no_error (error);
  tb = gest_tramite_create (b, "PL-900", 8400000, &today, NULL, &error);
  g_assert_no_error (error);

  g_test_message ("dealer A's first folio %s, dealer B's %s", ta->folio, tb->folio);
  g_assert_cmpstr (ta->folio, !=, tb->folio);
  g_assert_cmpint (dealer_number (dealer_a), !=, dealer_number (dealer_b));
  expect_a = g_strdup_printf ("LIQ-%04d-%03d-010001", g_date_get_year (&today), dealer_number (dealer_a));
  expect_b = g_strdup_printf ("LIQ-%04d-%03d-010001", g_date_get_year (&today), dealer_number (dealer_b));
  g_assert_cmpstr (ta->folio, ==, expect_a);
  g_assert_cmpstr (tb->folio, ==, expect_b);

  /* The whole folio typed into the global search finds it (21 characters at most). */
  {
    g_autoptr(GPtrArray) hits = gest_search_run (a, ta->folio, 10, &error);
    GestSearchHit *hit;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
    hit = g_ptr_array_index (hits, 0);
    g_assert_cmpstr (hit->title, ==, ta->folio);
  }

  sync_test_sync (a);
  sync_test_sync (b);
  g_assert_cmpint (gest_sync_count_pending (a), ==, 0);
  g_assert_cmpint (gest_sync_count_pending (b), ==, 0);
  on_server = sync_test_psql ("SELECT count (DISTINCT data ->> 'folio') FROM records WHERE entity = 'tramite'"
                              " AND data ->> 'folio' LIKE 'LIQ-%-010001'");
  g_assert_cmpstr (on_server, ==, "2");

  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* T7: two dealers with the same (legacy) folio. `advance FOLIO STEP` names both dealers and
 * moves neither; `advance DEALER FOLIO STEP`, the dealer by id or number, moves only that
 * dealer's trámite. */
static void
test_admin_advance_names_dealer (void)
{
  g_autofree char *dealer_a = test_new_dealer ("Ford Satélite");
  g_autofree char *dealer_b = test_new_dealer ("Ford Puebla");
  g_autoptr(TestDevice) da = test_enroll (dealer_a, "Caja");
  g_autoptr(TestDevice) db = test_enroll (dealer_b, "Caja");
  g_autofree char *ta = g_uuid_string_random ();
  g_autofree char *tb = g_uuid_string_random ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *number_b = NULL;
  g_autoptr(JsonObject) ra = NULL;
  g_autoptr(JsonObject) rb = NULL;
  PGconn *owner;
  int status = 0;

  /* Both dealers' first devices, from before dealer numbers: LIQ-2026-010001. */
  ra = push_tramite (da, 1, ta, "{\"folio\": \"LIQ-2026-010001\", \"step\": 3}");
  rb = push_tramite (db, 1, tb, "{\"folio\": \"LIQ-2026-010001\", \"step\": 3}");
  g_assert_cmpstr (json_object_get_string_member (ra, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (rb, "status"), ==, "applied");
  /* Conauto has verified A's deposit (step 4) already: its payment, proof and documents. */
  owner = test_pg_connect (TRUE);
  g_clear_pointer (&ra, json_object_unref);
  {
    g_autoptr(PGresult) res = test_pg (owner, "UPDATE records SET data = data || '{\"step\": 4, \"payment_amount\": 8400000,"
                                              " \"payment_date\": \"2026-12-01\", \"payment_reference\": \"SPEI 1\","
                                              " \"payment_proof_uuid\": \"d0000000-0000-4000-8000-000000000001\","
                                              " \"docs_sent_at\": 1764547200000000}'::jsonb"
                                              " WHERE dealer_id = $1 AND uuid = $2",
                                       2, dealer_a, ta);
    g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  }
  PQfinish (owner);

  /* Ambiguous: the error lists both dealers, and nothing moves. */
  out = test_admin (&status, &err, "advance", "LIQ-2026-010001", "5", NULL);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is in 2 dealers"));
  g_assert_nonnull (strstr (err, dealer_a));
  g_assert_nonnull (strstr (err, dealer_b));
  g_assert_nonnull (strstr (err, "Ford Satélite"));
  g_assert_nonnull (strstr (err, "Ford Puebla"));
  g_assert_cmpint (server_step (dealer_a, ta), ==, 4);
  g_assert_cmpint (server_step (dealer_b, tb), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Named by id: only A's moves. */
  out = test_admin (&status, &err, "advance", dealer_a, "LIQ-2026-010001", "5", NULL);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "step 5"));
  g_assert_cmpint (server_step (dealer_a, ta), ==, 5);
  g_assert_cmpint (server_step (dealer_b, tb), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Named by number: B's, whose step 4 needs what it does not have yet (T6). */
  number_b = g_strdup_printf ("%d", dealer_number (dealer_b));
  out = test_admin (&status, &err, "advance", number_b, "LIQ-2026-010001", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "cannot move to step 4 yet"));
  g_assert_cmpint (server_step (dealer_b, tb), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The other admin commands take the number too. */
  out = test_admin (&status, &err, "enroll-code", number_b, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (strlen (out), ==, 14);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A dealer that does not have the folio, and a dealer that does not exist. */
  out = test_admin (&status, &err, "advance", dealer_b, "LIQ-2026-010002", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "This dealer has no trámite with the folio LIQ-2026-010002"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = test_admin (&status, &err, "advance", "998", "LIQ-2026-010001", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no dealer 998"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = test_admin (&status, &err, "advance", "Ford", "LIQ-2026-010001", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "names no dealer"));
}

/* T7: a dealer's device cannot push a trámite with a folio of another dealer's series (it
 * would shadow that dealer's trámite for Conauto); its own series is applied, and a folio of
 * the dealer form finds the trámite without naming the dealer. */
static void
test_push_of_other_dealers_folio_rejected (void)
{
  g_autofree char *dealer_a = test_new_dealer ("Ford Satélite");
  g_autofree char *dealer_b = test_new_dealer ("Ford Puebla");
  g_autoptr(TestDevice) da = test_enroll (dealer_a, "Caja");
  g_autoptr(TestDevice) db = test_enroll (dealer_b, "Caja");
  g_autofree char *folio_a = g_strdup_printf ("LIQ-2026-%03d-010001", dealer_number (dealer_a));
  g_autofree char *folio_b = g_strdup_printf ("LIQ-2026-%03d-010001", dealer_number (dealer_b));
  g_autofree char *fields = NULL;
  g_autofree char *ta = g_uuid_string_random ();
  g_autofree char *tb = g_uuid_string_random ();
  g_autofree char *tb2 = g_uuid_string_random ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *r;
  int status = 0;

  fields = g_strdup_printf ("{\"folio\": \"%s\", \"step\": 3}", folio_a);
  r = push_tramite (da, 1, ta, fields);
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "applied");
  json_object_unref (r);

  /* B takes A's folio, as a new trámite or by renaming its own. */
  r = push_tramite (db, 1, tb, fields);
  g_test_message ("%s", json_object_get_string_member_with_default (r, "error", ""));
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "rejected");
  g_assert_nonnull (strstr (json_object_get_string_member (r, "error"), "is in the series of dealer number"));
  json_object_unref (r);
  g_free (fields);
  fields = g_strdup_printf ("{\"folio\": \"%s\", \"step\": 3}", folio_b);
  r = push_tramite (db, 2, tb2, fields);
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "applied");
  json_object_unref (r);
  g_free (fields);
  fields = g_strdup_printf ("{\"folio\": \"%s\"}", folio_a);
  r = push_tramite (db, 3, tb2, fields);
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "rejected");
  json_object_unref (r);

  /* Only A has the folio, so Conauto needs no dealer for it. */
  out = test_admin (&status, &err, "advance", folio_a, "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "cannot move to step 4 yet"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* A folio of A's series is never looked for in B. */
  out = test_admin (&status, &err, "advance", dealer_b, folio_a, "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "This dealer has no trámite with the folio"));
}

/* #16.9: an empty plans file (and one of blank lines) is an error that says so, not a crash. */
static void
test_load_plans_empty_csv (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *empty = g_build_filename (dir, "empty.csv", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.csv", NULL);
  g_autofree char *header_only = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *dealer = test_new_dealer ("Ford Satélite");
  g_autofree char *number = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (blank, "\n", -1, NULL));
  g_assert_true (g_file_set_contents (header_only, "\xef\xbb\xbfnumber,balance,overdue,installment,life_insurance,as_of\r\n",
                                      -1, NULL));

  out = test_admin (&status, &err, "load-plans", dealer, empty, NULL);
  g_test_message ("status %d: %s", status, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is empty: a plans file starts with the header number,balance,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = test_admin (&status, &err, "load-plans", dealer, blank, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is empty"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A header alone (with the byte order mark a spreadsheet writes) loads nothing. The dealer
   * may be named by its number too (#16.3). */
  number = g_strdup_printf ("%d", dealer_number (dealer));
  out = test_admin (&status, &err, "load-plans", number, header_only, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Loaded 0 plans (0 new).");

  g_unlink (empty);
  g_unlink (blank);
  g_unlink (header_only);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* T5: a desktop enrolled before dealer numbers (no dealer-number kept) learns its dealer's
 * number from its next pull, and its next folio carries it. */
static void
test_old_desktop_learns_dealer_number (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *dealer = sync_test_new_dealer ("Ford Tlaxcala");
  g_autoptr(GestStore) store = sync_test_new_desktop (dir, "a.db", dealer);
  g_autoptr(GestTramite) before = NULL;
  g_autoptr(GestTramite) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expect = NULL;
  GDate today;

  sync_test_exec (store, "DELETE FROM sync_state WHERE key = 'dealer-number'");
  add_plan (store);
  gest_date_today (&today);
  before = gest_tramite_create (store, "PL-900", 8400000, &today, NULL, &error);
  g_assert_no_error (error);
  expect = g_strdup_printf ("LIQ-%04d-010001", g_date_get_year (&today));
  g_assert_cmpstr (before->folio, ==, expect);

  sync_test_sync (store);
  g_assert_cmpint (sync_test_query_int (store, "SELECT value FROM sync_state WHERE key = 'dealer-number'"),
                   ==, dealer_number (dealer));
  /* The legacy trámite is closed, so the plan may have another. */
  sync_test_exec (store, "UPDATE tramites SET step = 8, invoice_released_at = '2026-12-01', "
                         "invoice_delivered_at = '2026-12-01', ack_returned_at = '2026-12-01'");
  after = gest_tramite_create (store, "PL-900", 8400000, &today, NULL, &error);
  g_assert_no_error (error);
  g_free (expect);
  expect = g_strdup_printf ("LIQ-%04d-%03d-010001", g_date_get_year (&today), dealer_number (dealer));
  g_assert_cmpstr (after->folio, ==, expect);
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

  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test test-server-folios).\n");
      return 1;
    }

  g_test_add_func ("/server/T5/16.3/folios-of-two-dealers-differ", test_folios_of_two_dealers_differ);
  g_test_add_func ("/server/T7/16.3/admin-advance-names-dealer", test_admin_advance_names_dealer);
  g_test_add_func ("/server/T7/16.3/push-of-other-dealers-folio-rejected", test_push_of_other_dealers_folio_rejected);
  g_test_add_func ("/server/16.9/load-plans-empty-csv", test_load_plans_empty_csv);
  /* Last: its legacy folio would be a third dealer's LIQ-YYYY-010001 for admin-advance-names-dealer. */
  g_test_add_func ("/server/X3/16.3/old-desktop-learns-dealer-number", test_old_desktop_learns_dealer_number);

  return g_test_run ();
}
