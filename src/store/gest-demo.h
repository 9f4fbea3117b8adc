/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Deterministic demonstration data: @n customers with Mexican names, valid RFCs, addresses,
 * phones; vehicles with valid VINs; Conauto plans with balances. The same @seed gives the
 * same data. Fast enough for n = 1,000,000 (one transaction, prepared statements).
 * Then every registered module adds its records (GestDomainModule's fill_demo), in
 * registration order. */
gboolean gest_demo_fill (GestStore     *store,
                         guint          n,
                         guint32        seed,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS
