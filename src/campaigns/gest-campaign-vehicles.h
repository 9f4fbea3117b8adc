/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* What a call of the retention queue to a field-action vehicle ended in (its module's
 * contact_outcome): contacted and refused move it to "Contactado", booked to "Cita
 * agendada"; gave up (the letter went out) leaves it to contact and logs it. A contacted or
 * booked call confirms the customer's data (the data-use mark goes). Inside the call's
 * transaction, as the signed-in user. */
gboolean gest_campaign_vehicle_contact_outcome (GestStore           *store,
                                                const char          *campaign_vehicle_uuid,
                                                GestContactOutcome   outcome,
                                                GError             **error);

G_END_DECLS
