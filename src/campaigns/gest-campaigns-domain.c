/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaigns-domain.h"
#include "gest-campaigns-reports.h"

static void gest_campaigns_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestCampaignsDomain, gest_campaigns_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_campaigns_domain_iface_init))

static const char *
gest_campaigns_domain_get_id (GestDomainModule *module)
{
  return GEST_CAMPAIGNS_MODULE_ID;
}

static void
gest_campaigns_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_campaigns_domain_get_id;
  iface->get_reports = gest_campaigns_reports_get;
}

static void
gest_campaigns_domain_class_init (GestCampaignsDomainClass *klass)
{
}

static void
gest_campaigns_domain_init (GestCampaignsDomain *self)
{
}

GestDomainModule *
gest_campaigns_domain_new (void)
{
  return g_object_new (GEST_TYPE_CAMPAIGNS_DOMAIN, NULL);
}
