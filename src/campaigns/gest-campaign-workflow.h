/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-permissions.h"

G_BEGIN_DECLS

/* The campaigns' rows of the permissions table (S1-S3), GLib only, compiled into the desktop
 * and the server, so a role rule exists once. */
#define GEST_CAMPAIGN_PERMISSION_MANAGE    "campaigns.manage"    /* campaigns and their VIN lists (S1) */
#define GEST_CAMPAIGN_PERMISSION_PARTS     "campaigns.parts"     /* parts requested and received (S2) */
#define GEST_CAMPAIGN_PERMISSION_REVIEW    "campaigns.review"    /* the weekly "revisado" stamp (S1) */
#define GEST_CAMPAIGN_PERMISSION_VEHICLES  "campaigns.vehicles"  /* moves and close-outs on the board */

const GestPermission *gest_campaign_permissions_get (guint *n_rows);

/* The permission a synced change of @entity ("campaign", "campaign_vehicle",
 * "campaign_part", "campaign_review", "customer_data_origin") needs; NULL for an entity that
 * is not the campaigns'. */
const char           *gest_campaign_permission_for_entity (const char *entity);

G_END_DECLS
