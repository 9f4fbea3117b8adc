/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-report-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date-row.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-field-error.h"
#include "gest-report-chart.h"
#include "gest-report-pdf.h"
#include "gest-report-view.h"
#include "gest-report-xlsx.h"

struct _GestReportView
{
  GtkWidget             parent_instance;

  GtkWidget            *scroller;
  GtkLabel             *title_label;
  GtkLabel             *description_label;
  AdwPreferencesGroup  *period_group;
  AdwComboRow          *period_row;
  GestDateRow          *from_row;
  GestDateRow          *to_row;
  AdwPreferencesGroup  *export_group;
  GtkWidget            *xlsx_button;
  GtkWidget            *pdf_button;
  GtkWidget            *print_button;
  GtkLabel             *saved_label;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkDrawingArea       *chart;
  GtkColumnView        *column_view;
  GtkLabel             *period_error;   /* owned by period_group */
  GtkLabel             *export_error;   /* owned by export_group */

  char                 *db_path;
  const GestReportInfo *info;           /* static: a module's table */
  GestReportPeriod      period;
  GestReportTable      *table;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GestReportPages      *print_pages;
  gboolean              setting_days;   /* the code writes the custom rows: no run meanwhile */
};

G_DEFINE_FINAL_TYPE (GestReportView, gest_report_view, GTK_TYPE_WIDGET)

typedef struct
{
  GestReportView *view;   /* borrowed: the factory dies with the column view */
  guint           column;
} ColumnData;

static gboolean
is_number (GestReportColumnKind kind)
{
  return kind == GEST_REPORT_COLUMN_COUNT || kind == GEST_REPORT_COLUMN_MONEY
         || kind == GEST_REPORT_COLUMN_DAYS || kind == GEST_REPORT_COLUMN_PERCENT;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GestReportColumnKind kind = data->view->table != NULL
    ? gest_report_table_get_column_kind (data->view->table, data->column) : GEST_REPORT_COLUMN_TEXT;

  gtk_label_set_xalign (GTK_LABEL (label), is_number (kind) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (is_number (kind))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnData               *data)
{
  g_autofree char *text = gest_report_view_dup_cell_text (data->view, gtk_list_item_get_position (item),
                                                          data->column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
clear_columns (GestReportView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  gtk_column_view_set_model (self->column_view, NULL);
}

static void
show_table (GestReportView *self)
{
  guint n_rows = gest_report_table_get_n_rows (self->table);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);

  clear_columns (self);
  for (guint c = 0; c < gest_report_table_get_n_columns (self->table); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *data = g_new0 (ColumnData, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      data->view = self;
      data->column = c;
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), data, (GClosureNotify) g_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
      column = gtk_column_view_column_new (gest_report_table_get_column_title (self->table, c), factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
  /* The rows are positions in the table: the factories read the cells by position. */
  for (guint r = 0; r < n_rows; r++)
    gtk_string_list_append (rows, "");
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));

  gtk_widget_set_visible (GTK_WIDGET (self->chart), gest_report_chart_wanted (self->table));
  gtk_drawing_area_set_content_height (self->chart, (int) gest_report_chart_get_height (self->table));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  gtk_stack_set_visible_child_name (self->stack, n_rows == 0 ? "empty" : "table");
}

static void
update_buttons (GestReportView *self)
{
  gboolean ready = self->table != NULL;

  gtk_widget_set_sensitive (self->xlsx_button, ready);
  gtk_widget_set_sensitive (self->pdf_button, ready);
  gtk_widget_set_sensitive (self->print_button, ready);
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GestReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  GestReportTable *table = gest_report_run_finish (result, &error);

  if (table == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->table, gest_report_table_unref);
  self->table = table;
  if (table == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    show_table (self);
  update_buttons (self);
}

static void
run_report (GestReportView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The columns' factories read the table: they go with it. */
  clear_columns (self);
  g_clear_pointer (&self->table, gest_report_table_unref);
  update_buttons (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gest_report_run_async (self->db_path, self->info, &self->period, self->cancellable, run_cb,
                         g_object_ref (self));
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GestReportView *self = user_data;
  GdkRGBA color;
  double fg[3];

  if (self->table == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  fg[0] = color.red;
  fg[1] = color.green;
  fg[2] = color.blue;
  gest_report_chart_draw (self->table, cr, width, height, fg);
}

static void
period_changed_cb (GestReportView *self)
{
  GestReportPeriodKind kind = adw_combo_row_get_selected (self->period_row);
  gboolean custom = kind == GEST_REPORT_PERIOD_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  gest_field_error_show (NULL, self->period_error, NULL);
  if (custom)
    {
      GDate first, last;

      /* Start from the period shown, so the rows are never empty. */
      gest_report_period_get_days (&self->period, &first, &last);
      self->setting_days = TRUE;
      gest_date_row_set_date (self->from_row, &first);
      gest_date_row_set_date (self->to_row, &last);
      self->setting_days = FALSE;
      return;
    }
  gest_report_period_preset (&self->period, kind, gest_timestamp_now ());
  run_report (self);
}

static void
custom_changed_cb (GestReportView *self)
{
  GDate first, last, shown_first, shown_last;

  if (self->setting_days || adw_combo_row_get_selected (self->period_row) != GEST_REPORT_PERIOD_CUSTOM)
    return;
  if (!gest_date_row_get_date (self->from_row, &first) || !gest_date_row_get_date (self->to_row, &last))
    return;
  if (g_date_compare (&first, &last) > 0)
    {
      gest_field_error_show (GTK_WIDGET (self->to_row), self->period_error,
                             _("The last day is before the first: write a last day on or after the first."));
      return;
    }
  gest_field_error_show (GTK_WIDGET (self->to_row), self->period_error, NULL);
  gest_report_period_get_days (&self->period, &shown_first, &shown_last);
  if (g_date_compare (&first, &shown_first) == 0 && g_date_compare (&last, &shown_last) == 0
      && self->table != NULL)
    return;
  gest_report_period_from_days (&self->period, &first, &last, gest_timestamp_now ());
  run_report (self);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GestReportTable *table = g_object_get_data (G_OBJECT (task), "table");
  GestReportExport format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "format"));
  const char *path = task_data;
  GError *error = NULL;
  gboolean ok;

  if (format == GEST_REPORT_EXPORT_XLSX)
    ok = gest_report_xlsx_write (path, &table, 1, &error);
  else
    ok = gest_report_pdf_write (path, &table, 1, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GestReportView *self = GEST_REPORT_VIEW (source);
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));

  if (!gest_report_view_export_finish (self, result, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->saved_label), FALSE);
      gest_field_error_show (NULL, self->export_error, error->message);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (_("Saved as “%s”."), name);

      gest_field_error_show (NULL, self->export_error, NULL);
      gtk_label_set_text (self->saved_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->saved_label), TRUE);
    }
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GestReportView *self = user_data;
  GestReportExport format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gest_report_view_export_async (self, format, path, NULL, export_done_cb, NULL);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (GestReportView   *self,
             GestReportExport  format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_strdup_printf ("%s.%s", gest_report_table_get_title (self->table),
                                           format == GEST_REPORT_EXPORT_XLSX ? "xlsx" : "pdf");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (format == GEST_REPORT_EXPORT_XLSX
                                                 ? _("Export to a Spreadsheet") : _("Export to PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
xlsx_clicked_cb (GestReportView *self)
{
  if (self->table != NULL)
    choose_file (self, GEST_REPORT_EXPORT_XLSX);
}

static void
pdf_clicked_cb (GestReportView *self)
{
  if (self->table != NULL)
    choose_file (self, GEST_REPORT_EXPORT_PDF);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GestReportView    *self)
{
  g_clear_pointer (&self->print_pages, gest_report_pages_free);
  self->print_pages = gest_report_pages_new (&self->table, 1, gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, gest_report_pages_get_n_pages (self->print_pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GestReportView    *self)
{
  gest_report_pages_draw (self->print_pages, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GestReportView          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      gest_field_error_show (NULL, self->export_error, error != NULL ? error->message : NULL);
    }
  g_clear_pointer (&self->print_pages, gest_report_pages_free);
  g_object_unref (self);
}

static void
print_clicked_cb (GestReportView *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (self->table == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, gest_report_table_get_title (self->table));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    gest_field_error_show (NULL, self->export_error, error->message);
}

static void
gest_report_view_dispose (GObject *object)
{
  GestReportView *self = GEST_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->column_view != NULL)
    clear_columns (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_REPORT_VIEW);
  G_OBJECT_CLASS (gest_report_view_parent_class)->dispose (object);
}

static void
gest_report_view_finalize (GObject *object)
{
  GestReportView *self = GEST_REPORT_VIEW (object);

  g_clear_pointer (&self->table, gest_report_table_unref);
  g_clear_pointer (&self->print_pages, gest_report_pages_free);
  g_free (self->db_path);
  G_OBJECT_CLASS (gest_report_view_parent_class)->finalize (object);
}

static void
gest_report_view_class_init (GestReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_report_view_dispose;
  object_class->finalize = gest_report_view_finalize;

  g_type_ensure (GEST_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GestReportView, scroller);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, description_label);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, period_group);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, period_row);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, from_row);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, to_row);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, export_group);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, xlsx_button);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, print_button);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, chart);
  gtk_widget_class_bind_template_child (widget_class, GestReportView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, xlsx_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_report_view_init (GestReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->period_error = gest_field_error_label_new (self->period_group);
  self->export_error = gest_field_error_label_new (self->export_group);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

GtkWidget *
gest_report_view_new (const char           *db_path,
                      const GestReportInfo *info)
{
  GestReportView *self;

  g_return_val_if_fail (db_path != NULL && info != NULL, NULL);

  self = g_object_new (GEST_TYPE_REPORT_VIEW, NULL);
  self->db_path = g_strdup (db_path);
  self->info = info;
  gtk_label_set_text (self->title_label, _(info->title));
  gtk_label_set_text (self->description_label, info->description != NULL ? _(info->description) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_group), gest_report_info_uses_period (info));
  gest_report_period_preset (&self->period, GEST_REPORT_PERIOD_THIS_MONTH, gest_timestamp_now ());
  run_report (self);
  return GTK_WIDGET (self);
}

const GestReportInfo *
gest_report_view_get_info (GestReportView *self)
{
  g_return_val_if_fail (GEST_IS_REPORT_VIEW (self), NULL);
  return self->info;
}

void
gest_report_view_set_period (GestReportView       *self,
                             GestReportPeriodKind  kind,
                             const GDate          *first,
                             const GDate          *last)
{
  g_return_if_fail (GEST_IS_REPORT_VIEW (self));

  if (kind != GEST_REPORT_PERIOD_CUSTOM)
    {
      if (adw_combo_row_get_selected (self->period_row) == (guint) kind)
        period_changed_cb (self);
      else
        adw_combo_row_set_selected (self->period_row, kind);
      return;
    }
  g_return_if_fail (first != NULL && last != NULL);
  if (adw_combo_row_get_selected (self->period_row) != GEST_REPORT_PERIOD_CUSTOM)
    adw_combo_row_set_selected (self->period_row, GEST_REPORT_PERIOD_CUSTOM);
  self->setting_days = TRUE;
  gest_date_row_set_date (self->from_row, first);
  gest_date_row_set_date (self->to_row, last);
  self->setting_days = FALSE;
  custom_changed_cb (self);
}

const char *
gest_report_view_get_state (GestReportView *self)
{
  g_return_val_if_fail (GEST_IS_REPORT_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GestReportTable *
gest_report_view_get_table (GestReportView *self)
{
  g_return_val_if_fail (GEST_IS_REPORT_VIEW (self), NULL);
  return self->table;
}

GtkColumnView *
gest_report_view_get_column_view (GestReportView *self)
{
  g_return_val_if_fail (GEST_IS_REPORT_VIEW (self), NULL);
  return self->column_view;
}

char *
gest_report_view_dup_cell_text (GestReportView *self,
                                guint           row,
                                guint           column)
{
  g_return_val_if_fail (GEST_IS_REPORT_VIEW (self), NULL);
  if (self->table == NULL || row >= gest_report_table_get_n_rows (self->table))
    return g_strdup ("");
  return gest_report_table_format_cell (self->table, row, column);
}

void
gest_report_view_export_async (GestReportView      *self,
                               GestReportExport     format,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GEST_IS_REPORT_VIEW (self) && path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_report_view_export_async);
  if (self->table == NULL)
    {
      g_task_return_new_error (task, GEST_ERROR, GEST_ERROR_INVALID,
                               _("The report has not finished running: export it once its table shows."));
      return;
    }
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "table", gest_report_table_ref (self->table),
                          (GDestroyNotify) gest_report_table_unref);
  g_object_set_data (G_OBJECT (task), "format", GINT_TO_POINTER (format));
  g_task_run_in_thread (task, export_thread);
}

gboolean
gest_report_view_export_finish (GestReportView  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
