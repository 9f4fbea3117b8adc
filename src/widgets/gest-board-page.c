/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-page.h"

/* Below this width (or the filter bar's in one row, when wider) the page is narrow: two
 * board columns with their gaps and margins do not fit. */
#define NARROW_BELOW 600

struct _GestBoardPage
{
  GtkWidget        parent_instance;

  /* Template children. */
  AdwLeaflet      *leaflet;
  GtkWidget       *board_box;
  GtkWidget       *filter_grid;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *column_dropdown;
  GtkWidget       *toggles_box;
  GtkToggleButton *overdue_toggle;
  GtkToggleButton *mine_toggle;
  GtkWidget       *spacer;
  GtkButton       *new_button;
  GtkStack        *content_stack;
  GestBoard       *board;
  AdwStatusPage   *empty_page;
  GtkButton       *empty_new_button;
  GtkWidget       *detail_scroller;
  AdwBin          *detail_bin;

  char            *section_title;
  char            *detail_title;
  char            *all_columns;
  gboolean         narrow;
  char            *new_label;    /* the new-record button's, shown when not narrow */
  int              wide_width;   /* the filter bar's minimum width in one row */
  guint            arrange_id;   /* idle that applies a change of "narrow" */
};

G_DEFINE_FINAL_TYPE (GestBoardPage, gest_board_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  PROP_NARROW,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  NEW_RECORD,
  DETAIL_CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_is_empty (const GestBoardFilter *filter)
{
  return (filter->text == NULL || *filter->text == '\0') && filter->column < 0 &&
         !filter->overdue_only && !filter->mine_only;
}

static void
filter_changed_cb (GestBoardPage *self)
{
  GestBoardFilter filter = { 0 };
  guint selected = gtk_drop_down_get_selected (self->column_dropdown);

  filter.text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_strstrip (filter.text);
  filter.column = (selected == 0 || selected == GTK_INVALID_LIST_POSITION) ? -1 : (int) selected - 1;
  filter.overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  filter.mine_only = gtk_toggle_button_get_active (self->mine_toggle);
  gest_board_set_filter (self->board, &filter);
  gest_board_filter_clear (&filter);
}

static void
board_loading_cb (GestBoardPage *self)
{
  const char *content = "board";

  if (gest_board_get_loading (self->board))
    return;
  /* "Nothing yet" only when nothing narrows the board; a filter with no hits says so and
   * keeps the filters on screen to change. */
  if (gest_board_get_n_items (self->board) == 0)
    content = filter_is_empty (gest_board_get_filter (self->board)) ? "empty" : "no-results";
  gtk_stack_set_visible_child_name (self->content_stack, content);
}

static void
board_item_activated_cb (GestBoardPage *self,
                         const char    *uuid)
{
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, uuid);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEW_RECORD], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_board_page_show_board (GEST_BOARD_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GestBoardPage *self = GEST_BOARD_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->column_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->mine_toggle, FALSE);
  filter_changed_cb (self);
}

static void
place (GestBoardPage *self,
       gpointer       widget,
       int            column,
       int            row,
       int            span)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->filter_grid);
  GtkLayoutChild *child = gtk_layout_manager_get_layout_child (layout, GTK_WIDGET (widget));

  gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), column);
  gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), row);
  gtk_grid_layout_child_set_column_span (GTK_GRID_LAYOUT_CHILD (child), span);
}

/* Narrow, the new-record button is an icon beside the search (its label did not fit a 360 px
 * window); the label stays its accessible name and tooltip. */
static void
update_new_button (GestBoardPage *self)
{
  if (self->new_label == NULL)
    return;
  if (self->narrow)
    {
      g_autofree char *plain = NULL;

      gtk_button_set_icon_name (self->new_button, "list-add-symbolic");
      /* The label without its mnemonic underscore. */
      plain = g_strdup (self->new_label);
      for (char *r = plain, *w = plain; ; r++)
        if (*r != '_' && (*w++ = *r) == '\0')
          break;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      if (gtk_widget_get_tooltip_text (GTK_WIDGET (self->new_button)) == NULL)
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), plain);
    }
  else
    {
      gtk_button_set_label (self->new_button, self->new_label);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->new_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

/* Narrow: the search and the new-record button on the first row, the toggles on the second,
 * and the board's column switcher instead of the column filter. */
static void
arrange (GestBoardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->column_dropdown);

  if (self->narrow)
    {
      place (self, self->search_entry, 0, 0, 1);
      place (self, self->new_button, 1, 0, 1);
      place (self, self->toggles_box, 0, 1, 2);
      /* The column the filter showed becomes the one the switcher shows. */
      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        {
          gest_board_set_current_column (self->board, selected - 1);
          gtk_drop_down_set_selected (self->column_dropdown, 0);
        }
    }
  else
    {
      place (self, self->search_entry, 0, 0, 1);
      place (self, self->column_dropdown, 1, 0, 1);
      place (self, self->toggles_box, 2, 0, 1);
      place (self, self->spacer, 3, 0, 1);
      place (self, self->new_button, 4, 0, 1);
    }
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), self->narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->column_dropdown), !self->narrow);
  gtk_widget_set_visible (self->spacer, !self->narrow);
  gest_board_set_narrow (self->board, self->narrow);
  update_new_button (self);
}

static gboolean
arrange_cb (gpointer user_data)
{
  GestBoardPage *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->arrange_id = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;
  self->narrow = width < MAX (self->wide_width, NARROW_BELOW);
  arrange (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
  return G_SOURCE_REMOVE;
}

static void
set_title (GestBoardPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
gest_board_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (GEST_BOARD_PAGE (widget)->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The page is its leaflet; the width decides the arrangement (applied after this
 * allocation: changing it now would change the sizes being allocated). */
static void
gest_board_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GestBoardPage *self = GEST_BOARD_PAGE (widget);
  gboolean narrow;

  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);

  if (!self->narrow)
    gtk_widget_measure (self->filter_grid, GTK_ORIENTATION_HORIZONTAL, -1, &self->wide_width, NULL, NULL, NULL);
  narrow = width < MAX (self->wide_width, NARROW_BELOW);
  if (narrow != self->narrow && self->arrange_id == 0)
    self->arrange_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, arrange_cb, self, NULL);
}

static void
gest_board_page_dispose (GObject *object)
{
  GestBoardPage *self = GEST_BOARD_PAGE (object);

  g_clear_handle_id (&self->arrange_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_BOARD_PAGE);

  G_OBJECT_CLASS (gest_board_page_parent_class)->dispose (object);
}

static void
gest_board_page_finalize (GObject *object)
{
  GestBoardPage *self = GEST_BOARD_PAGE (object);

  g_free (self->section_title);
  g_free (self->detail_title);
  g_free (self->all_columns);
  g_free (self->new_label);

  G_OBJECT_CLASS (gest_board_page_parent_class)->finalize (object);
}

static void
gest_board_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GestBoardPage *self = GEST_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gest_board_page_get_title (self));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_board_page_get_can_go_back (self));
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_page_class_init (GestBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_board_page_dispose;
  object_class->finalize = gest_board_page_finalize;
  object_class->get_property = gest_board_page_get_property;
  widget_class->measure = gest_board_page_measure;
  widget_class->size_allocate = gest_board_page_size_allocate;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NARROW] = g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_RECORD] = g_signal_new ("new-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DETAIL_CLOSED] = g_signal_new ("detail-closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GEST_TYPE_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, board_box);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, column_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, toggles_box);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, spacer);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, board);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, GestBoardPage, detail_bin);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_loading_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_item_activated_cb);

  gtk_widget_class_install_action (widget_class, "board-page.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "board-page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "board-page.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "board-page.back", NULL);
  gtk_widget_class_set_css_name (widget_class, "boardpage");
}

static void
gest_board_page_init (GestBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.new-record", FALSE);
}

GtkWidget *
gest_board_page_new (void)
{
  return g_object_new (GEST_TYPE_BOARD_PAGE, NULL);
}

void
gest_board_page_set_texts (GestBoardPage            *self,
                           const GestBoardPageTexts *texts)
{
  g_return_if_fail (GEST_IS_BOARD_PAGE (self));
  g_return_if_fail (texts != NULL);

  g_object_set (self->search_entry, "placeholder-text", texts->search_placeholder, NULL);
  g_free (self->all_columns);
  self->all_columns = g_strdup (texts->all_columns != NULL ? texts->all_columns : _("All Columns"));
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_toggle), texts->overdue_tooltip != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_toggle), texts->overdue_tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_toggle), texts->mine_tooltip != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle), texts->mine_tooltip);
  gtk_button_set_label (GTK_BUTTON (self->overdue_toggle),
                        texts->overdue_label != NULL ? texts->overdue_label : _("_Overdue Only"));
  gtk_button_set_label (GTK_BUTTON (self->mine_toggle), texts->mine_label != NULL ? texts->mine_label : _("_Mine"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.new-record", texts->new_label != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), texts->new_label != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_new_button), texts->new_label != NULL);
  if (texts->new_label != NULL)
    {
      g_free (self->new_label);
      self->new_label = g_strdup (texts->new_label);
      update_new_button (self);
      gtk_button_set_label (self->empty_new_button, texts->new_label);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), texts->new_tooltip);

  adw_status_page_set_icon_name (self->empty_page, texts->empty_icon_name);
  adw_status_page_set_title (self->empty_page, texts->empty_title);
  adw_status_page_set_description (self->empty_page, texts->empty_description);
  gest_board_set_read_only_reason (self->board, texts->read_only_reason);
}

void
gest_board_page_set_section_title (GestBoardPage *self,
                                   const char    *title)
{
  g_return_if_fail (GEST_IS_BOARD_PAGE (self));

  g_free (self->section_title);
  self->section_title = g_strdup (title);
  set_title (self);
}

void
gest_board_page_set_source (GestBoardPage   *self,
                            GestBoardSource *source)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  g_return_if_fail (GEST_IS_BOARD_PAGE (self));
  g_return_if_fail (source == NULL || GEST_IS_BOARD_SOURCE (source));

  gtk_string_list_append (columns, self->all_columns != NULL ? self->all_columns : _("All Columns"));
  for (guint i = 0; source != NULL && i < gest_board_source_get_n_columns (source); i++)
    {
      /* Translators: a column in the column filter, e.g. "4. Deposit verified". */
      g_autofree char *label = g_strdup_printf (_("%u. %s"), i + 1, gest_board_source_get_column_title (source, i));

      gtk_string_list_append (columns, label);
    }
  g_signal_handlers_block_by_func (self->column_dropdown, filter_changed_cb, self);
  gtk_drop_down_set_model (self->column_dropdown, G_LIST_MODEL (columns));
  gtk_drop_down_set_selected (self->column_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->column_dropdown, filter_changed_cb, self);
  gest_board_set_source (self->board, source);
}

GestBoard *
gest_board_page_get_board (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), NULL);

  return self->board;
}

void
gest_board_page_show_detail (GestBoardPage *self,
                             GtkWidget     *detail,
                             const char    *title)
{
  gboolean was_open;

  g_return_if_fail (GEST_IS_BOARD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (detail));

  was_open = gest_board_page_get_can_go_back (self);
  adw_bin_set_child (self->detail_bin, detail);
  g_free (self->detail_title);
  self->detail_title = g_strdup (title);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", TRUE);
  /* The card that opened it is hidden now: the keyboard goes on in the detail, where
   * Escape and Alt+Left reach this page. */
  gtk_widget_child_focus (detail, GTK_DIR_TAB_FORWARD);
  set_title (self);
  if (!was_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

GtkWidget *
gest_board_page_get_detail (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), NULL);

  return adw_bin_get_child (self->detail_bin);
}

void
gest_board_page_show_board (GestBoardPage *self)
{
  gboolean was_open;

  g_return_if_fail (GEST_IS_BOARD_PAGE (self));

  was_open = gest_board_page_get_can_go_back (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "board");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
  if (was_open)
    gtk_widget_child_focus (GTK_WIDGET (self->board), GTK_DIR_TAB_FORWARD);
  adw_bin_set_child (self->detail_bin, NULL);
  g_clear_pointer (&self->detail_title, g_free);
  set_title (self);
  if (was_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_signal_emit (self, signals[DETAIL_CLOSED], 0);
}

const char *
gest_board_page_get_title (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), NULL);

  if (gest_board_page_get_can_go_back (self) && self->detail_title != NULL)
    return self->detail_title;
  return self->section_title;
}

gboolean
gest_board_page_get_can_go_back (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), FALSE);

  return adw_bin_get_child (self->detail_bin) != NULL;
}

const char *
gest_board_page_get_visible (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), NULL);

  return gest_board_page_get_can_go_back (self) ? "detail" : "board";
}

const char *
gest_board_page_get_content (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
gest_board_page_get_narrow (GestBoardPage *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_PAGE (self), FALSE);

  return self->narrow;
}
