/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3 benchmark (issue 4, part 6), run by tests/server/pg-env.sh:
 * 1. pull of 100,000 records (GESTIONA_BENCH_SCALE overrides) into an empty desktop database by
 *    `gestiona-cli sync`, against a baseline in this process over the same pages: libcurl
 *    download + json-glib parse + prepared-statement inserts in one transaction (into the same
 *    schema, so both pay the search-index triggers); plus the sync process's peak memory
 *    against the largest page;
 * 2. push of 10,000 queued changes (changes/s). */
#include "config.h"

#include <curl/curl.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

static size_t
collect_cb (char   *data,
            size_t  size,
            size_t  n,
            void   *user_data)
{
  g_byte_array_append (user_data, (const guint8 *) data, (guint) (size * n));
  return size * n;
}

static const char * const columns[] = {
  "kind", "name", "rfc", "city", "state_code", "postal_code", "email", "phone_mobile", "street", NULL
};

/* The baseline: the same requests, parsed and inserted with one prepared statement. */
static double
baseline_pull (GestStore  *store,
               const char *token,
               gsize      *out_bytes,
               gsize      *out_largest,
               guint      *out_records)
{
  g_autofree char *auth = g_strconcat ("Authorization: Bearer ", token, NULL);
  struct curl_slist *headers = curl_slist_append (NULL, auth);
  g_autofree char *cursor = g_strdup ("");
  g_autoptr(GError) error = NULL;
  CURL *curl = curl_easy_init ();
  sqlite3_stmt *stmt;
  gint64 start = g_get_monotonic_time ();
  gboolean more = TRUE;

  *out_bytes = *out_largest = 0;
  *out_records = 0;
  g_assert_true (gest_store_begin (store, TRUE, &error));
  sync_test_exec (store, "INSERT INTO sync_applying (one) VALUES (1)");
  stmt = gest_store_prepare (store, "INSERT INTO customers (uuid, kind, name, rfc, city, state_code, postal_code, "
                                    "email, phone_mobile, street) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             &error);
  g_assert_no_error (error);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, collect_cb);

  while (more)
    {
      g_autofree char *url = g_strdup_printf ("%s/v1/pull?cursor=%s&limit=%d", g_getenv ("GESTIONA_TEST_SERVER_URL"),
                                              cursor, GEST_SYNC_PULL_LIMIT);
      g_autoptr(GByteArray) body = g_byte_array_new ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *changes;

      curl_easy_setopt (curl, CURLOPT_URL, url);
      curl_easy_setopt (curl, CURLOPT_WRITEDATA, body);
      g_assert_cmpint (curl_easy_perform (curl), ==, CURLE_OK);
      *out_bytes += body->len;
      *out_largest = MAX (*out_largest, body->len);
      g_assert_true (json_parser_load_from_data (parser, (const char *) body->data, body->len, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      changes = json_object_get_array_member (root, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *fields = json_object_get_object_member (change, "fields");

          sqlite3_bind_text (stmt, 1, json_object_get_string_member (change, "uuid"), -1, SQLITE_TRANSIENT);
          for (guint c = 0; columns[c] != NULL; c++)
            sqlite3_bind_text (stmt, (int) c + 2, json_object_get_string_member_with_default (fields, columns[c], ""),
                               -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
          (*out_records)++;
        }
      g_free (cursor);
      {
        JsonNode *node = json_object_get_member (root, "cursor");

        cursor = json_node_get_value_type (node) == G_TYPE_STRING
                 ? g_uri_escape_string (json_node_get_string (node), NULL, FALSE)
                 : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      }
      more = json_object_get_boolean_member (root, "more") && json_array_get_length (changes) > 0;
    }
  sqlite3_finalize (stmt);
  sync_test_exec (store, "DELETE FROM sync_applying");
  g_assert_true (gest_store_commit (store, &error));
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* Runs gestiona-cli; returns the wall time and the peak resident size (KiB). */
static double
run_cli (const char * const *args,
         long               *out_maxrss_kib)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *out_maxrss_kib = usage.ru_maxrss;
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  const char *scale_text = g_getenv ("GESTIONA_BENCH_SCALE");
  guint scale = scale_text != NULL ? (guint) g_ascii_strtoull (scale_text, NULL, 10) : 100000;
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sync_path = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) base = NULL;
  g_autoptr(GestStore) pusher = NULL;
  g_autoptr(GestSyncConnection) conn = NULL;
  gsize bytes, largest;
  guint records, pushed = 0;
  long rss_pull, rss_idle;
  double t_sync, t_base, t_push;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  if (!sync_test_have_server ())
    {
      g_print ("bench-sync: needs gestiona-server and PostgreSQL (tests/server/pg-env.sh)\n");
      return 77;
    }
  curl_global_init (CURL_GLOBAL_DEFAULT);
  dir = gest_test_tmpdir_new ();

  /* 1. The server holds @scale customers of one dealer. */
  dealer = sync_test_new_dealer ("Ford Bench");
  sql = g_strdup_printf ("INSERT INTO records (dealer_id, entity, uuid, version, data) "
                         "SELECT '%s', 'customer', md5 (i::text)::uuid::text, i, jsonb_build_object ("
                         "'kind', 'fisica', 'name', 'Cliente ' || i, 'rfc', 'XAXX010101000', 'city', 'Puebla', "
                         "'state_code', 'PUE', 'postal_code', '72000', 'email', 'c' || i || '@example.com', "
                         "'phone_mobile', (2220000000 + i)::text, 'street', 'Av. Reforma ' || i) "
                         "FROM generate_series (1, %u) i; UPDATE dealers SET last_seq = %u WHERE id = '%s'",
                         dealer, scale, scale, dealer);
  g_free (sync_test_psql (sql));

  {
    GestStore *desk = sync_test_new_desktop (dir, "sync.db", dealer);

    sync_path = g_strdup (gest_store_get_path (desk));
    g_object_unref (desk);
  }
  {
    const char * const status_args[] = { "--db", sync_path, "sync", "--status", NULL };
    const char * const sync_args[] = { "--db", sync_path, "sync", NULL };

    run_cli (status_args, &rss_idle);
    t_sync = run_cli (sync_args, &rss_pull);
  }
  base = sync_test_new_desktop (dir, "base.db", dealer);
  token = gest_sync_token_lookup (base, NULL, &error);
  g_assert_no_error (error);
  t_base = baseline_pull (base, token, &bytes, &largest, &records);
  g_assert_cmpuint (records, ==, scale);
  {
    g_autoptr(GestStore) check = gest_store_open (sync_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sync_test_query_int (check, "SELECT count(*) FROM customers"), ==, scale);
  }

  g_print ("pull of %u records (%.1f MB in %u pages, largest %.2f MB):\n", scale, bytes / 1e6,
           (scale + GEST_SYNC_PULL_LIMIT - 1) / GEST_SYNC_PULL_LIMIT, largest / 1e6);
  g_print ("  gestiona-cli sync  %.2f s (%.0f records/s)\n", t_sync, scale / t_sync);
  g_print ("  curl+parse+insert  %.2f s\n", t_base);
  g_print ("  ratio              %.2f\n", t_sync / t_base);
  g_print ("  peak memory        %.1f MB (%.1f MB idle; +%.1f MB = %.1f × the largest page)\n",
           rss_pull / 1024.0, rss_idle / 1024.0, (rss_pull - rss_idle) / 1024.0,
           (rss_pull - rss_idle) * 1024.0 / largest);

  /* 2. Push of 10,000 queued changes. */
  {
    g_autofree char *push_dealer = sync_test_new_dealer ("Ford Bench Push");

    pusher = sync_test_new_desktop (dir, "push.db", push_dealer);
  }
  {
    g_assert_true (gest_store_begin (pusher, TRUE, &error));
    for (guint i = 0; i < 10000; i++)
      {
        g_autofree char *insert = g_strdup_printf ("INSERT INTO customers (uuid, name, city) VALUES "
                                                   "('%08x-0000-4000-8000-000000000000', 'Cliente %u', 'Puebla')",
                                                   i, i);
        sync_test_exec (pusher, insert);
      }
    g_assert_true (gest_store_commit (pusher, &error));
    g_free (token);
    token = gest_sync_token_lookup (pusher, NULL, &error);
    conn = gest_sync_connection_new (pusher, g_getenv ("GESTIONA_TEST_SERVER_URL"), token, &error);
    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    g_assert_true (gest_sync_push_all (pusher, conn, &pushed, NULL, &error));
    g_assert_no_error (error);
    t_push = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
    g_assert_cmpuint (pushed, ==, 10000);
    g_print ("push of 10,000 queued changes: %.2f s, %.0f changes/s\n", t_push, pushed / t_push);
  }

  g_clear_object (&base);
  g_clear_object (&pusher);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
  curl_global_cleanup ();
  return 0;
}
