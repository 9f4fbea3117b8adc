/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Q12: a complaint that ends in an annulment. The complaint's page asks for one with this;
 * the annulment is made at its first stage (the request, documents still to attach), linked
 * to the case (gest_complaint_link_annulment()), and opened with
 * gest_window_show_record (window, "annulment", uuid). The customer, plan and city come from
 * the case. Blocking, in the caller's transaction (the writer thread for the pages). */
gboolean gest_annulment_create_for_complaint (GestStore   *store,
                                              const char  *complaint_uuid,
                                              gboolean     with_costs,
                                              char       **out_uuid,
                                              char       **out_folio,
                                              GError     **error);

G_END_DECLS
