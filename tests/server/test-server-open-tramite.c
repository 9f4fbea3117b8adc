/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12, T3/T6: at most one open trámite per plan, on the server too: a pushed new trámite
 * for a plan that has an open one (stored, or earlier in the same push) is rejected with the
 * message, so two desktops of one dealer registering offline end with one open trámite. Runs
 * against the real PostgreSQL and gestiona-server that pg-env.sh starts. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-server-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define PLAN "f0000000-0000-4000-8000-0000000000a1"

static JsonObject *
push_tramite (TestDevice *device,
              gint64      n,
              const char *uuid,
              const char *fields_json)
{
  g_autofree char *m = g_strdup_printf ("{\"n\": %" G_GINT64_FORMAT ", \"entity\": \"tramite\", \"uuid\": \"%s\","
                                        " \"op\": \"upsert\", \"base_version\": 0, \"fields\": %s}",
                                        n, uuid, fields_json);

  return test_push_one (device, m);
}

static void
assert_status (JsonObject *result,
               const char *status)
{
  if (g_strcmp0 (json_object_get_string_member (result, "status"), status) != 0)
    g_test_message ("result: %s", json_object_has_member (result, "error")
                                  ? json_object_get_string_member (result, "error") : "(no error)");
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
}

static void
test_second_open_rejected (void)
{
  g_autofree char *dealer = test_new_dealer ("Ford Cholula");
  g_autoptr(TestDevice) a1 = test_enroll (dealer, "Caja 1");
  g_autoptr(TestDevice) a2 = test_enroll (dealer, "Caja 2");
  g_autofree char *t1 = g_uuid_string_random ();
  g_autofree char *t2 = g_uuid_string_random ();
  g_autofree char *t3 = g_uuid_string_random ();
  g_autofree char *t4 = g_uuid_string_random ();
  g_autoptr(JsonObject) plan = NULL;
  g_autoptr(JsonObject) r1 = NULL;
  g_autoptr(JsonObject) r2 = NULL;
  g_autoptr(JsonObject) r3 = NULL;
  g_autoptr(JsonObject) r4 = NULL;
  g_autoptr(JsonObject) r4b = NULL;

  plan = test_push_one (a1, "{\"n\": 1, \"entity\": \"plan\", \"uuid\": \"" PLAN "\", \"op\": \"upsert\","
                            " \"base_version\": 0, \"fields\": {\"number\": \"PL-4321\"}}");
  assert_status (plan, "applied");

  /* Desktop 1 registered its trámite first. */
  r1 = push_tramite (a1, 2, t1, "{\"folio\": \"LIQ-2026-010001\", \"plan_uuid\": \"" PLAN "\", \"step\": 2}");
  assert_status (r1, "applied");

  /* Desktop 2 registered another for the same plan while offline: rejected, saying why. */
  r2 = push_tramite (a2, 1, t2, "{\"folio\": \"LIQ-2026-020001\", \"plan_uuid\": \"" PLAN "\", \"step\": 2}");
  assert_status (r2, "rejected");
  g_assert_cmpstr (json_object_get_string_member (r2, "error"), ==,
                   "Plan PL-4321 already has an open trámite, LIQ-2026-010001; a plan has one open trámite at a "
                   "time. This one was not accepted: continue LIQ-2026-010001 instead (the desktop shows it "
                   "after the next sync).");

  /* A finished trámite (step 8) of the same plan is not an open one. */
  r3 = push_tramite (a2, 2, t3, "{\"folio\": \"LIQ-2026-020002\", \"plan_uuid\": \"" PLAN "\", \"step\": 8,"
                                " \"payment_amount\": 100, \"payment_proof_uuid\": \"d0000000-0000-4000-8000-000000000001\","
                                " \"docs_sent_at\": 1, \"insurance_cancelled_at\": 2, \"invoice_released_at\": 3,"
                                " \"invoice_delivered_at\": 4, \"ack_returned_at\": 5}");
  assert_status (r3, "applied");

  /* Once the first is finished (Conauto's and the dealer's last steps, written here straight
   * into the server's table), the plan may have a new one. */
  r4 = push_tramite (a2, 3, t4, "{\"folio\": \"LIQ-2026-020003\", \"plan_uuid\": \"" PLAN "\", \"step\": 2}");
  assert_status (r4, "rejected");
  {
    PGconn *owner = test_pg_connect (TRUE);
    g_autoptr(PGresult) res = test_pg (owner, "UPDATE records SET data = data || '{\"step\": 8}'::jsonb"
                                              " WHERE dealer_id = $1 AND uuid = $2", 2, dealer, t1);

    g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
    PQfinish (owner);
  }
  r4b = push_tramite (a2, 4, t4, "{\"folio\": \"LIQ-2026-020003\", \"plan_uuid\": \"" PLAN "\", \"step\": 2}");
  assert_status (r4b, "applied");
}

/* Two new trámites of one plan in the same push: the second is rejected. */
static void
test_two_in_one_push (void)
{
  g_autofree char *dealer = test_new_dealer ("Ford Atlixco");
  g_autoptr(TestDevice) device = test_enroll (dealer, "Caja");
  g_autofree char *ta = g_uuid_string_random ();
  g_autofree char *tb = g_uuid_string_random ();
  g_autofree char *mutations = NULL;
  g_autoptr(JsonArray) results = NULL;
  JsonObject *first;
  JsonObject *second;

  mutations = g_strdup_printf ("{\"n\": 1, \"entity\": \"tramite\", \"uuid\": \"%s\", \"op\": \"upsert\", \"base_version\": 0,"
                               " \"fields\": {\"folio\": \"LIQ-2026-010001\", \"plan_uuid\": \"" PLAN "\", \"step\": 2}},"
                               "{\"n\": 2, \"entity\": \"tramite\", \"uuid\": \"%s\", \"op\": \"upsert\", \"base_version\": 0,"
                               " \"fields\": {\"folio\": \"LIQ-2026-010002\", \"plan_uuid\": \"" PLAN "\", \"step\": 3}}",
                               ta, tb);
  results = test_push (NULL, device, mutations);
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  first = json_array_get_object_element (results, 0);
  second = json_array_get_object_element (results, 1);
  assert_status (first, "applied");
  assert_status (second, "rejected");
  /* The plan is not on this dealer's server: its uuid stands for its number. */
  g_assert_cmpstr (json_object_get_string_member (second, "error"), ==,
                   "Plan " PLAN " already has an open trámite, LIQ-2026-010001; a plan has one open trámite at a "
                   "time. This one was not accepted: continue LIQ-2026-010001 instead (the desktop shows it "
                   "after the next sync).");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test test-server-open-tramite).\n");
      return 1;
    }

  g_test_add_func ("/server/T3-T6/one-open-per-plan/second-rejected", test_second_open_rejected);
  g_test_add_func ("/server/T3-T6/one-open-per-plan/two-in-one-push", test_two_in_one_push);
  return g_test_run ();
}
