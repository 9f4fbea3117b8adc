/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3: the sync client's TLS (src/sync/gest-sync-http.c) against a real HTTPS server on
 * 127.0.0.1: a SoupServer on its own thread with the certificate in tests/data/tls (signed by
 * the test CA there), answering enrollment. The setting sync.ca-file makes the test CA
 * trusted; without it, or with another CA, the certificate is refused with a message that says
 * how to fix it; a CA file that is missing or not PEM is named in the error. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gest-sync-client.h"
#include "gest-test-util.h"

#define GOOD_CODE "TLS-CODE-1"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;      /* made and used on the thread */
  char         *url;         /* https://127.0.0.1:PORT */
  GMutex        mutex;
  GCond         cond;
  gint          requests;    /* atomic: enrollments that reached the handler */
} TlsServer;

typedef struct
{
  TlsServer  server;
  char      *dir;
  GestStore *store;
} Fixture;

static void
enroll_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TlsServer *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) request = soup_message_body_flatten (body);
  const char *code = NULL;
  const char *reply;

  g_atomic_int_inc (&self->requests);
  if (json_parser_load_from_data (parser, g_bytes_get_data (request, NULL), g_bytes_get_size (request), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    code = json_object_get_string_member_with_default (json_node_get_object (json_parser_get_root (parser)),
                                                       "code", NULL);
  if (g_strcmp0 (code, GOOD_CODE) == 0)
    {
      reply = "{\"device_id\": \"device-tls\", \"dealer_id\": \"dealer-tls\", \"token\": \"token-tls\", "
              "\"device_number\": 7}";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else
    {
      reply = "{\"error\": \"unknown enrollment code\"}";
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
    }
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply, strlen (reply));
}

static gpointer
server_thread (gpointer data)
{
  TlsServer *self = data;
  g_autofree char *cert_path = gest_test_data_path ("tls/server.pem");
  g_autofree char *key_path = gest_test_data_path ("tls/server-key.pem");
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  cert = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  self->server = soup_server_new ("tls-certificate", cert, NULL);
  soup_server_add_handler (self->server, "/v1/enroll", enroll_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  g_mutex_lock (&self->mutex);
  self->url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_assert_finalize_object (self->server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
tls_server_start (TlsServer *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("tls-server", server_thread, self);
  g_mutex_lock (&self->mutex);
  while (self->url == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
tls_server_stop (TlsServer *self)
{
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_free (self->url);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  tls_server_start (&fixture->server);
  fixture->dir = gest_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "tls.db", NULL);
  fixture->store = gest_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  gest_test_tmpdir_free (fixture->dir);
  tls_server_stop (&fixture->server);
}

static void
set_ca_file (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  gest_store_set_setting (fixture->store, "sync.ca-file", path, &error);
  g_assert_no_error (error);
}

/* A failed enrollment leaves the desktop as it was: no server, no device, no token. */
static void
assert_nothing_stored (Fixture *fixture)
{
  g_autofree char *url = gest_sync_get_server_url (fixture->store);
  g_autofree char *token_path = g_strconcat (gest_store_get_path (fixture->store), ".sync-token", NULL);

  g_assert_false (gest_sync_is_enrolled (fixture->store));
  g_assert_null (url);
  g_assert_false (g_file_test (token_path, G_FILE_TEST_EXISTS));
}

static void
assert_untrusted (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (gest_sync_enroll (fixture->store, fixture->server.url, GOOD_CODE, "tls", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NETWORK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->server.url));
  g_assert_nonnull (strstr (error->message, "does not trust"));
  g_assert_nonnull (strstr (error->message, "Certificate Authority File"));
  /* The handshake failed: the request never reached the server, and was not tried again. */
  g_assert_cmpint (g_atomic_int_get (&fixture->server.requests), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  assert_nothing_stored (fixture);
}

static void
test_trusted_ca (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *ca = gest_test_data_path ("tls/ca.pem");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  set_ca_file (fixture, ca);
  g_assert_true (gest_sync_enroll (fixture->store, fixture->server.url, GOOD_CODE, "tls", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_sync_is_enrolled (fixture->store));
  url = gest_sync_get_server_url (fixture->store);
  g_assert_cmpstr (url, ==, fixture->server.url);
  g_assert_cmpint (g_atomic_int_get (&fixture->server.requests), ==, 1);
}

static void
test_no_ca (Fixture       *fixture,
            gconstpointer  data)
{
  assert_untrusted (fixture);
}

static void
test_other_ca (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *ca = gest_test_data_path ("tls/other-ca.pem");

  set_ca_file (fixture, ca);
  assert_untrusted (fixture);
}

static void
assert_bad_ca_file (Fixture    *fixture,
                    const char *ca,
                    const char *why)
{
  g_autoptr(GError) error = NULL;

  set_ca_file (fixture, ca);
  g_assert_false (gest_sync_enroll (fixture->store, fixture->server.url, GOOD_CODE, "tls", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ca));
  g_assert_nonnull (strstr (error->message, why));
  g_assert_nonnull (strstr (error->message, "Certificate Authority File"));
  g_assert_cmpint (g_atomic_int_get (&fixture->server.requests), ==, 0);
  assert_nothing_stored (fixture);
}

static void
test_missing_ca_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *ca = g_build_filename (fixture->dir, "no-such-ca.pem", NULL);

  assert_bad_ca_file (fixture, ca, "does not exist");
}

/* A folder: it cannot be read as a file. */
static void
test_folder_as_ca_file (Fixture       *fixture,
                        gconstpointer  data)
{
  assert_bad_ca_file (fixture, fixture->dir, "Could not read");
}

static void
test_not_pem_ca_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *ca = g_build_filename (fixture->dir, "ca.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (ca, "This is not a certificate.\n", -1, &error);
  g_assert_no_error (error);
  assert_bad_ca_file (fixture, ca, "no PEM certificate");
}

/* A PEM file, but a private key: no certificate to trust. */
static void
test_key_as_ca_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *ca = gest_test_data_path ("tls/server-key.pem");

  assert_bad_ca_file (fixture, ca, "no PEM certificate");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/X3/tls/trusted-ca", Fixture, NULL, fixture_set_up, test_trusted_ca, fixture_tear_down);
  g_test_add ("/sync/X3/tls/no-ca", Fixture, NULL, fixture_set_up, test_no_ca, fixture_tear_down);
  g_test_add ("/sync/X3/tls/other-ca", Fixture, NULL, fixture_set_up, test_other_ca, fixture_tear_down);
  g_test_add ("/sync/X3/tls/missing-ca-file", Fixture, NULL,
              fixture_set_up, test_missing_ca_file, fixture_tear_down);
  g_test_add ("/sync/X3/tls/folder-as-ca-file", Fixture, NULL,
              fixture_set_up, test_folder_as_ca_file, fixture_tear_down);
  g_test_add ("/sync/X3/tls/not-pem-ca-file", Fixture, NULL,
              fixture_set_up, test_not_pem_ca_file, fixture_tear_down);
  g_test_add ("/sync/X3/tls/key-as-ca-file", Fixture, NULL,
              fixture_set_up, test_key_as_ca_file, fixture_tear_down);

  return g_test_run ();
}
