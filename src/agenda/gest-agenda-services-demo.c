/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-services-demo"

#include "config.h"

#include "gest-agenda-services-demo.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)

static const char * const vehicle_types[] = { "SUV", "Pickup", "Sedán", "Hatchback" };
static const char * const interests[] = {
  "Territory 2025", "Bronco Sport 2025", "Maverick 2025", "Escape Híbrida 2025", "Ranger 2025", "Mustang Mach-E 2025",
};

static gint64
moment_of (const GDate *day,
           int          minutes)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                                             minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

static gboolean
fill_sessions (GestStore  *store,
               guint       n,
               GRand      *rand,
               GError    **error)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, error);
  g_autoptr(sqlite3_stmt) customers = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now = g_get_real_time ();
  guint per_day = CLAMP (n / 200, 2, 8);
  GDate today, day;

  if (calendar == NULL)
    return FALSE;
  customers = gest_store_prepare (store,
                                  "SELECT c.uuid, c.name, trim (v.model || ' ' || v.year) FROM customers c"
                                  " JOIN vehicles v ON v.customer_uuid = c.uuid AND v.deleted = 0"
                                  " WHERE c.deleted = 0 ORDER BY c.rowid LIMIT 200", error);
  insert = gest_store_prepare (store,
                               "INSERT INTO tech_sessions (uuid, day, starts_min, duration_min, customer_uuid,"
                               " customer_name, vehicle_type, model, state, created_by, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, 30, ?4, ?5, ?6, ?7, ?8, 'Demo', ?9, ?9)", error);
  if (customers == NULL || insert == NULL)
    return FALSE;
  gest_date_today (&today);
  day = today;
  g_date_subtract_days (&day, 30);
  for (int i = 0; i <= 44; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *iso = NULL;
      guint used = 0;

      if (!gest_business_calendar_is_working_day (calendar, &day))
        continue;
      iso = gest_date_to_iso (&day);
      for (guint s = 0; s < per_day; s++)
        {
          int slot = g_rand_int_range (rand, 0, 18);
          g_autofree char *uuid = NULL;
          const char *state;
          int rc;

          if (used & (1u << slot))
            continue;
          used |= 1u << slot;
          rc = sqlite3_step (customers);
          if (rc != SQLITE_ROW)
            {
              sqlite3_reset (customers);
              rc = sqlite3_step (customers);
            }
          if (rc != SQLITE_ROW)
            return TRUE;   /* no customers with vehicles: no sessions */
          if (moment_of (&day, 9 * 60 + slot * 30) > now)
            state = "booked";
          else
            state = g_rand_int_range (rand, 0, 6) == 0 ? "missed" : "held";
          uuid = gest_uuid_new ();
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 2, iso, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (insert, 3, 9 * 60 + slot * 30);
          sqlite3_bind_text (insert, 4, (const char *) sqlite3_column_text (customers, 0), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 5, (const char *) sqlite3_column_text (customers, 1), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 6, vehicle_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (vehicle_types))], -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (insert, 7, (const char *) sqlite3_column_text (customers, 2), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 8, state, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 9, moment_of (&day, 8 * 60) - 3 * DAY_USEC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            return gest_store_set_error (store, error);
        }
    }
  return TRUE;
}

/* One in three reservations offered a test drive accepted it: a lead for sales (the
 * reservations' demo may have written every answer as declined; the answers of the last four
 * months and the months ahead are decided here, which keeps the default demo quick). */
static gboolean
fill_leads (GestStore  *store,
            GRand      *rand,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) offered = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) answer = NULL;
  gint64 now = g_get_real_time ();
  int rc;

  offered = gest_store_prepare (store,
                                "SELECT r.uuid, r.customer_uuid, coalesce (c.name, r.contact_name),"
                                " coalesce (nullif (c.phone_mobile, ''), r.contact_phone),"
                                " trim (coalesce (v.model, '') || ' ' || coalesce (v.year, '')), r.mileage_km, r.day,"
                                " r.starts_min FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                                " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                                " WHERE r.deleted = 0 AND r.mileage_km > 30000 AND r.test_drive IN ('offered', 'declined')"
                                " AND r.state NOT IN ('refused', 'cancelled') AND r.day >= date ('now', '-120 days')"
                                " ORDER BY r.day, r.starts_min"
                                " LIMIT 3000", error);
  insert = gest_store_prepare (store,
                               "INSERT INTO test_drive_leads (uuid, reservation_uuid, customer_uuid, name, phone,"
                               " current_vehicle, vehicle_of_interest, appointment_at, outcome, outcome_by, outcome_at,"
                               " created_by, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'Demo', ?12, ?12)", error);
  answer = gest_store_prepare (store, "UPDATE reservations SET test_drive = ?2 WHERE uuid = ?1", error);
  if (offered == NULL || insert == NULL || answer == NULL)
    return FALSE;
  while ((rc = sqlite3_step (offered)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (offered, 0);
      gboolean accepted = g_rand_int_range (rand, 0, 3) == 0;
      GDate day;
      gint64 booked_at, appointment;

      if (!gest_date_from_iso ((const char *) sqlite3_column_text (offered, 6), &day))
        continue;
      booked_at = moment_of (&day, sqlite3_column_int (offered, 7));
      /* Offers of reservations still to come wait for the customer's answer at the counter. */
      if (booked_at > now && g_rand_int_range (rand, 0, 2) == 0)
        continue;
      sqlite3_reset (answer);
      sqlite3_bind_text (answer, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (answer, 2, accepted ? "accepted" : "declined", -1, SQLITE_STATIC);
      if (sqlite3_step (answer) != SQLITE_DONE)
        return gest_store_set_error (store, error);
      if (!accepted)
        continue;
      {
        g_autofree char *lead = gest_uuid_new ();
        g_autofree char *current = g_strdup_printf ("%s · %d km", (const char *) sqlite3_column_text (offered, 4),
                                                    sqlite3_column_int (offered, 5));
        const char *outcome = "open";

        appointment = booked_at + g_rand_int_range (rand, 1, 6) * DAY_USEC;
        if (appointment < now)
          {
            static const char * const outcomes[] = { "test-driven", "sold", "not-interested", "no-answer", "test-driven" };

            outcome = outcomes[g_rand_int_range (rand, 0, G_N_ELEMENTS (outcomes))];
          }
        sqlite3_reset (insert);
        sqlite3_bind_text (insert, 1, lead, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 2, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 3, (const char *) sqlite3_column_text (offered, 1), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 4, (const char *) sqlite3_column_text (offered, 2), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 5, (const char *) sqlite3_column_text (offered, 3), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 6, current, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 7, interests[g_rand_int_range (rand, 0, G_N_ELEMENTS (interests))], -1, SQLITE_STATIC);
        sqlite3_bind_int64 (insert, 8, appointment);
        sqlite3_bind_text (insert, 9, outcome, -1, SQLITE_STATIC);
        if (g_str_equal (outcome, "open"))
          {
            sqlite3_bind_null (insert, 10);
            sqlite3_bind_null (insert, 11);
          }
        else
          {
            sqlite3_bind_text (insert, 10, "Ricardo Luna Ibarra", -1, SQLITE_STATIC);
            sqlite3_bind_int64 (insert, 11, appointment + DAY_USEC / 4);
          }
        sqlite3_bind_int64 (insert, 12, booked_at);
        if (sqlite3_step (insert) != SQLITE_DONE)
          return gest_store_set_error (store, error);
      }
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

gboolean
gest_agenda_services_demo_fill (GestStore  *store,
                                guint       n,
                                GRand      *rand,
                                GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  /* Most customers with an RFC have their regime and use; the rest are left for the counter
   * to ask (their reservation's "needs invoice" then asks for them). */
  if (!gest_store_exec (store,
                        "UPDATE customers SET"
                        " fiscal_regime = CASE WHEN rfc IN ('XAXX010101000', 'XEXX010101000') THEN '616'"
                        "   WHEN length (rfc) = 12 THEN '601' WHEN rowid % 3 = 0 THEN '605' ELSE '612' END,"
                        " cfdi_use = CASE WHEN rfc IN ('XAXX010101000', 'XEXX010101000') THEN 'S01'"
                        "   WHEN length (rfc) = 12 THEN 'G03' WHEN rowid % 3 = 0 THEN 'D01' ELSE 'G03' END,"
                        " fiscal_postal_code = CASE WHEN fiscal_postal_code = '' THEN postal_code ELSE fiscal_postal_code END"
                        " WHERE deleted = 0 AND length (rfc) IN (12, 13) AND rowid % 10 <> 0"
                        /* A company whose name carries its legal form is not as the SAT has it. */
                        " AND NOT (length (rfc) = 12 AND (name LIKE '%S.A.%' OR name LIKE '%S. de R.L.%'"
                        "   OR name LIKE '%S.C.' OR name LIKE '%A.C.' OR name LIKE '%S.A.P.I.%'))", error))
    return FALSE;
  return fill_sessions (store, n, rand, error) && fill_leads (store, rand, error);
}
