/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-agenda-web.h"
#include "gest-agenda-workflow.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* Counted against a slot's capacity (S12): every reservation not refused, cancelled or stored
 * as a no-show, whatever its duration, in the slot it starts in. */
#define COUNTED "state NOT IN ('refused', 'cancelled', 'no-show') AND deleted = 0"

void
gest_agenda_schedule_free (GestAgendaSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_free (schedule->advisor_uuid);
  g_free (schedule->advisor_name);
  g_free (schedule);
}

static const char *
weekday_name (int weekday)
{
  static const char * const names[] = {
    N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
    N_("Saturdays"), N_("Sundays"),
  };

  g_assert (weekday >= 1 && weekday <= 7);
  return _(names[weekday - 1]);
}

static GestAgendaSchedule *
schedule_from_row (sqlite3_stmt *stmt)
{
  GestAgendaSchedule *s = g_new0 (GestAgendaSchedule, 1);

  s->advisor_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  s->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  s->weekday = sqlite3_column_int (stmt, 2);
  s->starts_min = sqlite3_column_int (stmt, 3);
  s->ends_min = sqlite3_column_int (stmt, 4);
  s->break_starts_min = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
  s->break_ends_min = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
  s->slot_minutes = sqlite3_column_int (stmt, 7);
  s->capacity = sqlite3_column_int (stmt, 8);
  return s;
}

#define SCHEDULE_SELECT \
  "SELECT s.advisor_uuid, u.name, s.weekday, s.starts_min, s.ends_min, s.break_starts_min," \
  " s.break_ends_min, s.slot_minutes, s.capacity FROM agenda_schedules s" \
  " JOIN users u ON u.uuid = s.advisor_uuid AND u.deleted = 0 AND u.active = 1" \
  " WHERE s.deleted = 0"

static GPtrArray *
schedules_query (GestStore   *store,
                 const char  *sql,
                 const char  *advisor_uuid,
                 int          weekday,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, weekday);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, schedule_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
gest_agenda_advisors (GestStore  *store,
                      GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  stmt = gest_store_prepare (store,
                             "SELECT u.uuid, u.name FROM users u WHERE u.deleted = 0 AND u.active = 1"
                             " AND u.role = 'service-advisor' AND EXISTS (SELECT 1 FROM agenda_schedules s"
                             " WHERE s.advisor_uuid = u.uuid AND s.deleted = 0) ORDER BY u.name, u.uuid",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestAgendaSchedule *s = g_new0 (GestAgendaSchedule, 1);

      s->advisor_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->break_starts_min = s->break_ends_min = -1;
      g_ptr_array_add (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
gest_agenda_schedules (GestStore  *store,
                       GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return schedules_query (store, SCHEDULE_SELECT " ORDER BY u.name, s.advisor_uuid, s.weekday",
                          NULL, 0, error);
}

static gboolean
check_schedule (const GestAgendaSchedule  *s,
                GError                   **error)
{
  if (s->weekday < 1 || s->weekday > 7)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose a day of the week."));
      return FALSE;
    }
  if (s->starts_min < 0 || s->ends_min > 24 * 60 || s->ends_min <= s->starts_min)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The hours must end after they start, within the day: check the start and end times."));
      return FALSE;
    }
  if (s->break_starts_min >= 0 &&
      (s->break_ends_min <= s->break_starts_min || s->break_starts_min < s->starts_min ||
       s->break_ends_min > s->ends_min))
    {
      g_autofree char *from = gest_agenda_format_time (s->starts_min);
      g_autofree char *to = gest_agenda_format_time (s->ends_min);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The break must end after it starts and fall within the hours, %s to %s: check the break."),
                   from, to);
      return FALSE;
    }
  if (s->slot_minutes < 5 || s->slot_minutes > 240)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("A slot lasts from 5 to 240 minutes: change the slot length."));
      return FALSE;
    }
  if (s->capacity < 1 || s->capacity > 20)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The capacity is from 1 to 20 vehicles per slot: change the capacity."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
schedule_set (GestStore                 *store,
              const GestAgendaSchedule  *s,
              GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *name = NULL;
  g_autofree char *from = gest_agenda_format_time (s->starts_min);
  g_autofree char *to = gest_agenda_format_time (s->ends_min);
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_SCHEDULES, error) ||
      !check_schedule (s, error))
    return FALSE;
  stmt = gest_store_prepare (store, "SELECT name FROM users WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, s->advisor_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The advisor is not in the database: choose the advisor again."));
      return FALSE;
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* One row per advisor and weekday: the existing one keeps its uuid (its sync identity). */
  stmt = gest_store_prepare (store,
                             "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min,"
                             " break_starts_min, break_ends_min, slot_minutes, capacity, updated_at)"
                             " VALUES (COALESCE ((SELECT uuid FROM agenda_schedules WHERE advisor_uuid = ?2"
                             "   AND weekday = ?3 AND deleted = 0), ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                             " ON CONFLICT (uuid) DO UPDATE SET starts_min = excluded.starts_min,"
                             " ends_min = excluded.ends_min, break_starts_min = excluded.break_starts_min,"
                             " break_ends_min = excluded.break_ends_min, slot_minutes = excluded.slot_minutes,"
                             " capacity = excluded.capacity, updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, s->advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, s->weekday);
  sqlite3_bind_int (stmt, 4, s->starts_min);
  sqlite3_bind_int (stmt, 5, s->ends_min);
  if (s->break_starts_min >= 0)
    {
      sqlite3_bind_int (stmt, 6, s->break_starts_min);
      sqlite3_bind_int (stmt, 7, s->break_ends_min);
    }
  sqlite3_bind_int (stmt, 8, s->slot_minutes);
  sqlite3_bind_int (stmt, 9, s->capacity);
  sqlite3_bind_int64 (stmt, 10, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  text = g_strdup_printf (_("Hours of %s on %s: %s to %s, slots of %d minutes, capacity %d"),
                          name, weekday_name (s->weekday), from, to, s->slot_minutes, s->capacity);
  return gest_activity_log_append (store, s->advisor_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_agenda_schedule_set (GestStore                 *store,
                          const GestAgendaSchedule  *schedule,
                          GError                   **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (schedule != NULL && schedule->advisor_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_agenda_schedule_set", &own, error))
    return FALSE;
  ok = schedule_set (store, schedule, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_agenda_schedule_set", own, ok, error);
}

static gboolean
schedule_clear (GestStore   *store,
                const char  *advisor_uuid,
                int          weekday,
                GError     **error)
{
  g_autofree char *name = gest_agenda_advisor_name (store, advisor_uuid);
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_SCHEDULES, error))
    return FALSE;
  if (weekday < 1 || weekday > 7)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose a day of the week."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "UPDATE agenda_schedules SET deleted = 1, updated_at = ?3"
                             " WHERE advisor_uuid = ?1 AND weekday = ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, weekday);
  sqlite3_bind_int64 (stmt, 3, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    return TRUE;
  text = g_strdup_printf (_("%s does not work on %s any more"), name, weekday_name (weekday));
  return gest_activity_log_append (store, advisor_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_agenda_schedule_clear (GestStore   *store,
                            const char  *advisor_uuid,
                            int          weekday,
                            GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (advisor_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_agenda_schedule_clear", &own, error))
    return FALSE;
  ok = schedule_clear (store, advisor_uuid, weekday, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_agenda_schedule_clear", own, ok, error);
}

static gboolean
block_add (GestStore   *store,
           const char  *uuid,
           const char  *advisor_uuid,
           const char  *day,
           int          starts_min,
           int          ends_min,
           const char  *reason,
           GError     **error)
{
  g_autofree char *name = gest_agenda_advisor_name (store, advisor_uuid);
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *shown_day = gest_agenda_format_day (day);
  g_autofree char *from = gest_agenda_format_time (starts_min);
  g_autofree char *to = gest_agenda_format_time (ends_min);
  g_autofree char *text = NULL;
  g_autoptr(GString) taken = g_string_new ("");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gest_timestamp_now ();
  GDate date;
  int rc;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_SCHEDULES, error))
    return FALSE;
  if (day == NULL || !gest_date_from_iso (day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write the day of the blocked time as dd/mm/yyyy."));
      return FALSE;
    }
  if (starts_min < 0 || ends_min > 24 * 60 || ends_min <= starts_min)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The blocked time must end after it starts: check its times."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT r.starts_min, COALESCE (NULLIF (c.name, ''), r.contact_name)"
                             " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " WHERE r.advisor_uuid = ?1 AND r.day = ?2 AND r.starts_min >= ?3"
                             " AND r.starts_min < ?4 AND r.state NOT IN ('refused', 'cancelled', 'no-show')"
                             " AND r.deleted = 0 ORDER BY r.starts_min", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, starts_min);
  sqlite3_bind_int (stmt, 4, ends_min);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *at = gest_agenda_format_time (sqlite3_column_int (stmt, 0));

      g_string_append_printf (taken, "%s%s %s", taken->len > 0 ? ", " : "", at,
                              (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (taken->len > 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   _("%s has appointments from %s to %s on %s (%s): move them first, then block the time."),
                   name, from, to, shown_day, taken->str);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = gest_store_prepare (store,
                             "INSERT INTO agenda_blocks (uuid, advisor_uuid, day, starts_min, ends_min, reason,"
                             " created_by, created_at, updated_at)"
                             " SELECT ?1, uuid, ?3, ?4, ?5, ?6, ?7, ?8, ?8 FROM users WHERE uuid = ?2 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, starts_min);
  sqlite3_bind_int (stmt, 5, ends_min);
  sqlite3_bind_text (stmt, 6, reason != NULL ? reason : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The advisor is not in the database: choose the advisor again."));
      return FALSE;
    }
  text = g_strdup_printf (_("%s blocked from %s to %s on %s: %s"), name, from, to, shown_day,
                          reason != NULL ? reason : "");
  return gest_activity_log_append (store, advisor_uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

char *
gest_agenda_block_add (GestStore   *store,
                       const char  *advisor_uuid,
                       const char  *day,
                       int          starts_min,
                       int          ends_min,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (advisor_uuid != NULL, NULL);

  if (!gest_store_begin_change (store, "gest_agenda_block_add", &own, error))
    return NULL;
  ok = block_add (store, uuid, advisor_uuid, day, starts_min, ends_min, reason, error);
  ok = ok && gest_agenda_web_publish (store, day, NULL, error);   /* S7: the website's free slots */
  if (!gest_store_end_change (store, "gest_agenda_block_add", own, ok, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

static gboolean
block_remove (GestStore   *store,
              const char  *uuid,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *advisor = NULL;
  g_autofree char *text = NULL;

  if (!gest_store_check_permission (store, GEST_AGENDA_PERMISSION_SCHEDULES, error))
    return FALSE;
  stmt = gest_store_prepare (store, "SELECT advisor_uuid FROM agenda_blocks WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The blocked time is not in the database any more: refresh the agenda."));
      return FALSE;
    }
  advisor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!gest_reservation_exec (store, "UPDATE agenda_blocks SET deleted = 1, updated_at = ?2 WHERE uuid = ?1",
                              uuid, gest_timestamp_now (), NULL, 0, error))
    return FALSE;
  text = g_strdup (_("Blocked time removed"));
  return gest_activity_log_append (store, advisor, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_agenda_block_remove (GestStore   *store,
                          const char  *uuid,
                          GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_agenda_block_remove", &own, error))
    return FALSE;
  ok = block_remove (store, uuid, error);
  ok = ok && gest_agenda_web_publish (store, NULL, NULL, error);   /* S7: the website's free slots */
  return gest_store_end_change (store, "gest_agenda_block_remove", own, ok, error);
}
