/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-letter"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-complaint-letter.h"
#include "gest-complaint-private.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-error.h"
#include "gest-letter-pdf.h"
#include "gest-mail-outbox.h"
#include "gest-permissions.h"
#include "gest-roles.h"

typedef struct
{
  const char *channel;
  const char *recipient;
} InProcess;

static const GestTemplatePlaceholder placeholders[] = {
  { "customer.name", N_("Customer’s name") },
  { "customer.email", N_("Customer’s email") },
  { "customer.phone", N_("Customer’s phone") },
  { "customer.city", N_("Customer’s city") },
  { "complaint.folio", N_("Folio of the case") },
  { "complaint.kind", N_("Complaint or claim") },
  { "complaint.date", N_("Day the case was received") },
  { "complaint.summary", N_("Summary of the case") },
  { "complaint.complainant", N_("Person who complains") },
  { "complaint.solution", N_("Approved solution") },
  { "plan.number", N_("Plan number") },
  { "vehicle", N_("Vehicle") },
  { "invoice.number", N_("Invoice number") },
  { "responsible.name", N_("Responsible for the case") },
  { "user.name", N_("Signed-in user") },
  { "dealer.name", N_("Dealer’s name") },
  { "dealer.phones", N_("Dealer’s phones") },
  { "today", N_("Today’s date in words") },
};

static const GestTemplateKind kinds[] = {
  { GEST_COMPLAINT_TEMPLATE_IN_PROCESS, N_("“In process” message"), GEST_PERMISSION_EDIT_TEMPLATES,
    placeholders, G_N_ELEMENTS (placeholders) },
  { GEST_COMPLAINT_TEMPLATE_ANSWER, N_("Answer letter"), GEST_PERMISSION_EDIT_TEMPLATES,
    placeholders, G_N_ELEMENTS (placeholders) },
};

/* The default texts are Spanish on purpose: they go to the dealer's customers. */
static const struct
{
  const char *kind;
  const char *name;
  const char *subject;
  const char *body;
} defaults[] = {
  { GEST_COMPLAINT_TEMPLATE_IN_PROCESS, "Mensaje de caso en proceso",
    "Su caso {{complaint.folio}} está en proceso",
    "Estimado(a) {{customer.name}}:\n\n"
    "Recibimos su {{complaint.kind}} con folio {{complaint.folio}} el {{complaint.date}}. Le informamos "
    "que su caso está en proceso de atención y que {{responsible.name}} le dará seguimiento.\n\n"
    "Nos comunicaremos con usted en cuanto tengamos una respuesta. Para cualquier duda, llámenos al "
    "{{dealer.phones}} e indique su folio.\n\n"
    "Atentamente,\n{{dealer.name}}" },
  { GEST_COMPLAINT_TEMPLATE_ANSWER, "Carta respuesta",
    "Respuesta a su {{complaint.kind}} con folio {{complaint.folio}}",
    "Estimado(a) {{customer.name}}:\n\n"
    "En atención a su {{complaint.kind}} recibida el {{complaint.date}}, relativa a: {{complaint.summary}}\n\n"
    "Le informamos que, después de analizar su caso con las áreas involucradas, la solución es la "
    "siguiente: {{complaint.solution}}\n\n"
    "Le agradecemos su confianza. Quedamos a sus órdenes en el teléfono {{dealer.phones}} para "
    "cualquier aclaración, indicando su folio {{complaint.folio}}." },
};

static void
put (GHashTable *values,
     const char *name,
     const char *value)
{
  g_hash_table_insert (values, (gpointer) name, g_strdup (value != NULL ? value : ""));
}

static char *
day_of (gint64 unix_usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) zone = gest_dealer_timezone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%d/%m/%Y");
}

static gboolean
in_process_check (GestStore      *store,
                  gconstpointer   record,
                  gpointer        user_data,
                  GError        **error)
{
  const GestComplaint *complaint = record;

  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_WORK, error))
    return FALSE;
  if (complaint->stage == GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s is closed: reopen it before sending the “in process” message."),
                   complaint->folio);
      return FALSE;
    }
  return TRUE;
}

static void
in_process_bind (sqlite3_stmt  *stmt,
                 gconstpointer  record,
                 gpointer       user_data)
{
  InProcess *in_process = user_data;

  sqlite3_bind_text (stmt, 1, in_process->channel, -1, SQLITE_STATIC);
}

static char *
in_process_describe (gconstpointer record,
                     gpointer      user_data)
{
  InProcess *in_process = user_data;

  if (g_str_equal (in_process->channel, "email"))
    return g_strdup_printf (_("“In process” message sent by email to %s."), in_process->recipient);
  return g_strdup (_("“In process” message given to the customer by phone."));
}

void
gest_complaint_letter_register_kinds (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      gest_template_kinds_add (kinds, G_N_ELEMENTS (kinds));
      g_once_init_leave (&once, 1);
    }
}

GHashTable *
gest_complaint_letter_values (GestStore           *store,
                              const GestComplaint *complaint)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *created = day_of (complaint->created_at);
  g_autofree char *dealer_name = gest_store_get_setting (store, "dealer.name");
  g_autofree char *dealer_phones = gest_store_get_setting (store, "dealer.phones");
  g_autofree char *user_name = gest_store_get_user_name (store);
  g_autofree char *today_words = NULL;
  GDate today;

  gest_date_today (&today);
  today_words = gest_letter_format_date (NULL, &today);
  put (values, "customer.name", complaint->customer_name);
  put (values, "customer.email", complaint->customer_email);
  put (values, "customer.phone", complaint->customer_phone);
  put (values, "customer.city", complaint->customer_city);
  put (values, "complaint.folio", complaint->folio);
  put (values, "complaint.kind", complaint->kind == GEST_COMPLAINT_KIND_CLAIM ? "reclamo" : "queja");
  put (values, "complaint.date", created);
  put (values, "complaint.summary", complaint->summary);
  put (values, "complaint.complainant", complaint->complainant_name);
  put (values, "complaint.solution", complaint->solution);
  put (values, "plan.number", complaint->plan_number);
  put (values, "vehicle", complaint->vehicle_label);
  put (values, "invoice.number", complaint->invoice_number);
  put (values, "responsible.name", complaint->responsible_name);
  put (values, "user.name", user_name);
  put (values, "dealer.name", dealer_name);
  put (values, "dealer.phones", dealer_phones);
  put (values, "today", today_words);
  return values;
}

GestTemplateRecord *
gest_complaint_letter_default (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_strcmp0 (defaults[i].kind, kind) == 0)
      {
        GestTemplateRecord *record = g_new0 (GestTemplateRecord, 1);

        record->kind = g_strdup (defaults[i].kind);
        record->name = g_strdup (defaults[i].name);
        record->subject = g_strdup (defaults[i].subject);
        record->body = g_strdup (defaults[i].body);
        return record;
      }
  g_return_val_if_reached (NULL);
}

GPtrArray *
gest_complaint_letter_templates (GestStore   *store,
                                 const char  *kind,
                                 GError     **error)
{
  GPtrArray *records;

  gest_complaint_letter_register_kinds ();
  records = gest_templates_list (store, kind, error);
  if (records != NULL && records->len == 0)
    g_ptr_array_add (records, gest_complaint_letter_default (kind));
  return records;
}

gboolean
gest_complaint_letter_ensure_defaults (GestStore  *store,
                                       GError    **error)
{
  gboolean own = FALSE;
  gboolean ok;

  gest_complaint_letter_register_kinds ();
  if (!gest_store_begin_change (store, "complaint_letter_defaults", &own, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(GPtrArray) stored = gest_templates_list (store, defaults[i].kind, error);
      g_autofree char *uuid = NULL;
      g_autofree char *text = NULL;
      sqlite3_stmt *stmt;

      ok = stored != NULL;
      if (!ok || stored->len > 0)
        continue;
      /* The defaults are the module's, not a user's edit: no permission to create them. */
      stmt = gest_store_prepare_cached (store,
                                        "INSERT INTO templates (uuid, kind, name, subject, body, updated_at) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
      if (!ok)
        continue;
      uuid = g_uuid_string_random ();
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, defaults[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, defaults[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, defaults[i].subject, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, defaults[i].body, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "%s", sqlite3_errmsg (gest_store_get_db (store)));
      sqlite3_reset (stmt);
      text = g_strdup_printf (_("Default template “%s” created."), defaults[i].name);
      ok = ok && gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  return gest_store_end_change (store, "complaint_letter_defaults", own, ok, ok ? error : NULL) && ok;
}

gboolean
gest_complaint_send_in_process (GestStore                *store,
                                const char               *complaint_uuid,
                                const GestTemplateRecord *template_,
                                const char               *channel,
                                GError                  **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_COMPLAINT_CHANGE,
    /* ?1 before :now: a named parameter takes the next free number. */
    .set = "in_process_channel = ?1, in_process_sent_at = :now",
    .check = in_process_check,
    .bind = in_process_bind,
    .describe = in_process_describe,
  };
  g_autoptr(GestComplaint) complaint = NULL;
  InProcess in_process = { channel, NULL };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (complaint_uuid != NULL, FALSE);
  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (channel, "email") == 0 || g_strcmp0 (channel, "phone") == 0, FALSE);

  gest_complaint_letter_register_kinds ();
  if (!gest_store_begin_change (store, "complaint_in_process", &own, error))
    return FALSE;
  complaint = gest_complaint_load (store, complaint_uuid, error);
  ok = complaint != NULL && gest_complaint_letter_ensure_defaults (store, error);
  if (ok && g_str_equal (channel, "email"))
    {
      g_autoptr(GHashTable) values = gest_complaint_letter_values (store, complaint);
      g_autofree char *subject = gest_template_resolve (template_->subject, values, GEST_TEMPLATE_PLAIN);
      g_autofree char *body = gest_template_resolve (template_->body, values, GEST_TEMPLATE_PLAIN);

      in_process.recipient = complaint->customer_email;
      if (complaint->customer_email == NULL || complaint->customer_email[0] == '\0')
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                       _("%s has no email address: add it to the customer, or give the message by phone "
                         "and record it so."), complaint->customer_name);
          ok = FALSE;
        }
      ok = ok && gest_mail_outbox_queue (store, "complaints", "in-process", complaint_uuid,
                                         complaint->customer_email, subject, body, NULL, NULL, error);
    }
  ok = ok && gest_complaint_change_run (store, &spec, complaint_uuid, &in_process, error);
  return gest_store_end_change (store, "complaint_in_process", own, ok, ok ? error : NULL) && ok;
}

struct _GestComplaintLetterParts
{
  GestLetterHead *head;
  GDate           date;
  char           *folio;
  char           *recipient;
  char           *subject;
  char           *body;
  char           *signature;
};

void
gest_complaint_letter_parts_free (GestComplaintLetterParts *parts)
{
  if (parts == NULL)
    return;
  gest_letter_head_free (parts->head);
  g_free (parts->folio);
  g_free (parts->recipient);
  g_free (parts->subject);
  g_free (parts->body);
  g_free (parts->signature);
  g_free (parts);
}

GestComplaintLetterParts *
gest_complaint_answer_letter_prepare (GestStore                *store,
                                      const GestComplaint      *complaint,
                                      const GestTemplateRecord *template_)
{
  g_autoptr(GHashTable) values = gest_complaint_letter_values (store, complaint);
  GestComplaintLetterParts *parts = g_new0 (GestComplaintLetterParts, 1);
  g_autofree char *user_name = gest_store_get_user_name (store);

  parts->head = gest_letter_head_load (store);
  gest_date_today (&parts->date);
  parts->folio = g_strdup (complaint->folio);
  parts->subject = gest_template_resolve (template_->subject, values, GEST_TEMPLATE_PLAIN);
  parts->body = gest_template_resolve (template_->body, values, GEST_TEMPLATE_MARKUP);
  if (complaint->customer_city != NULL && complaint->customer_city[0] != '\0')
    parts->recipient = g_strdup_printf ("%s\n%s", complaint->customer_name, complaint->customer_city);
  else
    parts->recipient = g_strdup (complaint->customer_name);
  if (complaint->complainant_name != NULL && complaint->complainant_name[0] != '\0' &&
      g_strcmp0 (complaint->complainant_name, complaint->customer_name) != 0)
    {
      char *with = g_strdup_printf ("%s\nAt’n: %s", parts->recipient, complaint->complainant_name);

      g_free (parts->recipient);
      parts->recipient = with;
    }
  parts->signature = g_strdup_printf ("Atentamente\n\n\n%s\n%s", user_name != NULL ? user_name : "",
                                      parts->head->name != NULL ? parts->head->name : "");
  return parts;
}

GBytes *
gest_complaint_answer_letter_parts_render (const GestComplaintLetterParts  *parts,
                                           GError                         **error)
{
  GestLetter letter = { 0 };

  letter.head = parts->head;
  letter.date = parts->date;
  letter.folio = parts->folio;
  letter.recipient = parts->recipient;
  letter.subject = parts->subject;
  letter.body = parts->body;
  letter.signature = parts->signature;
  return gest_letter_pdf_render (&letter, error);
}

GBytes *
gest_complaint_answer_letter_render (GestStore                *store,
                                     const GestComplaint      *complaint,
                                     const GestTemplateRecord *template_,
                                     GError                  **error)
{
  g_autoptr(GestComplaintLetterParts) parts = gest_complaint_answer_letter_prepare (store, complaint, template_);

  return gest_complaint_answer_letter_parts_render (parts, error);
}

/* Stores @pdf as the case's answer-letter document, in the caller's transaction. */
static char *
store_pdf (GestStore    *store,
           const char   *complaint_uuid,
           const char   *folio,
           GBytes       *pdf,
           GError      **error)
{
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GestDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = g_strdup_printf ("Carta respuesta %s.pdf", folio);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  dir = g_dir_make_tmp ("gestiona-letter-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The letter could not be written to a temporary file: %s"),
                   local_error->message);
      return NULL;
    }
  path = g_build_filename (dir, name, NULL);
  if (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &local_error))
    {
      file = g_file_new_for_path (path);
      document = gest_document_store_add (documents, complaint_uuid, file, GEST_DOCUMENT_KIND_ANSWER_LETTER,
                                          NULL, error);
    }
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The letter could not be written to a temporary file: %s"),
                 local_error->message);
  g_unlink (path);
  g_rmdir (dir);
  return document != NULL ? g_strdup (gest_document_get_uuid (document)) : NULL;
}

gboolean
gest_complaint_answer_letter_sent (GestStore                *store,
                                   const char               *complaint_uuid,
                                   const GestTemplateRecord *template_,
                                   GBytes                   *pdf,
                                   const char               *how,
                                   const char               *copied_to,
                                   char                    **out_document_uuid,
                                   GError                  **error)
{
  g_autoptr(GestComplaint) complaint = NULL;
  g_autofree char *document_uuid = NULL;
  gboolean email = g_strcmp0 (how, "email") == 0;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (complaint_uuid != NULL && template_ != NULL && pdf != NULL, FALSE);
  g_return_val_if_fail (email || g_strcmp0 (how, "print") == 0, FALSE);

  gest_complaint_letter_register_kinds ();
  if (!gest_store_begin_change (store, "complaint_answer_letter", &own, error))
    return FALSE;
  complaint = gest_complaint_load (store, complaint_uuid, error);
  ok = complaint != NULL && gest_complaint_letter_ensure_defaults (store, error);
  /* Refused before anything is stored when the approval is missing (Q8). */
  if (ok && complaint->solution_approved_at == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The answer letter of case %s cannot go out before the head of customer service approves the solution. Ask for the approval first."),
                   complaint->folio);
      ok = FALSE;
    }
  if (ok && email && (complaint->customer_email == NULL || complaint->customer_email[0] == '\0'))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("%s has no email address: add it to the customer, or print the letter."),
                   complaint->customer_name);
      ok = FALSE;
    }
  if (ok)
    {
      document_uuid = store_pdf (store, complaint_uuid, complaint->folio, pdf, error);
      ok = document_uuid != NULL;
    }
  if (ok && email)
    {
      g_autoptr(GHashTable) values = gest_complaint_letter_values (store, complaint);
      g_autofree char *subject = gest_template_resolve (template_->subject, values, GEST_TEMPLATE_PLAIN);
      g_autoptr(GPtrArray) attachments = g_ptr_array_new ();
      g_autofree char *body = g_strdup_printf ("Estimado(a) %s:\n\nLe enviamos adjunta la respuesta a su caso %s.\n\n"
                                               "Atentamente,\n%s", complaint->customer_name, complaint->folio,
                                               complaint->responsible_name != NULL ? complaint->responsible_name : "");

      g_ptr_array_add (attachments, document_uuid);
      ok = gest_mail_outbox_queue (store, "complaints", "answer-letter", complaint_uuid, complaint->customer_email,
                                   subject, body, attachments, NULL, error);
    }
  ok = ok && gest_complaint_record_answer_sent (store, complaint_uuid, document_uuid, copied_to,
                                                email ? _("by email") : _("printed"), error);
  if (!gest_store_end_change (store, "complaint_answer_letter", own, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (out_document_uuid != NULL)
    *out_document_uuid = g_steal_pointer (&document_uuid);
  return TRUE;
}
