/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-field-error.h"
#include "gest-import.h"
#include "gest-import-window.h"

/* The window never reads nor writes the database or the file on the UI thread: the preview,
 * the check (a dry run) and the import each run in a GTask thread with their own connection;
 * the import's progress arrives throttled (gest_import_file_async()). */

#define PREVIEW_ROWS 3

struct _GestImportWindow
{
  AdwWindow            parent_instance;

  GtkWidget           *file_group;
  GtkWidget           *file_row;
  GtkWidget           *choose_button;
  GtkWidget           *kind_row;
  GtkWidget           *format_row;
  GtkWidget           *columns_group;
  GtkWidget           *check_group;
  GtkWidget           *counts_row;
  GtkWidget           *errors_scroller;
  GtkWidget           *errors_view;
  GtkWidget           *export_button;
  GtkWidget           *progress_box;
  GtkWidget           *progress_bar;
  GtkWidget           *cancel_button;
  GtkWidget           *summary_label;
  GtkWidget           *import_button;
  GtkLabel            *file_error;

  char                *db_path;
  GestUser            *user;
  char                *path;
  GestImportPreview   *preview;
  GestImportMapping   *mapping;
  gboolean             mapping_edited;
  GestImportResult    *checked;
  GPtrArray           *column_rows;
  GtkStringList       *errors;
  GCancellable        *cancellable;
  gboolean             importing;
};

G_DEFINE_FINAL_TYPE (GestImportWindow, gest_import_window, ADW_TYPE_WINDOW)

static void run_check (GestImportWindow *self);

static GestImportKind
selected_kind (GestImportWindow *self)
{
  return (GestImportKind) adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
}

static void
restart_cancellable (GestImportWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
update_widgets (GestImportWindow *self)
{
  gboolean can_import = self->checked != NULL && self->checked->n_valid > 0 && !self->importing;

  gtk_widget_set_sensitive (self->import_button, can_import);
  gtk_widget_set_sensitive (self->choose_button, !self->importing);
  gtk_widget_set_sensitive (self->kind_row, !self->importing);
  gtk_widget_set_sensitive (self->columns_group, !self->importing);
  gtk_widget_set_visible (self->progress_box, self->importing);
  gtk_widget_set_sensitive (self->export_button, self->checked != NULL && self->checked->issues->len > 0);
}

static void
show_error (GestImportWindow *self,
            const char       *message)
{
  gest_field_error_show (message != NULL ? self->file_row : NULL, self->file_error, message);
  if (message == NULL)
    gest_field_error_show (self->file_row, self->file_error, NULL);
}

static void
show_result (GestImportWindow       *self,
             const GestImportResult *result)
{
  g_autofree char *counts = NULL;

  gtk_widget_set_visible (self->check_group, TRUE);
  /* TRANSLATORS: "120 valid rows, 3 with errors" */
  counts = g_strdup_printf (_("%u valid rows, %u with errors"), result->n_valid, result->n_invalid);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counts_row), counts);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->counts_row),
                               result->ignored_columns != NULL ? result->ignored_columns : "");
  if (result->ignored_columns != NULL)
    {
      g_autofree char *ignored = g_strdup_printf (_("Columns ignored: %s"), result->ignored_columns);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->counts_row), ignored);
    }
  gtk_string_list_splice (self->errors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->errors)), NULL);
  for (guint i = 0; i < result->issues->len; i++)
    {
      const GestImportIssue *issue = g_ptr_array_index (result->issues, i);
      g_autofree char *line = issue->column[0] != '\0'
                                ? g_strdup_printf (_("Row %u, %s: %s"), issue->row, issue->column, issue->message)
                                : g_strdup_printf (_("Row %u: %s"), issue->row, issue->message);

      gtk_string_list_append (self->errors, line);
    }
  gtk_widget_set_visible (self->errors_scroller, result->issues->len > 0);
}

static void
check_ready_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GestImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GestImportResult *result = gest_import_file_finish (res, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->checked, gest_import_result_free);
  if (result == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_visible (self->check_group, FALSE);
    }
  else
    {
      self->checked = result;
      show_error (self, NULL);
      show_result (self, result);
    }
  update_widgets (self);
}

static void
run_check (GestImportWindow *self)
{
  restart_cancellable (self);
  g_clear_pointer (&self->checked, gest_import_result_free);
  gtk_widget_set_visible (self->check_group, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counts_row), _("Checking…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->counts_row), "");
  gtk_widget_set_visible (self->summary_label, FALSE);
  update_widgets (self);
  gest_import_file_async (self->db_path, self->user, self->path, selected_kind (self), self->mapping,
                          TRUE, NULL, NULL, self->cancellable, check_ready_cb, g_object_ref (self));
}

static void
column_changed_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   GestImportWindow *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  GArray *fields = g_object_get_data (G_OBJECT (row), "fields");

  if (self->mapping == NULL || column >= self->mapping->n_columns || selected >= fields->len)
    return;
  self->mapping->fields[column] = g_array_index (fields, GestImportField, selected);
  self->mapping_edited = TRUE;
  run_check (self);
}

static void
clear_columns (GestImportWindow *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->columns_group),
                                  g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
}

/* One combo row per column: its header, its first values, the field it fills. */
static void
fill_columns (GestImportWindow *self)
{
  GestImportKind kind = selected_kind (self);

  clear_columns (self);
  for (guint c = 0; c < self->mapping->n_columns; c++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GArray *fields = g_array_new (FALSE, FALSE, sizeof (GestImportField));
      g_autoptr(GString) sample = g_string_new (NULL);
      GestImportField none = GEST_IMPORT_FIELD_NONE;
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      gtk_string_list_append (labels, _("Ignore"));
      g_array_append_val (fields, none);
      for (int f = 0; f < GEST_N_IMPORT_FIELDS; f++)
        if (gest_import_field_applies (kind, f))
          {
            GestImportField field = f;

            if (self->mapping->fields[c] == field)
              selected = fields->len;
            gtk_string_list_append (labels, gest_import_field_label (field));
            g_array_append_val (fields, field);
          }
      for (guint r = 0; r < self->preview->rows->len; r++)
        {
          const char *value = ((GStrv) g_ptr_array_index (self->preview->rows, r))[c];

          if (value[0] != '\0')
            g_string_append_printf (sample, "%s%s", sample->len > 0 ? " · " : "", value);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->mapping->headers[c][0] != '\0' ? self->mapping->headers[c] : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_object_set_data_full (G_OBJECT (row), "fields", fields, (GDestroyNotify) g_array_unref);
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), row);
      g_ptr_array_add (self->column_rows, row);
    }
  gtk_widget_set_visible (self->columns_group, TRUE);
}

/* The preview's thread: a connection of its own for the remembered mapping. */
static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GestImportWindow *self = source_object;
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (self->db_path, &error);
  GestImportPreview *preview;
  GestImportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "kind"));

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview = gest_import_preview (store, path, kind, PREVIEW_ROWS, &error);
  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) gest_import_preview_free);
}

static void
preview_ready_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  GestImportWindow *self = GEST_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  GestImportPreview *preview = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *format = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->preview, gest_import_preview_free);
  g_clear_pointer (&self->mapping, gest_import_mapping_free);
  g_clear_pointer (&self->checked, gest_import_result_free);
  if (preview == NULL)
    {
      show_error (self, error->message);
      clear_columns (self);
      gtk_widget_set_visible (self->columns_group, FALSE);
      gtk_widget_set_visible (self->check_group, FALSE);
      gtk_widget_set_visible (self->format_row, FALSE);
      update_widgets (self);
      return;
    }
  self->preview = preview;
  self->mapping = gest_import_mapping_copy (preview->mapping);
  self->mapping_edited = FALSE;
  if (preview->separator != '\0')
    /* TRANSLATORS: "Windows-1252, separator “;”" */
    format = g_strdup_printf (_("%s, separator “%c”"), preview->encoding, preview->separator);
  else
    format = g_strdup (_("XLSX workbook, first sheet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format);
  gtk_widget_set_visible (self->format_row, TRUE);
  show_error (self, NULL);
  fill_columns (self);
  run_check (self);
}

static void
load_preview (GestImportWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->path == NULL)
    return;
  restart_cancellable (self);
  task = g_task_new (self, self->cancellable, preview_ready_cb, NULL);
  g_task_set_source_tag (task, load_preview);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_object_set_data (G_OBJECT (task), "kind", GUINT_TO_POINTER (selected_kind (self)));
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, preview_thread);
}

static void
progress_cb (guint    rows,
             goffset  position,
             goffset  size,
             gpointer user_data)
{
  GestImportWindow *self = user_data;
  g_autofree char *text = g_strdup_printf (ngettext ("%u row", "%u rows", rows), rows);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 size > 0 ? CLAMP ((double) position / size, 0.0, 1.0) : 0.0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), text);
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(GestImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestImportResult) result = gest_import_file_finish (res, &error);
  g_autofree char *summary = NULL;

  self->importing = FALSE;
  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        summary = g_strdup (_("Import cancelled: nothing was written."));
      else
        show_error (self, error->message);
    }
  else
    {
      /* TRANSLATORS: the summary of an import */
      summary = g_strdup_printf (_("Imported: %u created, %u updated, %u unchanged; %u rows with "
                                   "errors were not imported."),
                                 result->n_created, result->n_updated, result->n_unchanged, result->n_invalid);
      g_clear_pointer (&self->checked, gest_import_result_free);
      self->checked = g_steal_pointer (&result);
      show_result (self, self->checked);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary != NULL ? summary : "");
  gtk_widget_set_visible (self->summary_label, summary != NULL);
  update_widgets (self);
}

static void
import_clicked_cb (GestImportWindow *self)
{
  restart_cancellable (self);
  self->importing = TRUE;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0.0);
  gtk_widget_set_visible (self->summary_label, FALSE);
  update_widgets (self);
  gest_import_file_async (self->db_path, self->user, self->path, selected_kind (self),
                          self->mapping_edited ? self->mapping : NULL, FALSE, progress_cb, self,
                          self->cancellable, import_ready_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (GestImportWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
kind_changed_cb (GestImportWindow *self)
{
  load_preview (self);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     GestImportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gest_import_window_open_file (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (GestImportWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("CSV and XLSX files"));
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_add_suffix (all, "xlsx");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (xlsx, _("XLSX workbooks"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GestImportWindow *self = source_object;
  g_autoptr(GError) error = NULL;

  if (gest_import_result_export_errors (self->checked, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_ready_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  GestImportWindow *self = GEST_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (!g_task_propagate_boolean (G_TASK (res), &error))
    show_error (self, error->message);
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    GestImportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->checked != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = g_task_new (self, NULL, export_ready_cb, NULL);

      gtk_widget_set_sensitive (self->export_button, FALSE);
      g_task_set_source_tag (task, export_response_cb);
      g_task_set_task_data (task, g_file_get_path (file), g_free);
      g_task_run_in_thread (task, export_thread);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (GestImportWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Errors"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  /* TRANSLATORS: the file name proposed for the errors of an import */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("import-errors.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
error_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
error_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
}

static void
gest_import_window_dispose (GObject *object)
{
  GestImportWindow *self = GEST_IMPORT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_IMPORT_WINDOW);
  G_OBJECT_CLASS (gest_import_window_parent_class)->dispose (object);
}

static void
gest_import_window_finalize (GObject *object)
{
  GestImportWindow *self = GEST_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->user, gest_user_unref);
  g_free (self->db_path);
  g_free (self->path);
  g_clear_pointer (&self->preview, gest_import_preview_free);
  g_clear_pointer (&self->mapping, gest_import_mapping_free);
  g_clear_pointer (&self->checked, gest_import_result_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->errors);
  G_OBJECT_CLASS (gest_import_window_parent_class)->finalize (object);
}

static void
gest_import_window_class_init (GestImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_import_window_dispose;
  object_class->finalize = gest_import_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, file_group);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, check_group);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, counts_row);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, errors_scroller);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, errors_view);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GestImportWindow, import_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_import_window_init (GestImportWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->errors = gtk_string_list_new (NULL);
  self->file_error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (self->file_group));
  g_signal_connect (factory, "setup", G_CALLBACK (error_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (error_bind_cb), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->errors_view), factory);
  g_object_unref (factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->errors_view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->errors)))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), GEST_IMPORT_PLANS);
  update_widgets (self);
}

GestImportWindow *
gest_import_window_new (GtkWindow *parent,
                        GestStore *store)
{
  GestImportWindow *self;
  GestUser *user;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->db_path = g_strdup (gest_store_get_path (store));
  user = gest_store_get_user (store);
  self->user = user != NULL ? gest_user_ref (user) : NULL;
  return self;
}

void
gest_import_window_open_file (GestImportWindow *self,
                              const char       *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GEST_IS_IMPORT_WINDOW (self));

  g_free (self->path);
  self->path = g_strdup (path);
  name = g_path_get_basename (path);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), name);
  load_preview (self);
}
