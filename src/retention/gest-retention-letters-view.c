/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-letters-view"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-contact-letter.h"
#include "gest-date.h"
#include "gest-document-print.h"
#include "gest-field-error.h"
#include "gest-retention-letters-view.h"

struct _GestRetentionLettersView
{
  GtkWidget            parent_instance;

  GtkStack            *stack;         /* the only child: "list", "empty" */
  AdwPreferencesGroup *group;
  GtkLabel            *error;
  GPtrArray           *rows;          /* borrowed */
  GtkWidget           *print_button;
  GtkWidget           *save_button;

  GestContext         *context;
  GCancellable        *cancellable;
  GPtrArray           *uuids;         /* char *: the letters shown, the batch */
  char                *pdf_dir;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (GestRetentionLettersView, gest_retention_letters_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One letter as the list shows it. */
typedef struct
{
  char   *uuid;
  char   *customer;
  char   *vehicle;
  gint64  created_at;
} Letter;

static void
letter_free (Letter *letter)
{
  g_free (letter->uuid);
  g_free (letter->customer);
  g_free (letter->vehicle);
  g_free (letter);
}

static GestStore *
open_reader (const char  *path,
             GError     **error)
{
  g_autoptr(GestStore) store = gest_store_open (path, error);

  if (store == NULL || !gest_store_set_read_only (store, TRUE, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = open_reader (task_data, &error);
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *letters;

  if (store != NULL)
    uuids = gest_contact_letters_to_print (store, &error);
  if (uuids != NULL)
    stmt = gest_store_prepare (store,
                               "SELECT c.name, COALESCE (v.model || ' ' || v.year || ' · ' || v.vin, ''), l.created_at"
                               " FROM contact_letters l JOIN contact_targets t ON t.uuid = l.target_uuid"
                               " JOIN customers c ON c.uuid = t.customer_uuid"
                               " LEFT JOIN vehicles v ON v.uuid = t.vehicle_uuid WHERE l.uuid = ?", &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  letters = g_ptr_array_new_with_free_func ((GDestroyNotify) letter_free);
  for (guint i = 0; i < uuids->len; i++)
    {
      Letter *letter = g_new0 (Letter, 1);

      letter->uuid = g_strdup (g_ptr_array_index (uuids, i));
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, letter->uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          letter->customer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          letter->vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          letter->created_at = sqlite3_column_int64 (stmt, 2);
        }
      g_ptr_array_add (letters, letter);
    }
  g_task_return_pointer (task, letters, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_busy (GestRetentionLettersView *self,
          gboolean                  busy)
{
  gboolean any = self->uuids != NULL && self->uuids->len > 0;

  self->busy = busy;
  gtk_widget_set_sensitive (self->print_button, !busy && any);
  gtk_widget_set_sensitive (self->save_button, !busy && any);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GestRetentionLettersView *self = GEST_RETENTION_LETTERS_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) letters = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->uuids, 0);
  gest_field_error_show (NULL, self->error, error != NULL ? error->message : NULL);
  for (guint i = 0; letters != NULL && i < letters->len; i++)
    {
      Letter *letter = g_ptr_array_index (letters, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *made = gest_timestamp_format (letter->created_at);
      /* Translators: a letter to print: "Ford Ranger 2022 · 1FT… · made 06/12/2026 17:02". */
      g_autofree char *subtitle = g_strdup_printf (_("%s · made %s"), letter->vehicle != NULL ? letter->vehicle : "",
                                                   made);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), letter->customer != NULL ? letter->customer : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-unread-symbolic"));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->uuids, g_strdup (letter->uuid));
    }
  gtk_stack_set_visible_child_name (self->stack, self->uuids->len > 0 || error != NULL ? "list" : "empty");
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

/* --- Rendering, printing, saving -------------------------------------------------------- */

typedef struct
{
  char      *db_path;
  GPtrArray *uuids;
  char      *path;     /* where the PDF goes */
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_free (data->db_path);
  g_ptr_array_unref (data->uuids);
  g_free (data->path);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = open_reader (data->db_path, &error);
  g_autoptr(GBytes) pdf = NULL;

  if (store != NULL)
    pdf = gest_contact_letters_render (store, data->uuids, cancellable, &error);
  if (pdf == NULL ||
      !g_file_set_contents (data->path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
render (GestRetentionLettersView *self,
        const char               *path,
        GAsyncReadyCallback       callback)
{
  g_autoptr(GTask) task = NULL;
  RenderData *data = g_new0 (RenderData, 1);

  data->db_path = g_strdup (gest_store_get_path (gest_context_get_store (self->context)));
  data->uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->uuids->len; i++)
    g_ptr_array_add (data->uuids, g_strdup (g_ptr_array_index (self->uuids, i)));
  data->path = g_strdup (path);
  set_busy (self, TRUE);
  gest_field_error_show (NULL, self->error, NULL);
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, render);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
mark_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  return gest_contact_letters_mark_printed (store, data, g_get_real_time (), error);
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestRetentionLettersView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      gest_field_error_show (NULL, self->error, error->message);
      set_busy (self, FALSE);
      return;
    }
  gest_retention_letters_view_reload (self);
}

static void
mark_printed (GestRetentionLettersView *self,
              GPtrArray                *uuids)
{
  gest_store_write_async (gest_context_get_store (self->context), mark_write, g_ptr_array_ref (uuids),
                          (GDestroyNotify) g_ptr_array_unref, NULL, marked_cb, g_object_ref (self));
}

static gboolean
finish_render (GestRetentionLettersView *self,
               GAsyncResult             *result)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gest_field_error_show (NULL, self->error, error->message);
      set_busy (self, FALSE);
    }
  return FALSE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GestRetentionLettersView *self = GEST_RETENTION_LETTERS_VIEW (object);
  RenderData *data = g_task_get_task_data (G_TASK (result));

  if (finish_render (self, result))
    mark_printed (self, data->uuids);
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GestRetentionLettersView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = g_object_steal_data (G_OBJECT (self), "gest-printing");

  if (gest_document_print_finish (result, &error))
    mark_printed (self, uuids);
  else
    {
      /* Cancelled in the print dialog: the letters stay to print. */
      gest_field_error_show (NULL, self->error, error != NULL ? error->message : NULL);
      set_busy (self, FALSE);
    }
}

static void
rendered_for_print_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GestRetentionLettersView *self = GEST_RETENTION_LETTERS_VIEW (object);
  RenderData *data = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *key = NULL;

  if (!finish_render (self, result))
    return;
  key = g_strdup_printf ("contact-letters-%" G_GINT64_FORMAT, g_get_real_time ());
  g_object_set_data_full (G_OBJECT (self), "gest-printing", g_ptr_array_ref (data->uuids),
                          (GDestroyNotify) g_ptr_array_unref);
  gest_document_print_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             gest_context_get_render_queue (self->context), data->path, key,
                             _("Letters to Print"), self->cancellable, printed_cb, g_object_ref (self));
}

static void
print_clicked_cb (GestRetentionLettersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->pdf_dir == NULL)
    self->pdf_dir = g_dir_make_tmp ("gestiona-letters-XXXXXX", &error);
  if (self->pdf_dir == NULL)
    {
      gest_field_error_show (NULL, self->error, error->message);
      return;
    }
  path = g_build_filename (self->pdf_dir, "cartas.pdf", NULL);
  render (self, path, rendered_for_print_cb);
}

static void
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     GestRetentionLettersView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      gest_retention_letters_view_save_pdf (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_clicked_cb (GestRetentionLettersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Letters as PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("letters.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gest_retention_letters_view_dispose (GObject *object)
{
  GestRetentionLettersView *self = GEST_RETENTION_LETTERS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_retention_letters_view_parent_class)->dispose (object);
}

static void
gest_retention_letters_view_finalize (GObject *object)
{
  GestRetentionLettersView *self = GEST_RETENTION_LETTERS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->uuids, g_ptr_array_unref);
  if (self->pdf_dir != NULL)
    {
      g_autofree char *path = g_build_filename (self->pdf_dir, "cartas.pdf", NULL);

      g_unlink (path);
      g_rmdir (self->pdf_dir);
      g_free (self->pdf_dir);
    }

  G_OBJECT_CLASS (gest_retention_letters_view_parent_class)->finalize (object);
}

static void
gest_retention_letters_view_class_init (GestRetentionLettersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_retention_letters_view_dispose;
  object_class->finalize = gest_retention_letters_view_finalize;
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_retention_letters_view_init (GestRetentionLettersView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *empty = adw_status_page_new ();

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->uuids = g_ptr_array_new_with_free_func (g_free);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Letters to Print"));
  adw_preferences_group_set_description (self->group,
                                         _("Made after five failed attempts, when the customer has no email we may "
                                           "use. Print them in one batch; each letter starts on its own page."));
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (self->print_button, "suggested-action");
  self->save_button = gtk_button_new_with_mnemonic (_("Save _PDF…"));
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->print_button);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  adw_preferences_group_set_header_suffix (self->group, buttons);
  self->error = gest_field_error_label_new (self->group);
  gtk_widget_set_margin_top (GTK_WIDGET (self->group), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->group), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->group), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->group));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mail-read-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Letters to Print"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("When a customer is not reached in five attempts, the letter with the "
                                     "service and field-action information appears here to print."));
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  set_busy (self, FALSE);
}

GtkWidget *
gest_retention_letters_view_new (GestContext *context)
{
  GestRetentionLettersView *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_RETENTION_LETTERS_VIEW, NULL);
  self->context = g_object_ref (context);
  gest_retention_letters_view_reload (self);
  return GTK_WIDGET (self);
}

void
gest_retention_letters_view_reload (GestRetentionLettersView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GEST_IS_RETENTION_LETTERS_VIEW (self));

  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, gest_retention_letters_view_reload);
  g_task_set_task_data (task, g_strdup (gest_store_get_path (gest_context_get_store (self->context))), g_free);
  g_task_run_in_thread (task, load_thread);
}

guint
gest_retention_letters_view_get_n_items (GestRetentionLettersView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_LETTERS_VIEW (self), 0);

  return self->uuids->len;
}

void
gest_retention_letters_view_save_pdf (GestRetentionLettersView *self,
                                      const char               *path)
{
  g_return_if_fail (GEST_IS_RETENTION_LETTERS_VIEW (self));
  g_return_if_fail (path != NULL);

  if (self->busy || self->uuids->len == 0)
    return;
  render (self, path, saved_cb);
}
