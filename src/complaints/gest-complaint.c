/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-plan-statement.h"

/* Column order shared by every load; see read_row(). */
#define SELECT_COMPLAINT \
  "SELECT q.uuid, q.folio, q.kind, q.channel, q.stage, q.stage_since, q.customer_uuid, " \
  "       c.name, c.email, coalesce (nullif (c.phone_mobile, ''), nullif (c.phone_home, ''), c.phone_work), c.city, " \
  "       q.plan_uuid, p.number, q.vehicle_uuid, v.model, v.year, v.vin, q.invoice_number, " \
  "       q.complainant_name, q.complainant_role, q.summary, q.letter_document_uuid, " \
  "       q.responsible_uuid, ru.name, q.in_process_sent_at, q.in_process_channel, " \
  "       q.document_status, q.advisor_name, q.commercial_coordinator, q.last_log_at, " \
  "       q.last_log_day, q.waiting_customer, q.first_response_at, q.response_due_at, " \
  "       q.resolution_due_at, q.sla_state, q.solution, au.name, q.solution_approved_at, " \
  "       q.answer_sent_at, q.answer_document_uuid, q.receipt_confirmed_at, q.acceptance_call_at, " \
  "       q.acceptance_note, q.cause_uuid, cc.label, q.error_uuid, ce.label, q.area_uuid, ca.label, " \
  "       q.closed_at, q.reopened_count, q.annulment_uuid, q.created_at, q.updated_at, " \
  "       q.solution_approved_by " \
  "FROM complaints q " \
  "JOIN customers c ON c.uuid = q.customer_uuid " \
  "LEFT JOIN plans p ON p.uuid = q.plan_uuid " \
  "LEFT JOIN vehicles v ON v.uuid = q.vehicle_uuid " \
  "LEFT JOIN users ru ON ru.uuid = q.responsible_uuid " \
  "LEFT JOIN users au ON au.uuid = q.solution_approved_by " \
  "LEFT JOIN complaint_catalog cc ON cc.uuid = q.cause_uuid " \
  "LEFT JOIN complaint_catalog ce ON ce.uuid = q.error_uuid " \
  "LEFT JOIN complaint_catalog ca ON ca.uuid = q.area_uuid "

static const char * const kind_ids[] = { "complaint", "claim" };
static const char * const kind_labels[] = { N_("Complaint"), N_("Claim") };
static const char * const channel_ids[] = { "phone", "writing" };
static const char * const channel_labels[] = { N_("By phone"), N_("In writing") };
static const char * const status_codes[GEST_N_DOCUMENT_STATUSES] = { "OG", "AA", "AN", "PR", "PN" };
/* Q6: the codes of the plan's document. The seed names them without saying what they mean;
 * these meanings are our reading of them, to be confirmed with the dealer's customer service
 * (the closing note of issue 13 says so). */
static const char * const status_meanings[GEST_N_DOCUMENT_STATUSES] = {
  N_("Original: the original document is on file at the dealership."),
  N_("Awarded, active: the plan was awarded and the document is in force."),
  N_("Annulled: the document was annulled."),
  N_("In process: the document is being processed."),
  N_("Pending: the document has not been issued or delivered yet."),
};

const char *
gest_complaint_stage_label (GestComplaintStage stage)
{
  return gest_complaint_workflow_stage_title ((int) stage);
}

const char *
gest_complaint_kind_id (GestComplaintKind kind)
{
  g_return_val_if_fail (kind <= GEST_COMPLAINT_KIND_CLAIM, NULL);
  return kind_ids[kind];
}

const char *
gest_complaint_kind_label (GestComplaintKind kind)
{
  g_return_val_if_fail (kind <= GEST_COMPLAINT_KIND_CLAIM, NULL);
  return _(kind_labels[kind]);
}

gboolean
gest_complaint_kind_from_id (const char        *id,
                             GestComplaintKind *out)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_str_equal (id, kind_ids[i]))
      {
        if (out != NULL)
          *out = (GestComplaintKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gest_complaint_channel_id (GestComplaintChannel channel)
{
  g_return_val_if_fail (channel <= GEST_COMPLAINT_CHANNEL_WRITING, NULL);
  return channel_ids[channel];
}

const char *
gest_complaint_channel_label (GestComplaintChannel channel)
{
  g_return_val_if_fail (channel <= GEST_COMPLAINT_CHANNEL_WRITING, NULL);
  return _(channel_labels[channel]);
}

gboolean
gest_complaint_channel_from_id (const char           *id,
                                GestComplaintChannel *out)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (channel_ids); i++)
    if (g_str_equal (id, channel_ids[i]))
      {
        if (out != NULL)
          *out = (GestComplaintChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gest_document_status_code (GestDocumentStatus status)
{
  g_return_val_if_fail (status < GEST_N_DOCUMENT_STATUSES, NULL);
  return status_codes[status];
}

const char *
gest_document_status_meaning (GestDocumentStatus status)
{
  g_return_val_if_fail (status < GEST_N_DOCUMENT_STATUSES, NULL);
  return _(status_meanings[status]);
}

gboolean
gest_document_status_from_code (const char         *code,
                                GestDocumentStatus *out)
{
  for (guint i = 0; code != NULL && i < GEST_N_DOCUMENT_STATUSES; i++)
    if (g_ascii_strcasecmp (code, status_codes[i]) == 0)
      {
        if (out != NULL)
          *out = (GestDocumentStatus) i;
        return TRUE;
      }
  return FALSE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static GestComplaint *
read_row (sqlite3_stmt *stmt)
{
  GestComplaint *q = g_new0 (GestComplaint, 1);
  g_autofree char *kind = dup_column (stmt, 2);
  g_autofree char *channel = dup_column (stmt, 3);
  g_autofree char *model = dup_column (stmt, 14);
  g_autofree char *vin = dup_column (stmt, 16);
  int c = 0;

  q->uuid = dup_column (stmt, c++);
  q->folio = dup_column (stmt, c++);
  c += 2;
  if (!gest_complaint_kind_from_id (kind, &q->kind))
    q->kind = GEST_COMPLAINT_KIND_COMPLAINT;
  if (!gest_complaint_channel_from_id (channel, &q->channel))
    q->channel = GEST_COMPLAINT_CHANNEL_PHONE;
  q->stage = CLAMP (sqlite3_column_int (stmt, c), 0, GEST_N_COMPLAINT_STAGES - 1); c++;
  q->stage_since = sqlite3_column_int64 (stmt, c++);
  q->customer_uuid = dup_column (stmt, c++);
  q->customer_name = dup_column (stmt, c++);
  q->customer_email = dup_column (stmt, c++);
  q->customer_phone = dup_column (stmt, c++);
  q->customer_city = dup_column (stmt, c++);
  q->plan_uuid = dup_column (stmt, c++);
  q->plan_number = dup_column (stmt, c++);
  q->vehicle_uuid = dup_column (stmt, c++);
  if (q->vehicle_uuid != NULL)
    q->vehicle_label = gest_plan_statement_format_vehicle (model, sqlite3_column_int (stmt, 15), vin);
  c = 17;
  q->invoice_number = dup_column (stmt, c++);
  q->complainant_name = dup_column (stmt, c++);
  q->complainant_role = dup_column (stmt, c++);
  q->summary = dup_column (stmt, c++);
  q->letter_document_uuid = dup_column (stmt, c++);
  q->responsible_uuid = dup_column (stmt, c++);
  q->responsible_name = dup_column (stmt, c++);
  q->in_process_sent_at = sqlite3_column_int64 (stmt, c++);
  q->in_process_channel = dup_column (stmt, c++);
  q->document_status = dup_column (stmt, c++);
  q->advisor_name = dup_column (stmt, c++);
  q->commercial_coordinator = dup_column (stmt, c++);
  q->last_log_at = sqlite3_column_int64 (stmt, c++);
  q->last_log_day = dup_column (stmt, c++);
  q->waiting_customer = sqlite3_column_int (stmt, c++) != 0;
  q->first_response_at = sqlite3_column_int64 (stmt, c++);
  q->response_due_at = sqlite3_column_int64 (stmt, c++);
  q->resolution_due_at = sqlite3_column_int64 (stmt, c++);
  q->sla_state = CLAMP (sqlite3_column_int (stmt, c), 0, 2); c++;
  q->solution = dup_column (stmt, c++);
  q->solution_approved_by_name = dup_column (stmt, c++);
  q->solution_approved_at = sqlite3_column_int64 (stmt, c++);
  q->answer_sent_at = sqlite3_column_int64 (stmt, c++);
  q->answer_document_uuid = dup_column (stmt, c++);
  q->receipt_confirmed_at = sqlite3_column_int64 (stmt, c++);
  q->acceptance_call_at = sqlite3_column_int64 (stmt, c++);
  q->acceptance_note = dup_column (stmt, c++);
  q->cause_uuid = dup_column (stmt, c++);
  q->cause_label = dup_column (stmt, c++);
  q->error_uuid = dup_column (stmt, c++);
  q->error_label = dup_column (stmt, c++);
  q->area_uuid = dup_column (stmt, c++);
  q->area_label = dup_column (stmt, c++);
  q->closed_at = sqlite3_column_int64 (stmt, c++);
  q->reopened_count = sqlite3_column_int (stmt, c++);
  q->annulment_uuid = dup_column (stmt, c++);
  q->created_at = sqlite3_column_int64 (stmt, c++);
  q->updated_at = sqlite3_column_int64 (stmt, c++);
  /* An approval by a user this desktop does not know (synced) still counts. */
  if (q->solution_approved_by_name == NULL && sqlite3_column_type (stmt, c) != SQLITE_NULL)
    q->solution_approved_by_name = dup_column (stmt, c);
  return q;
}

GestComplaint *
gest_complaint_load (GestStore   *store,
                     const char  *uuid,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  GestComplaint *complaint = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = gest_store_prepare (store,
                             SELECT_COMPLAINT "WHERE (q.uuid = ?1 OR q.folio = upper (?1)) AND q.deleted = 0",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    complaint = read_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return complaint;
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
               _("There is no complaint “%s”. Check the folio, or search for the customer."), uuid);
  return NULL;
}

void
gest_complaint_free (GestComplaint *q)
{
  if (q == NULL)
    return;
  g_free (q->uuid);
  g_free (q->folio);
  g_free (q->customer_uuid);
  g_free (q->customer_name);
  g_free (q->customer_email);
  g_free (q->customer_phone);
  g_free (q->customer_city);
  g_free (q->plan_uuid);
  g_free (q->plan_number);
  g_free (q->vehicle_uuid);
  g_free (q->vehicle_label);
  g_free (q->invoice_number);
  g_free (q->complainant_name);
  g_free (q->complainant_role);
  g_free (q->summary);
  g_free (q->letter_document_uuid);
  g_free (q->responsible_uuid);
  g_free (q->responsible_name);
  g_free (q->in_process_channel);
  g_free (q->document_status);
  g_free (q->advisor_name);
  g_free (q->commercial_coordinator);
  g_free (q->last_log_day);
  g_free (q->solution);
  g_free (q->solution_approved_by_name);
  g_free (q->answer_document_uuid);
  g_free (q->acceptance_note);
  g_free (q->cause_uuid);
  g_free (q->cause_label);
  g_free (q->error_uuid);
  g_free (q->error_label);
  g_free (q->area_uuid);
  g_free (q->area_label);
  g_free (q->annulment_uuid);
  g_free (q);
}

gpointer
gest_complaint_change_load (GestStore   *store,
                            const char  *uuid,
                            gint64      *out_version,
                            gpointer     user_data,
                            GError     **error)
{
  GestComplaint *complaint = gest_complaint_load (store, uuid, error);

  if (complaint != NULL)
    *out_version = complaint->updated_at;
  return complaint;
}

gboolean
gest_complaint_change_run (GestStore                  *store,
                           const GestRecordChangeSpec *spec,
                           const char                 *uuid,
                           gpointer                    user_data,
                           GError                    **error)
{
  gboolean own;
  gboolean ok;

  if (!gest_store_begin_change (store, "gest_complaint_sla", &own, error))
    return FALSE;
  ok = gest_record_change_run (store, spec, uuid, user_data, error) &&
       gest_complaint_sla_update (store, uuid, gest_timestamp_now (), error);
  return gest_store_end_change (store, "gest_complaint_sla", own, ok, ok ? error : NULL) && ok;
}

void
gest_complaint_get_facts (const GestComplaint *q,
                          GestComplaintFacts  *out)
{
  out->stage = (int) q->stage;
  out->folio = q->folio;
  out->document_status = q->document_status != NULL && *q->document_status != '\0';
  out->in_process_sent = q->in_process_sent_at != 0;
  out->solution_approved = q->solution_approved_at != 0;
  out->answer_sent = q->answer_sent_at != 0;
  out->acceptance_call = q->acceptance_call_at != 0;
  out->cause = q->cause_uuid != NULL;
  out->error = q->error_uuid != NULL;
  out->area = q->area_uuid != NULL;
  out->annulment = q->annulment_uuid != NULL;
}

char *
gest_complaint_move_refusal (const GestComplaint *complaint,
                             GestComplaintStage   to,
                             const char          *reason)
{
  GestComplaintFacts facts;

  g_return_val_if_fail (complaint != NULL, NULL);

  gest_complaint_get_facts (complaint, &facts);
  return gest_complaint_workflow_refusal (&facts, (int) to, reason, FALSE);
}

char *
gest_complaint_strip (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

char *
gest_complaint_with_reason (char       *text,
                            const char *reason)
{
  char *with = g_strdup_printf (_("%s Reason: %s"), text, reason);

  g_free (text);
  return with;
}

char *
gest_complaint_day_of (gint64 now)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
}

gboolean
gest_complaint_check_active_user (GestStore   *store,
                                  const char  *user_uuid,
                                  const char  *what,
                                  char       **out_name,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (user_uuid == NULL || *user_uuid == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the %s: an active user of the dealership."), what);
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT name, active AND NOT deleted FROM users WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0)
    {
      if (out_name != NULL)
        *out_name = dup_column (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (rc == SQLITE_ROW)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("%s is no longer an active user and cannot be the %s. Choose an active user."),
                 (const char *) sqlite3_column_text (stmt, 0), what);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("The %s chosen is not a user of the dealership. Choose an active user."), what);
  return FALSE;
}
