/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Agenda module ("Citas de servicio"): its section, its settings and its mail. */
#define GEST_AGENDA_MODULE_ID "agenda"

/* The GLib-only half of the Agenda module, "Citas de servicio" (S7, S9-S14, S11): the
 * service advisors' working hours and capacity, reservations (desk, phone and web bookings)
 * with their day's states, arrivals and no-shows, the technology specialist's sessions,
 * test-drive leads for sales, the customer's billing data, the next day's messages, the
 * welcome panel's list; synced entities, contact sources for the retention queue (web
 * bookings to confirm, no-shows to call), CLI verbs, reports and demonstration data. The CLI
 * registers it; the app registers its subclass GestAgendaModule (the pages). */
#define GEST_TYPE_AGENDA_DOMAIN (gest_agenda_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestAgendaDomain, gest_agenda_domain, GEST, AGENDA_DOMAIN, GObject)

struct _GestAgendaDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_agenda_domain_new (void);

G_END_DECLS
