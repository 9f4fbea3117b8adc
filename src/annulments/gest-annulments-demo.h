/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* `demo --scale N`: one annulment per hundred plans (at least six), spread over the six
 * stages with the documents their stage needs (a small PDF and a CSV stored once), costs
 * with their signed acceptance on one in four, and a few made from the complaints waiting at
 * "annulment". GestAnnulmentsDomain's fill_demo: inside the demo's transaction. */
gboolean gest_annulments_demo_fill (GestStore  *store,
                                    guint       n,
                                    GRand      *rand,
                                    GError    **error);

G_END_DECLS
