/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Campaigns module: its section, its settings and its mail. */
#define GEST_CAMPAIGNS_MODULE_ID "campaigns"

/* The GLib-only half of the Campaigns module (S1-S3, S8): Ford's field actions, their
 * affected vehicles imported from Ford's VIN lists, the parts they need and the weekly review;
 * the synced campaign entities, the "campaign" search hits (codes like 24S12), the
 * field-action vehicles it adds to the retention queue (a GestContactSource), its CLI verb,
 * reports and demonstration data. The CLI registers it; the app registers its subclass
 * GestCampaignsModule (the pages). */
#define GEST_TYPE_CAMPAIGNS_DOMAIN (gest_campaigns_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestCampaignsDomain, gest_campaigns_domain, GEST, CAMPAIGNS_DOMAIN, GObject)

struct _GestCampaignsDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_campaigns_domain_new (void);

G_END_DECLS
