/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q5: the intake window on screen. Its rules are tested without a display in
 * test-complaint-forms.c; this checks that the window shows them where they belong (rows
 * marked, the whole message under the group), finds the customer by the search and offers
 * their plan, previews the scanned letter of a complaint in writing, and registers the case
 * through the model with its folio. */

#include "config.h"

#include <locale.h>

#include "gest-complaint.h"
#include "gest-complaint-intake-window.h"
#include "gest-document-preview.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define MSG_CUSTOMER "Choose the customer who complains: search them by name, or create them if they are new."
#define MSG_COMPLAINANT "Write the name of the person who complains: the customer or whoever speaks for them."
#define MSG_SUMMARY_PHONE "Write a summary of the complaint as the customer told it."
#define MSG_LETTER "Attach the customer’s scanned letter: a complaint in writing keeps its scan."

typedef struct
{
  char                      *dir;
  GestStore                 *store;
  GestContext               *context;
  GestUser                  *analyst;   /* borrowed: the store's */
  GestComplaintIntakeWindow *window;
  guint                      n_saved;
} Fixture;

static void
saved_cb (GestComplaintIntakeWindow *window,
          const char                *uuid,
          const char                *folio,
          Fixture                   *f)
{
  f->n_saved++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, rfc, city) VALUES"
                                  " ('cust-1', 'María Pérez López', 'PELM800101AB1', 'Puebla'),"
                                  " ('cust-2', 'Jorge Ruiz Soto', 'RUSJ800101AB1', 'Toluca');"
                                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                                  " VALUES ('veh-1', '3FADP4EJ0KM123456', 'Figo', 2019, 'cust-1');"
                                  "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance,"
                                  " overdue, life_insurance, as_of) VALUES"
                                  " ('plan-1', 'PL-0001', 'cust-1', 'veh-1', 150000, 12000000, 0, 250000, '2026-12-01');",
                                  &error));
  g_assert_no_error (error);
  f->analyst = gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
  f->window = gest_complaint_intake_window_new (NULL, f->context);
  g_object_ref (f->window);
  g_signal_connect (f->window, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->context);
  gest_store_wait_for_writes (f->store);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static GtkWidget *
find (Fixture             *f,
      GestTestWidgetMatch  match,
      const char          *text)
{
  GtkWidget *found = gest_test_find_widget (GTK_WIDGET (f->window), match, text);

  g_assert_nonnull (found);
  return found;
}

static gboolean
shows (Fixture    *f,
       const char *message)
{
  return gest_test_find_widget (GTK_WIDGET (f->window), gest_test_is_visible_label, message) != NULL;
}

static void
type_summary (Fixture    *f,
              const char *text)
{
  GtkWidget *view = find (f, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* By phone: nothing marked until Register; then each missing field with its message under
 * its group; the customer found by the search brings their plan and their name as the
 * complainant; Register gives the case its folio at stage "received", with its plan,
 * vehicle and the analyst as responsible. */
static void
test_phone (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *search = find (f, gest_test_is_entry_row_titled, "Search Customer");
  GtkWidget *customer_row = find (f, gest_test_is_row_titled, "No customer chosen");
  GtkWidget *results;
  GtkListBoxRow *first;
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (shows (f, MSG_CUSTOMER));
  g_assert_false (gest_complaint_intake_window_register (f->window));
  g_assert_true (shows (f, MSG_CUSTOMER));
  g_assert_true (shows (f, MSG_COMPLAINANT));
  g_assert_true (shows (f, MSG_SUMMARY_PHONE));
  g_assert_true (gtk_widget_has_css_class (customer_row, "error"));
  /* The analyst who takes the call is the responsible unless they choose another. */
  g_assert_null (gest_complaint_intake_window_get_error (f->window, GEST_COMPLAINT_INTAKE_RESPONSIBLE));
  g_assert_cmpstr (gest_complaint_intake_window_get_values (f->window)->responsible_uuid, ==, f->analyst->uuid);
  /* The letter is for complaints in writing. */
  g_assert_false (gtk_widget_get_visible (find (f, gest_test_is_group_titled, "Scanned Letter")));

  gtk_editable_set_text (GTK_EDITABLE (search), "maria per");
  iterate ();
  /* One customer matches; the other does not show. */
  first = GTK_LIST_BOX_ROW (find (f, gest_test_is_row_titled, "María Pérez López"));
  results = gtk_widget_get_parent (GTK_WIDGET (first));
  g_assert_true (gtk_widget_get_visible (results));
  g_assert_null (gest_test_find_widget (GTK_WIDGET (f->window), gest_test_is_row_titled, "Jorge Ruiz Soto"));
  g_signal_emit_by_name (results, "row-activated", first);

  g_assert_cmpstr (gest_complaint_intake_window_get_values (f->window)->customer_uuid, ==, "cust-1");
  g_assert_false (shows (f, MSG_CUSTOMER));
  g_assert_false (gtk_widget_has_css_class (customer_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (customer_row)), ==, "María Pérez López");
  /* Her one plan is chosen; the complainant is the customer until the analyst says otherwise. */
  g_assert_cmpuint (gest_complaint_intake_window_get_n_plans (f->window), ==, 1);
  g_assert_cmpstr (gest_complaint_intake_window_get_values (f->window)->plan_uuid, ==, "plan-1");
  g_assert_cmpstr (gest_complaint_intake_window_get_values (f->window)->vehicle_uuid, ==, "veh-1");
  g_assert_false (shows (f, MSG_COMPLAINANT));
  g_assert_cmpstr (gest_complaint_intake_window_get_values (f->window)->complainant_name, ==, "María Pérez López");

  type_summary (f, "Le cobraron dos veces la cuota de noviembre.");
  g_assert_false (shows (f, MSG_SUMMARY_PHONE));
  g_assert_true (gest_complaint_intake_window_register (f->window));
  WAIT_UNTIL (f->n_saved == 1);

  g_assert_true (g_str_has_prefix (gest_complaint_intake_window_get_folio (f->window), "QJA-"));
  complaint = gest_complaint_load (f->store, gest_complaint_intake_window_get_uuid (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (complaint->folio, ==, gest_complaint_intake_window_get_folio (f->window));
  g_assert_cmpint (complaint->stage, ==, GEST_COMPLAINT_RECEIVED);
  g_assert_cmpint (complaint->kind, ==, GEST_COMPLAINT_KIND_COMPLAINT);
  g_assert_cmpint (complaint->channel, ==, GEST_COMPLAINT_CHANNEL_PHONE);
  g_assert_cmpstr (complaint->customer_uuid, ==, "cust-1");
  g_assert_cmpstr (complaint->plan_uuid, ==, "plan-1");
  g_assert_cmpstr (complaint->vehicle_uuid, ==, "veh-1");
  g_assert_cmpstr (complaint->complainant_name, ==, "María Pérez López");
  g_assert_cmpstr (complaint->summary, ==, "Le cobraron dos veces la cuota de noviembre.");
  g_assert_cmpstr (complaint->responsible_uuid, ==, f->analyst->uuid);
  g_assert_null (complaint->letter_document_uuid);
}

/* In writing: the scanned letter is required, shown in the preview, and kept with the case;
 * a claim keeps its type. */
static void
test_writing (Fixture       *f,
              gconstpointer  data)
{
  AdwComboRow *channel = ADW_COMBO_ROW (find (f, gest_test_is_row_titled, "Received Through"));
  AdwComboRow *kind = ADW_COMBO_ROW (find (f, gest_test_is_row_titled, "Type"));
  GtkWidget *letter_group = find (f, gest_test_is_group_titled, "Scanned Letter");
  g_autofree char *pdf = gest_test_data_path ("letter-a4.pdf");
  GestDocumentPreview *preview;
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;

  adw_combo_row_set_selected (kind, 1);
  adw_combo_row_set_selected (channel, 1);
  g_assert_true (gtk_widget_get_visible (letter_group));
  /* The summary is the letter's text. */
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->window), gest_test_is_group_titled, "Letter’s Text"));

  gest_complaint_intake_window_set_customer (f->window, "cust-2", "Jorge Ruiz Soto");
  g_assert_cmpuint (gest_complaint_intake_window_get_n_plans (f->window), ==, 0);
  g_assert_null (gest_complaint_intake_window_get_values (f->window)->plan_uuid);
  type_summary (f, "Por medio de la presente manifiesto mi inconformidad…");
  g_assert_false (gest_complaint_intake_window_register (f->window));
  g_assert_true (shows (f, MSG_LETTER));
  g_assert_true (gtk_widget_has_css_class (find (f, gest_test_is_row_titled, "No letter attached"), "error"));

  gest_complaint_intake_window_set_letter (f->window, pdf);
  g_assert_false (shows (f, MSG_LETTER));
  preview = GEST_DOCUMENT_PREVIEW (find (f, gest_test_is_type, GSIZE_TO_POINTER (GEST_TYPE_DOCUMENT_PREVIEW)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (preview))));
  g_assert_cmpstr (gest_document_preview_get_path (preview), ==, pdf);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->window), gest_test_is_row_titled, "letter-a4.pdf"));
  WAIT_UNTIL (gest_document_preview_get_n_pages (preview) > 0);

  g_assert_true (gest_complaint_intake_window_register (f->window));
  WAIT_UNTIL (f->n_saved == 1);
  complaint = gest_complaint_load (f->store, gest_complaint_intake_window_get_uuid (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (complaint->kind, ==, GEST_COMPLAINT_KIND_CLAIM);
  g_assert_cmpint (complaint->channel, ==, GEST_COMPLAINT_CHANNEL_WRITING);
  g_assert_nonnull (complaint->letter_document_uuid);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents WHERE kind = 'customer-letter'"), ==, 1);
}

/* Escape closes the window without registering anything. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.close", NULL));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM complaints"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_domain_modules_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/complaints/Q5/intake-ui/phone-search-customer-plan-register", test_phone);
  ADD ("/complaints/Q5/intake-ui/writing-needs-letter-previewed-and-kept", test_writing);
  ADD ("/complaints/Q5/intake-ui/escape-closes", test_escape);
#undef ADD

  return g_test_run ();
}
