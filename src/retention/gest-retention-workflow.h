/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-permissions.h"

G_BEGIN_DECLS

/* The retention module's rows of the permissions table (S4-S6, S15), GLib only, compiled into
 * the desktop and the server, so a role rule exists once. */
#define GEST_RETENTION_PERMISSION_CALLS       "retention.calls"       /* work the queue, log calls */
#define GEST_RETENTION_PERMISSION_VISITS      "retention.visits"      /* record and import visits */
#define GEST_RETENTION_PERMISSION_FOLLOWUPS   "retention.followups"   /* parts and quotes to call back */
#define GEST_RETENTION_PERMISSION_PROMOTIONS  "retention.promotions"  /* the current promotions */

const GestPermission *gest_retention_permissions_get (guint *n_rows);

/* The permission a synced change of @entity (a retention entity) needs, NULL when unknown. */
const char           *gest_retention_permission_for_entity (const char *entity);

G_END_DECLS
