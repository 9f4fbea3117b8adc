/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import window (issue 12): the "Done when" file previewed, checked (3 valid rows, 3 with
 * errors, each listed by row and column), imported in a thread with the main loop free, and the
 * summary shown; at 360 px. */
#include "config.h"

#include <locale.h>

#include "gest-import-window.h"
#include "gest-store.h"
#include "gest-test-util.h"

static GtkWidget *
child (GestImportWindow *window,
       const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), GEST_TYPE_IMPORT_WINDOW, name));
}

static void
test_window_imports (void)
{
  g_autoptr(GError) error = NULL;
  char *tmpdir = gest_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmpdir, "w.db", NULL);
  g_autofree char *path = gest_test_data_path ("import/plans-cp1252.csv");
  GestStore *store = gest_store_open (db, &error);
  GestImportWindow *window;
  GtkWidget *counts, *import, *summary, *format, *errors;
  guint source = g_timeout_add (10, gest_test_wake_cb, NULL);

  g_assert_no_error (error);
  window = gest_import_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  gest_import_window_open_file (window, path);

  counts = child (window, "counts_row");
  import = child (window, "import_button");
  WAIT_UNTIL (gtk_widget_get_sensitive (import));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (counts)), ==,
                   "3 valid rows, 3 with errors");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (counts)), ==, "Columns ignored: Vendedor");
  format = child (window, "format_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format)), ==, "Windows-1252, separator “;”");
  errors = child (window, "errors_view");
  {
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (errors)));
    g_autoptr(GtkStringObject) first = g_list_model_get_item (model, 0);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
    g_assert_cmpstr (gtk_string_object_get_string (first), ==,
                     "Row 5, Saldo: “abc” is not an amount: write it like 1234.56 or $1,234.56.");
  }
  /* The check wrote nothing. */
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM plans"), ==, 0);

  g_signal_emit_by_name (import, "clicked");
  summary = child (window, "summary_label");
  WAIT_UNTIL (gtk_widget_get_visible (summary));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   "Imported: 3 created, 0 updated, 0 unchanged; 3 rows with errors were not imported.");
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM plans"), ==, 3);

  g_source_remove (source);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import/window/check-then-import", test_window_imports);
  return g_test_run ();
}
