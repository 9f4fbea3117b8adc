/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-activity-item.h"
#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-roles.h"
#include "gest-timeline.h"

struct _GestTimeline
{
  GtkWidget        parent_instance;

  /* Template children. The box is bound so that dispose_template() unparents it. */
  GtkWidget       *box;
  GtkSpinner      *spinner;
  GtkImage        *verify_icon;
  GtkLabel        *verify_label;
  GtkStack        *list_stack;
  GtkListBox      *list_box;
  GtkWidget           *pager;
  GtkButton           *newer_button;
  GtkButton           *older_button;
  GtkLabel            *pager_label;
  AdwPreferencesGroup *composer_group;
  GtkWidget           *text_frame;
  GtkToggleButton *note_toggle;
  GtkToggleButton *call_toggle;
  GtkRevealer     *contact_revealer;
  GtkEntry        *contact_name_entry;
  GtkEntry        *contact_role_entry;
  GtkTextView     *text_view;
  GtkButton       *add_button;
  GtkLabel        *composer_error_label;   /* gest_field_error_label_new (composer_group) */

  gboolean         adding;   /* an entry is being saved on the writer thread */

  GestContext     *context;
  GestStore       *store;           /* the context's */
  char            *record_uuid;
  GListStore      *entries;
  /* The page of entries shown: the list is as tall as its rows, inside the page's one
   * scroll, so it shows PAGE_SIZE entries at a time however long the log. */
  GtkSliceListModel   *page;
  /* Cancels the load in flight; replaced by every reload, cancelled on dispose. */
  GCancellable    *cancellable;
  gboolean         loading;
  gboolean         verified;
  char            *verification_message;
};

G_DEFINE_FINAL_TYPE (GestTimeline, gest_timeline, GTK_TYPE_WIDGET)

/* Entries shown at a time: the log of a record can reach thousands. */
#define PAGE_SIZE 50

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD_UUID,
  PROP_LOADING,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char *db_path;
  char *record_uuid;
} LoadData;

typedef struct
{
  GPtrArray *entries;          /* GestActivityEntry, oldest first */
  gboolean   verified;
  char      *message;          /* the verification or read error, NULL when verified */
} LoadResult;

static void
load_data_free (LoadData *data)
{
  g_free (data->db_path);
  g_free (data->record_uuid);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->entries, g_ptr_array_unref);
  g_free (result->message);
  g_free (result);
}

static const char *
kind_icon_name (GestActivityKind kind)
{
  switch (kind)
    {
    case GEST_ACTIVITY_NOTE:
      return "document-edit-symbolic";
    case GEST_ACTIVITY_CALL:
      return "call-start-symbolic";
    case GEST_ACTIVITY_EMAIL:
      return "mail-unread-symbolic";
    case GEST_ACTIVITY_LETTER:
      return "document-send-symbolic";
    case GEST_ACTIVITY_VISIT:
      return "find-location-symbolic";
    case GEST_ACTIVITY_STATUS:
      return "emblem-ok-symbolic";
    case GEST_ACTIVITY_DOCUMENT:
      return "mail-attachment-symbolic";
    case GEST_N_ACTIVITY_KINDS:
    default:
      return "dialog-information-symbolic";
    }
}

/* Runs on a worker thread with its own connection: the UI thread's GestStore is not shared. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  LoadResult *result;

  store = gest_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->entries = gest_activity_log_list (store, data->record_uuid, &error);
  if (result->entries == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result->verified = gest_activity_log_verify (store, data->record_uuid, &error);
  if (!result->verified)
    result->message = g_strdup (error->message);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
set_loading (GestTimeline *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_verification (GestTimeline *self,
                   gboolean      verified,
                   const char   *message)
{
  GtkWidget *label = GTK_WIDGET (self->verify_label);

  self->verified = verified;
  g_free (self->verification_message);
  self->verification_message = g_strdup (verified ? _("Log verified") : message);

  gtk_label_set_label (self->verify_label, self->verification_message);
  gtk_image_set_from_icon_name (self->verify_icon,
                                verified ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->verify_icon),
                               verified ? _("No entry of this log was changed or removed.") : NULL);
  if (verified)
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "success");
    }
  else
    {
      gtk_widget_remove_css_class (label, "success");
      gtk_widget_add_css_class (label, "error");
    }
}

static void
update_pager (GestTimeline *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint offset = gtk_slice_list_model_get_offset (self->page);
  g_autofree char *text = NULL;

  if (offset >= n && n > 0)
    {
      offset = (n - 1) / PAGE_SIZE * PAGE_SIZE;
      gtk_slice_list_model_set_offset (self->page, offset);
    }
  gtk_widget_set_visible (self->pager, n > PAGE_SIZE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->newer_button), offset > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->older_button), offset + PAGE_SIZE < n);
  /* Translators: which entries of the activity log are shown, "Entries 51–100 of 1234". */
  text = g_strdup_printf (_("Entries %u–%u of %u"), n > 0 ? offset + 1 : 0, MIN (offset + PAGE_SIZE, n), n);
  gtk_label_set_label (self->pager_label, text);
}

static void
newer_clicked_cb (GestTimeline *self)
{
  guint offset = gtk_slice_list_model_get_offset (self->page);

  gtk_slice_list_model_set_offset (self->page, offset > PAGE_SIZE ? offset - PAGE_SIZE : 0);
  update_pager (self);
}

static void
older_clicked_cb (GestTimeline *self)
{
  guint offset = gtk_slice_list_model_get_offset (self->page);

  if (offset + PAGE_SIZE < g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    gtk_slice_list_model_set_offset (self->page, offset + PAGE_SIZE);
  update_pager (self);
}

static void
show_composer_error (GestTimeline *self,
                     GtkWidget    *field,
                     const char   *message)
{
  gtk_widget_remove_css_class (self->text_frame, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->contact_name_entry), "error");
  gest_field_error_show (field, self->composer_error_label, message);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LoadResult *loaded;
  GestTimeline *self;
  g_autoptr(GPtrArray) items = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  /* A cancelled load was replaced, or the widget was disposed: nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GEST_TIMELINE (user_data);
  set_loading (self, FALSE);
  if (loaded == NULL)
    {
      show_verification (self, FALSE, error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  /* Newest first. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = loaded->entries->len; i > 0; i--)
    {
      GestActivityEntry *entry = g_ptr_array_steal_index (loaded->entries, i - 1);

      g_ptr_array_add (items, gest_activity_item_new (entry));
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  update_pager (self);
  show_verification (self, loaded->verified, loaded->message);
  load_result_free (loaded);
  g_signal_emit (self, signals[LOADED], 0);
}

static GtkWidget *
new_row (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *contact = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "caption");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (contact), 0);
  gtk_label_set_wrap (GTK_LABEL (contact), TRUE);
  gtk_widget_add_css_class (contact, "caption");
  gtk_widget_set_hexpand (column, TRUE);

  gtk_box_append (GTK_BOX (column), header);
  gtk_box_append (GTK_BOX (column), text);
  gtk_box_append (GTK_BOX (column), contact);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), column);
  return row;
}

/* One page is at most PAGE_SIZE rows: a list box measures each wrapped entry exactly, so the
 * page grows with its content. */
static GtkWidget *
create_row_cb (gpointer item_object,
               gpointer user_data)
{
  GestActivityItem *item = item_object;
  const GestActivityEntry *entry = gest_activity_item_get_entry (item);
  GtkWidget *box = gtk_list_box_row_new ();
  GtkWidget *row = new_row ();
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *column = gtk_widget_get_next_sibling (icon);
  GtkWidget *header = gtk_widget_get_first_child (column);
  GtkWidget *text = gtk_widget_get_next_sibling (header);
  GtkWidget *contact = gtk_widget_get_next_sibling (text);
  g_autofree char *moment = gest_timestamp_format (entry->at);
  g_autofree char *header_text = NULL;
  GestRole role;
  const char *role_label = entry->user_role;

  if (gest_role_from_id (entry->user_role, &role))
    role_label = gest_role_label (role);
  /* Translators: a timeline entry's header: date and time, who, their role and the kind,
   * e.g. "03/05/2026 10:15 · Ana López (Finance manager) · Call". */
  header_text = g_strdup_printf (_("%s · %s (%s) · %s"), moment, entry->user_name, role_label,
                                 gest_activity_kind_label (entry->kind));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon_name (entry->kind));
  gtk_label_set_label (GTK_LABEL (header), header_text);
  gtk_label_set_label (GTK_LABEL (text), entry->text);
  if (entry->contact_name != NULL && *entry->contact_name != '\0')
    {
      g_autofree char *contact_text = NULL;

      if (entry->contact_role != NULL && *entry->contact_role != '\0')
        /* Translators: the person contacted and their role, "Spoke with Juan Pérez (holder)". */
        contact_text = g_strdup_printf (_("Spoke with %s (%s)"), entry->contact_name, entry->contact_role);
      else
        contact_text = g_strdup_printf (_("Spoke with %s"), entry->contact_name);
      gtk_label_set_label (GTK_LABEL (contact), contact_text);
      gtk_widget_set_visible (contact, TRUE);
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (contact), "");
      gtk_widget_set_visible (contact, FALSE);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (box), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (box), row);
  return box;
}

static char *
composer_text (GestTimeline *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
kind_toggled_cb (GestTimeline *self)
{
  gtk_revealer_set_reveal_child (self->contact_revealer,
                                 gtk_toggle_button_get_active (self->call_toggle));
  show_composer_error (self, NULL, NULL);
}

static void
entry_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestTimeline) self = user_data;
  g_autoptr(GError) error = NULL;

  self->adding = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  if (gest_activity_log_append_finish (GEST_STORE (object), result, &error) <= 0)
    {
      show_composer_error (self, self->text_frame, error->message);
      return;
    }

  show_composer_error (self, NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_role_entry), "");
  gtk_toggle_button_set_active (self->note_toggle, TRUE);
  gest_timeline_reload (self);
}

static void
add_clicked_cb (GestTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = composer_text (self);
  g_autofree char *contact_name = NULL;
  g_autofree char *contact_role = NULL;
  GestActivityKind kind = GEST_ACTIVITY_NOTE;

  if (self->store == NULL || self->record_uuid == NULL || self->adding)
    return;

  if (gtk_toggle_button_get_active (self->call_toggle))
    {
      kind = GEST_ACTIVITY_CALL;
      contact_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_name_entry))));
      contact_role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_role_entry))));
      if (*contact_role == '\0')
        g_clear_pointer (&contact_role, g_free);
    }
  g_strstrip (text);

  if (!gest_timeline_check_entry (kind, text, contact_name, &error))
    {
      /* The field to fix: the text, or the name of the person of a call. */
      show_composer_error (self,
                           *text == '\0' ? self->text_frame : GTK_WIDGET (self->contact_name_entry),
                           error->message);
      return;
    }

  /* The composer keeps its text until the entry is saved: a failed save loses nothing. */
  self->adding = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  gest_activity_log_append_async (self->store, self->record_uuid, kind, text, contact_name,
                                  contact_role, NULL, entry_added_cb, g_object_ref (self));
}

static void
gest_timeline_dispose (GObject *object)
{
  GestTimeline *self = (GestTimeline *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_TIMELINE);

  g_clear_object (&self->page);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_timeline_parent_class)->dispose (object);
}

static void
gest_timeline_finalize (GObject *object)
{
  GestTimeline *self = (GestTimeline *) object;

  g_clear_pointer (&self->record_uuid, g_free);
  g_clear_pointer (&self->verification_message, g_free);

  G_OBJECT_CLASS (gest_timeline_parent_class)->finalize (object);
}

static void
gest_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GestTimeline *self = GEST_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GestTimeline *self = GEST_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_RECORD_UUID:
      gest_timeline_set_record_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_timeline_class_init (GestTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_timeline_dispose;
  object_class->finalize = gest_timeline_finalize;
  object_class->get_property = gest_timeline_get_property;
  object_class->set_property = gest_timeline_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GestTimeline::loaded:
   *
   * A load ended (the model and the verification state are up to date).
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, box);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, spinner);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, verify_label);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, list_box);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, pager);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, newer_button);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, older_button);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, pager_label);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, composer_group);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, text_frame);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, note_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, call_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, contact_revealer);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, contact_name_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, contact_role_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, text_view);
  gtk_widget_class_bind_template_child (widget_class, GestTimeline, add_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, newer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, older_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_timeline_init (GestTimeline *self)
{

  self->entries = g_list_store_new (GEST_TYPE_ACTIVITY_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->composer_error_label = gest_field_error_label_new (self->composer_group);

  self->page = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)), 0, PAGE_SIZE);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->page), create_row_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

GtkWidget *
gest_timeline_new (GestContext *context,
                   const char  *record_uuid)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_TIMELINE,
                       "context", context,
                       "record-uuid", record_uuid,
                       NULL);
}

const char *
gest_timeline_get_record_uuid (GestTimeline *self)
{
  g_return_val_if_fail (GEST_IS_TIMELINE (self), NULL);

  return self->record_uuid;
}

void
gest_timeline_set_record_uuid (GestTimeline *self,
                               const char   *record_uuid)
{
  g_return_if_fail (GEST_IS_TIMELINE (self));

  if (g_strcmp0 (self->record_uuid, record_uuid) == 0)
    return;
  g_free (self->record_uuid);
  self->record_uuid = g_strdup (record_uuid);
  g_list_store_remove_all (self->entries);
  gest_timeline_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_UUID]);
}

void
gest_timeline_reload (GestTimeline *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (GEST_IS_TIMELINE (self));

  /* Construct properties may arrive in any order: the store may come after the uuid. */
  if (self->store == NULL || self->record_uuid == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->db_path = g_strdup (gest_store_get_path (self->store));
  data->record_uuid = g_strdup (self->record_uuid);

  /* No source object: a disposed widget is never kept alive by the worker. The callback
   * gets the widget as user data only while it lives (dispose cancels). */
  task = g_task_new (NULL, self->cancellable, load_done_cb, self);
  g_task_set_source_tag (task, gest_timeline_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

GListModel *
gest_timeline_get_model (GestTimeline *self)
{
  g_return_val_if_fail (GEST_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

gboolean
gest_timeline_get_loading (GestTimeline *self)
{
  g_return_val_if_fail (GEST_IS_TIMELINE (self), FALSE);

  return self->loading;
}

gboolean
gest_timeline_get_verified (GestTimeline *self)
{
  g_return_val_if_fail (GEST_IS_TIMELINE (self), FALSE);

  return self->verified;
}

const char *
gest_timeline_get_verification_message (GestTimeline *self)
{
  g_return_val_if_fail (GEST_IS_TIMELINE (self), NULL);

  return self->verification_message;
}

gboolean
gest_timeline_check_entry (GestActivityKind   kind,
                           const char        *text,
                           const char        *contact_name,
                           GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           kind == GEST_ACTIVITY_CALL
                           ? _("Write what was said in the call before adding it.")
                           : _("Write the note before adding it."));
      return FALSE;
    }
  if (kind == GEST_ACTIVITY_CALL)
    {
      g_autofree char *name = g_strstrip (g_strdup (contact_name != NULL ? contact_name : ""));

      if (*name == '\0')
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                               _("Write the name of the person you spoke with, and their role if you know it."));
          return FALSE;
        }
    }
  return TRUE;
}

void
gest_timeline_set_composer_visible (GestTimeline *self,
                                    gboolean      visible)
{
  g_return_if_fail (GEST_IS_TIMELINE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->composer_group), visible);
}
