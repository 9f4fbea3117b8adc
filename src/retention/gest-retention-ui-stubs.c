/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of retention-ui (issue 14): campaigns-core's functions of gest-campaign.h that the
 * retention pages, queue and letters call (S8, the data-use rule), gathered here from
 * retention-core's and letters-reports' own stubs (which src/retention/meson.build leaves out
 * on this branch so that each symbol exists once), until wip-campaigns-core is merged. DELETED
 * then; never the final state. */
#define G_LOG_DOMAIN "gest-retention-ui-stubs"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"

const char *
gest_campaign_stage_label (GestCampaignStage stage)
{
  static const char * const labels[] = { "Refacciones pendientes", "Por contactar", "Contactado", "Cita agendada",
                                         "Reparado" };

  return stage < G_N_ELEMENTS (labels) ? labels[stage] : "";
}

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

char *
gest_campaign_open_actions_text (GestStore   *store,
                                 const char  *vehicle_uuid,
                                 GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = gest_store_prepare (store,
                                           "SELECT c.code, c.description FROM campaign_vehicles cv"
                                           " JOIN campaigns c ON c.uuid = cv.campaign_uuid"
                                           " WHERE cv.vehicle_uuid = ?1 AND cv.deleted = 0 AND cv.stage < 4"
                                           " AND c.deleted = 0 AND c.closed_at IS NULL ORDER BY c.code", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, vehicle_uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
gest_campaign_customer_is_recall_only (GestStore   *store,
                                       const char  *customer_uuid,
                                       GError     **error)
{
  sqlite3_stmt *stmt = gest_store_prepare (store,
                                           "SELECT 1 FROM customer_data_origins WHERE customer_uuid = ?1"
                                           " AND deleted = 0 AND origin = 'recall-list'", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}
