/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q1: the annulment request form's values and state, without a display: the CFDI folio
 * fiscal checked as typed, reason 01 showing and checking the substituting CFDI, costs only
 * with their switch, and what the save button waits for. */
#include "config.h"

#include <locale.h>

#include "gest-annulment-values.h"

static GestAnnulmentValues *
filled (void)
{
  g_autoptr(GestAnnulmentValues) empty = gest_annulment_values_new ();
  g_autoptr(GestAnnulmentValues) plan = gest_annulment_values_set_text (empty, GEST_ANNULMENT_FIELD_PLAN, "PL-0001");
  g_autoptr(GestAnnulmentValues) customer = gest_annulment_values_set_customer (plan, "plan-1", "cust-1", "José Ñúñez Peña");
  g_autoptr(GestAnnulmentValues) city = gest_annulment_values_set_text (customer, GEST_ANNULMENT_FIELD_CITY, "Mérida");

  return gest_annulment_values_set_text (city, GEST_ANNULMENT_FIELD_CFDI, "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60");
}

static void
test_blockers (void)
{
  g_autoptr(GestAnnulmentValues) empty = gest_annulment_values_new ();
  g_autoptr(GestAnnulmentState) state = gest_annulment_widget_state_from_values (empty);
  g_autoptr(GestAnnulmentValues) unknown = gest_annulment_values_set_text (empty, GEST_ANNULMENT_FIELD_PLAN, "PL-9999");
  g_autoptr(GestAnnulmentState) unknown_state = gest_annulment_widget_state_from_values (unknown);
  g_autoptr(GestAnnulmentValues) ok = filled ();
  g_autoptr(GestAnnulmentState) ok_state = gest_annulment_widget_state_from_values (ok);
  g_autoptr(GestAnnulmentValues) no_cfdi = gest_annulment_values_set_text (ok, GEST_ANNULMENT_FIELD_CFDI, " ");
  g_autoptr(GestAnnulmentState) no_cfdi_state = gest_annulment_widget_state_from_values (no_cfdi);

  /* An empty form: nothing in error, the save waits for the plan. */
  g_assert_false (state->can_save);
  g_assert_cmpstr (state->save_blocker, ==, "Write the number of the customer’s plan.");
  for (guint i = 0; i < GEST_ANNULMENT_N_FIELDS; i++)
    g_assert_null (state->errors[i]);
  g_assert_false (state->substitute_visible);
  g_assert_false (state->costs_sensitive);
  g_assert_cmpstr (unknown_state->errors[GEST_ANNULMENT_FIELD_PLAN], ==,
                   "There is no plan “PL-9999”: check the number on the customer’s contract.");
  g_assert_true (ok_state->can_save);
  g_assert_null (ok_state->save_blocker);
  g_assert_false (no_cfdi_state->can_save);
  g_assert_cmpstr (no_cfdi_state->save_blocker, ==, "Write the invoice’s CFDI folio fiscal.");
}

static void
test_cfdi_and_reason_01 (void)
{
  g_autoptr(GestAnnulmentValues) ok = filled ();
  g_autoptr(GestAnnulmentValues) bad = gest_annulment_values_set_text (ok, GEST_ANNULMENT_FIELD_CFDI, "6F1C2E4A-9B3D-4C5E-8F7A");
  g_autoptr(GestAnnulmentState) bad_state = gest_annulment_widget_state_from_values (bad);
  g_autoptr(GestAnnulmentValues) r01 = gest_annulment_values_set_reason (ok, "01");
  g_autoptr(GestAnnulmentState) r01_state = gest_annulment_widget_state_from_values (r01);
  g_autoptr(GestAnnulmentValues) same = gest_annulment_values_set_text (r01, GEST_ANNULMENT_FIELD_SUBSTITUTE,
                                                                         "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60");
  g_autoptr(GestAnnulmentState) same_state = gest_annulment_widget_state_from_values (same);
  g_autoptr(GestAnnulmentValues) other = gest_annulment_values_set_text (r01, GEST_ANNULMENT_FIELD_SUBSTITUTE,
                                                                          "A1B2C3D4-E5F6-4789-ABCD-EF0123456789");
  g_autoptr(GestAnnulmentState) other_state = gest_annulment_widget_state_from_values (other);

  g_assert_cmpstr (bad_state->errors[GEST_ANNULMENT_FIELD_CFDI], ==,
                   "“6F1C2E4A-9B3D-4C5E-8F7A” is not a CFDI folio fiscal: it has 23 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  g_assert_false (bad_state->can_save);
  g_assert_cmpstr (bad_state->save_blocker, ==, bad_state->errors[GEST_ANNULMENT_FIELD_CFDI]);
  /* Reason 01 shows the substituting CFDI; empty it saves (issued later, required to send). */
  g_assert_true (r01_state->substitute_visible);
  g_assert_true (r01_state->can_save);
  g_assert_cmpstr (same_state->errors[GEST_ANNULMENT_FIELD_SUBSTITUTE], ==,
                   "The substituting CFDI cannot be the cancelled one (6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60): copy the folio fiscal of the new invoice.");
  g_assert_false (same_state->can_save);
  g_assert_null (other_state->errors[GEST_ANNULMENT_FIELD_SUBSTITUTE]);
  g_assert_true (other_state->can_save);
}

static void
test_costs (void)
{
  g_autoptr(GestAnnulmentValues) ok = filled ();
  g_autoptr(GestAnnulmentValues) zero = gest_annulment_values_set_costs (ok, TRUE, 0, TRUE);
  g_autoptr(GestAnnulmentState) zero_state = gest_annulment_widget_state_from_values (zero);
  g_autoptr(GestAnnulmentValues) typo = gest_annulment_values_set_costs (ok, TRUE, 0, FALSE);
  g_autoptr(GestAnnulmentState) typo_state = gest_annulment_widget_state_from_values (typo);
  g_autoptr(GestAnnulmentValues) costs = gest_annulment_values_set_costs (ok, TRUE, 150000, TRUE);
  g_autoptr(GestAnnulmentState) costs_state = gest_annulment_widget_state_from_values (costs);

  g_assert_true (zero_state->costs_sensitive);
  g_assert_cmpstr (zero_state->errors[GEST_ANNULMENT_FIELD_COSTS], ==,
                   "Write the administrative costs the customer accepts, or clear “With administrative costs”.");
  g_assert_false (zero_state->can_save);
  g_assert_cmpstr (typo_state->save_blocker, ==, "Correct the amount of the costs.");
  g_assert_true (costs_state->can_save);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annulments/Q1/form-blockers", test_blockers);
  g_test_add_func ("/annulments/Q1/form-cfdi-and-reason-01", test_cfdi_and_reason_01);
  g_test_add_func ("/annulments/Q4/form-costs", test_costs);
  return g_test_run ();
}
