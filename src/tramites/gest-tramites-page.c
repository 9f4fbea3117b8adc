/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-tramite.h"
#include "gest-tramite-board-source.h"
#include "gest-tramite-detail.h"
#include "gest-tramite-editor.h"
#include "gest-tramites-page.h"

struct _GestTramitesPage
{
  GtkWidget               parent_instance;

  GestBoardPage          *page;          /* the only child */
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
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_activated_cb (GestTramitesPage *self,
                   const char       *uuid)
{
  gest_tramites_page_show_tramite (self, uuid);
}

static void
detail_closed_cb (GestTramitesPage *self)
{
  gest_tramite_board_source_reload (self->source);
}

static void
editor_saved_cb (GestTramitesPage *self)
{
  gest_tramite_board_source_reload (self->source);
}

static void
new_record_cb (GestTramitesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GestTramiteEditor *editor;

  editor = gest_tramite_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
page_notify_cb (GestTramitesPage *self,
                GParamSpec       *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (pspec->name, "can-go-back"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* The window's header back button goes back through this page. */
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
gest_tramites_page_constructed (GObject *object)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);
  const GestBoardPageTexts texts = {
    .search_placeholder = _("Search folio, plan or customer"),
    .all_columns = _("All Steps"),
    .overdue_tooltip = _("Only trámites whose agreed payment date passed without a payment"),
    .mine_tooltip = _("Only trámites you registered"),
    .new_label = _("_New Payoff"),
    .new_tooltip = _("Register an early payoff agreed with Conauto"),
    .empty_icon_name = "document-edit-symbolic",
    .empty_title = _("No Early Payoffs Yet"),
    .empty_description = _("Register a payoff agreed with Conauto and follow it here, one column per step."),
    .read_only_reason = _("Conauto makes this step: its trámites arrive through sync from the Conauto "
                          "server, and you cannot move them here yourself"),
  };

  G_OBJECT_CLASS (gest_tramites_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->store = g_object_ref (gest_context_get_store (self->context));
  self->source = gest_tramite_board_source_new (self->store);
  gest_board_page_set_texts (self->page, &texts);
  gest_board_page_set_section_title (self->page, _("Early Payoffs"));
  gest_board_page_set_source (self->page, GEST_BOARD_SOURCE (self->source));
}

static void
gest_tramites_page_dispose (GObject *object)
{
  GestTramitesPage *self = GEST_TRAMITES_PAGE (object);

  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  g_clear_pointer ((GtkWidget **) &self->page, gtk_widget_unparent);
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
    case PROP_TITLE:
      g_value_set_string (value, gest_board_page_get_title (self->page));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_board_page_get_can_go_back (self->page));
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
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_tramites_page_init (GestTramitesPage *self)
{
  self->page = GEST_BOARD_PAGE (gest_board_page_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->page), GTK_WIDGET (self));
  g_signal_connect_swapped (self->page, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->page, "new-record", G_CALLBACK (new_record_cb), self);
  g_signal_connect_swapped (self->page, "detail-closed", G_CALLBACK (detail_closed_cb), self);
  g_signal_connect_swapped (self->page, "notify", G_CALLBACK (page_notify_cb), self);
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
  g_autoptr(GestTramite) tramite = NULL;

  g_return_if_fail (GEST_IS_TRAMITES_PAGE (self));
  g_return_if_fail (uuid != NULL);

  /* The header names the folio; the detail says itself when the trámite is gone. */
  tramite = gest_tramite_load_by_uuid (self->store, uuid, NULL);
  gest_board_page_show_detail (self->page, gest_tramite_detail_new (self->context, uuid),
                               tramite != NULL ? tramite->folio : _("Trámite Not Available"));
}

void
gest_tramites_page_show_board (GestTramitesPage *self)
{
  g_return_if_fail (GEST_IS_TRAMITES_PAGE (self));

  /* Reloads the source through ::detail-closed. */
  gest_board_page_show_board (self->page);
}

GestBoard *
gest_tramites_page_get_board (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), NULL);

  return gest_board_page_get_board (self->page);
}

GestBoardPage *
gest_tramites_page_get_board_page (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), NULL);

  return self->page;
}

const char *
gest_tramites_page_get_visible (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), NULL);

  return gest_board_page_get_can_go_back (self->page) ? "detail" : "main";
}

gboolean
gest_tramites_page_get_empty_shown (GestTramitesPage *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITES_PAGE (self), FALSE);

  return g_strcmp0 (gest_board_page_get_content (self->page), "empty") == 0;
}
