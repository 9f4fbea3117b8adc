/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-permissions.h"

/* The dealer's business calendar on disk (gest-business-calendar-store.h): working hours in
 * settings, holidays in business_holidays. */

static void
day_iso (const GDate *day,
         char         buf[11])
{
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

GestBusinessCalendar *
gest_business_calendar_load (GestStore  *store,
                             GError    **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  cal = gest_business_calendar_new (NULL);
  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    {
      g_autofree char *key = g_strdup_printf ("calendar.hours.%u", d);
      g_autofree char *text = gest_store_get_setting (store, key);
      int open, close;

      /* A malformed value (written by hand, or by a newer version) leaves the default. */
      if (text != NULL && gest_business_hours_parse (text, &open, &close, NULL))
        gest_business_calendar_set_hours (cal, d, open, close);
    }

  stmt = gest_store_prepare_cached (store, "SELECT day, name, deleted FROM business_holidays", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;

      if (!gest_date_from_iso ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      gest_business_calendar_set_year_explicit (cal, g_date_get_year (&day));
      if (sqlite3_column_int (stmt, 2) == 0)
        gest_business_calendar_add_holiday (cal, &day, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&cal);
}

gboolean
gest_business_calendar_save_hours (GestStore  *store,
                                   const int   open_minute[GEST_BUSINESS_N_WEEKDAYS],
                                   const int   close_minute[GEST_BUSINESS_N_WEEKDAYS],
                                   GError    **error)
{
  gboolean own = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (!gest_store_begin_change (store, "gest_calendar_hours", &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_PERMISSION_DEALER_SETTINGS, error))
    goto fail;
  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    {
      g_autofree char *key = g_strdup_printf ("calendar.hours.%u", d);
      g_autofree char *text = gest_business_hours_format (open_minute[d], close_minute[d]);

      if (open_minute[d] < 0 || close_minute[d] > 24 * 60)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                               _("Working hours go from 00:00 to 24:00."));
          goto fail;
        }
      if (!gest_store_set_setting (store, key, text, error))
        goto fail;
    }
  return gest_store_end_change (store, "gest_calendar_hours", own, TRUE, error);

fail:
  gest_store_end_change (store, "gest_calendar_hours", own, FALSE, NULL);
  return FALSE;
}

void
gest_business_holiday_free (GestBusinessHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday);
}

GPtrArray *
gest_business_holidays_list (GestStore  *store,
                             int         year,
                             GError    **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GArray) days = NULL;
  GPtrArray *list;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  cal = gest_business_calendar_load (store, error);
  if (cal == NULL)
    return NULL;
  days = gest_business_calendar_list_holidays (cal, year);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_business_holiday_free);
  for (guint i = 0; i < days->len; i++)
    {
      GestHoliday *h = &g_array_index (days, GestHoliday, i);
      GestBusinessHoliday *row = g_new0 (GestBusinessHoliday, 1);

      row->day = h->day;
      row->name = g_strdup (h->name);
      row->legal = gest_business_calendar_is_legal_holiday (&h->day, NULL);
      g_ptr_array_add (list, row);
    }
  return list;
}

static gboolean
exec_day (GestStore   *store,
          const char  *sql,
          const char  *uuid,
          const char  *day,
          const char  *name,
          GError     **error)
{
  sqlite3_stmt *stmt = gest_store_prepare_cached (store, sql, error);
  int n = 1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, n++, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, day, -1, SQLITE_TRANSIENT);
  if (name != NULL)
    sqlite3_bind_text (stmt, n++, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, n, gest_timestamp_now ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* A year the dealer edits first gets its legal holidays as rows, so that from then on the
 * table alone says which days of it are holidays (gest_business_calendar_load()). */
static gboolean
preload_year (GestStore  *store,
              int         year,
              GError    **error)
{
  g_autoptr(GArray) legal = NULL;
  char from[11], to[11];
  sqlite3_stmt *stmt;
  gboolean any;

  g_snprintf (from, sizeof from, "%04d-01-01", year);
  g_snprintf (to, sizeof to, "%04d-12-31", year);
  stmt = gest_store_prepare_cached (store, "SELECT EXISTS (SELECT 1 FROM business_holidays "
                                           "WHERE day BETWEEN ?1 AND ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (any)
    return TRUE;

  legal = gest_business_calendar_legal_holidays (year);
  for (guint i = 0; i < legal->len; i++)
    {
      GestHoliday *h = &g_array_index (legal, GestHoliday, i);
      g_autofree char *uuid = gest_uuid_new ();
      char day[11];

      day_iso (&h->day, day);
      if (!exec_day (store, "INSERT INTO business_holidays (uuid, day, name, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4)", uuid, day, h->name, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
current_name (GestStore   *store,
              const char  *day,
              char       **out,
              GError     **error)
{
  sqlite3_stmt *stmt = gest_store_prepare_cached (store, "SELECT name FROM business_holidays "
                                                         "WHERE day = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
begin_holiday_change (GestStore    *store,
                      const GDate  *day,
                      gboolean     *own,
                      GError      **error)
{
  if (!gest_store_begin_change (store, "gest_holidays", own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_PERMISSION_DEALER_SETTINGS, error) ||
      !preload_year (store, g_date_get_year (day), error))
    {
      gest_store_end_change (store, "gest_holidays", *own, FALSE, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_business_holidays_set (GestStore    *store,
                            const GDate  *day,
                            const char   *name,
                            GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *old = NULL;
  g_autofree char *uuid = NULL;
  gboolean own = FALSE;
  gboolean ok;
  char iso[11];

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write the holiday’s name, as “Día de la Independencia”."));
      return FALSE;
    }
  day_iso (day, iso);
  if (!begin_holiday_change (store, day, &own, error))
    return FALSE;
  ok = current_name (store, iso, &old, error);
  if (ok && old != NULL)
    ok = g_str_equal (old, stripped) ||
         exec_day (store, "UPDATE business_holidays SET name = ?2, updated_at = ?3 "
                          "WHERE day = ?1 AND deleted = 0", NULL, iso, stripped, error);
  else if (ok)
    {
      uuid = gest_uuid_new ();
      ok = exec_day (store, "INSERT INTO business_holidays (uuid, day, name, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4)", uuid, iso, stripped, error);
    }
  if (!ok)
    {
      gest_store_end_change (store, "gest_holidays", own, FALSE, NULL);
      return FALSE;
    }
  return gest_store_end_change (store, "gest_holidays", own, TRUE, error);
}

gboolean
gest_business_holidays_remove (GestStore    *store,
                               const GDate  *day,
                               GError      **error)
{
  g_autofree char *old = NULL;
  gboolean own = FALSE;
  gboolean ok;
  char iso[11];

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  day_iso (day, iso);
  if (!begin_holiday_change (store, day, &own, error))
    return FALSE;
  ok = current_name (store, iso, &old, error);
  if (ok && old == NULL)
    {
      g_autofree char *shown = gest_date_format (day);

      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("%s is not a holiday of the calendar; there is nothing to remove."), shown);
      ok = FALSE;
    }
  if (ok)
    ok = exec_day (store, "UPDATE business_holidays SET deleted = 1, updated_at = ?2 "
                          "WHERE day = ?1 AND deleted = 0", NULL, iso, NULL, error);
  if (!ok)
    {
      gest_store_end_change (store, "gest_holidays", own, FALSE, NULL);
      return FALSE;
    }
  return gest_store_end_change (store, "gest_holidays", own, TRUE, error);
}
