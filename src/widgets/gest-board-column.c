/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-card.h"
#include "gest-board-column.h"

#define COLUMN_WIDTH 280

struct _GestBoardColumn
{
  GtkWidget             parent_instance;

  GestBoardColumnModel *model;
  GtkSingleSelection   *selection;
  GMenuModel           *menu;
  gboolean              read_only;
  char                 *count_text;

  /* Children, owned through the widget tree. */
  GtkWidget            *header;
  GtkWidget            *title_label;
  GtkWidget            *lock_icon;
  GtkWidget            *count_label;
  GtkWidget            *scroller;
  GtkWidget            *list_view;
};

G_DEFINE_FINAL_TYPE (GestBoardColumn, gest_board_column, GTK_TYPE_WIDGET)

enum {
  MOVE_ITEM,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GestBoardItem *
selected_item (GestBoardColumn *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* gtk_widget_set_tooltip_text() on a visible widget asks the X server where the pointer is
 * (two round trips): set it while the widget is hidden, which shows nothing sooner. */
static void
set_tooltip_quietly (GtkWidget  *widget,
                     const char *text)
{
  gboolean visible = gtk_widget_get_visible (widget);

  if (visible)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  if (visible)
    gtk_widget_set_visible (widget, TRUE);
}

static void
update_count (GestBoardColumn *self)
{
  guint n = gest_board_column_model_get_n_ids (self->model);
  g_autofree char *accessible = NULL;

  g_free (self->count_text);
  /* With the locale's digit grouping: 100,000 or 100 000. */
  if (gest_board_column_model_get_loaded (self->model))
    self->count_text = g_strdup_printf ("%'u", n);
  else
    self->count_text = g_strdup ("…");
  gtk_label_set_text (GTK_LABEL (self->count_label), self->count_text);

  accessible = g_strdup_printf (ngettext ("%u card", "%u cards", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
request_move (GestBoardColumn *self,
              int              delta)
{
  GestBoardItem *item = selected_item (self);
  int to = (int) gest_board_column_model_get_column (self->model) + delta;

  /* The actions are only enabled with a selected card. */
  if (item == NULL)
    return;
  g_signal_emit (self, signals[MOVE_ITEM], 0, gest_board_item_get_id (item), to);
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  request_move (GEST_BOARD_COLUMN (widget), 1);
}

static void
move_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  request_move (GEST_BOARD_COLUMN (widget), -1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (widget);
  GestBoardItem *item = selected_item (self);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static GtkWidget *
find_card (GtkWidget     *widget,
           GestBoardItem *item)
{
  if (GEST_IS_BOARD_CARD (widget))
    return gest_board_card_get_item (GEST_BOARD_CARD (widget)) == item ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, item);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void popup_menu (GestBoardColumn *self,
                        GtkWidget       *card,
                        double           x,
                        double           y);

/* Shift+F10 and the Menu key: the selected card's context menu. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (widget);
  GestBoardItem *item = selected_item (self);
  GtkWidget *card;

  if (item == NULL || self->list_view == NULL)
    return;
  card = find_card (self->list_view, item);
  if (card != NULL)
    popup_menu (self, card, -1, -1);
}

static void
update_actions (GestBoardColumn *self)
{
  gboolean has_item = selected_item (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-next", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-previous", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.open", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.menu", has_item);
}

static void
selection_changed_cb (GestBoardColumn *self)
{
  update_actions (self);
}

static void
n_items_changed_cb (GestBoardColumn *self)
{
  update_count (self);
  update_actions (self);
}

static void
list_view_activate_cb (GestBoardColumn *self,
                       guint            position)
{
  g_autoptr(GestBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GestBoardCard *card)
{
  GestBoardItem *item = gest_board_card_get_item (card);

  if (item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (GEST_TYPE_BOARD_ITEM, item);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GestBoardCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GestBoardColumn *self,
         const GValue    *value,
         double           x,
         double           y)
{
  GestBoardItem *item;
  gint64 id;

  if (!G_VALUE_HOLDS (value, GEST_TYPE_BOARD_ITEM))
    return FALSE;
  item = g_value_get_object (value);
  id = gest_board_item_get_id (item);
  /* Dropped where it came from: nothing to do. */
  if (gest_board_column_model_find (self->model, id) >= 0)
    return FALSE;
  g_signal_emit (self, signals[MOVE_ITEM], 0, id,
                 (int) gest_board_column_model_get_column (self->model));
  return TRUE;
}

static void
popover_closed_cb (GtkWidget *popover)
{
  /* Unparent later: the menu item's action still runs after "closed". */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, (GSourceFunc) gtk_widget_unparent,
                   g_object_ref (popover), g_object_unref);
}

/* Whether some of @widget shows inside every scrolled window around it (a list view keeps
 * about 200 cards, most of them scrolled out of sight) and inside its window. */
static gboolean
is_on_screen (GtkWidget *widget)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t bounds, visible;

      /* Scrolled out of sight, or sliding in or out with a stack transition. */
      if (!GTK_IS_SCROLLED_WINDOW (ancestor) && !GTK_IS_NATIVE (ancestor))
        continue;
      if (!gtk_widget_compute_bounds (widget, ancestor, &bounds))
        return FALSE;
      graphene_rect_init (&visible, 0, 0, gtk_widget_get_width (ancestor), gtk_widget_get_height (ancestor));
      if (!graphene_rect_intersection (&bounds, &visible, NULL))
        return FALSE;
    }
  return gtk_widget_get_mapped (widget);
}

static void
popup_menu (GestBoardColumn *self,
            GtkWidget       *card,
            double           x,
            double           y)
{
  GtkWidget *popover;

  /* A menu must point at something the user sees (and GDK cannot place a popup outside
   * every monitor): bring the card into view; Shift+F10 then opens the menu. */
  if (!is_on_screen (card))
    {
      guint position = gtk_single_selection_get_selected (self->selection);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
      gtk_widget_grab_focus (self->list_view);
      return;
    }

  popover = gtk_popover_menu_new_from_model (self->menu);

  gtk_widget_set_parent (popover, card);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *list_item)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GestBoardColumn *self = GEST_BOARD_COLUMN (gtk_widget_get_ancestor (card, GEST_TYPE_BOARD_COLUMN));
  guint position = gtk_list_item_get_position (list_item);

  if (self == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* The menu acts on the selected card: select the one clicked first. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  popup_menu (self, card, x, y);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GestBoardColumn          *self)
{
  GtkWidget *card = gest_board_card_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), card);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  /* The list item outlives its child, so it may be the handler's data. */
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), list_item);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, card);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GestBoardColumn          *self)
{
  gest_board_card_set_item (GEST_BOARD_CARD (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GestBoardColumn          *self)
{
  gest_board_card_set_item (GEST_BOARD_CARD (gtk_list_item_get_child (list_item)), NULL);
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();

  g_menu_append (menu, _("_Open"), "board.open");
  g_menu_append (moves, _("Move to _Next Step"), "board.move-next");
  g_menu_append (moves, _("Move to _Previous Step"), "board.move-previous");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  return G_MENU_MODEL (menu);
}

static void
build_ui (GestBoardColumn *self,
          const char      *title)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkDropTarget *drop;

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->header, 12);
  gtk_widget_set_margin_end (self->header, 12);
  gtk_widget_set_margin_top (self->header, 6);
  gtk_widget_set_margin_bottom (self->header, 6);
  self->title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  set_tooltip_quietly (self->title_label, title);
  gtk_widget_add_css_class (self->title_label, "heading");
  self->lock_icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  gtk_widget_add_css_class (self->lock_icon, "dim-label");
  gtk_widget_set_visible (self->lock_icon, self->read_only);
  gest_board_column_set_read_only_reason (self, NULL);
  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_add_css_class (self->count_label, "dim-label");
  /* The count first, not at the far end: a column cut by the edge of the board's viewport
   * shows how many cards it holds as soon as it shows its title. */
  gtk_box_append (GTK_BOX (self->header), self->count_label);
  gtk_box_append (GTK_BOX (self->header), self->title_label);
  gtk_box_append (GTK_BOX (self->header), self->lock_icon);
  gtk_widget_set_parent (self->header, widget);

  drop = gtk_drop_target_new (GEST_TYPE_BOARD_ITEM, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}

/* The list of cards under the header: made when the column first shows in the board's
 * scrolled window (or when asked), since a list view with its cards costs more than the
 * rest of the column. */
static void
build_list (GestBoardColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  /* The factory first: rows made for a model without one are made again when it comes. */
  self->list_view = gtk_list_view_new (NULL, g_object_ref (factory));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (self->selection));
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (self->title_label)),
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_view_activate_cb), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list_view);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* Whether a column @width wide shows in the scrolled window around it (the board's), with
 * the position just given by the allocation under way. */
static gboolean
in_view (GestBoardColumn *self,
         int              width)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t origin;

  if (viewport == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), viewport, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return TRUE;
  return origin.x < gtk_widget_get_width (viewport) && origin.x + width > 0;
}

static void
gest_board_column_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (widget);
  GtkWidget *children[] = { self->header, self->scroller };

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min, child_nat;

      if (children[i] == NULL || !gtk_widget_should_layout (children[i]))
        continue;
      gtk_widget_measure (children[i], orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

/* The header on top at its height, the list below in the rest. */
static void
gest_board_column_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (widget);
  int header_min, header_nat, header_height = 0;

  if (self->scroller == NULL && in_view (self, width))
    build_list (self);

  if (gtk_widget_should_layout (self->header))
    {
      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &header_min, &header_nat, NULL, NULL);
      header_height = CLAMP (header_nat, header_min, MAX (height, header_min));
      gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, header_height }, -1);
    }
  if (self->scroller != NULL && gtk_widget_should_layout (self->scroller))
    {
      int list_min, list_nat;

      gtk_widget_measure (self->scroller, GTK_ORIENTATION_VERTICAL, width, &list_min, &list_nat, NULL, NULL);
      gtk_widget_size_allocate (self->scroller,
                                &(GtkAllocation) { 0, header_height, width, MAX (height - header_height, list_min) },
                                -1);
    }
}

static void
gest_board_column_dispose (GObject *object)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (gest_board_column_parent_class)->dispose (object);
}

static void
gest_board_column_finalize (GObject *object)
{
  GestBoardColumn *self = GEST_BOARD_COLUMN (object);

  g_free (self->count_text);

  G_OBJECT_CLASS (gest_board_column_parent_class)->finalize (object);
}

static void
gest_board_column_class_init (GestBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_board_column_dispose;
  object_class->finalize = gest_board_column_finalize;
  widget_class->measure = gest_board_column_measure;
  widget_class->size_allocate = gest_board_column_size_allocate;

  signals[MOVE_ITEM] = g_signal_new ("move-item",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, GEST_TYPE_BOARD_ITEM);

  gtk_widget_class_install_action (widget_class, "board.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "board.move-previous", NULL, move_previous_action);
  gtk_widget_class_install_action (widget_class, "board.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "board.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "board.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "board.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "board.move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "board.move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board.move-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "board.move-previous", NULL);

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gest_board_column_init (GestBoardColumn *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), COLUMN_WIDTH, -1);
  self->menu = build_menu ();
}

GtkWidget *
gest_board_column_new (GestBoardColumnModel *model,
                       const char           *title,
                       gboolean              read_only)
{
  GestBoardColumn *self;

  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (model), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (GEST_TYPE_BOARD_COLUMN, NULL);
  self->model = g_object_ref (model);
  self->read_only = read_only;
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->model, "notify::n-items", G_CALLBACK (n_items_changed_cb), self);
  build_ui (self, title);
  update_count (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

GestBoardColumnModel *
gest_board_column_get_model (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), NULL);

  return self->model;
}

guint
gest_board_column_get_index (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), 0);

  return gest_board_column_model_get_column (self->model);
}

gboolean
gest_board_column_get_read_only (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), FALSE);

  return self->read_only;
}

void
gest_board_column_set_read_only_reason (GestBoardColumn *self,
                                        const char      *reason)
{
  const char *text;

  g_return_if_fail (GEST_IS_BOARD_COLUMN (self));

  text = reason != NULL ? reason : _("Read-only: you cannot move cards in this column");
  set_tooltip_quietly (self->lock_icon, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

const char *
gest_board_column_get_count_text (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), NULL);

  return self->count_text;
}

guint
gest_board_column_get_selected (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
gest_board_column_select (GestBoardColumn *self,
                          guint            position)
{
  g_return_if_fail (GEST_IS_BOARD_COLUMN (self));

  gtk_single_selection_set_selected (self->selection, position);
  gest_board_column_ensure_list (self);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

gboolean
gest_board_column_has_list (GestBoardColumn *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN (self), FALSE);

  return self->list_view != NULL;
}

void
gest_board_column_ensure_list (GestBoardColumn *self)
{
  g_return_if_fail (GEST_IS_BOARD_COLUMN (self));

  if (self->list_view == NULL)
    build_list (self);
}
