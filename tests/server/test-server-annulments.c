/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q2, Q3 on the wire (#13): the server checks an annulment's approvals against the author's
 * role: the head of customer service approves, the coordinator registers the customer in the
 * annulled list and approves the re-invoicing; customer service makes and sends requests.
 * Runs under tests/server/pg-env.sh. */
#include "config.h"

#include <locale.h>

#include "gest-server-test-util.h"

#define ANNULMENT "b2000000-0000-4000-8000-000000000001"
#define CUSTOMER  "c0000000-0000-4000-8000-000000000001"

static gboolean
skip_without_server (void)
{
  if (g_getenv ("GESTIONA_SERVER") != NULL && g_getenv ("GESTIONA_TEST_SERVER_URL") != NULL)
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

static char *
push (TestDevice *device,
      const char *mutation)
{
  g_autoptr(JsonObject) result = test_push_one (device, mutation);
  const char *status = json_object_get_string_member (result, "status");

  if (g_str_equal (status, "applied"))
    return g_strdup ("applied");
  return g_strdup (json_object_get_string_member (result, "error"));
}

static void
assert_push (TestDevice *device,
             const char *mutation,
             const char *expected)
{
  g_autofree char *result = push (device, mutation);

  g_assert_cmpstr (result, ==, expected);
}

static char *
user (int         n,
      const char *uuid_tail,
      const char *login,
      const char *name,
      const char *role)
{
  return g_strdup_printf ("{\"n\": %d, \"entity\": \"user\", \"uuid\": \"a1000000-0000-4000-8000-%s\","
                          " \"op\": \"upsert\", \"base_version\": null, \"user\": \"%s\", \"fields\":"
                          " {\"login\": \"%s\", \"name\": \"%s\", \"role\": \"%s\", \"active\": 1}}",
                          n, uuid_tail, n == 1 ? "" : "gerente", login, name, role);
}

static char *
annulment (int         n,
           const char *author,
           const char *fields)
{
  return g_strdup_printf ("{\"n\": %d, \"entity\": \"annulment\", \"uuid\": \"" ANNULMENT "\","
                          " \"op\": \"upsert\", \"base_version\": null, \"user\": \"%s\", \"fields\": %s}",
                          n, author, fields);
}

static void
test_approvals_by_role (void)
{
  g_autofree char *dealer = NULL;
  g_autoptr(TestDevice) device = NULL;
  const char *users[][4] = {
    { "000000000001", "gerente", "Mariana Torres", "general-manager" },
    { "000000000002", "analista", "Laura Méndez", "cs-analyst" },
    { "000000000003", "jefe.atencion", "Patricia Gómez", "cs-head" },
    { "000000000004", "coordinador.sac", "Sergio Medina", "cs-coordinator" },
  };
  g_autofree char *m = NULL;

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Tehuacán", NULL);
  device = test_enroll (dealer, "caja");
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *u = user ((int) i + 1, users[i][0], users[i][1], users[i][2], users[i][3]);

      assert_push (device, u, "applied");
    }
  assert_push (device, "{\"n\": 5, \"entity\": \"customer\", \"uuid\": \"" CUSTOMER "\", \"op\": \"upsert\","
                       " \"base_version\": null, \"user\": \"analista\", \"fields\": {\"name\": \"José Ñúñez\"}}",
               "applied");

  /* Q1: the analyst makes and sends the request. */
  m = annulment (6, "analista", "{\"folio\": \"ANU-2026-000001\", \"customer_uuid\": \"" CUSTOMER "\","
                                " \"stage\": 0, \"city\": \"Mérida\", \"cancel_reason\": \"02\"}");
  assert_push (device, m, "applied");
  g_clear_pointer (&m, g_free);
  m = annulment (7, "analista", "{\"stage\": 1, \"sent_at\": 1}");
  assert_push (device, m, "applied");

  /* Q2: only the head approves. */
  g_clear_pointer (&m, g_free);
  m = annulment (8, "analista", "{\"stage\": 2, \"approved_by\": \"Laura Méndez\", \"approved_at\": 2}");
  assert_push (device, m, "For the server, Laura Méndez (Customer service analyst) cannot approve an annulment: "
                          "it is for Head of customer service. Ask one of them, or sign in as one.");
  g_clear_pointer (&m, g_free);
  m = annulment (9, "coordinador.sac", "{\"approved_by\": \"Sergio Medina\"}");
  assert_push (device, m, "For the server, Sergio Medina (Customer service coordinator) cannot approve an annulment: "
                          "it is for Head of customer service. Ask one of them, or sign in as one.");
  g_clear_pointer (&m, g_free);
  m = annulment (10, "jefe.atencion", "{\"stage\": 2, \"approved_by\": \"Patricia Gómez\", \"approved_at\": 2}");
  assert_push (device, m, "applied");

  /* Q2: the coordinator registers the customer in the annulled list, not the head. */
  assert_push (device, "{\"n\": 11, \"entity\": \"annulled_customer\", \"uuid\": \"d0000000-0000-4000-8000-000000000001\","
                       " \"op\": \"upsert\", \"base_version\": null, \"user\": \"jefe.atencion\", \"fields\":"
                       " {\"customer_uuid\": \"" CUSTOMER "\", \"annulment_uuid\": \"" ANNULMENT "\"}}",
               "For the server, Patricia Gómez (Head of customer service) cannot register a customer in the annulled list: "
               "it is for Customer service coordinator. Ask one of them, or sign in as one.");
  assert_push (device, "{\"n\": 12, \"entity\": \"annulled_customer\", \"uuid\": \"d0000000-0000-4000-8000-000000000001\","
                       " \"op\": \"upsert\", \"base_version\": null, \"user\": \"coordinador.sac\", \"fields\":"
                       " {\"customer_uuid\": \"" CUSTOMER "\", \"annulment_uuid\": \"" ANNULMENT "\"}}",
               "applied");
  g_clear_pointer (&m, g_free);
  m = annulment (13, "coordinador.sac", "{\"stage\": 3, \"registered_by\": \"Sergio Medina\", \"registered_at\": 3}");
  assert_push (device, m, "applied");

  /* Q3: the re-invoicing is the coordinator's. */
  g_clear_pointer (&m, g_free);
  m = annulment (14, "jefe.atencion", "{\"stage\": 4, \"reinvoice_approved_by\": \"Patricia Gómez\"}");
  assert_push (device, m, "For the server, Patricia Gómez (Head of customer service) cannot approve a re-invoicing: "
                          "it is for Customer service coordinator. Ask one of them, or sign in as one.");
  g_clear_pointer (&m, g_free);
  m = annulment (15, "coordinador.sac", "{\"stage\": 4, \"reinvoice_approved_by\": \"Sergio Medina\"}");
  assert_push (device, m, "applied");
  g_clear_pointer (&m, g_free);
  m = annulment (16, "analista", "{\"stage\": 5, \"filed_at\": 5}");
  assert_push (device, m, "applied");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/annulments/Q2/Q3/approvals-by-role", test_approvals_by_role);
  return g_test_run ();
}
