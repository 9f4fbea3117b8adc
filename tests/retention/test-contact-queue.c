/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S4, S5, S6, S8 (#14): the one day's queue over every module's contact sources: follow-ups on
 * their day (parts only once in), the month's lapsed list without recall-only contact data nor
 * vehicles without a customer, ordered by priority; calls by the roles that may; a reached
 * customer with open field actions must have been told of them (S8); the target's uuid derived
 * the same everywhere. No display. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-contact-queue.h"
#include "gest-service-visit.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

#define FOLLOWUP GEST_RETENTION_SOURCE_FOLLOWUP
#define LAPSED   GEST_RETENTION_SOURCE_LAPSED

static void
add_campaigns (GestStore *store)
{
  retention_exec (store,
                  "INSERT INTO campaigns (uuid, code, kind, description, created_at) VALUES"
                  " ('cmp-1', '24S12', 'safety-recall', 'Reemplazo del módulo de bolsa de aire', 0),"
                  " ('cmp-2', '23B05', 'satisfaction', 'Actualización del módulo de radio', 0);"
                  "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since,"
                  " imported_at) VALUES ('cv-1', 'cmp-1', 'veh-1', 1, 0, 0), ('cv-2', 'cmp-2', 'veh-1', 0, 0, 0);");
}

/* S5: a quote on its agreed day, not before; parts only once they are in. */
static void
test_followups_on_their_day (RetentionFixture *f,
                             gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *quote = NULL;

  g_assert_true (gest_service_followup_add (f->store, "cust-1", "veh-1", GEST_FOLLOWUP_PARTS,
                                            "Balatas en pedido", "2026-12-08", &parts, &error));
  g_assert_no_error (error);
  g_assert_true (gest_service_followup_add (f->store, "cust-1", "veh-1", GEST_FOLLOWUP_QUOTE,
                                            "Llantas cotizadas", "2026-12-09", &quote, &error));
  g_assert_no_error (error);
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 8, 10, 0), FOLLOWUP, parts, NULL));
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 8, 10, 0), FOLLOWUP, quote, NULL));
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 9, 10, 0), FOLLOWUP, quote, NULL));
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 9, 10, 0), FOLLOWUP, parts, NULL));
  g_assert_true (gest_service_followup_parts_ready (f->store, parts, &error));
  g_assert_no_error (error);
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 9, 10, 0), FOLLOWUP, parts, NULL));
  g_assert_false (gest_service_followup_parts_ready (f->store, parts, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The parts of this follow-up are marked as in already.");
  g_clear_error (&error);
  g_assert_false (gest_service_followup_parts_ready (f->store, quote, &error));
  g_assert_cmpstr (error->message, ==, "This follow-up is a quote: it waits for no parts.");
  g_clear_error (&error);
  /* Contacted: the follow-up is done and leaves the queue. */
  g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, quote, retention_at (2026, 12, 9, 10, 0),
                                           "5512345678", GEST_CALL_CONTACTED, 0, "", "Autoriza la próxima semana",
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 9, 10, 5), FOLLOWUP, quote, NULL));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM service_followups WHERE done_at IS NOT NULL"), ==, 1);
}

/* The item as the page shows it; the lapsed source leaves out recall-only contact data and
 * vehicles without a customer; a follow-up (priority 20) comes before a lapsed maintenance. */
static void
test_items_and_sources (RetentionFixture *f,
                        gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GestContactItem *item;

  add_campaigns (f->store);
  retention_exec (f->store,
                  "INSERT INTO customers (uuid, name, phone_home) VALUES ('cust-2', 'Beto Lara', '9991234567'),"
                  " ('cust-3', 'Carla Díaz', '');"
                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                  " ('veh-2', '1FTFW1E50NFA00002', 'Escape', 2020, 'cust-2'),"
                  " ('veh-3', '1FTFW1E50NFA00003', 'Edge', 2019, 'cust-3'),"
                  " ('veh-4', '1FTFW1E50NFA00004', 'Maverick', 2023, NULL);"
                  "INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, closed_on, kind, created_at) VALUES"
                  " ('sv-1', 'veh-1', '2026-06-20', '2026-06-20', 'maintenance', 0),"
                  " ('sv-2', 'veh-2', '2026-06-05', '2026-06-05', 'delivery', 0),"
                  " ('sv-3', 'veh-3', '2026-06-06', '2026-06-06', 'maintenance', 0),"
                  " ('sv-4', 'veh-4', '2026-06-07', '2026-06-07', 'maintenance', 0);"
                  "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, created_at)"
                  " VALUES ('o-3', 'cust-3', 'recall-list', 0);"
                  "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on, created_at)"
                  " VALUES ('fup-1', 'cust-2', 'veh-2', 'quote', 'Llantas', '2026-12-04', 0);");
  items = gest_contact_queue_today (f->store, retention_at (2026, 12, 7, 12, 30), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  /* The campaigns' field action to contact comes first (priority 30). */
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->source, ==, "campaigns.to-contact");
  g_assert_cmpstr (item->reason, ==, "Field action");
  g_assert_cmpstr (item->record_uuid, ==, "cv-1");
  g_assert_cmpuint (item->n_open_field_actions, ==, 2);
  g_ptr_array_remove_index (items, 0);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->source, ==, FOLLOWUP);
  g_assert_cmpstr (item->reason, ==, "Pending parts or quote");
  g_assert_cmpstr (item->record_uuid, ==, "fup-1");
  g_assert_cmpstr (item->due_on, ==, "2026-12-04");
  g_assert_cmpstr (item->phone, ==, "9991234567");
  g_assert_cmpint (item->priority, ==, 20);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->source, ==, LAPSED);
  g_assert_cmpstr (item->reason, ==, "Lapsed maintenance");
  g_assert_cmpstr (item->record_uuid, ==, "sv-1");
  g_assert_cmpstr (item->customer_name, ==, "Ana Ruiz Soto");
  g_assert_cmpstr (item->vehicle_text, ==, "Ranger 2022 · 1FTFW1E50NFA00001");
  g_assert_cmpstr (item->phone, ==, "5512345678");
  g_assert_cmpstr (item->due_on, ==, "2026-12-01");
  g_assert_cmpstr (item->detail, ==, "Último mantenimiento: 20/06/2026");
  g_assert_cmpuint (item->n_open_field_actions, ==, 2);
  g_assert_cmpuint (item->attempts, ==, 0);
  g_assert_null (item->target_uuid);
  g_assert_cmpint (item->next_band, ==, GEST_CONTACT_BAND_MIDDAY);
  item = g_ptr_array_index (items, 2);
  g_assert_cmpstr (item->record_uuid, ==, "sv-2");
  g_assert_cmpstr (item->customer_name, ==, "Beto Lara");
  /* A call confirms the recall-only data of cust-3: from then on the lapsed list may call them. */
  retention_exec (f->store, "UPDATE customer_data_origins SET deleted = 1");
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 7, 12, 30), LAPSED, "sv-3", NULL));
  /* The owner follows the vehicle: sold to nobody known, out; given an owner, in. */
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 7, 12, 30), LAPSED, "sv-4", NULL));
  retention_exec (f->store, "UPDATE vehicles SET customer_uuid = NULL WHERE uuid = 'veh-2';"
                            "UPDATE vehicles SET customer_uuid = 'cust-2' WHERE uuid = 'veh-4'");
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 7, 12, 30), LAPSED, "sv-2", NULL));
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 7, 12, 30), LAPSED, "sv-4", NULL));
  retention_exec (f->store, "UPDATE vehicles SET deleted = 1 WHERE uuid = 'veh-4'");
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 7, 12, 30), LAPSED, "sv-4", NULL));
}

/* S8: reached with open field actions, none told: refused with the actions listed; told: the
 * codes are logged with the call. A failed attempt needs none. */
static void
test_field_actions_told (RetentionFixture *f,
                         gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *target = NULL;
  g_autofree char *derived = gest_contact_target_uuid (FOLLOWUP, "fup-1");
  gint64 at = retention_at (2026, 12, 7, 10, 0);

  add_campaigns (f->store);
  retention_exec (f->store,
                  "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on, created_at)"
                  " VALUES ('fup-1', 'cust-1', 'veh-1', 'quote', 'Llantas', '2026-12-04', 0)");
  g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", at, "5512345678",
                                           GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_no_error (error);
  for (GestCallOutcome outcome = GEST_CALL_CONTACTED; outcome < GEST_N_CALL_OUTCOMES; outcome++)
    {
      if (outcome != GEST_CALL_CONTACTED && outcome != GEST_CALL_REFUSED && outcome != GEST_CALL_BOOKED)
        continue;
      g_assert_false (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", at + (gint64) 25 * 3600 * G_USEC_PER_SEC,
                                                "5512345678", outcome, 0, "  ", "", NULL, &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
      g_assert_cmpstr (error->message, ==,
                       "Tell the customer about the vehicle’s open field actions and mark those you told before "
                       "you record the call: 23B05 (Customer satisfaction program): Actualización del módulo de radio; "
                       "24S12 (Safety recall): Reemplazo del módulo de bolsa de aire.");
      g_clear_error (&error);
    }
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_calls"), ==, 1);
  g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", at + (gint64) 25 * 3600 * G_USEC_PER_SEC,
                                           "5512345678", GEST_CALL_BOOKED, 0, "24S12, 23B05", "", &target, &error));
  g_assert_no_error (error);
  calls = gest_contact_calls_list (f->store, FOLLOWUP, "fup-1", &error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (((GestContactCall *) g_ptr_array_index (calls, 1))->field_actions, ==, "24S12 23B05");
  g_assert_cmpint (((GestContactCall *) g_ptr_array_index (calls, 1))->outcome, ==, GEST_CALL_BOOKED);
  g_assert_cmpstr (target, ==, derived);
}

/* Calls are for the coordinator, the service manager and the general manager; an advisor
 * records visits but works no queue. */
static void
test_permissions (RetentionFixture *f,
                  gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  retention_exec (f->store,
                  "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on, created_at)"
                  " VALUES ('fup-1', 'cust-1', 'veh-1', 'quote', 'Llantas', '2026-12-04', 0)");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_false (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", retention_at (2026, 12, 7, 10, 0),
                                            "5512345678", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_targets"), ==, 0);
  for (GestRole role = GEST_ROLE_GENERAL_MANAGER; role <= GEST_ROLE_SERVICE_COORDINATOR; role++)
    {
      gest_test_sign_in (f->store, role);
      g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", retention_at (2026, 12, 7 + role, 10, 0),
                                               "5512345678", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
      g_assert_no_error (error);
    }
  /* The number dialled is logged with every attempt. */
  g_assert_false (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", retention_at (2026, 12, 11, 10, 0),
                                            " ", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write the number you dialled: every attempt is logged with it.");
  g_clear_error (&error);
  /* A record no source lists today. */
  g_assert_false (gest_contact_call_record (f->store, FOLLOWUP, "nobody", retention_at (2026, 12, 11, 10, 0),
                                            "5512345678", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "This customer is no longer in the day’s queue for “Pending parts or quote”: refresh the queue and call the next one.");
}

static void
test_target_uuid (void)
{
  g_autofree char *a = gest_contact_target_uuid (LAPSED, "sv-1");
  g_autofree char *b = gest_contact_target_uuid (LAPSED, "sv-1");
  g_autofree char *c = gest_contact_target_uuid (FOLLOWUP, "sv-1");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpuint (strlen (a), ==, 36);
  g_assert_cmpint (a[14], ==, '5');
}

/* A contacted call confirms contact data that came with a recall list (the data-use rule). */
static void
test_contacted_confirms_data (RetentionFixture *f,
                              gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  retention_exec (f->store,
                  "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, created_at)"
                  " VALUES ('o-1', 'cust-1', 'recall-list', 0);"
                  "INSERT INTO service_followups (uuid, customer_uuid, kind, detail, call_on, created_at)"
                  " VALUES ('fup-1', 'cust-1', 'quote', 'Llantas', '2026-12-04', 0)");
  g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", retention_at (2026, 12, 7, 10, 0),
                                           "5512345678", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customer_data_origins WHERE deleted = 0"), ==, 1);
  g_assert_true (gest_contact_call_record (f->store, FOLLOWUP, "fup-1", retention_at (2026, 12, 8, 13, 0),
                                           "5512345678", GEST_CALL_CONTACTED, 0, "", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customer_data_origins WHERE deleted = 0"), ==, 0);
  /* Logged on the record and on the customer. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE record_uuid = 'fup-1'"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE record_uuid = 'cust-1'"), ==, 2);
}

/* S8 through the hook: a booked call to a field-action vehicle moves its card to "Cita
 * agendada" in the campaigns module, in the call's transaction. */
static void
test_field_action_call_moves_vehicle (RetentionFixture *f,
                                      gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  add_campaigns (f->store);
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 7, 10, 0), "campaigns.to-contact", "cv-1", NULL));
  g_assert_true (gest_contact_call_record (f->store, "campaigns.to-contact", "cv-1", retention_at (2026, 12, 7, 10, 0),
                                           "5512345678", GEST_CALL_BOOKED, 0, "24S12 23B05", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM campaign_vehicles WHERE uuid = 'cv-1'"), ==, 3);
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 7, 10, 5), "campaigns.to-contact", "cv-1", NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, RetentionFixture, NULL, retention_fixture_setup, func, retention_fixture_teardown)
  ADD ("/retention/S5/followups-on-their-day-parts-once-in", test_followups_on_their_day);
  ADD ("/retention/S4/S5/queue-items-sources-and-order", test_items_and_sources);
  ADD ("/retention/S8/reached-without-field-actions-told-refused", test_field_actions_told);
  ADD ("/retention/S6/calls-by-role-with-number", test_permissions);
  ADD ("/retention/S8/field-action-call-moves-the-vehicle", test_field_action_call_moves_vehicle);
  g_test_add_func ("/retention/S6/target-uuid-derived", test_target_uuid);
  ADD ("/retention/S6/contacted-confirms-recall-list-data", test_contacted_confirms_data);
  return g_test_run ();
}
