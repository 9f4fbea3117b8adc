/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The agenda's demonstration data (issue 15): six service advisors (the demo's "asesor" and
 * five more, password "gestiona") with their hours (Monday to Friday 08:00-18:00 with a break
 * from 14:00 to 15:00, Saturday 08:00-13:00, slots of 30 minutes for 2 vehicles), blocked
 * time, and reservations from 9 months ago to 3 months ahead (scaled by @n), in states
 * consistent with their day: today's in every column, web bookings to confirm today, one
 * late. Inside the demo's transaction. */
gboolean gest_agenda_demo_fill (GestStore  *store,
                                guint       n,
                                GRand      *rand,
                                GError    **error);

/* @n_advisors advisors and about @n_reservations reservations over the year around today
 * (the benchmarks: 12 advisors, 60,000 reservations). */
gboolean gest_agenda_demo_reservations (GestStore  *store,
                                        guint       n_advisors,
                                        guint       n_reservations,
                                        GRand      *rand,
                                        GError    **error);

G_END_DECLS
