/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-demo"

#include "config.h"

#include "gest-business-calendar.h"
#include "gest-contact-cadence.h"
#include "gest-contact-letter.h"
#include "gest-contact-queue.h"
#include "gest-date.h"
#include "gest-retention-demo.h"
#include "gest-service-visit.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)
/* The demo's visits: enough for lists and a month of calls, not the million vehicles a big
 * demo has (the benchmark asks gest_retention_demo_visits() for those). */
#define DEMO_MAX_VEHICLES 3000

gboolean
gest_retention_demo_visits (GestStore  *store,
                            guint       n_vehicles,
                            guint       visits_per_vehicle,
                            GRand      *rand,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) vehicles = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now = g_get_real_time ();
  guint ro = 0;
  GDate today;
  int rc;

  gest_date_today (&today);
  vehicles = gest_store_prepare (store,
                                 "SELECT uuid FROM vehicles WHERE deleted = 0 ORDER BY rowid LIMIT ?1",
                                 error);
  insert = gest_store_prepare (store,
                               "INSERT INTO service_visits (uuid, vehicle_uuid, ro_number, opened_on,"
                               " closed_on, km, kind, source, created_by, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'dms', 'DMS', ?8, ?8)", error);
  if (vehicles == NULL || insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (vehicles, 1, n_vehicles);
  while ((rc = sqlite3_step (vehicles)) == SQLITE_ROW)
    {
      const char *vehicle = (const char *) sqlite3_column_text (vehicles, 0);
      guint n_visits = 1 + g_rand_int_range (rand, 0, MAX (1, 2 * visits_per_vehicle - 1));
      /* Spaced about six months apart, the last one some days to a year ago. */
      int last_age = g_rand_int_range (rand, 0, 365);
      GDate day = today;
      guint km = 0;
      gboolean in_workshop = g_rand_int_range (rand, 0, 100) < 3;

      g_date_subtract_days (&day, last_age + (n_visits - 1) * 182);
      for (guint i = 0; i < n_visits; i++)
        {
          char uuid[37];
          char ro_number[24];
          char opened[11];
          char closed[11];
          GDate close_day;
          gboolean open;
          GestVisitKind kind;

          if (g_date_compare (&day, &today) > 0)
            break;
          kind = i == 0 ? GEST_VISIT_DELIVERY
               : g_rand_int_range (rand, 0, 10) == 0 ? GEST_VISIT_REPAIR : GEST_VISIT_MAINTENANCE;
          open = in_workshop && i == n_visits - 1;
          close_day = day;
          g_date_add_days (&close_day, g_rand_int_range (rand, 0, 3));
          if (g_date_compare (&close_day, &today) > 0)
            close_day = today;
          g_date_strftime (opened, sizeof opened, "%Y-%m-%d", &day);
          g_date_strftime (closed, sizeof closed, "%Y-%m-%d", &close_day);
          g_snprintf (ro_number, sizeof ro_number, "OR-%07u", ++ro);
          {
            g_autofree char *id = gest_uuid_new ();

            g_strlcpy (uuid, id, sizeof uuid);
          }
          sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, vehicle, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 3, ro_number, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 4, opened, -1, SQLITE_STATIC);
          if (open)
            sqlite3_bind_null (insert, 5);
          else
            sqlite3_bind_text (insert, 5, closed, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 6, km);
          sqlite3_bind_text (insert, 7, gest_visit_kind_id (kind), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 8, now);
          if (sqlite3_step (insert) != SQLITE_DONE)
            return gest_store_set_error (store, error);
          sqlite3_reset (insert);
          km += 6000 + g_rand_int_range (rand, 0, 4000);
          g_date_add_days (&day, 182 + g_rand_int_range (rand, -20, 21));
        }
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

static gboolean
demo_followups (GestStore  *store,
                GRand      *rand,
                GError    **error)
{
  static const char * const parts[] = {
    "Balatas delanteras en pedido", "Amortiguadores traseros en pedido", "Sensor de oxígeno en pedido",
  };
  static const char * const quotes[] = {
    "Cambio de llantas cotizado y no autorizado", "Afinación mayor cotizada en la hoja multipuntos",
    "Cambio de banda de distribución cotizado",
  };
  g_autoptr(sqlite3_stmt) pick = gest_store_prepare (store,
                                                     "SELECT v.uuid, v.customer_uuid FROM vehicles v"
                                                     " WHERE v.deleted = 0 AND v.customer_uuid IS NOT NULL"
                                                     " ORDER BY v.rowid LIMIT 24 OFFSET 7", error);
  g_autoptr(sqlite3_stmt) insert = gest_store_prepare (store,
                                                       "INSERT INTO service_followups (uuid, customer_uuid,"
                                                       " vehicle_uuid, kind, detail, call_on, parts_ready,"
                                                       " created_by, created_at, updated_at)"
                                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'Demo', ?8, ?8)",
                                                       error);
  gint64 now = g_get_real_time ();
  guint i = 0;
  int rc;

  if (pick == NULL || insert == NULL)
    return FALSE;
  while ((rc = sqlite3_step (pick)) == SQLITE_ROW)
    {
      g_autofree char *uuid = gest_uuid_new ();
      g_autofree char *day = NULL;
      gboolean is_parts = i % 2 == 0;
      GDate date;

      gest_date_today (&date);
      if (i % 3 == 0)
        g_date_add_days (&date, 1 + i % 5);
      else
        g_date_subtract_days (&date, i % 4);
      day = gest_date_to_iso (&date);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, (const char *) sqlite3_column_text (pick, 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, (const char *) sqlite3_column_text (pick, 0), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, is_parts ? "parts" : "quote", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, is_parts ? parts[i % G_N_ELEMENTS (parts)] : quotes[i % G_N_ELEMENTS (quotes)],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, day, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 7, is_parts && g_rand_boolean (rand) ? 1 : 0);
      sqlite3_bind_int64 (insert, 8, now);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return gest_store_set_error (store, error);
      sqlite3_reset (insert);
      i++;
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

typedef struct
{
  GestStore    *store;
  sqlite3_stmt *target;
  sqlite3_stmt *call;
  char         *user_uuid;
  char         *user_name;
  GestBusinessCalendar *calendar;
} Calls;

/* One call of the demo, at @at; the number is the customer's. */
static gboolean
add_call (Calls            *calls,
          const char       *target_uuid,
          gint64            at,
          const char       *phone,
          GestCallOutcome   outcome,
          gboolean          counted,
          GError          **error)
{
  g_autofree char *uuid = gest_uuid_new ();

  sqlite3_bind_text (calls->call, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (calls->call, 2, target_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (calls->call, 3, at);
  sqlite3_bind_text (calls->call, 4, calls->user_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (calls->call, 5, calls->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (calls->call, 6, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (calls->call, 7, gest_call_outcome_id (outcome), -1, SQLITE_STATIC);
  if (outcome == GEST_CALL_CALL_BACK)
    sqlite3_bind_int64 (calls->call, 8, at + DAY_USEC);
  else
    sqlite3_bind_null (calls->call, 8);
  sqlite3_bind_int (calls->call, 9, gest_contact_band_of (at));
  sqlite3_bind_int (calls->call, 10, counted ? 1 : 0);
  if (sqlite3_step (calls->call) != SQLITE_DONE)
    return gest_store_set_error (calls->store, error);
  sqlite3_reset (calls->call);
  return TRUE;
}

/* A month of calls by the service coordinator on the current lapsed list: every outcome, and
 * some targets at five failures (five working days, a band further each day) with letters. */
static gboolean
demo_calls (GestStore  *store,
            GRand      *rand,
            GError    **error)
{
  static const GestCallOutcome finals[] = {
    GEST_CALL_CONTACTED, GEST_CALL_BOOKED, GEST_CALL_REFUSED, GEST_CALL_CALL_BACK,
  };
  g_autofree char *today = NULL;
  g_autoptr(sqlite3_stmt) records = NULL;
  g_autoptr(sqlite3_stmt) user = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  Calls calls = { store };
  GDate date;
  gint64 now = g_get_real_time ();
  guint i = 0;
  gboolean ok = FALSE;
  int rc;

  gest_date_today (&date);
  today = gest_date_to_iso (&date);
  user = gest_store_prepare (store, "SELECT uuid, name FROM users WHERE login = 'coordinador.servicio'"
                             " AND deleted = 0", error);
  if (user == NULL)
    return FALSE;
  if (sqlite3_step (user) != SQLITE_ROW)
    return TRUE;   /* no demo coordinator: no calls */
  calls.user_uuid = g_strdup ((const char *) sqlite3_column_text (user, 0));
  calls.user_name = g_strdup ((const char *) sqlite3_column_text (user, 1));
  calls.calendar = gest_business_calendar_new (NULL);
  records = gest_store_prepare (store,
                                "SELECT s.last_maintenance_uuid, v.customer_uuid, v.uuid,"
                                " coalesce (nullif (c.phone_mobile, ''), nullif (c.phone_home, ''), '5500000000')"
                                " FROM vehicle_service_state s JOIN vehicles v ON v.uuid = s.vehicle_uuid"
                                " JOIN customers c ON c.uuid = v.customer_uuid"
                                " WHERE s.in_workshop = 0 AND s.last_maintenance_on >= date (?1, 'start of month', '-6 months')"
                                " AND s.last_maintenance_on < date (?1, 'start of month', '-5 months')"
                                " ORDER BY s.last_maintenance_on LIMIT 60", error);
  calls.target = gest_store_prepare (store,
                                     "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid,"
                                     " vehicle_uuid, opened_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  update = gest_store_prepare (store,
                               "UPDATE contact_targets SET state = ?2, attempts = ?3, next_attempt_at = ?4,"
                               " closed_at = ?5 WHERE uuid = ?1", error);
  calls.call = gest_store_prepare (store,
                                   "INSERT INTO contact_calls (uuid, target_uuid, at, user_uuid, user_name,"
                                   " number_dialled, outcome, call_back_at, band, counted, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?3)", error);
  if (records == NULL || calls.target == NULL || update == NULL || calls.call == NULL)
    goto out;
  sqlite3_bind_text (records, 1, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (records)) == SQLITE_ROW)
    {
      const char *record = (const char *) sqlite3_column_text (records, 0);
      const char *phone = (const char *) sqlite3_column_text (records, 3);
      g_autofree char *target = gest_contact_target_uuid (GEST_RETENTION_SOURCE_LAPSED, record);
      /* Failed attempts before the last call: five for every fourth target (the letter). */
      guint failures = i % 4 == 0 ? GEST_CONTACT_ATTEMPTS : (guint) g_rand_int_range (rand, 0, 4);
      GestCallOutcome last = finals[(i + i / 4) % G_N_ELEMENTS (finals)];
      gint64 at = now - (gint64) (25 - i % 20) * DAY_USEC;
      gint64 next = 0, closed = 0;
      GestContactBand band = i % GEST_N_CONTACT_BANDS;
      GDate day;
      const char *state;

      sqlite3_bind_text (calls.target, 1, target, -1, SQLITE_STATIC);
      sqlite3_bind_text (calls.target, 2, GEST_RETENTION_SOURCE_LAPSED, -1, SQLITE_STATIC);
      sqlite3_bind_text (calls.target, 3, record, -1, SQLITE_STATIC);
      sqlite3_bind_text (calls.target, 4, (const char *) sqlite3_column_text (records, 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (calls.target, 5, (const char *) sqlite3_column_text (records, 2), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (calls.target, 6, now - 25 * DAY_USEC);
      sqlite3_bind_int64 (calls.target, 7, now);
      if (sqlite3_step (calls.target) != SQLITE_DONE)
        {
          gest_store_set_error (store, error);
          goto out;
        }
      sqlite3_reset (calls.target);
      gest_business_calendar_day_of (calls.calendar, at, &day);
      at = gest_contact_cadence_band_start (calls.calendar, &day, band) + (gint64) 40 * 60 * G_USEC_PER_SEC;
      for (guint k = 0; k < failures; k++)
        {
          if (!add_call (&calls, target, at, phone, k % 2 ? GEST_CALL_NO_ANSWER : GEST_CALL_WRONG_NUMBER,
                         TRUE, error))
            goto out;
          band = gest_contact_band_of (at);
          if (k + 1 < failures)
            at = gest_contact_cadence_next_attempt (calls.calendar, at, band) + (gint64) 40 * 60 * G_USEC_PER_SEC;
        }
      if (failures == GEST_CONTACT_ATTEMPTS)
        state = "letter", closed = at;
      else
        {
          if (failures > 0)
            at = gest_contact_cadence_next_attempt (calls.calendar, at, band) + (gint64) 40 * 60 * G_USEC_PER_SEC;
          if (at > now)
            state = "open", next = at;
          else
            {
              if (!add_call (&calls, target, at, phone, last, FALSE, error))
                goto out;
              state = last == GEST_CALL_CALL_BACK ? "open" : gest_call_outcome_id (last);
              if (last == GEST_CALL_CALL_BACK)
                next = at + DAY_USEC;
              else
                closed = at;
            }
        }
      sqlite3_bind_text (update, 1, target, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, state, -1, SQLITE_STATIC);
      sqlite3_bind_int (update, 3, failures);
      if (next > 0)
        sqlite3_bind_int64 (update, 4, next);
      else
        sqlite3_bind_null (update, 4);
      if (closed > 0)
        sqlite3_bind_int64 (update, 5, closed);
      else
        sqlite3_bind_null (update, 5);
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          gest_store_set_error (store, error);
          goto out;
        }
      sqlite3_reset (update);
      if (failures == GEST_CONTACT_ATTEMPTS && !gest_contact_letter_create (store, target, closed, error))
        goto out;
      i++;
    }
  ok = rc == SQLITE_DONE || gest_store_set_error (store, error);

out:
  g_clear_pointer (&calls.target, sqlite3_finalize);
  g_clear_pointer (&calls.call, sqlite3_finalize);
  g_free (calls.user_uuid);
  g_free (calls.user_name);
  g_clear_pointer (&calls.calendar, gest_business_calendar_free);
  return ok;
}

gboolean
gest_retention_demo_fill (GestStore  *store,
                          guint       n,
                          GRand      *rand,
                          GError    **error)
{
  return gest_retention_demo_visits (store, MIN (n, DEMO_MAX_VEHICLES), 4, rand, error) &&
         demo_followups (store, rand, error) &&
         demo_calls (store, rand, error);
}
