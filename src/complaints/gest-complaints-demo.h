/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The complaints' demonstration data (issue 13.9), inside the demo's transaction: the default
 * catalogs of causes, errors and areas, and @n cases across the stages, with logs, some
 * without an entry today, some SLA breaches, tasks, and closed ones with cause, error and
 * area. Deterministic for one @rand. */
gboolean gest_complaints_demo_fill (GestStore  *store,
                                    guint       n,
                                    GRand      *rand,
                                    GError    **error);

G_END_DECLS
