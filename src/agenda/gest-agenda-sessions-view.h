/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Sesiones" (S9; issue 15): the technology specialist's day, slot by slot: each session
 * (time, customer, vehicle type and model, its state) with "Held" and "Missed", and each free
 * slot with "Book…". The day is the agenda page's (gest_agenda_sessions_view_set_day), or
 * the view's own day navigation's. The day is read in a thread. */
#define GEST_TYPE_AGENDA_SESSIONS_VIEW (gest_agenda_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaSessionsView, gest_agenda_sessions_view, GEST, AGENDA_SESSIONS_VIEW, GtkWidget)

GtkWidget  *gest_agenda_sessions_view_new       (GestContext            *context);
/* Shows @day ('yyyy-mm-dd'). */
void        gest_agenda_sessions_view_set_day   (GestAgendaSessionsView *self,
                                                 const char             *day);
const char *gest_agenda_sessions_view_get_day   (GestAgendaSessionsView *self);
/* Reads the day again, in a thread; the rows shown stay insensitive until it reports. */
void        gest_agenda_sessions_view_reload    (GestAgendaSessionsView *self);
/* Whether the day is being read. */
gboolean    gest_agenda_sessions_view_get_loading (GestAgendaSessionsView *self);
/* The last refusal shown (in full, under the day's sessions), or NULL. */
const char *gest_agenda_sessions_view_get_error (GestAgendaSessionsView *self);

/* The book-a-session dialog over @parent: for @day at @starts_min (-1: the first free slot),
 * from @reservation_uuid (its customer and vehicle prefilled) or alone (NULL). @done (may be
 * NULL; sunk and invoked without arguments) runs after the session is saved. A refusal shows
 * in full inside the dialog, which stays open. */
GtkWidget  *gest_agenda_session_dialog_present  (GtkWindow              *parent,
                                                 GestContext            *context,
                                                 const char             *day,
                                                 int                     starts_min,
                                                 const char             *reservation_uuid,
                                                 GClosure               *done);

G_END_DECLS
