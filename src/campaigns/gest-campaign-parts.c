/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-parts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"
#include "gest-campaign-workflow.h"
#include "gest-date.h"

/* S2, S3: a campaign's parts and the rule that keeps the queue from offering a call the
 * workshop cannot honour. The vehicles the received parts cover are
 * min over the parts of floor (qty_received / qty_per_vehicle); that many may be past
 * "Refacciones pendientes" (those holding parts: to contact, contacted, booked, or repaired
 * here), the others wait there, and move in import order when more parts arrive. */

#define PART_COLUMNS \
  "p.uuid, p.part_number, p.description, p.qty_per_vehicle, p.status, p.qty_requested," \
  " p.qty_received, p.expected_on, p.status_since, p.updated_at, p.campaign_uuid, c.code"

typedef struct
{
  GestCampaignPart  part;
  char             *campaign_uuid;
  char             *campaign_code;
} PartRow;

static GestCampaignPart *
part_from_row (sqlite3_stmt     *stmt,
               GestCampaignPart *part)
{
  part->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  part->part_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  part->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  part->qty_per_vehicle = (guint) sqlite3_column_int (stmt, 3);
  if (!gest_campaign_part_status_from_id ((const char *) sqlite3_column_text (stmt, 4), &part->status))
    part->status = GEST_CAMPAIGN_PART_REQUESTED;
  part->qty_requested = (guint) sqlite3_column_int (stmt, 5);
  part->qty_received = (guint) sqlite3_column_int (stmt, 6);
  part->expected_on = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                      ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  part->status_since = sqlite3_column_int64 (stmt, 8);
  return part;
}

static void
part_clear (GestCampaignPart *part)
{
  g_free (part->uuid);
  g_free (part->part_number);
  g_free (part->description);
  g_free (part->expected_on);
}

void
gest_campaign_part_free (GestCampaignPart *part)
{
  if (part == NULL)
    return;
  part_clear (part);
  g_free (part);
}

static void
part_row_free (PartRow *row)
{
  part_clear (&row->part);
  g_free (row->campaign_uuid);
  g_free (row->campaign_code);
  g_free (row);
}

/* --- The rule ----------------------------------------------------------------------------- */

guint
gest_campaign_coverage (GestStore   *store,
                        const char  *campaign_uuid,
                        char       **out_part,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  gint64 needs;
  guint covered = 0;
  int rc;

  if (out_part != NULL)
    *out_part = NULL;
  needs = gest_campaign_query_int (store, "SELECT needs_parts FROM campaigns WHERE uuid = ?1",
                                   campaign_uuid, 1, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  if (needs == 0)
    return G_MAXUINT;
  stmt = gest_store_prepare (store,
                             "SELECT qty_received / qty_per_vehicle, part_number FROM campaign_parts"
                             " WHERE campaign_uuid = ?1 AND deleted = 0"
                             " ORDER BY qty_received / qty_per_vehicle, part_number LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      covered = (guint) MIN (sqlite3_column_int64 (stmt, 0), (gint64) G_MAXUINT - 1);
      if (out_part != NULL)
        *out_part = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  return covered;
}

guint
gest_campaign_holding (GestStore   *store,
                       const char  *campaign_uuid,
                       GError     **error)
{
  return (guint) gest_campaign_query_int (store,
                                          "SELECT count (*) FROM campaign_vehicles"
                                          " WHERE campaign_uuid = ?1 AND deleted = 0"
                                          " AND (stage BETWEEN 1 AND 3 OR (stage = 4 AND closeout = 'done-here'))",
                                          campaign_uuid, 0, error);
}

gboolean
gest_campaign_release (GestStore   *store,
                       const char  *campaign_uuid,
                       guint       *out_released,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  guint covered;
  guint holding = 0;
  gint64 limit;
  int released;

  if (out_released != NULL)
    *out_released = 0;
  if (gest_campaign_query_int (store, "SELECT closed_at IS NOT NULL FROM campaigns WHERE uuid = ?1",
                               campaign_uuid, 1, &local) != 0)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return local == NULL;
    }
  covered = gest_campaign_coverage (store, campaign_uuid, NULL, &local);
  if (local == NULL && covered != G_MAXUINT)
    holding = gest_campaign_holding (store, campaign_uuid, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (covered != G_MAXUINT && covered <= holding)
    return TRUE;
  limit = covered == G_MAXUINT ? -1 : (gint64) (covered - holding);
  stmt = gest_store_prepare (store,
                             "UPDATE campaign_vehicles SET stage = 1, stage_since = ?3, updated_at = ?3"
                             " WHERE rowid IN (SELECT rowid FROM campaign_vehicles"
                             "  WHERE campaign_uuid = ?1 AND deleted = 0 AND stage = 0"
                             "  ORDER BY imported_at, rowid LIMIT ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  released = sqlite3_changes (gest_store_get_db (store));
  if (out_released != NULL)
    *out_released = (guint) released;
  if (released == 0)
    return TRUE;
  code = gest_campaign_query_text (store, "SELECT code FROM campaigns WHERE uuid = ?1", campaign_uuid, NULL);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Campaign %s: %d vehicle has its parts and goes to “%s”.",
                                       "Campaign %s: %d vehicles have their parts and go to “%s”.",
                                       released),
                          code, released, gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));
  return gest_activity_log_append (store, campaign_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_campaign_check_covered (GestStore         *store,
                             const char        *campaign_uuid,
                             const char        *vin,
                             GestCampaignStage  stage,
                             GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *part = NULL;
  g_autofree char *code = NULL;
  guint covered;
  guint holding;

  covered = gest_campaign_coverage (store, campaign_uuid, &part, &local);
  if (local == NULL && covered == G_MAXUINT)
    return TRUE;
  holding = local == NULL ? gest_campaign_holding (store, campaign_uuid, &local) : 0;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (holding < covered)
    return TRUE;
  code = gest_campaign_query_text (store, "SELECT code FROM campaigns WHERE uuid = ?1", campaign_uuid, NULL);
  if (part == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Vehicle %s cannot go to “%s”: campaign %s needs parts and none is recorded yet. Add the campaign’s parts and record them received first."),
                   vin, gest_campaign_stage_label (stage), code);
      return FALSE;
    }
  {
    g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                       "SELECT qty_received, qty_per_vehicle FROM campaign_parts"
                                                       " WHERE campaign_uuid = ?1 AND part_number = ?2 AND deleted = 0",
                                                       error);
    gint64 received = 0;
    gint64 per_vehicle = 1;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, part, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        received = sqlite3_column_int64 (stmt, 0);
        per_vehicle = sqlite3_column_int64 (stmt, 1);
      }
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("Vehicle %s cannot go to “%s”: part %s of campaign %s is missing. %lld received at %lld per vehicle cover %u vehicles, and %u are already past “%s”. Record more parts received first."),
                 vin, gest_campaign_stage_label (stage), part, code, (long long) received,
                 (long long) per_vehicle, covered, holding,
                 gest_campaign_stage_label (GEST_CAMPAIGN_PARTS_PENDING));
  }
  return FALSE;
}

guint
gest_campaign_vehicles_covered (GestStore   *store,
                                const char  *campaign_uuid,
                                GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), 0);
  g_return_val_if_fail (campaign_uuid != NULL, 0);
  return gest_campaign_coverage (store, campaign_uuid, NULL, error);
}

/* --- Parts ------------------------------------------------------------------------------ */

GPtrArray *
gest_campaign_parts_list (GestStore   *store,
                          const char  *campaign_uuid,
                          GError     **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_campaign_part_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);
  stmt = gest_store_prepare (store,
                             "SELECT " PART_COLUMNS " FROM campaign_parts p"
                             " JOIN campaigns c ON c.uuid = p.campaign_uuid"
                             " WHERE p.campaign_uuid = ?1 AND p.deleted = 0 ORDER BY p.part_number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (parts, part_from_row (stmt, g_new0 (GestCampaignPart, 1)));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&parts);
}

static gboolean
insert_part (GestStore    *store,
             const char   *campaign_uuid,
             const char   *part_number,
             const char   *description,
             guint         qty_per_vehicle,
             guint         qty_requested,
             const char   *uuid,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  code = gest_campaign_query_text (store, "SELECT code FROM campaigns WHERE uuid = ?1 AND deleted = 0",
                                   campaign_uuid, error);
  if (code == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                             _("This campaign no longer exists."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT 1 FROM campaign_parts WHERE campaign_uuid = ?1 AND part_number = ?2"
                             " AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, part_number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Part %s is already in campaign %s: change its status or quantities instead."),
                   part_number, code);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = gest_store_prepare (store,
                             "INSERT INTO campaign_parts (uuid, campaign_uuid, part_number, description,"
                             " qty_per_vehicle, qty_requested, status, status_since, updated_by, created_at,"
                             " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'requested', ?7, ?8, ?7, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, part_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) qty_per_vehicle);
  sqlite3_bind_int (stmt, 6, (int) qty_requested);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_text (stmt, 8, user, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  text = g_strdup_printf (_("Part %s requested for campaign %s: %u per vehicle, %u requested."),
                          part_number, code, qty_per_vehicle, qty_requested);
  return gest_activity_log_append (store, campaign_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_campaign_part_add (GestStore   *store,
                        const char  *campaign_uuid,
                        const char  *part_number,
                        const char  *description,
                        guint        qty_per_vehicle,
                        guint        qty_requested,
                        char       **out_uuid,
                        GError     **error)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuid = gest_uuid_new ();
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_uuid != NULL, FALSE);

  number = g_ascii_strup (g_strstrip (g_strdup (part_number != NULL ? part_number : "")), -1);
  text = g_strstrip (g_strdup (description != NULL ? description : ""));
  if (*number == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write the part number as Ford’s bulletin gives it."));
      return FALSE;
    }
  if (qty_per_vehicle == 0 || qty_per_vehicle > 1000)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write how many of this part each vehicle needs: from 1 to 1000."));
      return FALSE;
    }
  if (!gest_store_begin_change (store, "gest_campaign_part_add", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_PARTS, error) &&
       insert_part (store, campaign_uuid, number, text, qty_per_vehicle, qty_requested, uuid, error);
  if (!gest_store_end_change (store, "gest_campaign_part_add", own, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

typedef struct
{
  GestCampaignPartStatus  status;
  guint                   qty_received;
  char                   *expected_on;
  char                   *campaign_uuid;   /* found by the check */
  char                   *text;            /* the campaign's activity entry */
} StatusChange;

static gpointer
part_load (GestStore   *store,
           const char  *uuid,
           gint64      *out_version,
           gpointer     user_data,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PartRow *row;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT " PART_COLUMNS " FROM campaign_parts p"
                             " JOIN campaigns c ON c.uuid = p.campaign_uuid"
                             " WHERE p.uuid = ?1 AND p.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This part is no longer in the campaign."));
      else
        gest_store_set_error (store, error);
      return NULL;
    }
  row = g_new0 (PartRow, 1);
  part_from_row (stmt, &row->part);
  *out_version = sqlite3_column_int64 (stmt, 9);
  row->campaign_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  row->campaign_code = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  return row;
}

static char *
status_describe (const PartRow      *row,
                 const StatusChange *change)
{
  if (change->status == GEST_CAMPAIGN_PART_RECEIVED)
    return g_strdup_printf (_("Part %s of campaign %s: %u received in total (%u per vehicle)."),
                            row->part.part_number, row->campaign_code, change->qty_received,
                            row->part.qty_per_vehicle);
  return g_strdup_printf (_("Part %s of campaign %s: “%s”."), row->part.part_number, row->campaign_code,
                          gest_campaign_part_status_label (change->status));
}

static gboolean
status_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  StatusChange *change = user_data;
  const PartRow *row = record;

  if (!gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_PARTS, error))
    return FALSE;
  if (change->status != GEST_CAMPAIGN_PART_RECEIVED)
    change->qty_received = row->part.qty_received;
  else if (change->qty_received == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write how many of part %s have been received in total."), row->part.part_number);
      return FALSE;
    }
  change->campaign_uuid = g_strdup (row->campaign_uuid);
  change->text = status_describe (row, change);
  return TRUE;
}

static void
status_bind (sqlite3_stmt  *stmt,
             gconstpointer  record,
             gpointer       user_data)
{
  StatusChange *change = user_data;
  const PartRow *row = record;

  sqlite3_bind_text (stmt, 1, gest_campaign_part_status_id (change->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) change->qty_received);
  sqlite3_bind_text (stmt, 3, change->expected_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, row->part.status != change->status ? 1 : 0);
}

gboolean
gest_campaign_part_set_status (GestStore              *store,
                               const char             *part_uuid,
                               GestCampaignPartStatus  status,
                               guint                   qty_received,
                               const char             *expected_on,
                               GError                **error)
{
  static const GestRecordChangeSpec spec = {
    .name = "gest_campaign_part_status",
    .table = "campaign_parts",
    /* The activity entry goes on the campaign (status_check writes it). */
    .set = "status = ?1, qty_received = ?2, expected_on = ?3,"
           " status_since = CASE ?4 WHEN 1 THEN :now ELSE status_since END",
    .load = part_load,
    .free_record = (GDestroyNotify) part_row_free,
    .check = status_check,
    .bind = status_bind,
    .log_kind = GEST_ACTIVITY_STATUS,
    .conflict_message = N_("The part changed while it was being updated. Open the campaign again and retry."),
  };
  StatusChange change = { status, qty_received, NULL, NULL, NULL };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (part_uuid != NULL, FALSE);

  if (status >= GEST_N_CAMPAIGN_PART_STATUSES)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Choose the part’s status: requested, ordered, back-ordered or received."));
      return FALSE;
    }
  if (expected_on != NULL && *expected_on != '\0')
    {
      GDate date;

      if (!gest_date_from_iso (expected_on, &date))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The expected date “%s” is not a date: write it as dd/mm/yyyy."), expected_on);
          return FALSE;
        }
      change.expected_on = gest_date_to_iso (&date);
    }
  if (!gest_store_begin_change (store, "gest_campaign_part_status_all", &own, error))
    {
      g_free (change.expected_on);
      return FALSE;
    }
  ok = gest_record_change_run (store, &spec, part_uuid, &change, error) &&
       gest_activity_log_append (store, change.campaign_uuid, GEST_ACTIVITY_STATUS, change.text,
                                 NULL, NULL, error) >= 0 &&
       gest_campaign_release (store, change.campaign_uuid, NULL, error);
  g_free (change.expected_on);
  g_free (change.campaign_uuid);
  g_free (change.text);
  return gest_store_end_change (store, "gest_campaign_part_status_all", own, ok, ok ? error : NULL) && ok;
}
