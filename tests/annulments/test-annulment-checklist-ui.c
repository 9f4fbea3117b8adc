/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q1, Q4 in a real window (Xvfb): an annulment's detail with its documents checklist: each
 * needed document present or missing, one of the wrong format marked in the one error style
 * with the reason under the group, preview only for what is attached; the send button
 * refused with the model's full message while documents are missing, the checklist following
 * the documents attached, and the request sent once all five are there. Everything
 * finalizes. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gest-annulment-checklist.h"
#include "gest-annulment-detail.h"
#include "gest-annulment-request-window.h"
#include "gest-annulment.h"
#include "gest-document-store.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
set_writable (Fixture  *f,
              gboolean  writable)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (f->store, !writable, &error));
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
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, city) VALUES ('cust-1', 'José Ñúñez Peña', 'Mérida');"
                                  "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of)"
                                  " VALUES ('plan-1', 'PL-0001', 'cust-1', 150000, 9000000, '2026-12-01');"
                                  "INSERT INTO settings (key, value) VALUES ('annulments.head-email', 'jefe.sac@example.com');",
                                  &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

/* Through @documents (the detail's, as its attach buttons do), or a store of its own. */
static void
attach_with (Fixture           *f,
             GestDocumentStore *through,
             const char        *uuid,
             GestDocumentKind   kind,
             const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = through != NULL ? g_object_ref (through) : gest_document_store_new (f->store);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GestDocument) document = NULL;

  g_assert_true (g_file_set_contents (path, g_str_has_suffix (name, ".pdf")
                                            ? "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
                                            : "Concepto,Valor\nAnulación,1\n", -1, &error));
  set_writable (f, TRUE);
  document = gest_document_store_add (documents, uuid, file, kind, NULL, &error);
  set_writable (f, FALSE);
  g_assert_no_error (error);
}

static void
attach (Fixture          *f,
        const char       *uuid,
        GestDocumentKind  kind,
        const char       *name)
{
  attach_with (f, NULL, uuid, kind, name);
}

static const char *
row_subtitle (GestAnnulmentChecklist *checklist,
              GestAnnulmentDoc        doc)
{
  AdwActionRow *row = gest_annulment_checklist_get_row (checklist, doc);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (row);
}

static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *refusal = NULL;
  GestAnnulmentDetail *detail;
  GestAnnulmentChecklist *checklist;
  GestRecordDetail *record;
  GtkWidget *window;
  GtkWidget *button;
  GestAnnulmentRequest request = {
    .customer_uuid = "cust-1", .plan_uuid = "plan-1", .city = "Mérida", .invoice_number = "F-1",
    .cfdi_uuid = "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60", .cancel_reason = "02",
    .with_costs = TRUE, .costs_amount = 150000, .reinvoice = TRUE,
  };

  g_assert_true (gest_annulment_create (f->store, &request, NULL, &uuid, &folio, &error));
  g_assert_no_error (error);
  set_writable (f, FALSE);
  attach (f, uuid, GEST_DOCUMENT_KIND_MEMO, "memorando.csv");
  attach (f, uuid, GEST_DOCUMENT_KIND_INVOICE, "factura.pdf");
  attach (f, uuid, GEST_DOCUMENT_KIND_CONTACT_REPORT, "informe.pdf");   /* not a spreadsheet */

  {
    g_autoptr(GestContext) context = gest_context_new (f->store);

    detail = GEST_ANNULMENT_DETAIL (gest_annulment_detail_new (context, uuid));
  }
  g_object_ref_sink (detail);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);   /* the narrowest window */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_present (GTK_WINDOW (window));
  checklist = gest_annulment_detail_get_checklist (detail);
  record = gest_annulment_detail_get_record_detail (detail);
  g_object_add_weak_pointer (G_OBJECT (checklist), (gpointer *) &checklist);

  /* With costs: the five, the signed acceptance (Q4) and the stamped memo. */
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_MEMO), ==, "memorando.csv");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_INVOICE), ==, "factura.pdf");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_CUSTOMER_LETTER), ==, "Missing: a scan (PDF or image)");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_ANSWER_LETTER), ==, "Missing: a scan (PDF or image)");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_CONTACT_REPORT), ==,
                   "informe.pdf, not a spreadsheet (.xlsx, .xls, .ods)");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE), ==, "Missing: a scan (PDF or image)");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_STAMPED_MEMO), ==, "Missing: a scan (PDF or image)");
  /* The wrong one in the one error style, the reason under the group. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gest_annulment_checklist_get_row (checklist, GEST_ANNULMENT_DOC_CONTACT_REPORT)), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gest_annulment_checklist_get_row (checklist, GEST_ANNULMENT_DOC_MEMO)), "error"));
  g_assert_cmpstr (gest_annulment_checklist_get_error (checklist), ==,
                   "Not in the format the request needs: Contact-actions report. Attach each again in the format its row says.");
  /* Preview only what is attached; attach while it is a request. */
  g_assert_true (gtk_widget_get_sensitive (gest_annulment_checklist_get_preview_button (checklist, GEST_ANNULMENT_DOC_MEMO)));
  g_assert_false (gtk_widget_get_sensitive (gest_annulment_checklist_get_preview_button (checklist, GEST_ANNULMENT_DOC_ANSWER_LETTER)));
  g_assert_true (gtk_widget_get_sensitive (gest_annulment_checklist_get_attach_button (checklist, GEST_ANNULMENT_DOC_ANSWER_LETTER)));
  g_signal_emit_by_name (gest_annulment_checklist_get_preview_button (checklist, GEST_ANNULMENT_DOC_INVOICE), "clicked");
  g_assert_cmpstr (gest_document_list_get_selected_uuid (gest_record_detail_get_document_list (record)), !=, NULL);

  /* Sending is refused with the model's whole message, under the stage. */
  button = gest_annulment_detail_get_step_button (detail);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Send Request");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gest_store_wait_for_writes (f->store);
  refusal = g_strdup_printf ("Annulment %s cannot be sent yet: attach the missing documents, each in its format. "
                             "Missing: Customer’s letter (a scan (PDF or image)); Answer letter (a scan (PDF or image)). "
                             "Wrong format: Contact-actions report “informe.pdf” (it must be a spreadsheet (.xlsx, .xls, .ods)).",
                             folio);
  g_assert_cmpstr (gest_record_detail_get_status_error (record), ==, refusal);

  /* The checklist follows the documents attached. */
  attach_with (f, gest_record_detail_get_document_store (record), uuid, GEST_DOCUMENT_KIND_CUSTOMER_LETTER, "carta-cliente.pdf");
  attach_with (f, gest_record_detail_get_document_store (record), uuid, GEST_DOCUMENT_KIND_ANSWER_LETTER, "carta-respuesta.pdf");
  attach_with (f, gest_record_detail_get_document_store (record), uuid, GEST_DOCUMENT_KIND_CONTACT_REPORT, "informe-gestiones.csv");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_ANSWER_LETTER), ==, "carta-respuesta.pdf");
  g_assert_cmpstr (row_subtitle (checklist, GEST_ANNULMENT_DOC_CONTACT_REPORT), ==, "informe-gestiones.csv");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gest_annulment_checklist_get_row (checklist, GEST_ANNULMENT_DOC_CONTACT_REPORT)), "error"));
  g_assert_null (gest_annulment_checklist_get_error (checklist));

  /* Sent: the five can no longer change; the acceptance still can (Q4). */
  g_signal_emit_by_name (gest_annulment_detail_get_step_button (detail), "clicked");
  gest_store_wait_for_writes (f->store);
  g_assert_null (gest_record_detail_get_status_error (record));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM annulments"), ==, GEST_ANNULMENT_SENT);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gest_annulment_detail_get_step_button (detail))), ==, "_Approve");
  g_assert_false (gtk_widget_get_sensitive (gest_annulment_checklist_get_attach_button (checklist, GEST_ANNULMENT_DOC_MEMO)));
  g_assert_true (gtk_widget_get_sensitive (gest_annulment_checklist_get_attach_button (checklist, GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
  g_assert_null (checklist);
}

static void
saved_cb (GestAnnulmentRequestWindow  *window,
          const char                  *uuid,
          char                       **out)
{
  *out = g_strdup (uuid);
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = gest_test_find_widget (root, gest_test_is_entry_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Q1: the request form: the CFDI folio fiscal checked as typed in the one error style, reason
 * 01 showing the substituting CFDI, and the request saved on the writer thread. */
static void
test_request_form (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *saved = NULL;
  GtkWidget *window;
  GtkWidget *cfdi;
  GtkWidget *save;
  GtkWidget *substitute;
  GtkWidget *error_label;

  set_writable (f, FALSE);
  {
    g_autoptr(GestContext) context = gest_context_new (f->store);

    window = gest_annulment_request_window_new (context, NULL);
  }
  g_object_ref_sink (window);
  g_signal_connect (window, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  save = gest_test_find_widget (window, gest_test_is_button_labelled, "_Save");
  cfdi = gest_test_find_widget (window, gest_test_is_entry_row_titled, "CFDI Folio Fiscal");
  substitute = gest_test_find_widget (window, gest_test_is_entry_row_titled, "Substituting CFDI Folio Fiscal");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Write the number of the customer’s plan.");

  /* The plan gives the customer and the city. */
  type_into (window, "Plan Number", "PL-0001");
  g_signal_emit_by_name (gest_test_find_widget (window, gest_test_is_entry_row_titled, "Plan Number"), "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gest_test_find_widget (window, gest_test_is_entry_row_titled, "City"))),
                   ==, "Mérida");
  g_assert_cmpstr (gest_annulment_request_window_get_values (GEST_ANNULMENT_REQUEST_WINDOW (window))->customer_name,
                   ==, "José Ñúñez Peña");

  /* A folio fiscal one character short: the row in error, the message under its group. */
  type_into (window, "CFDI Folio Fiscal", "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f6");
  g_assert_true (gtk_widget_has_css_class (cfdi, "error"));
  error_label = gest_test_find_widget (window, gest_test_is_visible_label,
                                       "“6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f6” is not a CFDI folio fiscal: it has 35 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  g_assert_nonnull (error_label);
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (window, "CFDI Folio Fiscal", "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60");
  g_assert_false (gtk_widget_has_css_class (cfdi, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Reason 01 shows the substituting CFDI; the cancelled one again is refused. */
  g_assert_false (gtk_widget_get_visible (substitute));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gest_test_find_widget (window, gest_test_is_row_titled, "Cancellation Reason")), 0);
  g_assert_true (gtk_widget_get_visible (substitute));
  type_into (window, "Substituting CFDI Folio Fiscal", "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60");
  g_assert_true (gtk_widget_has_css_class (substitute, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (window, "Substituting CFDI Folio Fiscal", "a1b2c3d4-e5f6-4789-abcd-ef0123456789");
  g_assert_true (gtk_widget_get_sensitive (save));

  gtk_widget_activate_action (window, "request.save", NULL);
  gest_store_wait_for_writes (f->store);
  g_assert_nonnull (saved);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM annulments WHERE cancel_reason = '01'"
                                                  " AND cfdi_uuid = '6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60'"
                                                  " AND substitute_cfdi_uuid = 'A1B2C3D4-E5F6-4789-ABCD-EF0123456789'"
                                                  " AND city = 'Mérida' AND plan_uuid = 'plan-1'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_domain_modules_init ();

  g_test_add ("/annulments/Q1/Q4/checklist-detail", Fixture, NULL, fixture_setup, test_checklist,
              fixture_teardown);
  g_test_add ("/annulments/Q1/request-form", Fixture, NULL, fixture_setup, test_request_form,
              fixture_teardown);
  return g_test_run ();
}
