/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-retention-workflow.h"

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* The seed's "Coordinadora de recepción / Contacto proactivo" works the queue; the service
 * manager and the general manager may too. Advisors record the visits and the quotes the
 * customer did not authorise (the multipoint sheet), which become follow-ups (S5). */
#define CALLERS   (R (GENERAL_MANAGER) | R (SERVICE_MANAGER) | R (SERVICE_COORDINATOR))
#define WORKSHOP  (CALLERS | R (SERVICE_ADVISOR))

static const GestPermission permissions[] = {
  { GEST_RETENTION_PERMISSION_CALLS, N_("work the day’s call queue and log calls"), CALLERS },
  { GEST_RETENTION_PERMISSION_VISITS, N_("record and import service visits"), WORKSHOP },
  { GEST_RETENTION_PERMISSION_FOLLOWUPS, N_("record pending parts and quotes to call back"), WORKSHOP },
  { GEST_RETENTION_PERMISSION_PROMOTIONS, N_("edit the current promotions"),
    R (GENERAL_MANAGER) | R (SERVICE_MANAGER) },
};

const GestPermission *
gest_retention_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

const char *
gest_retention_permission_for_entity (const char *entity)
{
  static const struct
  {
    const char *entity;
    const char *permission;
  } entities[] = {
    { "service_visit", GEST_RETENTION_PERMISSION_VISITS },
    { "service_followup", GEST_RETENTION_PERMISSION_FOLLOWUPS },
    { "contact_target", GEST_RETENTION_PERMISSION_CALLS },
    { "contact_call", GEST_RETENTION_PERMISSION_CALLS },
    { "contact_letter", GEST_RETENTION_PERMISSION_CALLS },
    { "promotion", GEST_RETENTION_PERMISSION_PROMOTIONS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i].entity) == 0)
      return entities[i].permission;
  return NULL;
}
