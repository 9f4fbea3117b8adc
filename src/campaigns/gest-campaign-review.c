/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-review"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"
#include "gest-campaign-workflow.h"
#include "gest-date.h"

/* S1: every week the service manager reviews each open campaign; the stamp keeps the board's
 * counts of that moment. Weeks are ISO weeks (Monday to Sunday) of the dealer's time zone. */

char *
gest_campaign_week_of (gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, gest_dealer_timezone ());

  return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                          g_date_time_get_week_of_year (local));
}

static gboolean
insert_review (GestStore   *store,
               const char  *campaign_uuid,
               gint64       now,
               const char  *note,
               GError     **error)
{
  g_autoptr(GestCampaign) campaign = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *week = gest_campaign_week_of (now);
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *text = NULL;
  guint total = 0;

  campaign = gest_campaign_load (store, campaign_uuid, error);
  if (campaign == NULL)
    return FALSE;
  stmt = gest_store_prepare (store,
                             "SELECT reviewed_by FROM campaign_reviews WHERE campaign_uuid = ?1 AND week = ?2"
                             " AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, week, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Campaign %s was already reviewed this week (%s) by %s: the next review is due next Monday."),
                   campaign->code, week, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    total += campaign->counts[i];
  stmt = gest_store_prepare (store,
                             "INSERT INTO campaign_reviews (uuid, campaign_uuid, week, reviewed_by, reviewed_at,"
                             " n_affected, n_parts_pending, n_to_contact, n_contacted, n_booked, n_closed, note,"
                             " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, week, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, total);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    sqlite3_bind_int64 (stmt, 7 + (int) i, campaign->counts[i]);
  sqlite3_bind_text (stmt, 12, note != NULL ? note : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  text = g_strdup_printf (_("Weekly review of %s (%s): %u affected, %u parts pending, %u to contact, %u contacted, %u booked, %u closed."),
                          campaign->code, week, total, campaign->counts[0], campaign->counts[1],
                          campaign->counts[2], campaign->counts[3], campaign->counts[4]);
  return gest_activity_log_append (store, campaign_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_campaign_review (GestStore   *store,
                      const char  *campaign_uuid,
                      gint64       now,
                      const char  *note,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (note != NULL ? note : ""));
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_campaign_review", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_REVIEW, error) &&
       insert_review (store, campaign_uuid, now, clean, error);
  return gest_store_end_change (store, "gest_campaign_review", own, ok, ok ? error : NULL) && ok;
}

GPtrArray *
gest_campaign_reviews_due (GestStore  *store,
                           gint64      now,
                           GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_campaign_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *week = gest_campaign_week_of (now);

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  all = gest_campaign_list (store, error);
  if (all == NULL)
    return NULL;
  stmt = gest_store_prepare (store,
                             "SELECT 1 FROM campaign_reviews WHERE campaign_uuid = ?1 AND week = ?2 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      GestCampaign *campaign = g_ptr_array_index (all, i);
      int rc;

      if (campaign->closed_at != 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, campaign->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, week, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        g_ptr_array_add (due, g_steal_pointer (&g_ptr_array_index (all, i)));
      else if (rc != SQLITE_ROW)
        {
          gest_store_set_error (store, error);
          return NULL;
        }
    }
  return g_steal_pointer (&due);
}
