/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1-S3 on the wire (#14): the server knows the campaign entities and checks each change
 * against the author's role: the service manager makes campaigns, follows their parts and
 * stamps the weekly review; the service coordinator moves the board's vehicles (from the
 * queue) but makes no campaign. Runs under tests/server/pg-env.sh. */
#include "config.h"

#include <locale.h>

#include "gest-server-test-util.h"

#define CAMPAIGN "e1000000-0000-4000-8000-000000000001"
#define VEHICLE  "e2000000-0000-4000-8000-000000000001"
#define AFFECTED "e3000000-0000-4000-8000-000000000001"
#define PART     "e4000000-0000-4000-8000-000000000001"
#define REVIEW   "e5000000-0000-4000-8000-000000000001"

static gboolean
skip_without_server (void)
{
  if (g_getenv ("GESTIONA_SERVER") != NULL && g_getenv ("GESTIONA_TEST_SERVER_URL") != NULL)
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

static void
assert_push (TestDevice *device,
             int         n,
             const char *entity,
             const char *uuid,
             const char *author,
             const char *fields,
             const char *expected)
{
  g_autofree char *mutation = g_strdup_printf ("{\"n\": %d, \"entity\": \"%s\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                               " \"base_version\": null, \"user\": \"%s\", \"fields\": %s}",
                                               n, entity, uuid, author, fields);
  g_autoptr(JsonObject) result = test_push_one (device, mutation);
  const char *status = json_object_get_string_member (result, "status");

  if (g_str_equal (status, "applied"))
    g_assert_cmpstr ("applied", ==, expected);
  else
    g_assert_cmpstr (json_object_get_string_member (result, "error"), ==, expected);
}

static void
test_campaigns_by_role (void)
{
  g_autofree char *dealer = NULL;
  g_autoptr(TestDevice) device = NULL;
  const char *users[][4] = {
    { "000000000001", "gerente", "Mariana Torres", "general-manager" },
    { "000000000002", "gerente.servicio", "Roberto Salinas Vega", "service-manager" },
    { "000000000003", "coordinador.servicio", "Javier Núñez Campos", "service-coordinator" },
    { "000000000004", "asesor", "Diana Ruiz", "service-advisor" },
  };

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Tehuacán", NULL);
  device = test_enroll (dealer, "servicio");
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("a1000000-0000-4000-8000-%s", users[i][0]);
      g_autofree char *fields = g_strdup_printf ("{\"login\": \"%s\", \"name\": \"%s\", \"role\": \"%s\", \"active\": 1}",
                                                 users[i][1], users[i][2], users[i][3]);

      assert_push (device, (int) i + 1, "user", uuid, i == 0 ? "" : "gerente", fields, "applied");
    }

  /* S1: the coordinator makes no campaign; the service manager does. */
  assert_push (device, 5, "campaign", CAMPAIGN, "coordinador.servicio",
               "{\"code\": \"24S12\", \"kind\": \"safety-recall\", \"description\": \"Bolsa de aire\", \"needs_parts\": 1}",
               "For the server, Javier Núñez Campos (Service coordinator) cannot create field-action campaigns and import their VIN lists: "
               "it is for General manager, Service manager. Ask one of them, or sign in as one.");
  assert_push (device, 6, "campaign", CAMPAIGN, "gerente.servicio",
               "{\"code\": \"24S12\", \"kind\": \"safety-recall\", \"description\": \"Bolsa de aire\", \"needs_parts\": 1}",
               "applied");
  assert_push (device, 7, "vehicle", VEHICLE, "gerente.servicio", "{\"vin\": \"3FMCR9B69RGA00001\"}", "applied");
  assert_push (device, 8, "campaign_vehicle", AFFECTED, "gerente.servicio",
               "{\"campaign_uuid\": \"" CAMPAIGN "\", \"vehicle_uuid\": \"" VEHICLE "\", \"stage\": 0,"
               " \"stage_since\": 1, \"imported_at\": 1}", "applied");

  /* S2: parts are the service manager's. */
  assert_push (device, 9, "campaign_part", PART, "asesor",
               "{\"campaign_uuid\": \"" CAMPAIGN "\", \"part_number\": \"A-1\", \"qty_per_vehicle\": 1,"
               " \"status\": \"received\", \"qty_received\": 1}",
               "For the server, Diana Ruiz (Service advisor) cannot follow a campaign’s parts: "
               "it is for General manager, Service manager. Ask one of them, or sign in as one.");
  assert_push (device, 10, "campaign_part", PART, "gerente.servicio",
               "{\"campaign_uuid\": \"" CAMPAIGN "\", \"part_number\": \"A-1\", \"qty_per_vehicle\": 1,"
               " \"status\": \"received\", \"qty_received\": 1}", "applied");

  /* The board's moves: the coordinator may, the advisor may not. */
  assert_push (device, 11, "campaign_vehicle", AFFECTED, "asesor", "{\"stage\": 1}",
               "For the server, Diana Ruiz (Service advisor) cannot move a campaign’s vehicles and close them out: "
               "it is for General manager, Service manager, Service coordinator. Ask one of them, or sign in as one.");
  assert_push (device, 12, "campaign_vehicle", AFFECTED, "coordinador.servicio", "{\"stage\": 2}", "applied");

  /* S1: the weekly review. */
  assert_push (device, 13, "campaign_review", REVIEW, "coordinador.servicio",
               "{\"campaign_uuid\": \"" CAMPAIGN "\", \"week\": \"2026-W50\", \"reviewed_by\": \"Javier Núñez Campos\","
               " \"reviewed_at\": 1}",
               "For the server, Javier Núñez Campos (Service coordinator) cannot stamp a campaign’s weekly review: "
               "it is for General manager, Service manager. Ask one of them, or sign in as one.");
  assert_push (device, 14, "campaign_review", REVIEW, "gerente.servicio",
               "{\"campaign_uuid\": \"" CAMPAIGN "\", \"week\": \"2026-W50\", \"reviewed_by\": \"Roberto Salinas Vega\","
               " \"reviewed_at\": 1}", "applied");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/campaigns/S1-S3/changes-by-role", test_campaigns_by_role);
  return g_test_run ();
}
