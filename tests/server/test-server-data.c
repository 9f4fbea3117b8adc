/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gestiona-server against a real PostgreSQL 15 (run by tests/server/pg-env.sh): what a push may
 * hold (issue 16, items 4 to 6). A mutation whose values PostgreSQL would refuse, or that the
 * JSON tree hides (NUL, integers past 64 bits), is rejected with a reason and the rest of the
 * page is applied; the activity log is append-only (X5); uuids are canonical; a pull cursor the
 * server never gave is 400. */
#include "config.h"

#include <string.h>

#include "gest-server-test-util.h"

static const char *
status_of (JsonArray *results,
           guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (results, i), "status");
}

static void
assert_rejected (JsonArray  *results,
                 guint       i,
                 const char *message_part)
{
  JsonObject *result = json_array_get_object_element (results, i);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  if (strstr (json_object_get_string_member (result, "error"), message_part) == NULL)
    g_error ("rejection “%s” does not say “%s”", json_object_get_string_member (result, "error"),
             message_part);
}

static char *
customer (gint64      n,
          const char *uuid,
          const char *fields_json)
{
  return g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", \"entity\": \"customer\", \"uuid\": \"%s\","
                          " \"op\": \"upsert\", \"fields\": %s}", n, uuid, fields_json);
}

/* Pushes a page of three customers: a valid one, one with @bad_fields, a valid one. Asserts 200,
 * the first and last applied, the middle one rejected saying @reason, and a replay of the page
 * getting the same results; returns the pull of the dealer. */
static JsonArray *
push_bad_between_good (const char *bad_fields,
                       const char *reason)
{
  g_autofree char *dealer = test_new_dealer ("Datos");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *c = g_uuid_string_random ();
  g_autofree char *m1 = customer (1, a, "{\"name\": \"Ana\"}");
  g_autofree char *m2 = customer (2, b, bad_fields);
  g_autofree char *m3 = customer (3, c, "{\"name\": \"Carlos\"}");
  g_autofree char *page = g_strconcat (m1, ",", m2, ",", m3, NULL);
  g_autoptr(JsonArray) results = test_push (NULL, dev, page);
  g_autoptr(JsonArray) replay = test_push (NULL, dev, page);
  JsonArray *changes;

  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_cmpstr (status_of (results, 0), ==, "applied");
  assert_rejected (results, 1, reason);
  g_assert_cmpstr (status_of (results, 2), ==, "applied");
  /* The later valid mutation got the next version: the bad one took none. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 2), "version"), ==, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_true (json_object_equal (json_array_get_object_element (results, i),
                                      json_array_get_object_element (replay, i)));

  changes = test_pull_all (NULL, dev, 0, 100);
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  g_assert_nonnull (test_find_change (changes, a));
  g_assert_null (test_find_change (changes, b));
  g_assert_nonnull (test_find_change (changes, c));
  return changes;
}

static void
test_1e400 (void)
{
  g_autoptr(JsonArray) changes = push_bad_between_good ("{\"name\": \"Beto\", \"credit\": 1e400}", "finite number");
}

static void
test_lone_surrogate (void)
{
  /* json-glib 1.6 writes a lone surrogate as the bytes ED A0 80 (not UTF-8) and swallows the
   * character after it (a quote right after it makes the body invalid JSON: 400). */
  g_autoptr(JsonArray) changes = push_bad_between_good ("{\"name\": \"Beto\\ud800 Mal\"}", "surrogate");
  g_autoptr(JsonArray) key = push_bad_between_good ("{\"name\": {\"x\\udc00yz\": 1}}", "surrogate");
}

static void
test_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"name\": ");
  g_autoptr(JsonArray) changes = NULL;

  /* Deeper than records nest (16) but well under any limit on the whole body. */
  for (guint i = 0; i < 30; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 30; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  changes = push_bad_between_good (deep->str, "nests deeper");
}

/* 20,000 levels: json-glib parses them, PostgreSQL refuses them. Never a 503 "send again": the
 * mutation is rejected (or, when the HTTP layer refuses such nesting before parsing, the push
 * is a 400, which the desktop narrows down to the one mutation and rejects). */
static void
test_nesting_20000 (void)
{
  g_autofree char *dealer = test_new_dealer ("Profundo");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(TestReply) reply = NULL;

  g_string_append_printf (body, "{\"mutations\": [{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\","
                          " \"op\": \"upsert\", \"fields\": {\"name\": ", uuid);
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (body, '[');
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (body, ']');
  g_string_append (body, "}}]}");
  reply = test_post_json (NULL, "/v1/push", dev->token, body->str);
  g_assert_cmpuint (reply->status, !=, 503);
  if (reply->status == 200)
    {
      JsonArray *results = json_object_get_array_member (json_node_get_object (reply->json), "results");

      assert_rejected (results, 0, "nests deeper");
    }
  else
    g_assert_cmpuint (reply->status, ==, 400);
}

static void
test_integer_overflow (void)
{
  /* json-glib would store -1. */
  g_autoptr(JsonArray) changes = push_bad_between_good ("{\"name\": \"Beto\", \"km\": 99999999999999999999}", "64 bits");
}

static void
test_nul (void)
{
  /* json-glib cuts strings and names at the NUL: "Beto" and "na" would be stored. */
  g_autoptr(JsonArray) value = push_bad_between_good ("{\"name\": \"Beto\\u0000 DROP\"}", "NUL");
  g_autoptr(JsonArray) name = push_bad_between_good ("{\"name\": \"Beto\", \"na\\u0000me\": \"x\"}", "NUL");
  /* An escaped backslash before u0000 is text, not a NUL. */
  g_autofree char *dealer = test_new_dealer ("Barra");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *m = customer (1, uuid, "{\"name\": \"C:\\\\u0000\"}");
  g_autoptr(JsonObject) result = test_push_one (dev, m);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 100);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (test_find_change (changes, uuid), "fields"), "name"),
                   ==, "C:\\u0000");
}

static void
test_uppercase_uuid (void)
{
  g_autofree char *dealer = test_new_dealer ("Mayúsculas");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *lower = g_uuid_string_random ();
  g_autofree char *upper = g_ascii_strup (lower, -1);
  g_autofree char *m1 = customer (1, lower, "{\"name\": \"Ana\"}");
  g_autofree char *m2 = customer (2, upper, "{\"name\": \"Ana bis\"}");
  g_autofree char *page = g_strconcat (m1, ",", m2, NULL);
  g_autoptr(JsonArray) results = test_push (NULL, dev, page);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 100);

  g_assert_cmpstr (status_of (results, 0), ==, "applied");
  assert_rejected (results, 1, "lower case");
  /* One record, under its canonical uuid, unchanged by the upper-case mutation. */
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (test_find_change (changes, lower), "fields"), "name"),
                   ==, "Ana");
}

static void
test_unknown_cursor (void)
{
  g_autofree char *dealer = test_new_dealer ("Cursor");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *m = customer (1, uuid, "{\"name\": \"Ana\"}");
  g_autoptr(JsonObject) result = test_push_one (dev, m);
  const char *bad[] = { "2", "999999", "01", "+1", "-1", "abc", "1.0", "99999999999999999999" };

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (bad[i], NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s", escaped);
      g_autoptr(TestReply) reply = test_http (NULL, "GET", path, dev->token, NULL, NULL, NULL);

      if (reply->status != 400)
        g_error ("cursor %s: %u, not 400", bad[i], reply->status);
      g_assert_nonnull (strstr (test_reply_error (reply), "not one this server gave"));
    }
  /* The cursors it gave still work: the last version, and 0. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TestReply) reply = test_http (NULL, "GET", i == 0 ? "/v1/pull?cursor=1" : "/v1/pull?cursor=0",
                                              dev->token, NULL, NULL, NULL);

      g_assert_cmpuint (reply->status, ==, 200);
    }
}

static char *
activity (gint64      n,
          const char *uuid,
          const char *op,
          const char *text)
{
  return g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", \"entity\": \"activity\", \"uuid\": \"%s\","
                          " \"op\": \"%s\", \"fields\": {\"record_uuid\": \"r1\", \"seq\": 1, \"kind\": \"note\","
                          " \"text\": \"%s\", \"hash\": \"h1\"}}", n, uuid, op, text);
}

static JsonObject *
entry_fields (TestDevice *dev,
              const char *uuid,
              gint64     *out_version,
              gboolean   *out_deleted)
{
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 100);
  JsonObject *change = test_find_change (changes, uuid);

  g_assert_nonnull (change);
  *out_version = json_object_get_int_member (change, "version");
  *out_deleted = json_object_get_boolean_member (change, "deleted");
  return json_object_ref (json_object_get_object_member (change, "fields"));
}

static void
test_activity_update (void)
{
  g_autofree char *dealer = test_new_dealer ("Bitácora");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autoptr(TestDevice) other = test_enroll (dealer, "Recepción");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *m1 = activity (1, uuid, "upsert", "Llamó el cliente");
  g_autofree char *m2 = activity (2, uuid, "upsert", "Nunca llamó");
  g_autofree char *m3 = activity (3, uuid, "upsert", "Llamó el cliente");
  g_autofree char *partial = g_strdup_printf ("{\"n\": 1, \"entity\": \"activity\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                              " \"fields\": {\"text\": \"Llamó el cliente\"}}", uuid);
  g_autofree char *added = g_strdup_printf ("{\"n\": 2, \"entity\": \"activity\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                            " \"fields\": {\"contact_name\": \"Beto\"}}", uuid);
  g_autoptr(JsonObject) first = test_push_one (dev, m1);
  g_autoptr(JsonObject) changed = test_push_one (dev, m2);
  g_autoptr(JsonObject) same = test_push_one (dev, m3);
  g_autoptr(JsonObject) same_part = test_push_one (other, partial);
  g_autoptr(JsonObject) new_field = test_push_one (other, added);
  g_autoptr(JsonObject) fields = NULL;
  gint64 version = 0;
  gboolean deleted = TRUE;

  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (changed, "status"), ==, "rejected");
  g_assert_nonnull (strstr (json_object_get_string_member (changed, "error"), "append-only"));
  g_assert_cmpstr (json_object_get_string_member (new_field, "status"), ==, "rejected");
  /* Sent again as it is (whole or in part): idempotent, the same version. */
  g_assert_cmpstr (json_object_get_string_member (same, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (same, "version"), ==, json_object_get_int_member (first, "version"));
  g_assert_cmpstr (json_object_get_string_member (same_part, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (same_part, "version"), ==, json_object_get_int_member (first, "version"));

  fields = entry_fields (other, uuid, &version, &deleted);
  g_assert_cmpstr (json_object_get_string_member (fields, "text"), ==, "Llamó el cliente");
  g_assert_false (json_object_has_member (fields, "contact_name"));
  g_assert_cmpint (version, ==, json_object_get_int_member (first, "version"));
  g_assert_false (deleted);
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 1);
}

/* Within one page the rules see the page's earlier mutations, as if each were stored alone:
 * an activity entry made and changed in one push, a trámite made at step 1 and moved to 3. */
static void
test_rules_within_page (void)
{
  g_autofree char *dealer = test_new_dealer ("Una página");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *entry = g_uuid_string_random ();
  g_autofree char *tramite = g_uuid_string_random ();
  g_autofree char *m1 = activity (1, entry, "upsert", "Primero");
  g_autofree char *m2 = activity (2, entry, "upsert", "Cambiado");
  g_autofree char *m3 = g_strdup_printf ("{\"n\": 3, \"entity\": \"tramite\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"step\": 1}}", tramite);
  g_autofree char *m4 = g_strdup_printf ("{\"n\": 4, \"entity\": \"tramite\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"base_version\": 2, \"fields\": {\"step\": 3}}", tramite);
  g_autofree char *page = g_strjoin (",", m1, m2, m3, m4, NULL);
  g_autoptr(JsonArray) results = test_push (NULL, dev, page);

  g_assert_cmpstr (status_of (results, 0), ==, "applied");
  assert_rejected (results, 1, "append-only");
  g_assert_cmpstr (status_of (results, 2), ==, "applied");
  assert_rejected (results, 3, "one step at a time");
}

static void
test_activity_delete (void)
{
  g_autofree char *dealer = test_new_dealer ("Bitácora 2");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *m1 = activity (1, uuid, "upsert", "Entregó papeles");
  g_autofree char *m2 = activity (2, uuid, "delete", "Entregó papeles");
  g_autoptr(JsonObject) first = test_push_one (dev, m1);
  g_autoptr(JsonObject) removed = test_push_one (dev, m2);
  g_autoptr(JsonObject) fields = NULL;
  gint64 version = 0;
  gboolean deleted = TRUE;

  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (removed, "status"), ==, "rejected");
  g_assert_nonnull (strstr (json_object_get_string_member (removed, "error"), "cannot be deleted"));
  fields = entry_fields (dev, uuid, &version, &deleted);
  g_assert_false (deleted);
  g_assert_cmpstr (json_object_get_string_member (fields, "text"), ==, "Entregó papeles");
}

/* The database refuses it too, whoever writes: the app role or the owner. */
static void
test_activity_trigger (void)
{
  g_autofree char *dealer = test_new_dealer ("Bitácora 3");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *m1 = activity (1, uuid, "upsert", "Firmó");
  g_autoptr(JsonObject) first = test_push_one (dev, m1);
  PGconn *owner = test_pg_connect (TRUE);
  PGresult *res;

  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "applied");
  res = test_pg (owner, "UPDATE records SET data = data || '{\"text\": \"No firmó\"}' WHERE uuid = $1", 1, uuid);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (PQresultErrorMessage (res), "append-only"));
  PQclear (res);
  res = test_pg (owner, "UPDATE records SET deleted = true WHERE uuid = $1", 1, uuid);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  PQclear (res);
  res = test_pg (owner, "DELETE FROM records WHERE uuid = $1", 1, uuid);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  PQclear (res);
  /* An update that leaves the entry as it is passes. */
  res = test_pg (owner, "UPDATE records SET data = data WHERE uuid = $1", 1, uuid);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (owner);
}

/* The same number twice in one page: the same payload is a replay, another one is refused. */
static void
test_same_n_in_page (void)
{
  g_autofree char *dealer = test_new_dealer ("Doble");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *m1 = customer (1, a, "{\"name\": \"Ana\"}");
  g_autofree char *m2 = customer (1, a, "{\"name\": \"Eva\"}");
  g_autofree char *page = g_strconcat (m1, ",", m1, ",", m2, NULL);
  g_autoptr(JsonArray) results = test_push (NULL, dev, page);

  g_assert_cmpstr (status_of (results, 0), ==, "applied");
  g_assert_true (json_object_equal (json_array_get_object_element (results, 0),
                                    json_array_get_object_element (results, 1)));
  assert_rejected (results, 2, "mutation number reused with a different payload");
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 1);
}

/* Every kind of bad value in one page, each between valid mutations that are all applied. */
static void
test_later_valid_applied (void)
{
  g_autofree char *dealer = test_new_dealer ("Mezcla");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  const char *bad[] = {
    "{\"x\": 1e400}", "{\"x\": -1e999}", "{\"x\": \"\\ud800zz\"}", "{\"x\": \"a\\u0000\"}",
    "{\"x\": 18446744073709551616}", "{\"x\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}",
  };
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) changes = NULL;
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *good_uuid = g_uuid_string_random ();
      g_autofree char *bad_uuid = g_uuid_string_random ();
      g_autofree char *good = customer (++n, good_uuid, "{\"name\": \"bien\"}");
      g_autofree char *wrong = customer (++n, bad_uuid, bad[i]);

      g_string_append_printf (page, "%s%s,%s", i > 0 ? "," : "", good, wrong);
    }
  results = test_push (NULL, dev, page->str);
  for (guint i = 0; i < json_array_get_length (results); i++)
    g_assert_cmpstr (status_of (results, i), ==, i % 2 == 0 ? "applied" : "rejected");
  changes = test_pull_all (NULL, dev, 0, 100);
  g_assert_cmpuint (json_array_get_length (changes), ==, G_N_ELEMENTS (bad));
}

/* A value the server's checks let through but PostgreSQL refuses (here a CHECK added for the
 * test): the page is stored again with a savepoint per mutation and only that one is rejected. */
static void
test_database_refusal (void)
{
  g_autofree char *dealer = test_new_dealer ("Negativa");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *m1 = customer (1, a, "{\"name\": \"Ana\"}");
  g_autofree char *m2 = customer (2, b, "{\"name\": \"Beto\", \"refused_by_test\": 1}");
  g_autofree char *m3 = customer (3, a, "{\"name\": \"Ana María\"}");
  g_autofree char *page = g_strconcat (m1, ",", m2, ",", m3, NULL);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) changes = NULL;
  PGconn *owner = test_pg_connect (TRUE);
  PGresult *res;

  res = test_pg (owner, "ALTER TABLE records ADD CONSTRAINT test_refused CHECK (NOT data ? 'refused_by_test')", 0);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  results = test_push (NULL, dev, page);
  res = test_pg (owner, "ALTER TABLE records DROP CONSTRAINT test_refused", 0);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (owner);

  g_assert_cmpstr (status_of (results, 0), ==, "applied");
  assert_rejected (results, 1, "database refused");
  g_assert_cmpstr (status_of (results, 2), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 2), "version"), ==, 2);
  changes = test_pull_all (NULL, dev, 0, 100);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (test_find_change (changes, a), "fields"), "name"),
                   ==, "Ana María");
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test test-server-data).\n");
      return 1;
    }

  g_test_add_func ("/server/X3/16.4/push-1e400-rejected-not-retry", test_1e400);
  g_test_add_func ("/server/X3/16.4/lone-surrogate-rejected", test_lone_surrogate);
  g_test_add_func ("/server/X3/16.4/nesting-rejected", test_nesting);
  g_test_add_func ("/server/X3/16.4/nesting-20000-not-retry", test_nesting_20000);
  g_test_add_func ("/server/X3/16.4/integer-overflow-rejected", test_integer_overflow);
  g_test_add_func ("/server/X3/16.4/later-valid-mutation-applied", test_later_valid_applied);
  g_test_add_func ("/server/X3/16.4/same-number-in-page", test_same_n_in_page);
  g_test_add_func ("/server/X3/16.4/database-refusal-rejects-one", test_database_refusal);
  g_test_add_func ("/server/X5/16.5/activity-update-refused", test_activity_update);
  g_test_add_func ("/server/X5/16.5/activity-delete-refused", test_activity_delete);
  g_test_add_func ("/server/X5/16.5/rules-within-one-page", test_rules_within_page);
  g_test_add_func ("/server/X5/16.5/activity-database-trigger", test_activity_trigger);
  g_test_add_func ("/server/X3/16.6/nul-in-string-rejected", test_nul);
  g_test_add_func ("/server/X3/16.6/uppercase-uuid", test_uppercase_uuid);
  g_test_add_func ("/server/X3/16.6/unknown-cursor-400", test_unknown_cursor);

  return g_test_run ();
}
