/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 (Q11), the reports hub in a real window (Xvfb): a report view runs its query off
 * the UI thread (the window's connection stays read-only), shows the table in a column view
 * with the hub's formats and the chart, changes period (an impossible custom period refused
 * in the one error style), exports XLSX and PDF; the Reportes section lists every module's
 * reports under the module's title and opens one, and Escape goes back. */
#include "config.h"

#include "gest-context.h"
#include "gest-module.h"
#include "gest-report-view.h"
#include "gest-reports-section-page.h"
#include "gest-store.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "documents/report-test-data.h"

static void
set_december (GestReportView *view)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 12, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_view_set_period (view, GEST_REPORT_PERIOD_CUSTOM, &first, &last);
}

static void
test_view (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *db = report_test_db_new (dir, 0);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GestReportView *view;
  GtkColumnView *columns;
  GAsyncResult *result = NULL;
  GtkWidget *message;
  GDate first, last;

  view = GEST_REPORT_VIEW (gest_report_view_new (db, report_test_info ()));
  g_object_ref (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_visible_label, (gpointer) "Sales by branch"));

  set_december (view);
  WAIT_UNTIL (g_strcmp0 (gest_report_view_get_state (view), "table") == 0);
  columns = gest_report_view_get_column_view (view);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (columns)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), ==, 2);
  {
    g_autoptr(GtkColumnViewColumn) money = g_list_model_get_item (gtk_column_view_get_columns (columns), 2);
    g_autofree char *cell = gest_report_view_dup_cell_text (view, 0, 2);

    g_assert_cmpstr (gtk_column_view_column_get_title (money), ==, "Amount");
    g_assert_cmpstr (cell, ==, "$1,234.56");
  }
  /* The cells the column view binds show the same text. */
  WAIT_UNTIL (gest_test_find_widget (window, gest_test_is_visible_label, (gpointer) "$1,234.56") != NULL);
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_visible_label, (gpointer) "87.5 %"));
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_visible_label, (gpointer) "06/12/2026"));

  /* Export, in a thread. */
  gest_report_view_export_async (view, GEST_REPORT_EXPORT_XLSX, xlsx, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (gest_report_view_export_finish (view, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_clear_pointer (&contents, g_free);
  gest_report_view_export_async (view, GEST_REPORT_EXPORT_PDF, pdf, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (gest_report_view_export_finish (view, result, &error));
  g_clear_object (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* A period without rows: the empty state says what to do. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 1, 2025);
  g_date_set_dmy (&last, 31, 1, 2025);
  gest_report_view_set_period (view, GEST_REPORT_PERIOD_CUSTOM, &first, &last);
  WAIT_UNTIL (g_strcmp0 (gest_report_view_get_state (view), "empty") == 0);
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_visible_label,
                                           (gpointer) "Choose a longer or an earlier period above."));

  /* The last day before the first: refused under the period's rows, nothing runs. */
  gest_report_view_set_period (view, GEST_REPORT_PERIOD_CUSTOM, &last, &first);
  message = gest_test_find_widget (window, gest_test_is_visible_label,
                                   (gpointer) "The last day is before the first: write a last day on or after the first.");
  g_assert_nonnull (message);
  g_assert_cmpstr (gest_report_view_get_state (view), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_section (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hub.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (path, &error);
  g_autoptr(GestContext) context = NULL;
  GtkWidget *window = gtk_window_new ();
  GestReportsSectionPage *page;
  GPtrArray *groups;
  GtkWidget *view;
  gboolean found_complaints = FALSE, found_tramites = FALSE;

  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (store, TRUE, &error));
  context = gest_context_new (store);
  page = GEST_REPORTS_SECTION_PAGE (gest_reports_section_page_new (context));
  g_object_ref (page);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (gest_reports_section_page_get_state (page), ==, "list");
  groups = gest_reports_section_page_get_groups (page);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *title = adw_preferences_group_get_title (g_ptr_array_index (groups, i));

      found_complaints |= g_strcmp0 (title, gest_module_get_title (gest_modules_find_ui ("complaints"))) == 0;
      found_tramites |= g_strcmp0 (title, gest_module_get_title (gest_modules_find_ui ("tramites"))) == 0;
    }
  g_assert_true (found_complaints);
  g_assert_true (found_tramites);
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_row_titled, (gpointer) "Closed cases by cause"));
  g_assert_nonnull (gest_test_find_widget (window, gest_test_is_row_titled, (gpointer) "Early payoffs by step"));

  /* Activating a row opens its report; the window's connection stayed read-only. */
  gtk_widget_activate (gest_test_find_widget (window, gest_test_is_row_titled, (gpointer) "SLA compliance"));
  g_assert_true (gest_reports_section_page_get_can_go_back (page));
  view = gest_test_find_widget (window, gest_test_is_type, GSIZE_TO_POINTER (GEST_TYPE_REPORT_VIEW));
  g_assert_nonnull (view);
  WAIT_UNTIL (g_strcmp0 (gest_report_view_get_state (GEST_REPORT_VIEW (view)), "loading") != 0);
  g_assert_cmpstr (gest_report_view_get_state (GEST_REPORT_VIEW (view)), ==, "table");
  g_assert_cmpstr (gest_report_view_get_info (GEST_REPORT_VIEW (view))->id, ==, "complaints-sla");

  /* The trámites' report too (no period: no period rows). */
  gtk_widget_activate_action (GTK_WIDGET (page), "board-page.back", NULL);
  g_assert_false (gest_reports_section_page_get_can_go_back (page));
  view = gest_reports_section_page_open_report (page, "tramites-by-step");
  g_assert_nonnull (view);
  WAIT_UNTIL (g_strcmp0 (gest_report_view_get_state (GEST_REPORT_VIEW (view)), "loading") != 0);
  g_assert_cmpstr (gest_report_view_get_state (GEST_REPORT_VIEW (view)), ==, "empty");
  g_assert_false (gtk_widget_is_visible (gest_test_find_widget (window, gest_test_is_row_titled,
                                                                (gpointer) "Period")));
  gest_reports_section_page_show_list (page);
  g_assert_cmpstr (gest_reports_section_page_get_state (page), ==, "list");
  g_assert_null (gest_reports_section_page_open_report (page, "frobnicator"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
  g_clear_object (&context);
  g_assert_finalize_object (g_steal_pointer (&store));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_modules_init ();
  g_test_add_func ("/reports/Q11/view-table-chart-period-export", test_view);
  g_test_add_func ("/reports/Q11/section-lists-modules-reports", test_section);
  return g_test_run ();
}
