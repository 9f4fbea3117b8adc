/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T1-T7, X4, X5 in a real window (Xvfb): the plan statement and its routing card, the
 * new-trámite window (field errors, the life insurance excluded, the folio), the detail page
 * of one folio (attach a PDF, its log entry and its 2-page preview, a note through the
 * composer, a move and a refused move with the model's exact message, the checklist, the
 * email to Conauto), and the timeline's verification of a tampered log. Every widget and the
 * store finalize. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gest-activity-item.h"
#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-document-list.h"
#include "gest-document-preview.h"
#include "gest-mail-settings.h"
#include "gest-plan-statement-view.h"
#include "gest-plan-statement-window.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-timeline.h"
#include "gest-tramite.h"
#include "gest-tramite-checklist-view.h"
#include "gest-tramite-detail.h"
#include "gest-tramite-editor.h"
#include "gest-tramite-rules.h"

#define MSG_CONAUTO_MOVE "Steps 4 to 6 are Conauto’s: the move from step 3 (Documents and payment) to step 4 (Deposit verified) arrives through the Conauto sync or Conauto’s signed update file."

typedef struct
{
  char      *dir;
  GestStore *store;
  GDate      today;
  char      *today_s;
} Fixture;

/* The test's own writes. The widgets' connection is read-only once they exist, as in the
 * app (their saves go through the store's writer thread); this writes past that. */
static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  gboolean read_only = gest_test_query_int (store, "PRAGMA query_only") != 0;

  g_assert_true (gest_store_set_read_only (store, FALSE, &error));
  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (store, read_only, &error));
}

static void
widgets_only_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (GestStore  *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *as_of = NULL;

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);

  gest_date_today (&f->today);
  f->today_s = gest_date_format (&f->today);
  as_of = gest_date_to_iso (&f->today);
  /* T2: plan 1 is up to date (customer service); plan 2 owes $3,200.00 ≥ 2 × $1,500.00
   * (extrajudicial). */
  sql = g_strdup_printf ("INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
                         "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                         " VALUES ('veh-1', '3FADP4EJ0KM123456', 'Figo', 2019, 'cust-1');"
                         "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance,"
                         " overdue, life_insurance, as_of) VALUES"
                         " ('plan-1', 'PL-0001', 'cust-1', 'veh-1', 150000, 12000000, 0, 250000, '%s'),"
                         " ('plan-2', 'PL-0002', 'cust-1', 'veh-1', 150000, 9000000, 320000, 180000, '%s');",
                         as_of, as_of);
  exec_sql (f->store, sql);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->today_s);
  gest_test_tmpdir_free (f->dir);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The newest entry of @kind in the timeline's model, or NULL. */
static const GestActivityEntry *
timeline_find (GestTimeline     *timeline,
               GestActivityKind  kind)
{
  GListModel *model = gest_timeline_get_model (timeline);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GestActivityItem) item = g_list_model_get_item (model, i);
      const GestActivityEntry *entry = gest_activity_item_get_entry (item);

      if (entry->kind == kind)
        return entry;   /* the store keeps the item alive */
    }
  return NULL;
}

static void
wait_timeline (GestTimeline *timeline,
               guint         n_entries)
{
  WAIT_UNTIL (!gest_timeline_get_loading (timeline) &&
              g_list_model_get_n_items (gest_timeline_get_model (timeline)) == n_entries);
}

static void
new_tramite_cb (GestPlanStatementView  *view,
                const char             *plan_uuid,
                char                  **out)
{
  g_free (*out);
  *out = g_strdup (plan_uuid);
}

/* T1, T2: the statement as of its date, whom to call and why, and ::new-tramite. */
static void
test_statement_view (Fixture       *f,
                     gconstpointer  data)
{
  GestPlanStatementView *view;
  const GestPlanStatement *statement;
  g_autofree char *requested = NULL;
  GtkWidget *window;
  g_autoptr(GestContext) context = gest_context_new (f->store);

  widgets_only_read (f);
  view = GEST_PLAN_STATEMENT_VIEW (gest_plan_statement_view_new (context, "plan-2"));
  g_object_ref_sink (view);
  g_signal_connect (view, "new-tramite", G_CALLBACK (new_tramite_cb), &requested);
  window = show_in_window (GTK_WIDGET (view));

  statement = gest_plan_statement_view_get_statement (view);
  g_assert_nonnull (statement);
  g_assert_cmpstr (statement->plan_number, ==, "PL-0002");
  g_assert_cmpint (statement->balance, ==, 9000000);
  g_assert_cmpint (statement->overdue, ==, 320000);
  g_assert_cmpint (statement->installment, ==, 150000);
  g_assert_cmpint (statement->life_insurance, ==, 180000);
  g_assert_nonnull (gest_plan_statement_view_get_routing (view));
  g_assert_cmpint (gest_plan_statement_view_get_routing (view)->area, ==, GEST_AREA_EXTRAJUDICIAL);
  g_assert_null (gest_plan_statement_view_get_error_message (view));

  g_signal_emit_by_name (gest_test_find_widget (GTK_WIDGET (view), gest_test_is_button_labelled, "_New Payoff"), "clicked");
  g_assert_cmpstr (requested, ==, "plan-2");

  /* An up-to-date plan goes to customer service. */
  gest_plan_statement_view_set_plan_uuid (view, "PL-0001");
  g_assert_cmpint (gest_plan_statement_view_get_routing (view)->area, ==, GEST_AREA_CUSTOMER_SERVICE);

  gest_plan_statement_view_set_plan_uuid (view, "PL-404");
  g_assert_null (gest_plan_statement_view_get_statement (view));
  g_assert_null (gest_plan_statement_view_get_routing (view));
  g_assert_cmpstr (gest_plan_statement_view_get_error_message (view), ==,
                   "There is no plan “PL-404”. Check the plan number on the customer’s contract, or search for the customer.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
saved_cb (GestTramiteEditor  *editor,
          const char         *uuid,
          const char         *folio,
          char              **out)
{
  g_free (*out);
  *out = g_strdup (uuid);
}

static void
set_entry (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = gest_test_find_widget (root, gest_test_is_entry_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* T3: the form's errors under each field, the plan loaded by number, the life insurance shown
 * apart and refused inside the amount, then the folio. */
static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GestContext) context = gest_context_new (f->store);
  GestTramiteEditor *editor = gest_tramite_editor_new (NULL, context, NULL);
  g_autofree char *saved_uuid = NULL;
  g_autofree char *expected_folio = NULL;
  g_autoptr(GestTramite) tramite = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (editor);
  GDate yesterday;
  g_autofree char *yesterday_s = NULL;
  g_autofree char *expected_date_error = NULL;

  widgets_only_read (f);
  g_object_ref_sink (editor);   /* a window is owned by GTK; keep a ref to check finalization */
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_uuid);
  gtk_window_present (GTK_WINDOW (editor));

  /* Nothing shows before the first save. */
  g_assert_null (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_AMOUNT));
  g_assert_false (gest_tramite_editor_save (editor));
  g_assert_null (saved_uuid);
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_PLAN), ==,
                   "Choose the plan to pay off: search for the customer or the plan number.");
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_AMOUNT), ==,
                   "Write the payoff amount agreed with Conauto, without the life insurance.");
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_DATE), ==,
                   "Write the payment date agreed with Conauto, as dd/mm/yyyy.");
  g_assert_null (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_NOTES));

  /* A plan number that does not exist, then the right one typed in the plan field. */
  g_assert_false (gest_tramite_editor_load_plan (editor, "PL-404"));
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_PLAN), ==,
                   "There is no plan “PL-404”. Check the plan number on the customer’s contract, or search for the customer.");
  set_entry (root, "Plan Number", " PL-0001 ");
  g_signal_emit_by_name (gest_test_find_widget (root, gest_test_is_entry_row_titled, "Plan Number"), "apply");
  g_assert_nonnull (gest_tramite_editor_get_values (editor)->statement);
  g_assert_cmpstr (gest_tramite_editor_get_values (editor)->statement->plan_uuid, ==, "plan-1");
  g_assert_null (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_PLAN));
  {
    GestPlanStatementView *view = GEST_PLAN_STATEMENT_VIEW (gest_test_find_widget (root, gest_test_is_type, GSIZE_TO_POINTER (GEST_TYPE_PLAN_STATEMENT_VIEW)));

    g_assert_nonnull (view);
    g_assert_cmpstr (gest_plan_statement_view_get_statement (view)->plan_number, ==, "PL-0001");
    /* The form has its own save button: the view's is hidden. */
    g_assert_false (gtk_widget_get_visible (gest_test_find_widget (GTK_WIDGET (view), gest_test_is_button_labelled, "_New Payoff")));
  }
  /* The life insurance is shown apart and excluded. */
  g_assert_nonnull (gest_test_find_widget (root, gest_test_is_visible_label, "Life insurance of $2,500.00 is not included in the payoff amount."));

  /* Balance + life insurance is the typical mistake: refused under the amount. */
  set_entry (root, "Payoff Amount, Without Life Insurance", "$122,500.00");
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_AMOUNT), ==,
                   "The amount $122,500.00 is the balance $120,000.00 plus the life insurance $2,500.00, but the life insurance is never included in the payoff. Write the amount agreed with Conauto without it.");
  set_entry (root, "Payoff Amount, Without Life Insurance", "118,750.50");
  g_assert_null (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_AMOUNT));

  /* A date that has passed. */
  yesterday = f->today;
  g_date_subtract_days (&yesterday, 1);
  yesterday_s = gest_date_format (&yesterday);
  set_entry (root, "Payment Date (dd/mm/yyyy)", yesterday_s);
  expected_date_error = g_strdup_printf ("The agreed payment date %s has already passed (today is %s). Agree a new date with Conauto and write it.",
                                         yesterday_s, f->today_s);
  g_assert_cmpstr (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_DATE), ==, expected_date_error);
  g_assert_false (gest_tramite_editor_save (editor));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM tramites"), ==, 0);

  set_entry (root, "Payment Date (dd/mm/yyyy)", f->today_s);
  g_assert_null (gest_tramite_editor_get_field_error (editor, GEST_TRAMITE_FIELD_DATE));
  gtk_widget_activate_action (root, "editor.save", NULL);
  /* The save runs on the store's writer thread; meanwhile a second one is refused. */
  g_assert_false (gest_tramite_editor_save (editor));
  g_assert_null (gest_tramite_editor_get_folio (editor));
  gest_store_wait_for_writes (f->store);

  expected_folio = g_strdup_printf ("LIQ-%04d-000001", g_date_get_year (&f->today));
  g_assert_cmpstr (gest_tramite_editor_get_folio (editor), ==, expected_folio);
  g_assert_nonnull (saved_uuid);
  g_assert_cmpstr (gest_tramite_editor_get_tramite_uuid (editor), ==, saved_uuid);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, expected_folio);

  tramite = gest_tramite_load_by_uuid (f->store, saved_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tramite->folio, ==, expected_folio);
  g_assert_cmpint (tramite->agreed_amount, ==, 11875050);
  g_assert_cmpint (g_date_compare (&tramite->agreed_date, &f->today), ==, 0);
  g_assert_cmpint (tramite->statement.life_insurance, ==, 250000);
  g_assert_cmpint (tramite->step, ==, 2);

  /* Saving again does not register a second trámite. */
  g_assert_true (gest_tramite_editor_save (editor));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM tramites"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

/* T5, T6, T7, X4, X5: the detail page of one folio. */
/* The one message dialog open (issue 12's confirmations), presented by a click. */
static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  g_assert_not_reached ();
  return NULL;
}

static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) tramite = gest_tramite_create (f->store, "plan-1", 11875050, &f->today,
                                                        "Cliente llamó", &error);
  g_autoptr(GFile) pdf = NULL;
  g_autofree char *pdf_path = gest_test_data_path ("doc-2pages.pdf");
  GestTramiteDetail *detail;
  GestTimeline *timeline;
  GestDocumentList *list;
  GestDocumentPreview *preview;
  GestTramiteChecklistView *checklist;
  const GestActivityEntry *entry;
  GtkWidget *window;

  g_assert_no_error (error);
  exec_sql (f->store, "INSERT INTO settings (key, value) VALUES ('" GEST_SETTING_DOCUMENTS_EMAIL "', 'cancseg@conautoit.com.mx')");
  widgets_only_read (f);

  {
    g_autoptr(GestContext) context = gest_context_new (f->store);

    detail = GEST_TRAMITE_DETAIL (gest_tramite_detail_new (context, tramite->uuid));
  }
  g_object_ref_sink (detail);
  window = show_in_window (GTK_WIDGET (detail));
  timeline = GEST_TIMELINE (gest_tramite_detail_get_timeline (detail));
  list = GEST_DOCUMENT_LIST (gest_tramite_detail_get_document_list (detail));
  preview = GEST_DOCUMENT_PREVIEW (gest_tramite_detail_get_preview (detail));
  checklist = GEST_TRAMITE_CHECKLIST_VIEW (gest_tramite_detail_get_checklist (detail));
  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_object_add_weak_pointer (G_OBJECT (checklist), (gpointer *) &checklist);

  g_assert_cmpint (gest_tramite_detail_get_step (detail), ==, 2);
  /* Registration logged two entries: registered and routed. */
  wait_timeline (timeline, 2);
  g_assert_true (gest_timeline_get_verified (timeline));
  g_assert_cmpstr (gest_timeline_get_verification_message (timeline), ==, "Log verified");

  /* T7: Conauto's items are read-only; the dealer's have a button. */
  g_assert_false (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED));
  g_assert_false (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_INVOICE_RELEASED));
  g_assert_true (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));

  /* X4: attach the 2-page PDF as the payment proof; its log entry, its preview. */
  pdf = g_file_new_for_path (pdf_path);
  {
    GFile *files[] = { pdf };
    GestDocumentKind kinds[] = { GEST_DOCUMENT_KIND_PAYMENT_PROOF };

    gest_document_list_attach_files (list, files, kinds, 1);
  }
  WAIT_UNTIL (g_list_model_get_n_items (gest_document_list_get_model (list)) == 1);
  wait_timeline (timeline, 3);
  entry = timeline_find (timeline, GEST_ACTIVITY_DOCUMENT);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->text, ==, "Document attached: doc-2pages.pdf (Payment proof)");
  WAIT_UNTIL (gest_document_preview_get_n_pages (preview) == 2 && !gest_document_preview_get_loading (preview));
  g_assert_null (gest_document_preview_get_error_message (preview));
  g_assert_nonnull (gest_document_preview_get_paintable (preview));

  /* X5: a note through the composer. */
  {
    GtkTextView *text_view = GTK_TEXT_VIEW (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "  Customer will pay on Friday.  ", -1);
    g_signal_emit_by_name (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "A_dd to Activity"), "clicked");
  }
  wait_timeline (timeline, 4);
  {
    g_autoptr(GestActivityItem) newest = g_list_model_get_item (gest_timeline_get_model (timeline), 0);

    g_assert_cmpint (gest_activity_item_get_entry (newest)->kind, ==, GEST_ACTIVITY_NOTE);
    g_assert_cmpstr (gest_activity_item_get_entry (newest)->text, ==, "Customer will pay on Friday.");
  }

  /* T6: 2 → 3 needs nothing; the move is logged by the model. */
  g_assert_true (gest_tramite_detail_move_next (detail));
  g_assert_false (gest_tramite_detail_move_next (detail));  /* one move at a time */
  gest_store_wait_for_writes (f->store);
  g_assert_cmpint (gest_tramite_detail_get_step (detail), ==, 3);
  g_assert_null (gest_tramite_detail_get_move_error (detail));
  wait_timeline (timeline, 5);
  {
    g_autoptr(GestActivityItem) newest = g_list_model_get_item (gest_timeline_get_model (timeline), 0);

    g_assert_cmpstr (gest_activity_item_get_entry (newest)->text, ==,
                     "Moved from step 2 (Registered) to step 3 (Documents and payment).");
  }

  /* T7: 3 → 4 is Conauto's: refused with the model's exact words, under the button. */
  g_assert_false (gest_tramite_detail_move_next (detail));
  g_assert_cmpstr (gest_tramite_detail_get_move_error (detail), ==, MSG_CONAUTO_MOVE);
  g_assert_cmpint (gest_tramite_detail_get_step (detail), ==, 3);

  /* T5: the payment with the attached proof; its error first. The form checks with the model's
   * words before it saves (#11.5): refused at once, the reference row marked, the message under
   * the form. */
  gest_tramite_checklist_view_set_payment_form (checklist, "118,750.50", f->today_s, "", NULL);
  g_assert_false (gest_tramite_checklist_view_record_payment (checklist));
  gest_store_wait_for_writes (f->store);
  g_assert_cmpstr (gest_tramite_checklist_view_get_payment_error (checklist), ==,
                   "Write the payment reference (the deposit or transfer reference on the customer’s receipt).");
  {
    GtkWidget *form = gest_tramite_checklist_view_get_payment_form (checklist);
    GtkWidget *reference = gest_test_find_widget (form, gest_test_is_entry_row_titled,
                                                  "Deposit or Transfer Reference");

    g_assert_true (gtk_widget_has_css_class (reference, "error"));
    g_assert_nonnull (gest_test_find_widget (form, gest_test_is_visible_label,
                                             "Write the payment reference (the deposit or transfer reference on the customer’s receipt)."));
  }
  {
    g_autoptr(GestDocument) proof = g_list_model_get_item (gest_document_list_get_model (list), 0);

    gest_tramite_checklist_view_set_payment_form (checklist, "118,750.50", f->today_s, "DEP-778812",
                                                  gest_document_get_uuid (proof));
    g_assert_true (gest_tramite_checklist_view_record_payment (checklist));
    gest_store_wait_for_writes (f->store);
    g_assert_null (gest_tramite_checklist_view_get_payment_error (checklist));
    {
      g_autoptr(GestTramite) now = gest_tramite_load_by_uuid (f->store, tramite->uuid, &error);

      g_assert_no_error (error);
      g_assert_true (now->has_payment);
      g_assert_cmpint (now->payment_amount, ==, 11875050);
      g_assert_cmpstr (now->payment_reference, ==, "DEP-778812");
      g_assert_cmpstr (now->payment_proof_uuid, ==, gest_document_get_uuid (proof));
    }
  }
  wait_timeline (timeline, 6);

  /* T4: the documents go to Conauto's address through the outbox, logged on the trámite. */
  g_assert_true (gest_tramite_detail_send_documents (detail));
  g_assert_false (gest_tramite_detail_send_documents (detail));  /* not twice */
  gest_store_wait_for_writes (f->store);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM mail_outbox WHERE recipient = 'cancseg@conautoit.com.mx'"), ==, 1);
  wait_timeline (timeline, 7);
  g_assert_nonnull (timeline_find (timeline, GEST_ACTIVITY_EMAIL));

  /* The dealer marks the documents sent: issue 12, once the outbox sent the email (no SMTP
   * here: the test marks it sent, as the sender would). */
  exec_sql (f->store, "UPDATE mail_outbox SET state = 'sent', sent_at = 1");
  /* Issue 12 (T5): the tick asks first, naming the item and the folio; cancelled, nothing. */
  {
    GtkWidget *row = gest_test_find_widget (GTK_WIDGET (checklist), gest_test_is_row_titled,
                                            gest_tramite_item_label (GEST_TRAMITE_ITEM_DOCS_SENT));
    GtkWidget *mark = gest_test_find_widget (row, gest_test_is_button_labelled, "_Mark Done");
    GtkWidget *undo = gest_test_find_widget (row, gest_test_is_button_labelled, "_Undo…");
    g_autofree char *heading = g_strdup_printf ("Mark “%s” as done on folio %s?",
                                                gest_tramite_item_label (GEST_TRAMITE_ITEM_DOCS_SENT),
                                                tramite->folio);
    g_autofree char *undo_heading = g_strdup_printf ("Undo “%s” on folio %s?",
                                                     gest_tramite_item_label (GEST_TRAMITE_ITEM_DOCS_SENT),
                                                     tramite->folio);
    AdwMessageDialog *dialog;
    GtkWidget *reason;

    g_assert_nonnull (mark);
    g_assert_nonnull (undo);
    g_signal_emit_by_name (mark, "clicked");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    gest_store_wait_for_writes (f->store);
    g_assert_true (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));

    g_signal_emit_by_name (mark, "clicked");
    dialog = find_message_dialog ();
    adw_message_dialog_response (dialog, "mark");
    gtk_window_destroy (GTK_WINDOW (dialog));
    gest_store_wait_for_writes (f->store);
    g_assert_false (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));
    wait_timeline (timeline, 8);

    /* Undoing needs a reason: the dialog's Undo stays off until one is written. */
    g_signal_emit_by_name (undo, "clicked");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, undo_heading);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "undo"));
    reason = adw_message_dialog_get_extra_child (dialog);
    gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "undo"));
    gtk_editable_set_text (GTK_EDITABLE (reason), "Se envió al correo equivocado");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "undo"));
    adw_message_dialog_response (dialog, "undo");
    gtk_window_destroy (GTK_WINDOW (dialog));
    gest_store_wait_for_writes (f->store);
    g_assert_true (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));
    g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM activity WHERE text LIKE '%Se envió al correo equivocado%'"),
                     ==, 1);
    wait_timeline (timeline, 9);
  }
  g_assert_true (gest_tramite_checklist_view_check_item (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));
  gest_store_wait_for_writes (f->store);
  g_assert_false (gest_tramite_checklist_view_can_check (checklist, GEST_TRAMITE_ITEM_DOCS_SENT));
  wait_timeline (timeline, 10);
  g_assert_true (gest_timeline_get_verified (timeline));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
  g_assert_null (timeline);
  g_assert_null (list);
  g_assert_null (preview);
  g_assert_null (checklist);
}

/* X5: a call with the contact's name and role; the composer's errors; a tampered log names the
 * broken entry. */
static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestTimeline *timeline;
  GtkWidget *window;
  GtkWidget *add;
  GtkTextView *text_view;
  GtkWidget *call_toggle;
  GtkWidget *name_entry = NULL;
  GtkWidget *role_entry = NULL;
  const char *record = "rec-1";
  g_autoptr(GestContext) context = NULL;

  g_assert_cmpint (gest_activity_log_append (f->store, record, GEST_ACTIVITY_NOTE, "First", NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  widgets_only_read (f);

  context = gest_context_new (f->store);
  timeline = GEST_TIMELINE (gest_timeline_new (context, record));
  g_object_ref_sink (timeline);
  window = show_in_window (GTK_WIDGET (timeline));
  wait_timeline (timeline, 1);
  g_assert_cmpstr (gest_timeline_get_verification_message (timeline), ==, "Log verified");

  add = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "A_dd to Activity");
  call_toggle = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "C_all");
  text_view = GTK_TEXT_VIEW (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));
  {
    GtkWidget *w = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));

    name_entry = w;
    for (GtkWidget *s = gtk_widget_get_next_sibling (w); s != NULL; s = gtk_widget_get_next_sibling (s))
      if (GTK_IS_ENTRY (s))
        role_entry = s;
  }
  g_assert_nonnull (role_entry);

  /* A blank note is refused. */
  g_signal_emit_by_name (add, "clicked");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_visible_label, "Write the note before adding it."));
  g_assert_false (gest_timeline_check_entry (GEST_ACTIVITY_NOTE, "   ", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write the note before adding it.");
  g_clear_error (&error);

  /* A call without the person's name is refused; with it, logged with name and role. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (call_toggle), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "Agreed the payoff amount.", -1);
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM activity WHERE record_uuid = 'rec-1'"), ==, 1);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_visible_label,
                                        "Write the name of the person you spoke with, and their role if you know it."));
  g_assert_false (gest_timeline_check_entry (GEST_ACTIVITY_CALL, "Agreed", "", &error));
  g_assert_cmpstr (error->message, ==, "Write the name of the person you spoke with, and their role if you know it.");
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Laura Gómez");
  gtk_editable_set_text (GTK_EDITABLE (role_entry), "Conauto agent");
  g_signal_emit_by_name (add, "clicked");
  /* Saved on the store's writer thread: until then the button waits and the text stays. */
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Laura Gómez");
  gest_store_wait_for_writes (f->store);
  g_assert_true (gtk_widget_get_sensitive (add));
  wait_timeline (timeline, 2);
  {
    g_autoptr(GestActivityItem) newest = g_list_model_get_item (gest_timeline_get_model (timeline), 0);
    const GestActivityEntry *entry = gest_activity_item_get_entry (newest);

    g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_CALL);
    g_assert_cmpstr (entry->text, ==, "Agreed the payoff amount.");
    g_assert_cmpstr (entry->contact_name, ==, "Laura Gómez");
    g_assert_cmpstr (entry->contact_role, ==, "Conauto agent");
  }
  /* The composer is cleared and back on Note. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (call_toggle)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "");

  /* Tamper with the first entry behind the app's back: the timeline says which entry. */
  exec_sql (f->store, "DROP TRIGGER activity_no_update;"
                      "UPDATE activity SET text = 'Forged' WHERE record_uuid = 'rec-1' AND seq = 1;");
  g_assert_false (gest_activity_log_verify (f->store, record, &error));
  gest_timeline_reload (timeline);
  WAIT_UNTIL (!gest_timeline_get_loading (timeline));
  g_assert_false (gest_timeline_get_verified (timeline));
  g_assert_cmpstr (gest_timeline_get_verification_message (timeline), ==, error->message);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (timeline);
}

static void
collect_labels (GtkWidget  *widget,
                const char *text,
                GPtrArray  *out)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, out);
}

static gboolean
in_toast (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (G_OBJECT_TYPE_NAME (w), "AdwToastWidget"))
      return TRUE;
  return FALSE;
}

/* Issue 11: a refusal is readable in full where it happens: exactly one visible, wrapping,
 * not ellipsized label with the whole message, in the group of the @action that was
 * refused; no toast carries it. */
static void
assert_refusal_in_full (GtkWidget  *root,
                        GtkWidget  *action,
                        const char *message)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint near = 0;

  g_assert_nonnull (message);
  collect_labels (root, message, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *group = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_GROUP);

      g_assert_false (in_toast (label));
      if (gtk_widget_is_visible (label) && gtk_label_get_wrap (GTK_LABEL (label)) &&
          gtk_label_get_ellipsize (GTK_LABEL (label)) == PANGO_ELLIPSIZE_NONE &&
          group != NULL && gtk_widget_is_ancestor (action, group))
        near++;
    }
  g_assert_cmpuint (near, ==, 1);
}

/* Issue 11: the three refusals a new user could not read (cut off in toasts): marking the
 * invoice delivered at step 2, sending documents with none attached, moving into a Conauto
 * step. Each shows whole under its group, its row marked; none in a toast. */
static void
test_refusals_in_full (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) tramite = gest_tramite_create (f->store, "plan-1", 11875050, &f->today,
                                                        NULL, &error);
  g_autoptr(GError) expected = NULL;
  GestTramiteChecklist empty = { 0 };
  GestTramiteDetail *detail;
  GtkWidget *checklist;
  GtkWidget *window;
  GtkWidget *invoice_row;
  GtkWidget *send_button;
  GtkWidget *move_button;
  g_autofree char *move_label = NULL;
  GtkWidget *step_row;

  g_assert_no_error (error);
  widgets_only_read (f);
  {
    g_autoptr(GestContext) context = gest_context_new (f->store);

    detail = GEST_TRAMITE_DETAIL (gest_tramite_detail_new (context, tramite->uuid));
  }
  g_object_ref_sink (detail);
  window = show_in_window (GTK_WIDGET (detail));
  checklist = gest_tramite_detail_get_checklist (detail);
  g_assert_cmpint (gest_tramite_detail_get_step (detail), ==, 2);

  /* The invoice delivered, at step 2: the rules' words, under the checklist. */
  g_assert_false (gest_tramite_rules_check_item (&empty, 2, GEST_TRAMITE_ITEM_INVOICE_DELIVERED,
                                                 GEST_TRAMITE_ACTOR_DEALER, &expected));
  g_assert_true (gest_tramite_checklist_view_check_item (GEST_TRAMITE_CHECKLIST_VIEW (checklist),
                                                         GEST_TRAMITE_ITEM_INVOICE_DELIVERED));
  gest_store_wait_for_writes (f->store);
  invoice_row = gest_test_find_widget (checklist, gest_test_is_row_titled,
                                       gest_tramite_item_label (GEST_TRAMITE_ITEM_INVOICE_DELIVERED));
  g_assert_nonnull (invoice_row);
  assert_refusal_in_full (window, invoice_row, expected->message);
  g_assert_true (gtk_widget_has_css_class (invoice_row, "error"));

  /* Sending with no document: under the documents, by the button. */
  g_assert_false (gest_tramite_detail_send_documents (detail));
  send_button = gest_test_find_widget (GTK_WIDGET (detail), gest_test_is_button_labelled,
                                       "_Send Documents to Conauto");
  g_assert_nonnull (send_button);
  assert_refusal_in_full (window, send_button,
                          "This trámite has no documents yet. Attach the documents Conauto asked for, then send them.");
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);

  /* 2 → 3, then 3 → 4 is Conauto's: under the step, its row marked. */
  g_assert_true (gest_tramite_detail_move_next (detail));
  gest_store_wait_for_writes (f->store);
  g_assert_cmpint (gest_tramite_detail_get_step (detail), ==, 3);
  g_assert_false (gest_tramite_detail_move_next (detail));
  /* The button names the step it moves to (issue 11). */
  move_label = g_strdup_printf ("_Move to Step 4: %s", gest_tramite_step_title (4));
  move_button = gest_test_find_widget (GTK_WIDGET (detail), gest_test_is_button_labelled, move_label);
  g_assert_nonnull (move_button);
  assert_refusal_in_full (window, move_button, MSG_CONAUTO_MOVE);
  step_row = gtk_widget_get_ancestor (move_button, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_has_css_class (step_row, "error"));
  g_assert_cmpstr (gest_tramite_detail_get_move_error (detail), ==, MSG_CONAUTO_MOVE);

  /* Issue 11: the whole page, refusals shown, fits a 360 px wide window. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (detail), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

/* Issue 11: Escape closes the account-statement window. */
static void
test_statement_window_escape (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  g_autoptr(GListModel) controllers = NULL;
  GtkWindow *window;
  GtkShortcut *found = NULL;

  widgets_only_read (f);
  {
    g_autoptr(GestContext) context = gest_context_new (f->store);

    window = gest_plan_statement_window_present (NULL, context, "plan-1");
  }
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; found == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            found = shortcut;
        }
    }
  g_assert_nonnull (found);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (window), NULL));
  WAIT_UNTIL (window == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/tramites/T1/T2/statement-view", test_statement_view);
  ADD ("/tramites/T3/editor-validate-save-folio", test_editor);
  ADD ("/tramites/T5/T6/T7/detail-page", test_detail);
  ADD ("/widgets/X5/timeline-call-and-tamper", test_timeline);
  ADD ("/tramites/T6/T7/11/refusals-in-full-where-they-happen", test_refusals_in_full);
  ADD ("/tramites/T1/11/statement-window-escape-closes", test_statement_window_escape);
#undef ADD

  return g_test_run ();
}
