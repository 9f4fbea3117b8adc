/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-test-util.h"

static void
assert_schedule_refused (GestStore                *store,
                         const GestAgendaSchedule *s,
                         const char               *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_agenda_schedule_set (store, s, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* S12: the hours are validated (end after start, the break inside, slot 5-240, capacity
 * 1-20), set by the service manager only, one row per advisor and weekday. */
static void
test_schedule_set (AgendaFixture *f,
                   gconstpointer  data)
{
  g_autofree char *luis = g_strdup ("adv-luis");
  GestAgendaSchedule s = { luis, NULL, 1, 9 * 60, 17 * 60, 13 * 60, 14 * 60, 20, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) advisors = NULL;

  g_assert_false (gest_agenda_schedule_set (f->store, &s, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);

  s.ends_min = 9 * 60;
  assert_schedule_refused (f->store, &s, "The hours must end after they start, within the day: check the start and end times.");
  s.ends_min = 17 * 60;
  s.break_ends_min = 18 * 60;
  assert_schedule_refused (f->store, &s, "The break must end after it starts and fall within the hours, 09:00 to 17:00: check the break.");
  s.break_ends_min = 14 * 60;
  s.slot_minutes = 4;
  assert_schedule_refused (f->store, &s, "A slot lasts from 5 to 240 minutes: change the slot length.");
  s.slot_minutes = 20;
  s.capacity = 21;
  assert_schedule_refused (f->store, &s, "The capacity is from 1 to 20 vehicles per slot: change the capacity.");
  s.capacity = 3;
  g_assert_true (gest_agenda_schedule_set (f->store, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM agenda_schedules WHERE advisor_uuid = 'adv-luis'"
                                                  " AND weekday = 1 AND deleted = 0"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT capacity FROM agenda_schedules WHERE uuid = 'adv-luis-1'"), ==, 3);

  g_assert_true (gest_agenda_schedule_clear (f->store, "adv-luis", 6, &error));
  all = gest_agenda_schedules (f->store, &error);
  g_assert_cmpuint (all->len, ==, 11);
  advisors = gest_agenda_advisors (f->store, &error);
  g_assert_cmpuint (advisors->len, ==, 2);
  g_assert_cmpstr (((GestAgendaSchedule *) g_ptr_array_index (advisors, 0))->advisor_name, ==, "Luis Hernández Peña");
}

static GestAgendaSlot *
slot_at (GPtrArray  *slots,
         const char *advisor,
         int         minute)
{
  for (guint i = 0; i < slots->len; i++)
    {
      GestAgendaSlot *slot = g_ptr_array_index (slots, i);

      if (g_str_equal (slot->advisor_uuid, advisor) && slot->starts_min == minute)
        return slot;
    }
  return NULL;
}

/* S12: the slots of a range: every advisor's from their hours, the break and blocked time
 * marked, the reservations counted in the slot they start in (not refused, cancelled or
 * no-show); Sunday has none. */
static void
test_slots_range (AgendaFixture *f,
                  gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *sunday = agenda_add_days (monday, 6);
  g_autofree char *saturday = agenda_add_days (monday, 5);
  g_autofree char *a = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *b = agenda_book (f->store, "adv-luis", monday, 9 * 60 + 20);
  g_autofree char *c = agenda_book (f->store, "adv-luis", monday, 10 * 60);
  g_autofree char *block = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *slots;

  g_assert_true (gest_reservation_cancel (f->store, c, "", &error));
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  block = gest_agenda_block_add (f->store, "adv-maria", monday, 16 * 60, 18 * 60, "Día libre", &error);
  g_assert_no_error (error);

  days = gest_agenda_slots_range (f->store, monday, sunday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (days), ==, 7);
  slots = g_hash_table_lookup (days, monday);
  g_assert_cmpuint (slots->len, ==, 2 * 20);
  g_assert_cmpint (slot_at (slots, "adv-luis", 9 * 60)->taken, ==, 2);
  g_assert_cmpint (slot_at (slots, "adv-luis", 9 * 60)->capacity, ==, 2);
  g_assert_cmpint (slot_at (slots, "adv-luis", 10 * 60)->taken, ==, 0);
  g_assert_true (slot_at (slots, "adv-luis", 14 * 60)->blocked);
  g_assert_true (slot_at (slots, "adv-luis", 14 * 60 + 30)->blocked);
  g_assert_false (slot_at (slots, "adv-luis", 15 * 60)->blocked);
  g_assert_true (slot_at (slots, "adv-maria", 16 * 60)->blocked);
  g_assert_false (slot_at (slots, "adv-luis", 16 * 60)->blocked);
  g_assert_cmpuint (((GPtrArray *) g_hash_table_lookup (days, saturday))->len, ==, 2 * 10);
  g_assert_cmpuint (((GPtrArray *) g_hash_table_lookup (days, sunday))->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, AgendaFixture, NULL, agenda_fixture_setup, fn, agenda_fixture_teardown)
  ADD ("/agenda/S12/schedule-set", test_schedule_set);
  ADD ("/agenda/S12/slots-range", test_slots_range);
#undef ADD

  return g_test_run ();
}
