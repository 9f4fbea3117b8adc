/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* `demo --scale N`: one trámite per new plan, spread over the eight steps with checklists
 * that match their step (every card could have got there by the rules), payment proofs
 * (a small demonstration PDF stored once) on every trámite past step 3, an identification on
 * some, and a timeline on one in a hundred. GestTramitesDomain's fill_demo: runs inside the
 * demo's transaction. */
gboolean gest_tramites_demo_fill     (GestStore  *store,
                                      guint       n,
                                      GRand      *rand,
                                      GError    **error);

G_END_DECLS
