/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S4, S8 (#14): the month's lapsed-maintenance list is the cohort of the month six months
 * before: at month and year boundaries (31 December / 1 January), a visit on the last day of
 * the cohort month, 31-day against 30-day months; excluded the vehicles in the workshop and
 * those that came early; open field actions flagged; the derived vehicle_service_state kept by
 * triggers on insert, update and delete. No display. */
#include "config.h"

#include <locale.h>

#include "gest-service-visit-private.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

/* Adds vehicle @n (veh-@n, its own customer) with one visit of @kind opened on @day. */
static void
add_vehicle_visit (GestStore  *store,
                   int         n,
                   const char *kind,
                   const char *day,
                   gboolean    open)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO customers (uuid, name) VALUES ('c-%d', 'Cliente %03d');"
                     "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                     " ('v-%d', 'VIN%014d', 'Escape', 2021, 'c-%d');"
                     "INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, closed_on, kind, created_at)"
                     " VALUES ('sv-%d', 'v-%d', '%s', %s, '%s', 0);",
                     n, n, n, n, n, n, n, day, open ? "NULL" : "'2000-01-01'", kind);

  /* closed_on is only read as "open or not" by the rule. */
  retention_exec (store, sql);
}

static void
add_visit (GestStore  *store,
           const char *uuid,
           int         vehicle,
           const char *kind,
           const char *day,
           gboolean    open)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, closed_on, kind, created_at)"
                     " VALUES ('%s', 'v-%d', '%s', %s, '%s', 0);",
                     uuid, vehicle, day, open ? "NULL" : "'2000-01-01'", kind);

  retention_exec (store, sql);
}

/* The VINs of the list of @month_day's month, space-separated, in its order. */
static char *
list_vins (GestStore  *store,
           const char *month_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gest_lapsed_maintenance_list (store, month_day, NULL, &error);
  g_autoptr(GString) vins = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      GestLapsedVehicle *vehicle = g_ptr_array_index (list, i);

      g_string_append_printf (vins, "%s%s", i > 0 ? " " : "", vehicle->vehicle_uuid);
    }
  return g_string_free (g_steal_pointer (&vins), FALSE);
}

static void
assert_cohort (const char *month_day,
               const char *from,
               const char *to)
{
  g_autofree char *out_from = NULL;
  g_autofree char *out_to = NULL;

  g_assert_true (gest_lapsed_cohort (month_day, &out_from, &out_to));
  g_assert_cmpstr (out_from, ==, from);
  g_assert_cmpstr (out_to, ==, to);
}

static void
test_cohort_boundaries (void)
{
  assert_cohort ("2026-12-31", "2026-06-01", "2026-07-01");
  assert_cohort ("2027-01-01", "2026-07-01", "2026-08-01");
  assert_cohort ("2026-12-01", "2026-06-01", "2026-07-01");
  assert_cohort ("2026-08-31", "2026-02-01", "2026-03-01");
  assert_cohort ("2027-02-28", "2026-08-01", "2026-09-01");
  assert_cohort ("2026-06-15", "2025-12-01", "2026-01-01");
}

/* 31 December and 1 January: a visit on the last day of the cohort month belongs to its
 * month's list, the first day of the next month's cohort to the next list. */
static void
test_month_boundaries (RetentionFixture *f,
                       gconstpointer     data)
{
  g_autofree char *december = NULL;
  g_autofree char *january = NULL;

  add_vehicle_visit (f->store, 1, "maintenance", "2026-06-30", FALSE);
  add_vehicle_visit (f->store, 2, "maintenance", "2026-07-01", FALSE);
  add_vehicle_visit (f->store, 3, "delivery", "2026-06-01", FALSE);
  add_vehicle_visit (f->store, 4, "maintenance", "2026-05-31", FALSE);
  december = list_vins (f->store, "2026-12-31");
  january = list_vins (f->store, "2027-01-01");
  g_assert_cmpstr (december, ==, "v-3 v-1");
  g_assert_cmpstr (january, ==, "v-2");
}

/* A 31-day month's last day (31 May, 31 August) lapses with its own month, six months later,
 * never spilling into the next list (31 May + 6 months is no 31 November). */
static void
test_31_day_months (RetentionFixture *f,
                    gconstpointer     data)
{
  g_autofree char *november = NULL;
  g_autofree char *december = NULL;
  g_autofree char *february = NULL;
  g_autofree char *march = NULL;

  add_vehicle_visit (f->store, 1, "maintenance", "2026-05-31", FALSE);
  add_vehicle_visit (f->store, 2, "maintenance", "2026-08-31", FALSE);
  add_vehicle_visit (f->store, 3, "maintenance", "2026-09-30", FALSE);
  november = list_vins (f->store, "2026-11-30");
  december = list_vins (f->store, "2026-12-01");
  february = list_vins (f->store, "2027-02-28");
  march = list_vins (f->store, "2027-03-31");
  g_assert_cmpstr (november, ==, "v-1");
  g_assert_cmpstr (december, ==, "");
  g_assert_cmpstr (february, ==, "v-2");
  g_assert_cmpstr (march, ==, "v-3");
}

/* In the workshop now: out. Came early (a maintenance visit after, even in the list's month):
 * out. A repair is no maintenance: still lapsed. Closing the open visit brings it back. */
static void
test_exclusions (RetentionFixture *f,
                 gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *deleted = NULL;

  add_vehicle_visit (f->store, 1, "maintenance", "2026-06-10", FALSE);
  add_vehicle_visit (f->store, 2, "maintenance", "2026-06-11", FALSE);
  add_visit (f->store, "sv-2b", 2, "repair", "2026-12-01", TRUE);
  add_vehicle_visit (f->store, 3, "maintenance", "2026-06-12", FALSE);
  add_visit (f->store, "sv-3b", 3, "maintenance", "2026-12-02", FALSE);
  add_vehicle_visit (f->store, 4, "maintenance", "2026-06-13", FALSE);
  add_visit (f->store, "sv-4b", 4, "repair", "2026-09-02", FALSE);
  add_vehicle_visit (f->store, 5, "maintenance", "2026-06-14", FALSE);
  add_visit (f->store, "sv-5b", 5, "maintenance", "2026-10-20", FALSE);
  before = list_vins (f->store, "2026-12-15");
  g_assert_cmpstr (before, ==, "v-1 v-4");
  /* The vehicle leaves the workshop: it is lapsed again. */
  retention_exec (f->store, "UPDATE service_visits SET closed_on = '2026-12-03' WHERE uuid = 'sv-2b'");
  after = list_vins (f->store, "2026-12-15");
  g_assert_cmpstr (after, ==, "v-1 v-2 v-4");
  /* The early visit deleted (a DMS correction): back in the list. */
  retention_exec (f->store, "UPDATE service_visits SET deleted = 1 WHERE uuid = 'sv-3b';"
                            "DELETE FROM service_visits WHERE uuid = 'sv-5b'");
  deleted = list_vins (f->store, "2026-12-15");
  g_assert_cmpstr (deleted, ==, "v-1 v-2 v-3 v-4 v-5");
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count (*) FROM vehicle_service_state WHERE last_maintenance_uuid = 'sv-3'"),
                   ==, 1);
  (void) error;
}

/* S8: the list flags the vehicle's open field actions (not the closed-out ones, not those of a
 * closed campaign), and the data-use rule's mark. */
static void
test_flags_field_actions (RetentionFixture *f,
                          gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GestLapsedVehicle *first, *second;

  add_vehicle_visit (f->store, 1, "maintenance", "2026-06-10", FALSE);
  add_vehicle_visit (f->store, 2, "maintenance", "2026-06-11", FALSE);
  retention_exec (f->store,
                  "INSERT INTO campaigns (uuid, code, kind, description, created_at) VALUES"
                  " ('cmp-1', '24S12', 'safety-recall', 'Bolsa de aire', 0),"
                  " ('cmp-2', '23B05', 'satisfaction', 'Módulo de radio', 0),"
                  " ('cmp-3', '22E01', 'emissions', 'Sensor', 0);"
                  "UPDATE campaigns SET closed_at = 1 WHERE uuid = 'cmp-3';"
                  "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since,"
                  " imported_at) VALUES ('cv-1', 'cmp-1', 'v-1', 1, 0, 0), ('cv-2', 'cmp-2', 'v-1', 0, 0, 0),"
                  " ('cv-3', 'cmp-3', 'v-1', 1, 0, 0), ('cv-4', 'cmp-1', 'v-2', 4, 0, 0);"
                  "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, campaign_uuid, created_at)"
                  " VALUES ('o-1', 'c-2', 'recall-list', 'cmp-1', 0);");
  list = gest_lapsed_maintenance_list (f->store, "2026-12-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  second = g_ptr_array_index (list, 1);
  g_assert_cmpstr (first->vehicle_uuid, ==, "v-1");
  g_assert_cmpuint (first->n_open_field_actions, ==, 2);
  g_assert_false (first->recall_only_contact);
  g_assert_cmpstr (first->vehicle_text, ==, "Escape 2021");
  g_assert_cmpstr (first->customer_name, ==, "Cliente 001");
  g_assert_cmpstr (first->last_maintenance_on, ==, "2026-06-10");
  g_assert_cmpuint (second->n_open_field_actions, ==, 0);
  g_assert_true (second->recall_only_contact);
}

static void
test_bad_month (RetentionFixture *f,
                gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gest_lapsed_maintenance_list (f->store, "2026-13-01", NULL, &error);

  g_assert_null (list);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“2026-13-01” is not a day of a month: write it as dd/mm/yyyy.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, RetentionFixture, NULL, retention_fixture_setup, func, retention_fixture_teardown)
  g_test_add_func ("/retention/S4/cohort-is-the-month-six-months-before", test_cohort_boundaries);
  ADD ("/retention/S4/31-december-1-january-last-day-of-cohort", test_month_boundaries);
  ADD ("/retention/S4/31-day-and-30-day-months", test_31_day_months);
  ADD ("/retention/S4/excludes-in-workshop-and-came-early", test_exclusions);
  ADD ("/retention/S4/S8/flags-open-field-actions", test_flags_field_actions);
  ADD ("/retention/S4/bad-month", test_bad_month);
  return g_test_run ();
}
