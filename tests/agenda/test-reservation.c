/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-activity-log.h"
#include "gest-agenda-workflow.h"
#include "gest-business-calendar-store.h"
#include "gest-campaign.h"
#include "gest-date.h"
#include "gest-test-util.h"

static char *
shown (const char *iso)
{
  GDate date;

  g_assert_true (gest_date_from_iso (iso, &date));
  return gest_date_format (&date);
}

/* S12: a slot takes its capacity (2) of reservations starting in it, whatever their minute;
 * the third is refused saying whose slot, how many and what to do. */
static void
test_slot_capacity_refused (AgendaFixture *f,
                            gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *day = shown (monday);
  g_autofree char *a = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *b = agenda_book (f->store, "adv-luis", monday, 9 * 60 + 10);
  g_autofree char *expected = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autoptr(GError) error = NULL;

  c = agenda_try_book (f->store, "veh-2", "adv-luis", monday, 9 * 60 + 20, &error);
  g_assert_null (c);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  expected = g_strdup_printf ("Luis Hernández Peña already has 2 appointments at 09:00 on %s, the capacity of the"
                              " slot (2): choose another time or advisor.", day);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM reservations"), ==, 2);

  /* The next slot, and another advisor's same slot, have room. */
  d = agenda_book (f->store, "adv-luis", monday, 9 * 60 + 30);
  e = agenda_book (f->store, "adv-maria", monday, 9 * 60);
  g_assert_nonnull (d);
  g_assert_nonnull (e);
}

/* S12: refused, cancelled and stored no-shows leave their place in the slot. */
static void
test_slot_counted_states (AgendaFixture *f,
                          gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *a = agenda_book (f->store, "adv-luis", monday, 10 * 60);
  g_autofree char *b = agenda_book (f->store, "adv-luis", monday, 10 * 60);
  g_autofree char *c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_reservation_cancel (f->store, a, "El cliente llamó para cancelar", &error));
  g_assert_no_error (error);
  c = agenda_book (f->store, "adv-luis", monday, 10 * 60);
  g_assert_nonnull (c);
}

static void
assert_refused (AgendaFixture *f,
                const char    *advisor,
                const char    *day,
                int            minute,
                int            code,
                const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = agenda_try_book (f->store, NULL, advisor, day, minute, &error);

  g_assert_null (uuid);
  g_assert_error (error, GEST_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* S12: outside the hours, in the break, on a day without hours, in the past. */
static void
test_slot_conflicts (AgendaFixture *f,
                     gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *saturday = agenda_add_days (monday, 5);
  g_autofree char *sunday = agenda_add_days (monday, 6);
  g_autofree char *saturday_shown = shown (saturday);
  g_autofree char *yesterday = NULL;
  g_autofree char *yesterday_shown = NULL;
  g_autofree char *message = NULL;
  GDate today;

  assert_refused (f, "adv-luis", monday, 7 * 60 + 30, GEST_ERROR_INVALID,
                  "Luis Hernández Peña works from 08:00 to 18:00 on Mondays, not at 07:30: choose a time in those hours.");
  assert_refused (f, "adv-luis", monday, 18 * 60, GEST_ERROR_INVALID,
                  "Luis Hernández Peña works from 08:00 to 18:00 on Mondays, not at 18:00: choose a time in those hours.");
  assert_refused (f, "adv-luis", saturday, 13 * 60, GEST_ERROR_INVALID,
                  "Luis Hernández Peña works from 08:00 to 13:00 on Saturdays, not at 13:00: choose a time in those hours.");
  assert_refused (f, "adv-maria", monday, 14 * 60 + 30, GEST_ERROR_INVALID,
                  "14:30 is in María Ruiz Ortega’s break (14:00 to 15:00): choose another time.");
  assert_refused (f, "adv-luis", sunday, 10 * 60, GEST_ERROR_INVALID,
                  "Luis Hernández Peña does not work on Sundays: choose another day or advisor.");
  g_free (agenda_book (f->store, "adv-luis", saturday, 12 * 60 + 30));
  (void) saturday_shown;

  gest_date_today (&today);
  g_date_subtract_days (&today, 1);
  yesterday = gest_date_to_iso (&today);
  yesterday_shown = gest_date_format (&today);
  message = g_strdup_printf ("%s at 10:00 is in the past: choose a later day or time.", yesterday_shown);
  assert_refused (f, "adv-luis", yesterday, 10 * 60, GEST_ERROR_INVALID, message);
}

/* S12: a holiday of the business calendar closes the agenda. */
static void
test_slot_holiday (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 2);
  g_autofree char *tuesday = agenda_add_days (monday, 1);
  g_autofree char *day = shown (tuesday);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_date_from_iso (tuesday, &date));
  g_assert_true (gest_business_holidays_set (f->store, &date, "Aniversario de la agencia", &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  message = g_strdup_printf ("%s is a holiday (Aniversario de la agencia): the dealership is closed. Choose another day.", day);
  assert_refused (f, "adv-luis", tuesday, 10 * 60, GEST_ERROR_INVALID, message);
}

/* S12: blocked time refuses with its reason; blocking over reservations is refused naming them. */
static void
test_slot_blocked (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *day = shown (monday);
  g_autofree char *block = NULL;
  g_autofree char *message = NULL;
  g_autofree char *booked = NULL;
  g_autoptr(GError) error = NULL;

  block = gest_agenda_block_add (f->store, "adv-luis", monday, 9 * 60, 11 * 60, "Curso Ford", &error);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  block = gest_agenda_block_add (f->store, "adv-luis", monday, 9 * 60, 11 * 60, "Curso Ford", &error);
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  message = g_strdup_printf ("Luis Hernández Peña’s time is blocked from 09:00 to 11:00 on %s (Curso Ford): choose"
                             " another time or advisor.", day);
  assert_refused (f, "adv-luis", monday, 10 * 60 + 30, GEST_ERROR_INVALID, message);

  booked = agenda_book (f->store, "adv-luis", monday, 12 * 60);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  g_clear_pointer (&message, g_free);
  g_assert_null (gest_agenda_block_add (f->store, "adv-luis", monday, 11 * 60, 13 * 60, "Junta", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  message = g_strdup_printf ("Luis Hernández Peña has appointments from 11:00 to 13:00 on %s (12:00 Ana Ruiz Soto):"
                             " move them first, then block the time.", day);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_true (gest_agenda_block_remove (f->store, block, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  g_free (agenda_book (f->store, "adv-luis", monday, 10 * 60 + 30));
}

/* S12: a move to a full slot is refused with the same words; a move with room is logged. */
static void
test_move (AgendaFixture *f,
           gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *tuesday = agenda_add_days (monday, 1);
  g_autofree char *day = shown (tuesday);
  g_autofree char *a = agenda_book (f->store, "adv-maria", tuesday, 11 * 60);
  g_autofree char *b = agenda_book (f->store, "adv-maria", tuesday, 11 * 60);
  g_autofree char *c = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *expected = NULL;
  g_autoptr(GestReservation) moved = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_reservation_move (f->store, c, "adv-maria", tuesday, 11 * 60 + 15, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  expected = g_strdup_printf ("María Ruiz Ortega already has 2 appointments at 11:00 on %s, the capacity of the"
                              " slot (2): choose another time or advisor.", day);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (gest_reservation_move (f->store, c, "adv-maria", tuesday, 11 * 60 + 30, &error));
  g_assert_no_error (error);
  moved = gest_reservation_load (f->store, c, &error);
  g_assert_cmpstr (moved->advisor_uuid, ==, "adv-maria");
  g_assert_cmpstr (moved->day, ==, tuesday);
  g_assert_cmpint (moved->starts_min, ==, 11 * 60 + 30);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity = 'reservation'"),
                   >=, 4);
  log = gest_activity_log_list (f->store, c, &error);
  g_assert_cmpuint (log->len, ==, 2);

  /* Moving within its own full slot keeps its place (it does not count itself). */
  g_assert_true (gest_reservation_move (f->store, a, "adv-maria", tuesday, 11 * 60 + 10, &error));
  g_assert_no_error (error);
}

/* S12: the day's board moves one step, back one step to undo; the rest is refused naming the
 * allowed moves. */
static void
test_states (AgendaFixture *f,
             gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *uuid = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  g_assert_false (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_DELIVERED, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "An appointment “Confirmed” cannot go to “Delivered”: it can go to “To confirm”, “Arrived” or “No-show”.");
  g_clear_error (&error);
  g_assert_true (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_ARRIVED, &error));
  g_assert_true (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_IN_WORKSHOP, &error));
  g_assert_true (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_ARRIVED, &error));
  g_assert_true (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_IN_WORKSHOP, &error));
  g_assert_true (gest_reservation_set_state (f->store, uuid, GEST_RESERVATION_DELIVERED, &error));
  g_assert_no_error (error);
  state = agenda_state_of (f->store, uuid);
  g_assert_cmpstr (state, ==, "delivered");
  g_assert_false (gest_reservation_move (f->store, uuid, "adv-luis", monday, 10 * 60, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The appointment is “Delivered”: only one to confirm or confirmed can be changed or moved. Book a new one instead.");
}

/* Roles: an advisor does not book; marks the arrival of their own only. */
static void
test_permissions (AgendaFixture *f,
                  gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *mine = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *theirs = agenda_book (f->store, "adv-maria", monday, 9 * 60);
  g_autoptr(GestUser) luis = gest_user_new ("adv-luis", "asesor", "Luis Hernández Peña", GEST_ROLE_SERVICE_ADVISOR);
  g_autoptr(GError) error = NULL;

  gest_store_set_user (f->store, luis);
  g_assert_null (agenda_try_book (f->store, NULL, "adv-luis", monday, 10 * 60, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (gest_reservation_arrive (f->store, theirs, 0, 0, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "This appointment is María Ruiz Ortega’s: an advisor marks only their own appointments. Ask the service coordinator.");
  g_clear_error (&error);
  g_assert_true (gest_reservation_arrive (f->store, mine, 0, 36000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT km FROM vehicles WHERE uuid = 'veh-1'"), ==, 36000);
}

/* S10: the test drive is offered when booked over 30,000 km, not at 30,000. */
static void
test_test_drive_offer (AgendaFixture *f,
                       gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  GestReservationValues values = { "cust-2", "veh-2", 30000, "maintenance", "adv-luis", monday, 9 * 60, 0, "waits", "", FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *at_limit = gest_reservation_create (f->store, "desk", &values, &error);
  g_autofree char *over = NULL;
  g_autoptr(GestReservation) r1 = NULL;
  g_autoptr(GestReservation) r2 = NULL;

  g_assert_no_error (error);
  values.mileage_km = 30001;
  over = gest_reservation_create (f->store, "desk", &values, &error);
  g_assert_no_error (error);
  r1 = gest_reservation_load (f->store, at_limit, &error);
  r2 = gest_reservation_load (f->store, over, &error);
  g_assert_cmpstr (r1->test_drive, ==, "");
  g_assert_cmpstr (r2->test_drive, ==, "offered");
  g_assert_cmpint (r2->duration_min, ==, 30);
  g_assert_cmpstr (r2->vehicle_label, ==, "Ranger 2022 · XYZ-987-A");

  /* Less than the last known mileage is refused. */
  values.mileage_km = 100;
  g_assert_null (gest_reservation_create (f->store, "desk", &values, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
}

/* S8: the range's reservations carry their vehicle's open field actions, counted in the one
 * query as the campaigns module counts them: an open one counts; one closed out (stage 4) or
 * of a closed or deleted campaign does not; a vehicle without any has none. */
static void
test_list_range_open_actions (AgendaFixture *f,
                              gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *a = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *b = agenda_try_book (f->store, "veh-2", "adv-maria", monday, 9 * 60, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (b);
  agenda_exec (f->store,
               "INSERT INTO campaigns (uuid, code, kind, description, created_at, closed_at, deleted) VALUES"
               " ('k-open', '24S12', 'safety-recall', 'Inflador', 1, NULL, 0),"
               " ('k-open2', '23B05', 'satisfaction', 'Software', 1, NULL, 0),"
               " ('k-closed', '22E01', 'emissions', 'Sensor', 1, 5, 0),"
               " ('k-gone', '21X01', 'satisfaction', 'Borrada', 1, NULL, 1);"
               "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, imported_at) VALUES"
               " ('cv-1', 'k-open', 'veh-1', 1, 1, 1), ('cv-2', 'k-open2', 'veh-1', 4, 1, 1),"
               " ('cv-3', 'k-closed', 'veh-1', 0, 1, 1), ('cv-4', 'k-gone', 'veh-1', 0, 1, 1);");
  list = gest_reservations_list_range (f->store, monday, monday, gest_timestamp_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      GestReservation *r = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) open = gest_campaign_open_actions_for_vehicle (f->store, r->vehicle_uuid, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (r->n_open_actions, ==, g_str_equal (r->vehicle_uuid, "veh-1") ? 1 : 0);
      g_assert_cmpuint (r->n_open_actions, ==, open->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, AgendaFixture, NULL, agenda_fixture_setup, fn, agenda_fixture_teardown)
  ADD ("/agenda/S12/slot-capacity-refused", test_slot_capacity_refused);
  ADD ("/agenda/S12/slot-counted-states", test_slot_counted_states);
  ADD ("/agenda/S12/slot-conflicts", test_slot_conflicts);
  ADD ("/agenda/S12/slot-holiday", test_slot_holiday);
  ADD ("/agenda/S12/slot-blocked", test_slot_blocked);
  ADD ("/agenda/S12/move", test_move);
  ADD ("/agenda/S12/states", test_states);
  ADD ("/agenda/S12/permissions", test_permissions);
  ADD ("/agenda/S10/test-drive-offer-boundary", test_test_drive_offer);
  ADD ("/agenda/S8/list-range-open-actions", test_list_range_open_actions);
#undef ADD

  return g_test_run ();
}
