/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-campaigns-domain.h"

G_BEGIN_DECLS

/* The Campaigns module in the app: GestCampaignsDomain with its section (the campaigns, a
 * board of each campaign's affected vehicles, its parts and weekly review, the VIN list
 * import) and its search hits. */
#define GEST_TYPE_CAMPAIGNS_MODULE (gest_campaigns_module_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignsModule, gest_campaigns_module, GEST, CAMPAIGNS_MODULE, GestCampaignsDomain)

G_END_DECLS
