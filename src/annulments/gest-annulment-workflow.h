/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-permissions.h"

G_BEGIN_DECLS

/* The annulments' rows of the permissions table (Q1-Q4), GLib only, compiled into the desktop
 * and the server, so a role rule exists once. */
#define GEST_ANNULMENT_PERMISSION_REQUEST    "annulments.request"    /* make, edit, attach, send (Q1) */
#define GEST_ANNULMENT_PERMISSION_APPROVE    "annulments.approve"    /* the head of customer service (Q2) */
#define GEST_ANNULMENT_PERMISSION_REGISTER   "annulments.register"   /* the coordinator: annulled list (Q2) */
#define GEST_ANNULMENT_PERMISSION_REINVOICE  "annulments.reinvoice"  /* the coordinator (Q3) */
#define GEST_ANNULMENT_PERMISSION_FILE       "annulments.file"       /* memo filed, stamped copy (Q3) */

const GestPermission *gest_annulment_permissions_get (guint *n_rows);

/* The permission a move into @stage (0..5) needs; NULL for stage 0 and out of range. The
 * server reads a synced change of the stage with it. */
const char           *gest_annulment_permission_for_stage (int stage);

/* The permission a synced change of the annulment's field @field needs: the approvals' fields
 * their step's, the rest (the request's data) annulments.request. */
const char           *gest_annulment_permission_for_field (const char *field);

G_END_DECLS
