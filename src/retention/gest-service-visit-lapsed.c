/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-service-visit-lapsed"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-service-visit-private.h"

void
gest_lapsed_vehicle_free (GestLapsedVehicle *vehicle)
{
  if (vehicle == NULL)
    return;
  g_free (vehicle->vehicle_uuid);
  g_free (vehicle->vin);
  g_free (vehicle->vehicle_text);
  g_free (vehicle->customer_uuid);
  g_free (vehicle->customer_name);
  g_free (vehicle->last_maintenance_on);
  g_free (vehicle);
}

gboolean
gest_lapsed_cohort (const char  *month_day,
                    char       **out_from,
                    char       **out_to)
{
  GDate from, to;

  if (month_day == NULL || !gest_date_from_iso (month_day, &from))
    return FALSE;
  /* From the first of the month, so no month arithmetic ever lands on a 31st that is not. */
  g_date_set_day (&from, 1);
  g_date_subtract_months (&from, GEST_LAPSED_MONTHS);
  to = from;
  g_date_add_months (&to, 1);
  *out_from = gest_date_to_iso (&from);
  *out_to = gest_date_to_iso (&to);
  return TRUE;
}

GPtrArray *
gest_lapsed_maintenance_list (GestStore     *store,
                              const char    *month_day,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_lapsed_vehicle_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gest_lapsed_cohort (month_day, &from, &to))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a day of a month: write it as dd/mm/yyyy."), month_day != NULL ? month_day : "");
      return NULL;
    }
  /* The cohort's vehicles not in the workshop now (the partial index); those that came early
   * have a later last maintenance and are not in the range. */
  stmt = gest_store_prepare (store,
                             "SELECT s.vehicle_uuid, v.vin,"
                             " trim (v.model || ' ' || CASE v.year WHEN 0 THEN '' ELSE v.year END),"
                             " v.customer_uuid, coalesce (c.name, ''), s.last_maintenance_on,"
                             " EXISTS (SELECT 1 FROM customer_data_origins o"
                             "  WHERE o.customer_uuid = v.customer_uuid AND o.deleted = 0),"
                             " (SELECT count (*) FROM campaign_vehicles cv JOIN campaigns ca"
                             "  ON ca.uuid = cv.campaign_uuid AND ca.deleted = 0 AND ca.closed_at IS NULL"
                             "  WHERE cv.vehicle_uuid = s.vehicle_uuid AND cv.deleted = 0 AND cv.stage < 4)"
                             " FROM vehicle_service_state s"
                             " JOIN vehicles v ON v.uuid = s.vehicle_uuid AND v.deleted = 0"
                             " LEFT JOIN customers c ON c.uuid = v.customer_uuid"
                             " WHERE s.in_workshop = 0 AND s.last_maintenance_on >= ?1"
                             " AND s.last_maintenance_on < ?2"
                             " ORDER BY s.last_maintenance_on, v.vin", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestLapsedVehicle *vehicle = g_new0 (GestLapsedVehicle, 1);

      if ((++n & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          gest_lapsed_vehicle_free (vehicle);
          return NULL;
        }
      vehicle->vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      vehicle->vin = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      vehicle->vehicle_text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      vehicle->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      vehicle->customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      vehicle->last_maintenance_on = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      vehicle->recall_only_contact = sqlite3_column_int (stmt, 6) != 0;
      vehicle->n_open_field_actions = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, vehicle);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
