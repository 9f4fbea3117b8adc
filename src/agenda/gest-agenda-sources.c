/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-sources"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-sources.h"
#include "gest-agenda-workflow.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* The queue's SQL has :today and :now but no clock of the dealer's zone: a web booking is
 * late there once its confirm_by day has passed ("Atrasada"; on the agenda it is late from
 * the cutoff hour of that day), and a no-show is derived from starts_at (unix µs) and the
 * grace period; a no-show older than 30 days is not called any more. The detail is Spanish data, as the queue shows stored text. */
#define DAY_SHOWN(col) "substr (" col ", 9, 2) || '/' || substr (" col ", 6, 2) || '/' || substr (" col ", 1, 4)"
#define TIME_SHOWN "printf ('%02d:%02d', r.starts_min / 60, r.starts_min % 60)"
#define GRACE_US \
  "coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = '" GEST_AGENDA_SETTING_GRACE "'), 30)" \
  " * 60000000"

const GestContactSource gest_agenda_contact_sources[] = {
  { GEST_AGENDA_SOURCE_TO_CONFIRM, N_("Web booking to confirm"),
    "SELECT r.uuid, r.customer_uuid, r.vehicle_uuid, min (coalesce (r.confirm_by, :today), :today),"
    " CASE WHEN coalesce (r.confirm_by, :today) < :today THEN 'Atrasada · ' ELSE 'Confirmar hoy · ' END"
    " || 'Reserva web para el ' || " DAY_SHOWN ("r.day") " || ' a las ' || " TIME_SHOWN
    " FROM reservations r WHERE r.state = 'to-confirm' AND r.deleted = 0 AND r.customer_uuid IS NOT NULL"
    " AND coalesce (r.confirm_by, :today) <= :today",
    40 },
  { GEST_AGENDA_SOURCE_NO_SHOWS, N_("No-show to book again"),
    "SELECT r.uuid, r.customer_uuid, r.vehicle_uuid, min (r.day, :today),"
    " 'No se presentó el ' || " DAY_SHOWN ("r.day") " || ' a las ' || " TIME_SHOWN
    " || CASE WHEN r.no_show_reason <> '' THEN ' (' || r.no_show_reason || ')' ELSE '' END"
    " FROM reservations r WHERE r.deleted = 0 AND r.recovery = '' AND r.customer_uuid IS NOT NULL"
    " AND r.day <= :today AND r.day >= date (:today, '-30 days') AND (r.state = 'no-show' OR (r.state = 'confirmed' AND"
    "  (r.day < :today OR (r.starts_at IS NOT NULL AND r.starts_at + " GRACE_US " <= :now))))",
    25 },
  { GEST_AGENDA_SOURCE_REFUSED, N_("Refused booking: follow-up call"),
    "SELECT r.uuid, r.customer_uuid, r.vehicle_uuid, min (date (r.updated_at / 1000000, 'unixepoch'), :today),"
    " 'Reserva rechazada: ' || r.refusal_reason"
    " FROM reservations r WHERE r.state = 'refused' AND r.followup = 1 AND r.recovery = ''"
    " AND r.deleted = 0 AND r.customer_uuid IS NOT NULL",
    15 },
};

const guint gest_agenda_n_contact_sources = G_N_ELEMENTS (gest_agenda_contact_sources);

/* The advisor with the fewest reservations that day whose slot at the booking's time has
 * room, or NULL (with the refusal in @error) when none has. */
static char *
advisor_with_room (GestStore              *store,
                   const GestReservation  *r,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = gest_agenda_format_time (r->starts_min);
  GDate date;
  int rc;

  if (!gest_date_from_iso (r->day, &date))
    return NULL;
  stmt = gest_store_prepare (store,
                             "SELECT s.advisor_uuid FROM agenda_schedules s JOIN users u ON u.uuid = s.advisor_uuid"
                             " AND u.deleted = 0 AND u.active = 1 WHERE s.weekday = ?2 AND s.deleted = 0"
                             " ORDER BY (SELECT count (*) FROM reservations x WHERE x.advisor_uuid = s.advisor_uuid"
                             "  AND x.day = ?1 AND x.state NOT IN ('refused', 'cancelled', 'no-show')"
                             "  AND x.deleted = 0), u.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, r->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, g_date_get_weekday (&date));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *advisor = (const char *) sqlite3_column_text (stmt, 0);

      if (gest_agenda_slot_check (store, advisor, r->day, r->starts_min, r->duration_min, r->uuid, 0, NULL))
        return g_strdup (advisor);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
               _("No advisor has room at %s: move the booking to another time on the agenda first, then confirm it."), at);
  return NULL;
}

static gboolean
to_confirm_outcome (GestStore           *store,
                    const char          *uuid,
                    GestContactOutcome   outcome,
                    GError             **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *advisor = NULL;

  if (outcome == GEST_CONTACT_OUTCOME_REFUSED)
    return gest_reservation_refuse (store, uuid, "Rechazada por el cliente al llamar", FALSE, error);
  if (outcome != GEST_CONTACT_OUTCOME_BOOKED)
    return TRUE;
  r = gest_reservation_load (store, uuid, error);
  if (r == NULL)
    return FALSE;
  if (r->state != GEST_RESERVATION_TO_CONFIRM)
    return TRUE;
  if (r->advisor_uuid != NULL)
    advisor = g_strdup (r->advisor_uuid);
  else if ((advisor = advisor_with_room (store, r, error)) == NULL)
    return FALSE;
  return gest_reservation_confirm (store, uuid, advisor, TRUE, error);
}

static gboolean
recovery_outcome (GestStore           *store,
                  const char          *uuid,
                  GestContactOutcome   outcome,
                  GError             **error)
{
  const char *recovery;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  switch (outcome)
    {
    case GEST_CONTACT_OUTCOME_BOOKED:
      recovery = "accepted";
      text = g_strdup (_("Called: the customer will book again (“Reschedule” on the agenda)"));
      break;
    case GEST_CONTACT_OUTCOME_REFUSED:
      recovery = "refused";
      text = g_strdup (_("Called: the customer does not want another appointment"));
      break;
    case GEST_CONTACT_OUTCOME_GAVE_UP:
      recovery = "gave-up";
      text = g_strdup (_("Not reached after every call attempt"));
      break;
    case GEST_CONTACT_OUTCOME_CONTACTED:
    default:
      return TRUE;
    }
  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_BOOK, error))
    return FALSE;
  /* A derived no-show is stored as one when its call ends. */
  return gest_reservation_exec (store,
                                "UPDATE reservations SET recovery = ?3, updated_at = ?2,"
                                " state = CASE state WHEN 'confirmed' THEN 'no-show' ELSE state END,"
                                " no_show_at = CASE state WHEN 'confirmed' THEN ?2 ELSE no_show_at END"
                                " WHERE uuid = ?1 AND deleted = 0", uuid, now, recovery, 0, error) &&
         gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_agenda_contact_outcome (GestStore           *store,
                             const char          *source_id,
                             const char          *record_uuid,
                             GestContactOutcome   outcome,
                             GError             **error)
{
  if (g_strcmp0 (source_id, GEST_AGENDA_SOURCE_TO_CONFIRM) == 0)
    return to_confirm_outcome (store, record_uuid, outcome, error);
  if (g_strcmp0 (source_id, GEST_AGENDA_SOURCE_NO_SHOWS) == 0 ||
      g_strcmp0 (source_id, GEST_AGENDA_SOURCE_REFUSED) == 0)
    return recovery_outcome (store, record_uuid, outcome, error);
  return TRUE;
}
