/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-date.h"
#include "gest-test-util.h"

static GestReservation *
find (GPtrArray  *list,
      const char *uuid)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((GestReservation *) g_ptr_array_index (list, i))->uuid, uuid))
      return g_ptr_array_index (list, i);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
derived_no_show (GestStore  *store,
                 const char *day,
                 const char *uuid,
                 gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gest_reservations_list_range (store, day, day, now, &error);

  g_assert_no_error (error);
  return find (list, uuid)->is_no_show;
}

/* S14: a confirmed reservation not arrived is a no-show from start + grace (30 minutes by
 * default, the setting otherwise), derived without a write; marking it before is refused. */
static void
test_grace_period (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *day = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uuid = agenda_book (f->store, "adv-luis", monday, 10 * 60);
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (gest_date_from_iso (monday, &date));
  day = gest_date_format (&date);
  g_assert_false (derived_no_show (f->store, monday, uuid, agenda_at (monday, 10 * 60 + 29)));
  g_assert_true (derived_no_show (f->store, monday, uuid, agenda_at (monday, 10 * 60 + 30)));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM reservations WHERE state = 'no-show'"), ==, 0);

  g_assert_false (gest_reservation_no_show (f->store, uuid, "", agenda_at (monday, 10 * 60 + 29), &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  expected = g_strdup_printf ("The customer may still arrive: wait until 10:30 on %s, the end of the 30-minute grace"
                              " period, before marking a no-show.", day);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Another grace period in the settings. */
  g_assert_true (gest_store_set_setting (f->store, "agenda.no_show_grace_minutes", "15", &error));
  g_assert_true (derived_no_show (f->store, monday, uuid, agenda_at (monday, 10 * 60 + 15)));
  g_assert_true (gest_reservation_no_show (f->store, uuid, "No contestó", agenda_at (monday, 10 * 60 + 15), &error));
  g_assert_no_error (error);
  state = agenda_state_of (f->store, uuid);
  g_assert_cmpstr (state, ==, "no-show");
}

/* S14: a customer who came after the grace period still arrives, and leaves the no-shows. */
static void
test_late_arrival (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *uuid = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autoptr(GError) error = NULL;

  g_assert_true (derived_no_show (f->store, monday, uuid, agenda_at (monday, 10 * 60)));
  g_assert_true (gest_reservation_arrive (f->store, uuid, agenda_at (monday, 10 * 60), 0, &error));
  g_assert_no_error (error);
  g_assert_false (derived_no_show (f->store, monday, uuid, agenda_at (monday, 10 * 60 + 5)));
}

/* S14: a no-show rebooked by phone: a new reservation (origin no-show-call, rescheduled_from
 * the old one), the old one's recovery accepted; only once. */
static void
test_reschedule (AgendaFixture *f,
                 gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *next = agenda_add_days (monday, 7);
  g_autofree char *uuid = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *new_uuid = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GestReservation) old = NULL;
  g_autoptr(GestReservation) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GestReservationValues values = { NULL, NULL, 0, "maintenance", "adv-maria", next, 11 * 60, 0, "drops-off", "", FALSE };

  /* Not a no-show yet. */
  g_assert_null (gest_reservation_reschedule (f->store, uuid, &values, "Se le olvidó", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The appointment is “Confirmed”: only a no-show or a refused booking is rescheduled. Move it instead.");
  g_clear_error (&error);

  g_assert_true (gest_reservation_no_show (f->store, uuid, "", agenda_at (monday, 9 * 60 + 30), &error));
  new_uuid = gest_reservation_reschedule (f->store, uuid, &values, "Se le olvidó", &error);
  g_assert_no_error (error);
  old = gest_reservation_load (f->store, uuid, &error);
  fresh = gest_reservation_load (f->store, new_uuid, &error);
  g_assert_cmpstr (old->recovery, ==, "accepted");
  g_assert_cmpstr (old->no_show_reason, ==, "Se le olvidó");
  g_assert_cmpstr (fresh->origin, ==, "no-show-call");
  g_assert_cmpstr (fresh->rescheduled_from, ==, uuid);
  g_assert_cmpstr (fresh->customer_uuid, ==, "cust-1");
  g_assert_cmpstr (fresh->advisor_uuid, ==, "adv-maria");
  g_assert_cmpint (fresh->state, ==, GEST_RESERVATION_CONFIRMED);

  again = gest_reservation_reschedule (f->store, uuid, &values, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "This appointment was rescheduled already: open the new one.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, AgendaFixture, NULL, agenda_fixture_setup, fn, agenda_fixture_teardown)
  ADD ("/agenda/S14/no-show-grace-period", test_grace_period);
  ADD ("/agenda/S14/late-arrival", test_late_arrival);
  ADD ("/agenda/S14/reschedule", test_reschedule);
#undef ADD

  return g_test_run ();
}
