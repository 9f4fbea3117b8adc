/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-solution"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-private.h"
#include "gest-error.h"
#include "gest-user.h"

/* Q8: the solution, the head's approval, the answer letter sent and its receipt. */

static gboolean
check_open (const GestComplaint  *complaint,
            GError              **error)
{
  if (complaint->stage != GEST_COMPLAINT_CLOSED && complaint->stage != GEST_COMPLAINT_ANNULMENT)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               complaint->stage == GEST_COMPLAINT_CLOSED
               ? _("Case %s is closed: reopen it with a reason to work on it again.")
               : _("Case %s waits for its annulment to be filed: its solution can no longer change."),
               complaint->folio);
  return FALSE;
}

typedef struct
{
  const char *text;      /* stripped */
  const char *approver;  /* the user's uuid, or their name on a database without users */
} Solution;

static gboolean
solution_check (GestStore      *store,
                gconstpointer   record,
                gpointer        user_data,
                GError        **error)
{
  const GestComplaint *complaint = record;
  Solution *solution = user_data;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error) ||
      !check_open (complaint, error))
    return FALSE;
  if (*solution->text == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the solution proposed to the customer."));
      return FALSE;
    }
  if (complaint->answer_sent_at != 0 && complaint->stage >= GEST_COMPLAINT_ANSWERED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The answer letter of case %s was sent with its solution. Move the case back to “%s” with a reason to propose another one."),
                   complaint->folio, gest_complaint_stage_label (GEST_COMPLAINT_NEGOTIATION));
      return FALSE;
    }
  return TRUE;
}

static void
solution_bind (sqlite3_stmt  *stmt,
               gconstpointer  record,
               gpointer       user_data)
{
  Solution *solution = user_data;

  sqlite3_bind_text (stmt, 1, solution->text, -1, SQLITE_STATIC);
}

static char *
solution_describe (gconstpointer record,
                   gpointer      user_data)
{
  const GestComplaint *complaint = record;
  Solution *solution = user_data;

  if (complaint->solution_approved_at != 0 && g_strcmp0 (complaint->solution, solution->text) != 0)
    return g_strdup_printf (_("Solution changed: %s The head’s approval was withdrawn; ask for it again."),
                            solution->text);
  return g_strdup_printf (_("Solution proposed: %s"), solution->text);
}

gboolean
gest_complaint_set_solution (GestStore   *store,
                             const char  *uuid,
                             const char  *solution,
                             GError     **error)
{
  /* Editing the text withdraws an approval given to the old one. */
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "solution_approved_by = CASE WHEN solution IS ?1 THEN solution_approved_by END,"
           " solution_approved_at = CASE WHEN solution IS ?1 THEN solution_approved_at END,"
           " solution = ?1",
    .check = solution_check,
    .bind = solution_bind,
    .describe = solution_describe,
  };
  g_autofree char *clean = gest_complaint_strip (solution);
  Solution change = { clean, NULL };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, &change, error);
}

/* Q8: the permission first, so an analyst hears who may approve before anything else. */
static gboolean
approve_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  const GestComplaint *complaint = record;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_APPROVE, error) ||
      !check_open (complaint, error))
    return FALSE;
  if (complaint->solution == NULL || *complaint->solution == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s has no solution to approve yet: the analyst writes it first."),
                   complaint->folio);
      return FALSE;
    }
  if (complaint->solution_approved_at != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The solution of case %s is already approved (by %s)."),
                   complaint->folio,
                   complaint->solution_approved_by_name != NULL ? complaint->solution_approved_by_name : "—");
      return FALSE;
    }
  return TRUE;
}

static void
approve_bind (sqlite3_stmt  *stmt,
              gconstpointer  record,
              gpointer       user_data)
{
  Solution *solution = user_data;

  sqlite3_bind_text (stmt, 1, solution->approver, -1, SQLITE_STATIC);
}

static char *
approve_describe (gconstpointer record,
                  gpointer      user_data)
{
  const GestComplaint *complaint = record;

  return g_strdup_printf (_("Solution approved by the head of customer service: %s"), complaint->solution);
}

gboolean
gest_complaint_approve_solution (GestStore   *store,
                                 const char  *uuid,
                                 GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "solution_approved_by = ?1, solution_approved_at = :now",
    .check = approve_check,
    .bind = approve_bind,
    .describe = approve_describe,
  };
  GestUser *user;
  g_autofree char *name = NULL;
  Solution change = { NULL, NULL };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  user = gest_store_get_user (store);
  if (user != NULL)
    change.approver = user->uuid;
  else
    change.approver = name = gest_store_get_user_name (store);
  return gest_complaint_change_run (store, &spec, uuid, &change, error);
}

typedef struct
{
  const char *document_uuid;
  const char *copied_to;    /* stripped */
  const char *how;          /* stripped */
} Answer;

static gboolean
answer_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  const GestComplaint *complaint = record;
  GestComplaintFacts facts;
  g_autoptr(GPtrArray) missing = NULL;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error) ||
      !check_open (complaint, error))
    return FALSE;
  if (complaint->solution_approved_at == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The answer letter of case %s cannot go out before the head of customer service approves the solution. Ask for the approval first."),
                   complaint->folio);
      return FALSE;
    }
  /* What "answered" needs besides the letter itself. */
  gest_complaint_get_facts (complaint, &facts);
  facts.answer_sent = TRUE;
  missing = gest_complaint_workflow_missing (&facts, GEST_COMPLAINT_ANSWERED);
  if (missing->len > 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The answer letter of case %s cannot be recorded yet: it needs %s."),
                   complaint->folio, (const char *) g_ptr_array_index (missing, 0));
      return FALSE;
    }
  return TRUE;
}

static void
answer_bind (sqlite3_stmt  *stmt,
             gconstpointer  record,
             gpointer       user_data)
{
  Answer *answer = user_data;

  sqlite3_bind_text (stmt, 1, answer->document_uuid, -1, SQLITE_STATIC);
}

static char *
answer_describe (gconstpointer record,
                 gpointer      user_data)
{
  Answer *answer = user_data;
  char *text;

  text = g_strdup_printf (_("Answer letter sent (%s)."),
                          *answer->how != '\0' ? answer->how : _("no way given"));
  if (*answer->copied_to != '\0')
    {
      char *with = g_strdup_printf (_("%s Copied to: %s."), text, answer->copied_to);

      g_free (text);
      text = with;
    }
  return text;
}

gboolean
gest_complaint_record_answer_sent (GestStore   *store,
                                   const char  *uuid,
                                   const char  *document_uuid,
                                   const char  *copied_to,
                                   const char  *how,
                                   GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "answer_document_uuid = coalesce (?1, answer_document_uuid), answer_sent_at = :now,"
           " stage_since = CASE WHEN stage < 4 THEN :now ELSE stage_since END,"
           " stage = max (stage, 4)",
    .check = answer_check,
    .bind = answer_bind,
    .describe = answer_describe,
  };
  g_autofree char *copied = gest_complaint_strip (copied_to);
  g_autofree char *clean_how = gest_complaint_strip (how);
  Answer answer = { document_uuid != NULL && *document_uuid != '\0' ? document_uuid : NULL,
                    copied, clean_how };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, &answer, error);
}

static gboolean
receipt_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  const GestComplaint *complaint = record;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error) ||
      !check_open (complaint, error))
    return FALSE;
  if (complaint->answer_sent_at == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The answer letter of case %s has not been sent: there is no receipt to confirm yet."),
                   complaint->folio);
      return FALSE;
    }
  return TRUE;
}

static char *
receipt_describe (gconstpointer record,
                  gpointer      user_data)
{
  const char *note = user_data;

  if (*note != '\0')
    return g_strdup_printf (_("The customer confirmed receiving the answer letter. %s"), note);
  return g_strdup (_("The customer confirmed receiving the answer letter."));
}

gboolean
gest_complaint_confirm_receipt (GestStore   *store,
                                const char  *uuid,
                                const char  *note,
                                GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    .set = "receipt_confirmed_at = :now",
    .check = receipt_check,
    .describe = receipt_describe,
  };
  g_autofree char *clean = gest_complaint_strip (note);

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_complaint_change_run (store, &spec, uuid, clean, error);
}
