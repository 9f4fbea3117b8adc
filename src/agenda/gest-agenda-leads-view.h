/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Prospectos" (S10, S13; issue 15): the test-drive leads whose appointment is on the day,
 * then every lead still open: name, phone, current vehicle, vehicle of interest and
 * appointment time, with "Outcome…" for sales (test-driven, sold, not interested, no answer,
 * with a note). A refusal (another role) shows in full under the leads. The leads are read
 * in a thread. */
#define GEST_TYPE_AGENDA_LEADS_VIEW (gest_agenda_leads_view_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaLeadsView, gest_agenda_leads_view, GEST, AGENDA_LEADS_VIEW, GtkWidget)

GtkWidget  *gest_agenda_leads_view_new       (GestContext         *context);
void        gest_agenda_leads_view_set_day   (GestAgendaLeadsView *self,
                                              const char          *day);
/* Reads the leads again, in a thread; the rows shown stay insensitive until it reports. */
void        gest_agenda_leads_view_reload    (GestAgendaLeadsView *self);
gboolean    gest_agenda_leads_view_get_loading (GestAgendaLeadsView *self);
/* Records @outcome with @note for @lead_uuid as the dialog does ("changed" afterwards). */
void        gest_agenda_leads_view_set_outcome (GestAgendaLeadsView *self,
                                                const char          *lead_uuid,
                                                const char          *outcome,
                                                const char          *note);
const char *gest_agenda_leads_view_get_error (GestAgendaLeadsView *self);

G_END_DECLS
