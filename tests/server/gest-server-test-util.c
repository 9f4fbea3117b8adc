/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "gest-server-test-util.h"

static GPrivate thread_session = G_PRIVATE_INIT (g_object_unref);

void
test_reply_free (TestReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

void
test_device_free (TestDevice *device)
{
  g_free (device->device_id);
  g_free (device->dealer_id);
  g_free (device->token);
  g_free (device);
}

char *
test_admin (int         *status,
            char       **err_out,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_SERVER"));
  g_ptr_array_add (argv, (gpointer) "admin");
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  else if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("admin %s failed: %s", first_arg, err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return g_strstrip (g_steal_pointer (&out));
}

static SoupSession *
session_for_thread (void)
{
  SoupSession *session = g_private_get (&thread_session);

  if (session == NULL)
    {
      session = soup_session_new_with_options ("timeout", 60, NULL);
      g_private_set (&thread_session, session);
    }
  return session;
}

static TestReply *
http_send (SoupSession        *session,
           const char         *method,
           const char         *path,
           const char         *token,
           const char         *content_type,
           GBytes             *body,
           const char * const *headers,
           gboolean            keep_alive)
{
  g_autofree char *url = g_strconcat (g_getenv ("GESTIONA_TEST_SERVER_URL"), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  TestReply *reply = g_new0 (TestReply, 1);
  SoupMessageHeaders *request_headers;
  const char *type;

  g_assert_nonnull (msg);
  if (session == NULL)
    session = session_for_thread ();
  request_headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", value);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  if (keep_alive)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);

  reply->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  type = soup_message_headers_get_content_type (reply->headers, NULL);
  if (g_strcmp0 (type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len = 0;
      const char *data = g_bytes_get_data (reply->body, &len);

      if (len > 0)
        {
          json_parser_load_from_data (parser, data, len, &error);
          g_assert_no_error (error);
          reply->json = json_node_copy (json_parser_get_root (parser));
        }
    }
  return reply;
}

TestReply *
test_http (SoupSession        *session,
           const char         *method,
           const char         *path,
           const char         *token,
           const char         *content_type,
           GBytes             *body,
           const char * const *headers)
{
  return http_send (session, method, path, token, content_type, body, headers, FALSE);
}

TestReply *
test_http_keep_alive (SoupSession        *session,
                      const char         *method,
                      const char         *path,
                      const char         *content_type,
                      GBytes             *body,
                      const char * const *headers)
{
  return http_send (session, method, path, NULL, content_type, body, headers, TRUE);
}

TestReply *
test_post_json (SoupSession *session,
                const char  *path,
                const char  *token,
                const char  *json)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return test_http (session, "POST", path, token, "application/json", body, NULL);
}

const char *
test_reply_error (TestReply *reply)
{
  JsonObject *object;

  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  object = json_node_get_object (reply->json);
  g_assert_true (json_object_has_member (object, "error"));
  g_assert_cmpstr (json_object_get_string_member (object, "error"), !=, "");
  return json_object_get_string_member (object, "error");
}

char *
test_new_dealer (const char *name)
{
  char *id = test_admin (NULL, NULL, "create-dealer", name, NULL);

  g_assert_true (g_uuid_string_is_valid (id));
  return id;
}

char *
test_upload_blob (TestDevice *device,
                  GBytes     *bytes)
{
  char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_autofree char *length = g_strdup_printf ("%zu", g_bytes_get_size (bytes));
  const char *headers[] = { "Upload-Offset", "0", "Upload-Length", length, NULL };
  g_autoptr(TestReply) up = test_http (NULL, "PATCH", path, device->token,
                                       "application/octet-stream", bytes, headers);

  g_assert_cmpuint (up->status, ==, 200);
  return sha;
}

TestDevice *
test_enroll (const char *dealer_id,
             const char *device_name)
{
  g_autofree char *code = test_admin (NULL, NULL, "enroll-code", dealer_id, NULL);
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\", \"device_name\": \"%s\"}", code, device_name);
  g_autoptr(TestReply) reply = test_post_json (NULL, "/v1/enroll", NULL, json);
  TestDevice *device = g_new0 (TestDevice, 1);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  object = json_node_get_object (reply->json);
  device->device_id = g_strdup (json_object_get_string_member (object, "device_id"));
  device->dealer_id = g_strdup (json_object_get_string_member (object, "dealer_id"));
  device->token = g_strdup (json_object_get_string_member (object, "token"));
  g_assert_cmpstr (device->dealer_id, ==, dealer_id);
  g_assert_cmpuint (strlen (device->token), ==, 43);
  return device;
}

JsonArray *
test_push (SoupSession *session,
           TestDevice  *device,
           const char  *mutations_json)
{
  g_autofree char *json = g_strdup_printf ("{\"mutations\": [%s]}", mutations_json);
  g_autoptr(TestReply) reply = test_post_json (session, "/v1/push", device->token, json);

  if (reply->status != 200)
    g_error ("push: %u %.*s", reply->status, (int) g_bytes_get_size (reply->body),
             (const char *) g_bytes_get_data (reply->body, NULL));
  return json_array_ref (json_object_get_array_member (json_node_get_object (reply->json), "results"));
}

JsonObject *
test_push_one (TestDevice *device,
               const char *mutation_json)
{
  g_autoptr(JsonArray) results = test_push (NULL, device, mutation_json);

  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_object_ref (json_array_get_object_element (results, 0));
}

JsonArray *
test_pull_all (SoupSession *session,
               TestDevice  *device,
               gint64       cursor,
               guint        limit)
{
  JsonArray *all = json_array_new ();
  g_autofree char *cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s&limit=%u", cursor_text, limit);
      g_autoptr(TestReply) reply = test_http (session, "GET", path, device->token, NULL, NULL, NULL);
      JsonObject *page;
      JsonArray *changes;
      gint64 last = g_ascii_strtoll (cursor_text, NULL, 10);

      g_assert_cmpuint (reply->status, ==, 200);
      page = json_node_get_object (reply->json);
      changes = json_object_get_array_member (page, "changes");
      more = json_object_get_boolean_member (page, "more");
      g_assert_cmpuint (json_array_get_length (changes), <=, limit);
      if (more)
        g_assert_cmpuint (json_array_get_length (changes), ==, limit);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          gint64 version = json_object_get_int_member (change, "version");

          g_assert_cmpint (version, >, last);   /* in version order, after the cursor */
          last = version;
          json_array_add_object_element (all, json_object_ref (change));
        }
      g_free (cursor_text);
      cursor_text = g_strdup (json_object_get_string_member (page, "cursor"));
      g_assert_cmpint (g_ascii_strtoll (cursor_text, NULL, 10), ==, last);
    }
  return all;
}

JsonObject *
test_find_change (JsonArray  *changes,
                  const char *uuid)
{
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "uuid"), uuid))
        {
          g_assert_null (found);   /* once per pull */
          found = change;
        }
    }
  return found;
}

PGconn *
test_pg_connect (gboolean owner)
{
  PGconn *conn = PQconnectdb (g_getenv (owner ? "GESTIONA_SERVER_ADMIN_PG" : "GESTIONA_SERVER_PG"));

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connect: %s", PQerrorMessage (conn));
  return conn;
}

PGresult *
test_pg (PGconn     *conn,
         const char *sql,
         int         n_params,
         ...)
{
  const char *values[8];
  va_list ap;

  g_assert_cmpint (n_params, <=, 8);
  va_start (ap, n_params);
  for (int i = 0; i < n_params; i++)
    values[i] = va_arg (ap, const char *);
  va_end (ap);
  return PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
}

gint64
test_dealer_last_seq (const char *dealer_id)
{
  PGconn *conn = test_pg_connect (TRUE);
  PGresult *res = test_pg (conn, "SELECT last_seq FROM dealers WHERE id = $1", 1, dealer_id);
  gint64 seq;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (res), ==, 1);
  seq = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return seq;
}
