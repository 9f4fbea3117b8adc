/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-vehicles"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"
#include "gest-campaign-vehicles.h"
#include "gest-campaign-workflow.h"
#include "gest-date.h"

/* The affected vehicles' moves on the board. Each goes through gest_record_change_run() on
 * the row as stored now; a vehicle that does not hold parts yet (still in "Refacciones
 * pendientes", or closed out without a repair) reaches "Por contactar" or later only when
 * the campaign's parts cover one more vehicle (S3). */

typedef struct
{
  char              *uuid;
  char              *campaign_uuid;
  char              *code;
  char              *vin;
  char              *customer_uuid;
  GestCampaignStage  stage;
  char              *closeout;
  gboolean           campaign_closed;
} Row;

static void
row_free (Row *row)
{
  g_free (row->uuid);
  g_free (row->campaign_uuid);
  g_free (row->code);
  g_free (row->vin);
  g_free (row->customer_uuid);
  g_free (row->closeout);
  g_free (row);
}

static gpointer
row_load (GestStore   *store,
          const char  *uuid,
          gint64      *out_version,
          gpointer     user_data,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Row *row;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT cv.uuid, cv.campaign_uuid, c.code, v.vin, v.customer_uuid, cv.stage,"
                             " cv.closeout, c.closed_at IS NOT NULL, cv.updated_at"
                             " FROM campaign_vehicles cv JOIN campaigns c ON c.uuid = cv.campaign_uuid"
                             " JOIN vehicles v ON v.uuid = cv.vehicle_uuid"
                             " WHERE cv.uuid = ?1 AND cv.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                             _("This vehicle is no longer in the campaign."));
      else
        gest_store_set_error (store, error);
      return NULL;
    }
  row = g_new0 (Row, 1);
  row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->campaign_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->vin = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  row->stage = CLAMP (sqlite3_column_int (stmt, 5), 0, GEST_CAMPAIGN_CLOSED);
  row->closeout = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  row->campaign_closed = sqlite3_column_int (stmt, 7) != 0;
  *out_version = sqlite3_column_int64 (stmt, 8);
  return row;
}

/* Whether the vehicle counts among those the parts cover now. */
static gboolean
row_holds_parts (const Row *row)
{
  if (row->stage == GEST_CAMPAIGN_CLOSED)
    return g_strcmp0 (row->closeout, "done-here") == 0;
  return row->stage != GEST_CAMPAIGN_PARTS_PENDING;
}

static gboolean
check_open (const Row  *row,
            GError    **error)
{
  if (!row->campaign_closed)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Campaign %s is closed: its vehicles no longer move."), row->code);
  return FALSE;
}

/* --- Moves -------------------------------------------------------------------------------- */

typedef struct
{
  GestCampaignStage  stage;
  const char        *reason;
  GestCampaignStage  from;
} Move;

static gboolean
move_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const Row *row = record;
  Move *move = user_data;

  if (!gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_VEHICLES, error) ||
      !check_open (row, error))
    return FALSE;
  move->from = row->stage;
  if (move->stage == row->stage)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Vehicle %s is already at “%s”."), row->vin, gest_campaign_stage_label (row->stage));
      return FALSE;
    }
  if (move->stage < row->stage && (move->reason == NULL || *move->reason == '\0'))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Vehicle %s goes back from “%s” to “%s” only with a reason: write why."),
                   row->vin, gest_campaign_stage_label (row->stage), gest_campaign_stage_label (move->stage));
      return FALSE;
    }
  if (move->stage != GEST_CAMPAIGN_PARTS_PENDING && !row_holds_parts (row))
    return gest_campaign_check_covered (store, row->campaign_uuid, row->vin, move->stage, error);
  return TRUE;
}

static void
move_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Move *move = user_data;

  sqlite3_bind_int (stmt, 1, move->stage);
}

static char *
move_describe (gconstpointer record,
               gpointer      user_data)
{
  const Row *row = record;
  Move *move = user_data;

  if (move->reason != NULL && *move->reason != '\0')
    return g_strdup_printf (_("Campaign %s: from “%s” to “%s”. Reason: %s"), row->code,
                            gest_campaign_stage_label (move->from), gest_campaign_stage_label (move->stage),
                            move->reason);
  return g_strdup_printf (_("Campaign %s: from “%s” to “%s”."), row->code,
                          gest_campaign_stage_label (move->from), gest_campaign_stage_label (move->stage));
}

#define VEHICLE_CHANGE \
  .table = "campaign_vehicles", \
  .load = row_load, \
  .free_record = (GDestroyNotify) row_free, \
  .log_kind = GEST_ACTIVITY_STATUS, \
  .conflict_message = N_("The vehicle changed on the campaign’s board while it was being moved. Look at it again and retry.")

gboolean
gest_campaign_vehicle_move (GestStore          *store,
                            const char         *campaign_vehicle_uuid,
                            GestCampaignStage   stage,
                            const char         *reason,
                            GError            **error)
{
  static const GestRecordChangeSpec spec = {
    VEHICLE_CHANGE,
    .name = "gest_campaign_vehicle_move",
    .set = "stage = ?1, stage_since = :now, closeout = NULL, closed_by = NULL, closed_at = NULL",
    .check = move_check,
    .bind = move_bind,
    .describe = move_describe,
  };
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  Move move = { stage, clean, 0 };
  g_autofree char *campaign_uuid = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_vehicle_uuid != NULL, FALSE);

  if (stage >= GEST_CAMPAIGN_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("A vehicle goes to “%s” with a close-out reason: use “Close out”."),
                   gest_campaign_stage_label (GEST_CAMPAIGN_CLOSED));
      return FALSE;
    }
  if (!gest_store_begin_change (store, "gest_campaign_vehicle_move_all", &own, error))
    return FALSE;
  ok = gest_record_change_run (store, &spec, campaign_vehicle_uuid, &move, error);
  /* A vehicle sent back to "Refacciones pendientes" gives its parts to the next one. */
  if (ok && stage == GEST_CAMPAIGN_PARTS_PENDING)
    {
      campaign_uuid = gest_campaign_query_text (store, "SELECT campaign_uuid FROM campaign_vehicles WHERE uuid = ?1",
                                                campaign_vehicle_uuid, error);
      ok = campaign_uuid != NULL && gest_campaign_release (store, campaign_uuid, NULL, error);
    }
  return gest_store_end_change (store, "gest_campaign_vehicle_move_all", own, ok, ok ? error : NULL) && ok;
}

/* --- Close-outs ----------------------------------------------------------------------------- */

typedef struct
{
  GestCampaignCloseout  closeout;
  const char           *note;
  char                 *user;
  char                 *campaign_uuid;
  GestCampaignStage     from;
} Close;

static gboolean
close_check (GestStore      *store,
             gconstpointer   record,
             gpointer        user_data,
             GError        **error)
{
  const Row *row = record;
  Close *close = user_data;

  if (!gest_store_check_permission (store, GEST_CAMPAIGN_PERMISSION_VEHICLES, error) ||
      !check_open (row, error))
    return FALSE;
  close->from = row->stage;
  close->campaign_uuid = g_strdup (row->campaign_uuid);
  if (row->stage == GEST_CAMPAIGN_CLOSED)
    {
      GestCampaignCloseout was = GEST_CAMPAIGN_CLOSEOUT_DONE_HERE;

      gest_campaign_closeout_from_id (row->closeout, &was);
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Vehicle %s is closed out already (“%s”): move it back to the board first to change the reason."),
                   row->vin, gest_campaign_closeout_label (was));
      return FALSE;
    }
  if (close->closeout == GEST_CAMPAIGN_CLOSEOUT_DONE_HERE && !row_holds_parts (row))
    return gest_campaign_check_covered (store, row->campaign_uuid, row->vin, GEST_CAMPAIGN_CLOSED, error);
  return TRUE;
}

static void
close_bind (sqlite3_stmt  *stmt,
            gconstpointer  record,
            gpointer       user_data)
{
  Close *close = user_data;

  sqlite3_bind_text (stmt, 1, gest_campaign_closeout_id (close->closeout), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, close->user, -1, SQLITE_STATIC);
}

static char *
close_describe (gconstpointer record,
                gpointer      user_data)
{
  const Row *row = record;
  Close *close = user_data;

  if (close->note != NULL && *close->note != '\0')
    return g_strdup_printf (_("Campaign %s: closed out from “%s”: %s. %s"), row->code,
                            gest_campaign_stage_label (close->from),
                            gest_campaign_closeout_label (close->closeout), close->note);
  return g_strdup_printf (_("Campaign %s: closed out from “%s”: %s."), row->code,
                          gest_campaign_stage_label (close->from), gest_campaign_closeout_label (close->closeout));
}

gboolean
gest_campaign_vehicle_close (GestStore             *store,
                             const char            *campaign_vehicle_uuid,
                             GestCampaignCloseout   closeout,
                             const char            *note,
                             GError               **error)
{
  static const GestRecordChangeSpec spec = {
    VEHICLE_CHANGE,
    .name = "gest_campaign_vehicle_close",
    .set = "closeout = ?1, closed_by = ?2, stage = 4, stage_since = :now, closed_at = :now",
    .check = close_check,
    .bind = close_bind,
    .describe = close_describe,
  };
  g_autofree char *clean = g_strstrip (g_strdup (note != NULL ? note : ""));
  Close close = { closeout, clean, NULL, NULL, 0 };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_vehicle_uuid != NULL, FALSE);

  if (closeout >= GEST_N_CAMPAIGN_CLOSEOUTS)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Choose why the vehicle leaves the board: repaired here, repaired at another dealer, not applicable or vehicle unlocatable."));
      return FALSE;
    }
  if ((closeout == GEST_CAMPAIGN_CLOSEOUT_NOT_APPLICABLE || closeout == GEST_CAMPAIGN_CLOSEOUT_UNLOCATABLE) &&
      *clean == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Closing out as “%s” needs a note: write what was found or tried."),
                   gest_campaign_closeout_label (closeout));
      return FALSE;
    }
  close.user = gest_store_get_user_name (store);
  if (!gest_store_begin_change (store, "gest_campaign_vehicle_close_all", &own, error))
    {
      g_free (close.user);
      return FALSE;
    }
  /* A vehicle repaired elsewhere, not applicable or unlocatable leaves its parts to the next. */
  ok = gest_record_change_run (store, &spec, campaign_vehicle_uuid, &close, error) &&
       gest_campaign_release (store, close.campaign_uuid, NULL, error);
  g_free (close.user);
  g_free (close.campaign_uuid);
  return gest_store_end_change (store, "gest_campaign_vehicle_close_all", own, ok, ok ? error : NULL) && ok;
}

/* --- The queue's outcome (GestContactSource "campaigns.to-contact") ------------------------ */

gboolean
gest_campaign_vehicle_contact_outcome (GestStore           *store,
                                       const char          *campaign_vehicle_uuid,
                                       GestContactOutcome   outcome,
                                       GError             **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *customer_uuid = NULL;
  gint64 stage;
  GestCampaignStage target;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_vehicle_uuid != NULL, FALSE);

  stage = gest_campaign_query_int (store, "SELECT stage FROM campaign_vehicles WHERE uuid = ?1 AND deleted = 0",
                                   campaign_vehicle_uuid, -1, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (stage < 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("This vehicle is no longer in the campaign."));
      return FALSE;
    }
  switch (outcome)
    {
    case GEST_CONTACT_OUTCOME_CONTACTED:
    case GEST_CONTACT_OUTCOME_REFUSED:
      target = GEST_CAMPAIGN_CONTACTED;
      break;
    case GEST_CONTACT_OUTCOME_BOOKED:
      target = GEST_CAMPAIGN_BOOKED;
      break;
    case GEST_CONTACT_OUTCOME_GAVE_UP:
    default:
      /* The letter went out; the vehicle stays to contact, where the board shows it. */
      return gest_activity_log_append (store, campaign_vehicle_uuid, GEST_ACTIVITY_LETTER,
                                       _("Five attempts without reaching the customer: the letter or email with the campaign went out."),
                                       NULL, NULL, error) >= 0;
    }
  /* Reached on the number the list gave: the dealer confirmed the data (the data-use rule). */
  if (outcome != GEST_CONTACT_OUTCOME_REFUSED)
    {
      customer_uuid = gest_campaign_query_text (store,
                                                "SELECT v.customer_uuid FROM campaign_vehicles cv"
                                                " JOIN vehicles v ON v.uuid = cv.vehicle_uuid WHERE cv.uuid = ?1",
                                                campaign_vehicle_uuid, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (customer_uuid != NULL && !gest_campaign_confirm_customer_data (store, customer_uuid, error))
        return FALSE;
    }
  if (stage >= (gint64) target)
    return TRUE;
  return gest_campaign_vehicle_move (store, campaign_vehicle_uuid, target,
                                     outcome == GEST_CONTACT_OUTCOME_REFUSED ? _("The customer declined the repair.") : NULL,
                                     error);
}
