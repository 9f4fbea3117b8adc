/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-queue-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact-call-panel.h"
#include "gest-contact-queue.h"
#include "gest-retention-queue-view.h"

struct _GestRetentionQueueView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;          /* the only child: "loading", "list", "empty", "error", "call" */
  GtkListView   *list;
  GtkStringList *model;          /* each item's string is its index in @items */
  GtkLabel      *heading;
  AdwStatusPage *error_page;
  GtkWidget     *panel;          /* borrowed: the stack's "call" child, or NULL */

  GestContext   *context;
  GCancellable  *cancellable;
  GPtrArray     *items;          /* GestContactItem */
  gint64         fixed_now;
  guint          serial;
};

G_DEFINE_FINAL_TYPE (GestRetentionQueueView, gest_retention_queue_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *db_path;
  gint64  now;
  guint   serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->db_path);
  g_free (data);
}

static gint64
view_now (GestRetentionQueueView *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time ();
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  store = gest_store_open (data->db_path, &error);
  if (store == NULL || !gest_store_set_read_only (store, TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = gest_contact_queue_today (store, data->now, cancellable, &error);
  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_panel (GestRetentionQueueView *self,
           GtkWidget              *panel)
{
  if (self->panel != NULL)
    gtk_stack_remove (self->stack, self->panel);
  self->panel = panel;
  if (panel != NULL)
    {
      gtk_stack_add_named (self->stack, panel, "call");
      gtk_stack_set_visible_child (self->stack, panel);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GestRetentionQueueView *self = GEST_RETENTION_QUEUE_VIEW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *heading = NULL;
  guint n_actions = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->serial != self->serial)
    return;
  if (items == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      if (self->panel == NULL)
        gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      GestContactItem *item = g_ptr_array_index (self->items, i);

      g_ptr_array_add (strings, g_strdup_printf ("%u", i));
      n_actions += item->n_open_field_actions > 0;
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                          (const char * const *) strings->pdata);
  /* Translators: above the day's queue: "12 customers to call today; 3 with open field actions". */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer to call today; %u with open field actions",
                                          "%u customers to call today; %u with open field actions",
                                          self->items->len),
                             self->items->len, n_actions);
  gtk_label_set_text (self->heading, heading);
  if (self->panel == NULL)
    gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
recorded_cb (GestRetentionQueueView *self)
{
  /* The record leaves today's queue or moves to its next attempt: the list tells. */
  gest_retention_queue_view_show_list (self);
  gest_retention_queue_view_reload (self);
}

static void
activate_cb (GtkListView            *list,
             guint                   position,
             GestRetentionQueueView *self)
{
  gest_retention_queue_view_open (self, position);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *attempt = gtk_label_new (NULL);
  GtkWidget *band = gtk_label_new (NULL);
  GtkWidget *actions = gtk_label_new (NULL);

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (attempt, "caption");
  gtk_widget_add_css_class (band, "caption");
  gtk_widget_add_css_class (actions, "caption-heading");
  gtk_widget_add_css_class (actions, "warning");
  for (GtkWidget **w = (GtkWidget *[]) { title, subtitle, NULL }; *w != NULL; w++)
    {
      gtk_label_set_xalign (GTK_LABEL (*w), 0);
      gtk_label_set_wrap (GTK_LABEL (*w), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (*w), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), *w);
    }
  gtk_box_append (GTK_BOX (badges), attempt);
  gtk_box_append (GTK_BOX (badges), band);
  gtk_label_set_wrap (GTK_LABEL (actions), TRUE);
  gtk_label_set_xalign (GTK_LABEL (actions), 0);
  gtk_box_append (GTK_BOX (badges), actions);
  gtk_box_append (GTK_BOX (box), badges);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "attempt", attempt);
  g_object_set_data (G_OBJECT (box), "band", band);
  g_object_set_data (G_OBJECT (box), "actions", actions);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GestRetentionQueueView   *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
  GestContactItem *item;
  g_autofree char *subtitle = NULL;
  g_autofree char *attempt = NULL;
  g_autofree char *actions = NULL;

  if (self->items == NULL || index >= self->items->len)
    return;
  item = g_ptr_array_index (self->items, index);
  subtitle = g_strdup_printf ("%s · %s", item->reason, item->vehicle_text != NULL && item->vehicle_text[0] != '\0'
                                                         ? item->vehicle_text : _("No vehicle"));
  /* Translators: the attempt a queue row is at, "Attempt 2/5". */
  attempt = g_strdup_printf (_("Attempt %u/%u"), MIN (item->attempts + 1, GEST_CONTACT_ATTEMPTS),
                             GEST_CONTACT_ATTEMPTS);
  if (item->n_open_field_actions > 0)
    actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open field action", "%u open field actions",
                                            item->n_open_field_actions),
                               item->n_open_field_actions);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), item->customer_name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "attempt"), attempt);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "band"), gest_contact_band_label (item->next_band));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "actions"), actions != NULL ? actions : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "actions"), actions != NULL);
}

static void
gest_retention_queue_view_dispose (GObject *object)
{
  GestRetentionQueueView *self = GEST_RETENTION_QUEUE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  self->panel = NULL;
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_retention_queue_view_parent_class)->dispose (object);
}

static void
gest_retention_queue_view_finalize (GObject *object)
{
  GestRetentionQueueView *self = GEST_RETENTION_QUEUE_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_retention_queue_view_parent_class)->finalize (object);
}

static void
gest_retention_queue_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GestRetentionQueueView *self = GEST_RETENTION_QUEUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_retention_queue_view_get_can_go_back (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gest_retention_queue_view_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_retention_queue_view_class_init (GestRetentionQueueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_retention_queue_view_dispose;
  object_class->finalize = gest_retention_queue_view_finalize;
  object_class->get_property = gest_retention_queue_view_get_property;

  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_retention_queue_view_init (GestRetentionQueueView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *loading = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->cancellable = g_cancellable_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->model = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->model))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_list_view_set_show_separators (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "card");
  gtk_widget_set_vexpand (GTK_WIDGET (self->list), TRUE);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  gtk_spinner_set_spinning (GTK_SPINNER (loading), TRUE);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Calls Left Today"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Field-action vehicles whose parts are in, lapsed maintenance, parts and "
                                     "quotes to call back appear here on their day. Record a follow-up from a "
                                     "call, or import the workshop’s visits in “Visits”."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("The Queue Could Not Be Built"));

  gtk_stack_add_named (self->stack, loading, "loading");
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
}

GtkWidget *
gest_retention_queue_view_new (GestContext *context)
{
  GestRetentionQueueView *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_RETENTION_QUEUE_VIEW, NULL);
  self->context = g_object_ref (context);
  gest_retention_queue_view_reload (self);
  return GTK_WIDGET (self);
}

void
gest_retention_queue_view_reload (GestRetentionQueueView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self));

  data = g_new0 (LoadData, 1);
  data->db_path = g_strdup (gest_store_get_path (gest_context_get_store (self->context)));
  data->now = view_now (self);
  data->serial = ++self->serial;
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, gest_retention_queue_view_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
gest_retention_queue_view_set_now (GestRetentionQueueView *self,
                                   gint64                  now)
{
  g_return_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self));

  self->fixed_now = now;
}

guint
gest_retention_queue_view_get_n_items (GestRetentionQueueView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

void
gest_retention_queue_view_open (GestRetentionQueueView *self,
                                guint                   position)
{
  GtkWidget *panel;

  g_return_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self));
  g_return_if_fail (self->items != NULL && position < self->items->len);

  panel = gest_contact_call_panel_new (self->context, g_ptr_array_index (self->items, position), self->fixed_now);
  g_signal_connect_object (panel, "recorded", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  set_panel (self, panel);
}

GtkWidget *
gest_retention_queue_view_get_panel (GestRetentionQueueView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self), NULL);

  return self->panel;
}

void
gest_retention_queue_view_show_list (GestRetentionQueueView *self)
{
  g_return_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self));

  if (self->panel == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, self->items != NULL && self->items->len > 0 ? "list" : "empty");
  set_panel (self, NULL);
}

gboolean
gest_retention_queue_view_get_can_go_back (GestRetentionQueueView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self), FALSE);

  return self->panel != NULL;
}

const char *
gest_retention_queue_view_get_title (GestRetentionQueueView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_QUEUE_VIEW (self), NULL);

  return self->panel != NULL ? gest_contact_call_panel_get_title (GEST_CONTACT_CALL_PANEL (self->panel)) : NULL;
}
