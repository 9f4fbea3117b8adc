/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-board-test-util.h"
#include "gest-date.h"

static int
trace_cb (unsigned  type,
          void     *data,
          void     *stmt,
          void     *sql)
{
  g_ptr_array_add (data, g_strdup (sqlite3_sql (stmt)));
  return 0;
}

char *
agenda_test_monday (void)
{
  GDate date;

  gest_date_today (&date);
  g_date_add_days (&date, 14 - (g_date_get_weekday (&date) - G_DATE_MONDAY));
  return gest_date_to_iso (&date);
}

void
agenda_test_fill (GestStore  *store,
                  const char *monday)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO users (uuid, login, name, role, active, created_at, updated_at) VALUES"
    " ('adv-ana', 'ana.ortiz', 'Ana María Ortiz', 'service-advisor', 1, 1, 1),"
    " ('adv-luis', 'asesor', 'Luis Hernández Peña', 'service-advisor', 1, 1, 1);"
    "INSERT INTO customers (uuid, name, phone_mobile) VALUES ('cust-juan', 'Juan Pérez López', '5512345678');"
    "INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid) VALUES"
    " ('veh-juan', '1FMCU9G61KUA00001', 'Escape', 2019, 35000, 'ABC-123-D', 'cust-juan');");

  for (int weekday = 1; weekday <= 6; weekday++)
    for (guint a = 0; a < 2; a++)
      g_string_append_printf (sql,
                              "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min,"
                              " break_starts_min, break_ends_min, slot_minutes, capacity) VALUES"
                              " ('sch-%d-%u', '%s', %d, 480, %d, %s, %s, 30, 2);",
                              weekday, a, a == 0 ? "adv-ana" : "adv-luis", weekday, weekday == 6 ? 780 : 1080,
                              weekday == 6 ? "NULL" : "840", weekday == 6 ? "NULL" : "900");
  g_string_append_printf (sql,
                          "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, advisor_uuid,"
                          " day, starts_min, duration_min, state, origin, received_at, created_at, updated_at) VALUES"
                          " ('res-luis-1', 'cust-juan', 'veh-juan', 35000, 'adv-luis', '%s', 540, 30, 'confirmed', 'desk', 1, 1, 1),"
                          " ('res-luis-2', 'cust-juan', 'veh-juan', 35000, 'adv-luis', '%s', 540, 30, 'confirmed', 'phone', 1, 1, 1),"
                          " ('res-ana', 'cust-juan', 'veh-juan', 35000, 'adv-ana', '%s', 540, 30, 'confirmed', 'desk', 1, 1, 1);"
                          "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, advisor_uuid, day, starts_min,"
                          " duration_min, state, origin, contact_name, contact_phone, received_at, confirm_by,"
                          " created_at, updated_at) VALUES ('res-web', 'cust-juan', 'veh-juan', NULL, '%s', 660, 30,"
                          " 'to-confirm', 'web', 'Juan Pérez', '5512345678', 1, '%s', 1, 1);",
                          monday, monday, monday, monday, monday);
  g_assert_true (gest_store_exec (store, sql->str, &error));
  g_assert_no_error (error);
}

char *
agenda_test_where (GestStore  *store,
                   const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT coalesce (advisor_uuid, '-'), day, starts_min"
                                                            " FROM reservations WHERE uuid = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup_printf ("%s %s %d", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                          sqlite3_column_int (stmt, 2));
}

char *
agenda_test_full_message (const char *monday)
{
  g_autofree char *shown = NULL;
  GDate date;

  g_assert_true (gest_date_from_iso (monday, &date));
  shown = gest_date_format (&date);
  return g_strdup_printf ("Luis Hernández Peña already has 2 appointments at 09:00 on %s, the capacity of the"
                          " slot (2): choose another time or advisor.", shown);
}

void
agenda_test_record_statements (GestStore *store,
                               GPtrArray *statements)
{
  if (statements != NULL)
    sqlite3_trace_v2 (gest_store_get_db (store), SQLITE_TRACE_STMT, trace_cb, statements);
  else
    sqlite3_trace_v2 (gest_store_get_db (store), 0, NULL, NULL);
}
