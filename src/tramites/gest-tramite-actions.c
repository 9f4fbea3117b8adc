/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-record-change.h"
#include "gest-tramite-mail.h"
#include "gest-tramite-private.h"
#include "gest-tramite-workflow.h"
#include "gest-tramites-domain.h"

/* Each change goes through gest_record_change_run(): it re-reads the row inside its write
 * transaction, so the rules are checked against what is stored now, not against what a window
 * showed a minute ago; and the UPDATE names the version it read, so nothing else can slip in
 * between. */

static const char * const item_columns[GEST_TRAMITE_N_ITEMS] = {
  [GEST_TRAMITE_ITEM_DOCS_SENT] = "docs_sent_at",
  [GEST_TRAMITE_ITEM_PAYMENT] = NULL,
  [GEST_TRAMITE_ITEM_INSURANCE_CANCELLED] = "insurance_cancelled_at",
  [GEST_TRAMITE_ITEM_INVOICE_RELEASED] = "invoice_released_at",
  [GEST_TRAMITE_ITEM_INVOICE_DELIVERED] = "invoice_delivered_at",
  [GEST_TRAMITE_ITEM_ACK_RETURNED] = "ack_returned_at",
};

static const char *
item_log_text (GestTramiteItem item)
{
  switch (item)
    {
    case GEST_TRAMITE_ITEM_DOCS_SENT:
      return _("Documents sent to Conauto.");
    case GEST_TRAMITE_ITEM_INSURANCE_CANCELLED:
      return _("Conauto cancelled the car insurance.");
    case GEST_TRAMITE_ITEM_INVOICE_RELEASED:
      return _("Conauto released the invoice and guarantees.");
    case GEST_TRAMITE_ITEM_INVOICE_DELIVERED:
      return _("Invoice and guarantees delivered to the customer.");
    case GEST_TRAMITE_ITEM_ACK_RETURNED:
      return _("Acknowledgment returned to Conauto.");
    case GEST_TRAMITE_ITEM_PAYMENT:
    case GEST_TRAMITE_N_ITEMS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

gpointer
gest_tramite_change_load (GestStore   *store,
                          const char  *uuid,
                          gint64      *out_version,
                          gpointer     user_data,
                          GError     **error)
{
  GestTramite *tramite = gest_tramite_load_by_uuid (store, uuid, error);

  if (tramite != NULL)
    *out_version = tramite->updated_at;
  return tramite;
}

char *
gest_tramite_log_with_reason (char       *text,
                              const char *reason)
{
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  char *with;

  if (*clean == '\0')
    return text;
  with = g_strdup_printf (_("%s Reason: %s"), text, clean);
  g_free (text);
  return with;
}

gboolean
gest_tramite_can_move (GestStore         *store,
                       const char        *uuid,
                       int                to_step,
                       GestTramiteActor   actor,
                       GError           **error)
{
  g_autoptr(GestTramite) tramite = NULL;
  GestTramiteChecklist checklist;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tramite = gest_tramite_load_by_uuid (store, uuid, error);
  if (tramite == NULL)
    return FALSE;
  gest_tramite_get_checklist (tramite, &checklist);
  return gest_tramite_rules_check_move (&checklist, tramite->step, to_step, actor, error);
}

typedef struct
{
  int          to_step;
  const char  *note;       /* stripped; the reason of a move backwards */
} Move;

/* Rules first (they say what is missing or whose step it is), then who may make the move:
 * into step N needs tramites.step.N (nobody has 4 to 6: they are Conauto's), a move back needs
 * tramites.step-back and a reason. */
static gboolean
move_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestTramite *tramite = record;
  Move *move = user_data;
  GestTramiteChecklist checklist;

  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_move (&checklist, tramite->step, move->to_step,
                                      GEST_TRAMITE_ACTOR_DEALER, error))
    return FALSE;
  if (move->to_step > tramite->step)
    return gest_store_check_permission (store, gest_tramite_permission_step (move->to_step), error);

  if (!gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_STEP_BACK, error))
    return FALSE;
  if (*move->note == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Moving folio %s back from step %d (%s) to step %d (%s) needs a reason: write why (it is recorded in the log)."),
                   tramite->folio, tramite->step, gest_tramite_step_title (tramite->step),
                   move->to_step, gest_tramite_step_title (move->to_step));
      return FALSE;
    }
  return TRUE;
}

static void
move_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Move *move = user_data;

  sqlite3_bind_int (stmt, 1, move->to_step);
}

static char *
move_describe (gconstpointer record,
               gpointer      user_data)
{
  const GestTramite *tramite = record;
  Move *move = user_data;

  if (move->to_step < tramite->step)
    return g_strdup_printf (_("Moved back from step %d (%s) to step %d (%s). Reason: %s"),
                            tramite->step, gest_tramite_step_title (tramite->step),
                            move->to_step, gest_tramite_step_title (move->to_step), move->note);
  if (*move->note != '\0')
    return g_strdup_printf (_("Moved from step %d (%s) to step %d (%s). Note: %s"),
                            tramite->step, gest_tramite_step_title (tramite->step),
                            move->to_step, gest_tramite_step_title (move->to_step), move->note);
  return g_strdup_printf (_("Moved from step %d (%s) to step %d (%s)."),
                          tramite->step, gest_tramite_step_title (tramite->step),
                          move->to_step, gest_tramite_step_title (move->to_step));
}

gboolean
gest_tramite_move (GestStore   *store,
                   const char  *uuid,
                   int          to_step,
                   const char  *note,
                   GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_TRAMITE_CHANGE,
    .set = "step = ?1, step_since = :now",
    .check = move_check,
    .bind = move_bind,
    .describe = move_describe,
  };
  g_autofree char *clean_note = NULL;
  Move move;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  move.to_step = to_step;
  move.note = clean_note;
  return gest_record_change_run (store, &spec, uuid, &move, error);
}

/* T5: "Documents sent to Conauto" is true only when the documents went: a documents email of
 * this folio that the outbox sent, or documents attached to the folio (other than the payment
 * proof) that were sent another way. */
static gboolean
check_documents_evidence (GestStore          *store,
                          const GestTramite  *tramite,
                          GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;
  gboolean found = FALSE;

  stmt = gest_store_prepare (store,
                             "SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE record_uuid = ?1"
                             "  AND module = ?2 AND purpose = ?3 AND state = 'sent')"
                             " OR EXISTS (SELECT 1 FROM documents WHERE record_uuid = ?1"
                             "  AND deleted = 0 AND kind <> 'payment-proof')",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tramite->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, GEST_TRAMITES_MODULE_ID, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, GEST_TRAMITE_MAIL_DOCUMENTS, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  if (found)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Folio %s has no documents email sent and no documents attached, so the documents cannot be marked as sent to Conauto. Send the documents email from the folio, or attach the documents you sent another way, and mark them then."),
               tramite->folio);
  return FALSE;
}

typedef struct
{
  GestTramiteItem  item;
  const char      *reason;     /* stripped; undo only */
} ItemCheck;

static gboolean
item_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestTramite *tramite = record;
  ItemCheck *check = user_data;
  GestTramiteChecklist checklist;

  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_item (&checklist, tramite->step, check->item,
                                      GEST_TRAMITE_ACTOR_DEALER, error) ||
      !gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_CHECKLIST, error))
    return FALSE;
  if (check->item == GEST_TRAMITE_ITEM_DOCS_SENT)
    return check_documents_evidence (store, tramite, error);
  return TRUE;
}

static char *
item_describe (gconstpointer record,
               gpointer      user_data)
{
  ItemCheck *check = user_data;

  return g_strdup (item_log_text (check->item));
}

gboolean
gest_tramite_check_item (GestStore        *store,
                         const char       *uuid,
                         GestTramiteItem   item,
                         GError          **error)
{
  g_autofree char *set = NULL;
  ItemCheck check = { item, "" };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS && item != GEST_TRAMITE_ITEM_PAYMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The column name comes from the constant table above, never from input. */
  set = g_strdup_printf ("%s = :now", item_columns[item]);
  {
    const GestRecordChangeSpec spec = {
      GEST_TRAMITE_CHANGE,
      .set = set,
      .check = item_check,
      .describe = item_describe,
    };

    return gest_record_change_run (store, &spec, uuid, &check, error);
  }
}

/* An undo must leave a trámite that could have reached its step, and the checklist's order:
 * nothing that a later item or the current step builds on. */
static gboolean
uncheck_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  const GestTramite *tramite = record;
  ItemCheck *check = user_data;
  GestTramiteChecklist checklist;
  g_autoptr(GPtrArray) missing = NULL;
  const char *label = gest_tramite_item_label (check->item);

  if (gest_tramite_item_is_conauto (check->item))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Only Conauto records “%s”: it arrives through the Conauto sync or Conauto’s signed update file."),
                   label);
      return FALSE;
    }
  if (!gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_CHECKLIST, error))
    return FALSE;

  gest_tramite_get_checklist (tramite, &checklist);
  if ((check->item == GEST_TRAMITE_ITEM_DOCS_SENT && !checklist.docs_sent) ||
      (check->item == GEST_TRAMITE_ITEM_INVOICE_DELIVERED && !checklist.invoice_delivered) ||
      (check->item == GEST_TRAMITE_ITEM_ACK_RETURNED && !checklist.ack_returned))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("“%s” is not marked on folio %s: there is nothing to undo."), label, tramite->folio);
      return FALSE;
    }
  if (check->item == GEST_TRAMITE_ITEM_INVOICE_DELIVERED && checklist.ack_returned)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("“%s” cannot be undone on folio %s while “%s” is marked: undo that first."),
                   label, tramite->folio, gest_tramite_item_label (GEST_TRAMITE_ITEM_ACK_RETURNED));
      return FALSE;
    }

  if (check->item == GEST_TRAMITE_ITEM_DOCS_SENT)
    checklist.docs_sent = FALSE;
  else if (check->item == GEST_TRAMITE_ITEM_INVOICE_DELIVERED)
    checklist.invoice_delivered = FALSE;
  else
    checklist.ack_returned = FALSE;
  missing = gest_tramite_rules_missing_for_step (&checklist, tramite->step);
  if (missing->len > 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("“%s” cannot be undone: folio %s is in step %d (%s), which needs it. Move the trámite back first."),
                   label, tramite->folio, tramite->step, gest_tramite_step_title (tramite->step));
      return FALSE;
    }
  if (*check->reason == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Undoing “%s” on folio %s needs a reason: write why (it is recorded in the log)."),
                   label, tramite->folio);
      return FALSE;
    }
  return TRUE;
}

static char *
uncheck_describe (gconstpointer record,
                  gpointer      user_data)
{
  ItemCheck *check = user_data;

  return g_strdup_printf (_("Undone: %s Reason: %s"), item_log_text (check->item), check->reason);
}

gboolean
gest_tramite_uncheck_item (GestStore        *store,
                           const char       *uuid,
                           GestTramiteItem   item,
                           const char       *reason,
                           GError          **error)
{
  g_autofree char *set = NULL;
  g_autofree char *clean_reason = NULL;
  ItemCheck check;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS && item != GEST_TRAMITE_ITEM_PAYMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  check.item = item;
  check.reason = clean_reason;
  set = g_strdup_printf ("%s = NULL", item_columns[item]);
  {
    const GestRecordChangeSpec spec = {
      GEST_TRAMITE_CHANGE,
      .set = set,
      .check = uncheck_check,
      .describe = uncheck_describe,
    };

    return gest_record_change_run (store, &spec, uuid, &check, error);
  }
}
