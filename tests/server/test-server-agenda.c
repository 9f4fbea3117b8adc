/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7, S9, S10, S12, S14 on the wire (#15): the server knows the agenda's entities and checks
 * them against the author's role (gest-agenda-workflow.h): bookings by the service
 * coordinator, arrivals by the advisor too, schedules by the managers, a lead's outcome by
 * sales. Runs under tests/server/pg-env.sh. */
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

static void
assert_push (TestDevice *device,
             const char *mutation,
             const char *expected)
{
  g_autoptr(JsonObject) result = test_push_one (device, mutation);
  const char *status = json_object_get_string_member (result, "status");

  if (g_str_equal (status, "applied"))
    g_assert_cmpstr ("applied", ==, expected);
  else
    g_assert_cmpstr (json_object_get_string_member (result, "error"), ==, expected);
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
row (int         n,
     const char *entity,
     const char *uuid_tail,
     const char *author,
     const char *fields)
{
  return g_strdup_printf ("{\"n\": %d, \"entity\": \"%s\", \"uuid\": \"e1500000-0000-4000-8000-%s\","
                          " \"op\": \"upsert\", \"base_version\": null, \"user\": \"%s\", \"fields\": %s}",
                          n, entity, uuid_tail, author, fields);
}

#define REFUSED(who, role, what, whom) \
  "For the server, " who " (" role ") cannot " what ": it is for " whom ". Ask one of them, or sign in as one."
#define COORDINATORS "General manager, Service manager, Service coordinator"

static void
test_agenda_by_role (void)
{
  g_autofree char *dealer = NULL;
  g_autoptr(TestDevice) device = NULL;
  const char *users[][4] = {
    { "000000000001", "gerente", "Mariana Torres", "general-manager" },
    { "000000000002", "coordinador.servicio", "Javier Núñez", "service-coordinator" },
    { "000000000003", "asesor", "Raúl Ortiz", "service-advisor" },
    { "000000000004", "ventas", "Ricardo Luna", "sales-advisor" },
  };
  const char *booking = "{\"day\": \"2026-12-07\", \"starts_min\": 540, \"advisor_uuid\": \"a1000000-0000-4000-8000-000000000003\","
                        " \"state\": \"confirmed\", \"origin\": \"phone\", \"received_at\": 1, \"created_at\": 1}";
  int n = 1;

  if (skip_without_server ())
    return;
  dealer = test_admin (NULL, NULL, "create-dealer", "Ford Tehuacán", NULL);
  device = test_enroll (dealer, "caja");
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *u = user (n++, users[i][0], users[i][1], users[i][2], users[i][3]);

      assert_push (device, u, "applied");
    }

  {
    g_autofree char *by_advisor = row (n++, "reservation", "000000000001", "asesor", booking);
    g_autofree char *by_coordinator = row (n++, "reservation", "000000000001", "coordinador.servicio", booking);
    g_autofree char *arrived = row (n++, "reservation", "000000000001", "asesor",
                                    "{\"state\": \"arrived\", \"arrived_at\": 1765000000000000, \"mileage_km\": 35000}");
    g_autofree char *notes = row (n++, "reservation", "000000000001", "asesor", "{\"notes\": \"Cambio de hora\"}");
    g_autofree char *moved = row (n++, "reservation", "000000000001", "asesor", "{\"starts_min\": 600}");

    assert_push (device, by_advisor, REFUSED ("Raúl Ortiz", "Service advisor", "book and edit service appointments", COORDINATORS));
    assert_push (device, by_coordinator, "applied");
    assert_push (device, arrived, "applied");
    assert_push (device, notes, REFUSED ("Raúl Ortiz", "Service advisor", "book and edit service appointments", COORDINATORS));
    assert_push (device, moved, REFUSED ("Raúl Ortiz", "Service advisor", "move appointments to another advisor, day or time",
                                         COORDINATORS));
  }
  {
    const char *hours = "{\"advisor_uuid\": \"a1000000-0000-4000-8000-000000000003\", \"weekday\": 1,"
                        " \"starts_min\": 480, \"ends_min\": 1080, \"slot_minutes\": 30, \"capacity\": 2}";
    g_autofree char *by_coordinator = row (n++, "agenda_schedule", "000000000002", "coordinador.servicio", hours);
    g_autofree char *by_manager = row (n++, "agenda_schedule", "000000000002", "gerente", hours);

    assert_push (device, by_coordinator, REFUSED ("Javier Núñez", "Service coordinator",
                                                  "edit the advisors’ hours, capacity and blocked time",
                                                  "General manager, Service manager"));
    assert_push (device, by_manager, "applied");
  }
  {
    const char *lead = "{\"name\": \"Ana Ruiz\", \"phone\": \"5512345678\", \"appointment_at\": 1765000000000000,"
                       " \"created_at\": 1}";
    g_autofree char *by_sales = row (n++, "test_drive_lead", "000000000004", "ventas", lead);
    g_autofree char *by_advisor = row (n++, "test_drive_lead", "000000000004", "asesor", lead);
    g_autofree char *outcome_advisor = row (n++, "test_drive_lead", "000000000004", "asesor", "{\"outcome\": \"sold\"}");
    g_autofree char *outcome_sales = row (n++, "test_drive_lead", "000000000004", "ventas", "{\"outcome\": \"sold\"}");

    assert_push (device, by_sales, REFUSED ("Ricardo Luna", "Sales advisor", "offer test drives and record the answer",
                                            COORDINATORS ", Service advisor"));
    assert_push (device, by_advisor, "applied");
    assert_push (device, outcome_advisor, REFUSED ("Raúl Ortiz", "Service advisor", "record the outcome of test-drive leads",
                                                   "General manager, Sales advisor"));
    assert_push (device, outcome_sales, "applied");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/agenda/S12/entities-by-role", test_agenda_by_role);
  return g_test_run ();
}
