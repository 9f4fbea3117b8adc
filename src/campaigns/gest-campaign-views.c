/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-views"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-views.h"
#include "gest-date.h"
#include "gest-error.h"

#define VEHICLE_SQL \
  "SELECT cv.uuid, cv.campaign_uuid, c.code, c.kind, c.description, cv.vehicle_uuid, v.vin," \
  "  v.model, v.year, v.plate, v.customer_uuid, coalesce (k.name, '')," \
  "  coalesce (nullif (k.phone_mobile, ''), nullif (k.phone_home, ''), nullif (k.phone_work, ''), '')," \
  "  coalesce (k.email, '')," \
  "  EXISTS (SELECT 1 FROM customer_data_origins o WHERE o.customer_uuid = v.customer_uuid" \
  "          AND o.deleted = 0 AND o.origin = 'recall-list')," \
  "  cv.stage, cv.stage_since, cv.closeout, coalesce (cv.closed_at, 0), cv.list_owner, cv.list_phone," \
  "  cv.list_email, cv.list_address, cv.imported_at " \
  "FROM campaign_vehicles cv " \
  "JOIN campaigns c ON c.uuid = cv.campaign_uuid " \
  "JOIN vehicles v ON v.uuid = cv.vehicle_uuid " \
  "LEFT JOIN customers k ON k.uuid = v.customer_uuid AND k.deleted = 0 " \
  "WHERE cv.uuid = ?1 AND cv.deleted = 0"

#define REVIEWS_SQL \
  "SELECT r.week, r.reviewed_at, coalesce (u.name, r.reviewed_by), r.n_affected, r.n_parts_pending," \
  "  r.n_to_contact, r.n_contacted, r.n_booked, r.n_closed, r.note " \
  "FROM campaign_reviews r LEFT JOIN users u ON u.uuid = r.reviewed_by " \
  "WHERE r.campaign_uuid = ?1 AND r.deleted = 0 ORDER BY r.week DESC"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

void
gest_campaign_vehicle_view_free (GestCampaignVehicleView *view)
{
  if (view == NULL)
    return;
  g_free (view->uuid);
  g_free (view->campaign_uuid);
  g_free (view->campaign_code);
  g_free (view->campaign_description);
  g_free (view->vehicle_uuid);
  g_free (view->vin);
  g_free (view->model);
  g_free (view->plate);
  g_free (view->customer_uuid);
  g_free (view->customer_name);
  g_free (view->customer_phone);
  g_free (view->customer_email);
  g_free (view->closeout);
  g_free (view->list_owner);
  g_free (view->list_phone);
  g_free (view->list_email);
  g_free (view->list_address);
  g_free (view);
}

GestCampaignVehicleView *
gest_campaign_vehicle_view_load (GestStore   *store,
                                 const char  *uuid,
                                 GError     **error)
{
  GestCampaignVehicleView *view;
  sqlite3_stmt *stmt;
  int rc;
  int stage;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare_cached (store, VEHICLE_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("This vehicle is no longer on the campaign: it may have been removed on another computer."));
      else
        gest_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  view = g_new0 (GestCampaignVehicleView, 1);
  view->uuid = column_dup (stmt, 0);
  view->campaign_uuid = column_dup (stmt, 1);
  view->campaign_code = column_dup (stmt, 2);
  if (!gest_campaign_kind_from_id ((const char *) sqlite3_column_text (stmt, 3), &view->campaign_kind))
    view->campaign_kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL;
  view->campaign_description = column_dup (stmt, 4);
  view->vehicle_uuid = column_dup (stmt, 5);
  view->vin = column_dup (stmt, 6);
  view->model = column_dup (stmt, 7);
  view->year = sqlite3_column_int (stmt, 8);
  view->plate = column_dup (stmt, 9);
  view->customer_uuid = column_dup (stmt, 10);
  view->customer_name = column_dup (stmt, 11);
  view->customer_phone = column_dup (stmt, 12);
  view->customer_email = column_dup (stmt, 13);
  view->recall_only = sqlite3_column_int (stmt, 14) != 0;
  stage = sqlite3_column_int (stmt, 15);
  view->stage = CLAMP (stage, 0, GEST_N_CAMPAIGN_STAGES - 1);
  view->stage_since = sqlite3_column_int64 (stmt, 16);
  view->closeout = column_dup (stmt, 17);
  view->closed_at = sqlite3_column_int64 (stmt, 18);
  view->list_owner = column_dup (stmt, 19);
  view->list_phone = column_dup (stmt, 20);
  view->list_email = column_dup (stmt, 21);
  view->list_address = column_dup (stmt, 22);
  view->imported_at = sqlite3_column_int64 (stmt, 23);
  sqlite3_reset (stmt);
  return view;
}

void
gest_campaign_review_stamp_free (GestCampaignReviewStamp *stamp)
{
  if (stamp == NULL)
    return;
  g_free (stamp->week);
  g_free (stamp->reviewer);
  g_free (stamp->note);
  g_free (stamp);
}

GPtrArray *
gest_campaign_view_list_reviews (GestStore   *store,
                                 const char  *campaign_uuid,
                                 GError     **error)
{
  g_autoptr(GPtrArray) stamps = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);

  stmt = gest_store_prepare_cached (store, REVIEWS_SQL, error);
  if (stmt == NULL)
    return NULL;
  stamps = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_campaign_review_stamp_free);
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestCampaignReviewStamp *stamp = g_new0 (GestCampaignReviewStamp, 1);

      stamp->week = column_dup (stmt, 0);
      stamp->reviewed_at = sqlite3_column_int64 (stmt, 1);
      stamp->reviewer = column_dup (stmt, 2);
      stamp->n_affected = (guint) sqlite3_column_int (stmt, 3);
      for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
        stamp->counts[i] = (guint) sqlite3_column_int (stmt, 4 + (int) i);
      stamp->note = column_dup (stmt, 9);
      g_ptr_array_add (stamps, stamp);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&stamps);
}

char *
gest_campaign_view_week_of (gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%G-W%V");
}
