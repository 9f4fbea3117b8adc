/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12 on the wire: authors of pushed mutations checked against the dealer's users on the
 * server, users taken at enrollment, and Conauto's signed update file. Runs under
 * tests/server/pg-env.sh. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "gest-server-test-util.h"

#define GM      "a1000000-0000-4000-8000-000000000001"
#define ANALYST "a1000000-0000-4000-8000-000000000002"

static gboolean
skip_without_server (void)
{
  if (g_getenv ("GESTIONA_SERVER") != NULL && g_getenv ("GESTIONA_TEST_SERVER_URL") != NULL)
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

/* The status and, when rejected, the error of one mutation. */
static char *
push_result (TestDevice *device,
             const char *mutation)
{
  g_autoptr(JsonObject) result = test_push_one (device, mutation);
  const char *status = json_object_get_string_member (result, "status");

  if (g_str_equal (status, "applied"))
    return g_strdup ("applied");
  return g_strdup (json_object_get_string_member (result, "error"));
}

static char *
customer (int         n,
          const char *user)
{
  return g_strdup_printf ("{\"n\": %d, \"entity\": \"customer\", \"uuid\": \"c0000000-0000-4000-8000-%012d\", "
                          "\"op\": \"upsert\", \"base_version\": null, \"fields\": {\"name\": \"Cliente %d\"}%s%s%s}",
                          n, n, n, user != NULL ? ", \"user\": \"" : "", user != NULL ? user : "",
                          user != NULL ? "\"" : "");
}

static void
test_authors_checked (void)
{
  g_autofree char *dealer = NULL;
  g_autoptr(TestDevice) device = NULL;
  g_autofree char *m = NULL;
  g_autofree char *r = NULL;
  g_autoptr(TestReply) reply = NULL;

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Tehuacán", NULL);
  device = test_enroll (dealer, "caja");

  /* Being set up (no user on the server): anything goes, as before issue 12. */
  m = customer (1, NULL);
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);
  r = push_result (device, "{\"n\": 2, \"entity\": \"user\", \"uuid\": \"" GM "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"\", \"fields\": {\"login\": \"gerente\", "
                           "\"name\": \"Laura Méndez\", \"role\": \"general-manager\", \"active\": 1}}");
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);

  /* Now the dealer has users: no author, an unknown one. */
  g_clear_pointer (&m, g_free);
  m = customer (3, NULL);
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "It has no author (nobody was signed in on the desktop that made it), and this "
                          "dealer has users. Sign in and make the change again.");
  g_clear_pointer (&r, g_free);
  g_clear_pointer (&m, g_free);
  m = customer (4, "nadie");
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "“nadie” is not a user of this dealer on the server. Sign in as one of the "
                          "dealer’s users and make it again.");
  g_clear_pointer (&r, g_free);

  /* The manager adds an analyst; nobody can be given Conauto's role. */
  r = push_result (device, "{\"n\": 5, \"entity\": \"user\", \"uuid\": \"" ANALYST "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"gerente\", \"fields\": {\"login\": \"analista\", "
                           "\"name\": \"Ana López\", \"role\": \"cs-analyst\", \"active\": 1}}");
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);
  r = push_result (device, "{\"n\": 6, \"entity\": \"user\", \"uuid\": \"" ANALYST "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"gerente\", \"fields\": {\"role\": \"conauto-liaison\"}}");
  g_assert_cmpstr (r, ==, "“conauto-liaison” is not a role of a dealer’s user: Conauto’s steps come only from Conauto.");
  g_clear_pointer (&r, g_free);
  g_clear_pointer (&m, g_free);
  m = customer (7, "analista");
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);

  /* Users change their own password, and nothing else of themselves. */
  g_clear_pointer (&r, g_free);
  r = push_result (device, "{\"n\": 13, \"entity\": \"user\", \"uuid\": \"" ANALYST "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"analista\", \"fields\": {\"password_hash\": \"x\"}}");
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);
  r = push_result (device, "{\"n\": 14, \"entity\": \"user\", \"uuid\": \"" ANALYST "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"analista\", \"fields\": {\"name\": \"Ana\"}}");
  g_assert_cmpstr (r, ==, "For the server, Ana López (Customer service analyst) cannot manage users: it is for "
                          "General manager. Ask one of them, or sign in as one.");
  g_clear_pointer (&r, g_free);

  /* Deactivated: nothing more from the analyst. */
  r = push_result (device, "{\"n\": 8, \"entity\": \"user\", \"uuid\": \"" ANALYST "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"gerente\", \"fields\": {\"active\": 0}}");
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);
  g_clear_pointer (&m, g_free);
  m = customer (9, "analista");
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "The user “analista” is deactivated on the server.");

  /* A "user" that is not a string is a malformed push. */
  reply = test_post_json (NULL, "/v1/push", device->token,
                          "{\"mutations\": [{\"n\": 10, \"entity\": \"customer\", \"uuid\": "
                          "\"c0000000-0000-4000-8000-000000000010\", \"op\": \"upsert\", \"fields\": {}, \"user\": 7}]}");
  g_assert_cmpuint (reply->status, ==, 400);

  /* Everybody deactivated: the dealer is not open to anyone again. */
  g_clear_pointer (&r, g_free);
  r = push_result (device, "{\"n\": 11, \"entity\": \"user\", \"uuid\": \"" GM "\", \"op\": \"upsert\", "
                           "\"base_version\": null, \"user\": \"gerente\", \"fields\": {\"active\": 0}}");
  g_assert_cmpstr (r, ==, "applied");
  g_clear_pointer (&r, g_free);
  g_clear_pointer (&m, g_free);
  m = customer (12, NULL);
  r = push_result (device, m);
  g_assert_cmpstr (r, ==, "It has no author (nobody was signed in on the desktop that made it), and this "
                          "dealer has users. Sign in and make the change again.");
}

static char *
enroll_with_users (const char *dealer,
                   const char *users_json,
                   guint      *out_status,
                   char      **out_key)
{
  g_autofree char *code = test_admin (NULL, NULL, "enroll-code", dealer, NULL);
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\", \"device_name\": \"d\", \"users\": %s}", code, users_json);
  g_autoptr(TestReply) reply = test_post_json (NULL, "/v1/enroll", NULL, json);
  JsonObject *object;

  *out_status = reply->status;
  if (reply->status != 200)
    return NULL;
  object = json_node_get_object (reply->json);
  if (out_key != NULL)
    *out_key = g_strdup (json_object_get_string_member_with_default (object, "conauto_public_key", ""));
  return g_strdup (json_object_get_string_member_with_default (object, "users", ""));
}

static void
test_enroll_users (void)
{
  g_autofree char *dealer = NULL;
  g_autofree char *users = NULL;
  g_autofree char *key = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;
  guint status = 0;

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Tecamachalco", NULL);
  users = enroll_with_users (dealer, "\"nadie\"", &status, NULL);
  g_assert_cmpuint (status, ==, 400);

  users = enroll_with_users (dealer, "[{\"uuid\": \"" GM "\", \"fields\": {\"login\": \"gerente\", "
                                     "\"name\": \"Laura Méndez\", \"role\": \"general-manager\", \"active\": 1}}, "
                                     "{\"uuid\": \"" ANALYST "\", \"fields\": {\"login\": \"enlace\", "
                                     "\"name\": \"Falso Enlace\", \"role\": \"conauto-liaison\", \"active\": 1}}]",
                             &status, &key);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (users, ==, "taken");
  printed = g_strdup (key);
  g_clear_pointer (&users, g_free);

  /* A second desktop: the server keeps its users. */
  users = enroll_with_users (dealer, "[{\"uuid\": \"a2000000-0000-4000-8000-000000000009\", \"fields\": "
                                     "{\"login\": \"otro\", \"name\": \"Otro\", \"role\": \"general-manager\"}}]",
                             &status, NULL);
  g_assert_cmpstr (users, ==, "server");

  conn = test_pg_connect (TRUE);
  sql = g_strdup_printf ("SELECT string_agg (data ->> 'login', ',' ORDER BY data ->> 'login') FROM records "
                         "WHERE dealer_id = '%s' AND entity = 'user'", dealer);
  {
    PGresult *res = test_pg (conn, sql, 0);

    /* Conauto's role is no dealer user's: that one was not taken. */
    g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "gerente");
    PQclear (res);
  }
  PQfinish (conn);
  g_assert_cmpuint (strlen (printed), ==, 44);
}

static void
test_export_signed (void)
{
  g_autofree char *dealer = NULL;
  g_autofree char *number = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *key_text = NULL;
  g_autofree guint8 *key = NULL;
  g_autofree guint8 *signature = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) inner = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *err = NULL;
  const char *argv[9];
  JsonObject *file, *body, *change;
  gsize key_len = 0, signature_len = 0;
  int status = 0;

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Acatzingo", NULL);
  dir = g_dir_make_tmp ("gest-authz-XXXXXX", &error);
  g_assert_no_error (error);
  csv = g_build_filename (dir, "plans.csv", NULL);
  g_assert_true (g_file_set_contents (csv, "number,balance,overdue,installment,life_insurance,as_of\n"
                                           "PL-900,\"1,234.56\",0.00,100.00,10.00,30/11/2026\n", -1, NULL));
  loaded = test_admin (NULL, NULL, "load-plans", dealer, csv, NULL);
  out = g_build_filename (dir, "updates.json", NULL);

  argv[0] = g_getenv ("GESTIONA_SERVER");
  argv[1] = "public-key";
  argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &key_text, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  key = g_base64_decode (g_strstrip (key_text), &key_len);
  g_assert_cmpuint (key_len, ==, crypto_sign_PUBLICKEYBYTES);

  argv[1] = "export-updates";
  argv[2] = "--dealer";
  argv[3] = dealer;
  argv[4] = "--since";
  argv[5] = "0";
  argv[6] = "--output";
  argv[7] = out;
  argv[8] = NULL;
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  file = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (file, "algorithm"), ==, "ed25519");
  g_assert_cmpstr (json_object_get_string_member (file, "public_key"), ==, key_text);
  payload = g_strdup (json_object_get_string_member (file, "payload"));
  signature = g_base64_decode (json_object_get_string_member (file, "signature"), &signature_len);
  g_assert_cmpuint (signature_len, ==, crypto_sign_BYTES);
  g_assert_cmpint (crypto_sign_verify_detached (signature, (guint8 *) payload, strlen (payload), key), ==, 0);
  /* One byte changed: the signature no longer holds. */
  payload[strlen (payload) / 2] ^= 1;
  g_assert_cmpint (crypto_sign_verify_detached (signature, (guint8 *) payload, strlen (payload), key), !=, 0);
  payload[strlen (payload) / 2] ^= 1;

  g_assert_true (json_parser_load_from_data (inner, payload, -1, NULL));
  body = json_node_get_object (json_parser_get_root (inner));
  g_assert_cmpstr (json_object_get_string_member (body, "dealer_id"), ==, dealer);
  g_assert_cmpint (json_object_get_int_member (body, "since"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (body, "until"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "changes")), ==, 1);
  change = json_array_get_object_element (json_object_get_array_member (body, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "entity"), ==, "plan");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (change, "fields"), "balance"), ==, 123456);

  g_remove (csv);
  g_remove (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/server/users/12/authors-checked", test_authors_checked);
  g_test_add_func ("/server/users/12/enroll-takes-users-once", test_enroll_users);
  g_test_add_func ("/server/conauto/12/export-updates-signed", test_export_signed);

  return g_test_run ();
}
