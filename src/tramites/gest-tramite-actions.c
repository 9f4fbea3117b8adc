/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-tramite-private.h"

/* Each change re-reads the row inside its write transaction, so the rules are checked against
 * what is stored now, not against what a window showed a minute ago; and the UPDATE names the
 * step it read, so nothing else can slip in between. */

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

static gboolean
require_liaison (GestStore  *store,
                 GError    **error)
{
  g_autofree char *user = NULL;
  GestRole role = gest_store_get_user_role (store);

  if (role == GEST_ROLE_CONAUTO_LIAISON)
    return TRUE;

  user = gest_store_get_user_name (store);
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Only the Conauto liaison can record Conauto’s steps (4 to 6), and the current user, %s, is “%s”. Conauto’s steps arrive through the Conauto sync, or ask the liaison to record them."),
               user, gest_role_label (role));
  return FALSE;
}

/* Runs an UPDATE whose last parameter is the trámite's uuid and which must change one row. */
static gboolean
step_update (GestStore     *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) != 1)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                           _("The trámite changed while it was being updated. Open it again and retry."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
log_status (GestStore   *store,
            const char  *uuid,
            const char  *text,
            GError     **error)
{
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
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

static gboolean
move_as (GestStore         *store,
         const char        *uuid,
         int                to_step,
         const char        *note,
         GestTramiteActor   actor,
         GError           **error)
{
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  GestTramiteChecklist checklist;
  gint64 now = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean own;

  if (!gest_tramite_tx_begin (store, &own, error))
    return FALSE;

  tramite = gest_tramite_load_by_uuid (store, uuid, error);
  if (tramite == NULL)
    goto fail;
  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_move (&checklist, tramite->step, to_step, actor, error))
    goto fail;

  stmt = gest_store_prepare (store,
                             "UPDATE tramites SET step = ?1, step_since = ?2, updated_at = ?2 "
                             "WHERE uuid = ?3 AND step = ?4 AND deleted = 0",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, to_step);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, tramite->step);
  if (!step_update (store, stmt, error))
    goto fail;

  if (*clean_note != '\0')
    text = g_strdup_printf (_("Moved from step %d (%s) to step %d (%s). Note: %s"),
                            tramite->step, gest_tramite_step_title (tramite->step),
                            to_step, gest_tramite_step_title (to_step), clean_note);
  else
    text = g_strdup_printf (_("Moved from step %d (%s) to step %d (%s)."),
                            tramite->step, gest_tramite_step_title (tramite->step),
                            to_step, gest_tramite_step_title (to_step));
  if (!log_status (store, uuid, text, error))
    goto fail;

  return gest_tramite_tx_commit (store, own, error);

fail:
  gest_tramite_tx_rollback (store, own);
  return FALSE;
}

gboolean
gest_tramite_move (GestStore   *store,
                   const char  *uuid,
                   int          to_step,
                   const char  *note,
                   GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_as (store, uuid, to_step, note, GEST_TRAMITE_ACTOR_DEALER, error);
}

gboolean
gest_tramite_conauto_step (GestStore   *store,
                           const char  *uuid,
                           int          to_step,
                           const char  *note,
                           GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_liaison (store, error))
    return FALSE;
  return move_as (store, uuid, to_step, note, GEST_TRAMITE_ACTOR_CONAUTO, error);
}

gboolean
gest_tramite_check_item (GestStore        *store,
                         const char       *uuid,
                         GestTramiteItem   item,
                         GError          **error)
{
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *sql = NULL;
  GestTramiteChecklist checklist;
  GestTramiteActor actor;
  gint64 now = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS && item != GEST_TRAMITE_ITEM_PAYMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  actor = gest_store_get_user_role (store) == GEST_ROLE_CONAUTO_LIAISON
          ? GEST_TRAMITE_ACTOR_CONAUTO : GEST_TRAMITE_ACTOR_DEALER;

  if (!gest_tramite_tx_begin (store, &own, error))
    return FALSE;

  tramite = gest_tramite_load_by_uuid (store, uuid, error);
  if (tramite == NULL)
    goto fail;
  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_item (&checklist, tramite->step, item, actor, error))
    goto fail;

  /* The column name comes from the constant table above, never from input. */
  sql = g_strdup_printf ("UPDATE tramites SET %s = ?1, updated_at = ?1 "
                         "WHERE uuid = ?2 AND step = ?3 AND %s IS NULL AND deleted = 0",
                         item_columns[item], item_columns[item]);
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, tramite->step);
  if (!step_update (store, stmt, error) ||
      !log_status (store, uuid, item_log_text (item), error))
    goto fail;

  return gest_tramite_tx_commit (store, own, error);

fail:
  gest_tramite_tx_rollback (store, own);
  return FALSE;
}

/* The proof must be a payment-proof document of this trámite. Returns its file name. */
static char *
lookup_proof (GestStore   *store,
              const char  *tramite_uuid,
              const char  *document_uuid,
              GError     **error)
{
  sqlite3_stmt *stmt;
  char *filename = NULL;
  gboolean right_kind = FALSE;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT filename, kind = 'payment-proof' FROM documents "
                             "WHERE uuid = ?1 AND record_uuid = ?2 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, document_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tramite_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      filename = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      right_kind = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  if (filename == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The document %s is not attached to this trámite. Attach the payment proof to the trámite first."),
                   document_uuid);
      return NULL;
    }
  if (!right_kind)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a payment proof. Choose a document of the kind “Payment proof”, or attach the proof as one."),
                   filename);
      g_free (filename);
      return NULL;
    }
  return filename;
}

gboolean
gest_tramite_record_payment (GestStore    *store,
                             const char   *uuid,
                             GestMoney     amount,
                             const GDate  *date,
                             const char   *reference,
                             const char   *proof_document_uuid,
                             GError      **error)
{
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *clean_reference = NULL;
  g_autofree char *proof_name = NULL;
  g_autofree char *amount_s = NULL;
  g_autofree char *date_s = NULL;
  g_autofree char *date_iso = NULL;
  g_autofree char *text = NULL;
  GestTramiteChecklist checklist;
  GDate today;
  gint64 now = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gest_date_today (&today);
  amount_s = gest_money_format (amount);
  clean_reference = g_strstrip (g_strdup (reference != NULL ? reference : ""));

  if (amount <= 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The payment amount must be more than $0.00 (it is %s). Write what the customer paid."),
                   amount_s);
      return FALSE;
    }
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write the date of the customer’s payment, as dd/mm/yyyy."));
      return FALSE;
    }
  date_s = gest_date_format (date);
  if (g_date_compare (date, &today) > 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The payment date %s is in the future. Record the payment once the customer has paid."),
                   date_s);
      return FALSE;
    }
  if (*clean_reference == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write the payment reference (the deposit or transfer reference on the customer’s receipt)."));
      return FALSE;
    }

  if (!gest_tramite_tx_begin (store, &own, error))
    return FALSE;

  tramite = gest_tramite_load_by_uuid (store, uuid, error);
  if (tramite == NULL)
    goto fail;
  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_item (&checklist, tramite->step, GEST_TRAMITE_ITEM_PAYMENT,
                                      GEST_TRAMITE_ACTOR_DEALER, error))
    goto fail;
  if (proof_document_uuid != NULL)
    {
      proof_name = lookup_proof (store, uuid, proof_document_uuid, error);
      if (proof_name == NULL)
        goto fail;
    }

  date_iso = gest_date_to_iso (date);
  stmt = gest_store_prepare (store,
                             "UPDATE tramites SET payment_amount = ?1, payment_date = ?2, "
                             "  payment_reference = ?3, "
                             "  payment_proof_uuid = coalesce (?4, payment_proof_uuid), updated_at = ?5 "
                             "WHERE uuid = ?6 AND step = ?7 AND deleted = 0",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, amount);
  sqlite3_bind_text (stmt, 2, date_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean_reference, -1, SQLITE_STATIC);
  if (proof_document_uuid != NULL)
    sqlite3_bind_text (stmt, 4, proof_document_uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_text (stmt, 6, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, tramite->step);
  if (!step_update (store, stmt, error))
    goto fail;

  if (tramite->has_payment && proof_name != NULL)
    text = g_strdup_printf (_("Customer payment corrected: %s on %s, reference %s, proof %s."),
                            amount_s, date_s, clean_reference, proof_name);
  else if (tramite->has_payment)
    text = g_strdup_printf (_("Customer payment corrected: %s on %s, reference %s."),
                            amount_s, date_s, clean_reference);
  else if (proof_name != NULL)
    text = g_strdup_printf (_("Customer payment received: %s on %s, reference %s, proof %s."),
                            amount_s, date_s, clean_reference, proof_name);
  else
    text = g_strdup_printf (_("Customer payment received: %s on %s, reference %s."),
                            amount_s, date_s, clean_reference);
  if (!log_status (store, uuid, text, error))
    goto fail;

  return gest_tramite_tx_commit (store, own, error);

fail:
  gest_tramite_tx_rollback (store, own);
  return FALSE;
}

gboolean
gest_tramite_link_payment_proof (GestStore   *store,
                                 const char  *uuid,
                                 const char  *document_uuid,
                                 GError     **error)
{
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *proof_name = NULL;
  g_autofree char *text = NULL;
  GestTramiteChecklist checklist;
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (document_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_tramite_tx_begin (store, &own, error))
    return FALSE;

  tramite = gest_tramite_load_by_uuid (store, uuid, error);
  if (tramite == NULL)
    goto fail;
  gest_tramite_get_checklist (tramite, &checklist);
  /* The proof belongs with the payment: it follows the same rule (up to step 3). */
  if (!gest_tramite_rules_check_item (&checklist, tramite->step, GEST_TRAMITE_ITEM_PAYMENT,
                                      GEST_TRAMITE_ACTOR_DEALER, error))
    goto fail;
  proof_name = lookup_proof (store, uuid, document_uuid, error);
  if (proof_name == NULL)
    goto fail;

  stmt = gest_store_prepare (store,
                             "UPDATE tramites SET payment_proof_uuid = ?1, updated_at = ?2 "
                             "WHERE uuid = ?3 AND step = ?4 AND deleted = 0",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, document_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gest_timestamp_now ());
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, tramite->step);
  if (!step_update (store, stmt, error))
    goto fail;

  text = g_strdup_printf (_("Payment proof linked: %s."), proof_name);
  if (!log_status (store, uuid, text, error))
    goto fail;

  return gest_tramite_tx_commit (store, own, error);

fail:
  gest_tramite_tx_rollback (store, own);
  return FALSE;
}
