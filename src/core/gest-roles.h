/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Roles of the dealership's users (domain.md, "Users"; issue 12), and Conauto. Conauto is not a
 * dealer role: no dealer user has it (gest_role_is_dealer()); it is the author of the entries
 * and steps that arrive from Conauto (sync, or Conauto's signed update file). The values are
 * not stored (the ids are): new dealer roles go before GEST_ROLE_CONAUTO. */
typedef enum
{
  GEST_ROLE_GENERAL_MANAGER,
  GEST_ROLE_SERVICE_MANAGER,
  GEST_ROLE_SERVICE_COORDINATOR,
  GEST_ROLE_CS_ANALYST,
  GEST_ROLE_CS_HEAD,
  GEST_ROLE_FINANCE_MANAGER,
  GEST_ROLE_COLLECTIONS_AGENT,
  GEST_ROLE_SERVICE_ADVISOR,
  GEST_ROLE_COLLECTIONS_SUPERVISOR,
  GEST_ROLE_CS_COORDINATOR,
  GEST_ROLE_TECH_SPECIALIST,
  GEST_ROLE_SALES_ADVISOR,
  GEST_ROLE_CONAUTO,
  GEST_N_ROLES
} GestRole;

#define GEST_N_DEALER_ROLES GEST_ROLE_CONAUTO
/* A set of roles, for the permissions table. */
#define GEST_ROLE_BIT(role) (1u << (role))
#define GEST_ROLES_ALL_DEALER ((1u << GEST_N_DEALER_ROLES) - 1)

const char *gest_role_id      (GestRole role);   /* "general-manager"... */
const char *gest_role_label   (GestRole role);   /* translated */
gboolean    gest_role_from_id (const char *id, GestRole *out);
/* TRUE for the roles a dealer user can have (every one but GEST_ROLE_CONAUTO). */
gboolean    gest_role_is_dealer (GestRole role);

G_END_DECLS
