/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The retention module's demonstration data, inside the demo's transaction: service visits
 * for the demo vehicles (some lapsed, some in the workshop), follow-ups, and a month of calls
 * by the demo service coordinator with every outcome, some targets at five failures with their
 * letters. */
gboolean gest_retention_demo_fill   (GestStore  *store,
                                     guint       n,
                                     GRand      *rand,
                                     GError    **error);

/* Service visits for the first @n_vehicles vehicles (by rowid), about @visits_per_vehicle
 * each, a delivery then maintenance every six months or so up to today, some stopping early
 * (lapsed) and some vehicles in the workshop now. Prepared statements, the caller's
 * transaction: the demo uses it with a modest count, the queue's benchmark with 1,000,000
 * vehicles and 5,000,000 visits. */
gboolean gest_retention_demo_visits (GestStore  *store,
                                     guint       n_vehicles,
                                     guint       visits_per_vehicle,
                                     GRand      *rand,
                                     GError    **error);

G_END_DECLS
