/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-agenda-grid.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The week and day agenda (S12, S7; issue 15): advisors as columns (per day in the week),
 * time as rows; each advisor's hours, break and blocked time shaded, free slots with their
 * room, reservations as blocks (time, customer, vehicle, state color, the late-to-confirm
 * flag). A GtkScrollable drawn with snapshot for the rows and columns in sight only; the
 * range's data is read on a thread (gest_agenda_grid_load) and never on the UI thread.
 *
 * Until its first range arrives it draws the hours and a loading state. Slots before now are
 * shaded and offer no room.
 *
 * Input: a click or Enter on a free slot emits slot-activated (advisor, day, minute); on a
 * past one, the slot check's refusal goes to "error"; on a reservation,
 * reservation-activated (uuid). Arrow keys move the focus; Alt+arrows (or the
 * arrows in move mode) move the focused reservation a slot or a column, and drag and drop
 * moves it anywhere, through gest_reservation_move() on the store's writer; a refusal is
 * kept whole in "error" for the page to show under the view. */

typedef enum
{
  GEST_AGENDA_VIEW_WEEK,
  GEST_AGENDA_VIEW_DAY,
} GestAgendaViewMode;

#define GEST_TYPE_AGENDA_VIEW (gest_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaView, gest_agenda_view, GEST, AGENDA_VIEW, GtkWidget)

GtkWidget            *gest_agenda_view_new            (GestContext        *context,
                                                       GestAgendaViewMode  mode);
/* Shows the week of @day (Monday first) or @day; loads it on a thread, or when the view
 * next shows if it is out of sight (as reload). */
void                  gest_agenda_view_set_day        (GestAgendaView     *self,
                                                       const char         *day);
void                  gest_agenda_view_reload         (GestAgendaView     *self);
/* NULL, or one advisor's column only (the day view at 360 px); "" the column of the web
 * bookings without advisor. */
void                  gest_agenda_view_set_advisor    (GestAgendaView     *self,
                                                       const char         *advisor_uuid);
void                  gest_agenda_view_set_move_mode  (GestAgendaView     *self,
                                                       gboolean            move_mode);
gboolean              gest_agenda_view_get_move_mode  (GestAgendaView     *self);
/* The moment the late flags and "past" are judged at (tests); 0: now. */
void                  gest_agenda_view_set_now        (GestAgendaView     *self,
                                                       gint64              now);
/* The last refusal of a move, in full, or NULL (property "error"). */
const char           *gest_agenda_view_get_error      (GestAgendaView     *self);
/* The data shown, NULL while the first range loads. */
const GestAgendaGrid *gest_agenda_view_get_grid       (GestAgendaView     *self);
gboolean              gest_agenda_view_get_loading    (GestAgendaView     *self);
/* The keyboard focus: a column of the grid and a minute of the day. */
void                  gest_agenda_view_focus_cell     (GestAgendaView     *self,
                                                       guint               column,
                                                       int                 minute);
/* The focused reservation's uuid, or NULL on a free cell. */
const char           *gest_agenda_view_get_focused    (GestAgendaView     *self);
/* What the slot at @minute of the grid's @column says in its cell ("2 free"), or NULL: a past,
 * full, taken or blocked slot offers nothing (S12). */
char                 *gest_agenda_view_dup_slot_text  (GestAgendaView     *self,
                                                       guint               column,
                                                       int                 minute);
/* The columns drawn now (after the advisor filter) and how many are in sight. */
guint                 gest_agenda_view_get_n_shown_columns (GestAgendaView *self);

G_END_DECLS
