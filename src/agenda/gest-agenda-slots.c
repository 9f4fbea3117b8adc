/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-slots"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* The slot check and the slots of a range (S12): an advisor's day is slots of slot_minutes
 * from starts_min to ends_min, none in the break or blocked time; a reservation takes the
 * slot it starts in, whatever its duration; counted: every reservation of the slot not
 * refused, cancelled or stored as a no-show. */

static int
iso_weekday (const GDate *date)
{
  return (int) g_date_get_weekday (date);   /* G_DATE_MONDAY = 1 … G_DATE_SUNDAY = 7 */
}

static const char *
weekday_plural (int weekday)
{
  static const char * const names[] = {
    N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
    N_("Saturdays"), N_("Sundays"),
  };

  return _(names[weekday - 1]);
}

static gboolean
load_schedule (GestStore          *store,
               const char         *advisor_uuid,
               int                 weekday,
               GestAgendaSchedule *out,
               gboolean           *found,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT starts_min, ends_min, COALESCE (break_starts_min, -1),"
                        " COALESCE (break_ends_min, -1), slot_minutes, capacity FROM agenda_schedules"
                        " WHERE advisor_uuid = ?1 AND weekday = ?2 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, weekday);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      out->weekday = weekday;
      out->starts_min = sqlite3_column_int (stmt, 0);
      out->ends_min = sqlite3_column_int (stmt, 1);
      out->break_starts_min = sqlite3_column_int (stmt, 2);
      out->break_ends_min = sqlite3_column_int (stmt, 3);
      out->slot_minutes = sqlite3_column_int (stmt, 4);
      out->capacity = sqlite3_column_int (stmt, 5);
      return TRUE;
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

static gboolean
advisor_name (GestStore   *store,
              const char  *advisor_uuid,
              char       **out,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT name FROM users WHERE uuid = ?1 AND deleted = 0 AND active = 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The advisor is not an active user any more: choose another advisor."));
      return FALSE;
    }
  *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

gboolean
gest_agenda_slot_check_not_past (const char  *day,
                                 int          starts_min,
                                 gint64       now,
                                 GError     **error)
{
  g_autofree char *shown_day = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (day != NULL, FALSE);

  if (gest_agenda_moment (day, starts_min) >= now)
    return TRUE;
  shown_day = gest_agenda_format_day (day);
  at = gest_agenda_format_time (starts_min);
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("%s at %s is in the past: choose a later day or time."), shown_day, at);
  return FALSE;
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
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown_day = NULL;
  g_autofree char *at = NULL;
  GestAgendaSchedule s = { 0 };
  const char *holiday = NULL;
  gboolean found = FALSE;
  GDate date;
  int slot_start, taken;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (advisor_uuid == NULL || *advisor_uuid == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the advisor who receives the vehicle."));
      return FALSE;
    }
  if (day == NULL || !gest_date_from_iso (day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write the day of the appointment as dd/mm/yyyy."));
      return FALSE;
    }
  if (starts_min < 0 || starts_min >= 24 * 60)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write the time of the appointment as hh:mm."));
      return FALSE;
    }
  if (!advisor_name (store, advisor_uuid, &name, error))
    return FALSE;
  shown_day = gest_date_format (&date);
  at = gest_agenda_format_time (starts_min);

  if (now > 0 && !gest_agenda_slot_check_not_past (day, starts_min, now, error))
    return FALSE;
  calendar = gest_business_calendar_load (store, error);
  if (calendar == NULL)
    return FALSE;
  if (gest_business_calendar_is_holiday (calendar, &date, &holiday))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s is a holiday (%s): the dealership is closed. Choose another day."),
                   shown_day, holiday != NULL ? holiday : "");
      return FALSE;
    }
  if (!load_schedule (store, advisor_uuid, iso_weekday (&date), &s, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s does not work on %s: choose another day or advisor."),
                   name, weekday_plural (iso_weekday (&date)));
      return FALSE;
    }
  if (starts_min < s.starts_min || starts_min >= s.ends_min)
    {
      g_autofree char *from = gest_agenda_format_time (s.starts_min);
      g_autofree char *to = gest_agenda_format_time (s.ends_min);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s works from %s to %s on %s, not at %s: choose a time in those hours."),
                   name, from, to, weekday_plural (iso_weekday (&date)), at);
      return FALSE;
    }
  if (s.break_starts_min >= 0 && starts_min >= s.break_starts_min && starts_min < s.break_ends_min)
    {
      g_autofree char *from = gest_agenda_format_time (s.break_starts_min);
      g_autofree char *to = gest_agenda_format_time (s.break_ends_min);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s is in %s’s break (%s to %s): choose another time."), at, name, from, to);
      return FALSE;
    }

  stmt = gest_store_prepare (store,
                             "SELECT starts_min, ends_min, reason FROM agenda_blocks WHERE advisor_uuid = ?1"
                             " AND day = ?2 AND starts_min <= ?3 AND ends_min > ?3 AND deleted = 0"
                             " ORDER BY starts_min LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, starts_min);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *from = gest_agenda_format_time (sqlite3_column_int (stmt, 0));
      g_autofree char *to = gest_agenda_format_time (sqlite3_column_int (stmt, 1));
      const char *reason = (const char *) sqlite3_column_text (stmt, 2);

      if (reason != NULL && *reason != '\0')
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("%s’s time is blocked from %s to %s on %s (%s): choose another time or advisor."),
                     name, from, to, shown_day, reason);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("%s’s time is blocked from %s to %s on %s: choose another time or advisor."),
                     name, from, to, shown_day);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  slot_start = s.starts_min + (starts_min - s.starts_min) / s.slot_minutes * s.slot_minutes;
  stmt = gest_store_prepare (store,
                             "SELECT count(*) FROM reservations WHERE advisor_uuid = ?1 AND day = ?2"
                             " AND starts_min >= ?3 AND starts_min < ?4 AND uuid IS NOT ?5"
                             " AND state NOT IN ('refused', 'cancelled', 'no-show') AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, slot_start);
  sqlite3_bind_int (stmt, 4, slot_start + s.slot_minutes);
  sqlite3_bind_text (stmt, 5, ignore_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return gest_store_set_error (store, error);
  taken = sqlite3_column_int (stmt, 0);
  if (taken >= s.capacity)
    {
      g_autofree char *slot = gest_agenda_format_time (slot_start);

      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s already has %d appointment at %s on %s, the capacity of the slot (%d): choose another time or advisor.",
                                "%s already has %d appointments at %s on %s, the capacity of the slot (%d): choose another time or advisor.",
                                taken),
                   name, taken, slot, shown_day, s.capacity);
      return FALSE;
    }
  return TRUE;
}

/* One day of one advisor's slots: the counts are filled in afterwards. */
static GPtrArray *
day_slots (const GestAgendaSchedule *s,
           gboolean                  closed)
{
  GPtrArray *slots = g_ptr_array_new ();

  for (int t = s->starts_min; t < s->ends_min; t += s->slot_minutes)
    {
      GestAgendaSlot *slot = g_new0 (GestAgendaSlot, 1);

      slot->advisor_uuid = g_strdup (s->advisor_uuid);
      slot->starts_min = t;
      slot->capacity = s->capacity;
      slot->blocked = closed || (s->break_starts_min >= 0 && t >= s->break_starts_min && t < s->break_ends_min);
      g_ptr_array_add (slots, slot);
    }
  return slots;
}

static void
slot_free (GestAgendaSlot *slot)
{
  g_free (slot->advisor_uuid);
  g_free (slot);
}

/* The slot of @advisor_uuid that @minute falls in, in @slots (one day, every advisor, each
 * advisor's slots in order): the last one that starts at or before it. */
static GestAgendaSlot *
find_slot (GPtrArray   *slots,
           const char  *advisor_uuid,
           int          minute)
{
  GestAgendaSlot *found = NULL;

  for (guint i = 0; i < slots->len; i++)
    {
      GestAgendaSlot *slot = g_ptr_array_index (slots, i);

      if (slot->starts_min <= minute && g_strcmp0 (slot->advisor_uuid, advisor_uuid) == 0)
        found = slot;
    }
  return found;
}

GHashTable *
gest_agenda_slots_range (GestStore   *store,
                         const char  *from_day,
                         const char  *to_day,
                         GError     **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate from, to, day;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (from_day == NULL || to_day == NULL || !gest_date_from_iso (from_day, &from) ||
      !gest_date_from_iso (to_day, &to))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Write the days as dd/mm/yyyy."));
      return NULL;
    }
  calendar = gest_business_calendar_load (store, error);
  schedules = calendar != NULL ? gest_agenda_schedules (store, error) : NULL;
  if (schedules == NULL)
    return NULL;

  for (day = from; g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
    {
      GPtrArray *slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
      gboolean closed = gest_business_calendar_is_holiday (calendar, &day, NULL);

      for (guint i = 0; i < schedules->len; i++)
        {
          const GestAgendaSchedule *s = g_ptr_array_index (schedules, i);
          g_autoptr(GPtrArray) one = NULL;

          if (s->weekday != iso_weekday (&day))
            continue;
          one = day_slots (s, closed);
          for (guint j = 0; j < one->len; j++)
            g_ptr_array_add (slots, g_ptr_array_index (one, j));
        }
      g_hash_table_insert (days, gest_date_to_iso (&day), slots);
    }

  /* Blocked time marks the slots that start in it. */
  stmt = gest_store_prepare (store,
                             "SELECT day, advisor_uuid, starts_min, ends_min FROM agenda_blocks"
                             " WHERE day BETWEEN ?1 AND ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *slots = g_hash_table_lookup (days, sqlite3_column_text (stmt, 0));
      const char *advisor = (const char *) sqlite3_column_text (stmt, 1);
      int starts = sqlite3_column_int (stmt, 2), ends = sqlite3_column_int (stmt, 3);

      for (guint i = 0; slots != NULL && i < slots->len; i++)
        {
          GestAgendaSlot *slot = g_ptr_array_index (slots, i);

          if (g_strcmp0 (slot->advisor_uuid, advisor) == 0 && slot->starts_min >= starts &&
              slot->starts_min < ends)
            slot->blocked = TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The reservations counted, grouped in SQL by the minute they start at. */
  stmt = gest_store_prepare (store,
                             "SELECT day, advisor_uuid, starts_min, count(*) FROM reservations"
                             " WHERE day BETWEEN ?1 AND ?2 AND advisor_uuid IS NOT NULL"
                             " AND state NOT IN ('refused', 'cancelled', 'no-show') AND deleted = 0"
                             " GROUP BY day, advisor_uuid, starts_min", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *slots = g_hash_table_lookup (days, sqlite3_column_text (stmt, 0));
      GestAgendaSlot *slot = slots != NULL
        ? find_slot (slots, (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2))
        : NULL;

      if (slot != NULL)
        slot->taken += sqlite3_column_int (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}
