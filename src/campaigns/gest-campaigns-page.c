/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-campaign-board-source.h"
#include "gest-campaign-detail.h"
#include "gest-campaign-dialog.h"
#include "gest-campaign-import-dialog.h"
#include "gest-campaign-list.h"
#include "gest-campaign-vehicle-detail.h"
#include "gest-campaigns-page.h"

struct _GestCampaignsPage
{
  GtkWidget           parent_instance;

  GtkStack           *stack;          /* the only child: "list", "board" */
  GestCampaignList   *list;
  GtkWidget          *board_box;      /* the campaign's bar above the board page */
  GtkWidget          *bar;
  GtkLabel           *bar_title;
  GtkLabel           *bar_subtitle;
  GestBoardPage      *page;

  GestContext        *context;
  GestStore          *store;          /* the context's */
  GestSqlBoardSource *source;         /* the shown campaign's, or NULL */
  char               *campaign_uuid;
  char               *campaign_title;
  gboolean            mapped_once;
};

G_DEFINE_FINAL_TYPE (GestCampaignsPage, gest_campaigns_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
parent_window (GestCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
notify_navigation (GestCampaignsPage *self)
{
  /* The campaign's bar is the board's: a detail fills the page. */
  gtk_widget_set_visible (self->bar, !gest_board_page_get_can_go_back (self->page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
update_bar (GestCampaignsPage *self)
{
  g_autoptr(GestCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->campaign_title, g_free);
  if (self->campaign_uuid != NULL)
    campaign = gest_campaign_load (self->store, self->campaign_uuid, &error);
  if (campaign == NULL)
    {
      gtk_label_set_text (self->bar_title, _("Campaign Not Available"));
      gtk_label_set_text (self->bar_subtitle, error != NULL ? error->message : "");
      return;
    }
  self->campaign_title = g_strdup (campaign->code);
  /* Translators: above a campaign's board: its code and kind. */
  {
    g_autofree char *title = g_strdup_printf (_("%s · %s"), campaign->code, gest_campaign_kind_label (campaign->kind));

    gtk_label_set_text (self->bar_title, title);
  }
  gtk_label_set_text (self->bar_subtitle, campaign->description);
}

static void
reload_board (GestCampaignsPage *self)
{
  if (self->source != NULL)
    gest_sql_board_source_reload (self->source);
  update_bar (self);
  gest_campaign_list_reload (self->list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
campaign_activated_cb (GestCampaignsPage *self,
                       const char        *uuid)
{
  gest_campaigns_page_show_campaign (self, uuid);
}

static void
campaign_saved_cb (GestCampaignsPage *self,
                   const char        *uuid)
{
  gest_campaign_list_reload (self->list);
  gest_campaigns_page_show_campaign (self, uuid);
}

static void
new_campaign_cb (GestCampaignsPage *self)
{
  GestCampaignDialog *dialog = gest_campaign_dialog_new (parent_window (self), self->context, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (campaign_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GestCampaignsPage *self)
{
  reload_board (self);
}

/* The board's new-record button imports the campaign's VIN list. */
static void
import_cb (GestCampaignsPage *self)
{
  GestCampaignImportDialog *dialog;

  if (self->campaign_uuid == NULL)
    return;
  dialog = gest_campaign_import_dialog_new (parent_window (self), self->context, self->campaign_uuid);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_clicked_cb (GestCampaignsPage *self)
{
  if (self->campaign_uuid != NULL)
    gest_campaigns_page_show_campaign_detail (self, self->campaign_uuid);
}

static void
item_activated_cb (GestCampaignsPage *self,
                   const char        *uuid)
{
  gest_campaigns_page_show_vehicle (self, uuid);
}

static void
page_notify_cb (GestCampaignsPage *self,
                GParamSpec        *pspec)
{
  if (g_str_equal (pspec->name, "title") || g_str_equal (pspec->name, "can-go-back"))
    notify_navigation (self);
  else if (g_str_equal (pspec->name, "narrow"))
    /* Narrow: the campaign's name takes the width, its details button goes under it. */
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->bar),
                                    gest_board_page_get_narrow (self->page) ? GTK_ORIENTATION_VERTICAL
                                                                           : GTK_ORIENTATION_HORIZONTAL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (widget);

  if (gest_board_page_get_can_go_back (self->page))
    gest_board_page_show_board (self->page);
  else
    gest_campaigns_page_show_list (self);
}

static GtkWidget *
build_bar (GestCampaignsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *details = gtk_button_new_with_mnemonic (_("Campaign _Details"));

  self->bar_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->bar_title, 0);
  gtk_label_set_wrap (self->bar_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->bar_title), "heading");
  self->bar_subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->bar_subtitle, 0);
  gtk_label_set_ellipsize (self->bar_subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->bar_subtitle), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->bar_title));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->bar_subtitle));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (details, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (details, _("The campaign’s data, its parts and its weekly review"));
  g_signal_connect_swapped (details, "clicked", G_CALLBACK (details_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), titles);
  gtk_box_append (GTK_BOX (bar), details);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  return bar;
}

/* Back on the section: the queue (another section of the window), the CLI or the sync may
 * have moved vehicles meanwhile. */
static void
gest_campaigns_page_map (GtkWidget *widget)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (widget);

  GTK_WIDGET_CLASS (gest_campaigns_page_parent_class)->map (widget);

  if (self->mapped_once && !gest_board_page_get_can_go_back (self->page))
    reload_board (self);
  self->mapped_once = TRUE;
}

static void
gest_campaigns_page_constructed (GObject *object)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (object);
  /* Translators: the overdue toggle's tooltip; %s is the column "Por contactar". */
  g_autofree char *overdue = g_strdup_printf (_("Waiting for a call: in “%s” for more than 7 days"),
                                              gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));
  const GestBoardPageTexts texts = {
    .search_placeholder = _("Search VIN, plate or owner"),
    .all_columns = _("All Columns"),
    .overdue_tooltip = overdue,
    .mine_tooltip = NULL,
    .new_label = _("_Import VIN List…"),
    .new_tooltip = _("Add the affected vehicles from the VIN list Ford sent (CSV or XLSX)"),
    .empty_icon_name = "applications-engineering-symbolic",
    .empty_title = _("No Affected Vehicles Yet"),
    .empty_description = _("Import the VIN list Ford sent for this campaign with “Import VIN List”: each vehicle becomes a card, "
                           "waiting for its parts or ready to contact."),
    .read_only_reason = NULL,
    .overdue_label = _("_Waiting for a Call"),
    .mine_label = NULL,
  };

  G_OBJECT_CLASS (gest_campaigns_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->store = g_object_ref (gest_context_get_store (self->context));
  gest_board_page_set_texts (self->page, &texts);
  gest_board_page_set_section_title (self->page, _("Service Campaigns"));

  self->list = GEST_CAMPAIGN_LIST (gest_campaign_list_new (self->context));
  g_signal_connect_swapped (self->list, "campaign-activated", G_CALLBACK (campaign_activated_cb), self);
  g_signal_connect_swapped (self->list, "new-campaign", G_CALLBACK (new_campaign_cb), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_stack_add_named (self->stack, self->board_box, "board");
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
gest_campaigns_page_dispose (GObject *object)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (object);

  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->source);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaigns_page_parent_class)->dispose (object);
}

static void
gest_campaigns_page_finalize (GObject *object)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (object);

  g_free (self->campaign_uuid);
  g_free (self->campaign_title);

  G_OBJECT_CLASS (gest_campaigns_page_parent_class)->finalize (object);
}

static const char *
page_title (GestCampaignsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "board") != 0)
    return _("Service Campaigns");
  if (gest_board_page_get_can_go_back (self->page))
    return gest_board_page_get_title (self->page);
  return self->campaign_title != NULL ? self->campaign_title : _("Service Campaigns");
}

static void
gest_campaigns_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, page_title (self));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "board") == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_campaigns_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestCampaignsPage *self = GEST_CAMPAIGNS_PAGE (object);

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
gest_campaigns_page_class_init (GestCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_campaigns_page_constructed;
  object_class->dispose = gest_campaigns_page_dispose;
  object_class->finalize = gest_campaigns_page_finalize;
  object_class->get_property = gest_campaigns_page_get_property;
  object_class->set_property = gest_campaigns_page_set_property;

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

  widget_class->map = gest_campaigns_page_map;

  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_campaigns_page_init (GestCampaignsPage *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  self->board_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->bar = build_bar (self);
  gtk_box_append (GTK_BOX (self->board_box), self->bar);
  self->page = GEST_BOARD_PAGE (gest_board_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (self->board_box), GTK_WIDGET (self->page));
  g_signal_connect_swapped (self->page, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->page, "new-record", G_CALLBACK (import_cb), self);
  g_signal_connect_swapped (self->page, "detail-closed", G_CALLBACK (reload_board), self);
  g_signal_connect_swapped (self->page, "notify", G_CALLBACK (page_notify_cb), self);
}

GtkWidget *
gest_campaigns_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_CAMPAIGNS_PAGE, "context", context, NULL);
}

void
gest_campaigns_page_show_campaign (GestCampaignsPage *self,
                                   const char        *uuid)
{
  g_return_if_fail (GEST_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (uuid != NULL);

  if (gest_board_page_get_can_go_back (self->page))
    gest_board_page_show_board (self->page);
  if (g_strcmp0 (self->campaign_uuid, uuid) != 0)
    {
      g_free (self->campaign_uuid);
      self->campaign_uuid = g_strdup (uuid);
      g_clear_object (&self->source);
      self->source = gest_campaign_board_source_new (self->store, uuid);
      gest_board_page_set_source (self->page, GEST_BOARD_SOURCE (self->source));
    }
  else if (self->source != NULL)
    gest_sql_board_source_reload (self->source);
  update_bar (self);
  gtk_stack_set_visible_child_name (self->stack, "board");
  notify_navigation (self);
}

static void
detail_changed_cb (GestCampaignsPage *self)
{
  reload_board (self);
}

void
gest_campaigns_page_show_campaign_detail (GestCampaignsPage *self,
                                          const char        *uuid)
{
  GtkWidget *detail;

  g_return_if_fail (GEST_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (uuid != NULL);

  gest_campaigns_page_show_campaign (self, uuid);
  detail = gest_campaign_detail_new (self->context, uuid);
  g_signal_connect_object (detail, "changed", G_CALLBACK (detail_changed_cb), self, G_CONNECT_SWAPPED);
  gest_board_page_show_detail (self->page, detail,
                               self->campaign_title != NULL ? self->campaign_title : _("Campaign Not Available"));
}

void
gest_campaigns_page_show_vehicle (GestCampaignsPage *self,
                                  const char        *campaign_vehicle_uuid)
{
  GtkWidget *detail;

  g_return_if_fail (GEST_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (campaign_vehicle_uuid != NULL);

  detail = gest_campaign_vehicle_detail_new (self->context, campaign_vehicle_uuid);
  g_signal_connect_object (detail, "changed", G_CALLBACK (detail_changed_cb), self, G_CONNECT_SWAPPED);
  gest_board_page_show_detail (self->page, detail,
                               gest_campaign_vehicle_detail_get_title (GEST_CAMPAIGN_VEHICLE_DETAIL (detail)));
}

void
gest_campaigns_page_show_list (GestCampaignsPage *self)
{
  g_return_if_fail (GEST_IS_CAMPAIGNS_PAGE (self));

  if (gest_board_page_get_can_go_back (self->page))
    gest_board_page_show_board (self->page);
  gest_campaign_list_reload (self->list);
  gtk_stack_set_visible_child_name (self->stack, "list");
  notify_navigation (self);
}

const char *
gest_campaigns_page_get_view (GestCampaignsPage *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGNS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
gest_campaigns_page_get_list (GestCampaignsPage *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGNS_PAGE (self), NULL);

  return GTK_WIDGET (self->list);
}

GestBoardPage *
gest_campaigns_page_get_board_page (GestCampaignsPage *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGNS_PAGE (self), NULL);

  return self->page;
}

const char *
gest_campaigns_page_get_campaign_uuid (GestCampaignsPage *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGNS_PAGE (self), NULL);

  return self->campaign_uuid;
}

GtkWidget *
gest_campaigns_page_get_detail (GestCampaignsPage *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGNS_PAGE (self), NULL);

  return gest_board_page_get_can_go_back (self->page) ? gest_board_page_get_detail (self->page) : NULL;
}

void
gest_campaigns_page_reload (GestCampaignsPage *self)
{
  g_return_if_fail (GEST_IS_CAMPAIGNS_PAGE (self));

  reload_board (self);
}
