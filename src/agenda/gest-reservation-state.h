/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A reservation's states (gest-reservation.h), GLib only: the server's checks use them too
 * (gest-agenda-workflow.h). */
typedef enum
{
  GEST_RESERVATION_TO_CONFIRM,
  GEST_RESERVATION_CONFIRMED,
  GEST_RESERVATION_ARRIVED,
  GEST_RESERVATION_IN_WORKSHOP,
  GEST_RESERVATION_DELIVERED,
  GEST_RESERVATION_NO_SHOW,
  GEST_RESERVATION_REFUSED,
  GEST_RESERVATION_CANCELLED,
  GEST_N_RESERVATION_STATES
} GestReservationState;

/* The board's columns: the first six states. */
#define GEST_RESERVATION_N_COLUMNS 6

const char *gest_reservation_state_id       (GestReservationState state);  /* "to-confirm" */
const char *gest_reservation_state_label    (GestReservationState state);  /* "To confirm", translated */
gboolean    gest_reservation_state_from_id  (const char           *id,
                                             GestReservationState *out);
G_END_DECLS
