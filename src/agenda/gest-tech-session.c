/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tech-session"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-tech-session.h"

#define PERMISSION_SESSIONS "agenda.sessions"

#define SETTING_START   "agenda.sessions_start"
#define SETTING_END     "agenda.sessions_end"
#define SETTING_MINUTES "agenda.sessions_minutes"

typedef struct
{
  int starts_min;
  int ends_min;
  int minutes;
} SessionHours;

/* "09:00" → 540; @fallback when unset or malformed. */
static int
setting_minutes_of_day (GestStore  *store,
                        const char *key,
                        int         fallback)
{
  g_autofree char *text = gest_store_get_setting (store, key);
  guint hours, minutes;

  if (text == NULL || sscanf (text, "%u:%u", &hours, &minutes) != 2 || hours > 24 || minutes > 59 ||
      hours * 60 + minutes > 1440)
    return fallback;
  return hours * 60 + minutes;
}

static void
session_hours (GestStore    *store,
               SessionHours *out)
{
  g_autofree char *minutes = gest_store_get_setting (store, SETTING_MINUTES);
  gint64 value = minutes != NULL ? g_ascii_strtoll (minutes, NULL, 10) : 0;

  out->starts_min = setting_minutes_of_day (store, SETTING_START, 9 * 60);
  out->ends_min = setting_minutes_of_day (store, SETTING_END, 18 * 60);
  out->minutes = value >= 5 && value <= 240 ? (int) value : 30;
  if (out->ends_min <= out->starts_min)
    out->ends_min = out->starts_min + out->minutes;
}

static char *
format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* The moment @day @minutes in the dealer's time zone, unix µs; 0 for a malformed day. */
static gint64
moment_of (const char *day,
           int         minutes)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) at = NULL;
  GDate date;

  if (day == NULL || !gest_date_from_iso (day, &date))
    return 0;
  at = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), minutes / 60, minutes % 60, 0);
  return at != NULL ? g_date_time_to_unix (at) * G_USEC_PER_SEC : 0;
}

static gboolean
check_slot (GestStore   *store,
            const char  *day,
            int          starts_min,
            const char  *ignore_uuid,
            GError     **error)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *time = format_time (starts_min);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *shown_day = NULL;
  SessionHours hours;
  GDate date;

  if (day == NULL || !gest_date_from_iso (day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the day of the technology session."));
      return FALSE;
    }
  shown_day = gest_date_format (&date);
  session_hours (store, &hours);
  first = format_time (hours.starts_min);
  last = format_time (hours.ends_min);
  if (starts_min < hours.starts_min || starts_min + hours.minutes > hours.ends_min ||
      (starts_min - hours.starts_min) % hours.minutes != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s is not a session time: the technology sessions are every %d minutes from %s to %s. "
                     "Choose one of the free times."),
                   time, hours.minutes, first, last);
      return FALSE;
    }
  calendar = gest_business_calendar_load (store, error);
  if (calendar == NULL)
    return FALSE;
  if (!gest_business_calendar_is_working_day (calendar, &date))
    {
      const char *holiday = NULL;

      if (gest_business_calendar_is_holiday (calendar, &date, &holiday))
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("%s is a holiday (%s): there are no technology sessions. Choose another day."),
                     shown_day, holiday);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("%s is not a working day: there are no technology sessions. Choose another day."),
                     shown_day);
      return FALSE;
    }
  if (moment_of (day, starts_min) < gest_timestamp_now ())
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s at %s has passed: choose a time still to come."), shown_day, time);
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT customer_name FROM tech_sessions WHERE day = ?1 AND starts_min = ?2"
                             " AND deleted = 0 AND state <> 'cancelled' AND uuid IS NOT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, starts_min);
  sqlite3_bind_text (stmt, 3, ignore_uuid, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   _("The technology session of %s at %s is taken by %s: choose another free time."),
                   shown_day, time, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return gest_store_set_error (store, error);
    }
}

typedef struct
{
  char *customer_uuid;
  char *customer_name;
  char *vehicle_type;
  char *model;
} SessionParty;

static void
session_party_clear (SessionParty *party)
{
  g_free (party->customer_uuid);
  g_free (party->customer_name);
  g_free (party->vehicle_type);
  g_free (party->model);
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

/* The customer and vehicle of reservation @uuid, where the caller gave none. */
static gboolean
party_from_reservation (GestStore    *store,
                        const char   *uuid,
                        SessionParty *party,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT r.customer_uuid, coalesce (c.name, r.contact_name),"
                        " trim (coalesce (v.model, '') || ' ' || CASE WHEN coalesce (v.year, 0) > 0 THEN v.year ELSE '' END)"
                        " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                        " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                        " WHERE r.uuid = ?1 AND r.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The reservation is not in the database any more: book the session on its own."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  if (party->customer_uuid == NULL || *party->customer_uuid == '\0')
    replace_str (&party->customer_uuid, (const char *) sqlite3_column_text (stmt, 0));
  if (party->customer_name == NULL || *party->customer_name == '\0')
    replace_str (&party->customer_name, (const char *) sqlite3_column_text (stmt, 1));
  if (party->model == NULL || *party->model == '\0')
    replace_str (&party->model, (const char *) sqlite3_column_text (stmt, 2));
  return TRUE;
}

static gboolean
customer_name_of (GestStore    *store,
                  SessionParty *party,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store, "SELECT name FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, party->customer_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The customer is not in the database: choose the customer again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  if (party->customer_name == NULL || *party->customer_name == '\0')
    replace_str (&party->customer_name, (const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
session_book (GestStore    *store,
              const char   *uuid,
              const char   *day,
              int           starts_min,
              SessionParty *party,
              const char   *reservation_uuid,
              GError      **error)
{
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *time = format_time (starts_min);
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SessionHours hours;
  gint64 now = gest_timestamp_now ();
  GDate date;

  if (!gest_store_check_permission (store, PERMISSION_SESSIONS, error))
    return FALSE;
  if (reservation_uuid != NULL && *reservation_uuid != '\0' &&
      !party_from_reservation (store, reservation_uuid, party, error))
    return FALSE;
  if (party->customer_uuid != NULL && *party->customer_uuid != '\0' &&
      !customer_name_of (store, party, error))
    return FALSE;
  g_strstrip (party->customer_name);
  if (*party->customer_name == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the customer’s name for the technology session."));
      return FALSE;
    }
  if (!check_slot (store, day, starts_min, NULL, error))
    return FALSE;
  session_hours (store, &hours);
  stmt = gest_store_prepare (store,
                             "INSERT INTO tech_sessions (uuid, day, starts_min, duration_min, customer_uuid,"
                             " customer_name, vehicle_type, model, reservation_uuid, state, created_by,"
                             " created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'booked', ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, starts_min);
  sqlite3_bind_int (stmt, 4, hours.minutes);
  sqlite3_bind_text (stmt, 5, party->customer_uuid != NULL && *party->customer_uuid != '\0' ? party->customer_uuid : NULL,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, party->customer_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, party->vehicle_type != NULL ? g_strstrip (party->vehicle_type) : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, party->model != NULL ? g_strstrip (party->model) : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, reservation_uuid != NULL && *reservation_uuid != '\0' ? reservation_uuid : NULL,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, user != NULL ? user : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  gest_date_from_iso (day, &date);
  {
    g_autofree char *shown = gest_date_format (&date);

    text = g_strdup_printf (_("Technology session booked for %s on %s at %s"), party->customer_name, shown, time);
  }
  if (gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) < 0)
    return FALSE;
  if (reservation_uuid != NULL && *reservation_uuid != '\0' &&
      gest_activity_log_append (store, reservation_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) < 0)
    return FALSE;
  return TRUE;
}

char *
gest_tech_session_book (GestStore   *store,
                        const char  *day,
                        int          starts_min,
                        const char  *customer_uuid,
                        const char  *customer_name,
                        const char  *vehicle_type,
                        const char  *model,
                        const char  *reservation_uuid,
                        GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  SessionParty party = {
    g_strdup (customer_uuid), g_strdup (customer_name != NULL ? customer_name : ""),
    g_strdup (vehicle_type), g_strdup (model),
  };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (!gest_store_begin_change (store, "gest_tech_session_book", &own, error))
    {
      session_party_clear (&party);
      return NULL;
    }
  ok = session_book (store, uuid, day, starts_min, &party, reservation_uuid, error);
  session_party_clear (&party);
  if (!gest_store_end_change (store, "gest_tech_session_book", own, ok, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "booked") == 0)
    return _("Booked");
  if (g_strcmp0 (state, "held") == 0)
    return _("Held");
  if (g_strcmp0 (state, "missed") == 0)
    return _("Missed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  return NULL;
}

static gboolean
session_set_state (GestStore   *store,
                   const char  *uuid,
                   const char  *state,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  int starts_min;
  gint64 updated_at;
  int rc;

  if (!gest_store_check_permission (store, PERMISSION_SESSIONS, error))
    return FALSE;
  if (state_label (state) == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a state of a technology session: booked, held, missed or cancelled."),
                   state != NULL ? state : "");
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT state, day, starts_min, updated_at FROM tech_sessions"
                             " WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The technology session is not in the database any more: refresh the list."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  current = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  starts_min = sqlite3_column_int (stmt, 2);
  updated_at = sqlite3_column_int64 (stmt, 3);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (g_strcmp0 (current, state) == 0)
    return TRUE;
  /* A session is held or missed once its time came; back to booked undoes a mistake, and a
   * cancelled one is booked again only while its slot is free. */
  if ((g_strcmp0 (state, "held") == 0 || g_strcmp0 (state, "missed") == 0) &&
      moment_of (day, starts_min) > gest_timestamp_now ())
    {
      g_autofree char *time = format_time (starts_min);

      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The session at %s has not started yet: mark it held or missed once its time has come."),
                   time);
      return FALSE;
    }
  if (g_strcmp0 (current, "cancelled") == 0 && g_strcmp0 (state, "booked") == 0 &&
      !check_slot (store, day, starts_min, uuid, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "UPDATE tech_sessions SET state = ?2, updated_at = ?3"
                             " WHERE uuid = ?1 AND updated_at = ?4 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, MAX (gest_timestamp_now (), updated_at + 1));
  sqlite3_bind_int64 (stmt, 4, updated_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   _("Someone changed this technology session meanwhile: look at it again."));
      return FALSE;
    }
  text = g_strdup_printf (_("Technology session: %s → %s"), state_label (current), state_label (state));
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_tech_session_set_state (GestStore   *store,
                             const char  *uuid,
                             const char  *state,
                             GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_tech_session_set_state", &own, error))
    return FALSE;
  ok = session_set_state (store, uuid, state, error);
  return gest_store_end_change (store, "gest_tech_session_set_state", own, ok, error);
}

void
gest_tech_session_free (GestTechSession *session)
{
  if (session == NULL)
    return;
  g_free (session->uuid);
  g_free (session->day);
  g_free (session->customer_uuid);
  g_free (session->customer_name);
  g_free (session->vehicle_type);
  g_free (session->model);
  g_free (session->reservation_uuid);
  g_free (session->state);
  g_free (session);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
gest_tech_sessions_day (GestStore   *store,
                        const char  *day,
                        GError     **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_tech_session_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = gest_store_prepare (store,
                             "SELECT uuid, day, starts_min, duration_min, customer_uuid, customer_name,"
                             " vehicle_type, model, reservation_uuid, state FROM tech_sessions"
                             " WHERE day = ?1 AND deleted = 0 ORDER BY starts_min, state = 'cancelled', created_at",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestTechSession *session = g_new0 (GestTechSession, 1);

      session->uuid = column_dup (stmt, 0);
      session->day = column_dup (stmt, 1);
      session->starts_min = sqlite3_column_int (stmt, 2);
      session->duration_min = sqlite3_column_int (stmt, 3);
      session->customer_uuid = column_dup (stmt, 4);
      session->customer_name = column_dup (stmt, 5);
      session->vehicle_type = column_dup (stmt, 6);
      session->model = column_dup (stmt, 7);
      session->reservation_uuid = column_dup (stmt, 8);
      session->state = column_dup (stmt, 9);
      g_ptr_array_add (sessions, session);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&sessions);
}

GArray *
gest_tech_sessions_free (GestStore   *store,
                         const char  *day,
                         GError     **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SessionHours hours;
  GDate date;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (day == NULL || !gest_date_from_iso (day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the day of the technology session."));
      return NULL;
    }
  calendar = gest_business_calendar_load (store, error);
  if (calendar == NULL)
    return NULL;
  if (!gest_business_calendar_is_working_day (calendar, &date))
    return g_steal_pointer (&slots);
  stmt = gest_store_prepare (store,
                             "SELECT starts_min FROM tech_sessions WHERE day = ?1 AND deleted = 0"
                             " AND state <> 'cancelled'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (taken, GINT_TO_POINTER (sqlite3_column_int (stmt, 0) + 1));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  session_hours (store, &hours);
  for (int m = hours.starts_min; m + hours.minutes <= hours.ends_min; m += hours.minutes)
    if (!g_hash_table_contains (taken, GINT_TO_POINTER (m + 1)))
      g_array_append_val (slots, m);
  return g_steal_pointer (&slots);
}
