/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* The day's board of reservations (S12, S14): the six columns of gest-reservation.h (Por
 * confirmar, Confirmada, Llegó, En taller, Entregada, No se presentó), refused and cancelled
 * ones off the board. A confirmed reservation past its grace period (setting
 * agenda.no_show_grace_minutes) is in "No se presentó", derived in SQL from the clock, not
 * written. Cards in time order: title "09:00 · customer", subtitle "vehicle · advisor ·
 * transport", then the flags: late to confirm (the card is overdue), open field actions (S8),
 * test drive offered (S10), needs an invoice (S11). The text filter finds a customer, plate,
 * VIN or phone; "overdue" keeps the web bookings to confirm today or earlier; "mine" an
 * advisor's own. Moves go through gest_reservation_set_state() (confirming one needs its
 * advisor: a web booking without one is refused, to be confirmed from its page). GLib only. */
GestSqlBoardSource *gest_reservation_board_source_new (GestStore  *store,
                                                       const char *day);

G_END_DECLS
