/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The demo's technology sessions (S9), test-drive leads (S10) and customers' billing data
 * (S11), after the demo's reservations exist (the agenda's fill_demo calls it last): sessions
 * on the working days from a month ago to two weeks ahead (held or missed once past), leads
 * from the reservations offered a test drive (accepted about one in three, outcomes once
 * their time passed), and a regime and CFDI use for most customers with an RFC. Inside the
 * demo's transaction; quick at the default scale. */
gboolean gest_agenda_services_demo_fill (GestStore  *store,
                                         guint       n,
                                         GRand      *rand,
                                         GError    **error);

G_END_DECLS
