/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-closure"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"

/* Q9, Q10, Q12: the accepting call, the closure with cause, error and area, the reopening,
 * and the end in an annulment. */

/* Q9: the call after the answer letter. */
typedef struct
{
  gboolean    accepted;
  const char *note;   /* stripped */
  char       *day;
} Call;

static gboolean
call_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestComplaint *complaint = record;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error))
    return FALSE;
  if (complaint->stage == GEST_COMPLAINT_CLOSED || complaint->stage == GEST_COMPLAINT_ANNULMENT)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s is past its acceptance call (it is at “%s”)."),
                   complaint->folio, gest_complaint_stage_label (complaint->stage));
      return FALSE;
    }
  if (complaint->answer_sent_at == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The acceptance call of case %s comes after the answer letter is sent. Send the answer letter first."),
                   complaint->folio);
      return FALSE;
    }
  return TRUE;
}

static void
call_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Call *call = user_data;

  sqlite3_bind_int (stmt, 1, call->accepted);
  sqlite3_bind_text (stmt, 2, call->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, call->day, -1, SQLITE_STATIC);
}

static char *
call_describe (gconstpointer record,
               gpointer      user_data)
{
  Call *call = user_data;
  const char *said = call->accepted
                     ? _("Acceptance call: the customer accepts the solution.")
                     : _("Acceptance call: the customer does not accept the solution.");

  if (*call->note != '\0')
    return g_strdup_printf ("%s %s", said, call->note);
  return g_strdup (said);
}

gboolean
gest_complaint_record_acceptance_call (GestStore   *store,
                                       const char  *uuid,
                                       gboolean     accepted,
                                       const char  *note,
                                       GError     **error)
{
  /* A call is an entry of the day (Q7) as well. */
  static const GestRecordChangeSpec spec = {
    .name = "gest_complaint_change",
    .table = "complaints",
    .load = gest_complaint_change_load,
    .free_record = (GDestroyNotify) gest_complaint_free,
    .log_kind = GEST_ACTIVITY_CALL,
    .conflict_message = N_("The case changed while it was being updated. Open it again and retry."),
    .set = "acceptance_note = ?2, last_log_day = ?3, acceptance_call_at = CASE WHEN ?1 THEN :now END,"
           " last_log_at = :now",
    .check = call_check,
    .bind = call_bind,
    .describe = call_describe,
  };
  g_autofree char *clean = gest_complaint_strip (note);
  g_autofree char *day = gest_complaint_day_of (gest_timestamp_now ());
  Call call = { accepted, clean, day };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, &call, error);
}

/* Q9, Q10: the closure. */
typedef struct
{
  const char *cause;
  const char *error;
  const char *area;
  int         to;        /* closed, or annulment when the case ends in one (Q12) */
  char       *labels[3];
} Close;

static gboolean
close_check (GestStore      *store,
             gconstpointer   record,
             gpointer        user_data,
             GError        **error)
{
  const GestComplaint *complaint = record;
  Close *close = user_data;
  GestComplaintFacts facts;
  g_autoptr(GPtrArray) missing = NULL;
  const char * const kinds[3] = { "cause", "error", "area" };
  const char * const uuids[3] = { close->cause, close->error, close->area };

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_CLOSE, error))
    return FALSE;
  if (complaint->stage == GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, _("Case %s is already closed."), complaint->folio);
      return FALSE;
    }
  if (complaint->stage == GEST_COMPLAINT_ANNULMENT)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s ends in an annulment: it closes when its annulment is filed."),
                   complaint->folio);
      return FALSE;
    }

  gest_complaint_get_facts (complaint, &facts);
  facts.cause = close->cause != NULL;
  facts.error = close->error != NULL;
  facts.area = close->area != NULL;
  close->to = complaint->annulment_uuid != NULL ? GEST_COMPLAINT_ANNULMENT : GEST_COMPLAINT_CLOSED;
  missing = gest_complaint_workflow_missing (&facts, close->to);
  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        {
          if (i > 0)
            g_string_append (list, i + 1 == missing->len ? _(" and ") : ", ");
          g_string_append (list, g_ptr_array_index (missing, i));
        }
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s cannot be closed yet: it needs %s."), complaint->folio, list->str);
      return FALSE;
    }
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&close->labels[i], g_free);
      if (!gest_complaint_catalog_check_active (store, kinds[i], uuids[i], &close->labels[i], error))
        return FALSE;
    }
  return TRUE;
}

static void
close_bind (sqlite3_stmt  *stmt,
            gconstpointer  record,
            gpointer       user_data)
{
  Close *close = user_data;

  sqlite3_bind_text (stmt, 1, close->cause, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, close->error, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, close->area, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, close->to);
}

static char *
close_describe (gconstpointer record,
                gpointer      user_data)
{
  Close *close = user_data;

  if (close->to == GEST_COMPLAINT_ANNULMENT)
    return g_strdup_printf (_("Closure recorded (cause: %s; error: %s; responsible area: %s). The case closes when its annulment is filed."),
                            close->labels[0], close->labels[1], close->labels[2]);
  return g_strdup_printf (_("Case closed. Cause: %s; error: %s; responsible area: %s."),
                          close->labels[0], close->labels[1], close->labels[2]);
}

gboolean
gest_complaint_close (GestStore   *store,
                      const char  *uuid,
                      const char  *cause_uuid,
                      const char  *error_uuid,
                      const char  *area_uuid,
                      GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "cause_uuid = ?1, error_uuid = ?2, area_uuid = ?3, stage = ?4, stage_since = :now,"
           " closed_at = CASE WHEN ?4 = 6 THEN :now END",
    .check = close_check,
    .bind = close_bind,
    .describe = close_describe,
  };
  Close close = { NULL, NULL, NULL, GEST_COMPLAINT_CLOSED, { NULL, NULL, NULL } };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  close.cause = cause_uuid != NULL && *cause_uuid != '\0' ? cause_uuid : NULL;
  close.error = error_uuid != NULL && *error_uuid != '\0' ? error_uuid : NULL;
  close.area = area_uuid != NULL && *area_uuid != '\0' ? area_uuid : NULL;
  ok = gest_complaint_change_run (store, &spec, uuid, &close, error);
  for (guint i = 0; i < 3; i++)
    g_free (close.labels[i]);
  return ok;
}

/* Reopening: a closed case goes back to monitoring with a reason. */
static gboolean
reopen_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  const GestComplaint *complaint = record;
  const char *reason = user_data;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_REOPEN, error))
    return FALSE;
  if (complaint->stage != GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s is not closed (it is at “%s”): there is nothing to reopen."),
                   complaint->folio, gest_complaint_stage_label (complaint->stage));
      return FALSE;
    }
  if (*reason == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Reopening case %s needs a reason: write why (it is recorded in the log)."),
                   complaint->folio);
      return FALSE;
    }
  return TRUE;
}

static char *
reopen_describe (gconstpointer record,
                 gpointer      user_data)
{
  return gest_complaint_with_reason (g_strdup (_("Case reopened.")), user_data);
}

static gboolean
insert_sla_event (GestStore   *store,
                  const char  *uuid,
                  const char  *kind,
                  gint64       at,
                  const char  *note,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *event_uuid = gest_uuid_new ();

  stmt = gest_store_prepare (store,
                             "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at, note, updated_at)"
                             " SELECT ?1, uuid, ?3, ?4, ?5, ?4 FROM complaints WHERE uuid = ?2 OR folio = upper (?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, event_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_text (stmt, 5, note, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

gboolean
gest_complaint_reopen (GestStore   *store,
                       const char  *uuid,
                       const char  *reason,
                       GError     **error)
{
  /* Back to monitoring: the customer no longer accepts, so a new accepting call is needed. */
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "stage = 2, stage_since = :now, closed_at = NULL, acceptance_call_at = NULL,"
           " reopened_count = reopened_count + 1",
    .check = reopen_check,
    .describe = reopen_describe,
  };
  g_autofree char *clean = gest_complaint_strip (reason);
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The reopening is an event of the SLA clock's history, before the clock recomputes. */
  if (!gest_store_begin_change (store, "gest_complaint_reopen", &own, error))
    return FALSE;
  ok = gest_record_change_run (store, &spec, uuid, clean, error) &&
       insert_sla_event (store, uuid, "reopen", gest_timestamp_now (), clean, error);
  if (ok)
    {
      g_autoptr(GestComplaint) complaint = gest_complaint_load (store, uuid, error);

      ok = complaint != NULL &&
           gest_complaint_sla_update (store, complaint->uuid, gest_timestamp_now (), error);
    }
  return gest_store_end_change (store, "gest_complaint_reopen", own, ok, ok ? error : NULL) && ok;
}

/* Q12: the link to the annulment. */
static gboolean
link_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestComplaint *complaint = record;
  const char *annulment = user_data;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error))
    return FALSE;
  if (complaint->stage == GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s is closed: reopen it with a reason to work on it again."), complaint->folio);
      return FALSE;
    }
  if (complaint->annulment_uuid != NULL && g_strcmp0 (complaint->annulment_uuid, annulment) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s already ends in another annulment; a case has one."), complaint->folio);
      return FALSE;
    }
  return TRUE;
}

static void
link_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  sqlite3_bind_text (stmt, 1, user_data, -1, SQLITE_STATIC);
}

static char *
link_describe (gconstpointer record,
               gpointer      user_data)
{
  return g_strdup (_("The case ends in an annulment: it closes when the annulment is filed."));
}

gboolean
gest_complaint_link_annulment (GestStore   *store,
                               const char  *uuid,
                               const char  *annulment_uuid,
                               GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "annulment_uuid = ?1",
    .check = link_check,
    .bind = link_bind,
    .describe = link_describe,
  };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (annulment_uuid != NULL && *annulment_uuid != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, (gpointer) annulment_uuid, error);
}

static gboolean
filed_check (GestStore      *store,
             gconstpointer   record,
             gpointer        user_data,
             GError        **error)
{
  const GestComplaint *complaint = record;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_CLOSE, error))
    return FALSE;
  if (complaint->annulment_uuid == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s has no annulment linked to it."), complaint->folio);
      return FALSE;
    }
  if (complaint->stage != GEST_COMPLAINT_ANNULMENT)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s cannot close with its annulment yet: record its closure first (the head’s approval, the answer letter, the accepting call, and the cause, error and area) so that it waits at “%s”."),
                   complaint->folio, gest_complaint_stage_label (GEST_COMPLAINT_ANNULMENT));
      return FALSE;
    }
  return TRUE;
}

static char *
filed_describe (gconstpointer record,
                gpointer      user_data)
{
  return g_strdup_printf (_("Annulment %s filed: the case is closed."), (const char *) user_data);
}

gboolean
gest_complaint_annulment_filed (GestStore   *store,
                                const char  *uuid,
                                const char  *annulment_folio,
                                GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "stage = 6, stage_since = :now, closed_at = :now",
    .check = filed_check,
    .describe = filed_describe,
  };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid,
                                    (gpointer) (annulment_folio != NULL ? annulment_folio : ""), error);
}
