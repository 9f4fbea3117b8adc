/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaigns-module.h"
#include "gest-campaigns-page.h"

struct _GestCampaignsModule
{
  GestCampaignsDomain parent_instance;
};

static void gest_campaigns_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestCampaignsModule, gest_campaigns_module, GEST_TYPE_CAMPAIGNS_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_campaigns_module_iface_init))

static const char *
gest_campaigns_module_get_title (GestModule *module)
{
  return _("Service Campaigns");
}

static const char *
gest_campaigns_module_get_icon_name (GestModule *module)
{
  return "applications-engineering-symbolic";
}

static int
gest_campaigns_module_get_position (GestModule *module)
{
  return 50;
}

static GtkWidget *
gest_campaigns_module_create_page (GestModule  *module,
                                   GestContext *context)
{
  return gest_campaigns_page_new (context);
}

/* A campaign's code ("campaign") opens its board with its details over it. */
static gboolean
gest_campaigns_module_open_hit (GestModule  *module,
                                GestContext *context,
                                GtkWidget   *page,
                                const char  *kind,
                                const char  *uuid)
{
  if (!g_str_equal (kind, "campaign") || !GEST_IS_CAMPAIGNS_PAGE (page))
    return FALSE;
  gest_campaigns_page_show_campaign_detail (GEST_CAMPAIGNS_PAGE (page), uuid);
  return TRUE;
}

static void
gest_campaigns_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_campaigns_module_get_title;
  iface->get_icon_name = gest_campaigns_module_get_icon_name;
  iface->get_position = gest_campaigns_module_get_position;
  iface->create_page = gest_campaigns_module_create_page;
  iface->open_hit = gest_campaigns_module_open_hit;
}

static void
gest_campaigns_module_class_init (GestCampaignsModuleClass *klass)
{
}

static void
gest_campaigns_module_init (GestCampaignsModule *self)
{
}
