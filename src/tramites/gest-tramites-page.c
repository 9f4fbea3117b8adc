/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-tramite-board-source.h"
#include "gest-tramite-detail.h"
#include "gest-tramite-editor.h"
#include "gest-tramites-page.h"

struct _GestTramitesPage
{
  GtkWidget               parent_instance;

  /* Template children. */
  GtkStack               *stack;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *step_dropdown;
  GtkToggleButton        *overdue_toggle;
  GtkToggleButton        *mine_toggle;
  GtkStack               *content_stack;
  GestBoard              *board;
  AdwBin                 *detail_bin;

  GestContext            *context;
  GestStore              *store;         /* the context's */
  GestTramiteBoardSource *source;
  GtkWindow              *root;          /* borrowed: watched for "is-active" while rooted */
  gboolean                seen_active;
};

G_DEFINE_FINAL_TYPE (GestTramitesPage, gest_tramites_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_is_empty (const GestBoardFilter *filter)
{
  return (filter->text == NULL || *filter->text == '\0') && filter->column < 0 &&
         !filter->overdue_only && !filter->mine_only;
}

static void
filter_changed_cb (GestTramitesPage *self)
{
  GestBoardFilter filter = { 0 };
  guint selected = gtk_drop_down_get_selected (self->step_dropdown);

  filter.text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_strstrip (filter.text);
  filter.column = (selected == 0 || selected == GTK_INVALID_LIST_POSITION) ? -1 : (int) selected - 1;
  filter.overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  filter.mine_only = gtk_toggle_button_get_active (self->mine_toggle);
  gest_board_set_filter (self->board, &filter);
  gest_board_filter_clear (&filter);
}

static void
board_loading_cb (GestTramitesPage *self)
{
  gboolean empty;

  if (gest_board_get_loading (self->board))
    return;
  /* "No trámites" only when nothing narrows the board: a filter with no hits keeps the
   * board (and its filters) on screen. */
  empty = gest_board_get_n_items (self->board) == 0 &&
          filter_is_empty (gest_board_get_filter (self->board));
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "board");
}

static void
board_item_activated_cb (GestTramitesPage *self,
                         const char       *uuid)
{
  gest_tramites_page_show_tramite (self, uuid);
}

static void
editor_saved_cb (GestTramitesPage *self)
{
  gest_tramite_board_source_reload (self->source);
}

static void
new_payoff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GestTramiteEditor *editor;

  editor = gest_tramite_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_tramites_page_show_board (GEST_TRAMITES_PAGE (widget));
}

static void
root_active_cb (GestTramitesPage *self)
{
  if (!gtk_window_is_active (self->root))
    return;
  /* Another window (the CLI, an editor, a second instance) may have changed trámites while
   * this one was in the background; the first activation is the window opening. */
  if (self->seen_active)
    gest_tramite_board_source_reload (self->source);
  self->seen_active = TRUE;
}

static void
gest_tramites_page_root (GtkWidget *widget)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gest_tramites_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WINDOW (root);
      self->seen_active = gtk_window_is_active (self->root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (root_active_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
gest_tramites_page_unroot (GtkWidget *widget)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_active_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (gest_tramites_page_parent_class)->unroot (widget);
}

static void
setup_steps (GestTramitesPage *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  gtk_string_list_append (steps, _("All Steps"));
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    {
      /* Translators: a step in the step filter, e.g. "4. Deposit verified". */
      g_autofree char *label = g_strdup_printf (_("%d. %s"), step, gest_tramite_step_title (step));

      gtk_string_list_append (steps, label);
    }
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
  gtk_drop_down_set_selected (self->step_dropdown, 0);
}

static void
gest_tramites_page_constructed (GObject *object)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);

  G_OBJECT_CLASS (gest_tramites_page_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->source = gest_tramite_board_source_new (self->store);
  gest_board_set_read_only_reason (self->board,
                                   _("Conauto makes this step: its trámites arrive through sync from "
                                     "the Conauto server, and you cannot move them here yourself"));
  gest_board_set_source (self->board, GEST_BOARD_SOURCE (self->source));
}

static void
gest_tramites_page_dispose (GObject *object)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_TRAMITES_PAGE);
  g_clear_object (&self->source);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_tramites_page_parent_class)->dispose (object);
}

static void
gest_tramites_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramites_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramites_page_class_init (GestTramitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_tramites_page_constructed;
  object_class->dispose = gest_tramites_page_dispose;
  object_class->get_property = gest_tramites_page_get_property;
  object_class->set_property = gest_tramites_page_set_property;
  widget_class->root = gest_tramites_page_root;
  widget_class->unroot = gest_tramites_page_unroot;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GEST_TYPE_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/tramites/gest-tramites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, board);
  gtk_widget_class_bind_template_child (widget_class, GestTramitesPage, detail_bin);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_loading_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_item_activated_cb);

  gtk_widget_class_install_action (widget_class, "tramites.new-payoff", NULL, new_payoff_action);
  gtk_widget_class_install_action (widget_class, "tramites.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "tramites.new-payoff", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "tramites.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_tramites_page_init (GestTramitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_steps (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tramites.back", FALSE);
}

GtkWidget *
gest_tramites_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_TRAMITES_PAGE, "context", context, NULL);
}

void
gest_tramites_page_show_tramite (GestTramitesPage *self,
                                 const char       *uuid)
{
  g_return_if_fail (GEST_IS_TRAMITES_PAGE (self));
  g_return_if_fail (uuid != NULL);

  adw_bin_set_child (self->detail_bin, gest_tramite_detail_new (self->context, uuid));
  gtk_stack_set_visible_child_name (self->stack, "detail");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tramites.back", TRUE);
}

void
gest_tramites_page_show_board (GestTramitesPage *self)
{
  g_return_if_fail (GEST_IS_TRAMITES_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tramites.back", FALSE);
  adw_bin_set_child (self->detail_bin, NULL);
  gest_tramite_board_source_reload (self->source);
}

GestBoard *
gest_tramites_page_get_board (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), NULL);

  return self->board;
}

const char *
gest_tramites_page_get_visible (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
gest_tramites_page_get_empty_shown (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}
