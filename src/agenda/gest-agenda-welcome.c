/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-welcome"

#include "config.h"

#include "gest-agenda-text.h"
#include "gest-agenda-welcome.h"
#include "gest-date.h"
#include "gest-reservation.h"

void
gest_welcome_entry_free (GestWelcomeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->advisor);
  g_free (entry);
}

static int
grace_minutes (GestStore *store)
{
  g_autofree char *text = gest_store_get_setting (store, GEST_AGENDA_SETTING_GRACE);
  guint64 grace = 30;

  if (text != NULL)
    g_ascii_string_to_unsigned (text, 10, 0, 1440, &grace, NULL);
  return (int) grace;
}

GPtrArray *
gest_agenda_welcome_list (GestStore  *store,
                          gint64      now,
                          GError    **error)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_welcome_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  int now_min;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  local = g_date_time_to_timezone (at, gest_dealer_timezone ());
  today = g_date_time_format (local, "%Y-%m-%d");
  now_min = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  /* A confirmed reservation past its grace period is a no-show even before anyone marks
   * it: the panel drops it as the board moves it. */
  stmt = gest_store_prepare (store,
                             "SELECT r.starts_min, COALESCE (NULLIF (c.name, ''), r.contact_name), COALESCE (u.name, '')"
                             " FROM reservations r"
                             " LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " LEFT JOIN users u ON u.uuid = r.advisor_uuid"
                             " WHERE r.deleted = 0 AND r.day = ?1 AND r.starts_min >= ?2"
                             " AND r.state NOT IN ('refused', 'cancelled', 'no-show')"
                             " AND NOT (r.state = 'confirmed' AND r.starts_min + ?4 <= ?3)"
                             " ORDER BY r.starts_min, 2",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, now_min - GEST_AGENDA_WELCOME_PAST_MIN);
  sqlite3_bind_int (stmt, 3, now_min);
  sqlite3_bind_int (stmt, 4, grace_minutes (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestWelcomeEntry *entry = g_new0 (GestWelcomeEntry, 1);

      entry->starts_min = sqlite3_column_int (stmt, 0);
      entry->name = gest_agenda_public_name ((const char *) sqlite3_column_text (stmt, 1));
      entry->advisor = gest_agenda_first_name ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
