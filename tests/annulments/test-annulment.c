/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q1-Q4, Q12 on a real store (#13): the five documents checked present and of their format
 * before the request is sent, the email through the outbox with its subject and attachments,
 * the CFDI and reason 01, the approvals by role (head, coordinator), the annulled list, the
 * re-invoicing and the stamped memo, the signed acceptance of costs, and the annulment made
 * from a complaint, which closes the case when filed. Messages checked in full. No display. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gest-annulment-link.h"
#include "gest-annulment.h"
#include "gest-document-store.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-test-util.h"

#define CFDI       "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60"
#define SUBSTITUTE "A1B2C3D4-E5F6-4789-ABCD-EF0123456789"

typedef struct
{
  char      *dir;
  GestStore *store;
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

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, rfc, city) VALUES"
            " ('cust-1', '  José  Ñúñez Peña ', 'NUPJ800101AB1', 'Mérida');"
            "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of)"
            " VALUES ('plan-1', 'PL-0001', 'cust-1', 150000, 9000000, '2026-12-01');"
            "INSERT INTO users (uuid, name, role, email, login) VALUES"
            " ('head-1', 'Patricia Gómez Lara', 'cs-head', 'jefe.sac@example.com', 'jefe.atencion');");
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static char *
create (Fixture    *f,
        const char *reason,
        const char *substitute,
        GestMoney   costs,
        gboolean    reinvoice)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folio = NULL;
  char *uuid = NULL;
  GestAnnulmentRequest request = {
    .customer_uuid = "cust-1", .plan_uuid = "plan-1", .city = "Mérida",
    .invoice_number = "F-1234", .cfdi_uuid = "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60",
    .cancel_reason = reason, .substitute_cfdi_uuid = substitute,
    .with_costs = costs > 0, .costs_amount = costs, .reinvoice = reinvoice,
  };

  g_assert_true (gest_annulment_create (f->store, &request, NULL, &uuid, &folio, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (folio, "ANU-"));
  return uuid;
}

static void
attach (Fixture          *f,
        const char       *uuid,
        GestDocumentKind  kind,
        const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (f->store);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GestDocument) document = NULL;
  const char *content = g_str_has_suffix (name, ".pdf")
                        ? "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
                        : "Concepto,Valor\nAnulación,1\n";

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  document = gest_document_store_add (documents, uuid, file, kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
attach_request_documents (Fixture    *f,
                          const char *uuid)
{
  attach (f, uuid, GEST_DOCUMENT_KIND_MEMO, "memorando.csv");
  attach (f, uuid, GEST_DOCUMENT_KIND_INVOICE, "factura.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CUSTOMER_LETTER, "carta-cliente.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_ANSWER_LETTER, "carta-respuesta.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CONTACT_REPORT, "informe-gestiones.csv");
}

static GestAnnulment *
load (Fixture    *f,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GestAnnulment *annulment = gest_annulment_load (f->store, uuid, &error);

  g_assert_no_error (error);
  return annulment;
}

/* @error is read after the call that fills it (argument order is unspecified in C). */
static void
assert_refused (gboolean     ok,
                GError     **error,
                int          code,
                const char  *message)
{
  g_assert_false (ok);
  g_assert_error (*error, GEST_ERROR, code);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

static void
assert_stage (Fixture            *f,
              const char         *uuid,
              GestAnnulmentStage  stage)
{
  g_autoptr(GestAnnulment) annulment = load (f, uuid);

  g_assert_cmpint (annulment->stage, ==, stage);
}

/* Sends the request as the analyst, approves it as the head and registers it as the
 * coordinator. */
static void
take_to_registered (Fixture    *f,
                    const char *uuid)
{
  g_autoptr(GError) error = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_annulment_approve (f->store, uuid, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_COORDINATOR);
  g_assert_true (gest_annulment_register (f->store, uuid, &error));
  g_assert_no_error (error);
}

static void
test_q1_five_documents (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);
  g_autoptr(GestAnnulment) annulment = load (f, uuid);
  g_autofree char *missing_all = NULL;
  g_autofree char *message = NULL;

  /* Nothing attached: all five named, with their format. */
  missing_all = g_strdup_printf ("Annulment %s cannot be sent yet: attach the missing documents. Missing: "
                                 "Memo (a spreadsheet (.xlsx, .xls, .ods)); Original invoice (a scan (PDF or image)); "
                                 "Customer’s letter (a scan (PDF or image)); Answer letter (a scan (PDF or image)); "
                                 "Contact-actions report (a spreadsheet (.xlsx, .xls, .ods)).", annulment->folio);
  assert_refused (gest_annulment_send (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, missing_all);
  g_clear_error (&error);

  /* Four attached, the contact-actions report as a PDF: missing none, one of the wrong format. */
  attach (f, uuid, GEST_DOCUMENT_KIND_MEMO, "memorando.csv");
  attach (f, uuid, GEST_DOCUMENT_KIND_INVOICE, "factura.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CUSTOMER_LETTER, "carta-cliente.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CONTACT_REPORT, "informe.pdf");
  message = g_strdup_printf ("Annulment %s cannot be sent yet: attach the missing documents, each in its format. "
                             "Missing: Answer letter (a scan (PDF or image)). "
                             "Wrong format: Contact-actions report “informe.pdf” (it must be a spreadsheet (.xlsx, .xls, .ods)).",
                             annulment->folio);
  assert_refused (gest_annulment_send (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);
  assert_stage (f, uuid, GEST_ANNULMENT_REQUEST);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);

  /* The right ones attached: the newest of the right format counts. */
  attach (f, uuid, GEST_DOCUMENT_KIND_ANSWER_LETTER, "carta-respuesta.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CONTACT_REPORT, "informe-gestiones.csv");
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);
  assert_stage (f, uuid, GEST_ANNULMENT_SENT);
}

static void
test_q1_email (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);
  g_autoptr(GestAnnulment) annulment = NULL;
  sqlite3_stmt *stmt;

  attach_request_documents (f, uuid);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);
  annulment = load (f, uuid);
  g_assert_nonnull (annulment->email_outbox_uuid);
  g_assert_cmpint (annulment->sent_at, >, 0);

  stmt = gest_store_prepare (f->store,
                             "SELECT recipient, subject, module, purpose, record_uuid FROM mail_outbox WHERE uuid = ?1",
                             &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, annulment->email_outbox_uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "jefe.sac@example.com");
  /* The name as registered (accents and Ñ kept, blanks collapsed), the city in upper case. */
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "ANULADO-José Ñúñez Peña-MÉRIDA");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "annulments");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "request");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, uuid);
  sqlite3_finalize (stmt);
  /* The five documents attached. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT json_array_length (attachments) FROM mail_outbox"), ==, 5);
}

static void
test_q1_subject_accents (void)
{
  g_autofree char *subject = gest_annulment_mail_subject ("  José  Ñúñez Peña ", " Mérida ");
  g_autofree char *ascii = gest_annulment_mail_subject ("Juan Pérez", "ciudad de méxico");
  g_autofree char *enye = gest_annulment_mail_subject ("Begoña Íñiguez", "Cañadas de Obregón");

  g_assert_cmpstr (subject, ==, "ANULADO-José Ñúñez Peña-MÉRIDA");
  g_assert_cmpstr (ascii, ==, "ANULADO-Juan Pérez-CIUDAD DE MÉXICO");
  g_assert_cmpstr (enye, ==, "ANULADO-Begoña Íñiguez-CAÑADAS DE OBREGÓN");
}

static void
test_q1_cfdi (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GestAnnulment) annulment = NULL;
  GestAnnulmentRequest request = {
    .customer_uuid = "cust-1", .city = "Mérida", .cfdi_uuid = "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6",
    .cancel_reason = "02", .reinvoice = TRUE,
  };

  /* A folio fiscal of 35 characters is refused when the request is made. */
  g_assert_false (gest_annulment_create (f->store, &request, NULL, NULL, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6” is not a CFDI folio fiscal: it has 35 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  g_clear_error (&error);
  /* The same substituting CFDI as the cancelled one is refused. */
  request.cfdi_uuid = CFDI;
  request.cancel_reason = "01";
  request.substitute_cfdi_uuid = "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60";
  g_assert_false (gest_annulment_create (f->store, &request, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "The substituting CFDI cannot be the cancelled one (6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60): copy the folio fiscal of the new invoice.");
  g_clear_error (&error);

  /* Reason 01 without the substituting CFDI is made (it is issued later) but not sent. */
  uuid = create (f, "01", NULL, 0, TRUE);
  annulment = load (f, uuid);
  g_assert_cmpstr (annulment->cfdi_uuid, ==, CFDI);   /* kept in upper case */
  attach_request_documents (f, uuid);
  assert_refused (gest_annulment_send (f->store, uuid, &error), &error, GEST_ERROR_INVALID,
                  "Reason 01 needs the folio fiscal of the substituting CFDI: issue the new invoice first and copy its folio fiscal.");
  g_clear_error (&error);
  request.substitute_cfdi_uuid = SUBSTITUTE;
  request.plan_uuid = "plan-1";
  g_assert_true (gest_annulment_update_request (f->store, uuid, &request, &error));
  g_assert_no_error (error);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);
  /* Sent: the data cannot change any more. */
  g_clear_pointer (&annulment, gest_annulment_free);
  annulment = load (f, uuid);
  g_assert_cmpstr (annulment->substitute_cfdi_uuid, ==, SUBSTITUTE);
  {
    g_autofree char *message = g_strdup_printf ("Annulment %s was sent already (it is at “Sent”): its data and documents cannot change any more.",
                                                annulment->folio);

    assert_refused (gest_annulment_update_request (f->store, uuid, &request, &error), &error,
                    GEST_ERROR_REFUSED, message);
  }
}

static void
test_q2_approval_by_head (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);
  g_autoptr(GestAnnulment) annulment = NULL;

  attach_request_documents (f, uuid);
  annulment = load (f, uuid);
  {
    g_autofree char *message = g_strdup_printf ("Annulment %s is at “Request”: the head of customer service approves it once the request was sent (“Sent”).",
                                                annulment->folio);

    gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
    assert_refused (gest_annulment_approve (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
    g_clear_error (&error);
  }
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);

  /* The analyst, the coordinator and the general manager may not approve. */
  assert_refused (gest_annulment_approve (f->store, uuid, &error), &error, GEST_ERROR_PERMISSION,
                  "Test cs-analyst (Customer service analyst) cannot approve an annulment: it is for Head of customer service. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_COORDINATOR);
  assert_refused (gest_annulment_approve (f->store, uuid, &error), &error, GEST_ERROR_PERMISSION,
                  "Test cs-coordinator (Customer service coordinator) cannot approve an annulment: it is for Head of customer service. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  assert_stage (f, uuid, GEST_ANNULMENT_SENT);

  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_annulment_approve (f->store, uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&annulment, gest_annulment_free);
  annulment = load (f, uuid);
  g_assert_cmpint (annulment->stage, ==, GEST_ANNULMENT_APPROVED);
  g_assert_cmpstr (annulment->approved_by, ==, "Test cs-head");
  g_assert_cmpint (annulment->approved_at, >, 0);
}

static void
test_q2_coordinator_registers (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);
  gboolean annulled = TRUE;

  attach_request_documents (f, uuid);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_annulment_approve (f->store, uuid, &error));
  g_assert_no_error (error);
  g_assert_true (gest_annulment_customer_is_annulled (f->store, "cust-1", &annulled, &error));
  g_assert_false (annulled);

  /* The head approves but does not register. */
  assert_refused (gest_annulment_register (f->store, uuid, &error), &error, GEST_ERROR_PERMISSION,
                  "Test cs-head (Head of customer service) cannot register a customer in the annulled list: it is for Customer service coordinator. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM annulled_customers"), ==, 0);

  gest_test_sign_in (f->store, GEST_ROLE_CS_COORDINATOR);
  g_assert_true (gest_annulment_register (f->store, uuid, &error));
  g_assert_no_error (error);
  assert_stage (f, uuid, GEST_ANNULMENT_REGISTERED);
  g_assert_true (gest_annulment_customer_is_annulled (f->store, "cust-1", &annulled, &error));
  g_assert_true (annulled);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM annulled_customers WHERE customer_uuid = 'cust-1'"
                                        " AND registered_by = 'Test cs-coordinator'"), ==, 1);
  /* The annulled list syncs. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'annulled_customer'"), ==, 1);

  /* A merge of the customer into another (its customer link's merge_sql) keeps the merged one
   * annulled. */
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name) VALUES ('cust-2', 'José Núñez Peña');"
            "UPDATE annulments SET customer_uuid = 'cust-2' WHERE customer_uuid = 'cust-1';");
  g_assert_true (gest_annulment_customer_is_annulled (f->store, "cust-2", &annulled, &error));
  g_assert_true (annulled);
  g_assert_true (gest_annulment_customer_is_annulled (f->store, "cust-1", &annulled, &error));
  g_assert_false (annulled);
}

static void
test_q3_reinvoice_and_stamped_memo (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "01", SUBSTITUTE, 0, TRUE);
  g_autoptr(GestAnnulment) annulment = load (f, uuid);
  g_autofree char *message = NULL;

  attach_request_documents (f, uuid);
  take_to_registered (f, uuid);

  /* Q1: the request's documents went to the head as they were: they no longer change; the
   * stamped memo can still come. */
  {
    g_autoptr(GestAnnulment) registered = load (f, uuid);
    g_autofree char *refusal = gest_annulment_attach_refusal (registered, GEST_DOCUMENT_KIND_MEMO);
    g_autofree char *expected = g_strdup_printf ("The request of annulment %s went to the head of customer service with its "
                                                 "documents, so its Memo can no longer change. If a document was wrong, make a "
                                                 "new annulment request with the right one.", annulment->folio);

    g_assert_cmpstr (refusal, ==, expected);
    g_assert_null (gest_annulment_attach_refusal (registered, GEST_DOCUMENT_KIND_STAMPED_MEMO));
    g_assert_null (gest_annulment_attach_refusal (annulment, GEST_DOCUMENT_KIND_MEMO));  /* as a request */
  }

  /* Filing before the re-invoicing is approved is refused. */
  message = g_strdup_printf ("Annulment %s is at “Registered”: it is filed once the customer-service coordinator approved the re-invoicing (“Re-invoicing approved”).",
                             annulment->folio);
  assert_refused (gest_annulment_file (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);

  /* The re-invoicing is the coordinator's: not the head's. */
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  assert_refused (gest_annulment_approve_reinvoice (f->store, uuid, &error), &error, GEST_ERROR_PERMISSION,
                  "Test cs-head (Head of customer service) cannot approve a re-invoicing: it is for Customer service coordinator. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_COORDINATOR);
  g_assert_true (gest_annulment_approve_reinvoice (f->store, uuid, &error));
  g_assert_no_error (error);

  /* Filing needs the stamped memo, a scan. */
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("Annulment %s cannot be filed yet: attach the copy of the memo stamped by billing (a scan, PDF or image).",
                             annulment->folio);
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  assert_refused (gest_annulment_file (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);
  attach (f, uuid, GEST_DOCUMENT_KIND_STAMPED_MEMO, "memorando-sellado.csv");
  assert_refused (gest_annulment_file (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);
  attach (f, uuid, GEST_DOCUMENT_KIND_STAMPED_MEMO, "memorando-sellado.pdf");
  g_assert_true (gest_annulment_file (f->store, uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&annulment, gest_annulment_free);
  annulment = load (f, uuid);
  g_assert_cmpint (annulment->stage, ==, GEST_ANNULMENT_FILED);
  g_assert_cmpint (annulment->filed_at, >, 0);
  g_assert_cmpstr (annulment->reinvoice_approved_by, ==, "Test cs-coordinator");
  {
    g_autofree char *refusal = gest_annulment_attach_refusal (annulment, GEST_DOCUMENT_KIND_STAMPED_MEMO);
    g_autofree char *expected = g_strdup_printf ("Annulment %s is filed: its documents can no longer change.",
                                                 annulment->folio);

    g_assert_cmpstr (refusal, ==, expected);
  }
}

static void
test_q3_without_reinvoice (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "03", NULL, 0, FALSE);
  g_autoptr(GestAnnulment) annulment = load (f, uuid);
  g_autofree char *message = NULL;

  attach_request_documents (f, uuid);
  take_to_registered (f, uuid);
  message = g_strdup_printf ("Annulment %s has no re-invoicing: once the customer is in the annulled list, file the memo with its stamped copy.",
                             annulment->folio);
  assert_refused (gest_annulment_approve_reinvoice (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);
  attach (f, uuid, GEST_DOCUMENT_KIND_STAMPED_MEMO, "memorando-sellado.pdf");
  g_assert_true (gest_annulment_file (f->store, uuid, &error));
  g_assert_no_error (error);
  assert_stage (f, uuid, GEST_ANNULMENT_FILED);
}

static void
test_q4_costs_need_acceptance (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create (f, "02", NULL, 150000, TRUE);
  g_autoptr(GestAnnulment) annulment = load (f, uuid);
  g_autofree char *message = NULL;

  g_assert_true (annulment->docs[GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE].needed);
  attach_request_documents (f, uuid);
  g_assert_true (gest_annulment_send (f->store, uuid, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  message = g_strdup_printf ("Annulment %s charges administrative costs ($1,500.00): attach the customer’s signed acceptance of the costs (a scan, PDF or image) before approving it.",
                             annulment->folio);
  assert_refused (gest_annulment_approve (f->store, uuid, &error), &error, GEST_ERROR_REFUSED, message);
  g_clear_error (&error);
  attach (f, uuid, GEST_DOCUMENT_KIND_SIGNED_ACCEPTANCE, "aceptacion-firmada.pdf");
  g_assert_true (gest_annulment_approve (f->store, uuid, &error));
  g_assert_no_error (error);
  assert_stage (f, uuid, GEST_ANNULMENT_APPROVED);
}

static void
test_q4_no_costs_no_acceptance (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);
  g_autoptr(GestAnnulment) annulment = load (f, uuid);

  g_assert_false (annulment->docs[GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE].needed);
  attach_request_documents (f, uuid);
  take_to_registered (f, uuid);
  assert_stage (f, uuid, GEST_ANNULMENT_REGISTERED);
}

static void
test_q12_from_complaint (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GestAnnulment) annulment = NULL;
  GestAnnulmentRequest request = {
    .customer_uuid = "cust-1", .plan_uuid = "plan-1", .city = "Mérida", .invoice_number = "F-77",
    .cfdi_uuid = CFDI, .cancel_reason = "02", .reinvoice = FALSE,
  };

  /* A case at "annulment" (stage 5) with its solution approved, the answer sent, the
   * accepting call and its cause, error and area (what complaints-core requires there). */
  exec_sql (f->store,
            "INSERT INTO complaint_catalog (uuid, kind, label) VALUES"
            " ('cause-1', 'cause', 'Facturación'), ('error-1', 'error', 'Factura duplicada'),"
            " ('area-1', 'area', 'Facturación');"
            "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid,"
            " plan_uuid, invoice_number, complainant_name, summary, responsible_uuid,"
            " in_process_sent_at, in_process_channel, document_status, solution,"
            " solution_approved_by, solution_approved_at, answer_sent_at, acceptance_call_at,"
            " cause_uuid, error_uuid, area_uuid, created_at)"
            " VALUES ('case-1', 'QJA-2026-000001', 'claim', 'phone', 5, 1, 'cust-1', 'plan-1',"
            " 'F-77', 'José Ñúñez Peña', 'Factura emitida dos veces', 'head-1', 1, 'phone', 'AN',"
            " 'Anular la factura', 'head-1', 1, 1, 1, 'cause-1', 'error-1', 'area-1', 1);");

  g_assert_true (gest_annulment_create_for_complaint (f->store, "case-1", FALSE, &uuid, &folio, &error));
  g_assert_no_error (error);
  annulment = load (f, uuid);
  g_assert_cmpstr (annulment->complaint_uuid, ==, "case-1");
  g_assert_cmpstr (annulment->complaint_folio, ==, "QJA-2026-000001");
  g_assert_cmpstr (annulment->customer_uuid, ==, "cust-1");
  g_assert_cmpstr (annulment->plan_uuid, ==, "plan-1");
  g_assert_cmpstr (annulment->city, ==, "Mérida");
  g_assert_cmpstr (annulment->invoice_number, ==, "F-77");
  g_assert_cmpint (annulment->stage, ==, GEST_ANNULMENT_REQUEST);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM complaints WHERE uuid = 'case-1'"
                                        " AND annulment_uuid = (SELECT uuid FROM annulments)"), ==, 1);

  /* One annulment per case. */
  g_assert_false (gest_annulment_create_for_complaint (f->store, "case-1", FALSE, &again, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Complaint QJA-2026-000001 has an annulment already: open it from the case.");
  g_clear_error (&error);

  /* The request's data completed, sent, approved, registered and filed: the case closes. */
  g_assert_true (gest_annulment_update_request (f->store, uuid, &request, &error));
  g_assert_no_error (error);
  attach_request_documents (f, uuid);
  take_to_registered (f, uuid);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM complaints WHERE uuid = 'case-1'"), ==, 5);
  attach (f, uuid, GEST_DOCUMENT_KIND_STAMPED_MEMO, "memorando-sellado.pdf");

  /* Filing and the case's closing are one transaction: a case taken back out of
   * "annulment" refuses, and the annulment stays registered. */
  exec_sql (f->store, "UPDATE complaints SET stage = 3 WHERE uuid = 'case-1'");
  assert_refused (gest_annulment_file (f->store, uuid, &error), &error, GEST_ERROR_REFUSED,
                  "Case QJA-2026-000001 cannot close with its annulment yet: record its closure first (the head’s approval, the answer letter, the accepting call, and the cause, error and area) so that it waits at “Annulment”.");
  assert_stage (f, uuid, GEST_ANNULMENT_REGISTERED);
  exec_sql (f->store, "UPDATE complaints SET stage = 5 WHERE uuid = 'case-1'");

  g_assert_true (gest_annulment_file (f->store, uuid, &error));
  g_assert_no_error (error);
  assert_stage (f, uuid, GEST_ANNULMENT_FILED);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM complaints WHERE uuid = 'case-1'"), ==, 6);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT closed_at IS NOT NULL FROM complaints WHERE uuid = 'case-1'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE record_uuid = 'case-1'"
                                                  " AND text LIKE 'Annulment ANU-% filed: the case is closed.'"), ==, 1);
}

static void
test_search_and_sync (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *uuid = create (f, "02", NULL, 0, TRUE);

  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM search_index WHERE kind = 'annulment'"
                                        " AND search_index MATCH 'Mérida'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'annulment'"
                                        " AND json_extract (fields, '$.cfdi_uuid') = '" CFDI "'"), ==, 1);
  /* The local outbox row of the email does not travel. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'annulment'"
                                        " AND json_type (fields, '$.email_outbox_uuid') IS NOT NULL"), ==, 0);
}

static int
run_cli (Fixture     *f,
         const char  *login,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *db = g_build_filename (f->dir, "gestiona.db", NULL);
  va_list ap;
  const char *word;

  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("--user"));
  g_ptr_array_add (args, g_strdup (login));
  g_ptr_array_add (args, g_strdup ("anulacion"));
  va_start (ap, err);
  while ((word = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (word));
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return gest_test_run_cli ((const char * const *) args->pdata, out, err);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  return path;
}

/* The CLI's anulacion: the same rules and messages, exit 0 done, 1 refused, 2 bad input. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *pdf = write_file (f, "f.pdf", "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n");
  g_autofree char *csv = write_file (f, "m.csv", "a,b\n1,2\n");
  const char *kinds[][2] = {
    { "memo", csv }, { "invoice", pdf }, { "customer-letter", pdf }, { "answer-letter", pdf },
    { "contact-report", csv },
  };

  g_setenv ("GESTIONA_PASSWORD", GEST_TEST_PASSWORD, TRUE);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);

  g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "new", "--plan", "PL-0001", "--city", "Mérida",
                            "--cfdi", "6F1C2E4A-9B3D-4C5E-8F7A", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "gestiona-cli: “6F1C2E4A-9B3D-4C5E-8F7A” is not a CFDI folio fiscal: it has 23 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "new", "--plan", "PL-0001", "--city", "Mérida",
                            "--cfdi", CFDI, "--reason", "02", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Folio: ANU-"));
  folio = g_strstrip (g_strdup (out + strlen ("Folio: ")));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Q1: not sent without its documents (refused: exit 1, the model's message). */
  g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "send", folio, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "gestiona-cli: Annulment ANU-"));
  g_assert_nonnull (strstr (err, "cannot be sent yet: attach the missing documents. Missing: Memo"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "attach", folio, kinds[i][0], kinds[i][1], NULL), ==, 0);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "send", folio, NULL), ==, 0);
  expected = g_strdup_printf ("%s is now at “Sent”.\n", folio);
  g_assert_cmpstr (out, ==, expected);

  /* Q2: the analyst may not approve; the head does. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, "test.cs-analyst", &out, &err, "approve", folio, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "gestiona-cli: Test cs-analyst (Customer service analyst) cannot approve an annulment: it is for Head of customer service. Ask one of them, or sign in as one.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, "test.cs-head", &out, &err, "approve", folio, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, "test.cs-head", &out, &err, "show", folio, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Stage: Approved\n"));
  g_assert_nonnull (strstr (out, "Email subject: ANULADO-José Ñúñez Peña-MÉRIDA\n"));
  g_assert_nonnull (strstr (out, "  [x] Contact-actions report: m.csv\n"));
  g_assert_nonnull (strstr (out, "Approved: "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/annulments/Q1/five-documents-present-and-of-their-format", test_q1_five_documents);
  ADD ("/annulments/Q1/email-to-head-with-subject-and-attachments", test_q1_email);
  g_test_add_func ("/annulments/Q1/subject-with-accents", test_q1_subject_accents);
  ADD ("/annulments/Q1/cfdi-uuid-and-reason-01", test_q1_cfdi);
  ADD ("/annulments/Q2/approval-only-by-head", test_q2_approval_by_head);
  ADD ("/annulments/Q2/coordinator-registers-annulled-list", test_q2_coordinator_registers);
  ADD ("/annulments/Q3/reinvoice-by-coordinator-filing-needs-stamped-memo", test_q3_reinvoice_and_stamped_memo);
  ADD ("/annulments/Q3/without-reinvoice-filed-after-registration", test_q3_without_reinvoice);
  ADD ("/annulments/Q4/costs-need-signed-acceptance-before-approval", test_q4_costs_need_acceptance);
  ADD ("/annulments/Q4/no-costs-no-acceptance", test_q4_no_costs_no_acceptance);
  ADD ("/annulments/Q12/from-complaint-closes-case-when-filed", test_q12_from_complaint);
  ADD ("/annulments/Q1/search-and-sync-triggers", test_search_and_sync);
  ADD ("/annulments/Q1/Q2/cli-anulacion", test_cli);
#undef ADD
  return g_test_run ();
}
