/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Technology sessions (S9; issue 15): the technology specialist shows a customer the
 * vehicle's technology (SYNC, the app, driver assistance) in daily slots (settings
 * agenda.sessions_start "09:00", agenda.sessions_end "18:00", agenda.sessions_minutes "30",
 * one session per slot). Booked from a reservation (customer and vehicle taken from it) or
 * on its own. Permission "agenda.sessions" (coordinator, specialist, service manager,
 * general manager); changes follow gest-reservation.h's rules. States: booked, held, missed,
 * cancelled. */

typedef struct
{
  char   *uuid;
  char   *day;
  int     starts_min;
  int     duration_min;
  char   *customer_uuid;     /* NULL for a walk-in named only */
  char   *customer_name;
  char   *vehicle_type;
  char   *model;
  char   *reservation_uuid;
  char   *state;
} GestTechSession;

void gest_tech_session_free (GestTechSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTechSession, gest_tech_session_free)

/* Books a session; refused when the slot is taken, outside the sessions' hours, on a
 * non-working day or in the past, or without a customer name. Returns the uuid. */
char      *gest_tech_session_book      (GestStore   *store,
                                        const char  *day,
                                        int          starts_min,
                                        const char  *customer_uuid,
                                        const char  *customer_name,
                                        const char  *vehicle_type,
                                        const char  *model,
                                        const char  *reservation_uuid,
                                        GError     **error);
gboolean   gest_tech_session_set_state (GestStore   *store,
                                        const char  *uuid,
                                        const char  *state,
                                        GError     **error);
/* The day's sessions by time: element type GestTechSession. */
GPtrArray *gest_tech_sessions_day      (GestStore   *store,
                                        const char  *day,
                                        GError     **error);
/* The free session slots of @day (minutes since midnight, in a GArray of int). */
GArray    *gest_tech_sessions_free     (GestStore   *store,
                                        const char  *day,
                                        GError     **error);

G_END_DECLS
