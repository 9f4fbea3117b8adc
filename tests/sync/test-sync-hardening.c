/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3, issue 16 items 4 and 6 on the desktop: pulled data is checked before it is applied, a
 * change that cannot go through is rejected with its reason and never blocks the queue, and
 * what may be attached is capped. Pull pages come from a loopback SoupServer; pushes go to the
 * real gestiona-server and PostgreSQL (tests/server/pg-env.sh, with GESTIONA_SERVER_MAX_BLOB
 * set small by tests/meson.build). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gest-document-store.h"
#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define RECORD "a0000000-0000-4000-8000-0000000000d1"

static gboolean
skip_without_server (void)
{
  if (sync_test_have_server ())
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

/* Pull pages on loopback */

static void
pull_reply_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  GString *body = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
}

static char *
serve_pull (SoupServer *server,
            GString    *body)
{
  return sync_test_serve_pull (server, pull_reply_cb, body);
}

typedef struct
{
  GestStore      *store;
  GestSyncReport  report;
  GError         *error;
  gboolean        ok;
  gboolean        done;
} Round;

static gpointer
round_thread (gpointer data)
{
  Round *round = data;

  round->ok = gest_sync_run_once_report (round->store, &round->report, NULL, &round->error);
  g_atomic_int_set (&round->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* One round on a thread while this one serves the loopback server. */
static gboolean
run_round (GestStore       *store,
           GestSyncReport  *out_report,
           GError         **error)
{
  Round round = { store, { 0, }, NULL, FALSE, FALSE };
  GThread *thread = g_thread_new ("round", round_thread, &round);

  while (!g_atomic_int_get (&round.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  *out_report = round.report;
  if (round.error != NULL)
    g_propagate_error (error, round.error);
  return round.ok;
}

static void
subprocess_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* `gestiona-cli --db PATH sync` while this thread serves the loopback server. */
static int
run_cli_sync (const char  *path,
              char       **out_stdout,
              char       **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GInputStream) out = NULL;
  gboolean done = FALSE;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           g_getenv ("GESTIONA_CLI"), "--db", path, "sync", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (proc, NULL, subprocess_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(GBytes) o = NULL;
    g_autoptr(GBytes) e = NULL;

    g_subprocess_communicate (proc, NULL, NULL, &o, &e, &error);
    g_assert_no_error (error);
    *out_stdout = g_strndup (g_bytes_get_data (o, NULL), g_bytes_get_size (o));
    *out_stderr = g_strndup (g_bytes_get_data (e, NULL), g_bytes_get_size (e));
  }
  g_test_message ("cli sync: %d\n%s%s", g_subprocess_get_exit_status (proc), *out_stdout, *out_stderr);
  return g_subprocess_get_exit_status (proc);
}

/* 16.6: a document whose sha256 is a 64-character path is not applied, its "file" is not
 * fetched, and the document store's path function names no file for it. */
static void
test_sha256_path_refused (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) evil = g_string_new (NULL);
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestDocumentStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *evil_path = NULL;
  g_autofree char *cursor = NULL;
  GestSyncReport report;

  for (guint i = 0; i < 15; i++)
    g_string_append (evil, "../");
  g_string_append (evil, "././a.db.sync-token");
  g_assert_cmpuint (evil->len, ==, 64);

  g_string_printf (body, "{\"changes\": [{\"entity\": \"document\", \"uuid\": "
                         "\"d0000000-0000-4000-8000-000000000001\", \"version\": 1, \"fields\": "
                         "{\"record_uuid\": \"" RECORD "\", \"kind\": \"other\", \"sha256\": \"%s\", "
                         "\"size\": 10, \"mime_type\": \"application/pdf\", \"filename\": \"a.pdf\", "
                         "\"added_by\": \"x\", \"added_at\": 1}}], \"cursor\": \"3\", \"more\": false}",
                   evil->str);
  url = serve_pull (server, body);
  store = sync_test_open_enrolled (path, url);

  g_assert_true (run_round (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpuint (report.pulled, ==, 1);
  g_assert_cmpuint (report.not_applied, ==, 1);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE kind = 'not-applied' "
                                               "AND entity = 'document' AND message LIKE '%sha256%'"), ==, 1);
  cursor = gest_sync_state_get (store, "cursor");
  g_assert_cmpstr (cursor, ==, "3");

  /* The path function refuses it too (a row written before this check existed). */
  documents = gest_document_store_new (store);
  evil_path = gest_document_store_get_content_path (documents, evil->str);
  g_assert_null (evil_path);
  g_assert_false (gest_sync_sha256_is_valid (evil->str));
  g_assert_false (gest_sync_sha256_is_valid ("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
  g_assert_true (gest_sync_sha256_is_valid ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

  g_clear_object (&documents);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

#define CUSTOMER(uuid, extra) \
  "{\"entity\": \"customer\", \"uuid\": \"" uuid "\", \"version\": 1, \"fields\": {" extra "}}"

/* The page of test_bad_records: one good customer and five records the forms would refuse. */
static void
bad_records_page (GString *body)
{
  GString *long_name = g_string_new (NULL);

  g_string_set_size (long_name, 1000000);
  memset (long_name->str, 'x', long_name->len);
  g_string_assign (body, "{\"changes\": [");
  g_string_append (body, CUSTOMER ("c0000000-0000-4000-8000-000000000001",
                                   "\"name\": \"Ana Díaz\", \"rfc\": \"XAXX010101000\", \"phone_mobile\": \"2221234567\""));
  g_string_append (body, ", " CUSTOMER ("c0000000-0000-4000-8000-000000000002",
                                        "\"name\": \"Beto\", \"rfc\": \"' OR 1=1 --\""));
  g_string_append_printf (body, ", " CUSTOMER ("c0000000-0000-4000-8000-000000000003", "\"name\": \"%s\""),
                          long_name->str);
  g_string_append (body, ", " CUSTOMER ("c0000000-0000-4000-8000-000000000004",
                                        "\"name\": \"Carla \\u202Efdp.exe\""));
  g_string_append (body, ", " CUSTOMER ("C0000000-0000-4000-8000-000000000005", "\"name\": \"Dora\""));
  g_string_append (body, ", {\"entity\": \"vehicle\", \"uuid\": \"e0000000-0000-4000-8000-000000000006\", "
                         "\"version\": 1, \"fields\": {\"vin\": \"1234\", \"model\": \"Ranger\"}}");
  g_string_append (body, "], \"cursor\": \"9\", \"more\": false}");
  g_string_free (long_name, TRUE);
}

/* 16.6: the forms' validators run on pulled records; a record that fails is skipped and
 * recorded with its reason, the rest of the page is applied, and the round counts it. */
static void
test_bad_records_not_applied (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path2 = g_build_filename (dir, "b.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GestSyncReport report;

  bad_records_page (body);
  url = serve_pull (server, body);
  store = sync_test_open_enrolled (path, url);

  g_assert_true (run_round (store, &report, &error));
  g_assert_no_error (error);
  name = sync_test_query_text (store, "SELECT group_concat (name, '|') FROM customers");
  g_assert_cmpstr (name, ==, "Ana Díaz");
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM vehicles"), ==, 0);
  g_assert_cmpuint (report.pulled, ==, 6);
  g_assert_cmpuint (report.not_applied, ==, 5);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE kind = 'not-applied'"), ==, 5);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE message LIKE '%RFC%'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE message LIKE '%longer than%'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE message LIKE '%U+202E%'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE message LIKE '%lower-case UUID%'"), ==, 1);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE message LIKE '%VIN%'"), ==, 1);
  /* The log keeps a short excerpt, not a megabyte. */
  g_assert_cmpint (sync_test_query_int (store, "SELECT max (length (uuid) + length (message)) FROM sync_log"), <, 1000);
  cursor = gest_sync_state_get (store, "cursor");
  g_assert_cmpstr (cursor, ==, "9");
  g_clear_object (&store);

  /* `gestiona-cli sync` says so and exits 1. */
  g_clear_object (&store);
  store = sync_test_open_enrolled (path2, url);
  g_clear_object (&store);
  g_assert_cmpint (run_cli_sync (path2, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "received 6 (5 not applied)"));
  g_assert_nonnull (strstr (err, "not applied: customer c0000000-0000-4000-8000-000000000002"));

  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* 16.4: the server's limit for documents, when a pull page carries it, caps attachments. */
static void
test_max_blob_from_server (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GString) body = g_string_new ("{\"changes\": [], \"cursor\": \"1\", \"more\": false, "
                                          "\"max_blob\": 3000}");
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = serve_pull (server, body);
  GestSyncReport report;

  store = sync_test_open_enrolled (path, url);
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, GEST_DOCUMENT_DEFAULT_MAX_SIZE);
  g_assert_true (run_round (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, 3000);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* 16.6: a cursor the server refuses (400: from another server, or from before a restore of
 * its database) makes the desktop pull from the start, not fail every round. */
static void
cursor_reply_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  GPtrArray *cursors = user_data;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *body;

  g_ptr_array_add (cursors, g_strdup (cursor != NULL ? cursor : ""));
  if (cursor != NULL && *cursor != '\0')
    {
      body = "{\"error\": \"The pull cursor is past this dealer's last change.\"}";
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
    }
  else
    {
      body = "{\"changes\": [], \"cursor\": \"7\", \"more\": false}";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
test_refused_cursor_pulls_from_start (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GPtrArray) cursors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *url = NULL;
  GestSyncReport report;

  url = sync_test_serve_pull (server, cursor_reply_cb, cursors);
  store = sync_test_open_enrolled (path, url);
  g_assert_true (gest_sync_state_set (store, "cursor", "999999", &error));
  g_assert_true (run_round (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cursors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (cursors, 0), ==, "999999");
  g_assert_cmpstr (g_ptr_array_index (cursors, 1), ==, "");
  cursor = gest_sync_state_get (store, "cursor");
  g_assert_cmpstr (cursor, ==, "7");
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* 16.4: the real server says its document limit when a desktop enrolls and on every pull page. */
static void
test_server_sends_max_blob (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GestSyncReport report;

  if (skip_without_server ())
    return;
  g_assert_cmpstr (g_getenv ("GESTIONA_SERVER_MAX_BLOB"), ==, "65536");

  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Tehuacán");
  store = sync_test_new_desktop (dir, "a.db", dealer);
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, 65536);

  sync_test_exec (store, "DELETE FROM sync_state WHERE key = 'max-blob'");
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, GEST_DOCUMENT_DEFAULT_MAX_SIZE);
  g_assert_true (gest_sync_run_once_report (store, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, 65536);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Attachments */

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GestDocumentStore *documents;
  GFile             *file;
  GCancellable      *cancellable;
  GError            *error;
  GestDocument      *document;
  gboolean           done;
} AddRun;

static gpointer
add_thread (gpointer data)
{
  AddRun *run = data;
  g_autoptr(GestStore) store = gest_store_open (gest_store_get_path (gest_document_store_get_store (run->documents)), NULL);
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);

  run->document = gest_document_store_add (documents, RECORD, run->file, GEST_DOCUMENT_KIND_OTHER,
                                           run->cancellable, &run->error);
  g_atomic_int_set (&run->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Adds @path; a read that goes on is cancelled after 300 ms (the code before the fix read
 * /dev/zero until the disk was full). */
static GestDocument *
add_bounded (GestDocumentStore  *documents,
             const char         *path,
             GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AddRun run = { documents, file, cancellable, NULL, NULL, FALSE };
  GThread *thread = g_thread_new ("add", add_thread, &run);
  guint timeout = g_timeout_add (300, cancel_cb, cancellable);

  while (!g_atomic_int_get (&run.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout);
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  return run.document;
}

/* 16.4: larger than the limit (the setting, or the server's), not a regular file: refused
 * before it is read, nothing stored. */
static void
test_oversize_attach_refused (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *big = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *small = g_build_filename (dir, "small.pdf", NULL);
  g_autofree char *payload = g_strnfill (5000, 'x');
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestDocumentStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) document = NULL;
  g_autoptr(GestDocument) zero = NULL;
  g_autoptr(GestDocument) folder = NULL;
  gint64 start;

  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  documents = gest_document_store_new (store);
  g_assert_true (g_file_set_contents (big, payload, 5000, NULL));
  g_assert_true (g_file_set_contents (small, payload, 900, NULL));

  g_assert_true (gest_store_set_setting (store, "documents.max-size", "1000", &error));
  g_assert_null (add_bounded (documents, big, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* g_format_size () puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "“big.pdf” is 5.0\302\240kB, more than the 1.0\302\240kB a document may have"));
  g_clear_error (&error);
  document = add_bounded (documents, small, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* The server's limit, when lower, wins. */
  g_assert_true (gest_store_set_setting (store, "documents.max-size", "100000", &error));
  g_assert_true (gest_sync_state_set (store, "max-blob", "4000", &error));
  g_assert_cmpint (gest_document_store_get_max_size (store), ==, 4000);
  g_assert_null (add_bounded (documents, big, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  /* /dev/zero never ends: refused at once, nothing written. */
  start = g_get_monotonic_time ();
  zero = add_bounded (documents, "/dev/zero", &error);
  g_assert_null (zero);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 4);
  g_clear_error (&error);
  folder = add_bounded (documents, dir, &error);
  g_assert_null (folder);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM documents"), ==, 1);
  g_clear_object (&documents);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Against the real server */

/* 16.4: a document file larger than the server takes (GESTIONA_SERVER_MAX_BLOB) made every
 * round fail with 413, and nothing after it reached the server. Now the document's change is
 * rejected with the reason, the changes after it go, and the next round is clean. */
static void
test_rejected_change_does_not_block_queue (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *src = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *server = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestDocumentStore) documents = NULL;
  g_autoptr(GestDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GestSyncReport report;

  if (skip_without_server ())
    return;
  g_assert_cmpstr (g_getenv ("GESTIONA_SERVER_MAX_BLOB"), ==, "65536");

  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Cholula");
  store = sync_test_new_desktop (dir, "a.db", dealer);
  /* Attached before the server's limit was known here. */
  sync_test_exec (store, "DELETE FROM sync_state WHERE key = 'max-blob'");
  src = g_build_filename (dir, "scan.pdf", NULL);
  payload = g_strnfill (100000, 'p');
  g_assert_true (g_file_set_contents (src, payload, -1, NULL));
  file = g_file_new_for_path (src);
  documents = gest_document_store_new (store);
  document = gest_document_store_add (documents, RECORD, file, GEST_DOCUMENT_KIND_OTHER, NULL, &error);
  g_assert_no_error (error);
  sync_test_exec (store, "INSERT INTO customers (uuid, name, city) VALUES "
                         "('c0000000-0000-4000-8000-0000000000e1', 'Elena Ruiz', 'Cholula')");

  g_assert_true (gest_sync_run_once_report (store, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 1);
  g_assert_cmpint (gest_sync_count_pending (store), ==, 0);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_outbox WHERE state = 'rejected' "
                                               "AND entity = 'document'"), ==, 1);
  message = sync_test_query_text (store, "SELECT message FROM sync_log WHERE kind = 'rejected'");
  g_assert_nonnull (strstr (message, "larger than"));
  server = sync_test_server_dump (dealer);
  g_assert_nonnull (strstr (server, "Elena Ruiz"));
  g_assert_null (strstr (server, gest_document_get_uuid (document)));

  /* The next change goes too, and the round is clean. */
  sync_test_exec (store, "UPDATE customers SET city = 'Puebla' WHERE uuid = 'c0000000-0000-4000-8000-0000000000e1'");
  g_assert_true (gest_sync_run_once_report (store, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 0);
  g_clear_pointer (&server, g_free);
  server = sync_test_server_dump (dealer);
  g_assert_nonnull (strstr (server, "Puebla"));

  g_clear_object (&document);
  g_clear_object (&documents);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* 16.6: a local record the forms would refuse (written around them) is not sent: it is
 * rejected here with the reason, the rest goes, and `gestiona-cli sync` exits 1. */
static void
test_bad_local_change_not_pushed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *server = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GestStore) store = NULL;
  const char *argv[4] = { "--db", NULL, "sync", NULL };
  int status;

  if (skip_without_server ())
    return;

  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Atlixco");
  store = sync_test_new_desktop (dir, "a.db", dealer);
  sync_test_exec (store, "INSERT INTO customers (uuid, name, rfc) VALUES "
                         "('c0000000-0000-4000-8000-0000000000f1', 'Malo', ''' OR 1=1 --')");
  sync_test_exec (store, "INSERT INTO customers (uuid, name) VALUES "
                         "('c0000000-0000-4000-8000-0000000000f2', 'Bueno')");
  argv[1] = gest_store_get_path (store);
  status = gest_test_run_cli (argv, &out, &err);
  g_test_message ("cli sync: %d\n%s%s", status, out, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "(1 rejected)"));
  g_assert_nonnull (strstr (err, "rejected: customer c0000000-0000-4000-8000-0000000000f1"));
  g_assert_nonnull (strstr (err, "RFC"));

  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_outbox WHERE state = 'rejected'"), ==, 1);
  server = sync_test_server_dump (dealer);
  g_assert_nonnull (strstr (server, "Bueno"));
  g_assert_null (strstr (server, "Malo"));

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

  g_test_add_func ("/sync/X3/16.6/sha256-path-refused", test_sha256_path_refused);
  g_test_add_func ("/sync/X3/16.6/bad-rfc-rejected-not-applied", test_bad_records_not_applied);
  g_test_add_func ("/sync/X3/16.6/bad-local-change-not-pushed", test_bad_local_change_not_pushed);
  g_test_add_func ("/sync/X3/16.4/oversize-attach-refused", test_oversize_attach_refused);
  g_test_add_func ("/sync/X3/16.4/max-blob-from-server", test_max_blob_from_server);
  g_test_add_func ("/sync/X3/16.4/server-sends-max-blob", test_server_sends_max_blob);
  g_test_add_func ("/sync/X3/16.6/refused-cursor-pulls-from-start", test_refused_cursor_pulls_from_start);
  g_test_add_func ("/sync/X3/16.4/rejected-change-does-not-block-queue",
                   test_rejected_change_does_not_block_queue);

  return g_test_run ();
}
