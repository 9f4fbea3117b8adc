/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-demo"

#include "config.h"


#include "gest-agenda-demo.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* Written straight in SQL, inside the demo's transaction (the domain functions check "not in
 * the past", which a year of history is): the capacity of every slot is kept all the same. */

typedef struct
{
  const char *login;
  const char *name;
} DemoAdvisor;

/* The demo's "asesor" (src/plans/gest-demo.c) first, then the five this module adds. */
static const DemoAdvisor advisors[] = {
  { "asesor", NULL },
  { "asesor.mruiz", "María Fernanda Ruiz Ortega" },
  { "asesor.cmendez", "Carlos Méndez Salazar" },
  { "asesor.atorres", "Ana Lucía Torres Vega" },
  { "asesor.jramirez", "Jorge Ramírez Castillo" },
  { "asesor.pgomez", "Patricia Gómez Ibarra" },
};

static const char * const notes[] = {
  "", "", "", "Revisar ruido en suspensión delantera.", "Cliente pide lavado.",
  "Trae refacción propia.", "Revisar testigo de motor.", "",
};

static const char * const kinds[] = {
  "maintenance", "maintenance", "maintenance", "repair", "diagnosis", "warranty", "field-action", "other",
};

typedef struct
{
  GestStore             *store;
  GRand                 *rand;
  GPtrArray             *advisor_uuids;   /* char * */
  GArray                *vehicles;        /* the rowids of vehicles with a customer */
  GHashTable            *taken;           /* "advisor|day|minute" → count */
  GestBusinessCalendar  *calendar;
  sqlite3_stmt          *insert;
  gint64                 now;
  char                  *today;
  int                    now_min;
} Demo;

static gboolean
add_advisors (Demo     *demo,
              guint     n_advisors,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) schedule = NULL;

  insert = gest_store_prepare (demo->store,
                               "INSERT OR IGNORE INTO users (uuid, login, name, role, email, password_hash,"
                               " active, created_at, updated_at, changed_by)"
                               " SELECT ?1, ?2, ?3, 'service-advisor', ?2 || '@agencia.example', password_hash,"
                               " 1, ?4, ?4, 'demo' FROM users WHERE login = 'asesor'", error);
  find = gest_store_prepare (demo->store, "SELECT uuid FROM users WHERE login = ?1", error);
  schedule = gest_store_prepare (demo->store,
                                 "INSERT OR IGNORE INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min,"
                                 " ends_min, break_starts_min, break_ends_min, slot_minutes, capacity, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 30, 2, ?8)", error);
  if (insert == NULL || find == NULL || schedule == NULL)
    return FALSE;
  for (guint i = 0; i < n_advisors; i++)
    {
      g_autofree char *uuid = gest_uuid_new ();
      g_autofree char *login = i < G_N_ELEMENTS (advisors) ? g_strdup (advisors[i].login)
                                                           : g_strdup_printf ("asesor%u", i + 1);
      g_autofree char *name = i < G_N_ELEMENTS (advisors) ? g_strdup (advisors[i].name)
                                                          : g_strdup_printf ("Asesor de servicio %u", i + 1);

      if (name != NULL)
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, login, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 3, name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 4, demo->now);
          if (sqlite3_step (insert) != SQLITE_DONE)
            return gest_store_set_error (demo->store, error);
        }
      sqlite3_reset (find);
      sqlite3_bind_text (find, 1, login, -1, SQLITE_STATIC);
      if (sqlite3_step (find) != SQLITE_ROW)
        continue;   /* no "asesor": a database without the demo's users */
      g_ptr_array_add (demo->advisor_uuids, g_strdup ((const char *) sqlite3_column_text (find, 0)));
      for (int weekday = 1; weekday <= 6; weekday++)
        {
          g_autofree char *row = gest_uuid_new ();

          sqlite3_reset (schedule);
          sqlite3_bind_text (schedule, 1, row, -1, SQLITE_STATIC);
          sqlite3_bind_text (schedule, 2, g_ptr_array_index (demo->advisor_uuids, demo->advisor_uuids->len - 1),
                             -1, SQLITE_STATIC);
          sqlite3_bind_int (schedule, 3, weekday);
          sqlite3_bind_int (schedule, 4, 8 * 60);
          sqlite3_bind_int (schedule, 5, weekday == 6 ? 13 * 60 : 18 * 60);
          if (weekday < 6)
            {
              sqlite3_bind_int (schedule, 6, 14 * 60);
              sqlite3_bind_int (schedule, 7, 15 * 60);
            }
          else
            {
              sqlite3_bind_null (schedule, 6);
              sqlite3_bind_null (schedule, 7);
            }
          sqlite3_bind_int64 (schedule, 8, demo->now);
          if (sqlite3_step (schedule) != SQLITE_DONE)
            return gest_store_set_error (demo->store, error);
        }
    }
  return TRUE;
}

static gboolean
load_vehicles (Demo     *demo,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (demo->store,
                        "SELECT rowid FROM vehicles WHERE customer_uuid IS NOT NULL AND deleted = 0"
                        " ORDER BY rowid LIMIT 20000", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (demo->vehicles, rowid);
    }
  return rc == SQLITE_DONE || gest_store_set_error (demo->store, error);
}

/* A free slot's minute of @advisor on @day (whose ISO weekday is @weekday), -1 when full. */
static int
free_minute (Demo        *demo,
             const char  *advisor,
             const char  *day,
             int          weekday,
             int          want)
{
  int ends = weekday == 6 ? 13 * 60 : 18 * 60;
  int n_slots = (ends - 8 * 60) / 30;
  int first = want >= 0 ? (want - 8 * 60) / 30 : g_rand_int_range (demo->rand, 0, n_slots);

  for (int i = 0; i < n_slots; i++)
    {
      int minute = 8 * 60 + ((first + i) % n_slots) * 30;
      g_autofree char *key = NULL;
      int count;

      if (weekday < 6 && minute >= 14 * 60 && minute < 15 * 60)
        continue;
      key = g_strdup_printf ("%s|%s|%d", advisor, day, minute);
      count = GPOINTER_TO_INT (g_hash_table_lookup (demo->taken, key));
      if (count < 2)
        {
          g_hash_table_replace (demo->taken, g_steal_pointer (&key), GINT_TO_POINTER (count + 1));
          return minute;
        }
    }
  return -1;
}

/* One reservation; @state chosen by the caller (consistent with the day). */
static gboolean
insert_one (Demo        *demo,
            const char  *advisor,
            const char  *day,
            int          minute,
            const char  *state,
            const char  *origin,
            const char  *confirm_by,
            GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  sqlite3_stmt *stmt = demo->insert;
  gint64 vehicle = g_array_index (demo->vehicles, gint64,
                                  g_rand_int_range (demo->rand, 0, demo->vehicles->len));
  gint64 starts_at = gest_agenda_moment (day, minute);
  gboolean past = starts_at < demo->now;
  int r = g_rand_int_range (demo->rand, 0, 100);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, vehicle);
  sqlite3_bind_text (stmt, 3, kinds[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
  if (advisor != NULL)
    sqlite3_bind_text (stmt, 4, advisor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, minute);
  sqlite3_bind_int64 (stmt, 7, starts_at);
  sqlite3_bind_text (stmt, 8, r < 60 ? "waits" : "drops-off", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, notes[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (notes))], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, origin, -1, SQLITE_STATIC);
  /* Booked one to twenty days before (a web booking: the evening before). */
  sqlite3_bind_int64 (stmt, 12, g_str_equal (origin, "web")
                                  ? MIN (demo->now, starts_at) - (gint64) g_rand_int_range (demo->rand, 1, 20) * 3600 * G_USEC_PER_SEC
                                  : starts_at - (gint64) g_rand_int_range (demo->rand, 1, 20) * 86400 * G_USEC_PER_SEC);
  if (confirm_by != NULL)
    sqlite3_bind_text (stmt, 13, confirm_by, -1, SQLITE_STATIC);
  if (g_str_equal (state, "arrived") || g_str_equal (state, "in-workshop") || g_str_equal (state, "delivered"))
    sqlite3_bind_int64 (stmt, 14, starts_at + (gint64) g_rand_int_range (demo->rand, -10, 20) * 60 * G_USEC_PER_SEC);
  if (g_str_equal (state, "no-show"))
    {
      static const char * const reasons[] = { "", "Se le olvidó", "Tuvo un imprevisto de trabajo", "No contestó" };
      static const char * const recoveries[] = { "", "accepted", "refused", "gave-up" };

      sqlite3_bind_int64 (stmt, 15, starts_at + (gint64) 45 * 60 * G_USEC_PER_SEC);
      sqlite3_bind_text (stmt, 16, reasons[r % G_N_ELEMENTS (reasons)], -1, SQLITE_STATIC);
      /* The older ones were called already; the last two weeks' are still to call. */
      sqlite3_bind_text (stmt, 17, starts_at < demo->now - (gint64) 14 * 86400 * G_USEC_PER_SEC
                                   ? recoveries[1 + (r / 4) % 3] : recoveries[(r / 4) % 2 == 0 ? 0 : 1],
                         -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_text (stmt, 16, "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 17, "", -1, SQLITE_STATIC);
    }
  if (g_str_equal (state, "refused"))
    sqlite3_bind_text (stmt, 18, "El cliente ya no puede en esa fecha", -1, SQLITE_STATIC);
  else if (g_str_equal (state, "cancelled"))
    sqlite3_bind_text (stmt, 18, "Canceló por teléfono", -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, 18, "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 19, demo->now);
  sqlite3_bind_int (stmt, 20, past ? 0 : r % 13 == 0);   /* needs an invoice */
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (demo->store, error);
  return TRUE;
}

static const char *
past_state (Demo *demo)
{
  int r = g_rand_int_range (demo->rand, 0, 100);

  return r < 84 ? "delivered" : r < 93 ? "no-show" : r < 97 ? "cancelled" : "refused";
}

/* Today: the board has every column. */
static const char *
today_state (Demo *demo,
             int   minute)
{
  int r = g_rand_int_range (demo->rand, 0, 100);

  if (minute + 90 <= demo->now_min)
    return r < 55 ? "delivered" : r < 80 ? "in-workshop" : r < 90 ? "arrived" : "no-show";
  if (minute + 30 <= demo->now_min)
    return r < 40 ? "in-workshop" : r < 80 ? "arrived" : "confirmed";
  return "confirmed";
}

static gboolean
fill_range (Demo     *demo,
            guint     n_reservations,
            int       days_back,
            int       days_ahead,
            GError  **error)
{
  GDate today, day;
  int n_days = days_back + days_ahead + 1;
  guint per_day = MAX (1, n_reservations / (guint) n_days);

  gest_date_from_iso (demo->today, &today);
  for (int d = -days_back; d <= days_ahead; d++)
    {
      char iso[11];
      int weekday;
      guint n;

      day = today;
      if (d < 0)
        g_date_subtract_days (&day, -d);
      else
        g_date_add_days (&day, d);
      weekday = g_date_get_weekday (&day);
      if (weekday == 7 || gest_business_calendar_is_holiday (demo->calendar, &day, NULL))
        continue;
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
      /* Fewer far ahead (not booked yet), about half on Saturdays (a morning). */
      n = weekday == 6 ? per_day / 2 : per_day;
      if (d > 14)
        n = n * 2 / 5;
      for (guint i = 0; i < n; i++)
        {
          const char *advisor = g_ptr_array_index (demo->advisor_uuids,
                                                   g_rand_int_range (demo->rand, 0, demo->advisor_uuids->len));
          int minute = free_minute (demo, advisor, iso, weekday, -1);
          const char *state;
          const char *origin = g_rand_int_range (demo->rand, 0, 5) == 0 ? "web" : "phone";

          if (minute < 0)
            continue;
          state = d < 0 ? past_state (demo) : d == 0 ? today_state (demo, minute) : "confirmed";
          if (g_str_equal (state, "refused"))
            origin = "web";
          if (!insert_one (demo, advisor, iso, minute, state, origin, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Web bookings to confirm today (two without advisor), one late since the last working day. */
static gboolean
fill_to_confirm (Demo     *demo,
                 GError  **error)
{
  GDate today, day, previous;
  char iso[11], late_by[11];
  int weekday;

  gest_date_from_iso (demo->today, &today);
  gest_business_calendar_previous_working_day (demo->calendar, &today, &previous);
  g_date_strftime (late_by, sizeof late_by, "%Y-%m-%d", &previous);
  day = today;
  for (int i = 0; i < 4; i++)
    {
      const char *advisor = i < 2 ? NULL : g_ptr_array_index (demo->advisor_uuids, i % demo->advisor_uuids->len);
      int minute;

      do
        {
          g_date_add_days (&day, 1);
          weekday = g_date_get_weekday (&day);
        }
      while (weekday == 7 || gest_business_calendar_is_holiday (demo->calendar, &day, NULL));
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
      minute = free_minute (demo, advisor != NULL ? advisor : "", iso, weekday, 10 * 60);
      if (minute < 0)
        continue;
      if (!insert_one (demo, advisor, iso, minute, "to-confirm", "web", i == 3 ? late_by : demo->today, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_blocks (Demo     *demo,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (demo->store,
                        "INSERT INTO agenda_blocks (uuid, advisor_uuid, day, starts_min, ends_min, reason,"
                        " created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'demo', ?7, ?7)",
                        error);
  static const struct
  {
    int         days;
    int         starts;
    int         ends;
    const char *reason;
  } blocks[] = {
    { 7, 9 * 60, 13 * 60, "Curso de capacitación Ford" },
    { 16, 8 * 60, 18 * 60, "Día de vacaciones" },
  };
  GDate today;

  if (stmt == NULL)
    return FALSE;
  gest_date_from_iso (demo->today, &today);
  for (guint i = 0; i < G_N_ELEMENTS (blocks) && demo->advisor_uuids->len > i + 1; i++)
    {
      g_autofree char *uuid = gest_uuid_new ();
      GDate day = today;
      char iso[11];

      g_date_add_days (&day, blocks[i].days);
      while (g_date_get_weekday (&day) >= 6)
        g_date_add_days (&day, 1);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
      /* Its slots taken already stay out of the block: the block is on a day not filled yet. */
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (demo->advisor_uuids, i + 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, iso, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, blocks[i].starts);
      sqlite3_bind_int (stmt, 5, blocks[i].ends);
      sqlite3_bind_text (stmt, 6, blocks[i].reason, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, demo->now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return gest_store_set_error (demo->store, error);
      /* The block's slots count as full for the reservations that follow. */
      for (int m = blocks[i].starts; m < blocks[i].ends; m += 30)
        g_hash_table_replace (demo->taken,
                              g_strdup_printf ("%s|%s|%d", (char *) g_ptr_array_index (demo->advisor_uuids, i + 1), iso, m),
                              GINT_TO_POINTER (2));
    }
  return TRUE;
}

static gboolean
run (GestStore  *store,
     guint       n_advisors,
     guint       n_reservations,
     gboolean    extras,
     GRand      *rand,
     GError    **error)
{
  Demo demo = { store, rand, NULL };
  gboolean ok = FALSE;

  demo.now = gest_timestamp_now ();
  demo.today = gest_agenda_day_of (demo.now, &demo.now_min);
  demo.advisor_uuids = g_ptr_array_new_with_free_func (g_free);
  demo.vehicles = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.calendar = gest_business_calendar_load (store, error);
  demo.insert = gest_store_prepare (store,
                                    "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km,"
                                    " service_kind, advisor_uuid, day, starts_min, starts_at, duration_min, transport,"
                                    " notes, state, origin, received_at, confirm_by, confirmed_at, arrived_at,"
                                    " no_show_at, no_show_reason, recovery, refusal_reason, test_drive, needs_invoice,"
                                    " created_by, created_at, updated_at)"
                                    " SELECT ?1, v.customer_uuid, v.uuid, v.km, ?3, ?4, ?5, ?6, ?7, 30, ?8, ?9, ?10, ?11,"
                                    " ?12, ?13, CASE WHEN ?10 NOT IN ('to-confirm', 'refused') THEN ?12 END, ?14, ?15,"
                                    " ?16, ?17, ?18, CASE WHEN v.km > 30000 AND ?10 <> 'to-confirm' THEN 'declined' ELSE '' END,"
                                    " ?20, 'demo', ?19, ?19 FROM vehicles v WHERE v.rowid = ?2", error);
  if (demo.calendar != NULL && demo.insert != NULL && add_advisors (&demo, n_advisors, error) &&
      load_vehicles (&demo, error))
    {
      if (demo.advisor_uuids->len == 0 || demo.vehicles->len == 0)
        ok = TRUE;
      else
        ok = (!extras || fill_blocks (&demo, error)) &&
             fill_range (&demo, n_reservations, 273, 91, error) &&
             (!extras || fill_to_confirm (&demo, error));
    }
  g_clear_pointer (&demo.insert, sqlite3_finalize);
  g_clear_pointer (&demo.calendar, gest_business_calendar_free);
  g_hash_table_unref (demo.taken);
  g_array_unref (demo.vehicles);
  g_ptr_array_unref (demo.advisor_uuids);
  g_free (demo.today);
  return ok;
}

gboolean
gest_agenda_demo_reservations (GestStore  *store,
                               guint       n_advisors,
                               guint       n_reservations,
                               GRand      *rand,
                               GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  return run (store, n_advisors, n_reservations, FALSE, rand, error);
}

gboolean
gest_agenda_demo_fill (GestStore  *store,
                       guint       n,
                       GRand      *rand,
                       GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  /* A year of a small dealership's appointments at the default scale, more for big demos. */
  return run (store, G_N_ELEMENTS (advisors), CLAMP (n * 10, 1500, 12000), TRUE, rand, error);
}
