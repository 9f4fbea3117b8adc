/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-noshow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-web.h"
#include "gest-agenda-workflow.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* No-shows and their recovery (S14), and the day a web booking must be confirmed on (S7). */

gboolean
gest_reservation_no_show_in (GestStore   *store,
                             const char  *uuid,
                             const char  *reason,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *text = NULL;
  GestAgendaRules rules;
  gint64 grace_end;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_CONFIRM, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return FALSE;
  if (r->state != GEST_RESERVATION_CONFIRMED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: only a confirmed appointment can be a no-show."),
                   gest_reservation_state_label (r->state));
      return FALSE;
    }
  gest_agenda_rules_load (store, &rules);
  grace_end = gest_agenda_moment (r->day, r->starts_min + rules.grace_min);
  if (now < grace_end)
    {
      g_autofree char *until = gest_agenda_format_time (r->starts_min + rules.grace_min);
      g_autofree char *day = gest_agenda_format_day (r->day);

      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The customer may still arrive: wait until %s on %s, the end of the %d-minute grace period, before marking a no-show."),
                   until, day, rules.grace_min);
      return FALSE;
    }
  if (!gest_reservation_exec (store,
                              "UPDATE reservations SET state = 'no-show', no_show_at = ?2, no_show_reason = ?3,"
                              " updated_at = ?2 WHERE uuid = ?1", uuid, now, clean, 0, error))
    return FALSE;
  text = *clean != '\0' ? g_strdup_printf (_("No-show (%s)"), clean) : g_strdup (_("No-show"));
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_no_show (GestStore   *store,
                          const char  *uuid,
                          const char  *reason,
                          gint64       now,
                          GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_no_show", &own, error))
    return FALSE;
  ok = gest_reservation_no_show_in (store, uuid, reason, now > 0 ? now : gest_timestamp_now (), error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_no_show", own, ok, error);
}

static char *
reschedule (GestStore                    *store,
            const char                   *uuid,
            const GestReservationValues  *values,
            const char                   *reason,
            GError                      **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autofree char *new_uuid = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *day = NULL;
  g_autofree char *at = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();
  GestReservationValues v = *values;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_BOOK, error))
    return NULL;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL)
    return NULL;
  if (!r->is_no_show && r->state != GEST_RESERVATION_REFUSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The appointment is “%s”: only a no-show or a refused booking is rescheduled. Move it instead."),
                   gest_reservation_state_label (r->state));
      return NULL;
    }
  /* Once: the queue's "booked" only marks the recovery, this makes the new one. */
    {
      g_autoptr(sqlite3_stmt) stmt =
        gest_store_prepare (store, "SELECT 1 FROM reservations WHERE rescheduled_from = ?1 AND deleted = 0"
                                   " AND state NOT IN ('refused', 'cancelled')", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                       _("This appointment was rescheduled already: open the new one."));
          return NULL;
        }
    }
  if (v.customer_uuid == NULL)
    v.customer_uuid = r->customer_uuid;
  if (v.vehicle_uuid == NULL)
    v.vehicle_uuid = r->vehicle_uuid;
  if (!gest_agenda_slot_check (store, v.advisor_uuid, v.day, v.starts_min, v.duration_min, NULL, now, error))
    return NULL;
  if (v.needs_invoice && !gest_agenda_check_billing (store, v.customer_uuid, error))
    return NULL;
  /* A derived no-show is stored now: the new reservation names it. */
  if (r->state == GEST_RESERVATION_CONFIRMED &&
      !gest_reservation_exec (store,
                              "UPDATE reservations SET state = 'no-show', no_show_at = ?2, updated_at = ?2"
                              " WHERE uuid = ?1", uuid, now, NULL, 0, error))
    return NULL;
  if (!gest_reservation_exec (store,
                              "UPDATE reservations SET recovery = 'accepted',"
                              " no_show_reason = CASE WHEN ?3 <> '' AND state = 'no-show' THEN ?3 ELSE no_show_reason END,"
                              " updated_at = ?2 WHERE uuid = ?1", uuid, now, clean, 0, error))
    return NULL;
  new_uuid = gest_reservation_insert (store, "no-show-call", &v, uuid, now, error);
  if (new_uuid == NULL)
    return NULL;
  day = gest_agenda_format_day (v.day);
  at = gest_agenda_format_time (v.starts_min);
  text = g_strdup_printf (_("Rescheduled by phone for %s at %s"), day, at);
  if (!gest_reservation_log (store, uuid, text, error))
    return NULL;
  g_clear_pointer (&text, g_free);
  text = g_strdup (_("Appointment booked again after a no-show call"));
  if (!gest_reservation_log (store, new_uuid, text, error))
    return NULL;
  return g_steal_pointer (&new_uuid);
}

char *
gest_reservation_reschedule (GestStore                    *store,
                             const char                   *uuid,
                             const GestReservationValues  *values,
                             const char                   *reason,
                             GError                      **error)
{
  char *new_uuid;
  gboolean own = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL && values != NULL, NULL);

  if (!gest_store_begin_change (store, "gest_reservation_reschedule", &own, error))
    return NULL;
  new_uuid = reschedule (store, uuid, values, reason, error);
  if (new_uuid != NULL && !gest_agenda_web_publish (store, values->day, NULL, error))   /* S7 */
    g_clear_pointer (&new_uuid, g_free);
  if (!gest_store_end_change (store, "gest_reservation_reschedule", own, new_uuid != NULL, error))
    g_clear_pointer (&new_uuid, g_free);
  return new_uuid;
}

char *
gest_reservation_confirm_by (GestStore *store,
                             gint64     received_at,
                             int        cutoff_min)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autofree char *iso = NULL;
  int minute = 0;
  GDate day;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  iso = gest_agenda_day_of (received_at, &minute);
  gest_date_from_iso (iso, &day);
  calendar = gest_business_calendar_load (store, NULL);
  if (calendar == NULL)
    return g_steal_pointer (&iso);
  if (gest_business_calendar_is_working_day (calendar, &day) && minute < cutoff_min)
    return g_steal_pointer (&iso);
  for (int i = 0; i < 366; i++)
    {
      g_date_add_days (&day, 1);
      if (gest_business_calendar_is_working_day (calendar, &day))
        break;
    }
  return gest_date_to_iso (&day);
}
