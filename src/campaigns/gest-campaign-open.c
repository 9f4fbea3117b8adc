/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-open"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"

/* For the other modules: a vehicle's open field actions, which every call tells the customer
 * (S8), and the data-use rule (contact data that came only with Ford's VIN list is for the
 * recall only). Read-only but for the mark's removal. */

void
gest_open_field_action_free (GestOpenFieldAction *action)
{
  if (action == NULL)
    return;
  g_free (action->campaign_uuid);
  g_free (action->code);
  g_free (action->description);
  g_free (action);
}

GPtrArray *
gest_campaign_open_actions_for_vehicle (GestStore   *store,
                                        const char  *vehicle_uuid,
                                        GError     **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_open_field_action_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (vehicle_uuid != NULL, NULL);

  /* Cached: the queue asks it for every row it shows. */
  stmt = gest_store_prepare_cached (store,
                                    "SELECT c.uuid, c.code, c.kind, c.description, cv.stage"
                                    " FROM campaign_vehicles cv JOIN campaigns c ON c.uuid = cv.campaign_uuid"
                                    " WHERE cv.vehicle_uuid = ?1 AND cv.deleted = 0 AND cv.stage < 4"
                                    " AND c.deleted = 0 AND c.closed_at IS NULL ORDER BY c.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, vehicle_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestOpenFieldAction *action = g_new0 (GestOpenFieldAction, 1);

      action->campaign_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      action->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (!gest_campaign_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &action->kind))
        action->kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL;
      action->description = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      action->stage = CLAMP (sqlite3_column_int (stmt, 4), 0, GEST_CAMPAIGN_CLOSED);
      g_ptr_array_add (actions, action);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&actions);
}

char *
gest_campaign_open_actions_text (GestStore   *store,
                                 const char  *vehicle_uuid,
                                 GError     **error)
{
  g_autoptr(GPtrArray) actions = gest_campaign_open_actions_for_vehicle (store, vehicle_uuid, error);
  GString *text;

  if (actions == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      GestOpenFieldAction *action = g_ptr_array_index (actions, i);

      g_string_append_printf (text, "%s%s (%s): %s", i > 0 ? "; " : "", action->code,
                              gest_campaign_kind_label (action->kind), action->description);
    }
  return g_string_free (text, FALSE);
}

gboolean
gest_campaign_customer_is_recall_only (GestStore   *store,
                                       const char  *customer_uuid,
                                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  if (customer_uuid == NULL)
    return FALSE;
  stmt = gest_store_prepare_cached (store,
                                    "SELECT 1 FROM customer_data_origins WHERE customer_uuid = ?1"
                                    " AND origin = 'recall-list' AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return rc == SQLITE_ROW;
}

gboolean
gest_campaign_confirm_customer_data (GestStore   *store,
                                     const char  *customer_uuid,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gest_store_prepare (store,
                             "UPDATE customer_data_origins SET deleted = 1, updated_at = ?2"
                             " WHERE customer_uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    return TRUE;
  return gest_activity_log_append (store, customer_uuid, GEST_ACTIVITY_STATUS,
                                   _("The customer confirmed their contact data on a call: it is no longer only for the recall."),
                                   NULL, NULL, error) >= 0;
}
