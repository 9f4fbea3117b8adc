/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q6, Q8: the case's letters on a real store: the "in process" message by email through the
 * outbox or recorded as given by phone; templates refused when they use a placeholder the
 * case does not have; the answer letter's PDF (poppler gives back the resolved template),
 * stored as an answer-letter document, only after the head's approval. */
#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-complaint-letter.h"
#include "gest-domain-module.h"
#include "gest-complaint-workflow.h"
#include "gest-error.h"
#include "gest-mail-outbox.h"
#include "gest-store.h"
#include "gest-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char      *dir;
  GestStore *store;
  char      *uuid;
  char      *folio;
  char      *analyst_uuid;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GestComplaintIntake intake = { 0 };
  GestUser *analyst;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, city, email) VALUES "
            " ('cust-1', 'José Ñúñez & Hijos', 'Puebla', 'jose@example.com'),"
            " ('cust-2', 'Ana Ruiz', 'Toluca', '');"
            "INSERT INTO settings (key, value) VALUES ('dealer.name', 'Autos del Valle'), "
            " ('dealer.phones', '55 1234 5678');");
  analyst = gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  f->analyst_uuid = g_strdup (analyst->uuid);

  intake.kind = GEST_COMPLAINT_KIND_COMPLAINT;
  intake.channel = GEST_COMPLAINT_CHANNEL_PHONE;
  intake.customer_uuid = data != NULL ? data : "cust-1";
  intake.complainant_name = "José Ñúñez";
  intake.summary = "Cobro doble de la mensualidad <noviembre>";
  intake.responsible_uuid = f->analyst_uuid;
  g_assert_true (gest_complaint_create (f->store, &intake, &f->uuid, &f->folio, &error));
  g_assert_no_error (error);
  g_assert_true (gest_complaint_assign (f->store, f->uuid, f->analyst_uuid, "OG", "", "", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->uuid);
  g_free (f->folio);
  g_free (f->analyst_uuid);
  gest_test_tmpdir_free (f->dir);
}

static GestTemplateRecord *
first_template (Fixture    *f,
                const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = gest_complaint_letter_templates (f->store, kind, &error);
  GestTemplateRecord *record;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >=, 1);
  record = g_ptr_array_steal_index (templates, 0);
  return record;
}

static char *
last_log_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gest_activity_log_list (f->store, f->uuid, &error);
  GestActivityEntry *entry;

  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, entries->len - 1);
  return g_strdup (entry->text);
}

static void
test_in_process_by_email (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GestTemplateRecord) template_ = first_template (f, GEST_COMPLAINT_TEMPLATE_IN_PROCESS);
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected_subject = g_strdup_printf ("Su caso %s está en proceso", f->folio);
  GestMailOutboxEntry *mail;

  g_assert_null (template_->uuid);   /* the default, not stored yet */
  g_assert_true (gest_complaint_send_in_process (f->store, f->uuid, template_, "email", &error));
  g_assert_no_error (error);

  pending = gest_mail_outbox_list_pending (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  mail = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (mail->recipient, ==, "jose@example.com");
  g_assert_cmpstr (mail->module, ==, "complaints");
  g_assert_cmpstr (mail->purpose, ==, "in-process");
  g_assert_cmpstr (mail->record_uuid, ==, f->uuid);
  g_assert_cmpstr (mail->subject, ==, expected_subject);
  g_assert_true (g_str_has_prefix (mail->body, "Estimado(a) José Ñúñez & Hijos:\n\nRecibimos su queja con folio "));
  g_assert_nonnull (strstr (mail->body, "llámenos al 55 1234 5678 e indique su folio."));

  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (complaint->in_process_sent_at, >, 0);
  g_assert_cmpstr (complaint->in_process_channel, ==, "email");
  log = last_log_text (f);
  g_assert_cmpstr (log, ==, "“In process” message sent by email to jose@example.com.");
  /* Created on first use: both default templates are stored now. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM templates WHERE deleted = 0"), ==, 2);
}

static void
test_in_process_by_phone (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GestTemplateRecord) template_ = first_template (f, GEST_COMPLAINT_TEMPLATE_IN_PROCESS);
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  g_assert_true (gest_complaint_send_in_process (f->store, f->uuid, template_, "phone", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);
  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_cmpint (complaint->in_process_sent_at, >, 0);
  g_assert_cmpstr (complaint->in_process_channel, ==, "phone");
  log = last_log_text (f);
  g_assert_cmpstr (log, ==, "“In process” message given to the customer by phone.");
}

static void
test_in_process_needs_email (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GestTemplateRecord) template_ = first_template (f, GEST_COMPLAINT_TEMPLATE_IN_PROCESS);
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_complaint_send_in_process (f->store, f->uuid, template_, "email", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Ana Ruiz has no email address: add it to the customer, or give the "
                                       "message by phone and record it so.");
  g_clear_error (&error);
  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_cmpint (complaint->in_process_sent_at, ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM templates"), ==, 0);
}

/* Unknown placeholders are refused when the template is saved; the role must be allowed. */
static void
test_template_save_checks (Fixture       *f,
                           gconstpointer  data)
{
  GestTemplateRecord record = { NULL, (char *) GEST_COMPLAINT_TEMPLATE_ANSWER, (char *) "Carta breve",
                                (char *) "Su folio {{complaint.folio}}",
                                (char *) "Estimado {{customer.nombre}}: su caso {{complaint.folio}}.", 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  gest_complaint_letter_register_kinds ();
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_false (gest_templates_save (f->store, &record, &uuid, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "{{customer.nombre}} is not a placeholder of the template kind “Answer letter”. Correct it "
                   "or use one of these: {{customer.name}}, {{customer.email}}, {{customer.phone}}, "
                   "{{customer.city}}, {{complaint.folio}}, {{complaint.kind}}, {{complaint.date}}, "
                   "{{complaint.summary}}, {{complaint.complainant}}, {{complaint.solution}}, {{plan.number}}, "
                   "{{vehicle}}, {{invoice.number}}, {{responsible.name}}, {{user.name}}, {{dealer.name}}, "
                   "{{dealer.phones}}, {{today}}.");
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM templates"), ==, 0);

  record.subject = (char *) "Su folio {{complaint.folo}}";
  record.body = (char *) "Estimado {{customer.name}}.";
  g_assert_false (gest_templates_save (f->store, &record, &uuid, &error));
  g_assert_true (g_str_has_prefix (error->message, "In the subject: {{complaint.folo}} is not a placeholder"));
  g_clear_error (&error);

  record.subject = (char *) "Su folio {{complaint.folio}}";
  g_assert_true (gest_templates_save (f->store, &record, &uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'template'"), ==, 1);

  /* An analyst may use templates, not change them. */
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  record.uuid = uuid;
  g_assert_false (gest_templates_save (f->store, &record, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
}

static char *
normalize (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_strdup (collapsed));
}

static void
test_answer_letter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GestTemplateRecord) in_process = first_template (f, GEST_COMPLAINT_TEMPLATE_IN_PROCESS);
  g_autoptr(GestTemplateRecord) answer = first_template (f, GEST_COMPLAINT_TEMPLATE_ANSWER);
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *document_uuid = NULL;

  g_assert_true (gest_complaint_send_in_process (f->store, f->uuid, in_process, "phone", &error));
  g_assert_true (gest_complaint_set_solution (f->store, f->uuid, "le reembolsaremos $1,250.00 & el IVA.", &error));
  g_assert_no_error (error);

  /* Before the head's approval nothing is stored or sent (Q8). */
  complaint = gest_complaint_load (f->store, f->uuid, &error);
  pdf = gest_complaint_answer_letter_render (f->store, complaint, answer, &error);
  g_assert_no_error (error);
  g_assert_false (gest_complaint_answer_letter_sent (f->store, f->uuid, answer, pdf, "print", "Crédito", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  expected = g_strdup_printf ("The answer letter of case %s cannot go out before the head of customer service "
                              "approves the solution. Ask for the approval first.", f->folio);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents WHERE kind = 'answer-letter'"), ==, 0);
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&complaint, gest_complaint_free);

  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_complaint_approve_solution (f->store, f->uuid, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);

  /* The PDF's text is the resolved template (with the case's values, escaped for markup). */
  complaint = gest_complaint_load (f->store, f->uuid, &error);
  values = gest_complaint_letter_values (f->store, complaint);
  plain = gest_template_resolve (answer->body, values, GEST_TEMPLATE_PLAIN);
  pdf = gest_complaint_answer_letter_render (f->store, complaint, answer, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  raw = poppler_page_get_text (page);
  text = normalize (raw);
  expected = normalize (plain);
  g_assert_nonnull (strstr (plain, "le reembolsaremos $1,250.00 & el IVA."));
  g_assert_nonnull (strstr (plain, "relativa a: Cobro doble de la mensualidad <noviembre>"));
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "Folio: "));
  g_assert_nonnull (strstr (text, complaint->folio));
  g_assert_true (g_str_has_suffix (text, "Página 1 de 1"));

  gest_complaint_answer_letter_sent (f->store, f->uuid, answer, pdf, "print", "Crédito, Ventas",
                                     &document_uuid, &error);
  g_assert_no_error (error);
  g_clear_pointer (&complaint, gest_complaint_free);
  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_cmpint (complaint->stage, ==, GEST_COMPLAINT_ANSWERED);
  g_assert_cmpint (complaint->answer_sent_at, >, 0);
  g_assert_cmpstr (complaint->answer_document_uuid, ==, document_uuid);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents WHERE kind = 'answer-letter'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  /* Until the complaints module registers its permissions rows itself (complaints-core). */
  if (gest_permissions_find (GEST_COMPLAINT_PERMISSION_REGISTER) == NULL)
    {
      guint n;
      const GestPermission *rows = gest_complaint_permissions_get (&n);

      gest_permissions_add (rows, n);
    }
  g_test_add ("/complaints/Q6/in-process-by-email-through-outbox", Fixture, NULL,
              fixture_setup, test_in_process_by_email, fixture_teardown);
  g_test_add ("/complaints/Q6/in-process-by-phone-recorded", Fixture, NULL,
              fixture_setup, test_in_process_by_phone, fixture_teardown);
  g_test_add ("/complaints/Q6/in-process-email-needs-address", Fixture, "cust-2",
              fixture_setup, test_in_process_needs_email, fixture_teardown);
  g_test_add ("/complaints/Q8/template-unknown-placeholder-refused-on-save", Fixture, NULL,
              fixture_setup, test_template_save_checks, fixture_teardown);
  g_test_add ("/complaints/Q8/answer-letter-pdf-stored-after-approval", Fixture, NULL,
              fixture_setup, test_answer_letter, fixture_teardown);
  return g_test_run ();
}
