/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-form-state"

#include "config.h"

#include "gest-customer-form-state.h"

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

GestCustomerFormState *
gest_customer_form_state_from_values (const GestCustomerValues *values,
                                      guint32                   touched,
                                      gboolean                  saving)
{
  GestCustomerFormState *state;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestCustomerFormState, 1);
  state->is_new = values->uuid == NULL;
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    if (touched & (1u << i))
      state->errors[i] = gest_customer_field_problem (values, i);
  /* Save stays available with a mistake still unseen: pressing it shows every message. */
  state->can_save = !saving && !blank (values->fields[GEST_CUSTOMER_FIELD_NAME]) &&
                    !blank (values->fields[GEST_CUSTOMER_FIELD_RFC]);
  return state;
}

void
gest_customer_form_state_free (GestCustomerFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state);
}

GestVehicleFormState *
gest_vehicle_form_state_from_values (const GestVehicleValues *values,
                                     guint32                  touched,
                                     gboolean                 saving)
{
  GestVehicleFormState *state;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestVehicleFormState, 1);
  state->is_new = values->uuid == NULL;
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    if (touched & (1u << i))
      state->errors[i] = gest_vehicle_field_problem (values, i);
  state->can_save = !saving && !blank (values->fields[GEST_VEHICLE_FIELD_VIN]) &&
                    !blank (values->fields[GEST_VEHICLE_FIELD_MODEL]);
  return state;
}

void
gest_vehicle_form_state_free (GestVehicleFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state);
}

GestPlanFormState *
gest_plan_form_state_from_values (const GestPlanValues *values,
                                  guint32               touched,
                                  gboolean              saving,
                                  const GDate          *today)
{
  GestPlanFormState *state;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestPlanFormState, 1);
  state->is_new = values->uuid == NULL;
  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    if (touched & (1u << i))
      state->errors[i] = gest_plan_field_problem (values, i, today);
  state->can_save = !saving && !blank (values->number);
  return state;
}

void
gest_plan_form_state_free (GestPlanFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state);
}
