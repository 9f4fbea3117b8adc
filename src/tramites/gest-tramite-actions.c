/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-record-change.h"
#include "gest-tramite-private.h"

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

static gboolean
require_liaison (GestStore  *store,
                 GError    **error)
{
  g_autofree char *user = NULL;
  GestRole role = gest_store_get_user_role (store);

  if (role == GEST_ROLE_CONAUTO)
    return TRUE;

  user = gest_store_get_user_name (store);
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Only the Conauto liaison can record Conauto’s steps (4 to 6), and the current user, %s, is “%s”. Conauto’s steps arrive through the Conauto sync, or ask the liaison to record them."),
               user, gest_role_label (role));
  return FALSE;
}

/* The parts every change of a trámite shares. */
#define TRAMITE_CHANGE \
  .name = "gest_tramite_change", \
  .table = "tramites", \
  .load = load_tramite, \
  .free_record = (GDestroyNotify) gest_tramite_free, \
  .log_kind = GEST_ACTIVITY_STATUS, \
  .conflict_message = N_("The trámite changed while it was being updated. Open it again and retry.")

static gpointer
load_tramite (GestStore   *store,
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
  int               to_step;
  const char       *note;       /* stripped */
  GestTramiteActor  actor;
} Move;

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
  return gest_tramite_rules_check_move (&checklist, tramite->step, move->to_step, move->actor, error);
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

  if (*move->note != '\0')
    return g_strdup_printf (_("Moved from step %d (%s) to step %d (%s). Note: %s"),
                            tramite->step, gest_tramite_step_title (tramite->step),
                            move->to_step, gest_tramite_step_title (move->to_step), move->note);
  return g_strdup_printf (_("Moved from step %d (%s) to step %d (%s)."),
                          tramite->step, gest_tramite_step_title (tramite->step),
                          move->to_step, gest_tramite_step_title (move->to_step));
}

static gboolean
move_as (GestStore         *store,
         const char        *uuid,
         int                to_step,
         const char        *note,
         GestTramiteActor   actor,
         GError           **error)
{
  static const GestRecordChangeSpec spec = {
    TRAMITE_CHANGE,
    .set = "step = ?1, step_since = :now",
    .check = move_check,
    .bind = move_bind,
    .describe = move_describe,
  };
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  Move move = { to_step, clean_note, actor };

  return gest_record_change_run (store, &spec, uuid, &move, error);
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

typedef struct
{
  GestTramiteItem   item;
  GestTramiteActor  actor;
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
  return gest_tramite_rules_check_item (&checklist, tramite->step, check->item, check->actor, error);
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
  ItemCheck check = { item, GEST_TRAMITE_ACTOR_DEALER };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS && item != GEST_TRAMITE_ITEM_PAYMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (gest_store_get_user_role (store) == GEST_ROLE_CONAUTO)
    check.actor = GEST_TRAMITE_ACTOR_CONAUTO;

  /* The column name comes from the constant table above, never from input. */
  set = g_strdup_printf ("%s = :now", item_columns[item]);
  {
    const GestRecordChangeSpec spec = {
      TRAMITE_CHANGE,
      .set = set,
      .check = item_check,
      .describe = item_describe,
    };

    return gest_record_change_run (store, &spec, uuid, &check, error);
  }
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

typedef struct
{
  GestMoney    amount;
  const char  *amount_s;
  const char  *date_iso;
  const char  *date_s;
  const char  *reference;     /* stripped */
  const char  *proof_uuid;    /* may be NULL when recording the payment */
  char        *proof_name;    /* found by the check */
} Payment;

/* The payment and its proof are recorded or corrected up to step 3; the proof must be a
 * payment-proof document of this trámite. */
static gboolean
payment_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  const GestTramite *tramite = record;
  Payment *payment = user_data;
  GestTramiteChecklist checklist;

  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_item (&checklist, tramite->step, GEST_TRAMITE_ITEM_PAYMENT,
                                      GEST_TRAMITE_ACTOR_DEALER, error))
    return FALSE;
  if (payment->proof_uuid == NULL)
    return TRUE;
  payment->proof_name = lookup_proof (store, tramite->uuid, payment->proof_uuid, error);
  return payment->proof_name != NULL;
}

static void
payment_bind (sqlite3_stmt  *stmt,
              gconstpointer  record,
              gpointer       user_data)
{
  Payment *payment = user_data;

  sqlite3_bind_int64 (stmt, 1, payment->amount);
  sqlite3_bind_text (stmt, 2, payment->date_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, payment->reference, -1, SQLITE_STATIC);
  if (payment->proof_uuid != NULL)
    sqlite3_bind_text (stmt, 4, payment->proof_uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
}

static char *
payment_describe (gconstpointer record,
                  gpointer      user_data)
{
  const GestTramite *tramite = record;
  Payment *payment = user_data;

  if (tramite->has_payment && payment->proof_name != NULL)
    return g_strdup_printf (_("Customer payment corrected: %s on %s, reference %s, proof %s."),
                            payment->amount_s, payment->date_s, payment->reference, payment->proof_name);
  if (tramite->has_payment)
    return g_strdup_printf (_("Customer payment corrected: %s on %s, reference %s."),
                            payment->amount_s, payment->date_s, payment->reference);
  if (payment->proof_name != NULL)
    return g_strdup_printf (_("Customer payment received: %s on %s, reference %s, proof %s."),
                            payment->amount_s, payment->date_s, payment->reference, payment->proof_name);
  return g_strdup_printf (_("Customer payment received: %s on %s, reference %s."),
                          payment->amount_s, payment->date_s, payment->reference);
}

static void
proof_bind (sqlite3_stmt  *stmt,
            gconstpointer  record,
            gpointer       user_data)
{
  Payment *payment = user_data;

  sqlite3_bind_text (stmt, 1, payment->proof_uuid, -1, SQLITE_STATIC);
}

static char *
proof_describe (gconstpointer record,
                gpointer      user_data)
{
  Payment *payment = user_data;

  return g_strdup_printf (_("Payment proof linked: %s."), payment->proof_name);
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
  static const GestRecordChangeSpec spec = {
    TRAMITE_CHANGE,
    .set = "payment_amount = ?1, payment_date = ?2, payment_reference = ?3, "
           "payment_proof_uuid = coalesce (?4, payment_proof_uuid)",
    .check = payment_check,
    .bind = payment_bind,
    .describe = payment_describe,
  };
  g_autofree char *clean_reference = NULL;
  g_autofree char *amount_s = NULL;
  g_autofree char *date_s = NULL;
  g_autofree char *date_iso = NULL;
  Payment payment = { 0 };
  GDate today;
  gboolean ok;

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

  date_iso = gest_date_to_iso (date);
  payment.amount = amount;
  payment.amount_s = amount_s;
  payment.date_iso = date_iso;
  payment.date_s = date_s;
  payment.reference = clean_reference;
  payment.proof_uuid = proof_document_uuid;
  ok = gest_record_change_run (store, &spec, uuid, &payment, error);
  g_free (payment.proof_name);
  return ok;
}

gboolean
gest_tramite_link_payment_proof (GestStore   *store,
                                 const char  *uuid,
                                 const char  *document_uuid,
                                 GError     **error)
{
  static const GestRecordChangeSpec spec = {
    TRAMITE_CHANGE,
    .set = "payment_proof_uuid = ?1",
    .check = payment_check,
    .bind = proof_bind,
    .describe = proof_describe,
  };
  Payment payment = { 0 };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (document_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  payment.proof_uuid = document_uuid;
  ok = gest_record_change_run (store, &spec, uuid, &payment, error);
  g_free (payment.proof_name);
  return ok;
}
