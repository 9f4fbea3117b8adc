/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-document-kind-dialog.h"
#include "gest-document-list-private.h"
#include "gest-document-thumbnail.h"
#include "gest-field-error.h"

#define THUMBNAIL_WIDTH 48

G_DEFINE_FINAL_TYPE (GestDocumentList, gest_document_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT_STORE,
  PROP_RECORD_UUID,
  PROP_QUEUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint gest_document_list_signals[GEST_DOCUMENT_LIST_N_SIGNALS];

typedef struct
{
  char             *record_uuid;   /* the record shown when the file was given */
  GFile            *file;
  GestDocumentKind  kind;
} PendingFile;

static void attach_next (GestDocumentList *self);

static void
pending_file_free (PendingFile *pending)
{
  g_free (pending->record_uuid);
  g_object_unref (pending->file);
  g_free (pending);
}

static void
reload (GestDocumentList *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store != NULL && self->record_uuid != NULL)
    {
      model = gest_document_store_list (self->store, self->record_uuid, &error);
      if (model == NULL)
        gest_document_list_show_error (self, NULL, error->message);
    }
  if (model != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_ptr_array_add (items, g_list_model_get_item (model, i));

  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       items->pdata, items->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.attach",
                                 self->store != NULL && self->record_uuid != NULL);
}

/* "Invoice · 9.3 kB · 03/05/2026" */
static char *
row_subtitle (GestDocument *document)
{
  g_autofree char *size = g_format_size ((guint64) gest_document_get_size (document));
  g_autofree char *moment = gest_timestamp_format (gest_document_get_added_at (document));
  g_autofree char *date = g_strndup (moment, 10);   /* "dd/mm/yyyy HH:MM" → date */

  /* Translators: a document's kind, size and date, e.g. "Invoice · 9.3 kB · 03/05/2026". */
  return g_strdup_printf (_("%s · %s · %s"),
                          gest_document_kind_label (gest_document_get_kind (document)), size, date);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GestDocumentList *self = user_data;
  GestDocument *document = item;
  g_autofree char *subtitle = row_subtitle (document);
  g_autofree char *path = gest_document_store_get_content_path (self->store, gest_document_get_sha256 (document));
  g_autofree char *moment = gest_timestamp_format (gest_document_get_added_at (document));
  g_autofree char *tooltip = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *thumbnail = gest_document_thumbnail_new (self->queue, THUMBNAIL_WIDTH);
  GtkWidget *shown = gtk_image_new_from_icon_name ("view-reveal-symbolic");

  /* File names are not markup: "Pérez & Hijos.pdf" must show as it is. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gest_document_get_filename (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gest_document_thumbnail_set_file (GEST_DOCUMENT_THUMBNAIL (thumbnail), path,
                                    gest_document_get_sha256 (document),
                                    gest_document_get_mime_type (document));
  gtk_widget_set_margin_top (thumbnail, 6);
  gtk_widget_set_margin_bottom (thumbnail, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail);
  /* The row of the previewed document is selected and carries this mark. */
  gtk_widget_set_tooltip_text (shown, _("Shown in the preview"));
  gtk_widget_add_css_class (shown, "accent");
  gtk_widget_set_visible (shown, g_strcmp0 (self->selected_uuid, gest_document_get_uuid (document)) == 0);
  g_object_set_data (G_OBJECT (row), "gest-shown-mark", shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gest_document_list_row_menu_button (self, document));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: tooltip of a document, "Added by Ana López on 03/05/2026 10:15". */
  tooltip = g_strdup_printf (_("Added by %s on %s"), gest_document_get_added_by (document), moment);
  gtk_widget_set_tooltip_text (row, tooltip);

  g_object_set_data_full (G_OBJECT (row), "gest-document-uuid",
                          g_strdup (gest_document_get_uuid (document)), g_free);
  return row;
}

static void
attach_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) document = NULL;
  GestDocumentList *self;

  document = gest_document_store_add_finish (GEST_DOCUMENT_STORE (object), result, &error);
  /* Dispose cancels: a callback that is not cancelled has a live widget. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GEST_DOCUMENT_LIST (user_data);
  self->attaching = FALSE;
  if (document == NULL)
    gest_document_list_show_error (self, NULL, error->message);
  else
    self->n_attached++;
  attach_next (self);
}

static void
attach_next (GestDocumentList *self)
{
  PendingFile *pending;

  if (self->attaching)
    return;

  pending = g_queue_pop_head (&self->to_attach);
  if (pending == NULL)
    {
      if (self->n_attached > 0)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u document attached",
                                                                   "%u documents attached",
                                                                   self->n_attached),
                                                      self->n_attached);

          self->n_attached = 0;
          g_signal_emit (self, gest_document_list_signals[GEST_DOCUMENT_LIST_SHOW_MESSAGE], 0, message);
        }
      return;
    }

  self->attaching = TRUE;
  gest_document_store_add_async (self->store, pending->record_uuid, pending->file, pending->kind,
                                 self->cancellable, attach_done_cb, self);
  pending_file_free (pending);
}

static void
kind_dialog_response_cb (GestDocumentList       *self,
                         const char             *response,
                         GestDocumentKindDialog *dialog)
{
  guint n_files = gest_document_kind_dialog_get_n_files (dialog);
  g_autofree GestDocumentKind *kinds = g_new0 (GestDocumentKind, n_files);
  g_autofree GFile **files = g_new0 (GFile *, n_files);

  if (!g_str_equal (response, "attach"))
    return;

  for (guint i = 0; i < n_files; i++)
    {
      files[i] = gest_document_kind_dialog_get_file (dialog, i);
      kinds[i] = gest_document_kind_dialog_get_kind (dialog, i);
    }
  gest_document_list_attach_files (self, files, kinds, n_files);
}

static void
kind_dialog_destroyed_cb (GestDocumentList *self)
{
  self->kind_dialog = NULL;
}

static void
chooser_response_cb (GestDocumentList     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
    }
  g_clear_object (&self->chooser);

  if (array->len > 0)
    gest_document_list_add_files (self, (GFile * const *) array->pdata, array->len);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GestDocumentList *self = GEST_DOCUMENT_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Attach Documents"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Files and Scans"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Files"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Scans and Photos"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
update_marks (GestDocumentList *self)
{
  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (self->list_box, gtk_list_box_row_get_index (row) + 1))
    {
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "gest-shown-mark");
      const char *uuid = g_object_get_data (G_OBJECT (row), "gest-document-uuid");

      if (mark != NULL)
        gtk_widget_set_visible (mark, g_strcmp0 (uuid, self->selected_uuid) == 0);
    }
}

/* A click, Enter or the arrow keys select a row: the page previews what is selected. */
static void
row_selected_cb (GestDocumentList *self,
                 GtkListBoxRow    *row)
{
  const char *uuid = row != NULL ? g_object_get_data (G_OBJECT (row), "gest-document-uuid") : NULL;

  if (uuid == NULL || g_strcmp0 (uuid, self->selected_uuid) == 0)
    return;
  g_free (self->selected_uuid);
  self->selected_uuid = g_strdup (uuid);
  update_marks (self);
  if (!self->selecting)
    g_signal_emit (self, gest_document_list_signals[GEST_DOCUMENT_LIST_DOCUMENT_ACTIVATED], 0, uuid);
}

static void
row_activated_cb (GestDocumentList *self,
                  GtkListBoxRow    *row)
{
  gtk_list_box_select_row (self->list_box, row);
}

static void
document_removed_cb (GestDocumentList *self,
                     const char       *uuid)
{
  guint position;

  if (gest_document_list_find (self, uuid, &position) == NULL)
    return;
  if (g_strcmp0 (uuid, self->selected_uuid) == 0)
    g_clear_pointer (&self->selected_uuid, g_free);
  g_list_store_remove (self->documents, position);
}

static void
document_added_cb (GestDocumentList  *self,
                   GestDocument      *document)
{
  if (g_strcmp0 (gest_document_get_record_uuid (document), self->record_uuid) == 0)
    g_list_store_append (self->documents, document);
}

static GdkDragAction
drop_enter_cb (GestDocumentList *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GestDocumentList *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
drop_cb (GestDocumentList *self,
         const GValue     *value,
         double            x,
         double            y)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL || self->record_uuid == NULL)
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;
  gest_document_list_add_files (self, (GFile * const *) files->pdata, files->len);
  return TRUE;
}

static void
gest_document_list_dispose (GObject *object)
{
  GestDocumentList *self = (GestDocumentList *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gest_document_list_dispose_actions (self);
  if (self->error_row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->error_row), (gpointer *) &self->error_row);
  self->error_row = NULL;
  g_queue_clear_full (&self->to_attach, (GDestroyNotify) pending_file_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->kind_dialog != NULL)
    gtk_window_destroy (self->kind_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_DOCUMENT_LIST);

  g_clear_object (&self->documents);
  g_clear_object (&self->store);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (gest_document_list_parent_class)->dispose (object);
}

static void
gest_document_list_finalize (GObject *object)
{
  GestDocumentList *self = (GestDocumentList *) object;

  g_clear_pointer (&self->record_uuid, g_free);
  g_clear_pointer (&self->selected_uuid, g_free);

  G_OBJECT_CLASS (gest_document_list_parent_class)->finalize (object);
}

static void
gest_document_list_constructed (GObject *object)
{
  GestDocumentList *self = (GestDocumentList *) object;

  G_OBJECT_CLASS (gest_document_list_parent_class)->constructed (object);

  if (self->queue == NULL)
    self->queue = g_object_ref (gest_render_queue_get_default ());
  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "document-added", G_CALLBACK (document_added_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "document-removed", G_CALLBACK (document_removed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->documents), create_row, self, NULL);
  reload (self);
}

static void
gest_document_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GestDocumentList *self = GEST_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GestDocumentList *self = GEST_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD_UUID:
      gest_document_list_set_record_uuid (self, g_value_get_string (value));
      break;
    case PROP_QUEUE:
      self->queue = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_list_class_init (GestDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_document_list_constructed;
  object_class->dispose = gest_document_list_dispose;
  object_class->finalize = gest_document_list_finalize;
  object_class->get_property = gest_document_list_get_property;
  object_class->set_property = gest_document_list_set_property;

  properties[PROP_DOCUMENT_STORE] =
    g_param_spec_object ("document-store", NULL, NULL, GEST_TYPE_DOCUMENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, GEST_TYPE_RENDER_QUEUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GestDocumentList::document-activated:
   * @uuid: the document's uuid
   *
   * A row was activated; the page decides where to show the document.
   */
  gest_document_list_signals[GEST_DOCUMENT_LIST_DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GestDocumentList::show-message:
   * @message: a translated sentence for a toast
   */
  gest_document_list_signals[GEST_DOCUMENT_LIST_SHOW_MESSAGE] =
    g_signal_new ("show-message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GestDocumentList, overlay);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentList, group);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentList, list_box);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentList, actions_box);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentList, drop_revealer);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "documents.attach", NULL, attach_action);
  gest_document_list_class_add_row_actions (widget_class);
}

static void
gest_document_list_init (GestDocumentList *self)
{
  GtkDropTarget *target;

  self->documents = g_list_store_new (GEST_TYPE_DOCUMENT);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Below the list and the page's actions on it. */
  self->error_label = gest_field_error_label_new (self->group);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
gest_document_list_new (GestDocumentStore *store,
                        const char        *record_uuid,
                        GestRenderQueue   *queue)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (store), NULL);
  g_return_val_if_fail (queue == NULL || GEST_IS_RENDER_QUEUE (queue), NULL);

  return g_object_new (GEST_TYPE_DOCUMENT_LIST,
                       "document-store", store,
                       "record-uuid", record_uuid,
                       "queue", queue,
                       NULL);
}

const char *
gest_document_list_get_record_uuid (GestDocumentList *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_LIST (self), NULL);

  return self->record_uuid;
}

void
gest_document_list_set_record_uuid (GestDocumentList *self,
                                    const char       *record_uuid)
{
  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));

  if (g_strcmp0 (self->record_uuid, record_uuid) == 0)
    return;
  g_free (self->record_uuid);
  self->record_uuid = g_strdup (record_uuid);
  g_clear_pointer (&self->selected_uuid, g_free);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_UUID]);
}

void
gest_document_list_select_document (GestDocumentList *self,
                                    const char       *uuid)
{
  GtkWidget *row;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));

  row = gest_document_list_find_row (self, uuid);
  if (row == NULL)
    {
      g_clear_pointer (&self->selected_uuid, g_free);
      gtk_list_box_unselect_all (self->list_box);
      update_marks (self);
      return;
    }
  self->selecting = TRUE;
  gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  self->selecting = FALSE;
}

const char *
gest_document_list_get_selected_uuid (GestDocumentList *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_LIST (self), NULL);

  return self->selected_uuid;
}

GListModel *
gest_document_list_get_model (GestDocumentList *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->documents);
}

void
gest_document_list_add_files (GestDocumentList *self,
                              GFile * const    *files,
                              guint             n_files)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0 || self->store == NULL || self->record_uuid == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gest_document_kind_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, files, n_files);
  /* The dialog answers only while this widget lives: dispose destroys it. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (kind_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (kind_dialog_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->kind_dialog != NULL)
    gtk_window_destroy (self->kind_dialog);
  self->kind_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gest_document_list_attach_files (GestDocumentList       *self,
                                 GFile * const          *files,
                                 const GestDocumentKind *kinds,
                                 guint                   n_files)
{
  g_return_if_fail (GEST_IS_DOCUMENT_LIST (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (kinds != NULL || n_files == 0);

  if (self->store == NULL || self->record_uuid == NULL)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      PendingFile *pending = g_new0 (PendingFile, 1);

      pending->record_uuid = g_strdup (self->record_uuid);
      pending->file = g_object_ref (files[i]);
      pending->kind = kinds[i];
      g_queue_push_tail (&self->to_attach, pending);
    }
  attach_next (self);
}
