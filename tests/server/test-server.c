/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gestiona-server against a real PostgreSQL 15 (run by tests/server/pg-env.sh): the sync
 * protocol of data/sync-protocol.md (X3), trámite steps (T6, T7) and dealer isolation. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "gest-server-test-util.h"

#define TRAMITE "\"entity\": \"tramite\""

static char *
new_uuid (void)
{
  return g_uuid_string_random ();
}

static const char *
result_status (JsonObject *result)
{
  return json_object_get_string_member (result, "status");
}

static void
assert_rejected (JsonObject *result,
                 const char *message_part)
{
  g_assert_cmpstr (result_status (result), ==, "rejected");
  g_assert_nonnull (strstr (json_object_get_string_member (result, "error"), message_part));
}

/* Pushes one trámite upsert with @fields_json; returns the result. */
static JsonObject *
push_tramite (TestDevice *device,
              gint64      n,
              const char *uuid,
              gint64      base,
              const char *fields_json)
{
  g_autofree char *m = g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", " TRAMITE ", \"uuid\": \"%s\","
                                        " \"op\": \"upsert\", \"base_version\": %" G_GINT64_FORMAT ","
                                        " \"fields\": %s}", n, uuid, base, fields_json);

  return test_push_one (device, m);
}

static void
test_enroll_single_use (void)
{
  g_autofree char *dealer = test_new_dealer ("Ford Satélite");
  g_autofree char *code = test_admin (NULL, NULL, "enroll-code", dealer, NULL);
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\", \"device_name\": \"Recepción 1\"}", code);
  g_autoptr(TestReply) first = test_post_json (NULL, "/v1/enroll", NULL, json);
  g_autoptr(TestReply) again = test_post_json (NULL, "/v1/enroll", NULL, json);
  g_autoptr(TestReply) unknown = test_post_json (NULL, "/v1/enroll", NULL,
                                                 "{\"code\": \"AAAA-BBBB-CCCC\", \"device_name\": \"x\"}");
  g_autoptr(TestReply) no_name = test_post_json (NULL, "/v1/enroll", NULL, "{\"code\": \"AAAA\"}");
  JsonObject *object;

  g_assert_cmpuint (first->status, ==, 200);
  object = json_node_get_object (first->json);
  g_assert_cmpstr (json_object_get_string_member (object, "dealer_id"), ==, dealer);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "device_id")));
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "token")), ==, 43);

  g_assert_cmpuint (again->status, ==, 403);
  g_assert_nonnull (strstr (test_reply_error (again), "used, expired or unknown"));
  g_assert_cmpuint (unknown->status, ==, 403);
  g_assert_cmpuint (no_name->status, ==, 400);
  test_reply_error (no_name);
}

static void
test_push_replay (void)
{
  g_autofree char *dealer = test_new_dealer ("Replay");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = new_uuid ();
  g_autofree char *m = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                        " \"base_version\": null, \"fields\": {\"name\": \"Ana\", \"rfc\": \"XAXX010101000\"}}",
                                        uuid);
  /* The same mutation with its members in another order is the same payload. */
  g_autofree char *m_reordered = g_strdup_printf ("{\"fields\": {\"rfc\": \"XAXX010101000\", \"name\": \"Ana\"}, \"op\": \"upsert\","
                                                  " \"uuid\": \"%s\", \"entity\": \"customer\", \"base_version\": null, \"n\": 1}",
                                                  uuid);
  g_autoptr(JsonObject) first = test_push_one (dev, m);
  g_autoptr(JsonObject) replay = test_push_one (dev, m);
  g_autoptr(JsonObject) replay2 = test_push_one (dev, m_reordered);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 500);

  g_assert_cmpstr (result_status (first), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (first, "n"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "conflicts")), ==, 0);
  g_assert_true (json_object_equal (first, replay));
  g_assert_true (json_object_equal (first, replay2));
  /* Applied once: one change, the counter moved once. */
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 1);
}

static void
test_push_reused_number (void)
{
  g_autofree char *dealer = test_new_dealer ("Reused");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *uuid = new_uuid ();
  g_autofree char *m1 = g_strdup_printf ("{\"n\": 5, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"name\": \"Ana\"}}", uuid);
  g_autofree char *m2 = g_strdup_printf ("{\"n\": 5, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"name\": \"Beto\"}}", uuid);
  g_autoptr(JsonObject) r1 = test_push_one (dev, m1);
  g_autoptr(JsonObject) r2 = test_push_one (dev, m2);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 500);
  JsonObject *change;

  g_assert_cmpstr (result_status (r1), ==, "applied");
  g_assert_cmpstr (result_status (r2), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (r2, "error"), ==,
                   "mutation number reused with a different payload");
  g_assert_cmpint (json_object_get_int_member (r2, "n"), ==, 5);
  change = test_find_change (changes, uuid);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "fields"), "name"), ==, "Ana");
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 1);
}

static void
test_rejected_does_not_block (void)
{
  g_autofree char *dealer = test_new_dealer ("No block");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *t = new_uuid ();
  g_autofree char *c = new_uuid ();
  g_autofree char *ms = g_strdup_printf ("{\"n\": 1, " TRAMITE ", \"uuid\": \"%s\", \"op\": \"upsert\", \"fields\": {\"step\": 5}},"
                                         "{\"n\": 2, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\", \"fields\": {\"name\": \"Ana\"}},"
                                         "{\"n\": 3, " TRAMITE ", \"uuid\": \"%s\", \"op\": \"upsert\", \"fields\": {\"step\": \"dos\"}},"
                                         "{\"n\": 4, " TRAMITE ", \"uuid\": \"%s\", \"op\": \"upsert\", \"fields\": {\"step\": 2}}",
                                         t, c, t, t);
  g_autoptr(JsonArray) results = test_push (NULL, dev, ms);
  g_autoptr(JsonArray) replay = test_push (NULL, dev, ms);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 500);

  g_assert_cmpuint (json_array_get_length (results), ==, 4);
  assert_rejected (json_array_get_object_element (results, 0), "Conauto");
  g_assert_cmpstr (result_status (json_array_get_object_element (results, 1)), ==, "applied");
  assert_rejected (json_array_get_object_element (results, 2), "step must be a whole number");
  g_assert_cmpstr (result_status (json_array_get_object_element (results, 3)), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 1), "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 3), "version"), ==, 2);
  /* A replay gets the stored rejections too. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (json_object_equal (json_array_get_object_element (results, i),
                                      json_array_get_object_element (replay, i)));
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
}

typedef struct
{
  TestDevice *device;
  guint       count;
  GPtrArray  *uuids;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(SoupSession) session = soup_session_new ();

  for (guint i = 0; i < w->count; i++)
    {
      char *uuid = g_uuid_string_random ();
      g_autofree char *m = g_strdup_printf ("{\"n\": %u, \"entity\": \"activity\", \"uuid\": \"%s\","
                                            " \"op\": \"upsert\", \"fields\": {\"text\": \"call %u\"}}",
                                            i + 1, uuid, i);
      g_autoptr(JsonArray) results = test_push (session, w->device, m);

      g_assert_cmpstr (result_status (json_array_get_object_element (results, 0)), ==, "applied");
      g_ptr_array_add (w->uuids, uuid);
    }
  return NULL;
}

typedef struct
{
  TestDevice *device;
  gint        *writers_done;
  GArray      *seen;        /* gint64 versions, in the order the puller got them */
} Puller;

/* Pulls while the writers write: with versions committing in order, a cursor never skips one. */
static gpointer
puller_thread (gpointer data)
{
  Puller *p = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  gint64 cursor = 0;
  gboolean last_round = FALSE;

  for (;;)
    {
      g_autoptr(JsonArray) page = NULL;
      gboolean done = g_atomic_int_get (p->writers_done);

      page = test_pull_all (session, p->device, cursor, 7);
      for (guint i = 0; i < json_array_get_length (page); i++)
        {
          gint64 v = json_object_get_int_member (json_array_get_object_element (page, i), "version");

          g_array_append_val (p->seen, v);
          cursor = v;
        }
      if (last_round)
        break;
      last_round = done;
      g_usleep (2000);
    }
  return NULL;
}

static void
test_concurrent_gap_free (void)
{
  enum { N_WRITERS = 4, PER_WRITER = 30 };
  g_autofree char *dealer = test_new_dealer ("Concurrent");
  g_autoptr(TestDevice) reader = test_enroll (dealer, "Lector");
  Writer writers[N_WRITERS];
  GThread *threads[N_WRITERS];
  GThread *puller;
  gint writers_done = 0;
  Puller p = { reader, &writers_done, g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autoptr(JsonArray) all = NULL;

  puller = g_thread_new ("puller", puller_thread, &p);
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Caja %u", i);

      writers[i].device = test_enroll (dealer, name);
      writers[i].count = PER_WRITER;
      writers[i].uuids = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; i < N_WRITERS; i++)
    threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
  for (guint i = 0; i < N_WRITERS; i++)
    g_thread_join (threads[i]);
  g_atomic_int_set (&writers_done, 1);
  g_thread_join (puller);

  /* The puller saw every version 1..N exactly once, in order, with no gap. */
  g_assert_cmpuint (p.seen->len, ==, N_WRITERS * PER_WRITER);
  for (guint i = 0; i < p.seen->len; i++)
    g_assert_cmpint (g_array_index (p.seen, gint64, i), ==, (gint64) i + 1);

  /* And a pull from the start has each record once, versions 1..N. */
  all = test_pull_all (NULL, reader, 0, 500);
  g_assert_cmpuint (json_array_get_length (all), ==, N_WRITERS * PER_WRITER);
  for (guint i = 0; i < json_array_get_length (all); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (all, i), "version"), ==, i + 1);
  for (guint w = 0; w < N_WRITERS; w++)
    {
      for (guint i = 0; i < writers[w].uuids->len; i++)
        g_assert_nonnull (test_find_change (all, writers[w].uuids->pdata[i]));
      g_ptr_array_unref (writers[w].uuids);
      test_device_free (writers[w].device);
    }
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, N_WRITERS * PER_WRITER);
  g_array_unref (p.seen);
}

static void
test_page_atomicity (void)
{
  g_autofree char *dealer = test_new_dealer ("Pages");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) paged = NULL;
  g_autoptr(JsonArray) whole = NULL;
  g_autoptr(TestReply) empty = NULL;
  guint n = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_ptr_array_add (uuids, new_uuid ());
      g_string_append_printf (batch, "%s{\"n\": %u, \"entity\": \"vehicle\", \"uuid\": \"%s\", \"op\": \"upsert\","
                              " \"fields\": {\"vin\": \"V%u\", \"km\": 0}}", i ? "," : "", ++n,
                              (char *) uuids->pdata[i], i);
    }
  /* Three of them change again: each appears once, with its latest state and version. */
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (batch, ",{\"n\": %u, \"entity\": \"vehicle\", \"uuid\": \"%s\", \"op\": \"upsert\","
                            " \"base_version\": %u, \"fields\": {\"km\": %u}}", ++n, (char *) uuids->pdata[i * 3],
                            i * 3 + 1, 1000 + i);
  results = test_push (NULL, dev, batch->str);
  g_assert_cmpuint (json_array_get_length (results), ==, 13);

  paged = test_pull_all (NULL, dev, 0, 3);
  whole = test_pull_all (NULL, dev, 0, 500);
  g_assert_cmpuint (json_array_get_length (paged), ==, 10);
  g_assert_cmpuint (json_array_get_length (whole), ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_true (json_object_equal (json_array_get_object_element (paged, i),
                                      json_array_get_object_element (whole, i)));
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *change = test_find_change (whole, uuids->pdata[i * 3]);
      JsonObject *fields = json_object_get_object_member (change, "fields");
      g_autofree char *vin = g_strdup_printf ("V%u", i * 3);

      g_assert_cmpint (json_object_get_int_member (change, "version"), ==, 11 + i);
      g_assert_cmpint (json_object_get_int_member (fields, "km"), ==, 1000 + i);
      g_assert_cmpstr (json_object_get_string_member (fields, "vin"), ==, vin);
    }

  /* At the end: no changes, the same cursor, no more. */
  empty = test_http (NULL, "GET", "/v1/pull?cursor=13&limit=5", dev->token, NULL, NULL, NULL);
  g_assert_cmpuint (empty->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (empty->json), "changes")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (empty->json), "cursor"), ==, "13");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (empty->json), "more"));
}

static void
test_field_conflict (void)
{
  g_autofree char *dealer = test_new_dealer ("Conflicts");
  g_autoptr(TestDevice) a = test_enroll (dealer, "Caja A");
  g_autoptr(TestDevice) b = test_enroll (dealer, "Caja B");
  g_autofree char *t = new_uuid ();
  g_autoptr(JsonObject) r1 = push_tramite (a, 1, t, 0, "{\"folio\": \"LIQ-2025-0001\", \"step\": 2,"
                                           " \"agreed_amount\": 8000000, \"notes\": \"\"}");
  g_autoptr(JsonObject) r2 = push_tramite (a, 2, t, 1, "{\"agreed_amount\": 8400000}");
  /* B still had version 1: agreed_amount changed since then (a conflict, B's value wins and
   * A's comes back as lost), notes did not, and step is sent unchanged. */
  g_autoptr(JsonObject) r3 = push_tramite (b, 1, t, 1, "{\"agreed_amount\": 8500000, \"notes\": \"llamó\", \"step\": 2}");
  /* Sending the value the server already has is no conflict. */
  g_autoptr(JsonObject) r4 = push_tramite (a, 3, t, 2, "{\"agreed_amount\": 8500000}");
  g_autoptr(JsonArray) changes = test_pull_all (NULL, a, 0, 500);
  JsonArray *conflicts;
  JsonObject *fields;

  g_assert_cmpstr (result_status (r1), ==, "applied");
  g_assert_cmpstr (result_status (r2), ==, "applied");
  g_assert_cmpstr (result_status (r3), ==, "applied");
  conflicts = json_object_get_array_member (r3, "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (conflicts, 0), "field"), ==, "agreed_amount");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (conflicts, 0), "lost_value"), ==, 8400000);
  g_assert_cmpstr (result_status (r4), ==, "applied");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r4, "conflicts")), ==, 0);

  fields = json_object_get_object_member (test_find_change (changes, t), "fields");
  g_assert_cmpint (json_object_get_int_member (fields, "agreed_amount"), ==, 8500000);
  g_assert_cmpstr (json_object_get_string_member (fields, "notes"), ==, "llamó");
  g_assert_cmpstr (json_object_get_string_member (fields, "folio"), ==, "LIQ-2025-0001");
}

static void
test_plan_server_owned (void)
{
  g_autofree char *dealer = test_new_dealer ("Plans");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *csv_path = g_build_filename (g_get_tmp_dir (), "gestiona-test-plans.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonArray) changes = NULL;
  g_autoptr(JsonObject) r1 = NULL;
  g_autoptr(JsonObject) r2 = NULL;
  g_autoptr(JsonObject) r3 = NULL;
  g_autoptr(JsonObject) r4 = NULL;
  g_autoptr(JsonArray) again = NULL;
  g_autofree char *m = NULL;
  JsonObject *plan;
  JsonObject *fields;
  const char *plan_uuid;
  int status = 0;

  g_assert_true (g_file_set_contents (csv_path,
                                      "number,balance,overdue,installment,life_insurance,as_of\n"
                                      "CA-1001,\"123,456.78\",0,\"4,500.00\",350.5,15/01/2025\n"
                                      "CA-1002,98000,1500.25,3200,0,31/12/2024\n", -1, NULL));
  out = test_admin (NULL, NULL, "load-plans", dealer, csv_path, NULL);
  g_assert_cmpstr (out, ==, "Loaded 2 plans (2 new).");
  changes = test_pull_all (NULL, dev, 0, 500);
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  plan = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (plan, "entity"), ==, "plan");
  plan_uuid = json_object_get_string_member (plan, "uuid");
  fields = json_object_get_object_member (plan, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "number"), ==, "CA-1001");
  g_assert_cmpint (json_object_get_int_member (fields, "balance"), ==, 12345678);
  g_assert_cmpint (json_object_get_int_member (fields, "installment"), ==, 450000);
  g_assert_cmpint (json_object_get_int_member (fields, "life_insurance"), ==, 35050);
  g_assert_cmpstr (json_object_get_string_member (fields, "as_of"), ==, "2025-01-15");

  /* The dealer cannot change a balance; other fields, or the same value, are fine. */
  m = g_strdup_printf ("{\"n\": 1, \"entity\": \"plan\", \"uuid\": \"%s\", \"op\": \"upsert\", \"base_version\": 1,"
                       " \"fields\": {\"balance\": 1}}", plan_uuid);
  r1 = test_push_one (dev, m);
  assert_rejected (r1, "balance comes from Conauto");
  g_free (m);
  m = g_strdup_printf ("{\"n\": 2, \"entity\": \"plan\", \"uuid\": \"%s\", \"op\": \"upsert\", \"base_version\": 1,"
                       " \"fields\": {\"as_of\": \"2030-01-01\", \"customer_uuid\": \"c\"}}", plan_uuid);
  r2 = test_push_one (dev, m);
  assert_rejected (r2, "as_of comes from Conauto");
  g_free (m);
  m = g_strdup_printf ("{\"n\": 3, \"entity\": \"plan\", \"uuid\": \"%s\", \"op\": \"upsert\", \"base_version\": 1,"
                       " \"fields\": {\"balance\": 12345678, \"customer_uuid\": \"c\"}}", plan_uuid);
  r3 = test_push_one (dev, m);
  g_assert_cmpstr (result_status (r3), ==, "applied");
  g_free (m);
  m = g_strdup_printf ("{\"n\": 4, \"entity\": \"plan\", \"uuid\": \"%s\", \"op\": \"upsert\","
                       " \"fields\": {\"number\": \"X\", \"overdue\": 0}}", "0b7f7c4e-0000-4000-8000-000000000001");
  r4 = test_push_one (dev, m);
  assert_rejected (r4, "overdue comes from Conauto");

  /* A reload updates the same plan records (by number). */
  g_free (out);
  out = test_admin (NULL, NULL, "load-plans", dealer, csv_path, NULL);
  g_assert_cmpstr (out, ==, "Loaded 2 plans (0 new).");
  again = test_pull_all (NULL, dev, 3, 500);
  g_assert_cmpuint (json_array_get_length (again), ==, 2);
  g_assert_nonnull (test_find_change (again, plan_uuid));

  /* A bad row loads nothing. */
  g_assert_true (g_file_set_contents (csv_path,
                                      "number,balance,overdue,installment,life_insurance,as_of\n"
                                      "CA-1003,1000,0,100,0,01/01/2025\n"
                                      "CA-1004,mil,0,100,0,01/01/2025\n", -1, NULL));
  g_free (out);
  out = test_admin (&status, &err, "load-plans", dealer, csv_path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Line 3, balance"));
  g_assert_cmpint (test_dealer_last_seq (dealer), ==, 5);
  g_unlink (csv_path);
}

/* Uploads a payment proof's file and pushes its document record as mutation @n. */
static void
upload_proof (TestDevice *dev,
              gint64      n,
              const char *uuid)
{
  static const char content[] = "%PDF-1.4 comprobante de pago";
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, strlen (content));
  g_autofree char *sha = test_upload_blob (dev, bytes);
  g_autofree char *m = g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", \"entity\": \"document\", \"uuid\": \"%s\","
                                        " \"op\": \"upsert\", \"fields\": {\"kind\": \"payment-proof\","
                                        " \"sha256\": \"%s\", \"size\": %zu}}", n, uuid, sha, strlen (content));
  g_autoptr(JsonObject) r = NULL;

  r = test_push_one (dev, m);
  g_assert_cmpstr (result_status (r), ==, "applied");
}

static void
test_tramite_steps (void)
{
  g_autofree char *dealer = test_new_dealer ("Steps");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *t = new_uuid ();
  g_autofree char *t2 = new_uuid ();
  g_autofree char *t3 = new_uuid ();
  g_autofree char *proof = new_uuid ();
  g_autofree char *proof_json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonArray) changes = NULL;
  JsonObject *r;
  int status = 0;
  gint64 n = 0;

#define PUSH(uuid, fields) (r = push_tramite (dev, ++n, uuid, 0, fields))
  PUSH (t2, "{\"folio\": \"LIQ-X\", \"step\": 4}");
  assert_rejected (r, "Step 4 is Conauto's");
  json_object_unref (r);
  PUSH (t, "{\"folio\": \"LIQ-2025-0042\", \"step\": 2}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  PUSH (t, "{\"step\": 3}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  PUSH (t, "{\"step\": 4}");
  assert_rejected (r, "Step 4 is Conauto's");
  json_object_unref (r);
  PUSH (t, "{\"step\": 1}");
  assert_rejected (r, "one step at a time");
  json_object_unref (r);
  PUSH (t, "{\"step\": 9}");
  assert_rejected (r, "from 1 to 8");
  json_object_unref (r);

  /* Conauto: 3 → 4; only the next step. */
  out = test_admin (&status, &err, "advance", "LIQ-2025-0042", "5", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "only to step 4"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* T6: no step 4 without the payment, its proof on the server and the documents sent. */
  out = test_admin (&status, &err, "advance", "LIQ-2025-0042", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Trámite LIQ-2025-0042 cannot move to step 4 yet. Step 4 needs: "
                                 "the customer’s payment (amount, date and reference); the customer’s "
                                 "payment proof; the documents sent to Conauto."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (proof_json);
  proof_json = g_strdup_printf ("{\"payment_amount\": 8400000, \"payment_date\": \"2025-12-01\","
                                " \"payment_reference\": \"SPEI 1\", \"payment_proof_uuid\": \"%s\"}", proof);
  PUSH (t, proof_json);
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  out = test_admin (&status, &err, "advance", "LIQ-2025-0042", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Step 4 needs: the documents sent to Conauto."));
  g_assert_null (strstr (err, "payment"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  PUSH (t, "{\"docs_sent_at\": 1764547200000000}");
  json_object_unref (r);
  /* The proof is named but its file never reached the server. */
  out = test_admin (&status, &err, "advance", "LIQ-2025-0042", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "payment proof of trámite LIQ-2025-0042 has not fully reached the server"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  upload_proof (dev, ++n, proof);
  out = test_admin (NULL, NULL, "advance", "LIQ-2025-0042", "4", NULL);
  g_assert_nonnull (strstr (out, "step 4"));

  PUSH (t, "{\"step\": 3}");
  assert_rejected (r, "which is Conauto's");
  json_object_unref (r);
  /* Other fields may change while Conauto has it, the step sent unchanged included. */
  PUSH (t, "{\"step\": 4, \"notes\": \"esperando\"}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  g_free (out);
  out = g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", " TRAMITE ", \"uuid\": \"%s\", \"op\": \"delete\"}", ++n, t);
  r = test_push_one (dev, out);
  assert_rejected (r, "cannot be deleted");
  json_object_unref (r);

  g_free (out);
  out = test_admin (NULL, NULL, "advance", "LIQ-2025-0042", "5", NULL);
  g_free (out);
  out = test_admin (NULL, NULL, "advance", "LIQ-2025-0042", "6", NULL);
  PUSH (t, "{\"step\": 8}");
  assert_rejected (r, "from step 6 to step 7");
  json_object_unref (r);
  PUSH (t, "{\"step\": 7}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  PUSH (t, "{\"step\": 6}");
  assert_rejected (r, "Step 6 is Conauto's");
  json_object_unref (r);
  /* T6: no step 8 without the invoice delivered and the acknowledgment. */
  PUSH (t, "{\"step\": 8, \"invoice_delivered_at\": 1764633600000000}");
  assert_rejected (r, "Step 8 needs: the acknowledgment returned to Conauto.");
  json_object_unref (r);
  PUSH (t, "{\"step\": 8, \"invoice_delivered_at\": 1764633600000000, \"ack_returned_at\": 1764720000000000}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  /* Going back undoes a step and needs nothing; a new trámite cannot start past what it has. */
  PUSH (t, "{\"step\": 7, \"ack_returned_at\": null}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  PUSH (t, "{\"step\": 8}");
  assert_rejected (r, "Step 8 needs: the acknowledgment returned to Conauto.");
  json_object_unref (r);
  PUSH (t, "{\"step\": 8, \"ack_returned_at\": 1764720000000000}");
  g_assert_cmpstr (result_status (r), ==, "applied");
  json_object_unref (r);
  PUSH (t3, "{\"folio\": \"LIQ-Y\", \"step\": 7}");
  assert_rejected (r, "Step 7 needs: the customer’s payment");
  json_object_unref (r);
#undef PUSH

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = test_admin (&status, &err, "advance", "LIQ-2025-0042", "7", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "only to steps 4, 5 and 6"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = test_admin (&status, &err, "advance", "LIQ-NONE", "4", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "No trámite has the folio LIQ-NONE"));

  changes = test_pull_all (NULL, dev, 0, 500);
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);   /* the trámite and its proof */
  g_assert_nonnull (test_find_change (changes, proof));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (test_find_change (changes, t), "fields"), "step"), ==, 8);
  /* Conauto's steps 5 and 6 recorded the insurance cancelled and the invoice released. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (test_find_change (changes, t), "fields"), "insurance_cancelled_at"), >, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (test_find_change (changes, t), "fields"), "invoice_released_at"), >, 0);
  g_assert_null (test_find_change (changes, t2));
}

static void
test_tombstone (void)
{
  g_autofree char *dealer = test_new_dealer ("Tombstones");
  g_autoptr(TestDevice) dev = test_enroll (dealer, "Caja");
  g_autofree char *c = new_uuid ();
  g_autofree char *m1 = g_strdup_printf ("{\"n\": 1, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                         " \"fields\": {\"name\": \"Ana\"}}", c);
  g_autofree char *m2 = g_strdup_printf ("{\"n\": 2, \"entity\": \"customer\", \"uuid\": \"%s\", \"op\": \"delete\","
                                         " \"base_version\": 1}", c);
  g_autoptr(JsonObject) r1 = test_push_one (dev, m1);
  g_autoptr(JsonObject) r2 = test_push_one (dev, m2);
  g_autoptr(JsonArray) changes = test_pull_all (NULL, dev, 0, 500);
  g_autoptr(JsonArray) since = test_pull_all (NULL, dev, 1, 500);
  JsonObject *change = test_find_change (changes, c);

  g_assert_cmpstr (result_status (r2), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (r2, "version"), ==, 2);
  g_assert_true (json_object_get_boolean_member (change, "deleted"));
  g_assert_cmpint (json_object_get_int_member (change, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "fields"), "name"), ==, "Ana");
  g_assert_cmpuint (json_array_get_length (since), ==, 1);
}

static void
test_migrate_again (void)
{
  g_autofree char *out = test_admin (NULL, NULL, "migrate", NULL);

  /* Already at the latest version: nothing applied (no "Applied" line). The number grows with
   * each migration of data/server-sql. */
  g_assert_true (g_str_has_prefix (out, "The database is at schema version "));
  g_assert_null (strstr (out, "Applied"));
}

static int
run_server (const char  *config_text,
            char       **err_out)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gestiona-test-server.conf", NULL);
  const char *argv[] = { g_getenv ("GESTIONA_SERVER"), "--config", path, "admin", NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_file_set_contents (path, config_text, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err_out,
                &wait_status, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return WEXITSTATUS (wait_status);
}

static void
test_config_file (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                               "gestiona-server.conf.example", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;

  /* The shipped example loads: `admin` without a command then prints the usage (exit 2). */
  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  g_assert_cmpint (run_server (text, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: gestiona-server"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_server ("[server]\nmax_body = lots\n", &err), ==, 2);
  g_assert_nonnull (strstr (err, "The setting max_body is “lots”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_server ("[server]\nlisten = 8080\n", &err), ==, 2);
  g_assert_nonnull (strstr (err, "write host:port"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_server ("[server]\nport = 1\n", &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown setting “port”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test test-server).\n");
      return 1;
    }

  g_test_add_func ("/server/X3/migrate-again", test_migrate_again);
  g_test_add_func ("/server/X3/config-file", test_config_file);
  g_test_add_func ("/server/X3/enroll-single-use", test_enroll_single_use);
  g_test_add_func ("/server/X3/push-idempotent-replay", test_push_replay);
  g_test_add_func ("/server/X3/push-reused-number", test_push_reused_number);
  g_test_add_func ("/server/X3/rejected-does-not-block", test_rejected_does_not_block);
  g_test_add_func ("/server/X3/gap-free-concurrent-writers", test_concurrent_gap_free);
  g_test_add_func ("/server/X3/page-atomicity", test_page_atomicity);
  g_test_add_func ("/server/X3/field-conflict-lost-value", test_field_conflict);
  g_test_add_func ("/server/T7/plan-server-owned-fields", test_plan_server_owned);
  g_test_add_func ("/server/T6/T7/tramite-steps", test_tramite_steps);
  g_test_add_func ("/server/X3/tombstone", test_tombstone);
  gest_server_test_add_security ();

  return g_test_run ();
}
