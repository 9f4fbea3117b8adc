/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Roles of the dealership's users (domain.md, "Users"), plus Conauto's liaison. */
typedef enum
{
  GEST_ROLE_GENERAL_MANAGER,
  GEST_ROLE_SERVICE_MANAGER,
  GEST_ROLE_SERVICE_COORDINATOR,
  GEST_ROLE_CS_ANALYST,
  GEST_ROLE_CS_HEAD,
  GEST_ROLE_FINANCE_MANAGER,
  GEST_ROLE_COLLECTIONS_AGENT,
  GEST_ROLE_CONAUTO_LIAISON,
  GEST_N_ROLES
} GestRole;

const char *gest_role_id      (GestRole role);   /* "general-manager"... */
const char *gest_role_label   (GestRole role);   /* translated */
gboolean    gest_role_from_id (const char *id, GestRole *out);

G_END_DECLS
