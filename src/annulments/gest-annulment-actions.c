/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-private.h"
#include "gest-annulment-workflow.h"
#include "gest-annulments-domain.h"
#include "gest-cfdi.h"
#include "gest-complaint.h"
#include "gest-error.h"
#include "gest-mail-outbox.h"

/* Every step goes through gest_record_change_run(): the stage, the role and the documents are
 * checked on the row as stored now, inside the write transaction. In each spec's @set the
 * numbered parameter comes before :now, which would otherwise take its number. */

typedef struct
{
  char *user;          /* who acts: recorded as approved_by, registered_by... */
  char *recipient;     /* send */
  char *subject;       /* send */
  char *outbox_uuid;   /* send */
} Step;

static void
step_clear (Step *step)
{
  g_free (step->user);
  g_free (step->recipient);
  g_free (step->subject);
  g_free (step->outbox_uuid);
}

/* A refusal for a step asked at the wrong stage: @format names the folio and the stage. A
 * macro, so the compiler checks each format against its arguments. */
#define refuse_stage(annulment, format, error) \
  (g_set_error ((error), GEST_ERROR, GEST_ERROR_REFUSED, (format), (annulment)->folio, \
                gest_annulment_stage_title ((annulment)->stage)), FALSE)

static void
step_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Step *step = user_data;

  sqlite3_bind_text (stmt, 1, step->user, -1, SQLITE_STATIC);
}

/* --- Q1: send ------------------------------------------------------------------------- */

static char *
head_email (GestStore  *store,
            GError    **error)
{
  g_autofree char *setting = gest_store_get_setting (store, "annulments.head-email");
  char *email = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (setting != NULL && *g_strstrip (setting) != '\0')
    return g_steal_pointer (&setting);
  stmt = gest_store_prepare (store,
                             "SELECT email FROM users WHERE role = 'cs-head' AND active = 1"
                             " AND deleted = 0 AND email <> '' ORDER BY name, uuid LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    email = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  if (email == NULL)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("There is no head of customer service with an email to send the request to: give the head’s user an email in Preferences › Users, or set the annulments’ head email."));
  return email;
}

static char *
request_body (const GestAnnulment *annulment)
{
  g_autofree char *costs = gest_money_format (annulment->costs_amount);

  return g_strdup_printf (_("Annulment request %s\n\n"
                            "Customer: %s\n"
                            "City: %s\n"
                            "Invoice: %s\n"
                            "CFDI folio fiscal: %s\n"
                            "Cancellation reason: %s\n"
                            "Substituting CFDI: %s\n"
                            "Administrative costs: %s\n"
                            "Re-invoicing: %s\n\n"
                            "Attached: the memo, the original invoice, the customer’s letter, the answer letter and the contact-actions report.\n"
                            "Approve it in Gestiona › Annulments."),
                          annulment->folio, annulment->customer_name, annulment->city,
                          annulment->invoice_number, annulment->cfdi_uuid,
                          gest_cfdi_reason_label (annulment->cancel_reason),
                          annulment->substitute_cfdi_uuid != NULL ? annulment->substitute_cfdi_uuid : _("none"),
                          annulment->with_costs ? costs : _("none"),
                          annulment->reinvoice ? _("yes") : _("no"));
}

static gboolean
send_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestAnnulment *annulment = record;
  Step *step = user_data;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new ();
  g_autofree char *body = NULL;

  if (annulment->stage != GEST_ANNULMENT_REQUEST)
    return refuse_stage (annulment, _("Annulment %s was sent already (it is at “%s”)."), error);
  if (!gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_REQUEST, error) ||
      !gest_annulment_check_request (annulment, error))
    return FALSE;
  step->recipient = head_email (store, error);
  if (step->recipient == NULL)
    return FALSE;
  for (guint i = 0; i < GEST_ANNULMENT_N_REQUEST_DOCS; i++)
    g_ptr_array_add (attachments, annulment->docs[i].document_uuid);
  step->subject = gest_annulment_mail_subject (annulment->customer_name, annulment->city);
  body = request_body (annulment);
  return gest_mail_outbox_queue (store, GEST_ANNULMENTS_MODULE_ID, GEST_ANNULMENT_MAIL_REQUEST,
                                 annulment->uuid, step->recipient, step->subject, body,
                                 attachments, &step->outbox_uuid, error);
}

static void
send_bind (sqlite3_stmt  *stmt,
           gconstpointer  record,
           gpointer       user_data)
{
  Step *step = user_data;

  sqlite3_bind_text (stmt, 1, step->outbox_uuid, -1, SQLITE_STATIC);
}

static char *
send_describe (gconstpointer record,
               gpointer      user_data)
{
  Step *step = user_data;

  return g_strdup_printf (_("Request sent to the head of customer service (%s) with its five documents: “%s”."),
                          step->recipient, step->subject);
}

gboolean
gest_annulment_send (GestStore   *store,
                     const char  *uuid,
                     GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "email_outbox_uuid = ?1, stage = 1, stage_since = :now, sent_at = :now",
    .check = send_check,
    .bind = send_bind,
    .describe = send_describe,
  };
  Step step = { 0 };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  ok = gest_record_change_run (store, &spec, uuid, &step, error);
  step_clear (&step);
  return ok;
}

/* --- Q2, Q4: the head approves ---------------------------------------------------------- */

static gboolean
approve_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  const GestAnnulment *annulment = record;
  const GestAnnulmentDocStatus *acceptance = &annulment->docs[GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE];

  if (annulment->stage != GEST_ANNULMENT_SENT)
    return refuse_stage (annulment,
                         _("Annulment %s is at “%s”: the head of customer service approves it once the request was sent (“Sent”)."),
                         error);
  if (!gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_APPROVE, error))
    return FALSE;
  if (annulment->with_costs && (acceptance->document_uuid == NULL || !acceptance->right_format))
    {
      g_autofree char *costs = gest_money_format (annulment->costs_amount);

      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Annulment %s charges administrative costs (%s): attach the customer’s signed acceptance of the costs (a scan, PDF or image) before approving it."),
                   annulment->folio, costs);
      return FALSE;
    }
  return TRUE;
}

static char *
approve_describe (gconstpointer record,
                  gpointer      user_data)
{
  return g_strdup (_("Annulment approved by the head of customer service."));
}

gboolean
gest_annulment_approve (GestStore   *store,
                        const char  *uuid,
                        GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "approved_by = ?1, stage = 2, stage_since = :now, approved_at = :now",
    .check = approve_check,
    .bind = step_bind,
    .describe = approve_describe,
  };
  Step step = { 0 };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  step.user = gest_store_get_user_name (store);
  ok = gest_record_change_run (store, &spec, uuid, &step, error);
  step_clear (&step);
  return ok;
}

/* --- Q2: the coordinator registers the customer in the annulled list ----------------------- */

static gboolean
register_check (GestStore      *store,
                gconstpointer   record,
                gpointer        user_data,
                GError        **error)
{
  const GestAnnulment *annulment = record;
  Step *step = user_data;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (annulment->stage != GEST_ANNULMENT_APPROVED)
    return refuse_stage (annulment,
                         _("Annulment %s is at “%s”: the customer is registered in the annulled list once the head of customer service approved it (“Approved”)."),
                         error);
  if (!gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_REGISTER, error))
    return FALSE;
  uuid = gest_uuid_new ();
  stmt = gest_store_prepare (store,
                             "INSERT INTO annulled_customers (uuid, customer_uuid, annulment_uuid,"
                             " registered_by, registered_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, annulment->customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, annulment->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, step->user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static char *
register_describe (gconstpointer record,
                   gpointer      user_data)
{
  const GestAnnulment *annulment = record;

  return g_strdup_printf (_("Customer %s registered in the annulled list."), annulment->customer_name);
}

gboolean
gest_annulment_register (GestStore   *store,
                         const char  *uuid,
                         GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "registered_by = ?1, stage = 3, stage_since = :now, registered_at = :now",
    .check = register_check,
    .bind = step_bind,
    .describe = register_describe,
  };
  Step step = { 0 };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  step.user = gest_store_get_user_name (store);
  ok = gest_record_change_run (store, &spec, uuid, &step, error);
  step_clear (&step);
  return ok;
}

/* --- Q3: the coordinator approves the re-invoicing --------------------------------------- */

static gboolean
reinvoice_check (GestStore      *store,
                 gconstpointer   record,
                 gpointer        user_data,
                 GError        **error)
{
  const GestAnnulment *annulment = record;

  if (!annulment->reinvoice)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Annulment %s has no re-invoicing: once the customer is in the annulled list, file the memo with its stamped copy."),
                   annulment->folio);
      return FALSE;
    }
  if (annulment->stage != GEST_ANNULMENT_REGISTERED)
    return refuse_stage (annulment,
                         _("Annulment %s is at “%s”: the re-invoicing is approved once the customer is in the annulled list (“Registered”)."),
                         error);
  return gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_REINVOICE, error);
}

static char *
reinvoice_describe (gconstpointer record,
                    gpointer      user_data)
{
  return g_strdup (_("Re-invoicing approved by the customer-service coordinator."));
}

gboolean
gest_annulment_approve_reinvoice (GestStore   *store,
                                  const char  *uuid,
                                  GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "reinvoice_approved_by = ?1, stage = 4, stage_since = :now, reinvoice_approved_at = :now",
    .check = reinvoice_check,
    .bind = step_bind,
    .describe = reinvoice_describe,
  };
  Step step = { 0 };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  step.user = gest_store_get_user_name (store);
  ok = gest_record_change_run (store, &spec, uuid, &step, error);
  step_clear (&step);
  return ok;
}

/* --- Q3, Q12: filed with the stamped memo ------------------------------------------------ */

static gboolean
file_check (GestStore      *store,
            gconstpointer   record,
            gpointer        user_data,
            GError        **error)
{
  const GestAnnulment *annulment = record;
  const GestAnnulmentDocStatus *stamped = &annulment->docs[GEST_ANNULMENT_DOC_STAMPED_MEMO];

  if (annulment->reinvoice && annulment->stage != GEST_ANNULMENT_REINVOICE_APPROVED)
    return refuse_stage (annulment,
                         _("Annulment %s is at “%s”: it is filed once the customer-service coordinator approved the re-invoicing (“Re-invoicing approved”)."),
                         error);
  if (!annulment->reinvoice && annulment->stage != GEST_ANNULMENT_REGISTERED)
    return refuse_stage (annulment,
                         _("Annulment %s is at “%s”: it is filed once the customer is in the annulled list (“Registered”)."),
                         error);
  if (!gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_FILE, error))
    return FALSE;
  if (stamped->document_uuid == NULL || !stamped->right_format)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Annulment %s cannot be filed yet: attach the copy of the memo stamped by billing (a scan, PDF or image)."),
                   annulment->folio);
      return FALSE;
    }
  /* Q12: the complaint the annulment ends closes with it, in this transaction. */
  if (annulment->complaint_uuid != NULL)
    return gest_complaint_annulment_filed (store, annulment->complaint_uuid, annulment->folio, error);
  return TRUE;
}

static char *
file_describe (gconstpointer record,
               gpointer      user_data)
{
  const GestAnnulment *annulment = record;

  return g_strdup_printf (_("Memo filed with billing; its stamped copy is attached (“%s”)."),
                          annulment->docs[GEST_ANNULMENT_DOC_STAMPED_MEMO].filename);
}

gboolean
gest_annulment_file (GestStore   *store,
                     const char  *uuid,
                     GError     **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "stage = 5, stage_since = :now, filed_at = :now",
    .check = file_check,
    .describe = file_describe,
  };

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return gest_record_change_run (store, &spec, uuid, NULL, error);
}
