/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12, in a real window (Xvfb): a customer's page lists the plans, vehicles and the
 * modules' records of the customer, calls through tel:, opens a plan or a record as a hit and
 * merges; the customer editor shows a refusal in full under its group and saves; the
 * Customers section lists, filters (instantly over 100,000 customers), shows the empty state
 * and the detail, and goes back. Every widget and the store finalize. */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "gest-customer-editor.h"
#include "gest-customer-item.h"
#include "gest-customer-merge-dialog.h"
#include "gest-date-row.h"
#include "gest-money-row.h"
#include "gest-plan-editor.h"
#include "gest-customer-page.h"
#include "gest-customers-section-page.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define DIEGO "11111111-1111-4111-8111-111111111111"
#define OTHER "22222222-2222-4222-8222-222222222222"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

typedef struct
{
  char *kind;
  char *uuid;
  char *merged_into;
} Opened;

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
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
add_customers (Fixture *f)
{
  g_assert_true (gest_store_exec (f->store,
    "INSERT INTO customers (uuid, name, rfc, phone_mobile, email, city, state_code, postal_code) VALUES"
    " ('" DIEGO "', 'Diego González Escobar', 'GODE561231GR8', '5512345678', 'diego@example.com', 'Guadalajara', 'JAL', '44100'),"
    " ('" OTHER "', 'Diego Gonzalez', 'XAXX010101000', '3312345678', '', 'Zapopan', 'JAL', '45000'),"
    " ('33333333-3333-4333-8333-333333333333', 'Materiales del Bajío', 'MAB9307148T4', '', '', 'León', 'GTO', '37000');"
    "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
    " ('v1', '1M8GDM9AXKP042788', 'Aveo LS', 2022, 'JAL-123-A', '" DIEGO "');"
    "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance, as_of) VALUES"
    " ('p1', '1042-070', '" DIEGO "', 'v1', 345600, 10488000, '2026-11-01');"
    "INSERT INTO tramites (uuid, folio, plan_uuid, step_since, agreed_amount, agreed_date, statement_balance,"
    " statement_overdue, statement_installment, statement_life_insurance, statement_as_of, routing_area,"
    " routing_reason, routing_low_limit, routing_installments, created_at, updated_at)"
    " VALUES ('t1', 'LIQ-2026-000001', 'p1', 0, 100, '2026-12-01', 10488000, 0, 345600, 0, '2026-11-01',"
    " 'collections', '', 0, 0, 0, 1764979200000000);",
    NULL));
}

static void
widgets_only_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_record_cb (GestCustomerPage *page,
                const char       *kind,
                const char       *uuid,
                Opened           *opened)
{
  g_free (opened->kind);
  g_free (opened->uuid);
  opened->kind = g_strdup (kind);
  opened->uuid = g_strdup (uuid);
}

static void
merged_cb (GestCustomerPage *page,
           const char       *into,
           Opened           *opened)
{
  opened->merged_into = g_strdup (into);
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window;
  g_autofree char *uri = NULL;
  Opened opened = { NULL, };

  add_customers (f);
  widgets_only_read (f);
  page = gest_customer_page_new (f->store);
  g_signal_connect (page, "open-record", G_CALLBACK (open_record_cb), &opened);
  g_signal_connect (page, "merged", G_CALLBACK (merged_cb), &opened);
  window = show_in_window (page, 900);
  gest_customer_page_set_customer (GEST_CUSTOMER_PAGE (page), DIEGO);

  g_assert_cmpuint (gest_customer_page_count (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_PLANS), ==, 1);
  g_assert_cmpuint (gest_customer_page_count (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_VEHICLES), ==, 1);
  g_assert_cmpuint (gest_customer_page_count (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_RECORDS), ==, 1);
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_row_titled, "Plan 1042-070"));
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_row_titled, "LIQ-2026-000001"));
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_row_titled, "Aveo LS 2022"));
  /* Shown again by its own uuid (what the section does after a save). */
  gest_customer_page_set_customer (GEST_CUSTOMER_PAGE (page), gest_customer_page_get_customer (GEST_CUSTOMER_PAGE (page)));
  g_assert_cmpstr (gest_customer_page_get_customer (GEST_CUSTOMER_PAGE (page)), ==, DIEGO);
  g_assert_cmpuint (gest_customer_page_count (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_PLANS), ==, 1);
  uri = gest_customer_page_dup_call_uri (GEST_CUSTOMER_PAGE (page));
  g_assert_cmpstr (uri, ==, "tel:+525512345678");

  /* A plan opens as a plan hit (its statement), a module's record as its module's hit. */
  gest_customer_page_activate (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_PLANS, 0);
  g_assert_cmpstr (opened.kind, ==, "plan");
  g_assert_cmpstr (opened.uuid, ==, "p1");
  gest_customer_page_activate (GEST_CUSTOMER_PAGE (page), GEST_CUSTOMER_PAGE_RECORDS, 0);
  g_assert_cmpstr (opened.kind, ==, "tramite");
  g_assert_cmpstr (opened.uuid, ==, "t1");

  /* A merge into itself is refused, in full, on the page; into the other one it moves all. */
  gest_customer_page_merge_into (GEST_CUSTOMER_PAGE (page), DIEGO, "Same person");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gest_customer_page_get_error (GEST_CUSTOMER_PAGE (page)) != NULL);
  g_assert_cmpstr (gest_customer_page_get_error (GEST_CUSTOMER_PAGE (page)), ==,
                   "A customer cannot be merged into itself. Choose the other customer, the one with the same person’s records.");
  gest_customer_page_merge_into (GEST_CUSTOMER_PAGE (page), OTHER, "Same RFC");
  WAIT_UNTIL (opened.merged_into != NULL);
  g_assert_cmpstr (opened.merged_into, ==, OTHER);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE customer_uuid = '" OTHER "'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (opened.kind);
  g_free (opened.uuid);
  g_free (opened.merged_into);
}

static void
saved_cb (GestCustomerEditor *editor,
          const char         *uuid,
          char              **out)
{
  *out = g_strdup (uuid);
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  GestCustomerEditor *editor;
  GtkWidget *label;

  add_customers (f);
  widgets_only_read (f);
  editor = gest_customer_editor_new (NULL, f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_NAME)), "Diego G.");
  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_RFC)),
                         "gode561231gr8");

  /* The RFC is another customer's: refused by the save, shown under the group, in full. */
  gest_customer_editor_save (editor);
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gtk_widget_has_css_class (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_RFC), "error"));
  label = gest_test_find_widget (GTK_WIDGET (editor), gest_test_is_visible_label,
                                 "The RFC GODE561231GR8 is already the RFC of Diego González Escobar. Open that customer instead, or merge the two customers if they are the same person.");
  g_assert_nonnull (label);
  g_assert_null (saved);

  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_RFC)),
                         "XAXX010101000");
  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_PHONE_MOBILE)),
                         "33 1234 5678");
  gest_customer_editor_save (editor);
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (saved != NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers WHERE name = 'Diego G.'"
                                                  " AND phone_mobile = '3312345678'"), ==, 1);
}

static void
merge_asked_cb (GestCustomerMergeDialog *dialog,
                const char              *into,
                const char              *reason,
                Opened                  *opened)
{
  opened->merged_into = g_strdup (into);
  opened->kind = g_strdup (reason);
}

/* "Merge With…": the other customer found by search (never the customer itself), the
 * response enabled only with a reason. */
static void
test_merge_dialog (Fixture       *f,
                   gconstpointer  data)
{
  GestCustomerMergeDialog *dialog;
  Opened opened = { NULL, };

  add_customers (f);
  widgets_only_read (f);
  dialog = gest_customer_merge_dialog_new (NULL, f->store, DIEGO, "Diego González Escobar");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "merge", G_CALLBACK (merge_asked_cb), &opened);
  gtk_window_present (GTK_WINDOW (dialog));
  gest_customer_merge_dialog_search (dialog, "diego");
  g_assert_true (gest_customer_merge_dialog_pick (dialog, 0));
  g_assert_false (gest_customer_merge_dialog_pick (dialog, 1));   /* the customer itself is not offered */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));
  gest_customer_merge_dialog_set_reason (dialog, "Same phone");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  g_assert_cmpstr (opened.merged_into, ==, OTHER);
  g_assert_cmpstr (opened.kind, ==, "Same phone");
  /* A response button closes the dialog; the response given here does not. */
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
  g_free (opened.merged_into);
  g_free (opened.kind);
}

/* The plan editor: a rule of the form under its money row, then a save. */
static void
test_plan_editor (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GestPlanValues) values = gest_plan_values_new (OTHER);
  g_autofree char *saved = NULL;
  GestPlanEditor *editor;
  GDate as_of;

  add_customers (f);
  widgets_only_read (f);
  editor = gest_plan_editor_new (NULL, f->store, values);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_NUMBER)), "1042-071");
  gest_money_row_set_value (GEST_MONEY_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_INSTALLMENT)), 345600);
  gest_money_row_set_value (GEST_MONEY_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_BALANCE)), 100);
  gest_money_row_set_value (GEST_MONEY_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_OVERDUE)), 200);
  g_date_set_dmy (&as_of, 1, 11, 2026);
  gest_date_row_set_date (GEST_DATE_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_AS_OF)), &as_of);
  gest_plan_editor_save (editor);
  g_assert_cmpstr (gest_money_row_get_error (GEST_MONEY_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_OVERDUE))),
                   ==, "The overdue amount ($2.00) cannot be more than the balance ($1.00). Check both on Conauto’s statement.");
  gest_money_row_set_value (GEST_MONEY_ROW (gest_plan_editor_get_row (editor, GEST_PLAN_FIELD_OVERDUE)), 0);
  gest_plan_editor_save (editor);
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (saved != NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans WHERE number = '1042-071'"
                                                  " AND customer_uuid = '" OTHER "' AND vehicle_uuid IS NULL"), ==, 1);
}

static void
test_section (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window;

  add_customers (f);
  widgets_only_read (f);
  page = gest_customers_section_page_new (f->store);
  window = show_in_window (page, 360);
  g_assert_cmpstr (gest_customers_section_page_get_state (GEST_CUSTOMERS_SECTION_PAGE (page)), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (gest_customers_section_page_get_list (GEST_CUSTOMERS_SECTION_PAGE (page))),
                    ==, 3);

  /* Accent-insensitive, by name, RFC or phone. */
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "gonzalez diego");
  g_assert_cmpuint (g_list_model_get_n_items (gest_customers_section_page_get_list (GEST_CUSTOMERS_SECTION_PAGE (page))),
                    ==, 2);
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "MAB930");
  g_assert_cmpuint (g_list_model_get_n_items (gest_customers_section_page_get_list (GEST_CUSTOMERS_SECTION_PAGE (page))),
                    ==, 1);
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "3312");
  {
    g_autoptr(GestCustomerItem) item =
      g_list_model_get_item (gest_customers_section_page_get_list (GEST_CUSTOMERS_SECTION_PAGE (page)), 0);

    g_assert_cmpstr (gest_customer_item_get_name (item), ==, "Diego Gonzalez");
    g_assert_cmpstr (gest_customer_item_get_summary (item), ==, "XAXX010101000 · 33 1234 5678 · Zapopan");
  }
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "zzzz");
  g_assert_cmpstr (gest_customers_section_page_get_state (GEST_CUSTOMERS_SECTION_PAGE (page)), ==, "no-match");

  /* The detail, and back with Escape's action. */
  gest_customers_section_page_show_customer (GEST_CUSTOMERS_SECTION_PAGE (page), DIEGO);
  g_assert_true (gest_customers_section_page_get_can_go_back (GEST_CUSTOMERS_SECTION_PAGE (page)));
  {
    g_autofree char *title = NULL;

    g_object_get (page, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Diego González Escobar");
  }
  g_assert_true (gtk_widget_activate_action (page, "board-page.back", NULL));
  g_assert_false (gest_customers_section_page_get_can_go_back (GEST_CUSTOMERS_SECTION_PAGE (page)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_section_empty (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window;

  widgets_only_read (f);
  page = gest_customers_section_page_new (f->store);
  window = show_in_window (page, 900);
  g_assert_cmpstr (gest_customers_section_page_get_state (GEST_CUSTOMERS_SECTION_PAGE (page)), ==, "empty");
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_label, "No Customers Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 100,000 customers: the list reads their ids only, and a search stays instant. */
static void
test_section_many (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window;
  gint64 start, opened, filtered, cleared;
  GListModel *list;

  g_assert_true (gest_store_exec (f->store,
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
    " INSERT INTO customers (uuid, name, rfc, phone_mobile, city)"
    " SELECT printf('c-%06d', i), printf('Cliente %06d Pérez', i), '', printf('55%08d', i), 'Puebla' FROM n;"
    "COMMIT;", NULL));
  widgets_only_read (f);
  start = g_get_monotonic_time ();
  page = gest_customers_section_page_new (f->store);
  window = show_in_window (page, 900);
  opened = g_get_monotonic_time ();
  list = gest_customers_section_page_get_list (GEST_CUSTOMERS_SECTION_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100000);
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "cliente 099999");
  filtered = g_get_monotonic_time ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  gest_customers_section_page_set_search (GEST_CUSTOMERS_SECTION_PAGE (page), "");
  cleared = g_get_monotonic_time ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100000);
  g_test_message ("100,000 customers: page %.1f ms, search %.1f ms, search cleared %.1f ms",
                  (opened - start) / 1000.0, (filtered - opened) / 1000.0, (cleared - filtered) / 1000.0);
  g_assert_cmpint (filtered - opened, <, 200000);
  gtk_window_destroy (GTK_WINDOW (window));
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
  ADD ("/customers/page/plans-vehicles-records-merge", test_page);
  ADD ("/customers/editor/refusal-in-full-then-saved", test_editor);
  ADD ("/customers/merge-dialog/search-pick-reason", test_merge_dialog);
  ADD ("/plans/editor/rule-under-row-then-saved", test_plan_editor);
  ADD ("/customers/section/filter-detail-back-360px", test_section);
  ADD ("/customers/section/empty-state", test_section_empty);
  ADD ("/customers/section/100000-customers", test_section_many);

  return g_test_run ();
}
