/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The demonstration campaigns (the module's fill_demo): four field actions of every type,
 * thousands of affected vehicles each (more with a larger @n), parts in every status,
 * vehicles in every column, some closed out for each reason, weekly reviews of past weeks. */
gboolean gest_campaigns_demo_fill (GestStore  *store,
                                   guint       n,
                                   GRand      *rand,
                                   GError    **error);

G_END_DECLS
