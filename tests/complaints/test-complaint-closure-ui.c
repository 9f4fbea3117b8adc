/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q9, Q10: the closure dialog on screen. Its rules are tested without a display in
 * test-complaint-forms.c; this checks that the dialog offers the head's catalogs (active
 * entries only), says why a case without the accepting call cannot close, marks each missing
 * choice with its message, closes through the model, and shows the model's refusal in full. */

#include "config.h"

#include <locale.h>

#include "gest-complaint.h"
#include "gest-complaint-closure-dialog.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define MSG_CAUSE "Choose the cause of the complaint from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_ERROR "Choose the error that gave rise to the complaint from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_AREA "Choose the area responsible for the error from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_NO_CALL "The customer has not confirmed by phone that they accept the solution. Record that call on the case first, then close it."

typedef struct
{
  char                       *dir;
  GestStore                  *store;
  GestContext                *context;
  char                       *uuid;
  char                       *cause;
  char                       *error;
  char                       *area;
  GestComplaintClosureDialog *dialog;
  guint                       n_saved;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (store, FALSE, &error));
  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (store, TRUE, &error));
}

static void
saved_cb (Fixture *f)
{
  f->n_saved++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folio = NULL;
  GestUser *head;
  GestComplaintIntake intake = { 0 };

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, rfc, city) VALUES"
                                  " ('cust-1', 'María Pérez López', 'PELM800101AB1', 'Puebla');",
                                  &error));
  g_assert_no_error (error);
  head = gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  intake.kind = GEST_COMPLAINT_KIND_COMPLAINT;
  intake.channel = GEST_COMPLAINT_CHANNEL_PHONE;
  intake.customer_uuid = "cust-1";
  intake.complainant_name = "María Pérez López";
  intake.summary = "Cobro doble";
  intake.responsible_uuid = head->uuid;
  g_assert_true (gest_complaint_create (f->store, &intake, &f->uuid, &folio, &error));
  g_assert_no_error (error);
  g_assert_true (gest_complaint_catalog_add (f->store, "cause", "Cobro indebido", &f->cause, &error));
  g_assert_true (gest_complaint_catalog_add (f->store, "error", "Error de facturación", &f->error, &error));
  g_assert_true (gest_complaint_catalog_add (f->store, "area", "Cobranza", &f->area, &error));
  g_assert_true (gest_complaint_catalog_add (f->store, "area", "Área dada de baja", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store, "UPDATE complaint_catalog SET active = 0 WHERE label = 'Área dada de baja'", &error));
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
}

static void
open_dialog (Fixture *f)
{
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;

  complaint = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_no_error (error);
  f->dialog = gest_complaint_closure_dialog_new (NULL, f->context, complaint);
  g_object_ref (f->dialog);
  g_signal_connect_swapped (f->dialog, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), 360, 600);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_assert_finalize_object (f->dialog);
  g_assert_finalize_object (f->context);
  gest_store_wait_for_writes (f->store);
  g_assert_finalize_object (f->store);
  g_free (f->uuid);
  g_free (f->cause);
  g_free (f->error);
  g_free (f->area);
  gest_test_tmpdir_free (f->dir);
}

static GtkWidget *
find (Fixture             *f,
      GestTestWidgetMatch  match,
      const char          *text)
{
  GtkWidget *found = gest_test_find_widget (GTK_WIDGET (f->dialog), match, text);

  g_assert_nonnull (found);
  return found;
}

static gboolean
shows (Fixture    *f,
       const char *message)
{
  return gest_test_find_widget (GTK_WIDGET (f->dialog), gest_test_is_visible_label, message) != NULL;
}

/* A case answered, its solution accepted by phone: what closure needs besides Q10. */
static void
accept_by_phone (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE complaints SET stage = 4, solution = 'Se reembolsa la cuota',"
                                          " solution_approved_at = 1, answer_sent_at = 1, document_status = 'OG',"
                                          " in_process_sent_at = 1, in_process_channel = 'phone',"
                                          " acceptance_call_at = %" G_GINT64_FORMAT " WHERE uuid = '%s'",
                                          g_get_real_time (), f->uuid);

  exec_sql (f->store, sql);
}

/* Q9: without the call in which the customer accepts, the dialog says so and cannot close. */
static void
test_needs_call (Fixture       *f,
                 gconstpointer  data)
{
  open_dialog (f);
  g_assert_true (shows (f, MSG_NO_CALL));
  g_assert_cmpstr (gest_complaint_closure_dialog_get_blocked (f->dialog), ==, MSG_NO_CALL);
  g_assert_false (gtk_widget_get_sensitive (find (f, gest_test_is_button_labelled, "C_lose Case")));
  g_assert_false (gtk_widget_get_sensitive (find (f, gest_test_is_row_titled, "Cause")));
  g_assert_false (gest_complaint_closure_dialog_save (f->dialog));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM complaints"), ==, GEST_COMPLAINT_RECEIVED);
}

/* Q10: each missing choice marked with its message; the catalogs offer only active entries;
 * with cause, error and area the case closes with them. */
static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *cause_row;
  GtkWidget *area_row;
  g_autoptr(GestComplaint) closed = NULL;
  g_autoptr(GError) error = NULL;

  accept_by_phone (f);
  open_dialog (f);
  g_assert_false (shows (f, MSG_NO_CALL));
  cause_row = find (f, gest_test_is_row_titled, "Cause");
  area_row = find (f, gest_test_is_row_titled, "Responsible Area");
  g_assert_true (gtk_widget_get_sensitive (cause_row));
  /* "Choose…" and the one active area; the inactive one is not offered. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (area_row))), ==, 2);

  g_assert_false (gest_complaint_closure_dialog_save (f->dialog));
  g_assert_true (shows (f, MSG_CAUSE));
  g_assert_true (shows (f, MSG_ERROR));
  g_assert_true (shows (f, MSG_AREA));
  g_assert_true (gtk_widget_has_css_class (cause_row, "error"));

  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_CAUSE, 1);
  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_ERROR, 1);
  g_assert_false (shows (f, MSG_CAUSE));
  g_assert_false (gtk_widget_has_css_class (cause_row, "error"));
  g_assert_true (shows (f, MSG_AREA));
  g_assert_false (gest_complaint_closure_dialog_save (f->dialog));
  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_AREA, 1);
  g_assert_false (shows (f, MSG_AREA));

  g_assert_true (gest_complaint_closure_dialog_save (f->dialog));
  /* One save at a time: the button waits for it. */
  g_assert_false (gtk_widget_get_sensitive (find (f, gest_test_is_button_labelled, "C_lose Case")));
  WAIT_UNTIL (f->n_saved == 1 || gest_complaint_closure_dialog_get_error (f->dialog, -1) != NULL);
  g_assert_cmpstr (gest_complaint_closure_dialog_get_error (f->dialog, -1), ==, NULL);
  closed = gest_complaint_load (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (closed->stage, ==, GEST_COMPLAINT_CLOSED);
  g_assert_cmpstr (closed->cause_uuid, ==, f->cause);
  g_assert_cmpstr (closed->error_uuid, ==, f->error);
  g_assert_cmpstr (closed->area_uuid, ==, f->area);
  g_assert_cmpstr (closed->area_label, ==, "Cobranza");
  g_assert_cmpint (closed->closed_at, >, 0);
}

/* The model checks again when it saves: an area deactivated while the dialog was open is
 * refused, with the model's whole message under the dialog's rows, and nothing changes. */
static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  const char *shown;

  accept_by_phone (f);
  open_dialog (f);
  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_CAUSE, 1);
  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_ERROR, 1);
  gest_complaint_closure_dialog_choose (f->dialog, GEST_COMPLAINT_CLOSURE_AREA, 1);
  sql = g_strdup_printf ("UPDATE complaint_catalog SET active = 0 WHERE uuid = '%s'", f->area);
  exec_sql (f->store, sql);

  g_assert_true (gest_complaint_closure_dialog_save (f->dialog));
  WAIT_UNTIL (gest_complaint_closure_dialog_get_error (f->dialog, -1) != NULL);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM complaints"), ==, GEST_COMPLAINT_ANSWERED);
  g_assert_true (gtk_widget_get_sensitive (find (f, gest_test_is_button_labelled, "C_lose Case")));

  /* The same words as the model's own refusal. */
  shown = gest_complaint_closure_dialog_get_error (f->dialog, -1);
  g_assert_true (shows (f, shown));
  g_assert_true (gest_store_set_read_only (f->store, FALSE, NULL));
  g_assert_false (gest_complaint_close (f->store, f->uuid, f->cause, f->error, f->area, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (shown, ==, error->message);
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
  ADD ("/complaints/Q9/closure-ui/needs-accepting-call", test_needs_call);
  ADD ("/complaints/Q10/closure-ui/cause-error-area-then-closes", test_close);
  ADD ("/complaints/Q10/closure-ui/model-refusal-in-full", test_refusal);
#undef ADD

  return g_test_run ();
}
