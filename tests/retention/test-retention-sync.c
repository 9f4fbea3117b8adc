/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 14: the retention entities sync. Every table's outbox trigger sends exactly the fields
 * its GestEntityInfo lists on insert, only the changed ones on update, nothing while the sync
 * applies pulled changes; the validators refuse bad values with their message;
 * vehicle_service_state stays local. No display, no server. */
#include "config.h"

#include <locale.h>

#include <json-glib/json-glib.h>

#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of the fields of the last outbox row of @entity, sorted, comma-separated. */
static char *
last_outbox_keys (GestStore  *store,
                  const char *entity,
                  char      **out_op)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT fields, op FROM sync_outbox WHERE entity = ?1"
                                                     " ORDER BY rowid DESC LIMIT 1", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, NULL));
  if (out_op != NULL)
    *out_op = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  members = json_object_get_members (json_node_get_object (json_parser_get_root (parser)));
  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (keys, l->data);
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

static char *
sorted_columns (const char * const *columns)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (keys, (gpointer) columns[i]);
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

static void
test_outbox_fields (RetentionFixture *f,
                    gconstpointer     data)
{
  static const struct
  {
    const char *entity;
    const char *insert;
    const char *update;
    const char *changed;
  } rows[] = {
    { "service_visit",
      "INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, kind, created_at) VALUES ('sv-1', 'veh-1', '2025-01-02', 'maintenance', 1)",
      "UPDATE service_visits SET closed_on = '2025-01-03', updated_at = 2 WHERE uuid = 'sv-1'", "closed_on" },
    { "service_followup",
      "INSERT INTO service_followups (uuid, customer_uuid, kind, call_on, created_at) VALUES ('f-1', 'cust-1', 'parts', '2025-01-02', 1)",
      "UPDATE service_followups SET parts_ready = 1, updated_at = 2 WHERE uuid = 'f-1'", "parts_ready" },
    { "contact_target",
      "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid, opened_at) VALUES ('t-1', 'retention.followup', 'f-1', 'cust-1', 1)",
      "UPDATE contact_targets SET attempts = 1, next_attempt_at = 5, updated_at = 2 WHERE uuid = 't-1'", "attempts,next_attempt_at" },
    { "contact_call",
      "INSERT INTO contact_calls (uuid, target_uuid, at, user_uuid, number_dialled, outcome, band) VALUES ('k-1', 't-1', 1, 'u', '55', 'no-answer', 0)",
      "UPDATE contact_calls SET note = 'x', updated_at = 2 WHERE uuid = 'k-1'", "note" },
    { "contact_letter",
      "INSERT INTO contact_letters (uuid, target_uuid, channel, created_at, mail_outbox_uuid) VALUES ('l-1', 't-1', 'letter', 1, 'local')",
      "UPDATE contact_letters SET printed_at = 3, mail_outbox_uuid = 'other', updated_at = 2 WHERE uuid = 'l-1'", "printed_at" },
    { "promotion",
      "INSERT INTO promotions (uuid, title, valid_from, valid_to, created_at) VALUES ('p-1', 'Afinación', '2025-01-01', '2025-02-01', 1)",
      "UPDATE promotions SET title = 'Frenos', updated_at = 2 WHERE uuid = 'p-1'", "title" },
  };
  GestDomainModule *module = gest_domain_modules_find ("retention");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const GestEntityInfo *info = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *keys = NULL;
      g_autofree char *op = NULL;

      g_assert_true (gest_domain_modules_find_entity (rows[i].entity, &info) == module);
      expected = sorted_columns (info->columns);
      retention_exec (f->store, rows[i].insert);
      keys = last_outbox_keys (f->store, rows[i].entity, &op);
      g_assert_cmpstr (keys, ==, expected);
      g_assert_cmpstr (op, ==, "upsert");
      g_free (keys);
      retention_exec (f->store, rows[i].update);
      keys = last_outbox_keys (f->store, rows[i].entity, NULL);
      g_assert_cmpstr (keys, ==, rows[i].changed);
    }
  /* Pulled changes are not sent back; the derived state is never sent. */
  retention_exec (f->store, "INSERT INTO sync_applying DEFAULT VALUES;"
                            "UPDATE promotions SET body = 'y' WHERE uuid = 'p-1';"
                            "DELETE FROM sync_applying;");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'promotion'"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM vehicle_service_state"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count (*) FROM sync_outbox WHERE entity LIKE '%state%'"), ==, 0);
}

static void
test_validators (void)
{
  static const struct
  {
    const char *entity;
    const char *json;
    const char *message;
  } cases[] = {
    { "contact_call", "{\"outcome\": \"maybe\"}", "“maybe” is not a valid value of “outcome”." },
    { "contact_call", "{\"band\": 3}", "“band” is 3, not a number from 0 to 2." },
    { "service_visit", "{\"kind\": \"wash\"}", "“wash” is not a valid value of “kind”." },
    { "contact_target", "{\"state\": \"gone\"}", "“gone” is not a valid value of “state”." },
    { "promotion", "{\"valid_from\": \"2025-02-01\", \"valid_to\": \"2025-01-01\"}",
      "A promotion cannot end before it starts: check its dates." },
    { "contact_letter", "{\"channel\": \"fax\"}", "“fax” is not a valid value of “channel”." },
    { "service_followup", "{\"kind\": \"parts\", \"parts_ready\": 1}", NULL },
  };

  gest_domain_modules_init ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GestEntityInfo *info = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *message = NULL;

      g_assert_nonnull (gest_domain_modules_find_entity (cases[i].entity, &info));
      g_assert_true (json_parser_load_from_data (parser, cases[i].json, -1, NULL));
      message = info->validate (json_node_get_object (json_parser_get_root (parser)), FALSE);
      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/retention/sync/outbox-sends-the-entity-fields", RetentionFixture, NULL,
              retention_fixture_setup, test_outbox_fields, retention_fixture_teardown);
  g_test_add_func ("/retention/sync/validators", test_validators);
  return g_test_run ();
}
