/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reservation window's form without a display (S12, S10, S11; issue 15): every field's
 * rule with its words, when errors show, the refusal on the row it concerns, the preset of a
 * clicked slot and of a no-show to reschedule, and what a valid form saves. */
#include "config.h"

#include <locale.h>

#include "gest-reservation-values.h"

#define TODAY "2026-12-07"

static GestReservationFormValues *
filled (void)
{
  g_autoptr(GestReservationFormValues) v0 = gest_reservation_form_values_new (GEST_RESERVATION_FORM_NEW, TODAY);
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_customer (v0, "c-1", "Juan Pérez López");
  g_autoptr(GestReservationFormValues) v2 = gest_reservation_form_values_set_vehicle (v1, "v-1", 30000);
  g_autoptr(GestReservationFormValues) v3 = gest_reservation_form_values_set_mileage (v2, "30,000");
  g_autoptr(GestReservationFormValues) v4 = gest_reservation_form_values_set_advisor (v3, "a-1");

  return gest_reservation_form_values_set_when (v4, "08/12/2026", "09:30");
}

static void
test_empty_form_errors (void)
{
  g_autoptr(GestReservationFormValues) v0 = gest_reservation_form_values_new (GEST_RESERVATION_FORM_NEW, TODAY);
  g_autoptr(GestReservationFormState) quiet = gest_reservation_form_widget_state_from_values (v0);
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_show_errors (v0, TRUE);
  g_autoptr(GestReservationFormState) state = gest_reservation_form_widget_state_from_values (v1);

  /* Nothing in red before the first attempt to save. */
  for (guint i = 0; i < GEST_RESERVATION_FORM_N_FIELDS; i++)
    g_assert_null (quiet->errors[i]);
  g_assert_false (quiet->valid);
  g_assert_true (quiet->save_sensitive);
  g_assert_cmpstr (quiet->title, ==, "New Reservation");

  g_assert_cmpstr (state->errors[GEST_RESERVATION_FORM_CUSTOMER], ==,
                   "Choose the customer: search by name, phone or plate.");
  g_assert_cmpstr (state->errors[GEST_RESERVATION_FORM_ADVISOR], ==, "Choose the service advisor.");
  g_assert_cmpstr (state->errors[GEST_RESERVATION_FORM_DAY], ==, "Type the day as dd/mm/yyyy, e.g. 07/12/2026.");
  g_assert_cmpstr (state->errors[GEST_RESERVATION_FORM_TIME], ==, "Type the time as hh:mm, e.g. 09:30.");
  g_assert_null (state->errors[GEST_RESERVATION_FORM_VEHICLE]);   /* after a customer */
  g_assert_false (state->save_sensitive);
  g_assert_false (state->vehicle_sensitive);
}

static void
test_valid_form_saves (void)
{
  g_autoptr(GestReservationFormValues) v = filled ();
  g_autoptr(GestReservationFormValues) shown = gest_reservation_form_values_set_show_errors (v, TRUE);
  g_autoptr(GestReservationFormState) state = gest_reservation_form_widget_state_from_values (shown);
  GestReservationValues out;

  g_assert_true (state->valid);
  g_assert_true (state->save_sensitive);
  g_assert_null (state->test_drive_note);   /* S10: 30,000 exactly is no offer */
  gest_reservation_form_state_values (state, shown, &out);
  g_assert_cmpstr (out.customer_uuid, ==, "c-1");
  g_assert_cmpstr (out.vehicle_uuid, ==, "v-1");
  g_assert_cmpint (out.mileage_km, ==, 30000);
  g_assert_cmpstr (out.advisor_uuid, ==, "a-1");
  g_assert_cmpstr (out.day, ==, "2026-12-08");
  g_assert_cmpint (out.starts_min, ==, 570);
  g_assert_cmpstr (out.service_kind, ==, "maintenance");
  g_assert_cmpstr (out.transport, ==, "waits");
  g_assert_false (out.needs_invoice);
}

static void
test_vehicle_required (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  /* Another customer: the vehicle is chosen again. */
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_customer (v0, "c-2", "Ana Ruiz");
  g_autoptr(GestReservationFormValues) v2 = gest_reservation_form_values_set_show_errors (v1, TRUE);
  g_autoptr(GestReservationFormState) state = gest_reservation_form_widget_state_from_values (v2);

  g_assert_null (v1->vehicle_uuid);
  g_assert_cmpstr (state->errors[GEST_RESERVATION_FORM_VEHICLE], ==,
                   "Choose the customer’s vehicle, or add it in the customer’s page first.");
  g_assert_true (state->vehicle_sensitive);
  g_assert_false (state->valid);
}

static void
test_mileage (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_show_errors (v0, TRUE);
  g_autoptr(GestReservationFormValues) below = gest_reservation_form_values_set_mileage (v1, "29,999");
  g_autoptr(GestReservationFormValues) word = gest_reservation_form_values_set_mileage (v1, "30 mil");
  g_autoptr(GestReservationFormValues) over = gest_reservation_form_values_set_mileage (v1, "30,001");
  g_autoptr(GestReservationFormState) s_below = gest_reservation_form_widget_state_from_values (below);
  g_autoptr(GestReservationFormState) s_word = gest_reservation_form_widget_state_from_values (word);
  g_autoptr(GestReservationFormState) s_over = gest_reservation_form_widget_state_from_values (over);

  g_assert_cmpstr (s_below->errors[GEST_RESERVATION_FORM_MILEAGE], ==,
                   "The mileage cannot be below the vehicle’s last known, 30,000 km: check the odometer.");
  g_assert_cmpstr (s_word->errors[GEST_RESERVATION_FORM_MILEAGE], ==,
                   "Type the mileage in whole kilometers, e.g. 35,000.");
  /* S10: 30,001 km is over the line: the offer is announced. */
  g_assert_null (s_over->errors[GEST_RESERVATION_FORM_MILEAGE]);
  g_assert_cmpstr (s_over->test_drive_note, ==, "Over 30,000 km: a test drive will be offered to the customer.");
  g_assert_cmpint (s_over->mileage_km, ==, 30001);
}

static void
test_day_and_time (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_show_errors (v0, TRUE);
  g_autoptr(GestReservationFormValues) past = gest_reservation_form_values_set_when (v1, "06/12/2026", "09:30");
  g_autoptr(GestReservationFormValues) today = gest_reservation_form_values_set_when (v1, "07/12/2026", "9:05");
  g_autoptr(GestReservationFormValues) bad_day = gest_reservation_form_values_set_when (v1, "31/02/2026", "09:30");
  g_autoptr(GestReservationFormValues) bad_time = gest_reservation_form_values_set_when (v1, "08/12/2026", "24:00");
  g_autoptr(GestReservationFormState) s_past = gest_reservation_form_widget_state_from_values (past);
  g_autoptr(GestReservationFormState) s_today = gest_reservation_form_widget_state_from_values (today);
  g_autoptr(GestReservationFormState) s_bad_day = gest_reservation_form_widget_state_from_values (bad_day);
  g_autoptr(GestReservationFormState) s_bad_time = gest_reservation_form_widget_state_from_values (bad_time);

  g_assert_cmpstr (s_past->errors[GEST_RESERVATION_FORM_DAY], ==, "The day has passed: choose today or a later day.");
  g_assert_null (s_today->errors[GEST_RESERVATION_FORM_DAY]);
  g_assert_cmpint (s_today->starts_min, ==, 545);
  g_assert_cmpstr (s_bad_day->errors[GEST_RESERVATION_FORM_DAY], ==, "Type the day as dd/mm/yyyy, e.g. 07/12/2026.");
  g_assert_cmpstr (s_bad_time->errors[GEST_RESERVATION_FORM_TIME], ==, "Type the time as hh:mm, e.g. 09:30.");
}

static void
test_refusal_on_its_row (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  g_autoptr(GestReservationFormValues) slot = gest_reservation_form_values_set_refusal (v0, GEST_RESERVATION_FORM_TIME,
                                                                                        "The slot is full.");
  g_autoptr(GestReservationFormValues) whole = gest_reservation_form_values_set_refusal (v0, GEST_RESERVATION_FORM_N_FIELDS,
                                                                                         "You may not book.");
  g_autoptr(GestReservationFormValues) changed = gest_reservation_form_values_set_when (slot, "08/12/2026", "10:00");
  g_autoptr(GestReservationFormState) s_slot = gest_reservation_form_widget_state_from_values (slot);
  g_autoptr(GestReservationFormState) s_whole = gest_reservation_form_widget_state_from_values (whole);
  g_autoptr(GestReservationFormState) s_changed = gest_reservation_form_widget_state_from_values (changed);

  /* Shown at once, on the time row, even before show_errors. */
  g_assert_cmpstr (s_slot->errors[GEST_RESERVATION_FORM_TIME], ==, "The slot is full.");
  g_assert_null (s_slot->refusal);
  g_assert_cmpstr (s_whole->refusal, ==, "You may not book.");
  /* Another time: the refusal is no longer true of the form. */
  g_assert_null (s_changed->errors[GEST_RESERVATION_FORM_TIME]);
}

static void
test_billing (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_show_errors (v0, TRUE);
  g_autoptr(GestReservationFormValues) off = gest_reservation_form_values_set_invoice (v1, FALSE, "The RFC is missing.");
  g_autoptr(GestReservationFormValues) on = gest_reservation_form_values_set_invoice (v1, TRUE, "The RFC is missing.");
  g_autoptr(GestReservationFormValues) ok = gest_reservation_form_values_set_invoice (v1, TRUE, NULL);
  g_autoptr(GestReservationFormState) s_off = gest_reservation_form_widget_state_from_values (off);
  g_autoptr(GestReservationFormState) s_on = gest_reservation_form_widget_state_from_values (on);
  g_autoptr(GestReservationFormState) s_ok = gest_reservation_form_widget_state_from_values (ok);

  g_assert_false (s_off->billing_visible);
  g_assert_true (s_off->valid);
  /* S11: with "needs an invoice", incomplete billing data keeps the reservation from saving. */
  g_assert_true (s_on->billing_visible);
  g_assert_cmpstr (s_on->errors[GEST_RESERVATION_FORM_BILLING], ==, "The RFC is missing.");
  g_assert_false (s_on->valid);
  g_assert_true (s_ok->valid);
}

static void
test_preset (void)
{
  GestReservationValues slot = { .advisor_uuid = "a-2", .day = "2026-12-09", .starts_min = 600 };
  GestReservationValues noshow = {
    .customer_uuid = "c-3", .vehicle_uuid = "v-3", .mileage_km = 41000, .service_kind = "repair",
    .day = NULL, .starts_min = -1,
  };
  g_autoptr(GestReservationFormValues) v = gest_reservation_form_values_new_preset (GEST_RESERVATION_FORM_NEW, TODAY, &slot);
  g_autoptr(GestReservationFormValues) r = gest_reservation_form_values_new_preset (GEST_RESERVATION_FORM_RESCHEDULE,
                                                                                    TODAY, &noshow);
  g_autoptr(GestReservationFormState) s_r = gest_reservation_form_widget_state_from_values (r);

  g_assert_cmpstr (v->advisor_uuid, ==, "a-2");
  g_assert_cmpstr (v->day_text, ==, "09/12/2026");
  g_assert_cmpstr (v->time_text, ==, "10:00");
  g_assert_null (v->customer_uuid);
  g_assert_cmpstr (r->customer_uuid, ==, "c-3");
  g_assert_cmpstr (r->vehicle_uuid, ==, "v-3");
  g_assert_cmpstr (r->mileage_text, ==, "41000");
  g_assert_cmpstr (r->service_kind, ==, "repair");
  g_assert_cmpstr (r->day_text, ==, "");
  g_assert_cmpstr (s_r->title, ==, "Reschedule Reservation");
}

static void
test_saving_locks (void)
{
  g_autoptr(GestReservationFormValues) v0 = filled ();
  g_autoptr(GestReservationFormValues) v1 = gest_reservation_form_values_set_saving (v0, TRUE);
  g_autoptr(GestReservationFormState) state = gest_reservation_form_widget_state_from_values (v1);

  g_assert_false (state->fields_sensitive);
  g_assert_false (state->vehicle_sensitive);
  g_assert_false (state->save_sensitive);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/S12/form/empty-errors", test_empty_form_errors);
  g_test_add_func ("/agenda/S12/form/valid-saves", test_valid_form_saves);
  g_test_add_func ("/agenda/S12/form/vehicle-required", test_vehicle_required);
  g_test_add_func ("/agenda/S10/form/mileage-and-offer", test_mileage);
  g_test_add_func ("/agenda/S12/form/day-and-time", test_day_and_time);
  g_test_add_func ("/agenda/S12/form/refusal-on-its-row", test_refusal_on_its_row);
  g_test_add_func ("/agenda/S11/form/billing-blocks-save", test_billing);
  g_test_add_func ("/agenda/S14/form/preset-slot-and-reschedule", test_preset);
  g_test_add_func ("/agenda/S12/form/saving-locks", test_saving_locks);
  return g_test_run ();
}
