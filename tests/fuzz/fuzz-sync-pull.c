/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desktop's pull (X3, #16.10): the input is the body of a /v1/pull reply. A SoupServer on
 * 127.0.0.1 (its own thread) sends it as the first page, then an empty last page; blobs are
 * 404. gest_sync_pull_all() reads it (the page scanner, json-glib, the checks) and applies it
 * to a fresh database (a copy of one made at start), as a sync round does. A page that is
 * refused must leave no cursor behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gest-fuzz.h"
#include "gest-store.h"
#include "gest-sync-private.h"

static const char last_page[] = "{\"changes\":[],\"cursor\":\"fuzz-end\",\"more\":false}";

static GMutex lock;
static GBytes *page;           /* the input, served once */
static char *base_url;
static char *template_path;
static char *db_path;

/* libsoup 3.2.3's server keeps the socket of each keep-alive connection the client closes
 * (#16.2): this one closes each connection itself, or the fuzzer runs out of files after
 * ~20,000 inputs. */
static void
close_after (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

static void
pull_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autoptr(GBytes) body = NULL;

  g_mutex_lock (&lock);
  body = g_steal_pointer (&page);
  g_mutex_unlock (&lock);
  if (body == NULL)
    body = g_bytes_new_static (last_page, strlen (last_page));
  close_after (msg);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
other_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  static const char not_found[] = "{\"error\":\"no such blob\"}";

  close_after (msg);
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    not_found, strlen (not_found));
}

static gpointer
server_thread (gpointer data)
{
  GAsyncQueue *ready = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GError) error = NULL;
  SoupServer *server;
  GSList *uris;

  g_main_context_push_thread_default (context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/v1/pull", pull_cb, NULL, NULL);
  soup_server_add_handler (server, NULL, other_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (server);
  base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_async_queue_push (ready, GINT_TO_POINTER (1));
  g_main_loop_run (loop);   /* until the process exits */
  return NULL;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *files = g_strconcat (path, ".files", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  /* Pulled documents' files are fetched from the server, which has none: the folder stays
   * empty. */
  g_rmdir (files);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GAsyncQueue) ready = g_async_queue_new ();
  g_autoptr(GError) error = NULL;
  GestStore *store;

  gest_fuzz_init_logging ();
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  template_path = g_build_filename (gest_fuzz_tmpdir (), "template.db", NULL);
  db_path = g_build_filename (gest_fuzz_tmpdir (), "pull.db", NULL);

  /* One migrated database, copied for each input. */
  store = gest_store_open (template_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (!gest_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    g_error ("%s", error->message);
  g_object_unref (store);

  g_thread_unref (g_thread_new ("fuzz-server", server_thread, ready));
  g_async_queue_pop (ready);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestSyncConnection) conn = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (template_path);
  g_autoptr(GFile) to = g_file_new_for_path (db_path);
  g_autofree char *cursor = NULL;
  guint pulled = 0;
  gboolean ok;

  remove_database (db_path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  store = gest_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  conn = gest_sync_connection_new (store, base_url, "fuzz-token", &error);
  if (conn == NULL)
    g_error ("%s", error->message);

  g_mutex_lock (&lock);
  g_clear_pointer (&page, g_bytes_unref);
  page = g_bytes_new (data, size);
  g_mutex_unlock (&lock);

  ok = gest_sync_pull_all (store, conn, &pulled, NULL, &error);
  cursor = gest_sync_state_get (store, "cursor");
  g_message ("pull: %s, %u changes, cursor %s", ok ? "applied" : error->message, pulled,
             cursor != NULL ? cursor : "none");
  if (ok)
    {
      g_assert_no_error (error);
      g_assert_nonnull (cursor);
    }
  else
    {
      g_assert_nonnull (error);
      /* Nothing of a refused first page is kept. */
      g_assert_null (cursor);
      g_assert_cmpuint (pulled, ==, 0);
    }

  g_mutex_lock (&lock);
  g_clear_pointer (&page, g_bytes_unref);
  g_mutex_unlock (&lock);
  return 0;
}
