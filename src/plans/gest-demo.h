/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Deterministic demonstration data, in one transaction, into a database that is empty and not
 * enrolled with a sync server: first @n customers, vehicles and Conauto plans
 * (gest_plans_demo_fill(), src/plans), then every registered module adds its records
 * (GestDomainModule's fill_demo), in registration order. The same @seed gives the same data.
 * Fast enough for n = 1,000,000. */
gboolean gest_demo_fill (GestStore     *store,
                         guint          n,
                         guint32        seed,
                         GCancellable  *cancellable,
                         GError       **error);

/* The demo's users (issue 12): one of every dealer role, Spanish names, all with the password
 * GEST_DEMO_PASSWORD, which the welcome page shows. gest_demo_fill() adds them (a login that
 * already exists is kept as it is) before the shared records and the modules' data, and signs
 * the demo's finance manager in on the store while the fillers run (the session the caller
 * had is restored), so what they log names a demo user. */
#define GEST_DEMO_PASSWORD "gestiona"

typedef struct
{
  const char *login;   /* "gerente", "analista"… */
  const char *name;    /* "Mariana Torres Ruiz": data, not translated */
  GestRole    role;
} GestDemoUser;

/* The demo users, in role order; @n_users gets how many (one per dealer role). */
const GestDemoUser *gest_demo_get_users          (guint    *n_users);
/* The name of the demo user of @role, for the activity entries a demo filler writes on
 * their behalf (a trámite registered by the finance manager). NULL for a role no demo user
 * has (Conauto). */
const char         *gest_demo_user_name_for_role (GestRole  role);

G_END_DECLS
