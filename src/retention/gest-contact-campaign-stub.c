/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of letters-reports (issue 14): campaigns-core's S8 and data-use functions, until
 * wip-campaigns-core lands with them. Delete this file when merging it. */
#define G_LOG_DOMAIN "gest-contact-campaign-stub"

#include "config.h"

#include "gest-campaign.h"

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
