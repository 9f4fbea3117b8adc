/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB (agenda-board): a local stand-in for agenda-core's implementation, so the views link and
 * draw before wip-agenda-core lands. DELETED when it is merged; never the final state. */
#define G_LOG_DOMAIN "gest-agenda-stub"

#include "config.h"

#include <stdio.h>


#include "gest-agenda-schedule.h"
#include "gest-agenda-board-stub.h"
#include "gest-reservation.h"

static const char * const state_ids[] = {
  "to-confirm", "confirmed", "arrived", "in-workshop", "delivered", "no-show", "refused", "cancelled",
};

const char *
gest_reservation_state_id (GestReservationState state)
{
  return state < GEST_N_RESERVATION_STATES ? state_ids[state] : "confirmed";
}

const char *
gest_reservation_state_label (GestReservationState state)
{
  static const char * const labels[] = {
    "To confirm", "Confirmed", "Arrived", "In the workshop", "Delivered", "No-show", "Refused", "Cancelled",
  };
  return state < GEST_N_RESERVATION_STATES ? labels[state] : "";
}

gboolean
gest_reservation_state_from_id (const char           *id,
                                GestReservationState *out)
{
  for (guint i = 0; i < GEST_N_RESERVATION_STATES; i++)
    if (g_strcmp0 (id, state_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gest_reservation_kind_label (const char *kind)
{
  return kind;
}

const char *
gest_reservation_transport_label (const char *transport)
{
  return transport;
}

void
gest_reservation_free (GestReservation *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid); g_free (r->customer_uuid); g_free (r->customer_name); g_free (r->customer_phone);
  g_free (r->vehicle_uuid); g_free (r->vehicle_label); g_free (r->service_kind); g_free (r->advisor_uuid);
  g_free (r->advisor_name); g_free (r->day); g_free (r->transport); g_free (r->notes); g_free (r->origin);
  g_free (r->confirm_by); g_free (r->refusal_reason); g_free (r->no_show_reason); g_free (r->recovery);
  g_free (r->rescheduled_from); g_free (r->test_drive);
  g_free (r);
}

void
gest_agenda_schedule_free (GestAgendaSchedule *s)
{
  if (s == NULL)
    return;
  g_free (s->advisor_uuid);
  g_free (s->advisor_name);
  g_free (s);
}

GPtrArray *
gest_agenda_advisors (GestStore  *store,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
    "SELECT DISTINCT u.uuid, u.name FROM users u JOIN agenda_schedules s ON s.advisor_uuid = u.uuid"
    " AND s.deleted = 0 ORDER BY u.name", error);
  GPtrArray *out;

  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GestAgendaSchedule *s = g_new0 (GestAgendaSchedule, 1);

      s->advisor_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, s);
    }
  return out;
}

GPtrArray *
gest_agenda_schedules (GestStore  *store,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
    "SELECT s.advisor_uuid, u.name, weekday, starts_min, ends_min, coalesce (break_starts_min, -1),"
    " coalesce (break_ends_min, -1), slot_minutes, capacity FROM agenda_schedules s"
    " JOIN users u ON u.uuid = s.advisor_uuid WHERE s.deleted = 0 ORDER BY u.name, weekday", error);
  GPtrArray *out;

  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GestAgendaSchedule *s = g_new0 (GestAgendaSchedule, 1);

      s->advisor_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->weekday = sqlite3_column_int (stmt, 2);
      s->starts_min = sqlite3_column_int (stmt, 3);
      s->ends_min = sqlite3_column_int (stmt, 4);
      s->break_starts_min = sqlite3_column_int (stmt, 5);
      s->break_ends_min = sqlite3_column_int (stmt, 6);
      s->slot_minutes = sqlite3_column_int (stmt, 7);
      s->capacity = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (out, s);
    }
  return out;
}

static void
slot_free (GestAgendaSlot *slot)
{
  g_free (slot->advisor_uuid);
  g_free (slot);
}

GHashTable *
gest_agenda_slots_range (GestStore   *store,
                         const char  *from_day,
                         const char  *to_day,
                         GError     **error)
{
  g_autoptr(GPtrArray) schedules = gest_agenda_schedules (store, error);
  g_autoptr(sqlite3_stmt) count = NULL;
  GHashTable *out;
  GDate day, last;

  if (schedules == NULL)
    return NULL;
  count = gest_store_prepare (store,
    "SELECT count (*) FROM reservations WHERE deleted = 0 AND advisor_uuid = ?1 AND day = ?2"
    " AND starts_min >= ?3 AND starts_min < ?4 AND state NOT IN ('refused', 'cancelled', 'no-show')", error);
  if (count == NULL)
    return NULL;
  out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_date_clear (&day, 1);
  g_date_clear (&last, 1);
  g_date_set_parse (&day, from_day);
  g_date_set_parse (&last, to_day);
  {
    int y, m, d;
    sscanf (from_day, "%d-%d-%d", &y, &m, &d);
    g_date_set_dmy (&day, d, m, y);
    sscanf (to_day, "%d-%d-%d", &y, &m, &d);
    g_date_set_dmy (&last, d, m, y);
  }
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      char iso[16];
      GPtrArray *slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
      int weekday = g_date_get_weekday (&day);

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
      for (guint i = 0; i < schedules->len; i++)
        {
          GestAgendaSchedule *s = g_ptr_array_index (schedules, i);

          if (s->weekday != weekday)
            continue;
          for (int t = s->starts_min; t + s->slot_minutes <= s->ends_min; t += s->slot_minutes)
            {
              GestAgendaSlot *slot = g_new0 (GestAgendaSlot, 1);

              slot->advisor_uuid = g_strdup (s->advisor_uuid);
              slot->starts_min = t;
              slot->capacity = s->capacity;
              slot->blocked = s->break_starts_min >= 0 && t >= s->break_starts_min && t < s->break_ends_min;
              sqlite3_reset (count);
              sqlite3_bind_text (count, 1, s->advisor_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (count, 2, iso, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (count, 3, t);
              sqlite3_bind_int (count, 4, t + s->slot_minutes);
              if (sqlite3_step (count) == SQLITE_ROW)
                slot->taken = sqlite3_column_int (count, 0);
              g_ptr_array_add (slots, slot);
            }
        }
      g_hash_table_insert (out, g_strdup (iso), slots);
    }
  return out;
}

gboolean
gest_agenda_slot_check (GestStore   *store,
                        const char  *advisor_uuid,
                        const char  *day,
                        int          starts_min,
                        int          duration_min,
                        const char  *ignore_uuid,
                        gint64       now,
                        GError     **error)
{
  return TRUE;
}

GPtrArray *
gest_reservations_list_range (GestStore   *store,
                              const char  *from_day,
                              const char  *to_day,
                              gint64       now,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
    "SELECT r.uuid, r.customer_uuid, coalesce (c.name, r.contact_name), r.vehicle_uuid,"
    " coalesce (v.model || ' ' || v.year || ' · ' || v.plate, ''), r.advisor_uuid, u.name, r.day,"
    " r.starts_min, r.duration_min, r.state, r.transport, r.origin, r.confirm_by"
    " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
    " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid LEFT JOIN users u ON u.uuid = r.advisor_uuid"
    " WHERE r.deleted = 0 AND r.day BETWEEN ?1 AND ?2 ORDER BY r.day, r.advisor_uuid, r.starts_min", error);
  GPtrArray *out;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_reservation_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GestReservation *r = g_new0 (GestReservation, 1);

      r->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r->customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r->vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      r->vehicle_label = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      r->advisor_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      r->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      r->day = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      r->starts_min = sqlite3_column_int (stmt, 8);
      r->duration_min = sqlite3_column_int (stmt, 9);
      gest_reservation_state_from_id ((const char *) sqlite3_column_text (stmt, 10), &r->state);
      r->transport = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      r->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      r->confirm_by = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
      g_ptr_array_add (out, r);
    }
  return out;
}

GestReservation *
gest_reservation_load (GestStore   *store,
                       const char  *uuid,
                       GError     **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, "stub");
  return NULL;
}

gboolean
gest_reservation_move (GestStore   *store,
                       const char  *uuid,
                       const char  *advisor_uuid,
                       const char  *day,
                       int          starts_min,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
    "UPDATE reservations SET advisor_uuid = ?2, day = ?3, starts_min = ?4 WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, starts_min);
  return sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
}

char *
gest_reservation_create (GestStore                   *store,
                         const char                  *origin,
                         const GestReservationValues *values,
                         GError                     **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "stub");
  return NULL;
}

gboolean
gest_reservation_update (GestStore                   *store,
                         const char                  *uuid,
                         const GestReservationValues *values,
                         GError                     **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "stub");
  return FALSE;
}

char *
gest_reservation_reschedule (GestStore                   *store,
                             const char                  *uuid,
                             const GestReservationValues *values,
                             const char                  *reason,
                             GError                     **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "stub");
  return NULL;
}

GestSqlBoardSource *
gest_reservation_board_source_new (GestStore  *store,
                                   const char *day)
{
  return NULL;
}
