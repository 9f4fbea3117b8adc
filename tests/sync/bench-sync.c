/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3 benchmark (issue 4, part 6), run by tests/server/pg-env.sh:
 * 1. pull of 100,000 records (GESTIONA_BENCH_SCALE overrides) into an empty desktop database by
 *    GestSyncService (the app's background service) in this process, against a baseline over
 *    the same pages: libcurl download + json-glib parse + prepared-statement inserts in one
 *    transaction (into the same schema, so both pay the search-index triggers); plus this
 *    process's peak memory during the pull (VmHWM) against the largest page;
 * 2. push of 10,000 queued changes through the service (changes/s);
 * and, while each runs, the longest stall of this process's main loop (a 5 ms timer that
 * also reads and writes the database, as the app's views and forms do), against the 50 ms of
 * the issue. */
#include "config.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>
#include <locale.h>

#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-sync-service.h"
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

/* /proc/self/status field @name in KiB (VmHWM, VmRSS, RssAnon, RssFile). */
static long
status_kib (const char *name)
{
  g_autofree char *text = NULL;
  g_autofree char *key = g_strconcat ("\n", name, ":", NULL);
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) || (at = strstr (text, key)) == NULL)
    return -1;
  return strtol (at + strlen (key), NULL, 10);
}

/* Sets VmHWM back to the current VmRSS (Linux 4.0+); FALSE when the kernel refuses. */
static gboolean
reset_peak (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);
  gboolean ok = fd >= 0 && write (fd, "5", 1) == 1;

  if (fd >= 0)
    close (fd);
  return ok;
}

/* A sync round through GestSyncService (the app's background service) while this thread runs
 * a GMainLoop with a 5 ms timer: the longest gap between its ticks is the main loop's worst
 * stall. Each tick also reads the database on the main thread, as the app's views do, and
 * every 20th saves a row as the app's forms do: through gest_store_write_async(), on the
 * store's writer thread, which waits for the sync's write transaction while the main loop
 * goes on. How long a save took, from asking to its callback, is measured apart: what a user
 * waits for the "saved" toast. */
typedef struct
{
  GMainLoop *loop;
  GestStore *reader;       /* the main thread's own connection */
  gint64     started;
  gint64     last_tick;
  gint64     max_gap;
  gint64     save_asked;     /* when the save in flight was asked for, 0 when none is */
  gint64     max_save;       /* the longest save, from asking to its callback */
  guint      saves;
  gint64     queued_zero;  /* when the outbox was seen empty (the push phase over) */
  gint64     finished;
  guint      ticks;
  gboolean   seen_running;
  long       anon_before;
  long       file_before;
  long       peak_anon;
  long       peak_file;
} Round;

/* On the store's writer thread. */
static gboolean
insert_tick (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  return gest_store_exec (store, "INSERT INTO bench_ticks (at) VALUES (1)", error);
}

static void
tick_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Round *round = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_write_finish (GEST_STORE (object), result, &error));
  round->max_save = MAX (round->max_save, g_get_monotonic_time () - round->save_asked);
  round->saves++;
  round->save_asked = 0;
}

static gboolean
tick_cb (gpointer user_data)
{
  Round *round = user_data;
  gint64 now = g_get_monotonic_time ();

  round->max_gap = MAX (round->max_gap, now - round->last_tick);
  round->ticks++;
  if (round->queued_zero == 0 && round->ticks % 4 == 0 &&
      sync_test_query_int (round->reader, "SELECT count(*) FROM sync_outbox WHERE state = 'queued'") == 0)
    round->queued_zero = g_get_monotonic_time ();
  /* Every 100 ms a small save, as a user saving a form, unless the last one is still
   * waiting for the sync's write transaction. */
  if (round->ticks % 20 == 0 && round->save_asked == 0)
    {
      round->save_asked = now;
      gest_store_write_async (round->reader, insert_tick, NULL, NULL, NULL, tick_saved_cb, round);
    }
  if (round->ticks % 10 == 0)
    {
      round->peak_anon = MAX (round->peak_anon, status_kib ("RssAnon"));
      round->peak_file = MAX (round->peak_file, status_kib ("RssFile"));
    }
  /* From this tick's start: its own work (a write waiting for the sync's transaction) is
   * part of the next gap, as it is of the main loop's stall. */
  round->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
running_cb (GestSyncService *service,
            GParamSpec      *pspec,
            Round           *round)
{
  if (gest_sync_service_get_running (service))
    round->seen_running = TRUE;
  else if (round->seen_running && round->finished == 0)
    {
      round->finished = g_get_monotonic_time ();
      g_main_loop_quit (round->loop);
    }
}

/* The main thread's connection @reader is the caller's: in the app it is open before any
 * sync, so it is opened (and its table made) before the peak memory is reset. */
static void
service_round (GestStore *reader,
               Round     *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestSyncService) service = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint tick;

  memset (round, 0, sizeof *round);
  round->loop = loop;
  round->reader = reader;
  round->peak_anon = round->anon_before = status_kib ("RssAnon");
  round->peak_file = round->file_before = status_kib ("RssFile");
  service = gest_sync_service_new (reader);
  g_signal_connect (service, "notify::running", G_CALLBACK (running_cb), round);
  round->started = round->last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (5, tick_cb, round);
  gest_sync_service_start (service);
  g_main_loop_run (loop);
  g_source_remove (tick);
  gest_store_wait_for_writes (reader);
  g_assert_cmpstr (gest_sync_service_get_last_error (service), ==, NULL);
  gest_sync_service_stop (service);
  if (round->queued_zero == 0)
    round->queued_zero = round->finished;
  round->reader = NULL;
  round->loop = NULL;
}

static void
print_stall (const Round *round)
{
  g_print ("  main loop          longest gap between 5 ms ticks %.1f ms (%s 50 ms) over %u ticks\n",
           round->max_gap / 1000.0, round->max_gap <= 50000 ? "<=" : "OVER", round->ticks);
  g_print ("                     %u saves on the writer thread, one every 100 ms at most: the longest "
           "took %.1f ms from asking to saved\n",
           round->saves, round->max_save / 1000.0);
}

static GestStore *
bench_reader (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  GestStore *reader = gest_store_open (db_path, &error);

  g_assert_no_error (error);
  sync_test_exec (reader, "CREATE TABLE IF NOT EXISTS bench_ticks (at INTEGER)");
  return reader;
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
  g_autofree char *push_path = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) base = NULL;
  g_autoptr(GestStore) reader = NULL;
  gsize bytes, largest;
  guint records;
  long rss_before, hwm_pull;
  gboolean peak_reset;
  double t_sync, t_base, t_push, t_push_round;
  Round pull, push;

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
  /* A server's rows are vacuumed long before a desktop pulls them: without this, the first
   * reader of freshly loaded rows (the service, measured first) pays for setting their hint
   * bits and the reference after it does not. */
  g_free (sync_test_psql ("VACUUM (ANALYZE) records"));

  {
    GestStore *desk = sync_test_new_desktop (dir, "sync.db", dealer);

    sync_path = g_strdup (gest_store_get_path (desk));
    g_object_unref (desk);
  }

  /* The pull, through the service, in this process: its peak memory is VmHWM after the round
   * minus VmRSS before it (the peak is reset first, after the main thread's own connection is
   * open), RAM the database's mapped pages included. */
  reader = bench_reader (sync_path);
  peak_reset = reset_peak ();
  rss_before = peak_reset ? status_kib ("VmRSS") : status_kib ("VmHWM");
  service_round (reader, &pull);
  g_clear_object (&reader);
  hwm_pull = status_kib ("VmHWM");
  t_sync = (double) (pull.finished - pull.started) / G_USEC_PER_SEC;

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
  g_print ("  GestSyncService    %.2f s (%.0f records/s)\n", t_sync, scale / t_sync);
  g_print ("  curl+parse+insert  %.2f s\n", t_base);
  g_print ("  ratio              %.2f (goal <= 1.5)\n", t_sync / t_base);
  g_print ("  peak memory        VmHWM %.1f MB - %.1f MB before = +%.1f MB = %.1f x the largest page "
           "(goal <= 4)%s\n",
           hwm_pull / 1024.0, rss_before / 1024.0, (hwm_pull - rss_before) / 1024.0,
           (hwm_pull - rss_before) * 1024.0 / largest,
           peak_reset ? "" : " [clear_refs refused: measured against the earlier peak]");
  g_print ("                     of it, sampled every 50 ms: anonymous +%.1f MB, file-backed (mapped "
           "database, libraries) +%.1f MB\n",
           (pull.peak_anon - pull.anon_before) / 1024.0, (pull.peak_file - pull.file_before) / 1024.0);
  print_stall (&pull);

  /* 2. Push of 10,000 queued changes, through the service too; the round then pulls them back. */
  {
    g_autofree char *push_dealer = sync_test_new_dealer ("Ford Bench Push");
    g_autoptr(GestStore) pusher = sync_test_new_desktop (dir, "push.db", push_dealer);

    push_path = g_strdup (gest_store_get_path (pusher));
    g_assert_true (gest_store_begin (pusher, TRUE, &error));
    for (guint i = 0; i < 10000; i++)
      {
        g_autofree char *insert = g_strdup_printf ("INSERT INTO customers (uuid, name, city) VALUES "
                                                   "('%08x-0000-4000-8000-000000000000', 'Cliente %u', 'Puebla')",
                                                   i, i);
        sync_test_exec (pusher, insert);
      }
    g_assert_true (gest_store_commit (pusher, &error));
  }
  reader = bench_reader (push_path);
  service_round (reader, &push);
  g_clear_object (&reader);
  t_push = (double) (push.queued_zero - push.started) / G_USEC_PER_SEC;
  t_push_round = (double) (push.finished - push.started) / G_USEC_PER_SEC;
  {
    g_autoptr(GestStore) check = gest_store_open (push_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sync_test_query_int (check, "SELECT count(*) FROM sync_outbox WHERE state = 'applied'"),
                     ==, 10000);
  }
  g_print ("push of 10,000 queued changes (GestSyncService): %.2f s, %.0f changes/s; whole round with "
           "pulling them back %.2f s\n", t_push, 10000 / t_push, t_push_round);
  print_stall (&push);

  g_clear_object (&base);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
  curl_global_cleanup ();
  return 0;
}
