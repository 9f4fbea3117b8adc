/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-record-detail"

#include "config.h"


#include "gest-field-error.h"
#include "gest-record-detail.h"

struct _GestRecordDetail
{
  GtkWidget            parent_instance;

  /* Template children. The overlay is bound so that dispose_template() unparents it. */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *unavailable_page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkLabel            *status_error_label;   /* gest_field_error_label_new (status_group) */
  GtkFlowBox          *fields_box;
  GtkBox              *sections_box;
  GtkBox              *documents_box;
  GtkFrame            *preview_frame;
  GtkBox              *timeline_box;

  /* Borrowed: children of the boxes above. */
  GestDocumentList    *document_list;
  GestDocumentPreview *preview;
  GestTimeline        *timeline;

  GestContext         *context;
  GestStore           *store;           /* the context's */
  GestDocumentStore   *documents;
  GestRenderQueue     *queue;
  char                *record_uuid;
};

G_DEFINE_FINAL_TYPE (GestRecordDetail, gest_record_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_newest_document (GestRecordDetail *self)
{
  GListModel *model = gest_document_list_get_model (self->document_list);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GestDocument) last = n > 0 ? g_list_model_get_item (model, n - 1) : NULL;

  gest_record_detail_show_document (self, last);
}

static void
show_message_cb (GestRecordDetail *self,
                 const char       *message)
{
  gest_record_detail_add_toast (self, message);
}

static void
document_activated_cb (GestRecordDetail *self,
                       const char       *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) document = gest_document_store_lookup (self->documents, uuid, &error);

  if (document == NULL)
    gest_document_list_show_error (self->document_list, uuid, error->message);
  else
    gest_record_detail_show_document (self, document);
}

static void
document_added_cb (GestRecordDetail *self,
                   GestDocument     *document)
{
  if (g_strcmp0 (gest_document_get_record_uuid (document), self->record_uuid) != 0)
    return;
  /* The document store logged the attachment: show it, and what was just attached. */
  gest_timeline_reload (self->timeline);
  gest_record_detail_show_document (self, document);
}

static void
document_removed_cb (GestRecordDetail *self,
                     const char       *uuid,
                     const char       *record_uuid)
{
  if (g_strcmp0 (record_uuid, self->record_uuid) != 0)
    return;
  gest_timeline_reload (self->timeline);
  /* The list dropped the row already (it connected first): preview what is left. */
  if (gest_document_list_get_selected_uuid (self->document_list) == NULL)
    show_newest_document (self);
}

static void
gest_record_detail_constructed (GObject *object)
{
  GestRecordDetail *self = (GestRecordDetail *) object;

  G_OBJECT_CLASS (gest_record_detail_parent_class)->constructed (object);

  self->documents = gest_document_store_new (self->store);
  /* The context's worker renders every preview and thumbnail; the widgets cancel theirs on
   * dispose. */
  self->queue = g_object_ref (gest_context_get_render_queue (self->context));

  self->document_list = GEST_DOCUMENT_LIST (gest_document_list_new (self->documents, self->record_uuid, self->queue));
  g_signal_connect_object (self->document_list, "show-message", G_CALLBACK (show_message_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_list, "document-activated", G_CALLBACK (document_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->documents_box, GTK_WIDGET (self->document_list));
  /* After the list's own handlers, so the list is up to date when these run. */
  g_signal_connect_object (self->documents, "document-added", G_CALLBACK (document_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents, "document-removed", G_CALLBACK (document_removed_cb),
                           self, G_CONNECT_SWAPPED);

  self->preview = GEST_DOCUMENT_PREVIEW (gest_document_preview_new (self->queue));
  gtk_frame_set_child (self->preview_frame, GTK_WIDGET (self->preview));

  self->timeline = GEST_TIMELINE (gest_timeline_new (self->context, self->record_uuid));
  gtk_box_append (self->timeline_box, GTK_WIDGET (self->timeline));

  /* Show the newest document at once, so the preview is never an empty frame. */
  show_newest_document (self);
}

static void
gest_record_detail_dispose (GObject *object)
{
  GestRecordDetail *self = (GestRecordDetail *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_RECORD_DETAIL);
  g_clear_object (&self->documents);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_record_detail_parent_class)->dispose (object);
}

static void
gest_record_detail_finalize (GObject *object)
{
  GestRecordDetail *self = (GestRecordDetail *) object;

  g_clear_pointer (&self->record_uuid, g_free);

  G_OBJECT_CLASS (gest_record_detail_parent_class)->finalize (object);
}

static void
gest_record_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GestRecordDetail *self = GEST_RECORD_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_record_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GestRecordDetail *self = GEST_RECORD_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_RECORD_UUID:
      self->record_uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_record_detail_class_init (GestRecordDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_record_detail_constructed;
  object_class->dispose = gest_record_detail_dispose;
  object_class->finalize = gest_record_detail_finalize;
  object_class->get_property = gest_record_detail_get_property;
  object_class->set_property = gest_record_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-record-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, status_group);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, fields_box);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, sections_box);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, documents_box);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, GestRecordDetail, timeline_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_record_detail_init (GestRecordDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status_error_label = gest_field_error_label_new (self->status_group);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

GtkWidget *
gest_record_detail_new (GestContext *context,
                        const char  *record_uuid)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);

  return g_object_new (GEST_TYPE_RECORD_DETAIL,
                       "context", context,
                       "record-uuid", record_uuid,
                       NULL);
}

GestStore *
gest_record_detail_get_store (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->store;
}

const char *
gest_record_detail_get_record_uuid (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->record_uuid;
}

void
gest_record_detail_set_title (GestRecordDetail *self,
                              const char       *title)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
}

const char *
gest_record_detail_get_title (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
gest_record_detail_set_subtitle (GestRecordDetail *self,
                                 const char       *subtitle)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
}

void
gest_record_detail_set_status_heading (GestRecordDetail *self,
                                       const char       *heading)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  adw_preferences_group_set_title (self->status_group, heading != NULL ? heading : "");
}

void
gest_record_detail_set_status (GestRecordDetail *self,
                               const char       *title,
                               const char       *description)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title != NULL ? title : "");
  adw_action_row_set_subtitle (self->status_row, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
}

void
gest_record_detail_add_status_action (GestRecordDetail *self,
                                      GtkWidget        *widget)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->status_row, widget);
}

void
gest_record_detail_show_status_error (GestRecordDetail *self,
                                      const char       *message)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  gest_field_error_show (GTK_WIDGET (self->status_row), self->status_error_label, message);
}

const char *
gest_record_detail_get_status_error (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_error_label))
         ? gtk_label_get_label (self->status_error_label) : NULL;
}

void
gest_record_detail_add_group (GestRecordDetail    *self,
                              AdwPreferencesGroup *group)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  gtk_widget_set_valign (GTK_WIDGET (group), GTK_ALIGN_START);
  gtk_flow_box_append (self->fields_box, GTK_WIDGET (group));
  gtk_widget_set_visible (GTK_WIDGET (self->fields_box), TRUE);
}

void
gest_record_detail_add_section (GestRecordDetail *self,
                                GtkWidget        *widget)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->sections_box, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_box), TRUE);
}

void
gest_record_detail_add_document_action (GestRecordDetail *self,
                                        GtkWidget        *widget)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  gest_document_list_add_action (self->document_list, widget);
}

void
gest_record_detail_show_unavailable (GestRecordDetail *self,
                                     const char       *title,
                                     const char       *message)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  adw_status_page_set_title (self->unavailable_page, title != NULL ? title : "");
  adw_status_page_set_description (self->unavailable_page, message);
  gtk_stack_set_visible_child_name (self->stack, "unavailable");
}

void
gest_record_detail_show_record (GestRecordDetail *self)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));

  gtk_stack_set_visible_child_name (self->stack, "record");
}

void
gest_record_detail_add_toast (GestRecordDetail *self,
                              const char       *message)
{
  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
gest_record_detail_show_document (GestRecordDetail *self,
                                  GestDocument     *document)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GEST_IS_RECORD_DETAIL (self));
  g_return_if_fail (document == NULL || GEST_IS_DOCUMENT (document));

  if (document != NULL)
    path = gest_document_store_get_content_path (self->documents, gest_document_get_sha256 (document));
  gest_document_preview_set_file (self->preview, path,
                                  document != NULL ? gest_document_get_sha256 (document) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_frame), document != NULL);
  gest_document_list_select_document (self->document_list,
                                      document != NULL ? gest_document_get_uuid (document) : NULL);
}

GestDocumentStore *
gest_record_detail_get_document_store (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->documents;
}

GestDocumentList *
gest_record_detail_get_document_list (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->document_list;
}

GestDocumentPreview *
gest_record_detail_get_preview (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->preview;
}

GestTimeline *
gest_record_detail_get_timeline (GestRecordDetail *self)
{
  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (self), NULL);

  return self->timeline;
}
