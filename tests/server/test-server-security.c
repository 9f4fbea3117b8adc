/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gestiona-server: dealer isolation (API and SQL), tokens, bad input, documents (X3). */
#include "config.h"

#include <string.h>

#include "gest-server-test-util.h"

static void
test_isolation_api (void)
{
  g_autofree char *dealer_a = test_new_dealer ("Dealer A");
  g_autofree char *dealer_b = test_new_dealer ("Dealer B");
  g_autoptr(TestDevice) a = test_enroll (dealer_a, "Caja A");
  g_autoptr(TestDevice) b = test_enroll (dealer_b, "Caja B");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *ma = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"name\": \"Cliente de A\"}}", uuid);
  g_autofree char *mb = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"base_version\": 1, \"fields\": {\"name\": \"Escrito por B\"}}", uuid);
  g_autoptr(JsonObject) ra = test_push_one (a, ma);
  g_autoptr(JsonArray) b_sees = test_pull_all (NULL, b, 0, 500);
  g_autoptr(JsonObject) rb = NULL;
  g_autoptr(JsonArray) a_sees = NULL;
  g_autoptr(JsonArray) b_sees2 = NULL;
  JsonObject *fields;

  g_assert_cmpstr (json_object_get_string_member (ra, "status"), ==, "applied");
  g_assert_cmpuint (json_array_get_length (b_sees), ==, 0);

  /* B writing the same uuid writes B's own record, never A's. */
  rb = test_push_one (b, mb);
  g_assert_cmpstr (json_object_get_string_member (rb, "status"), ==, "applied");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rb, "conflicts")), ==, 0);
  a_sees = test_pull_all (NULL, a, 0, 500);
  g_assert_cmpuint (json_array_get_length (a_sees), ==, 1);
  fields = json_object_get_object_member (test_find_change (a_sees, uuid), "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Cliente de A");
  b_sees2 = test_pull_all (NULL, b, 0, 500);
  g_assert_cmpuint (json_array_get_length (b_sees2), ==, 1);
  fields = json_object_get_object_member (test_find_change (b_sees2, uuid), "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Escrito por B");
  g_assert_cmpint (test_dealer_last_seq (dealer_a), ==, 1);
  g_assert_cmpint (test_dealer_last_seq (dealer_b), ==, 1);
}

static void
test_isolation_documents (void)
{
  g_autofree char *dealer_a = test_new_dealer ("Docs A");
  g_autofree char *dealer_b = test_new_dealer ("Docs B");
  g_autoptr(TestDevice) a = test_enroll (dealer_a, "Caja A");
  g_autoptr(TestDevice) b = test_enroll (dealer_b, "Caja B");
  static const char content[] = "estado de cuenta de A";
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, strlen (content));
  g_autofree char *sha = test_upload_blob (a, bytes);
  g_autofree char *path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_autoptr(TestReply) a_get = test_http (NULL, "GET", path, a->token, NULL, NULL, NULL);
  g_autoptr(TestReply) b_head = test_http (NULL, "HEAD", path, b->token, NULL, NULL, NULL);
  g_autoptr(TestReply) b_get = test_http (NULL, "GET", path, b->token, NULL, NULL, NULL);

  g_assert_cmpuint (a_get->status, ==, 200);
  g_assert_true (g_bytes_equal (a_get->body, bytes));
  g_assert_cmpuint (b_head->status, ==, 404);
  g_assert_cmpuint (b_get->status, ==, 404);
}

static void
assert_sql_fails (PGconn     *conn,
                  const char *sql,
                  const char *message_part,
                  int         n_params,
                  const char *p1,
                  const char *p2)
{
  PGresult *res = test_pg (conn, sql, n_params, p1, p2);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  if (strstr (PQresultErrorMessage (res), message_part) == NULL)
    g_error ("%s: expected “%s”, got %s", sql, message_part, PQresultErrorMessage (res));
  PQclear (res);
  if (PQtransactionStatus (conn) != PQTRANS_IDLE)
    PQclear (test_pg (conn, "ROLLBACK", 0));
}

static gint64
count (PGconn     *conn,
       const char *sql,
       const char *param)
{
  PGresult *res = test_pg (conn, sql, param != NULL ? 1 : 0, param);
  gint64 n;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  return n;
}

static void
begin_as (PGconn     *conn,
          const char *dealer)
{
  PQclear (test_pg (conn, "BEGIN", 0));
  PQclear (test_pg (conn, "SELECT set_config ('gestiona.dealer', $1, true)", 1, dealer));
}

static void
test_isolation_sql (void)
{
  g_autofree char *dealer_a = test_new_dealer ("SQL A");
  g_autofree char *dealer_b = test_new_dealer ("SQL B");
  g_autoptr(TestDevice) b = test_enroll (dealer_b, "Caja B");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *mb = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"name\": \"Cliente de B\"}}", uuid);
  g_autoptr(JsonObject) rb = test_push_one (b, mb);
  PGconn *app = test_pg_connect (FALSE);
  PGresult *res;

  g_assert_cmpstr (json_object_get_string_member (rb, "status"), ==, "applied");

  /* gestiona_app with gestiona.dealer = A sees none of B's rows in any table. */
  begin_as (app, dealer_a);
  g_assert_cmpint (count (app, "SELECT count (*) FROM records WHERE dealer_id = $1", dealer_b), ==, 0);
  g_assert_cmpint (count (app, "SELECT count (*) FROM records", NULL), ==, 0);
  g_assert_cmpint (count (app, "SELECT count (*) FROM devices WHERE dealer_id = $1", dealer_b), ==, 0);
  g_assert_cmpint (count (app, "SELECT count (*) FROM mutations", NULL), ==, 0);
  g_assert_cmpint (count (app, "SELECT count (*) FROM dealers", NULL), ==, 1);
  /* Updating B's rows changes nothing. */
  res = test_pg (app, "UPDATE records SET data = '{}' WHERE dealer_id = $1", 1, dealer_b);
  g_assert_cmpstr (PQcmdTuples (res), ==, "0");
  PQclear (res);
  res = test_pg (app, "UPDATE dealers SET last_seq = last_seq + 100 WHERE id = $1", 1, dealer_b);
  g_assert_cmpstr (PQcmdTuples (res), ==, "0");
  PQclear (res);
  PQclear (test_pg (app, "COMMIT", 0));

  /* Writing a row of B's is refused. */
  begin_as (app, dealer_a);
  assert_sql_fails (app, "INSERT INTO records (dealer_id, entity, uuid, version, data) VALUES ($1, 'customer', $2, 99, '{}')",
                    "row-level security", 2, dealer_b, uuid);
  begin_as (app, dealer_a);
  assert_sql_fails (app, "INSERT INTO blobs (dealer_id, sha256, size) VALUES ($1, repeat ('a', 64), 1)",
                    "row-level security", 1, dealer_b, NULL);
  /* Nor can it move its own rows to B. */
  begin_as (app, dealer_a);
  assert_sql_fails (app, "UPDATE dealers SET id = $1", "permission denied", 1, dealer_b, NULL);

  /* Without the setting, nothing is visible. */
  PQclear (test_pg (app, "BEGIN", 0));
  g_assert_cmpint (count (app, "SELECT count (*) FROM records", NULL), ==, 0);
  g_assert_cmpint (count (app, "SELECT count (*) FROM devices", NULL), ==, 0);
  PQclear (test_pg (app, "COMMIT", 0));

  /* The app role cannot step around RLS: not the owner, no DDL, no deletes, no tokens. */
  assert_sql_fails (app, "ALTER TABLE records DISABLE ROW LEVEL SECURITY", "must be owner", 0, NULL, NULL);
  PQclear (test_pg (app, "SET row_security = off", 0));
  assert_sql_fails (app, "SELECT count (*) FROM records", "row-level security", 0, NULL, NULL);
  PQclear (test_pg (app, "RESET row_security", 0));
  assert_sql_fails (app, "DELETE FROM records", "permission denied", 0, NULL, NULL);
  assert_sql_fails (app, "SELECT * FROM schema_version", "permission denied", 0, NULL, NULL);
  res = test_pg (app, "SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user", 0);
  g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "f");
  g_assert_cmpstr (PQgetvalue (res, 0, 1), ==, "f");
  PQclear (res);

  /* B's record is untouched. */
  begin_as (app, dealer_b);
  g_assert_cmpint (count (app, "SELECT count (*) FROM records WHERE data ->> 'name' = 'Cliente de B'", NULL), ==, 1);
  PQclear (test_pg (app, "COMMIT", 0));
  PQfinish (app);
}

static void
test_revoked_token (void)
{
  g_autofree char *dealer = test_new_dealer ("Revoked");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autoptr(TestReply) before = test_http (NULL, "GET", "/v1/pull", dev->token, NULL, NULL, NULL);
  g_autofree char *out = test_admin (NULL, NULL, "revoke", dev->device_id, NULL);
  g_autoptr(TestReply) after = test_http (NULL, "GET", "/v1/pull", dev->token, NULL, NULL, NULL);
  g_autoptr(TestReply) push = test_post_json (NULL, "/v1/push", dev->token, "{\"mutations\": []}");

  g_assert_cmpuint (before->status, ==, 200);
  g_assert_nonnull (strstr (out, "revoked"));
  g_assert_cmpuint (after->status, ==, 401);
  g_assert_nonnull (strstr (test_reply_error (after), "unknown or was revoked"));
  g_assert_cmpuint (push->status, ==, 401);
}

static void
assert_refused (TestDevice *dev,
                const char *token,
                const char *body,
                guint       status,
                const char *message_part)
{
  g_autoptr(TestReply) reply = test_post_json (NULL, "/v1/push", token, body);

  g_assert_cmpuint (reply->status, ==, status);
  if (strstr (test_reply_error (reply), message_part) == NULL)
    g_error ("expected “%s”, got “%s”", message_part, test_reply_error (reply));
}

static void
test_bad_input (void)
{
  g_autofree char *dealer = test_new_dealer ("Bad input");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *good = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                           " \"fields\": {\"name\": \"Ana\"}}", uuid);
  g_autofree char *with_good = NULL;
  gsize max_body = g_ascii_strtoull (g_getenv ("GESTIONA_SERVER_MAX_BODY"), NULL, 10);
  g_autoptr(GString) big = g_string_new ("{\"mutations\": [{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"");
  g_autoptr(TestReply) big_reply = NULL;
  g_autoptr(TestReply) bad_path = NULL;
  g_autoptr(TestReply) bad_cursor = NULL;
  g_autoptr(JsonObject) applied = NULL;
  g_autoptr(JsonArray) changes = NULL;

  assert_refused (dev, dev->token, "{\"mutations\": [", 400, "not valid JSON");
  assert_refused (dev, dev->token, "[1, 2]", 400, "must be a JSON object");
  assert_refused (dev, dev->token, "", 400, "has no body");
  assert_refused (dev, dev->token, "{\"mutations\": {}}", 400, "“mutations”, a JSON array");
  /* One bad mutation refuses the whole push, the good one before it included. */
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": \"2\", \"entity\": \"customer\", \"uuid\": \"%s\","
                               " \"op\": \"upsert\", \"fields\": {}}]}", good, uuid);
  assert_refused (dev, dev->token, with_good, 400, "“n” must be a whole number");
  g_free (with_good);
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": 2, \"entity\": \"spaceship\", \"uuid\": \"%s\","
                               " \"op\": \"upsert\", \"fields\": {}}]}", good, uuid);
  assert_refused (dev, dev->token, with_good, 400, "does not know the entity “spaceship”");
  g_free (with_good);
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": 2, \"entity\": \"customer\", \"uuid\": \"%s\","
                               " \"op\": \"upsert\", \"fields\": [1]}]}", good, uuid);
  assert_refused (dev, dev->token, with_good, 400, "“fields” must be a JSON object");
  g_free (with_good);
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": 2, \"entity\": \"customer\", \"uuid\": \"%s\","
                               " \"op\": \"merge\", \"fields\": {}}]}", good, uuid);
  assert_refused (dev, dev->token, with_good, 400, "“op” must be");
  g_free (with_good);
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": 2, \"entity\": \"customer\", \"uuid\": 7,"
                               " \"op\": \"upsert\", \"fields\": {}}]}", good);
  assert_refused (dev, dev->token, with_good, 400, "“uuid” must be a UUID");
  g_free (with_good);
  with_good = g_strdup_printf ("{\"mutations\": [%s, {\"n\": 2, \"entity\": \"customer\", \"uuid\": \"%s\","
                               " \"op\": \"upsert\", \"base_version\": \"3\", \"fields\": {}}]}", good, uuid);
  assert_refused (dev, dev->token, with_good, 400, "“base_version” must be");

  /* Over the body limit. */
  g_string_append (big, uuid);
  g_string_append (big, "\", \"op\": \"upsert\", \"fields\": {\"notes\": \"");
  while (big->len <= max_body)
    g_string_append (big, "0123456789abcdef");
  g_string_append (big, "\"}}]}");
  big_reply = test_post_json (NULL, "/v1/push", dev->token, big->str);
  g_assert_cmpuint (big_reply->status, ==, 413);
  g_assert_nonnull (strstr (test_reply_error (big_reply), "more than this server's limit"));

  /* Tokens. */
  assert_refused (dev, NULL, good, 401, "Authorization: Bearer");
  assert_refused (dev, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", good, 401, "unknown or was revoked");

  /* Other requests. */
  bad_path = test_http (NULL, "GET", "/v1/nothing", dev->token, NULL, NULL, NULL);
  g_assert_cmpuint (bad_path->status, ==, 404);
  test_reply_error (bad_path);
  bad_cursor = test_http (NULL, "GET", "/v1/pull?cursor=abc", dev->token, NULL, NULL, NULL);
  g_assert_cmpuint (bad_cursor->status, ==, 400);
  g_assert_nonnull (strstr (test_reply_error (bad_cursor), "cursor"));

  /* Nothing was stored: no change, and n = 1 is still free. */
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 0);
  applied = test_push_one (dev, good);
  g_assert_cmpstr (json_object_get_string_member (applied, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (applied, "version"), ==, 1);
  changes = test_pull_all (NULL, dev, 0, 500);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
}

/* {"mutations": [...]} padded with spaces to exactly @size bytes. */
static char *
padded_push (const char *mutations,
             gsize       size)
{
  g_autoptr(GString) body = g_string_new ("{\"mutations\": [");

  g_string_append (body, mutations);
  g_string_append (body, "]");
  g_assert_cmpuint (body->len + 1, <=, size);
  while (body->len + 1 < size)
    g_string_append_c (body, ' ');
  g_string_append_c (body, '}');
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
test_limits (void)
{
  g_autofree char *dealer = test_new_dealer ("Limits");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  gsize max_body = g_ascii_strtoull (g_getenv ("GESTIONA_SERVER_MAX_BODY"), NULL, 10);
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *at_limit = NULL;
  g_autofree char *over_limit = NULL;
  g_autofree char *too_many = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *one = g_strdup_printf ("{\"n\": 501, \"entity\": \"customer\", \"uuid\": \"%s\","
                                          " \"op\": \"upsert\", \"fields\": {\"name\": \"Ana\"}}", uuid);

  /* 500 mutations in one push are fine; 501 are refused whole. */
  for (guint i = 1; i <= 500; i++)
    {
      g_autofree char *u = g_uuid_string_random ();

      g_string_append_printf (batch, "%s{\"n\": %u, \"entity\": \"activity\", \"uuid\": \"%s\","
                              " \"op\": \"upsert\", \"fields\": {\"text\": \"%u\"}}", i > 1 ? "," : "", i, u, i);
    }
  results = test_push (NULL, dev, batch->str);
  g_assert_cmpuint (json_array_get_length (results), ==, 500);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 499), "version"), ==, 500);
  g_string_append_c (batch, ',');
  g_string_append (batch, one);
  too_many = g_strdup_printf ("{\"mutations\": [%s]}", batch->str);
  {
    g_autoptr(TestReply) reply = test_post_json (NULL, "/v1/push", dev->token, too_many);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_nonnull (strstr (test_reply_error (reply), "at most 500 mutations; this one has 501"));
  }

  /* A body of exactly the limit is read; one byte more is 413. */
  at_limit = padded_push (one, max_body);
  over_limit = padded_push (one, max_body + 1);
  {
    g_autoptr(TestReply) over = test_post_json (NULL, "/v1/push", dev->token, over_limit);
    g_autoptr(TestReply) at = test_post_json (NULL, "/v1/push", dev->token, at_limit);

    g_assert_cmpuint (over->status, ==, 413);
    test_reply_error (over);
    g_assert_cmpuint (at->status, ==, 200);
  }
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 501);
}

static TestReply *
patch (TestDevice *dev,
       const char *path,
       GBytes     *all,
       gsize       offset,
       gsize       len)
{
  g_autoptr(GBytes) chunk = g_bytes_new_from_bytes (all, offset, len);
  g_autofree char *offset_text = g_strdup_printf ("%zu", offset);
  g_autofree char *length_text = g_strdup_printf ("%zu", g_bytes_get_size (all));
  const char *headers[] = { "Upload-Offset", offset_text, "Upload-Length", length_text, NULL };

  return test_http (NULL, "PATCH", path, dev->token, "application/offset+octet-stream", chunk, headers);
}

static void
test_blob_resumable (void)
{
  enum { SIZE = 150000, CHUNK = 40000 };
  g_autofree char *dealer = test_new_dealer ("Blobs");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  guint8 *data = g_malloc (SIZE);
  g_autoptr(GBytes) all = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *path = NULL;
  gsize offset = 0;

  for (guint i = 0; i < SIZE; i++)
    data[i] = (guint8) g_test_rand_int ();
  all = g_bytes_new_take (data, SIZE);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, all);
  path = g_strconcat ("/v1/blobs/", sha, NULL);

  {
    g_autoptr(TestReply) head = test_http (NULL, "HEAD", path, dev->token, NULL, NULL, NULL);

    g_assert_cmpuint (head->status, ==, 404);
  }

  /* Two chunks, then the connection is "cut". */
  for (guint i = 0; i < 2; i++, offset += CHUNK)
    {
      g_autoptr(TestReply) r = patch (dev, path, all, offset, CHUNK);

      g_assert_cmpuint (r->status, ==, 200);
      g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (r->headers, "Upload-Offset"), NULL, 10), ==, offset + CHUNK);
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Upload-Complete"), ==, "0");
    }
  {
    g_autoptr(TestReply) head = test_http (NULL, "HEAD", path, dev->token, NULL, NULL, NULL);
    g_autoptr(TestReply) get = test_http (NULL, "GET", path, dev->token, NULL, NULL, NULL);
    g_autoptr(TestReply) restart = patch (dev, path, all, 0, CHUNK);
    g_autoptr(TestReply) ahead = patch (dev, path, all, 3 * CHUNK, 1000);

    g_assert_cmpuint (head->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (head->headers, "Upload-Offset"), ==, "80000");
    g_assert_cmpstr (soup_message_headers_get_one (head->headers, "Upload-Complete"), ==, "0");
    g_assert_cmpuint (get->status, ==, 404);   /* not visible before verified */
    /* The wrong offset is 409 with the server's. */
    g_assert_cmpuint (restart->status, ==, 409);
    g_assert_cmpstr (soup_message_headers_get_one (restart->headers, "Upload-Offset"), ==, "80000");
    test_reply_error (restart);
    g_assert_cmpuint (ahead->status, ==, 409);
  }

  /* Resume from the server's offset. */
  while (offset < SIZE)
    {
      gsize len = MIN (CHUNK, SIZE - offset);
      g_autoptr(TestReply) r = patch (dev, path, all, offset, len);

      g_assert_cmpuint (r->status, ==, 200);
      offset += len;
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Upload-Complete"), ==, offset == SIZE ? "1" : "0");
    }
  {
    g_autoptr(TestReply) head = test_http (NULL, "HEAD", path, dev->token, NULL, NULL, NULL);
    g_autoptr(TestReply) get = test_http (NULL, "GET", path, dev->token, NULL, NULL, NULL);

    g_assert_cmpuint (head->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (head->headers, "Upload-Offset"), ==, "150000");
    g_assert_cmpstr (soup_message_headers_get_one (head->headers, "Upload-Complete"), ==, "1");
    g_assert_cmpuint (get->status, ==, 200);
    g_assert_true (g_bytes_equal (get->body, all));
  }
}

static void
test_blob_hash_mismatch (void)
{
  g_autofree char *dealer = test_new_dealer ("Bad blobs");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autoptr(GBytes) claimed = g_bytes_new_static ("the real document", 17);
  g_autoptr(GBytes) sent = g_bytes_new_static ("a forged document", 17);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, claimed);
  g_autofree char *path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_autoptr(TestReply) first = patch (dev, path, sent, 0, 8);
  g_autoptr(TestReply) last = patch (dev, path, sent, 8, 9);
  g_autoptr(TestReply) head = test_http (NULL, "HEAD", path, dev->token, NULL, NULL, NULL);
  g_autoptr(TestReply) get = test_http (NULL, "GET", path, dev->token, NULL, NULL, NULL);
  g_autoptr(TestReply) bad_name = test_http (NULL, "HEAD", "/v1/blobs/ABC", dev->token, NULL, NULL, NULL);
  g_autoptr(TestReply) good = patch (dev, path, claimed, 0, 17);

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpuint (last->status, ==, 422);
  g_assert_nonnull (strstr (test_reply_error (last), "upload was discarded"));
  g_assert_cmpuint (head->status, ==, 404);
  g_assert_cmpuint (get->status, ==, 404);
  g_assert_cmpuint (bad_name->status, ==, 400);
  /* The right bytes afterwards are accepted. */
  g_assert_cmpuint (good->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (good->headers, "Upload-Complete"), ==, "1");
}

static void
test_publish_message (void)
{
  g_autofree char *dealer = test_new_dealer ("Messages");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *id = test_admin (NULL, NULL, "publish", dealer, "Nuevas tasas a partir del lunes", NULL);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 500);
  JsonObject *change = test_find_change (changes, id);

  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "entity"), ==, "message");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "fields"), "text"), ==,
                   "Nuevas tasas a partir del lunes");
}

void
gest_server_test_add_security (void)
{
  g_test_add_func ("/server/X3/isolation-api", test_isolation_api);
  g_test_add_func ("/server/X3/isolation-documents", test_isolation_documents);
  g_test_add_func ("/server/X3/isolation-sql-rls", test_isolation_sql);
  g_test_add_func ("/server/X3/revoked-token", test_revoked_token);
  g_test_add_func ("/server/X3/bad-input-4xx-nothing-stored", test_bad_input);
  g_test_add_func ("/server/X3/limits-500-mutations-and-body", test_limits);
  g_test_add_func ("/server/X3/blob-resumable-after-cut", test_blob_resumable);
  g_test_add_func ("/server/X3/blob-hash-mismatch", test_blob_hash_mismatch);
  g_test_add_func ("/server/T7/publish-message", test_publish_message);
}
