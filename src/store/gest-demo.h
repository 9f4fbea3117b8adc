/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Deterministic demonstration data, in one transaction, into a database that is empty and not
 * enrolled with a sync server: first @n customers, vehicles and Conauto plans
 * (gest_plans_demo_fill(), src/plans), then each module's records through its filler
 * (gest_demo_register_filler()). The same @seed gives the same data. Fast enough for
 * n = 1,000,000. */
gboolean gest_demo_fill (GestStore     *store,
                         guint          n,
                         guint32        seed,
                         GCancellable  *cancellable,
                         GError       **error);

/* A module's demo step: called inside the demo's transaction after the customers, vehicles
 * and plans exist (plan rows have rowid 1..n). */
typedef gboolean (*GestDemoFiller) (GestStore  *store,
                                    guint       n,
                                    GRand      *rand,
                                    GError    **error);
void     gest_demo_register_filler (GestDemoFiller filler);

G_END_DECLS
