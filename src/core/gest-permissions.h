/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-roles.h"

G_BEGIN_DECLS

/* The permissions table (issue 12): which roles may do each action. It is data, checked where
 * a change is made (the store, a module's domain functions, the server), so the UI, the CLI
 * and the sync obey the same table; the UI only hides what the table refuses.
 *
 * The shared actions are defined here; each module adds its own rows (their ids start with the
 * module's id) through its GestDomainModule, and the server registers the same rows, so a rule
 * exists once. */
typedef struct
{
  const char *id;       /* "users.manage", "<module>.step.4"... never changes: logs name it */
  const char *label;    /* N_() marked; "Manage users" */
  guint32     roles;    /* GEST_ROLE_BIT() set */
} GestPermission;

/* Shared actions. */
#define GEST_PERMISSION_MANAGE_USERS      "users.manage"
#define GEST_PERMISSION_ROUTING_SETTINGS  "settings.routing"   /* T2 thresholds, areas, phones */
#define GEST_PERMISSION_DEALER_SETTINGS   "settings.dealer"    /* mail, sync, Conauto's key, idle lock */
#define GEST_PERMISSION_EDIT_CUSTOMERS    "customers.edit"     /* customers, vehicles */
#define GEST_PERMISSION_EDIT_PLANS        "plans.edit"
#define GEST_PERMISSION_MERGE_CUSTOMERS   "customers.merge"
#define GEST_PERMISSION_IMPORT            "data.import"        /* CSV/XLSX imports */
#define GEST_PERMISSION_IMPORT_CONAUTO    "data.import-conauto" /* Conauto's signed update file */
#define GEST_PERMISSION_EDIT_TEMPLATES    "templates.edit"     /* letters and messages with placeholders */

/* Adds rows (kept, not copied: static tables). A second row with an id already known is a
 * programming error. Thread-safe; modules call it when they register. */
void                  gest_permissions_add      (const GestPermission *rows,
                                                 guint                 n_rows);
/* The row of @id, NULL when unknown. */
const GestPermission *gest_permissions_find     (const char           *id);
/* Every row, shared ones first, in the order added (the users preferences page shows them). */
GPtrArray            *gest_permissions_list     (void);
/* Whether @role may do @id. An unknown id is allowed to nobody. */
gboolean              gest_permission_allows    (GestRole              role,
                                                 const char           *id);
/* The same as a GError (GEST_ERROR_PERMISSION) that names the user, the role, the action and
 * the roles that may do it: "Ana López (Customer service analyst) cannot change the routing
 * thresholds: it is for General manager or Finance manager. Ask one of them." */
gboolean              gest_permission_check     (GestRole              role,
                                                 const char           *user_name,
                                                 const char           *id,
                                                 GError              **error);

G_END_DECLS
