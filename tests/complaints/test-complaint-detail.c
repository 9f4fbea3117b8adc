/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's page (Q6-Q10) and the Complaints section: the detail shows the intake data, the
 * account analysis from the plan with the document status and its meaning, the customer's
 * contact actions from the other records' logs, the SLA clock; logs a call (Q7), pauses the
 * clock while waiting on the customer, shows the approval refused to an analyst in full under
 * the solution (Q8); the section's board opens a case and lists the user's open tasks. */

#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-complaint.h"
#include "gest-complaint-detail.h"
#include "gest-complaints-page.h"
#include "gest-module.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  GestUser    *analyst;    /* borrowed: the store's */
  char        *uuid;
  char        *folio;
  GtkWidget   *window;
  GtkWidget   *widget;     /* the detail or the page */
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  GestComplaintIntake intake = { 0 };
  GDate due;

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, rfc, city) VALUES"
                                  " ('cust-1', 'María Pérez López', 'PELM800101AB1', 'Puebla');"
                                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                                  " VALUES ('veh-1', '3FADP4EJ0KM123456', 'Figo', 2019, 'cust-1');"
                                  "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance,"
                                  " overdue, life_insurance, as_of) VALUES"
                                  " ('plan-1', 'PL-0001', 'cust-1', 'veh-1', 150000, 12000000, 300000, 250000, '2026-12-01');",
                                  &error));
  g_assert_no_error (error);
  f->analyst = gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  intake.kind = GEST_COMPLAINT_KIND_CLAIM;
  intake.channel = GEST_COMPLAINT_CHANNEL_PHONE;
  intake.customer_uuid = "cust-1";
  intake.plan_uuid = "plan-1";
  intake.vehicle_uuid = "veh-1";
  intake.invoice_number = "F-20931";
  intake.complainant_name = "Luis Pérez";
  intake.complainant_role = "Cónyuge";
  intake.summary = "Cobro doble de la cuota de noviembre";
  intake.responsible_uuid = f->analyst->uuid;
  g_assert_true (gest_complaint_create (f->store, &intake, &f->uuid, &f->folio, &error));
  g_assert_no_error (error);
  /* A call logged on the customer's record: a contact action the account analysis lists. */
  gest_activity_log_append (f->store, "cust-1", GEST_ACTIVITY_CALL, "Pidió su estado de cuenta", "María Pérez", "titular", &error);
  g_assert_no_error (error);
  g_date_clear (&due, 1);
  g_date_set_time_t (&due, time (NULL));
  g_date_add_days (&due, 3);
  g_assert_true (gest_complaint_add_task (f->store, f->uuid, f->analyst->uuid, "Revisar el cobro con Cobranza",
                                          &due, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
}

static void
show (Fixture   *f,
      GtkWidget *widget)
{
  f->widget = g_object_ref (widget);
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gest_store_wait_for_writes (f->store);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->widget);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  g_free (f->uuid);
  g_free (f->folio);
  gest_test_tmpdir_free (f->dir);
}

static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  return gest_test_find_widget (root, gest_test_is_visible_label, text) != NULL;
}

/* Q5, Q6: the header, the intake data, the account analysis from the plan, the document
 * status with its meaning, the contact actions of the customer's other records, the tasks. */
static void
test_shows_case (Fixture       *f,
                 gconstpointer  data)
{
  GestComplaintDetail *detail;
  g_autofree char *status = NULL;
  g_autofree char *sql = NULL;

  show (f, gest_complaint_detail_new (f->context, f->uuid));
  detail = GEST_COMPLAINT_DETAIL (f->widget);
  g_assert_cmpint (gest_complaint_detail_get_stage (detail), ==, GEST_COMPLAINT_RECEIVED);
  g_assert_true (shows (f->widget, f->folio));
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Who Complains"), ==, "Luis Pérez · Cónyuge");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Summary"), ==, "Cobro doble de la cuota de noviembre");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Invoice"), ==, "F-20931");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Balance"), ==, "$120,000.00");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Overdue"), ==, "$3,000.00");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Installment"), ==, "$1,500.00");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Document Status"), ==,
                   "Not reviewed yet: assign the case to record it");
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Revisar el cobro con Cobranza") != NULL ? "task" : NULL, ==, "task");
  g_assert_true (g_str_has_prefix (gest_complaint_detail_get_row_text (detail, "Revisar el cobro con Cobranza"),
                                   "Test cs-analyst · due "));
  /* The call on the customer's record, with whom and by whom. */
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "No contact actions"), ==, NULL);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "Pidió su estado de cuenta (with María Pérez, by Test cs-analyst)"));

  /* Q6: the code's meaning beside it, in the model's words. */
  sql = g_strdup_printf ("UPDATE complaints SET document_status = 'AN', advisor_name = 'Jorge Silva' WHERE uuid = '%s'", f->uuid);
  exec_sql (f->store, sql);
  gest_complaint_detail_reload (detail);
  status = g_strdup_printf ("AN · %s", gest_document_status_meaning (GEST_DOCUMENT_STATUS_AN));
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Document Status"), ==, status);
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Advisor"), ==, "Jorge Silva");
}

/* Q7: a call logged from the page reaches the case's log and its last entry moves (the
 * board's "no entry today" flag clears); the form empties. */
static void
test_log (Fixture       *f,
          gconstpointer  data)
{
  GestComplaintDetail *detail;
  g_autoptr(GestComplaint) complaint = NULL;
  gint64 before = gest_test_query_int (f->store, "SELECT coalesce (last_log_at, 0) FROM complaints");

  show (f, gest_complaint_detail_new (f->context, f->uuid));
  detail = GEST_COMPLAINT_DETAIL (f->widget);
  /* The timeline's own composer would log past the case (its last entry would not move): the
   * page's "Log an Entry" group is the only way in. */
  g_assert_false (gtk_widget_is_visible (gest_test_find_widget (f->widget, gest_test_is_button_labelled, "A_dd to Activity")));
  g_assert_true (gtk_widget_is_visible (gest_test_find_widget (f->widget, gest_test_is_button_labelled, "A_dd to Log")));

  g_assert_true (gest_complaint_detail_add_log (detail, GEST_COMPLAINT_LOG_CALL,
                                                "Se le explicó el reembolso", "María Pérez"));
  WAIT_UNTIL (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE kind = 'call'"
                                             " AND text = 'Se le explicó el reembolso'") == 1);
  gest_store_wait_for_writes (f->store);
  complaint = gest_complaint_load (f->store, f->uuid, NULL);
  g_assert_nonnull (complaint);
  g_assert_cmpint (complaint->last_log_at, >, before);
  g_assert_cmpstr (complaint->last_log_day, !=, NULL);
  g_assert_null (gest_complaint_detail_get_error (detail, "log"));
}

/* SLA: the waiting switch pauses the clock, and the page says so. */
static void
test_waiting (Fixture       *f,
              gconstpointer  data)
{
  GestComplaintDetail *detail;

  show (f, gest_complaint_detail_new (f->context, f->uuid));
  detail = GEST_COMPLAINT_DETAIL (f->widget);
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "State"), !=, "Paused while waiting on the customer");
  g_assert_true (gest_complaint_detail_set_waiting (detail, TRUE, "Espera su estado de cuenta"));
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (g_strcmp0 (gest_complaint_detail_get_row_text (detail, "State"), "Paused while waiting on the customer") == 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT waiting_customer FROM complaints"), ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (gest_test_find_widget (f->widget, gest_test_is_type,
                                                                           GSIZE_TO_POINTER (GTK_TYPE_SWITCH)))));
}

/* Q8: an analyst cannot approve the solution: the model's whole refusal under the solution,
 * nothing approved. */
static void
test_approval_refused (Fixture       *f,
                       gconstpointer  data)
{
  GestComplaintDetail *detail;
  g_autofree char *sql = g_strdup_printf ("UPDATE complaints SET stage = 3, solution = 'Reembolso de la cuota' WHERE uuid = '%s'", f->uuid);
  g_autoptr(GError) error = NULL;
  const char *shown;

  exec_sql (f->store, sql);
  show (f, gest_complaint_detail_new (f->context, f->uuid));
  detail = GEST_COMPLAINT_DETAIL (f->widget);
  g_assert_cmpstr (gest_complaint_detail_get_row_text (detail, "Head’s Approval"), ==, "Waiting for the head of customer service");
  g_assert_true (gest_complaint_detail_approve (detail));
  WAIT_UNTIL (gest_complaint_detail_get_error (detail, "solution") != NULL);
  shown = gest_complaint_detail_get_error (detail, "solution");
  g_assert_true (shows (f->widget, shown));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT solution_approved_at IS NULL FROM complaints"), ==, 1);
  g_assert_true (gest_store_set_read_only (f->store, FALSE, NULL));
  g_assert_false (gest_complaint_approve_solution (f->store, f->uuid, &error));
  g_assert_cmpstr (shown, ==, error->message);
}

/* A case that is not there: the page says so instead of half a page. */
static void
test_unavailable (Fixture       *f,
                  gconstpointer  data)
{
  show (f, gest_complaint_detail_new (f->context, "no-such-case"));
  g_assert_cmpint (gest_complaint_detail_get_stage (GEST_COMPLAINT_DETAIL (f->widget)), ==, -1);
  g_assert_true (shows (f->widget, "Case Not Available"));
}

/* The section: the board opens a case in its detail and back; "My Tasks" lists the user's
 * open task with its case's folio and opens the case. */
static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  GestComplaintsPage *page;
  GtkWidget *task_row;

  gest_modules_init ();
  show (f, gest_complaints_page_new (f->context));
  page = GEST_COMPLAINTS_PAGE (f->widget);
  g_assert_cmpstr (gest_complaints_page_get_view (page), ==, "cases");
  g_assert_cmpuint (gest_complaints_page_reload_tasks (page), ==, 1);
  gest_complaints_page_set_view (page, "tasks");
  task_row = gest_test_find_widget (f->widget, gest_test_is_row_titled, "Revisar el cobro con Cobranza");
  g_assert_nonnull (task_row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (task_row)), f->folio));
  g_signal_emit_by_name (gtk_widget_get_parent (task_row), "row-activated", task_row);
  g_assert_cmpstr (gest_complaints_page_get_view (page), ==, "cases");
  g_assert_nonnull (gest_complaints_page_get_detail (page));
  g_assert_cmpstr (gest_board_page_get_title (gest_complaints_page_get_board_page (page)), ==, f->folio);
  gest_complaints_page_show_board (page);
  g_assert_null (gest_complaints_page_get_detail (page));
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
  ADD ("/complaints/Q5/Q6/detail/intake-account-status-contacts-tasks", test_shows_case);
  ADD ("/complaints/Q7/detail/log-a-call", test_log);
  ADD ("/complaints/sla/detail/waiting-pauses-clock", test_waiting);
  ADD ("/complaints/Q8/detail/approval-refused-to-analyst-in-full", test_approval_refused);
  ADD ("/complaints/detail/unavailable", test_unavailable);
  ADD ("/complaints/Q6/page/my-tasks-open-the-case", test_page);
#undef ADD

  return g_test_run ();
}
