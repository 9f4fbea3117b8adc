/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Push throughput of gestiona-server (issue 16, Scale), run by tests/server/pg-env.sh:
 * 10,000 customer upserts (GESTIONA_BENCH_SCALE overrides) in pages of 500 (the desktop's
 * GEST_SYNC_PUSH_BATCH), posted one page after another through the real server, against a
 * minimal libpq client that stores the same mutations in the same tables (records and
 * mutations, the dealer's counter), one page per transaction, with prepared statements in
 * pipeline mode: what any client must at least do to store them. Prints both rates and
 * their ratio (goal: at least 0.5). */
#include "config.h"

#include <libpq-fe.h>
#include <locale.h>
#include <string.h>

#include "gest-server-test-util.h"

#define PAGE 500

#define FIELDS_FORMAT \
  "{\"kind\": \"person\", \"name\": \"Cliente %u\", \"rfc\": \"XAXX010101%03u\", \"city\": \"Puebla\"," \
  " \"state_code\": \"PUE\", \"postal_code\": \"72000\", \"email\": \"c%u@example.com\"," \
  " \"phone_mobile\": \"2221234567\", \"street\": \"Av. Juárez %u\"}"

static char *
fields_json (guint i)
{
  return g_strdup_printf (FIELDS_FORMAT, i, i % 1000, i, i);
}

static double
server_push (guint count)
{
  g_autofree char *dealer = test_new_dealer ("Bench push");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 300, NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  gint64 start;
  double seconds;

  for (guint p = 0; p * PAGE < count; p++)
    {
      GString *body = g_string_new ("{\"mutations\": [");

      for (guint i = p * PAGE; i < MIN (count, (p + 1) * PAGE); i++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *fields = fields_json (i);

          g_string_append_printf (body, "%s{\"n\": %u, \"entity\": \"customer\", \"uuid\": \"%s\","
                                  " \"op\": \"upsert\", \"base_version\": null, \"fields\": %s}",
                                  i > p * PAGE ? "," : "", i + 1, uuid, fields);
        }
      g_string_append (body, "]}");
      g_ptr_array_add (pages, g_string_free (body, FALSE));
    }

  start = g_get_monotonic_time ();
  for (guint p = 0; p < pages->len; p++)
    {
      g_autoptr(TestReply) reply = test_post_json (session, "/v1/push", dev->token, pages->pdata[p]);
      JsonArray *results;

      if (reply->status != 200)
        g_error ("push page %u: %u", p, reply->status);
      results = json_object_get_array_member (json_node_get_object (reply->json), "results");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "status"), ==, "applied");
    }
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, count);
  return count / seconds;
}

static PGresult *
check (PGconn   *conn,
       PGresult *res)
{
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_SYNC)
    g_error ("baseline: %s", PQerrorMessage (conn));
  return res;
}

/* Reads the results of the pipeline up to its sync. */
static void
drain (PGconn *conn)
{
  for (;;)
    {
      PGresult *res = PQgetResult (conn);

      if (res == NULL)
        continue;
      check (conn, res);
      if (PQresultStatus (res) == PGRES_PIPELINE_SYNC)
        {
          PQclear (res);
          return;
        }
      PQclear (res);
    }
}

static double
baseline_push (guint count)
{
  g_autofree char *dealer = test_new_dealer ("Bench baseline");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  PGconn *conn = test_pg_connect (FALSE);
  gint64 start;
  double seconds;

  PQclear (check (conn, PQprepare (conn, "record",
                                   "INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)"
                                   " VALUES ($1, 'customer', $2, $3, false, $4, $5)"
                                   " ON CONFLICT (dealer_id, entity, uuid) DO UPDATE SET version = EXCLUDED.version,"
                                   " data = EXCLUDED.data, field_versions = EXCLUDED.field_versions", 0, NULL)));
  PQclear (check (conn, PQprepare (conn, "mutation",
                                   "INSERT INTO mutations (dealer_id, device_id, n, payload_sha256, result)"
                                   " VALUES ($1, $2, $3, $4, $5)", 0, NULL)));

  start = g_get_monotonic_time ();
  for (guint p = 0; p * PAGE < count; p++)
    {
      guint first = p * PAGE, last = MIN (count, (p + 1) * PAGE);
      const char *begin[] = { dealer };
      g_autofree char *top = g_strdup_printf ("%u", last);

      PQenterPipelineMode (conn);
      PQsendQueryParams (conn, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
      PQsendQueryParams (conn, "SELECT set_config ('gestiona.dealer', $1, true)", 1, NULL, begin, NULL, NULL, 0);
      for (guint i = first; i < last; i++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *fields = fields_json (i);
          g_autofree char *version = g_strdup_printf ("%u", i + 1);
          g_autofree char *field_versions = g_strdup_printf ("{\"kind\": %u, \"name\": %u, \"rfc\": %u, \"city\": %u,"
                                                             " \"state_code\": %u, \"postal_code\": %u, \"email\": %u,"
                                                             " \"phone_mobile\": %u, \"street\": %u}",
                                                             i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1);
          g_autofree char *mutation = g_strdup_printf ("{\"n\": %u, \"entity\": \"customer\", \"uuid\": \"%s\","
                                                       " \"op\": \"upsert\", \"fields\": %s}", i + 1, uuid, fields);
          g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, mutation, -1);
          g_autofree char *result = g_strdup_printf ("{\"n\": %u, \"status\": \"applied\", \"version\": %u,"
                                                     " \"conflicts\": []}", i + 1, i + 1);
          const char *record[] = { dealer, uuid, version, fields, field_versions };
          const char *claim[] = { dealer, dev->device_id, version, hash, result };

          PQsendQueryPrepared (conn, "record", 5, record, NULL, NULL, 0);
          PQsendQueryPrepared (conn, "mutation", 5, claim, NULL, NULL, 0);
        }
      {
        const char *seq[] = { dealer, top };

        PQsendQueryParams (conn, "UPDATE dealers SET last_seq = $2 WHERE id = $1", 2, NULL, seq, NULL, NULL, 0);
      }
      PQsendQueryParams (conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0);
      PQpipelineSync (conn);
      drain (conn);
      PQexitPipelineMode (conn);
    }
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  PQfinish (conn);
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, count);
  return count / seconds;
}

int
main (int    argc,
      char **argv)
{
  const char *scale = g_getenv ("GESTIONA_BENCH_SCALE");
  guint count = scale != NULL ? (guint) g_ascii_strtoull (scale, NULL, 10) : 10000;
  double server, baseline;

  setlocale (LC_ALL, "");
  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test --benchmark push-vs-libpq).\n");
      return 1;
    }
  count = MAX (count, 1);

  /* A first round warms PostgreSQL's caches for both; the second is measured. */
  server_push (MIN (count, 1000));
  baseline_push (MIN (count, 1000));
  server = server_push (count);
  baseline = baseline_push (count);
  g_print ("push of %u customer upserts in pages of %d\n", count, PAGE);
  g_print ("  gestiona-server:                 %8.0f changes/s\n", server);
  g_print ("  libpq baseline (pipelined):      %8.0f changes/s\n", baseline);
  g_print ("  ratio server / baseline:         %8.2f (goal >= 0.5)\n", server / baseline);
  return 0;
}
