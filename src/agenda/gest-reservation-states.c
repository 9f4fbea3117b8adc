/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-states"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-mail.h"
#include "gest-agenda-web.h"
#include "gest-agenda-workflow.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* The day's states (S7, S12, S14): confirm, refuse, cancel, arrive and the board's moves. */

static gboolean
confirm (GestStore   *store,
         const char  *uuid,
         const char  *advisor_uuid,
         gboolean     send_email,
         GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GestUser *user = gest_store_get_user (store);
  g_autofree char *user_name = gest_store_get_user_name (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_CONFIRM, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return FALSE;
  if (r->state != GEST_RESERVATION_TO_CONFIRM)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: only a booking to confirm can be confirmed."),
                   gest_reservation_state_label (r->state));
      return FALSE;
    }
  if (advisor_uuid == NULL || *advisor_uuid == '\0')
    advisor_uuid = r->advisor_uuid;
  if (advisor_uuid == NULL || *advisor_uuid == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the advisor who receives this booking before confirming it."));
      return FALSE;
    }
  /* The slot as the advisor has it now (the web booked against the published free slots). */
  if (g_strcmp0 (advisor_uuid, r->advisor_uuid) != 0 &&
      !gest_agenda_slot_check (store, advisor_uuid, r->day, r->starts_min, r->duration_min, uuid, 0, error))
    return FALSE;
  if (r->needs_invoice && !gest_agenda_check_billing (store, r->customer_uuid, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "UPDATE reservations SET state = 'confirmed', advisor_uuid = ?2, confirmed_at = ?3,"
                             " confirmed_by = ?4, starts_at = ?5, updated_at = ?3 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, user != NULL ? user->uuid : user_name, -1, SQLITE_STATIC);
  /* A web booking made on the server may lack it: the queue's no-shows need it. */
  sqlite3_bind_int64 (stmt, 5, gest_agenda_moment (r->day, r->starts_min));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  name = gest_agenda_advisor_name (store, advisor_uuid);
  text = g_strdup_printf (_("Booking confirmed with %s"), name);
  if (!gest_reservation_log (store, uuid, text, error))
    return FALSE;
  if (send_email)
    {
      gboolean has_email;

      stmt = gest_store_prepare (store,
                                 "SELECT COALESCE (NULLIF (c.email, ''), r.contact_email, '') <> ''"
                                 " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                                 " WHERE r.uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      has_email = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
      if (has_email && !gest_agenda_queue_confirmation (store, uuid, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
gest_reservation_confirm (GestStore   *store,
                          const char  *uuid,
                          const char  *advisor_uuid,
                          gboolean     send_email,
                          GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_confirm", &own, error))
    return FALSE;
  ok = confirm (store, uuid, advisor_uuid, send_email, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_confirm", own, ok, error);
}

static gboolean
refuse (GestStore   *store,
        const char  *uuid,
        const char  *reason,
        gboolean     offer_followup,
        GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_CONFIRM, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return FALSE;
  if (r->state != GEST_RESERVATION_TO_CONFIRM)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: only a booking to confirm can be refused. Cancel it instead."),
                   gest_reservation_state_label (r->state));
      return FALSE;
    }
  if (*clean == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write why the booking is refused."));
      return FALSE;
    }
  if (!gest_reservation_exec (store,
                              "UPDATE reservations SET state = 'refused', refusal_reason = ?3, followup = ?4,"
                              " updated_at = ?2 WHERE uuid = ?1",
                              uuid, now, clean, offer_followup ? 1 : 0, error))
    return FALSE;
  text = g_strdup_printf (offer_followup ? _("Booking refused (%s); a follow-up call is offered")
                                         : _("Booking refused (%s)"), clean);
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_refuse (GestStore   *store,
                         const char  *uuid,
                         const char  *reason,
                         gboolean     offer_followup,
                         GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_refuse", &own, error))
    return FALSE;
  ok = refuse (store, uuid, reason, offer_followup, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_refuse", own, ok, error);
}

static gboolean
cancel (GestStore   *store,
        const char  *uuid,
        const char  *reason,
        GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_CONFIRM, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return FALSE;
  if (r->state != GEST_RESERVATION_TO_CONFIRM && r->state != GEST_RESERVATION_CONFIRMED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: only one to confirm or confirmed can be cancelled."),
                   gest_reservation_state_label (r->state));
      return FALSE;
    }
  if (!gest_reservation_exec (store,
                              "UPDATE reservations SET state = 'cancelled', refusal_reason = ?3, updated_at = ?2"
                              " WHERE uuid = ?1", uuid, now, clean, 0, error))
    return FALSE;
  text = *clean != '\0' ? g_strdup_printf (_("Appointment cancelled (%s)"), clean)
                        : g_strdup (_("Appointment cancelled"));
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_cancel (GestStore   *store,
                         const char  *uuid,
                         const char  *reason,
                         GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_cancel", &own, error))
    return FALSE;
  ok = cancel (store, uuid, reason, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_cancel", own, ok, error);
}

static gboolean
arrive (GestStore   *store,
        const char  *uuid,
        gint64       at,
        int          mileage_km,
        GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_ARRIVE, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL || !gest_agenda_check_own (store, r, error))
    return FALSE;
  /* A customer who came late arrives all the same: the no-show (derived or stored) is undone. */
  if (r->state != GEST_RESERVATION_CONFIRMED && r->state != GEST_RESERVATION_TO_CONFIRM &&
      r->state != GEST_RESERVATION_NO_SHOW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: it cannot be marked as arrived."),
                   gest_reservation_state_label (r->state));
      return FALSE;
    }
  if (r->advisor_uuid == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the advisor who receives this booking before marking the arrival."));
      return FALSE;
    }
  if (mileage_km < 0 || (mileage_km > 0 && mileage_km < r->mileage_km))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The mileage, %'d km, is less than the one given when booking, %'d km: check the odometer."),
                   mileage_km, r->mileage_km);
      return FALSE;
    }
  if (!gest_reservation_exec (store,
                              "UPDATE reservations SET state = 'arrived', arrived_at = ?4, no_show_at = NULL,"
                              " updated_at = ?2 WHERE uuid = ?1", uuid, now, NULL, at > 0 ? at : now, error))
    return FALSE;
  if (mileage_km > 0 &&
      (!gest_reservation_exec (store, "UPDATE reservations SET mileage_km = ?4 WHERE uuid = ?1",
                               uuid, now, NULL, mileage_km, error) ||
       !gest_reservation_record_mileage (store, uuid, r->vehicle_uuid, mileage_km, error)))
    return FALSE;
  when = gest_timestamp_format (at > 0 ? at : now);
  text = mileage_km > 0 ? g_strdup_printf (_("Arrived on %s with %'d km"), when, mileage_km)
                        : g_strdup_printf (_("Arrived on %s"), when);
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_arrive (GestStore   *store,
                         const char  *uuid,
                         gint64       at,
                         int          mileage_km,
                         GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_arrive", &own, error))
    return FALSE;
  ok = arrive (store, uuid, at, mileage_km, error);
  return gest_store_end_change (store, "gest_reservation_arrive", own, ok, error);
}

static gboolean
set_state (GestStore            *store,
           const char           *uuid,
           GestReservationState  state,
           GError              **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();
  const char *sql = NULL;

  if (!gest_store_check_permission (store, gest_agenda_state_permission (state), error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return FALSE;
  if (r->state == state)
    return TRUE;
  if (!gest_agenda_state_move_allowed (r->state, state))
    {
      g_autofree char *moves = gest_agenda_state_moves_text (r->state);

      if (*moves == '\0')
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The appointment is “%s”: it is off the board and cannot change state."),
                     gest_reservation_state_label (r->state));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("An appointment “%s” cannot go to “%s”: it can go to %s."),
                     gest_reservation_state_label (r->state), gest_reservation_state_label (state), moves);
      return FALSE;
    }
  if (g_str_equal (gest_agenda_state_permission (state), GEST_AGENDA_PERMISSION_ARRIVE) &&
      !gest_agenda_check_own (store, r, error))
    return FALSE;

  if (r->state == GEST_RESERVATION_TO_CONFIRM && state == GEST_RESERVATION_CONFIRMED)
    return confirm (store, uuid, NULL, FALSE, error);
  if (state == GEST_RESERVATION_ARRIVED && r->state != GEST_RESERVATION_IN_WORKSHOP)
    return arrive (store, uuid, now, 0, error);
  if (state == GEST_RESERVATION_NO_SHOW)
    return gest_reservation_no_show_in (store, uuid, "", now, error);

  switch (state)
    {
    case GEST_RESERVATION_TO_CONFIRM:
      sql = "UPDATE reservations SET state = 'to-confirm', confirmed_at = NULL, confirmed_by = NULL,"
            " updated_at = ?2 WHERE uuid = ?1";
      break;
    case GEST_RESERVATION_CONFIRMED:
      sql = "UPDATE reservations SET state = 'confirmed', arrived_at = NULL, no_show_at = NULL,"
            " no_show_reason = '', updated_at = ?2 WHERE uuid = ?1";
      break;
    case GEST_RESERVATION_ARRIVED:
    case GEST_RESERVATION_IN_WORKSHOP:
    case GEST_RESERVATION_DELIVERED:
      sql = "UPDATE reservations SET state = ?3, updated_at = ?2 WHERE uuid = ?1";
      break;
    case GEST_RESERVATION_NO_SHOW:
    case GEST_RESERVATION_REFUSED:
    case GEST_RESERVATION_CANCELLED:
    case GEST_N_RESERVATION_STATES:
    default:
      g_assert_not_reached ();
    }
  if (!gest_reservation_exec (store, sql, uuid, now, gest_reservation_state_id (state), 0, error))
    return FALSE;
  text = g_strdup_printf (_("State changed from “%s” to “%s”"), gest_reservation_state_label (r->state),
                          gest_reservation_state_label (state));
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_set_state (GestStore             *store,
                            const char            *uuid,
                            GestReservationState   state,
                            GError               **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (state < GEST_N_RESERVATION_STATES, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_set_state", &own, error))
    return FALSE;
  ok = set_state (store, uuid, state, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_set_state", own, ok, error);
}
