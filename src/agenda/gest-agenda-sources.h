/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The agenda's contact sources for the retention queue (gest-reservation.h) and what their
 * calls' outcomes do to the reservations (S7, S12, S14). */
extern const GestContactSource gest_agenda_contact_sources[];
extern const guint             gest_agenda_n_contact_sources;

gboolean gest_agenda_contact_outcome (GestStore          *store,
                                      const char         *source_id,
                                      const char         *record_uuid,
                                      GestContactOutcome  outcome,
                                      GError            **error);

G_END_DECLS
