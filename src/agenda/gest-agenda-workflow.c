/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-workflow.h"

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* The seed's service coordinator books, confirms, moves and marks arrivals and no-shows; the
 * service manager and the general manager may do everything in the agenda. Advisors have
 * their columns: they mark their own arrivals, workshop and deliveries and offer test drives
 * (the "own" rule is checked by the functions, the table only knows roles). */
#define MANAGERS     (R (GENERAL_MANAGER) | R (SERVICE_MANAGER))
#define COORDINATORS (MANAGERS | R (SERVICE_COORDINATOR))
#define DESK         (COORDINATORS | R (SERVICE_ADVISOR))

static const GestPermission permissions[] = {
  { GEST_AGENDA_PERMISSION_BOOK, N_("book and edit service appointments"), COORDINATORS },
  { GEST_AGENDA_PERMISSION_CONFIRM, N_("confirm, refuse and cancel appointments, mark no-shows"), COORDINATORS },
  { GEST_AGENDA_PERMISSION_MOVE, N_("move appointments to another advisor, day or time"), COORDINATORS },
  { GEST_AGENDA_PERMISSION_ARRIVE, N_("mark arrivals, vehicles in the workshop and deliveries"), DESK },
  { GEST_AGENDA_PERMISSION_SCHEDULES, N_("edit the advisors’ hours, capacity and blocked time"), MANAGERS },
  { GEST_AGENDA_PERMISSION_SESSIONS, N_("book and mark technology sessions"),
    COORDINATORS | R (TECH_SPECIALIST) },
  { GEST_AGENDA_PERMISSION_TEST_DRIVES, N_("offer test drives and record the answer"), DESK },
  { GEST_AGENDA_PERMISSION_LEADS, N_("record the outcome of test-drive leads"),
    R (GENERAL_MANAGER) | R (SALES_ADVISOR) },
};

const GestPermission *
gest_agenda_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

const char *
gest_agenda_permission_for_entity (const char *entity)
{
  static const struct
  {
    const char *entity;
    const char *permission;
  } entities[] = {
    { "agenda_schedule", GEST_AGENDA_PERMISSION_SCHEDULES },
    { "agenda_block", GEST_AGENDA_PERMISSION_SCHEDULES },
    { "reservation", GEST_AGENDA_PERMISSION_BOOK },
    { "agenda_web_day", GEST_AGENDA_PERMISSION_BOOK },
    { "tech_session", GEST_AGENDA_PERMISSION_SESSIONS },
    { "test_drive_lead", GEST_AGENDA_PERMISSION_TEST_DRIVES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i].entity) == 0)
      return entities[i].permission;
  return NULL;
}

gboolean
gest_agenda_state_move_allowed (GestReservationState from,
                                GestReservationState to)
{
  switch (from)
    {
    case GEST_RESERVATION_TO_CONFIRM:
      return to == GEST_RESERVATION_CONFIRMED || to == GEST_RESERVATION_ARRIVED;
    case GEST_RESERVATION_CONFIRMED:
      return to == GEST_RESERVATION_TO_CONFIRM || to == GEST_RESERVATION_ARRIVED ||
             to == GEST_RESERVATION_NO_SHOW;
    case GEST_RESERVATION_ARRIVED:
      return to == GEST_RESERVATION_CONFIRMED || to == GEST_RESERVATION_IN_WORKSHOP;
    case GEST_RESERVATION_IN_WORKSHOP:
      return to == GEST_RESERVATION_ARRIVED || to == GEST_RESERVATION_DELIVERED;
    case GEST_RESERVATION_DELIVERED:
      return to == GEST_RESERVATION_IN_WORKSHOP;
    case GEST_RESERVATION_NO_SHOW:
      return to == GEST_RESERVATION_CONFIRMED || to == GEST_RESERVATION_ARRIVED;
    case GEST_RESERVATION_REFUSED:
    case GEST_RESERVATION_CANCELLED:
    case GEST_N_RESERVATION_STATES:
    default:
      return FALSE;
    }
}

const char *
gest_agenda_state_permission (GestReservationState to)
{
  switch (to)
    {
    case GEST_RESERVATION_ARRIVED:
    case GEST_RESERVATION_IN_WORKSHOP:
    case GEST_RESERVATION_DELIVERED:
      return GEST_AGENDA_PERMISSION_ARRIVE;
    case GEST_RESERVATION_TO_CONFIRM:
    case GEST_RESERVATION_CONFIRMED:
    case GEST_RESERVATION_NO_SHOW:
    case GEST_RESERVATION_REFUSED:
    case GEST_RESERVATION_CANCELLED:
    case GEST_N_RESERVATION_STATES:
    default:
      return GEST_AGENDA_PERMISSION_CONFIRM;
    }
}

char *
gest_agenda_state_moves_text (GestReservationState from)
{
  GString *text = g_string_new ("");
  guint n = 0, total = 0;

  for (int to = 0; to < GEST_RESERVATION_N_COLUMNS; to++)
    total += gest_agenda_state_move_allowed (from, to) ? 1 : 0;
  for (int to = 0; to < GEST_RESERVATION_N_COLUMNS; to++)
    if (gest_agenda_state_move_allowed (from, to))
      {
        if (n > 0)
          g_string_append (text, n + 1 == total ? _(" or ") : ", ");
        g_string_append_printf (text, "“%s”", gest_reservation_state_label (to));
        n++;
      }
  return g_string_free (text, FALSE);
}
