/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3 load benchmark (issue 16, scale of the Conauto side), run by tests/server/nginx-env.sh
 * (one server directly with --direct, or two servers behind nginx): 200 desktops of 20 dealers
 * enrolled with the server's admin commands and /v1/enroll, then all of them sync at once,
 * each ROUNDS times: a push of 5 customer mutations (2 new records, 3 updates of its own
 * earlier ones with their base_version), then pulls until "more" is false. One thread drives
 * them with libsoup's asynchronous API, a session (one keep-alive connection) per desktop, as
 * 200 desktops have; it talks to the server only over HTTP and its CLI, so it measures
 * whichever HTTP layer and push the server has.
 *
 * Reported: p50/p95/p99 latency of push, pull and both; requests/s and changes/s (mutations
 * applied, and changes received by pulls); the VmRSS of each server process
 * (GESTIONA_TEST_SERVER_PIDS) sampled every 250 ms, at the start, middle, end and peak of
 * the load, to show it stays flat. The reference, measured in the same run on the same
 * servers before the load: one desktop making the same rounds alone, one request after the
 * other. Its latency is what a desktop waits on an idle server, so p99 under load ÷ that p50
 * is what 200 desktops at once cost each of them; its throughput is what one client gets, so
 * requests/s under load ÷ that is how far the servers (and PostgreSQL) serve desktops in
 * parallel rather than queueing them. A bare HTTP round trip (a 404 under /v1/, no database)
 * shows the floor of the HTTP layer alone.
 *
 * GESTIONA_BENCH_DESKTOPS (200), GESTIONA_BENCH_DEALERS (20) and GESTIONA_BENCH_ROUNDS (10)
 * override the sizes; no desktop starts a new round after GESTIONA_BENCH_SECONDS (120). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define MUTATIONS_EACH 5
#define NEW_EACH       2
#define REF_ROUNDS     20
#define MAX_SERVERS    8

typedef struct
{
  guint        index;
  guint        dealer;
  char        *auth;              /* "Bearer <token>" */
  SoupSession *session;
  char        *cursor;            /* NULL before the first pull */
  gint64       next_n;
  GPtrArray   *uuids;             /* records this desktop made */
  GArray      *versions;          /* their versions (gint64), by index */
  guint        round;
  gboolean     pushing;
  char        *body;              /* the push in flight */
  gint64       sent_at;           /* the first attempt of the request in flight */
  guint        attempts;
  guint        pending_first;     /* the uuids index of this push's first new record */
  gboolean     done;
} Desktop;

typedef struct
{
  GArray  *push_ms;
  GArray  *pull_ms;
  guint64  requests;
  guint64  applied;
  guint64  pulled;
  guint    errors;
  guint    resent;                /* requests sent again after a connection failure */
  guint    retried_503;           /* requests sent again after a 503 */
  guint    desktops_done;
  guint    desktops;
  guint    rounds;
  gint64   stop_rounds_at;
} Load;

static Load load;
static const char *base_url;
static GMainLoop *loop;
static int n_servers;
static int server_pids[MAX_SERVERS];
static GArray *rss_samples[MAX_SERVERS];   /* double MB, every 250 ms during the load */
static double rss_idle[MAX_SERVERS];        /* before the set-up */

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n, NULL))
    return fallback;
  return (guint) n;
}

static char *
admin (const char *first_arg,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_SERVER"));
  g_ptr_array_add (argv, (gpointer) "admin");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("gestiona-server admin %s failed: %s %s", first_arg, error->message, err != NULL ? err : "");
  return g_strstrip (g_steal_pointer (&out));
}

static double
vm_rss_mb (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static gboolean
sample_rss_cb (gpointer data)
{
  for (int i = 0; i < n_servers; i++)
    {
      double mb = vm_rss_mb (server_pids[i]);

      g_array_append_val (rss_samples[i], mb);
    }
  return G_SOURCE_CONTINUE;
}

static JsonNode *
parse (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static SoupMessage *
new_message (const char *method,
             const char *path,
             const char *auth,
             const char *json)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (auth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  return msg;
}

/* Synchronous, for the set-up and the reference: the status and the JSON body (or NULL). */
static guint
request_sync (SoupSession *session,
              const char  *method,
              const char  *path,
              const char  *auth,
              const char  *json,
              JsonNode   **out_json)
{
  g_autoptr(SoupMessage) msg = new_message (method, path, auth, json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

  if (body == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  if (out_json != NULL)
    *out_json = parse (body);
  return soup_message_get_status (msg);
}

static void
desktop_free (Desktop *desk)
{
  g_free (desk->auth);
  g_free (desk->cursor);
  g_free (desk->body);
  g_clear_object (&desk->session);
  g_ptr_array_unref (desk->uuids);
  g_array_unref (desk->versions);
  g_free (desk);
}

static SoupSession *
new_session (void)
{
  return soup_session_new_with_options ("max-conns", 1, "max-conns-per-host", 1, "timeout", 120, NULL);
}

/* Enrollment codes, made by PARALLEL_ADMIN `admin enroll-code` processes at a time. */
#define PARALLEL_ADMIN 8

typedef struct
{
  const char *dealer_id;
  char       *code;
} CodeJob;

static void
code_job_run (gpointer data,
              gpointer user_data)
{
  CodeJob *job = data;

  job->code = admin ("enroll-code", job->dealer_id, NULL);
}

static Desktop *
enroll (guint       index,
        guint       dealer,
        const char *code)
{
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\", \"device_name\": \"Carga %u\"}", code, index);
  g_autoptr(JsonNode) reply = NULL;
  Desktop *desk = g_new0 (Desktop, 1);
  guint status;

  desk->index = index;
  desk->dealer = dealer;
  desk->session = new_session ();
  desk->uuids = g_ptr_array_new_with_free_func (g_free);
  desk->versions = g_array_new (FALSE, TRUE, sizeof (gint64));
  desk->next_n = 1;
  status = request_sync (desk->session, "POST", "/v1/enroll", NULL, json, &reply);
  if (status != 200 || reply == NULL)
    g_error ("enrolling desktop %u answered %u", index, status);
  desk->auth = g_strconcat ("Bearer ", json_object_get_string_member (json_node_get_object (reply), "token"), NULL);
  return desk;
}

/* The push of one round: NEW_EACH new customers and updates of the desktop's earlier ones. */
static char *
push_body (Desktop *desk)
{
  GString *body = g_string_new ("{\"mutations\": [");
  guint made = desk->uuids->len;

  desk->pending_first = made;
  for (guint i = 0; i < MUTATIONS_EACH; i++)
    {
      gboolean is_new = i < NEW_EACH || made == 0;
      guint target;
      g_autofree char *base = NULL;

      if (is_new)
        {
          target = desk->uuids->len;
          g_ptr_array_add (desk->uuids, g_uuid_string_random ());
          g_array_set_size (desk->versions, desk->uuids->len);
          base = g_strdup ("null");
        }
      else
        {
          target = (desk->round * 7 + i) % made;
          base = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (desk->versions, gint64, target));
        }
      g_string_append_printf (body,
                              "%s{\"n\": %" G_GINT64_FORMAT ", \"entity\": \"customer\", \"uuid\": \"%s\", "
                              "\"op\": \"upsert\", \"base_version\": %s, \"fields\": {\"name\": \"Cliente %u-%u-%u\", "
                              "\"city\": \"Puebla\", \"phone_mobile\": \"22%08u\"}}",
                              i > 0 ? ", " : "", desk->next_n++, (char *) g_ptr_array_index (desk->uuids, target),
                              base, desk->index, desk->round, i, desk->index * 1000 + desk->round * 10 + i);
    }
  g_string_append (body, "]}");
  return g_string_free (body, FALSE);
}

/* Counts applied results and keeps each record's version for the next base_version. Results
 * come in the order sent, so the versions follow the uuids chosen by push_body(). */
static gboolean
read_push (Desktop  *desk,
           JsonNode *reply,
           guint64  *applied)
{
  JsonArray *results;
  guint made_before = desk->pending_first;

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply) ||
      (results = json_object_get_array_member (json_node_get_object (reply), "results")) == NULL ||
      json_array_get_length (results) != MUTATIONS_EACH)
    return FALSE;
  for (guint i = 0; i < MUTATIONS_EACH; i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);
      gboolean is_new = i < NEW_EACH || made_before == 0;
      guint target = is_new ? made_before + i : (desk->round * 7 + i) % made_before;

      if (g_strcmp0 (json_object_get_string_member_with_default (r, "status", ""), "applied") != 0)
        {
          g_printerr ("desktop %u: mutation rejected: %s\n", desk->index,
                      json_object_get_string_member_with_default (r, "error", "?"));
          return FALSE;
        }
      g_array_index (desk->versions, gint64, target) = json_object_get_int_member (r, "version");
      (*applied)++;
    }
  return TRUE;
}

/* Takes the page's cursor; returns whether another page is ready, and counts its changes. */
static gboolean
read_pull (Desktop  *desk,
           JsonNode *reply,
           guint64  *pulled,
           gboolean *more)
{
  JsonObject *page;

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    return FALSE;
  page = json_node_get_object (reply);
  if (!json_object_has_member (page, "changes") || !json_object_has_member (page, "cursor"))
    return FALSE;
  *pulled += json_array_get_length (json_object_get_array_member (page, "changes"));
  g_free (desk->cursor);
  desk->cursor = g_strdup (json_object_get_string_member (page, "cursor"));
  *more = json_object_get_boolean_member_with_default (page, "more", FALSE);
  return TRUE;
}

static char *
pull_path (Desktop *desk)
{
  if (desk->cursor == NULL)
    return g_strdup ("/v1/pull?limit=5000");
  return g_strdup_printf ("/v1/pull?cursor=%s&limit=5000", desk->cursor);
}

static void desktop_next (Desktop *desk);
static void desktop_send (Desktop *desk);

static gboolean
resend_cb (gpointer data)
{
  desktop_send (data);
  return G_SOURCE_REMOVE;
}

static void
desktop_reply_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Desktop *desk = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  double ms = (double) (g_get_monotonic_time () - desk->sent_at) / 1000.0;
  g_autoptr(JsonNode) reply = NULL;
  gboolean more = FALSE;
  guint status = msg != NULL ? soup_message_get_status (msg) : 0;

  /* A connection refused or reset (a full listen backlog): the desktop sends the same request
   * again, as its sync would (a push replayed gets its stored results); the latency counts
   * from the first attempt. */
  if (body == NULL && status == 0 && desk->attempts < 10 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      load.resent++;
      g_timeout_add (50 * desk->attempts, resend_cb, desk);
      return;
    }
  /* 503 is "retry later" in the protocol (nginx's answer when no server answered, too): the
   * desktop's next sync sends the request again; here after a short pause, counted. */
  if (body != NULL && status == 503 && desk->attempts < 10)
    {
      load.retried_503++;
      g_timeout_add (100 * desk->attempts, resend_cb, desk);
      return;
    }
  load.requests++;
  if (body == NULL || status != 200)
    {
      g_printerr ("desktop %u: %s answered %u %s%.*s\n", desk->index, desk->pushing ? "push" : "pull", status,
                  error != NULL ? error->message : "", body != NULL ? (int) MIN (g_bytes_get_size (body), 300) : 0,
                  body != NULL ? (const char *) g_bytes_get_data (body, NULL) : "");
      load.errors++;
      desk->done = TRUE;
      load.desktops_done++;
      if (load.desktops_done == load.desktops)
        g_main_loop_quit (loop);
      return;
    }
  reply = parse (body);
  if (desk->pushing)
    {
      g_array_append_val (load.push_ms, ms);
      if (!read_push (desk, reply, &load.applied))
        load.errors++;
      desk->pushing = FALSE;
    }
  else
    {
      g_array_append_val (load.pull_ms, ms);
      if (!read_pull (desk, reply, &load.pulled, &more))
        load.errors++;
      if (!more)
        {
          desk->round++;
          desk->pushing = TRUE;
        }
    }
  desktop_next (desk);
}

static void
desktop_next (Desktop *desk)
{
  if (desk->pushing &&
      (desk->round >= load.rounds || g_get_monotonic_time () > load.stop_rounds_at))
    {
      desk->done = TRUE;
      load.desktops_done++;
      if (load.desktops_done == load.desktops)
        g_main_loop_quit (loop);
      return;
    }
  g_clear_pointer (&desk->body, g_free);
  if (desk->pushing)
    desk->body = push_body (desk);
  desk->sent_at = g_get_monotonic_time ();
  desk->attempts = 0;
  desktop_send (desk);
}

/* Sends the request in flight (again after a connection failure: the same body). */
static void
desktop_send (Desktop *desk)
{
  g_autoptr(SoupMessage) msg = NULL;

  desk->attempts++;
  if (desk->pushing)
    {
      msg = new_message ("POST", "/v1/push", desk->auth, desk->body);
    }
  else
    {
      g_autofree char *path = pull_path (desk);

      msg = new_message ("GET", path, desk->auth, NULL);
    }
  soup_session_send_and_read_async (desk->session, msg, G_PRIORITY_DEFAULT, NULL, desktop_reply_cb, desk);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * sorted->len + 0.999999);
  i = i == 0 ? 0 : i - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
print_latency (const char *what,
               GArray     *ms)
{
  g_array_sort (ms, compare_double);
  g_print ("  %-6s %6u requests   p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms\n", what, ms->len,
           percentile (ms, 0.50), percentile (ms, 0.95), percentile (ms, 0.99),
           ms->len > 0 ? g_array_index (ms, double, ms->len - 1) : 0.0);
}

/* The reference: one desktop alone, the same rounds one request after the other. */
static void
reference (Desktop *desk,
           GArray  *ms,
           double  *out_seconds,
           guint64 *out_requests)
{
  gint64 start = g_get_monotonic_time ();
  guint64 applied = 0, pulled = 0;

  *out_requests = 0;
  for (guint r = 0; r < REF_ROUNDS; r++)
    {
      g_autofree char *json = push_body (desk);
      g_autoptr(JsonNode) reply = NULL;
      gboolean more = TRUE;
      gint64 t0 = g_get_monotonic_time ();
      double one;

      if (request_sync (desk->session, "POST", "/v1/push", desk->auth, json, &reply) != 200 ||
          !read_push (desk, reply, &applied))
        g_error ("reference push failed");
      one = (double) (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (ms, one);
      (*out_requests)++;
      while (more)
        {
          g_autofree char *path = pull_path (desk);
          g_autoptr(JsonNode) page = NULL;

          t0 = g_get_monotonic_time ();
          if (request_sync (desk->session, "GET", path, desk->auth, NULL, &page) != 200 ||
              !read_pull (desk, page, &pulled, &more))
            g_error ("reference pull failed");
          one = (double) (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (ms, one);
          (*out_requests)++;
        }
      desk->round++;
    }
  *out_seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  guint n_desktops = env_uint ("GESTIONA_BENCH_DESKTOPS", 200);
  guint n_dealers = MIN (env_uint ("GESTIONA_BENCH_DEALERS", 20), n_desktops);
  guint seconds = env_uint ("GESTIONA_BENCH_SECONDS", 120);
  const char *pids_text = g_getenv ("GESTIONA_TEST_SERVER_PIDS");
  g_auto(GStrv) pids = NULL;
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func ((GDestroyNotify) desktop_free);
  g_autoptr(GArray) ref_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SoupSession) bare = new_session ();
  double ref_seconds, load_seconds, ref_p50, load_p99, ref_rate, load_rate;
  guint64 ref_requests;
  gint64 t0;
  guint sampler;

  setlocale (LC_ALL, "C.UTF-8");
  load.rounds = env_uint ("GESTIONA_BENCH_ROUNDS", 10);
  base_url = g_getenv ("GESTIONA_TEST_SERVER_URL");
  if (base_url == NULL || g_getenv ("GESTIONA_SERVER") == NULL || pids_text == NULL)
    {
      g_print ("bench-server-load: needs PostgreSQL, gestiona-server and GESTIONA_TEST_SERVER_PIDS "
               "(tests/server/nginx-env.sh)\n");
      return 77;
    }
  pids = g_strsplit (pids_text, " ", -1);
  for (guint i = 0; pids[i] != NULL && n_servers < MAX_SERVERS; i++)
    {
      server_pids[n_servers] = atoi (pids[i]);
      rss_idle[n_servers] = vm_rss_mb (server_pids[n_servers]);
      rss_samples[n_servers++] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  g_print ("%u desktops of %u dealers against %s (%d server%s%s), %u rounds each of a push of %d "
           "mutations and pulls\n", n_desktops, n_dealers, base_url, n_servers, n_servers == 1 ? "" : "s",
           g_getenv ("GESTIONA_TEST_NGINX_PID") != NULL ? " behind nginx" : ", directly", load.rounds,
           MUTATIONS_EACH);

  /* Set-up: dealers, codes and enrollment, through the admin commands and /v1/enroll. */
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) dealers = g_ptr_array_new_with_free_func (g_free);

    g_autofree CodeJob *jobs = g_new0 (CodeJob, n_desktops);
    GThreadPool *pool = g_thread_pool_new (code_job_run, NULL, PARALLEL_ADMIN, TRUE, NULL);

    for (guint d = 0; d < n_dealers; d++)
      {
        g_autofree char *name = g_strdup_printf ("Ford Carga %u", d);

        g_ptr_array_add (dealers, admin ("create-dealer", name, NULL));
      }
    for (guint i = 0; i < n_desktops; i++)
      {
        jobs[i].dealer_id = g_ptr_array_index (dealers, i % n_dealers);
        g_thread_pool_push (pool, &jobs[i], NULL);
      }
    g_thread_pool_free (pool, FALSE, TRUE);
    for (guint i = 0; i < n_desktops; i++)
      {
        g_ptr_array_add (desks, enroll (i, i % n_dealers, jobs[i].code));
        g_free (jobs[i].code);
      }
  }
  g_print ("set-up: %u dealers, %u desktops enrolled in %.1f s\n", n_dealers, n_desktops,
           (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC);

  /* The floor: a bare round trip through the HTTP layer (404 under /v1/, no database). */
  for (guint i = 0; i < 200; i++)
    {
      gint64 s = g_get_monotonic_time ();
      double ms;

      request_sync (bare, "GET", "/v1/no-such-path", NULL, NULL, NULL);
      ms = (double) (g_get_monotonic_time () - s) / 1000.0;
      g_array_append_val (bare_ms, ms);
    }

  /* The reference, on the first desktop; it then takes part in the load like the others. */
  reference (g_ptr_array_index (desks, 0), ref_ms, &ref_seconds, &ref_requests);

  /* The load: every desktop starts its first push now. */
  load.push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  load.pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
  load.desktops = n_desktops;
  loop = g_main_loop_new (NULL, FALSE);
  sample_rss_cb (NULL);
  sampler = g_timeout_add (250, sample_rss_cb, NULL);
  t0 = g_get_monotonic_time ();
  load.stop_rounds_at = t0 + (gint64) seconds * G_USEC_PER_SEC;
  for (guint i = 0; i < n_desktops; i++)
    {
      Desktop *desk = g_ptr_array_index (desks, i);

      desk->round = 0;
      desk->pushing = TRUE;
      desktop_next (desk);
    }
  g_main_loop_run (loop);
  load_seconds = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  g_source_remove (sampler);
  sample_rss_cb (NULL);
  g_main_loop_unref (loop);

  g_array_append_vals (all_ms, load.push_ms->data, load.push_ms->len);
  g_array_append_vals (all_ms, load.pull_ms->data, load.pull_ms->len);
  g_array_sort (ref_ms, compare_double);
  g_array_sort (bare_ms, compare_double);
  ref_p50 = percentile (ref_ms, 0.50);
  ref_rate = ref_requests / ref_seconds;
  load_rate = load.requests / load_seconds;

  g_print ("reference, 1 desktop alone, %u rounds one request after the other: %" G_GUINT64_FORMAT
           " requests in %.2f s = %.0f requests/s, p50 %.1f ms, p99 %.1f ms\n",
           REF_ROUNDS, ref_requests, ref_seconds, ref_rate, ref_p50, percentile (ref_ms, 0.99));
  g_print ("bare HTTP round trip (404 under /v1/), 200 one after the other: p50 %.2f ms, p99 %.2f ms\n",
           percentile (bare_ms, 0.50), percentile (bare_ms, 0.99));
  g_print ("load, %u desktops at once: %.2f s\n", n_desktops, load_seconds);
  print_latency ("push", load.push_ms);
  print_latency ("pull", load.pull_ms);
  print_latency ("all", all_ms);
  load_p99 = percentile (all_ms, 0.99);
  g_print ("  throughput  %.0f requests/s, %.0f mutations applied/s, %.0f changes pulled/s "
           "(%" G_GUINT64_FORMAT " applied, %" G_GUINT64_FORMAT " pulled)\n",
           load_rate, load.applied / load_seconds, load.pulled / load_seconds, load.applied, load.pulled);
  g_print ("  connection failures (refused or reset, each sent again): %u\n", load.resent);
  g_print ("  503 answers (retry later, each sent again): %u\n", load.retried_503);
  g_print ("  ratio       requests/s under load ÷ 1 desktop alone = %.2f; p99 under load ÷ p50 alone = %.1f\n",
           load_rate / ref_rate, load_p99 / ref_p50);
  for (int i = 0; i < n_servers; i++)
    {
      GArray *s = rss_samples[i];
      double peak = 0;

      for (guint j = 0; j < s->len; j++)
        peak = MAX (peak, g_array_index (s, double, j));
      g_print ("  server %d (pid %d) VmRSS: idle %.1f MB; under load start %.1f MB, middle %.1f MB, "
               "end %.1f MB, peak %.1f MB (%u samples)\n", i + 1, server_pids[i], rss_idle[i],
               g_array_index (s, double, 0),
               g_array_index (s, double, s->len / 2), g_array_index (s, double, s->len - 1), peak, s->len);
      g_array_unref (s);
    }
  g_array_unref (load.push_ms);
  g_array_unref (load.pull_ms);
  if (load.errors > 0)
    {
      g_printerr ("bench-server-load: %u requests failed or were rejected\n", load.errors);
      return 1;
    }
  return 0;
}
