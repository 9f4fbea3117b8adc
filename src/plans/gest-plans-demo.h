/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The demonstration records every module builds on: @n customers with Mexican names, valid
 * RFCs, addresses and phones; a vehicle each with a valid VIN; a Conauto plan each with its
 * balances (plan rows get rowid 1..n). Draws from @rand, so the same seed gives the same data.
 * Refuses a database that already holds customers or plans. Runs inside the demo engine's
 * transaction (gest_demo_fill(), src/store/gest-demo.c), before any module's filler. */
gboolean gest_plans_demo_fill (GestStore     *store,
                               guint          n,
                               GRand         *rand,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
