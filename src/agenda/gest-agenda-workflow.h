/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-permissions.h"
#include "gest-reservation.h"

G_BEGIN_DECLS

/* The agenda's rows of the permissions table and its day's states (S7, S9-S14; issue 15),
 * GLib only, compiled into the desktop and the server, so a role rule exists once. */
#define GEST_AGENDA_PERMISSION_BOOK         "agenda.book"         /* book, edit, reschedule */
#define GEST_AGENDA_PERMISSION_CONFIRM      "agenda.confirm"      /* confirm, refuse, cancel, no-shows */
#define GEST_AGENDA_PERMISSION_MOVE         "agenda.move"         /* another advisor, day or time */
#define GEST_AGENDA_PERMISSION_ARRIVE       "agenda.arrive"       /* arrived, in the workshop, delivered */
#define GEST_AGENDA_PERMISSION_SCHEDULES    "agenda.schedules"    /* hours, breaks, capacity, blocks */
#define GEST_AGENDA_PERMISSION_SESSIONS     "agenda.sessions"     /* technology sessions (S9) */
#define GEST_AGENDA_PERMISSION_TEST_DRIVES  "agenda.test-drives"  /* offer and answer (S10) */
#define GEST_AGENDA_PERMISSION_LEADS        "agenda.leads"        /* a lead's outcome (S10) */

const GestPermission *gest_agenda_permissions_get (guint *n_rows);

/* The permission a synced change of @entity (an agenda entity) needs, NULL when unknown. */
const char           *gest_agenda_permission_for_entity (const char *entity);

/* Whether the day's board may take a reservation from @from to @to (one step forward, one
 * step back to undo, confirmed → no-show); confirm and refuse have their own functions. */
gboolean              gest_agenda_state_move_allowed (GestReservationState from,
                                                      GestReservationState to);
/* The permission moving to @to needs: arrivals and the workshop agenda.arrive, the rest
 * agenda.confirm. */
const char           *gest_agenda_state_permission (GestReservationState to);
/* The states reachable from @from on the board, as "“Llegó” or “Por confirmar”" (translated
 * labels), for a refusal; "" when none. */
char                 *gest_agenda_state_moves_text (GestReservationState from);

G_END_DECLS
