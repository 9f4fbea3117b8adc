/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "gest-agenda-schedule.h"
#include "gest-agenda-web.h"
#include "gest-date.h"
#include "gest-reservation.h"

/* The desktop's half of the web bookings (S7): the free places of each slot time of the next
 * GEST_AGENDA_WEB_DAYS days, summed over the advisors (capacity minus what is taken, none in
 * the break or blocked time), minus the web bookings of that time not yet given an advisor
 * (they hold a place of nobody's column), with the day's confirm-by days and the cutoff.
 *
 * One row per calendar day with a uuid made from the day (00000000-0000-4000-8000-0000YYYYMMDD),
 * so two desktops publishing the same day write the same record: the server and the other
 * desktops see one row per day. A row is written only when what it says changed; the
 * outbox triggers of data/sql/0018-agenda.sql send it to the server. Publishing is derived
 * data, not a user's change: no permission and no activity entry of its own (it runs inside
 * the change that caused it, whose permission was checked). */

#define DEFAULT_CUTOFF_MIN (17 * 60)

static char *
day_uuid (const char *day)
{
  return g_strdup_printf ("00000000-0000-4000-8000-0000%.4s%.2s%.2s", day, day + 5, day + 8);
}

/* agenda.confirm_cutoff "17:00" as minutes; the default when unset or unreadable. */
static int
cutoff_minutes (GestStore *store)
{
  g_autofree char *text = gest_store_get_setting (store, GEST_AGENDA_SETTING_CONFIRM_HOUR);
  int h = -1, m = -1;

  if (text == NULL || sscanf (text, "%d:%d", &h, &m) != 2 || h < 0 || h > 24 || m < 0 || m > 59
      || h * 60 + m > 1440)
    return DEFAULT_CUTOFF_MIN;
  return h * 60 + m;
}

/* The moment @day @minute in @tz, in µs. */
static gint64
moment (GTimeZone  *tz,
        const GDate *day,
        int          minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), minute / 60, minute % 60, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gconstpointer *) a);
  int y = GPOINTER_TO_INT (*(gconstpointer *) b);

  return (x > y) - (x < y);
}

/* The web bookings of [@from, @to] without an advisor, by "day minute". */
static GHashTable *
unassigned_counts (GestStore   *store,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT day, starts_min, count(*) FROM reservations"
                        " WHERE deleted = 0 AND advisor_uuid IS NULL AND day BETWEEN ?1 AND ?2"
                        " AND state NOT IN ('refused', 'cancelled', 'no-show')"
                        " GROUP BY day, starts_min", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts,
                         g_strdup_printf ("%s %d", (const char *) sqlite3_column_text (stmt, 0),
                                          sqlite3_column_int (stmt, 1)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/* [{"t":"09:00","free":2},…] of one day's advisors' slots. */
static char *
slots_json (const char *day,
            GPtrArray  *slots,
            GHashTable *unassigned)
{
  g_autoptr(GHashTable) free_by_min = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) minutes = g_ptr_array_new ();
  GString *json = g_string_new ("[");

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const GestAgendaSlot *slot = g_ptr_array_index (slots, i);
      gpointer key = GINT_TO_POINTER (slot->starts_min + 1);   /* 0 is NULL */
      gpointer old;

      if (slot->blocked)
        continue;
      if (!g_hash_table_lookup_extended (free_by_min, key, NULL, &old))
        {
          old = GINT_TO_POINTER (0);
          g_ptr_array_add (minutes, GINT_TO_POINTER (slot->starts_min));
        }
      g_hash_table_insert (free_by_min, key,
                           GINT_TO_POINTER (GPOINTER_TO_INT (old) + MAX (slot->capacity - slot->taken, 0)));
    }
  g_ptr_array_sort (minutes, compare_int);
  for (guint i = 0; i < minutes->len; i++)
    {
      int minute = GPOINTER_TO_INT (g_ptr_array_index (minutes, i));
      g_autofree char *key = g_strdup_printf ("%s %d", day, minute);
      int free = GPOINTER_TO_INT (g_hash_table_lookup (free_by_min, GINT_TO_POINTER (minute + 1)))
                 - GPOINTER_TO_INT (g_hash_table_lookup (unassigned, key));

      g_string_append_printf (json, "%s{\"t\":\"%02d:%02d\",\"free\":%d}", i > 0 ? "," : "",
                              minute / 60, minute % 60, MAX (free, 0));
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Writes the day's row when it differs from the stored one; *out_written tells. */
static gboolean
write_day (GestStore   *store,
           const char  *day,
           const char  *slots,
           const char  *tz,
           int          cutoff,
           const char  *before,
           const char  *after,
           gboolean    *out_written,
           GError     **error)
{
  g_autofree char *uuid = day_uuid (day);
  g_autoptr(sqlite3_stmt) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = g_get_real_time ();
  int rc;

  *out_written = FALSE;
  old = gest_store_prepare (store,
                            "SELECT 1 FROM agenda_web_days WHERE uuid = ?1 AND deleted = 0 AND day = ?2"
                            " AND slots = ?3 AND tz = ?4 AND cutoff_min = ?5 AND confirm_before = ?6"
                            " AND confirm_after = ?7", error);
  if (old == NULL)
    return FALSE;
  sqlite3_bind_text (old, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (old, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (old, 3, slots, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (old, 4, tz, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (old, 5, cutoff);
  sqlite3_bind_text (old, 6, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (old, 7, after, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (old);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);

  /* Another row of the same day (written before day uuids, or by hand) gives way. */
  stmt = gest_store_prepare (store,
                             "UPDATE agenda_web_days SET deleted = 1, updated_at = ?3"
                             " WHERE day = ?1 AND uuid <> ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = gest_store_prepare (store,
                             "INSERT INTO agenda_web_days (uuid, day, slots, tz, cutoff_min, confirm_before,"
                             " confirm_after, published_at, updated_at, deleted)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 0)"
                             " ON CONFLICT (uuid) DO UPDATE SET day = excluded.day, slots = excluded.slots,"
                             " tz = excluded.tz, cutoff_min = excluded.cutoff_min,"
                             " confirm_before = excluded.confirm_before, confirm_after = excluded.confirm_after,"
                             " published_at = excluded.published_at, updated_at = excluded.updated_at, deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, slots, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, tz, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, cutoff);
  sqlite3_bind_text (stmt, 6, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, after, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  *out_written = TRUE;
  return TRUE;
}

static gboolean
publish (GestStore   *store,
         const GDate *from,
         guint        n_days,
         guint       *out_n,
         GError     **error)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GHashTable) slots = NULL;
  g_autoptr(GHashTable) unassigned = NULL;
  g_autofree char *from_day = gest_date_to_iso (from);
  g_autofree char *to_day = NULL;
  const char *tz_name = g_time_zone_get_identifier (tz);
  int cutoff = cutoff_minutes (store);
  GDate to = *from;
  GDate day = *from;

  g_date_add_days (&to, n_days - 1);
  to_day = gest_date_to_iso (&to);
  slots = gest_agenda_slots_range (store, from_day, to_day, error);
  if (slots == NULL)
    return FALSE;
  unassigned = unassigned_counts (store, from_day, to_day, error);
  if (unassigned == NULL)
    return FALSE;

  for (guint i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *iso = gest_date_to_iso (&day);
      g_autofree char *json = slots_json (iso, g_hash_table_lookup (slots, iso), unassigned);
      /* Received that day before the cutoff (its first minute), and after it (its last). */
      g_autofree char *before = gest_reservation_confirm_by (store, moment (tz, &day, 0), cutoff);
      g_autofree char *after = gest_reservation_confirm_by (store, moment (tz, &day, 1439), cutoff);
      gboolean written = FALSE;

      if (!write_day (store, iso, json, tz_name, cutoff, before, after, &written, error))
        return FALSE;
      if (written && out_n != NULL)
        (*out_n)++;
    }
  return TRUE;
}

gboolean
gest_agenda_web_publish (GestStore   *store,
                         const char  *from_day,
                         guint       *out_n,
                         GError     **error)
{
  GDate from;
  GDate today;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (out_n != NULL)
    *out_n = 0;
  /* The window starts today: a day before it is never offered again. */
  gest_date_today (&today);
  if (from_day == NULL || !gest_date_from_iso (from_day, &from) || g_date_compare (&from, &today) < 0)
    from = today;
  /* Every day from @from_day to the window's end (a change of a schedule changes the days
   * after it); unchanged rows are not written. */
  if (g_date_days_between (&today, &from) >= GEST_AGENDA_WEB_DAYS)
    return TRUE;
  if (!gest_store_begin_change (store, "agenda_web_publish", &own, error))
    return FALSE;
  ok = publish (store, &from, GEST_AGENDA_WEB_DAYS - g_date_days_between (&today, &from), out_n, error);
  return gest_store_end_change (store, "agenda_web_publish", own, ok, error);
}
