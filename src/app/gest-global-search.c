/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-global-search"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-global-search.h"

#define MAX_HITS     50
#define SEARCH_DELAY 200   /* ms after the last key press */

/* A GestSearchHit in a GListModel. Private to this file: nothing else lists hits. */
#define GEST_TYPE_HIT_ITEM (gest_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (GestHitItem, gest_hit_item, GEST, HIT_ITEM, GObject)

struct _GestHitItem
{
  GObject        parent_instance;
  GestSearchHit *hit;
};

G_DEFINE_FINAL_TYPE (GestHitItem, gest_hit_item, G_TYPE_OBJECT)

struct _GestGlobalSearch
{
  GtkWidget           parent_instance;

  GtkWidget          *entry;
  GtkWidget          *popover;
  GtkWidget          *stack;
  GtkWidget          *list_view;
  GtkWidget          *message_label;
  GListStore         *hits;
  GtkSingleSelection *selection;

  GestContext        *context;
  GestStore          *store;         /* the context's */
  char               *shown_text;
  char               *message;
  /* Each search gets the next serial; only the newest one's results are shown. */
  guint               serial;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (GestGlobalSearch, gest_global_search, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char  *path;
  char  *text;
  guint  serial;
} SearchData;

static void
gest_hit_item_finalize (GObject *object)
{
  g_clear_pointer (&GEST_HIT_ITEM (object)->hit, gest_search_hit_free);
  G_OBJECT_CLASS (gest_hit_item_parent_class)->finalize (object);
}

static void
gest_hit_item_class_init (GestHitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gest_hit_item_finalize;
}

static void
gest_hit_item_init (GestHitItem *self)
{
}

static void
search_data_free (SearchData *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

/* The hit's kind says its icon and label (shared kinds and the modules' alike). */
static const char *
kind_icon_name (const char *kind)
{
  const GestSearchKind *info = gest_search_kind_lookup (kind);

  return info != NULL && info->icon_name != NULL ? info->icon_name : "edit-find-symbolic";
}

static const char *
kind_label (const char *kind)
{
  const GestSearchKind *info = gest_search_kind_lookup (kind);

  return info != NULL && info->label != NULL ? _(info->label) : "";
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  /* A connection of its own: a GestStore is used by one thread at a time. */
  store = gest_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  hits = gest_search_run (store, data->text, MAX_HITS, &error);
  if (hits == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
show_message (GestGlobalSearch *self,
              const char       *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "message");
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GestGlobalSearch *self = GEST_GLOBAL_SEARCH (object);
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->serial != self->serial)
    return;

  if (hits != NULL)
    {
      gsize n_hits = 0;
      g_autofree gpointer *taken = g_ptr_array_steal (hits, &n_hits);

      for (gsize i = 0; i < n_hits; i++)
        {
          GestHitItem *item = g_object_new (GEST_TYPE_HIT_ITEM, NULL);

          item->hit = taken[i];
          g_ptr_array_add (items, item);
        }
    }
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       items->pdata, items->len);

  g_free (self->shown_text);
  self->shown_text = g_strdup (data->text);
  if (error != NULL)
    show_message (self, error->message);
  else if (items->len == 0)
    {
      /* Translators: %s is the text the user searched for. */
      g_autofree char *message = g_strdup_printf (_("No results for “%s”"), data->text);

      show_message (self, message);
    }
  else
    {
      g_clear_pointer (&self->message, g_free);
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "results");
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
search_changed_cb (GtkSearchEntry   *entry,
                   GestGlobalSearch *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  self->serial++;
  if (text[0] == '\0' || self->store == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      g_list_store_remove_all (self->hits);
      g_clear_pointer (&self->message, g_free);
      g_clear_pointer (&self->shown_text, g_free);
      return;
    }

  data = g_new0 (SearchData, 1);
  data->path = g_strdup (gest_store_get_path (self->store));
  data->text = g_steal_pointer (&text);
  data->serial = self->serial;
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, search_changed_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

static void
entry_activate_cb (GtkSearchEntry   *entry,
                   GestGlobalSearch *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    gest_global_search_activate_result (self, selected);
}

static void
stop_search_cb (GtkSearchEntry   *entry,
                GestGlobalSearch *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
list_activate_cb (GtkListView      *list_view,
                  guint             position,
                  GestGlobalSearch *self)
{
  gest_global_search_activate_result (self, position);
}

/* Up and Down move the selection while the focus stays in the entry. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GestGlobalSearch      *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0 || !gtk_widget_get_visible (self->popover))
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    selected = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    selected = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
  else
    return GDK_EVENT_PROPAGATE;

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", selected);
  return GDK_EVENT_STOP;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                GestGlobalSearch        *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GestHitItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon_name (item->hit->kind));
  gtk_widget_set_tooltip_text (icon, kind_label (item->hit->kind));
  gtk_label_set_text (GTK_LABEL (title), item->hit->title);
  gtk_label_set_text (GTK_LABEL (subtitle), item->hit->subtitle != NULL ? item->hit->subtitle : "");
}

static void
gest_global_search_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (GEST_GLOBAL_SEARCH (widget)->entry, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The popover follows the entry: a popover's parent must present it on every allocation. */
static void
gest_global_search_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GestGlobalSearch *self = GEST_GLOBAL_SEARCH (widget);

  gtk_widget_allocate (self->entry, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
gest_global_search_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GEST_GLOBAL_SEARCH (widget)->entry);
}

static void
gest_global_search_dispose (GObject *object)
{
  GestGlobalSearch *self = GEST_GLOBAL_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_global_search_parent_class)->dispose (object);
}

static void
gest_global_search_finalize (GObject *object)
{
  GestGlobalSearch *self = GEST_GLOBAL_SEARCH (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->hits);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->shown_text, g_free);

  G_OBJECT_CLASS (gest_global_search_parent_class)->finalize (object);
}

static void
gest_global_search_class_init (GestGlobalSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_global_search_dispose;
  object_class->finalize = gest_global_search_finalize;
  widget_class->measure = gest_global_search_measure;
  widget_class->size_allocate = gest_global_search_size_allocate;
  widget_class->grab_focus = gest_global_search_grab_focus;

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
gest_global_search_init (GestGlobalSearch *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;
  GtkWidget *scrolled;

  self->cancellable = g_cancellable_new ();
  self->hits = g_list_store_new (GEST_TYPE_HIT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->hits)));

  self->entry = gtk_search_entry_new ();
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (self->entry), SEARCH_DELAY);
  g_object_set (self->entry,
                "placeholder-text", _("Search customers, plans, VINs, folios"),
                /* As wide as the header allows, down to a 360 px window. */
                "width-chars", 5,
                "max-width-chars", 26,
                NULL);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->message_label), 40);
  gtk_widget_set_margin_top (self->message_label, 12);
  gtk_widget_set_margin_bottom (self->message_label, 12);
  gtk_widget_set_margin_start (self->message_label, 12);
  gtk_widget_set_margin_end (self->message_label, 12);
  gtk_widget_add_css_class (self->message_label, "dim-label");

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  /* Ellipsizing labels ask for no width: give the hits room for a name and its context. */
  gtk_widget_set_size_request (self->stack, 380, -1);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "results");
  gtk_stack_add_named (GTK_STACK (self->stack), self->message_label, "message");

  /* Neither autohide nor focusable: typing goes on in the entry while the hits show. */
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->stack);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

GtkWidget *
gest_global_search_new (void)
{
  return g_object_new (GEST_TYPE_GLOBAL_SEARCH, NULL);
}

void
gest_global_search_set_context (GestGlobalSearch *self,
                                GestContext      *context)
{
  g_return_if_fail (GEST_IS_GLOBAL_SEARCH (self));
  g_return_if_fail (context == NULL || GEST_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  g_clear_object (&self->store);
  if (context != NULL)
    self->store = g_object_ref (gest_context_get_store (context));
}

void
gest_global_search_focus (GestGlobalSearch *self)
{
  g_return_if_fail (GEST_IS_GLOBAL_SEARCH (self));

  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

GtkEditable *
gest_global_search_get_entry (GestGlobalSearch *self)
{
  g_return_val_if_fail (GEST_IS_GLOBAL_SEARCH (self), NULL);

  return GTK_EDITABLE (self->entry);
}

guint
gest_global_search_get_n_results (GestGlobalSearch *self)
{
  g_return_val_if_fail (GEST_IS_GLOBAL_SEARCH (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->hits));
}

const GestSearchHit *
gest_global_search_get_result (GestGlobalSearch *self,
                               guint             position)
{
  g_autoptr(GestHitItem) item = NULL;

  g_return_val_if_fail (GEST_IS_GLOBAL_SEARCH (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  /* The list store keeps its own reference, so the hit outlives this function. */
  return item != NULL ? item->hit : NULL;
}

const char *
gest_global_search_get_shown_text (GestGlobalSearch *self)
{
  g_return_val_if_fail (GEST_IS_GLOBAL_SEARCH (self), NULL);

  return self->shown_text;
}

const char *
gest_global_search_get_message (GestGlobalSearch *self)
{
  g_return_val_if_fail (GEST_IS_GLOBAL_SEARCH (self), NULL);

  return self->message;
}

void
gest_global_search_activate_result (GestGlobalSearch *self,
                                    guint             position)
{
  g_autoptr(GestHitItem) item = NULL;

  g_return_if_fail (GEST_IS_GLOBAL_SEARCH (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  g_return_if_fail (item != NULL);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, item->hit->kind, item->hit->uuid);
}
