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

static const char * const state_ids[GEST_N_RESERVATION_STATES] = {
  "to-confirm", "confirmed", "arrived", "in-workshop", "delivered", "no-show", "refused", "cancelled",
};

static const char * const state_labels[GEST_N_RESERVATION_STATES] = {
  N_("To confirm"), N_("Confirmed"), N_("Arrived"), N_("In the workshop"), N_("Delivered"),
  N_("No-show"), N_("Refused"), N_("Cancelled"),
};

const char *
gest_reservation_state_id (GestReservationState state)
{
  g_return_val_if_fail (state < GEST_N_RESERVATION_STATES, NULL);
  return state_ids[state];
}

const char *
gest_reservation_state_label (GestReservationState state)
{
  g_return_val_if_fail (state < GEST_N_RESERVATION_STATES, NULL);
  return _(state_labels[state]);
}

gboolean
gest_reservation_state_from_id (const char           *id,
                                GestReservationState *out)
{
  for (guint i = 0; i < GEST_N_RESERVATION_STATES; i++)
    if (g_strcmp0 (id, state_ids[i]) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

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

const char *
gest_agenda_reservation_field_permission (const char *field,
                                          const char *state)
{
  static const char * const confirm_fields[] = {
    "confirm_by", "confirmed_at", "confirmed_by", "refusal_reason", "followup", "no_show_at",
    "no_show_reason", NULL
  };
  static const char * const move_fields[] = { "advisor_uuid", "day", "starts_min", "starts_at", NULL };
  static const char * const arrive_fields[] = { "arrived_at", "mileage_km", NULL };
  GestReservationState to;

  if (g_strcmp0 (field, "state") == 0)
    return gest_reservation_state_from_id (state, &to) ? gest_agenda_state_permission (to)
                                                      : GEST_AGENDA_PERMISSION_CONFIRM;
  if (g_strv_contains (confirm_fields, field))
    return GEST_AGENDA_PERMISSION_CONFIRM;
  if (g_strv_contains (move_fields, field))
    return GEST_AGENDA_PERMISSION_MOVE;
  if (g_strv_contains (arrive_fields, field))
    return GEST_AGENDA_PERMISSION_ARRIVE;
  if (g_strcmp0 (field, "test_drive") == 0)
    return GEST_AGENDA_PERMISSION_TEST_DRIVES;
  return GEST_AGENDA_PERMISSION_BOOK;
}

const char *
gest_agenda_lead_field_permission (const char *field)
{
  static const char * const outcome_fields[] = { "outcome", "outcome_note", "outcome_by", "outcome_at", NULL };

  return g_strv_contains (outcome_fields, field) ? GEST_AGENDA_PERMISSION_LEADS
                                                 : GEST_AGENDA_PERMISSION_TEST_DRIVES;
}
