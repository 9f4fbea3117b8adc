/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-document-changes.h"
#include "gest-document-list-private.h"
#include "gest-document-print.h"
#include "gest-field-error.h"

/* One row action in progress: the list is held until it reports, and the uuid names the row
 * to mark when it fails. */
typedef struct
{
  GestDocumentList *self;
  GestDocument     *document;
  GFile            *destination;   /* save a copy */
} Job;

static Job *
job_new (GestDocumentList *self,
         GestDocument     *document)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->document = g_object_ref (document);
  self->n_jobs++;
  return job;
}

static void
job_free (Job *job)
{
  job->self->n_jobs--;
  g_clear_object (&job->self);
  g_clear_object (&job->document);
  g_clear_object (&job->destination);
  g_free (job);
}

/* A job whose page closed (cancelled) reports nothing. */
static gboolean
job_report_error (Job    *job,
                  GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  gest_document_list_show_error (job->self, gest_document_get_uuid (job->document), error->message);
  return TRUE;
}

static void
message (GestDocumentList *self,
         const char       *text)
{
  g_signal_emit (self, gest_document_list_signals[GEST_DOCUMENT_LIST_SHOW_MESSAGE], 0, text);
}

GestDocument *
gest_document_list_find (GestDocumentList *self,
                         const char       *uuid,
                         guint            *out_position)
{
  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(GestDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_str_equal (gest_document_get_uuid (document), uuid))
        {
          if (out_position != NULL)
            *out_position = i;
          return document;   /* the list store keeps it alive */
        }
    }
  return NULL;
}

GtkWidget *
gest_document_list_find_row (GestDocumentList *self,
                             const char       *uuid)
{
  guint position;

  if (gest_document_list_find (self, uuid, &position) == NULL)
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, (int) position));
}

/* A row action on a document the list no longer has (removed meanwhile) says so. */
static GestDocument *
find_or_report (GestDocumentList *self,
                const char       *uuid)
{
  GestDocument *document = gest_document_list_find (self, uuid, NULL);

  if (document == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("There is no document with the id “%s”. It may have been removed; refresh the list."),
                         uuid);

      gest_document_list_show_error (self, NULL, text);
    }
  return document;
}

/* Open */

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && error != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("No application could open “%s”: %s. Install a PDF or image viewer, or save a copy and open it from the file manager."),
                         gest_document_get_filename (job->document), error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gest_document_list_show_error (job->self, gest_document_get_uuid (job->document), text);
    }
  job_free (job);
}

static void
temporary_copy_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path = gest_document_store_save_temporary_copy (job->self->store, job->document,
                                                        cancellable, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
temporary_copy_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *uri = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  if (path == NULL)
    {
      job_report_error (job, error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (job->self))));
  g_app_info_launch_default_for_uri_async (uri, context, job->self->cancellable, launched_cb,
                                           job_new (job->self, job->document));
}

void
gest_document_list_open_document (GestDocumentList *self,
                                  const char       *uuid)
{
  g_autoptr(GTask) task = NULL;
  GestDocument *document;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (uuid != NULL);

  if ((document = find_or_report (self, uuid)) == NULL)
    return;
  gest_document_list_show_error (self, NULL, NULL);
  task = g_task_new (NULL, self->cancellable, temporary_copy_cb, NULL);
  g_task_set_source_tag (task, gest_document_list_open_document);
  g_task_set_task_data (task, job_new (self, document), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, temporary_copy_thread);
}

/* Save a copy */

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (gest_document_store_save_copy (job->self->store, job->document, job->destination,
                                     cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_copy_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      job_report_error (job, error);
      return;
    }
  name = g_file_get_basename (job->destination);
  /* Translators: a toast, "Saved a copy as invoice.pdf". */
  text = g_strdup_printf (_("Saved a copy as %s"), name);
  message (job->self, text);
}

void
gest_document_list_save_copy (GestDocumentList *self,
                              const char       *uuid,
                              GFile            *destination)
{
  g_autoptr(GTask) task = NULL;
  GestDocument *document;
  Job *job;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  if ((document = find_or_report (self, uuid)) == NULL)
    return;
  gest_document_list_show_error (self, NULL, NULL);
  job = job_new (self, document);
  job->destination = g_object_ref (destination);
  task = g_task_new (NULL, self->cancellable, save_copy_cb, NULL);
  g_task_set_source_tag (task, gest_document_list_save_copy);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, save_copy_thread);
}

static void
save_chooser_response_cb (GestDocumentList     *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (chooser), "gest-document-uuid");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && uuid != NULL)
    gest_document_list_save_copy (self, uuid, file);
  g_clear_object (&self->save_chooser);
}

static void
ask_where_to_save (GestDocumentList *self,
                   const char       *uuid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GestDocument *document = find_or_report (self, uuid);

  if (document == NULL || self->save_chooser != NULL)
    return;
  self->save_chooser = gtk_file_chooser_native_new (_("Save a Copy"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser),
                                     gest_document_get_filename (document));
  g_object_set_data_full (G_OBJECT (self->save_chooser), "gest-document-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (self->save_chooser, "response", G_CALLBACK (save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/* Print */

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_document_print_finish (result, &error) && error != NULL)
    job_report_error (job, error);
  job_free (job);
}

void
gest_document_list_print_document (GestDocumentList *self,
                                   const char       *uuid)
{
  g_autofree char *path = NULL;
  GtkRoot *root;
  GestDocument *document;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (uuid != NULL);

  if ((document = find_or_report (self, uuid)) == NULL)
    return;
  gest_document_list_show_error (self, NULL, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  path = gest_document_store_get_content_path (self->store, gest_document_get_sha256 (document));
  gest_document_print_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->queue, path,
                             gest_document_get_sha256 (document), gest_document_get_filename (document),
                             self->cancellable, printed_cb, job_new (self, document));
}

/* Remove */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_document_store_remove_finish (GEST_DOCUMENT_STORE (object), result, &error))
    job_report_error (job, error);
  else
    {
      /* Translators: a toast after a document was removed from a record. */
      g_autofree char *text = g_strdup_printf (_("“%s” removed"), gest_document_get_filename (job->document));

      message (job->self, text);
    }
  job_free (job);
}

void
gest_document_list_remove_document (GestDocumentList *self,
                                    const char       *uuid)
{
  GestDocument *document;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (uuid != NULL);

  if ((document = find_or_report (self, uuid)) == NULL)
    return;
  gest_document_list_show_error (self, NULL, NULL);
  /* The store's ::document-removed takes the row away once the removal is committed. */
  gest_document_store_remove_async (self->store, uuid, self->cancellable, removed_cb,
                                    job_new (self, document));
}

static void
remove_response_cb (GestDocumentList *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "gest-document-uuid");

  if (g_str_equal (response, "remove") && uuid != NULL)
    gest_document_list_remove_document (self, uuid);
}

static void
remove_dialog_destroyed_cb (GestDocumentList *self)
{
  self->remove_dialog = NULL;
}

void
gest_document_list_confirm_remove (GestDocumentList *self,
                                   const char       *uuid)
{
  g_autofree char *heading = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  GestDocument *document;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (uuid != NULL);

  if ((document = find_or_report (self, uuid)) == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is a document's file name. */
  heading = g_strdup_printf (_("Remove “%s”?"), gest_document_get_filename (document));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The document leaves this record on every computer that syncs it. "
                                     "The removal is recorded in the activity log."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gest-document-uuid", g_strdup (uuid), g_free);
  /* The dialog answers only while this widget lives: dispose destroys it. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (remove_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  if (self->remove_dialog != NULL)
    gtk_window_destroy (self->remove_dialog);
  self->remove_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The row menu */

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GestDocumentList *self = GEST_DOCUMENT_LIST (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "document.open"))
    gest_document_list_open_document (self, uuid);
  else if (g_str_equal (action_name, "document.save-copy"))
    ask_where_to_save (self, uuid);
  else if (g_str_equal (action_name, "document.print"))
    gest_document_list_print_document (self, uuid);
  else if (g_str_equal (action_name, "document.remove"))
    gest_document_list_confirm_remove (self, uuid);
}

void
gest_document_list_class_add_row_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "document.open", "s", row_action);
  gtk_widget_class_install_action (widget_class, "document.save-copy", "s", row_action);
  gtk_widget_class_install_action (widget_class, "document.print", "s", row_action);
  gtk_widget_class_install_action (widget_class, "document.remove", "s", row_action);
}

GtkWidget *
gest_document_list_row_menu_button (GestDocumentList *self,
                                    GestDocument     *document)
{
  static const struct { const char *label; const char *action; } items[] = {
    { N_("_Open"), "document.open" },
    { N_("_Save a Copy…"), "document.save-copy" },
    { N_("_Print…"), "document.print" },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) remove_section = g_menu_new ();
  g_autoptr(GMenuItem) remove = NULL;
  GtkWidget *button = gtk_menu_button_new ();
  const char *uuid = gest_document_get_uuid (document);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (uuid));
      g_menu_append_item (open_section, item);
    }
  remove = g_menu_item_new (_("_Remove…"), NULL);
  g_menu_item_set_action_and_target_value (remove, "document.remove", g_variant_new_string (uuid));
  g_menu_append_item (remove_section, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove_section));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open, Save a Copy, Print or Remove"));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

void
gest_document_list_dispose_actions (GestDocumentList *self)
{
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  if (self->remove_dialog != NULL)
    gtk_window_destroy (self->remove_dialog);
}

gboolean
gest_document_list_get_busy (GestDocumentList *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_LIST (self), FALSE);

  return self->n_jobs > 0;
}

void
gest_document_list_show_error (GestDocumentList *self,
                               const char       *uuid,
                               const char       *text)
{
  GtkWidget *row;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));

  if (self->error_row != NULL)
    {
      gtk_widget_remove_css_class (self->error_row, "error");
      g_object_remove_weak_pointer (G_OBJECT (self->error_row), (gpointer *) &self->error_row);
      self->error_row = NULL;
    }
  row = text != NULL ? gest_document_list_find_row (self, uuid) : NULL;
  if (row != NULL)
    {
      self->error_row = row;
      g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &self->error_row);
    }
  gest_field_error_show (row, self->error_label, text);
}

const char *
gest_document_list_get_error (GestDocumentList *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_LIST (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}

void
gest_document_list_add_action (GestDocumentList *self,
                               GtkWidget        *widget)
{
  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->actions_box, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), TRUE);
}
