/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-complaint-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"

/* The changes of a case's work (Q6-Q8). Each goes through gest_complaint_change_run(): the row
 * is reloaded inside the write transaction and the rules run on what is stored now; the UPDATE
 * names the version it read; the SLA clock recomputes in the same transaction. */

static gboolean
refuse_closed (const GestComplaint  *complaint,
               GError              **error)
{
  if (complaint->stage != GEST_COMPLAINT_CLOSED)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Case %s is closed: reopen it with a reason to work on it again."), complaint->folio);
  return FALSE;
}

/* Q6: the assignment. */
typedef struct
{
  const char *responsible_uuid;
  const char *document_status;   /* the code, upper case */
  const char *advisor;
  const char *coordinator;
  char       *responsible_name;
} Assign;

static gboolean
assign_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  const GestComplaint *complaint = record;
  Assign *assign = user_data;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error) ||
      !refuse_closed (complaint, error))
    return FALSE;
  if (!gest_document_status_from_code (assign->document_status, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the document’s status for case %s: OG, AA, AN, PR or PN."),
                   complaint->folio);
      return FALSE;
    }
  g_clear_pointer (&assign->responsible_name, g_free);
  return gest_complaint_check_active_user (store, assign->responsible_uuid, _("responsible"),
                                           &assign->responsible_name, error);
}

static void
assign_bind (sqlite3_stmt  *stmt,
             gconstpointer  record,
             gpointer       user_data)
{
  Assign *assign = user_data;

  sqlite3_bind_text (stmt, 1, assign->responsible_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, assign->document_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, assign->advisor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, assign->coordinator, -1, SQLITE_STATIC);
}

static char *
assign_describe (gconstpointer record,
                 gpointer      user_data)
{
  Assign *assign = user_data;
  GestDocumentStatus status = GEST_DOCUMENT_STATUS_OG;

  gest_document_status_from_code (assign->document_status, &status);
  return g_strdup_printf (_("Assigned to %s. Document status: %s (%s) Advisor: %s. Commercial coordinator: %s."),
                          assign->responsible_name, assign->document_status,
                          gest_document_status_meaning (status),
                          *assign->advisor != '\0' ? assign->advisor : "—",
                          *assign->coordinator != '\0' ? assign->coordinator : "—");
}

gboolean
gest_complaint_assign (GestStore   *store,
                       const char  *uuid,
                       const char  *responsible_uuid,
                       const char  *document_status,
                       const char  *advisor_name,
                       const char  *commercial_coordinator,
                       GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "responsible_uuid = ?1, document_status = ?2, advisor_name = ?3,"
           " commercial_coordinator = ?4,"
           " stage_since = CASE WHEN stage = 0 THEN :now ELSE stage_since END,"
           " stage = CASE WHEN stage = 0 THEN 1 ELSE stage END",
    .check = assign_check,
    .bind = assign_bind,
    .describe = assign_describe,
  };
  g_autofree char *status = NULL;
  g_autofree char *advisor = gest_complaint_strip (advisor_name);
  g_autofree char *coordinator = gest_complaint_strip (commercial_coordinator);
  Assign assign;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  {
    g_autofree char *stripped = gest_complaint_strip (document_status);

    status = g_ascii_strup (stripped, -1);
  }
  assign = (Assign) { responsible_uuid, status, advisor, coordinator, NULL };
  ok = gest_complaint_change_run (store, &spec, uuid, &assign, error);
  g_free (assign.responsible_name);
  return ok;
}

/* Q7: an entry of the case's log. Not through gest_record_change_run(): the entry carries the
 * person or area contacted, which a change's own entry does not. */
gboolean
gest_complaint_add_log (GestStore            *store,
                        const char           *uuid,
                        GestComplaintLogKind  kind,
                        const char           *text,
                        const char           *contact_name,
                        const char           *contact_role,
                        GError              **error)
{
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = gest_complaint_strip (text);
  g_autofree char *contact = gest_complaint_strip (contact_name);
  g_autofree char *role = gest_complaint_strip (contact_role);
  g_autofree char *day = NULL;
  gint64 now = gest_timestamp_now ();
  gboolean own;
  gboolean ok = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (kind <= GEST_COMPLAINT_LOG_NOTE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_log", &own, error))
    return FALSE;
  complaint = gest_complaint_load (store, uuid, error);
  if (complaint == NULL ||
      !gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error) ||
      !refuse_closed (complaint, error))
    goto out;
  if (*clean == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   kind == GEST_COMPLAINT_LOG_CALL
                   ? _("Write what was said in the call with the customer.")
                   : kind == GEST_COMPLAINT_LOG_FOLLOW_UP
                   ? _("Write what the area involved said or did.")
                   : _("Write the progress of the case."));
      goto out;
    }
  if (kind == GEST_COMPLAINT_LOG_FOLLOW_UP && *contact == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the area or person followed up with."));
      goto out;
    }

  if (gest_activity_log_append (store, complaint->uuid,
                                kind == GEST_COMPLAINT_LOG_CALL ? GEST_ACTIVITY_CALL : GEST_ACTIVITY_NOTE,
                                clean, *contact != '\0' ? contact : NULL,
                                *role != '\0' ? role : NULL, error) <= 0)
    goto out;

  day = gest_complaint_day_of (now);
  stmt = gest_store_prepare (store,
                             "UPDATE complaints SET last_log_at = ?1, last_log_day = ?2, updated_at = ?1"
                             " WHERE uuid = ?3 AND updated_at = ?4 AND deleted = 0",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, MAX (now, complaint->updated_at));
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, complaint->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, complaint->updated_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  if (sqlite3_changes (gest_store_get_db (store)) != 1)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                           _("The case changed while it was being updated. Open it again and retry."));
      goto out;
    }
  ok = gest_complaint_sla_update (store, complaint->uuid, now, error);

out:
  if (!gest_store_end_change (store, "gest_complaint_log", own, ok, ok ? error : NULL))
    return FALSE;
  return ok;
}

/* A move on the board. */
typedef struct
{
  int         to;
  const char *reason;   /* stripped */
} Move;

static gboolean
move_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestComplaint *complaint = record;
  Move *move = user_data;
  g_autofree char *refusal = gest_complaint_move_refusal (complaint, move->to, move->reason);

  if (refusal != NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, refusal);
      return FALSE;
    }
  return gest_store_check_permission (store,
                                      move->to < (int) complaint->stage
                                      ? GEST_COMPLAINT_PERMISSION_STEP_BACK
                                      : GEST_COMPLAINT_PERMISSION_WORK,
                                      error);
}

static void
move_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Move *move = user_data;

  sqlite3_bind_int (stmt, 1, move->to);
}

static char *
move_describe (gconstpointer record,
               gpointer      user_data)
{
  const GestComplaint *complaint = record;
  Move *move = user_data;
  char *text;

  if (move->to < (int) complaint->stage)
    text = g_strdup_printf (_("Moved back from “%s” to “%s”."),
                            gest_complaint_stage_label (complaint->stage),
                            gest_complaint_stage_label (move->to));
  else
    text = g_strdup_printf (_("Moved from “%s” to “%s”."),
                            gest_complaint_stage_label (complaint->stage),
                            gest_complaint_stage_label (move->to));
  if (*move->reason != '\0')
    text = gest_complaint_with_reason (text, move->reason);
  return text;
}

gboolean
gest_complaint_move (GestStore           *store,
                     const char          *uuid,
                     GestComplaintStage   to,
                     const char          *reason,
                     GError             **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "stage = ?1, stage_since = :now",
    .check = move_check,
    .bind = move_bind,
    .describe = move_describe,
  };
  g_autofree char *clean = gest_complaint_strip (reason);
  Move move = { (int) to, clean };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, &move, error);
}
