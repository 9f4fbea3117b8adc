/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7 booking throughput (issue 15), run by tests/server/pg-env.sh with PostgreSQL in /dev/shm:
 * 50 concurrent clients (a thread and a keep-alive connection each, as 50 visitors of the
 * dealers' websites) post web bookings to /v1/bookings/<dealer> for GESTIONA_BENCH_SECONDS
 * (10); reported: bookings per second sustained and their p50/p99 latency. The reference,
 * measured in the same run on the same server just before: the same 50 clients asking
 * GET /v1/health (one SELECT 1 round trip) for the same time. The ratio bookings/s ÷
 * health/s says how much of the server's request rate a booking keeps (goal ≥ 0.5); the
 * p99 ratio how much longer a visitor waits. Always exits 0.
 *
 * The clients spread over GESTIONA_BENCH_DEALERS dealers (5: several dealers' websites at
 * once; 1 is the worst case, every booking waiting on the one dealer's lock), each with 14
 * published days of 120 slots with room for every booking; each client sends its own
 * X-Forwarded-For address (the server trusts the proxy here) so the rate limit, raised to
 * its maximum, never answers 429. GESTIONA_BENCH_CLIENTS overrides the 50. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gest-server-test-util.h"

typedef struct
{
  guint        index;
  const char  *dealer;
  const char  *day;          /* the day this client books on */
  gboolean     book;
  gint64       until;
  GArray      *ms;           /* double, per answered request */
  guint        ok;
  guint        failed;
} Client;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n = 0;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 100000, &n, NULL))
    return (guint) n;
  return fallback;
}

static char *
day_from_today (int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* 14 days from tomorrow, 08:00 to 17:55 every 5 minutes, 100,000 places each. */
static void
publish (TestDevice *device)
{
  g_autofree char *user = g_strdup ("{\"n\": 1, \"entity\": \"user\", \"uuid\": \"a1500000-0000-4000-8000-000000000001\","
                                    " \"op\": \"upsert\", \"base_version\": null, \"user\": \"\", \"fields\":"
                                    " {\"login\": \"gerente\", \"name\": \"Mariana Torres\", \"role\": \"general-manager\", \"active\": 1}}");
  g_autoptr(JsonObject) first = test_push_one (device, user);

  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "applied");
  for (int d = 1; d <= 14; d++)
    {
      g_autofree char *day = day_from_today (d);
      GString *slots = g_string_new ("[");
      g_autofree char *escaped = NULL;
      g_autofree char *m = NULL;
      g_autoptr(JsonObject) result = NULL;

      for (int t = 8 * 60; t < 18 * 60; t += 5)
        g_string_append_printf (slots, "%s{\\\"t\\\":\\\"%02d:%02d\\\",\\\"free\\\":100000}",
                                t > 8 * 60 ? "," : "", t / 60, t % 60);
      g_string_append_c (slots, ']');
      escaped = g_string_free (slots, FALSE);
      m = g_strdup_printf ("{\"n\": %d, \"entity\": \"agenda_web_day\", \"uuid\": \"00000000-0000-4000-8000-0000%.4s%.2s%.2s\","
                           " \"op\": \"upsert\", \"base_version\": null, \"user\": \"gerente\", \"fields\":"
                           " {\"day\": \"%s\", \"slots\": \"%s\", \"tz\": \"America/Mexico_City\", \"cutoff_min\": 1020,"
                           " \"confirm_before\": \"%s\", \"confirm_after\": \"%s\", \"published_at\": 1}}",
                           d + 1, day, day + 5, day + 8, day, escaped, day, day);
      result = test_push_one (device, m);
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
    }
}

static gpointer
client_run (gpointer data)
{
  Client *c = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns-per-host", 1, "timeout", 60, NULL);
  g_autofree char *address = g_strdup_printf ("198.18.%u.%u", c->index / 250, c->index % 250 + 1);
  g_autofree char *path = g_strconcat ("/v1/bookings/", c->dealer, NULL);
  const char *headers[] = { "X-Forwarded-For", address, NULL };
  guint n = 0;

  while (g_get_monotonic_time () < c->until)
    {
      g_autoptr(TestReply) reply = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (c->book)
        {
          /* A new customer each time (a phone of its own), a plate, the client's slot. */
          g_autofree char *json = g_strdup_printf ("{\"name\": \"Cliente %u-%u\", \"phone\": \"55%04u%04u\","
                                                   " \"email\": \"\", \"plate_vin\": \"B%02u-%04u\","
                                                   " \"service_kind\": \"maintenance\", \"day\": \"%s\","
                                                   " \"time\": \"%02u:%02u\"}",
                                                   c->index, n, c->index, n % 10000, c->index % 100, n % 10000,
                                                   c->day, 8 + (n % 120) / 12, (n % 12) * 5);
          g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

          reply = test_http_keep_alive (session, "POST", path, "application/json", body, headers);
        }
      else
        reply = test_http_keep_alive (session, "GET", "/v1/health", NULL, NULL, headers);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (c->ms, ms);
      if (reply->status == (c->book ? 201 : 200))
        c->ok++;
      else
        c->failed++;
      n++;
    }
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, double, MIN ((guint) (p * sorted->len), sorted->len - 1));
}

typedef struct
{
  double per_s;
  double p50;
  double p99;
  guint  ok;
  guint  failed;
} Result;

static Result
run (const char * const *dealers,
     guint               n_dealers,
     guint               n_clients,
     guint               seconds,
     gboolean            book)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Client *clients = g_new0 (Client, n_clients);
  g_autofree char **days = g_new0 (char *, 14);
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + (gint64) seconds * G_USEC_PER_SEC;
  Result result = { 0 };

  for (guint d = 0; d < 14; d++)
    days[d] = day_from_today ((int) d + 1);
  for (guint i = 0; i < n_clients; i++)
    {
      clients[i].index = i;
      clients[i].dealer = dealers[i % n_dealers];
      clients[i].day = days[i % 14];
      clients[i].book = book;
      clients[i].until = until;
      clients[i].ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (threads, g_thread_new ("client", client_run, &clients[i]));
    }
  for (guint i = 0; i < n_clients; i++)
    {
      g_thread_join (g_ptr_array_index (threads, i));
      g_array_append_vals (all, clients[i].ms->data, clients[i].ms->len);
      result.ok += clients[i].ok;
      result.failed += clients[i].failed;
      g_array_unref (clients[i].ms);
    }
  result.per_s = result.ok / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_array_sort (all, compare_double);
  result.p50 = percentile (all, 0.50);
  result.p99 = percentile (all, 0.99);
  for (guint d = 0; d < 14; d++)
    g_free (days[d]);
  return result;
}

int
main (int   argc,
      char *argv[])
{
  guint n_clients = env_uint ("GESTIONA_BENCH_CLIENTS", 50);
  guint n_dealers = env_uint ("GESTIONA_BENCH_DEALERS", 5);
  guint seconds = env_uint ("GESTIONA_BENCH_SECONDS", 10);
  g_autoptr(GPtrArray) dealers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = NULL;
  Result health;
  Result booking;

  setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_print ("bench-server-booking: run through tests/server/pg-env.sh\n");
      return 0;
    }
  for (guint d = 0; d < n_dealers; d++)
    {
      g_autofree char *name = g_strdup_printf ("Agencia %u", d + 1);
      char *dealer = test_new_dealer (name);
      g_autoptr(TestDevice) device = test_enroll (dealer, "recepcion");

      publish (device);
      g_ptr_array_add (dealers, dealer);
    }

  health = run ((const char * const *) dealers->pdata, n_dealers, n_clients, seconds, FALSE);
  booking = run ((const char * const *) dealers->pdata, n_dealers, n_clients, seconds, TRUE);

  g_print ("web bookings, %u clients on %u dealers, %u s each:\n", n_clients, n_dealers, seconds);
  g_print ("  reference GET /v1/health: %.0f requests/s, p50 %.2f ms, p99 %.2f ms (%u failed)\n",
           health.per_s, health.p50, health.p99, health.failed);
  g_print ("  POST /v1/bookings:        %.0f bookings/s, p50 %.2f ms, p99 %.2f ms (%u failed)\n",
           booking.per_s, booking.p50, booking.p99, booking.failed);
  g_print ("  ratio bookings/s / health requests/s: %.2f (goal >= 0.5)\n",
           health.per_s > 0 ? booking.per_s / health.per_s : 0);
  g_print ("  ratio p99 booking / p99 health: %.1f\n", health.p99 > 0 ? booking.p99 / health.p99 : 0);
  return 0;
}
