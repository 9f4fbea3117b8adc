/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12: the pure half of the customer, vehicle and plan editors (the gnome-calendar form
 * pattern), without a display: a field's message shows once the user has been through it (or
 * asked to save), Save needs the required fields, and nothing is saved twice at once. */
#include "config.h"

#include <locale.h>

#include "gest-customer-form-state.h"

static void
test_customer_state (void)
{
  g_autoptr(GestCustomerValues) values = gest_customer_values_new ();
  GestCustomerFormState *state;

  state = gest_customer_form_state_from_values (values, 0, FALSE);
  g_assert_true (state->is_new);
  g_assert_false (state->can_save);
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    g_assert_null (state->errors[i]);
  gest_customer_form_state_free (state);

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_NAME, "Diego González");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_RFC, "GODE561231GR9");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_PHONE_MOBILE, "551234567");
  /* Untouched: no message yet, and Save available (pressing it shows them all). */
  state = gest_customer_form_state_from_values (values, 0, FALSE);
  g_assert_true (state->can_save);
  g_assert_null (state->errors[GEST_CUSTOMER_FIELD_RFC]);
  gest_customer_form_state_free (state);

  state = gest_customer_form_state_from_values (values, 1u << GEST_CUSTOMER_FIELD_PHONE_MOBILE, FALSE);
  g_assert_null (state->errors[GEST_CUSTOMER_FIELD_RFC]);
  g_assert_cmpstr (state->errors[GEST_CUSTOMER_FIELD_PHONE_MOBILE], ==,
                   "“551234567” has 9 digits, and a Mexican phone number has 10, like 55 1234 5678.");
  gest_customer_form_state_free (state);

  state = gest_customer_form_state_from_values (values, GEST_FORM_ALL_TOUCHED, TRUE);
  g_assert_false (state->can_save);
  g_assert_cmpstr (state->errors[GEST_CUSTOMER_FIELD_RFC], ==,
                   "The check digit of “GODE561231GR9” should be “8”, not “9”. Compare the RFC with the customer’s tax certificate (constancia de situación fiscal).");
  gest_customer_form_state_free (state);

  values->uuid = g_strdup ("c1");
  state = gest_customer_form_state_from_values (values, 0, FALSE);
  g_assert_false (state->is_new);
  gest_customer_form_state_free (state);
}

static void
test_vehicle_state (void)
{
  g_autoptr(GestVehicleValues) values = gest_vehicle_values_new ("c1");
  g_autoptr(GestVehicleFormState) empty = gest_vehicle_form_state_from_values (values, GEST_FORM_ALL_TOUCHED, FALSE);
  g_autoptr(GestVehicleFormState) state = NULL;

  g_assert_false (empty->can_save);
  g_assert_cmpstr (empty->errors[GEST_VEHICLE_FIELD_MODEL], ==,
                   "Write the vehicle’s model as on its invoice, like Aveo LS 2022.");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_VIN, "1M8GDM9AXKP042788");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_MODEL, "Aveo LS");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_KM, "doce mil");
  state = gest_vehicle_form_state_from_values (values, GEST_FORM_ALL_TOUCHED, FALSE);
  g_assert_true (state->can_save);
  g_assert_null (state->errors[GEST_VEHICLE_FIELD_VIN]);
  g_assert_cmpstr (state->errors[GEST_VEHICLE_FIELD_KM], ==,
                   "“doce mil” is not a mileage: write the kilometres as a whole number, like 12,500.");
}

static void
test_plan_state (void)
{
  g_autoptr(GestPlanValues) values = gest_plan_values_new ("c1");
  g_autoptr(GestPlanFormState) state = NULL;
  g_autoptr(GestPlanFormState) saving = NULL;
  GDate today;

  g_date_set_dmy (&today, 6, 12, 2026);
  g_free (values->number);
  values->number = g_strdup ("1042-070");
  values->installment = 345600;
  values->balance = 100;
  values->overdue = 200;
  state = gest_plan_form_state_from_values (values, (1u << GEST_PLAN_FIELD_OVERDUE) | (1u << GEST_PLAN_FIELD_AS_OF),
                                            FALSE, &today);
  g_assert_true (state->can_save);
  g_assert_null (state->errors[GEST_PLAN_FIELD_INSTALLMENT]);
  g_assert_cmpstr (state->errors[GEST_PLAN_FIELD_OVERDUE], ==,
                   "The overdue amount ($2.00) cannot be more than the balance ($1.00). Check both on Conauto’s statement.");
  g_assert_cmpstr (state->errors[GEST_PLAN_FIELD_AS_OF], ==,
                   "Write the date of Conauto’s statement these figures come from, as dd/mm/yyyy.");
  saving = gest_plan_form_state_from_values (values, 0, TRUE, &today);
  g_assert_false (saving->can_save);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customers/form-state/customer", test_customer_state);
  g_test_add_func ("/customers/form-state/vehicle", test_vehicle_state);
  g_test_add_func ("/customers/form-state/plan", test_plan_state);

  return g_test_run ();
}
