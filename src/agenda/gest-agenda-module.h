/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-agenda-domain.h"

G_BEGIN_DECLS

/* The Agenda module in the app: GestAgendaDomain with its section "Citas de servicio" (the
 * week and day views by advisor, the day's board, the reservation's detail, technology
 * sessions, test-drive leads), its preferences (advisors' hours, confirmation hour, grace
 * period) and the reception's welcome panel (gestiona --welcome-panel). */
#define GEST_TYPE_AGENDA_MODULE (gest_agenda_module_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaModule, gest_agenda_module, GEST, AGENDA_MODULE, GestAgendaDomain)

G_END_DECLS
