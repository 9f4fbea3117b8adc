/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

static void
assert_confirm_by (GestStore  *store,
                   const char *received_day,
                   int         minute,
                   const char *expected)
{
  g_autofree char *day = gest_reservation_confirm_by (store, agenda_at (received_day, minute), 17 * 60);

  g_assert_cmpstr (day, ==, expected);
}

/* S7: the same business day before the cutoff (17:00), else the next working day: Friday after
 * the cutoff and the weekend → Monday; before a holiday (Monday 16/11/2026, Revolution day) →
 * the day after it. */
static void
test_confirm_by (AgendaFixture *f,
                 gconstpointer  data)
{
  assert_confirm_by (f->store, "2026-12-03", 9 * 60, "2026-12-03");
  assert_confirm_by (f->store, "2026-12-04", 16 * 60 + 59, "2026-12-04");
  assert_confirm_by (f->store, "2026-12-04", 17 * 60, "2026-12-07");
  assert_confirm_by (f->store, "2026-12-05", 10 * 60, "2026-12-07");
  assert_confirm_by (f->store, "2026-12-06", 23 * 60 + 59, "2026-12-07");
  assert_confirm_by (f->store, "2026-11-13", 18 * 60, "2026-11-17");
  assert_confirm_by (f->store, "2026-11-15", 12 * 60, "2026-11-17");
  assert_confirm_by (f->store, "2026-11-16", 10 * 60, "2026-11-17");
  assert_confirm_by (f->store, "2026-11-17", 10 * 60, "2026-11-17");
}

/* S7: late = past the cutoff hour of its confirm_by day (or any later day); NULL is "today". */
static void
test_confirm_late (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *friday = agenda_add_days (monday, -3);
  g_autofree char *booking = agenda_web_booking (f->store, NULL, monday, 10 * 60, friday);
  g_autofree char *undated = agenda_web_booking (f->store, NULL, monday, 10 * 60, NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  before = gest_reservations_list_range (f->store, monday, monday, agenda_at (friday, 16 * 60 + 59), &error);
  after = gest_reservations_list_range (f->store, monday, monday, agenda_at (friday, 17 * 60), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GestReservation *b = g_ptr_array_index (before, i);
      GestReservation *a = g_ptr_array_index (after, i);

      g_assert_false (b->confirm_late);
      g_assert_true (a->confirm_late);
      g_assert_cmpstr (a->confirm_by, ==, friday);
    }
}

/* S7: a web booking without advisor is not confirmed until one is chosen; then it is, with
 * the slot checked. A refusal needs its reason; with a follow-up call it enters the queue. */
static void
test_confirm_and_refuse (AgendaFixture *f,
                         gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *booking = agenda_web_booking (f->store, NULL, monday, 10 * 60, NULL);
  g_autofree char *other = agenda_web_booking (f->store, NULL, monday, 11 * 60, NULL);
  g_autofree char *state = NULL;
  g_autoptr(GestReservation) r = NULL;
  g_autoptr(GError) error = NULL;
  const GestContactSource *source = NULL;

  g_assert_false (gest_reservation_confirm (f->store, booking, NULL, TRUE, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the advisor who receives this booking before confirming it.");
  g_clear_error (&error);
  g_assert_true (gest_reservation_confirm (f->store, booking, "adv-maria", FALSE, &error));
  g_assert_no_error (error);
  r = gest_reservation_load (f->store, booking, &error);
  g_assert_cmpint (r->state, ==, GEST_RESERVATION_CONFIRMED);
  g_assert_cmpstr (r->advisor_uuid, ==, "adv-maria");
  g_assert_null (r->confirm_by);

  g_assert_false (gest_reservation_refuse (f->store, other, "  ", TRUE, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write why the booking is refused.");
  g_clear_error (&error);
  g_assert_true (gest_reservation_refuse (f->store, other, "Ya no hay lugar ese día", TRUE, &error));
  g_assert_no_error (error);
  state = agenda_state_of (f->store, other);
  g_assert_cmpstr (state, ==, "refused");
  g_assert_nonnull (gest_domain_modules_find_contact_source ("agenda.refused", &source));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT followup FROM reservations WHERE state = 'refused'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, AgendaFixture, NULL, agenda_fixture_setup, fn, agenda_fixture_teardown)
  ADD ("/agenda/S7/confirm-by-weekend-and-holiday", test_confirm_by);
  ADD ("/agenda/S7/confirm-late-after-cutoff", test_confirm_late);
  ADD ("/agenda/S7/confirm-needs-advisor-refuse-needs-reason", test_confirm_and_refuse);
#undef ADD

  return g_test_run ();
}
