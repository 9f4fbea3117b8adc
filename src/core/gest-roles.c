/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-roles.h"

/* Role ids are stored in the users table and in every activity entry's hash: never
 * change one. */
static const struct
{
  const char *id;
  const char *label;
} roles[GEST_N_ROLES] = {
  [GEST_ROLE_GENERAL_MANAGER] = { "general-manager", N_("General manager") },
  [GEST_ROLE_SERVICE_MANAGER] = { "service-manager", N_("Service manager") },
  [GEST_ROLE_SERVICE_COORDINATOR] = { "service-coordinator", N_("Service coordinator") },
  [GEST_ROLE_CS_ANALYST] = { "cs-analyst", N_("Customer service analyst") },
  [GEST_ROLE_CS_HEAD] = { "cs-head", N_("Head of customer service") },
  [GEST_ROLE_FINANCE_MANAGER] = { "finance-manager", N_("Finance manager") },
  [GEST_ROLE_COLLECTIONS_AGENT] = { "collections-agent", N_("Collections agent") },
  [GEST_ROLE_SERVICE_ADVISOR] = { "service-advisor", N_("Service advisor") },
  [GEST_ROLE_COLLECTIONS_SUPERVISOR] = { "collections-supervisor", N_("Collections supervisor") },
  /* Issue 13 (Q2, Q3): registers annulled customers and approves re-invoicing. */
  [GEST_ROLE_CS_COORDINATOR] = { "cs-coordinator", N_("Customer service coordinator") },
  /* Issue 15 (S9, S13): the technology sessions' specialist, and sales, who get the
   * test-drive leads (S10). */
  [GEST_ROLE_TECH_SPECIALIST] = { "technology-specialist", N_("Technology specialist") },
  [GEST_ROLE_SALES_ADVISOR] = { "sales-advisor", N_("Sales advisor") },
  /* The id predates issue 12, when a dealer user could play Conauto's liaison; entries in
   * existing logs carry it, so it stays. */
  [GEST_ROLE_CONAUTO] = { "conauto-liaison", N_("Conauto") },
};

const char *
gest_role_id (GestRole role)
{
  g_return_val_if_fail (role < GEST_N_ROLES, NULL);

  return roles[role].id;
}

const char *
gest_role_label (GestRole role)
{
  g_return_val_if_fail (role < GEST_N_ROLES, NULL);

  return _(roles[role].label);
}

gboolean
gest_role_from_id (const char *id,
                   GestRole   *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < GEST_N_ROLES; i++)
    {
      if (g_str_equal (id, roles[i].id))
        {
          if (out != NULL)
            *out = (GestRole) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
gest_role_is_dealer (GestRole role)
{
  return role < GEST_N_DEALER_ROLES;
}
