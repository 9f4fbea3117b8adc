/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-agenda-view.h"
#include "gest-board-page.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The Service Appointments section (S12, S7, S14; issue 15): a view switcher ("Week", "Day",
 * "Today's Board", and the sessions and leads views), the date navigation (previous, today,
 * next, a calendar popover), the week and day agendas (GestAgendaView) with the refusal of a
 * move in full under them, the day's board (GestBoardPage over the day's board source), the
 * reservation window for a free slot or "New Reservation", and a reservation's page in place
 * of the views. At 360 px the day view shows one advisor at a time with a selector.
 *
 * Navigation: board-page.back (the window's back button, Escape) leaves a reservation's page.
 * "title" names what is shown, "can-go-back" whether a reservation's page is open. */
#define GEST_TYPE_AGENDA_PAGE (gest_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaPage, gest_agenda_page, GEST, AGENDA_PAGE, GtkWidget)

GtkWidget      *gest_agenda_page_new             (GestContext    *context);
/* "week", "day", "board" (and the views agenda-pages adds). */
const char     *gest_agenda_page_get_view        (GestAgendaPage *self);
void            gest_agenda_page_set_view        (GestAgendaPage *self,
                                                  const char     *view);
/* The day shown (yyyy-mm-dd); the week view shows its week. */
const char     *gest_agenda_page_get_day         (GestAgendaPage *self);
void            gest_agenda_page_set_day         (GestAgendaPage *self,
                                                  const char     *day);
GestAgendaView *gest_agenda_page_get_agenda      (GestAgendaPage *self,
                                                  GestAgendaViewMode mode);
GestBoardPage  *gest_agenda_page_get_board_page  (GestAgendaPage *self);
/* The refusal shown under the visible agenda, or NULL. */
const char     *gest_agenda_page_get_error       (GestAgendaPage *self);
/* The reservation window opened last, while it is open. */
GtkWidget      *gest_agenda_page_get_dialog      (GestAgendaPage *self);
/* Opens reservation @uuid's page in place of the views (a search hit). */
void            gest_agenda_page_show_reservation (GestAgendaPage *self,
                                                   const char     *uuid);
GtkWidget      *gest_agenda_page_get_detail      (GestAgendaPage *self);
/* Whether the page is narrow (one advisor at a time in the day view). */
gboolean        gest_agenda_page_get_narrow      (GestAgendaPage *self);
/* Reads everything shown again. */
void            gest_agenda_page_reload          (GestAgendaPage *self);

G_END_DECLS
