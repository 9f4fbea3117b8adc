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

G_END_DECLS
