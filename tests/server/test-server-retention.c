/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S4-S6, S15 on the wire (#14): the server checks the retention entities against the author's
 * role (gest-retention-workflow.h): visits by the service advisor too, calls and their targets
 * by the service coordinator, the service manager and the general manager, promotions by the
 * managers. Runs under tests/server/pg-env.sh. */
#include "config.h"

#include <locale.h>

#include "gest-server-test-util.h"

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

#define VEHICLE   "f0000000-0000-4000-8000-000000000001"

static char *
row (int         n,
     const char *entity,
     const char *uuid_tail,
     const char *author,
     const char *fields)
{
  return g_strdup_printf ("{\"n\": %d, \"entity\": \"%s\", \"uuid\": \"e1000000-0000-4000-8000-%s\","
                          " \"op\": \"upsert\", \"base_version\": null, \"user\": \"%s\", \"fields\": %s}",
                          n, entity, uuid_tail, author, fields);
}

static void
test_retention_by_role (void)
{
  g_autofree char *dealer = NULL;
  g_autoptr(TestDevice) device = NULL;
  const char *users[][4] = {
    { "000000000001", "gerente", "Mariana Torres", "general-manager" },
    { "000000000002", "coordinador.servicio", "Javier Núñez", "service-coordinator" },
    { "000000000003", "asesor", "Raúl Ortiz", "service-advisor" },
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
  /* The advisor records a visit, but works no queue. */
  m = row (4, "service_visit", "000000000001", "asesor",
           "{\"vehicle_uuid\": \"" VEHICLE "\", \"opened_on\": \"2026-06-20\", \"kind\": \"maintenance\"}");
  assert_push (device, m, "applied");
  g_clear_pointer (&m, g_free);
  m = row (5, "contact_call", "000000000002", "asesor",
           "{\"number_dialled\": \"5512345678\", \"outcome\": \"no-answer\", \"band\": 0}");
  assert_push (device, m, "For the server, Raúl Ortiz (Service advisor) cannot work the day’s call queue and log calls: "
                          "it is for General manager, Service manager, Service coordinator. Ask one of them, or sign in as one.");
  g_clear_pointer (&m, g_free);
  m = row (6, "contact_call", "000000000002", "coordinador.servicio",
           "{\"number_dialled\": \"5512345678\", \"outcome\": \"no-answer\", \"band\": 0}");
  assert_push (device, m, "applied");
  /* Promotions are the managers'. */
  g_clear_pointer (&m, g_free);
  m = row (7, "promotion", "000000000003", "coordinador.servicio",
           "{\"title\": \"Afinación\", \"valid_from\": \"2026-12-01\", \"valid_to\": \"2026-12-31\"}");
  assert_push (device, m, "For the server, Javier Núñez (Service coordinator) cannot edit the current promotions: "
                          "it is for General manager, Service manager. Ask one of them, or sign in as one.");
  g_clear_pointer (&m, g_free);
  m = row (8, "promotion", "000000000003", "gerente",
           "{\"title\": \"Afinación\", \"valid_from\": \"2026-12-01\", \"valid_to\": \"2026-12-31\"}");
  assert_push (device, m, "applied");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/retention/S6/entities-by-role", test_retention_by_role);
  return g_test_run ();
}
