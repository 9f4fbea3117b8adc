/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-stubs"

/* LOCAL STUB, NOT FOR MAIN: the functions of other helpers' files that the retention core calls
 * (campaigns-core's S8 and data-use rule, letters-reports' S15 letter), until their branches
 * are merged. Delete this file (and its line in meson.build) when merging wip-campaigns-core
 * and wip-letters-reports. */

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-contact-letter.h"
#include "gest-date.h"

const char *
gest_campaign_kind_label (GestCampaignKind kind)
{
  static const char * const labels[] = { "Safety recall", "Customer satisfaction program", "Emissions" };

  return kind < G_N_ELEMENTS (labels) ? labels[kind] : "";
}

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
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT ca.uuid, ca.code, ca.kind, ca.description, cv.stage"
                        " FROM campaign_vehicles cv JOIN campaigns ca ON ca.uuid = cv.campaign_uuid"
                        " WHERE cv.vehicle_uuid = ?1 AND cv.deleted = 0 AND cv.stage < 4"
                        " AND ca.deleted = 0 AND ca.closed_at IS NULL ORDER BY ca.code", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, vehicle_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestOpenFieldAction *action = g_new0 (GestOpenFieldAction, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);

      action->campaign_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      action->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      action->kind = g_strcmp0 (kind, "satisfaction") == 0 ? GEST_CAMPAIGN_KIND_SATISFACTION
                   : g_strcmp0 (kind, "emissions") == 0 ? GEST_CAMPAIGN_KIND_EMISSIONS
                   : GEST_CAMPAIGN_KIND_SAFETY_RECALL;
      action->description = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      action->stage = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (actions, action);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&actions);
}

gboolean
gest_campaign_customer_is_recall_only (GestStore   *store,
                                       const char  *customer_uuid,
                                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store, "SELECT 1 FROM customer_data_origins WHERE customer_uuid = ?1 AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
gest_contact_letter_create (GestStore   *store,
                            const char  *target_uuid,
                            gint64       now,
                            GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *user = gest_store_get_user_name (store);
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "INSERT INTO contact_letters (uuid, target_uuid, channel, created_by, created_at,"
                        " updated_at) VALUES (?1, ?2, 'letter', ?3, ?4, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, target_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  return sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
}
