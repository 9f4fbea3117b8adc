/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-workflow.h"

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* The service manager runs the campaigns, their parts and the weekly review (S1, S2); the
 * service coordinator works the board from the call queue; the general manager does
 * everything. */
#define MANAGERS (R (GENERAL_MANAGER) | R (SERVICE_MANAGER))

static const GestPermission permissions[] = {
  { GEST_CAMPAIGN_PERMISSION_MANAGE, N_("create field-action campaigns and import their VIN lists"), MANAGERS },
  { GEST_CAMPAIGN_PERMISSION_PARTS, N_("follow a campaign’s parts"), MANAGERS },
  { GEST_CAMPAIGN_PERMISSION_REVIEW, N_("stamp a campaign’s weekly review"), MANAGERS },
  { GEST_CAMPAIGN_PERMISSION_VEHICLES, N_("move a campaign’s vehicles and close them out"),
    MANAGERS | R (SERVICE_COORDINATOR) },
};

const GestPermission *
gest_campaign_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

const char *
gest_campaign_permission_for_entity (const char *entity)
{
  static const struct
  {
    const char *entity;
    const char *permission;
  } entities[] = {
    { "campaign", GEST_CAMPAIGN_PERMISSION_MANAGE },
    { "campaign_part", GEST_CAMPAIGN_PERMISSION_PARTS },
    { "campaign_review", GEST_CAMPAIGN_PERMISSION_REVIEW },
    { "campaign_vehicle", GEST_CAMPAIGN_PERMISSION_VEHICLES },
    /* The mark comes with an import and goes with a confirmed contact: whoever works the
     * board may carry it. */
    { "customer_data_origin", GEST_CAMPAIGN_PERMISSION_VEHICLES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i].entity) == 0)
      return entities[i].permission;
  return NULL;
}
