/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-payment"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-record-change.h"
#include "gest-tramite-private.h"
#include "gest-tramite-values.h"
#include "gest-tramite-workflow.h"

/* T5: the customer's payment of a folio. Its own fields are checked by the form's checks
 * (gest_tramite_payment_check_fields() in gest-tramite-values.c), so a rule exists once; what
 * departs from the statement (an amount other than the agreed one, a date before the folio was
 * registered) needs a reason and the approve permission, checked here on the row as stored. */

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
  const char  *reason;        /* stripped; for a payment that departs from the statement */
  gboolean     recording;     /* the payment itself, not only its proof */
  char        *proof_name;    /* found by the check */
  char        *departure;     /* what departs, for the log; found by the check */
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
                                      GEST_TRAMITE_ACTOR_DEALER, error) ||
      !gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_PAYMENT, error))
    return FALSE;
  if (payment->recording)
    {
      GDate registered;
      GDate date;
      gboolean departs = FALSE;

      gest_tramite_get_registered_date (tramite, &registered);
      gest_date_from_iso (payment->date_iso, &date);
      if (!gest_tramite_rules_check_payment_reason (tramite->agreed_amount, &registered,
                                                    payment->amount, &date, payment->reason,
                                                    &departs, error))
        return FALSE;
      if (departs)
        {
          g_autofree char *difference = gest_tramite_rules_describe_difference (tramite->agreed_amount,
                                                                               payment->amount);

          if (!gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_APPROVE, error))
            return FALSE;
          if (difference != NULL)
            payment->departure = g_strdup_printf (_("Approved a payment %s."), difference);
          else
            payment->departure = g_strdup (_("Approved a payment dated before the folio was registered."));
        }
    }
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

static char *payment_describe_plain (gconstpointer record,
                                     gpointer      user_data);

static char *
payment_describe (gconstpointer record,
                  gpointer      user_data)
{
  Payment *payment = user_data;
  char *text = payment_describe_plain (record, user_data);
  char *with;

  if (payment->departure == NULL)
    return text;
  with = g_strdup_printf ("%s %s", text, payment->departure);
  g_free (text);
  return gest_tramite_log_with_reason (with, payment->reason);
}

static char *
payment_describe_plain (gconstpointer record,
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
gest_tramite_record_payment_full (GestStore    *store,
                                  const char   *uuid,
                                  GestMoney     amount,
                                  const GDate  *date,
                                  const char   *reference,
                                  const char   *proof_document_uuid,
                                  const char   *reason,
                                  GError      **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_TRAMITE_CHANGE,
    .set = "payment_amount = ?1, payment_date = ?2, payment_reference = ?3, "
           "payment_proof_uuid = coalesce (?4, payment_proof_uuid)",
    .check = payment_check,
    .bind = payment_bind,
    .describe = payment_describe,
  };
  g_autofree char *clean_reference = NULL;
  g_autofree char *clean_reason = NULL;
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
  clean_reference = g_strstrip (g_strdup (reference != NULL ? reference : ""));
  clean_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (!gest_tramite_payment_check_fields (amount, date, clean_reference, &today, error))
    return FALSE;

  amount_s = gest_money_format (amount);
  date_s = gest_date_format (date);
  date_iso = gest_date_to_iso (date);
  payment.amount = amount;
  payment.amount_s = amount_s;
  payment.date_iso = date_iso;
  payment.date_s = date_s;
  payment.reference = clean_reference;
  payment.proof_uuid = proof_document_uuid;
  payment.reason = clean_reason;
  payment.recording = TRUE;
  ok = gest_record_change_run (store, &spec, uuid, &payment, error);
  g_free (payment.proof_name);
  g_free (payment.departure);
  return ok;
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
  return gest_tramite_record_payment_full (store, uuid, amount, date, reference,
                                           proof_document_uuid, NULL, error);
}

gboolean
gest_tramite_link_payment_proof (GestStore   *store,
                                 const char  *uuid,
                                 const char  *document_uuid,
                                 GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_TRAMITE_CHANGE,
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
  payment.reason = "";
  ok = gest_record_change_run (store, &spec, uuid, &payment, error);
  g_free (payment.proof_name);
  return ok;
}
