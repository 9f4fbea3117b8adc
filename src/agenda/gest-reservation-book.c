/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-book"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-web.h"
#include "gest-agenda-workflow.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* Booking, editing and moving reservations (S12): the values' checks and the slot's. */

static gboolean
check_values (GestStore                    *store,
              const GestReservationValues  *v,
              gboolean                      web,
              const char                   *ignore_uuid,
              gint64                        now,
              GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!web && (v->customer_uuid == NULL || *v->customer_uuid == '\0'))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the customer of the appointment."));
      return FALSE;
    }
  if (v->customer_uuid != NULL && *v->customer_uuid != '\0')
    {
      stmt = gest_store_prepare (store, "SELECT 1 FROM customers WHERE uuid = ?1 AND deleted = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, v->customer_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("The customer is not in the database: choose the customer again."));
          return FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (!web && (v->vehicle_uuid == NULL || *v->vehicle_uuid == '\0'))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the vehicle the customer brings."));
      return FALSE;
    }
  if (v->vehicle_uuid != NULL && *v->vehicle_uuid != '\0')
    {
      int km;

      stmt = gest_store_prepare (store, "SELECT km FROM vehicles WHERE uuid = ?1 AND deleted = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, v->vehicle_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("The vehicle is not in the database: choose the vehicle again."));
          return FALSE;
        }
      km = sqlite3_column_int (stmt, 0);
      if (v->mileage_km < 0 || (v->mileage_km > 0 && v->mileage_km < km))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The mileage, %'d km, is less than the vehicle’s last known, %'d km: check the odometer."),
                       v->mileage_km, km);
          return FALSE;
        }
    }
  if (v->service_kind != NULL && gest_reservation_kind_label (v->service_kind) == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the kind of service."));
      return FALSE;
    }
  if (v->transport != NULL && gest_reservation_transport_label (v->transport) == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose whether the customer waits or drops off the vehicle."));
      return FALSE;
    }
  if (v->duration_min != 0 && (v->duration_min < 5 || v->duration_min > 600))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("An appointment lasts from 5 minutes to 10 hours: change its duration."));
      return FALSE;
    }
  if (v->needs_invoice && !gest_agenda_check_billing (store, v->customer_uuid, error))
    return FALSE;
  if (v->advisor_uuid == NULL || *v->advisor_uuid == '\0')
    {
      GDate date;

      if (!web)
        return gest_agenda_slot_check (store, NULL, v->day, v->starts_min, v->duration_min, NULL, now, error);
      if (v->day == NULL || !gest_date_from_iso (v->day, &date))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write the day of the appointment as dd/mm/yyyy."));
          return FALSE;
        }
      return TRUE;
    }
  return gest_agenda_slot_check (store, v->advisor_uuid, v->day, v->starts_min, v->duration_min,
                                 ignore_uuid, now, error);
}

/* The slot length of the advisor on that day: a reservation of duration 0 lasts one slot. */
static int
slot_length (GestStore   *store,
             const char  *advisor_uuid,
             const char  *day)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate date;

  if (advisor_uuid == NULL || day == NULL || !gest_date_from_iso (day, &date))
    return 30;
  stmt = gest_store_prepare (store,
                             "SELECT slot_minutes FROM agenda_schedules WHERE advisor_uuid = ?1"
                             " AND weekday = ?2 AND deleted = 0", NULL);
  if (stmt == NULL)
    return 30;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, g_date_get_weekday (&date));
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 30;
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           i,
              const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

char *
gest_reservation_insert (GestStore                    *store,
                         const char                   *origin,
                         const GestReservationValues  *v,
                         const char                   *rescheduled_from,
                         gint64                        now,
                         GError                      **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *confirm_by = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestUser *signed_in = gest_store_get_user (store);
  gboolean web = g_strcmp0 (origin, "web") == 0;

  if (web)
    {
      GestAgendaRules rules;

      gest_agenda_rules_load (store, &rules);
      confirm_by = gest_reservation_confirm_by (store, now, rules.cutoff_min);
    }
  stmt = gest_store_prepare (store,
                             "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km,"
                             " service_kind, advisor_uuid, day, starts_min, duration_min, transport, notes,"
                             " state, origin, needs_invoice, received_at, confirm_by, confirmed_at, confirmed_by,"
                             " rescheduled_from, created_by, starts_at, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                             " ?17, ?18, ?19, ?20, ?21, ?15, ?15)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  bind_or_null (stmt, 2, v->customer_uuid);
  bind_or_null (stmt, 3, v->vehicle_uuid);
  sqlite3_bind_int (stmt, 4, MAX (v->mileage_km, 0));
  sqlite3_bind_text (stmt, 5, v->service_kind != NULL ? v->service_kind : "maintenance", -1, SQLITE_STATIC);
  bind_or_null (stmt, 6, v->advisor_uuid);
  sqlite3_bind_text (stmt, 7, v->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, v->starts_min);
  sqlite3_bind_int (stmt, 9, v->duration_min > 0 ? v->duration_min : slot_length (store, v->advisor_uuid, v->day));
  sqlite3_bind_text (stmt, 10, v->transport != NULL ? v->transport : "waits", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, v->notes != NULL ? v->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, web ? "to-confirm" : "confirmed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, origin, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, v->needs_invoice ? 1 : 0);
  sqlite3_bind_int64 (stmt, 15, now);
  bind_or_null (stmt, 16, confirm_by);
  if (!web)
    {
      sqlite3_bind_int64 (stmt, 17, now);
      sqlite3_bind_text (stmt, 18, signed_in != NULL ? signed_in->uuid : user, -1, SQLITE_STATIC);
    }
  bind_or_null (stmt, 19, rescheduled_from);
  sqlite3_bind_text (stmt, 20, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 21, gest_agenda_moment (v->day, v->starts_min));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  if (!gest_reservation_record_mileage (store, uuid, v->vehicle_uuid, v->mileage_km, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

static char *
describe_slot (GestStore   *store,
               const char  *advisor_uuid,
               const char  *day,
               int          starts_min)
{
  g_autofree char *name = gest_agenda_advisor_name (store, advisor_uuid);
  g_autofree char *shown_day = gest_agenda_format_day (day);
  g_autofree char *at = gest_agenda_format_time (starts_min);

  if (advisor_uuid == NULL)
    return g_strdup_printf (_("%s at %s, no advisor yet"), shown_day, at);
  return g_strdup_printf (_("%s at %s with %s"), shown_day, at, name);
}

static char *
create (GestStore                    *store,
        const char                   *origin,
        const GestReservationValues  *values,
        GError                      **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_BOOK, error))
    return NULL;
  if (g_strcmp0 (origin, "desk") != 0 && g_strcmp0 (origin, "phone") != 0 && g_strcmp0 (origin, "web") != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Say how the appointment was asked for: at the desk or by phone."));
      return NULL;
    }
  if (!check_values (store, values, g_strcmp0 (origin, "web") == 0, NULL, now, error))
    return NULL;
  uuid = gest_reservation_insert (store, origin, values, NULL, now, error);
  if (uuid == NULL)
    return NULL;
  slot = describe_slot (store, values->advisor_uuid, values->day, values->starts_min);
  text = g_strdup_printf (_("Appointment booked for %s"), slot);
  if (!gest_reservation_log (store, uuid, text, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

char *
gest_reservation_create (GestStore                    *store,
                         const char                   *origin,
                         const GestReservationValues  *values,
                         GError                      **error)
{
  char *uuid;
  gboolean own = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (!gest_store_begin_change (store, "gest_reservation_create", &own, error))
    return NULL;
  uuid = create (store, origin, values, error);
  if (uuid != NULL && !gest_agenda_web_publish (store, values->day, NULL, error))   /* S7 */
    g_clear_pointer (&uuid, g_free);
  if (!gest_store_end_change (store, "gest_reservation_create", own, uuid != NULL, error))
    g_clear_pointer (&uuid, g_free);
  return uuid;
}

static gboolean
check_movable (const GestReservation  *r,
               GError                **error)
{
  if (r->state == GEST_RESERVATION_TO_CONFIRM || r->state == GEST_RESERVATION_CONFIRMED)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("The appointment is “%s”: only one to confirm or confirmed can be changed or moved. Book a new one instead."),
               gest_reservation_state_label (r->state));
  return FALSE;
}

static gboolean
update (GestStore                    *store,
        const char                   *uuid,
        const GestReservationValues  *v,
        GError                      **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gest_timestamp_now ();
  gboolean web;
  gboolean same_slot;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_BOOK, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL || !check_movable (r, error))
    return FALSE;
  web = r->state == GEST_RESERVATION_TO_CONFIRM;
  /* Its own slot stays valid when only other fields change (even once the day has begun). */
  same_slot = g_strcmp0 (r->advisor_uuid, v->advisor_uuid) == 0 && g_strcmp0 (r->day, v->day) == 0 &&
              r->starts_min == v->starts_min;
  if (!check_values (store, v, web, uuid, same_slot ? 0 : now, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "UPDATE reservations SET customer_uuid = ?2, vehicle_uuid = ?3, mileage_km = ?4,"
                             " service_kind = ?5, advisor_uuid = ?6, day = ?7, starts_min = ?8, duration_min = ?9,"
                             " transport = ?10, notes = ?11, needs_invoice = ?12, updated_at = ?13, starts_at = ?14"
                             " WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  bind_or_null (stmt, 2, v->customer_uuid);
  bind_or_null (stmt, 3, v->vehicle_uuid);
  sqlite3_bind_int (stmt, 4, MAX (v->mileage_km, 0));
  sqlite3_bind_text (stmt, 5, v->service_kind != NULL ? v->service_kind : r->service_kind, -1, SQLITE_STATIC);
  bind_or_null (stmt, 6, v->advisor_uuid);
  sqlite3_bind_text (stmt, 7, v->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, v->starts_min);
  sqlite3_bind_int (stmt, 9, v->duration_min > 0 ? v->duration_min : r->duration_min);
  sqlite3_bind_text (stmt, 10, v->transport != NULL ? v->transport : r->transport, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, v->notes != NULL ? v->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, v->needs_invoice ? 1 : 0);
  sqlite3_bind_int64 (stmt, 13, now);
  sqlite3_bind_int64 (stmt, 14, gest_agenda_moment (v->day, v->starts_min));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return gest_reservation_record_mileage (store, uuid, v->vehicle_uuid, v->mileage_km, error) &&
         gest_reservation_log (store, uuid, _("Appointment edited"), error);
}

gboolean
gest_reservation_update (GestStore                    *store,
                         const char                   *uuid,
                         const GestReservationValues  *values,
                         GError                      **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL && values != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_update", &own, error))
    return FALSE;
  ok = update (store, uuid, values, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_update", own, ok, error);
}

static gboolean
move (GestStore   *store,
      const char  *uuid,
      const char  *advisor_uuid,
      const char  *day,
      int          starts_min,
      GError     **error)
{
  g_autoptr(GestReservation) r = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_MOVE, error))
    return FALSE;
  r = gest_reservation_load_at (store, uuid, now, error);
  if (r == NULL || !check_movable (r, error))
    return FALSE;
  if (advisor_uuid == NULL || *advisor_uuid == '\0')
    advisor_uuid = r->advisor_uuid;
  if (!gest_agenda_slot_check (store, advisor_uuid, day, starts_min, r->duration_min, uuid, now, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "UPDATE reservations SET advisor_uuid = ?2, day = ?3, starts_min = ?4,"
                             " updated_at = ?5, starts_at = ?6 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, starts_min);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, gest_agenda_moment (day, starts_min));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  before = describe_slot (store, r->advisor_uuid, r->day, r->starts_min);
  after = describe_slot (store, advisor_uuid, day, starts_min);
  text = g_strdup_printf (_("Appointment moved from %s to %s"), before, after);
  return gest_reservation_log (store, uuid, text, error);
}

gboolean
gest_reservation_move (GestStore   *store,
                       const char  *uuid,
                       const char  *advisor_uuid,
                       const char  *day,
                       int          starts_min,
                       GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_reservation_move", &own, error))
    return FALSE;
  ok = move (store, uuid, advisor_uuid, day, starts_min, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_reservation_move", own, ok, error);
}
