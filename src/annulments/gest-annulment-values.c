/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-values"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-values.h"
#include "gest-cfdi.h"

GestAnnulmentValues *
gest_annulment_values_new (void)
{
  GestAnnulmentValues *values = g_new0 (GestAnnulmentValues, 1);

  values->plan_number = g_strdup ("");
  values->city = g_strdup ("");
  values->invoice_number = g_strdup ("");
  values->cfdi_uuid = g_strdup ("");
  values->cancel_reason = g_strdup (GEST_CFDI_REASON_ERRORS_WITHOUT_RELATION);
  values->substitute_cfdi_uuid = g_strdup ("");
  values->costs_valid = TRUE;
  values->reinvoice = TRUE;
  return values;
}

GestAnnulmentValues *
gest_annulment_values_copy (const GestAnnulmentValues *values)
{
  GestAnnulmentValues *copy = g_memdup2 (values, sizeof *values);

  copy->plan_number = g_strdup (values->plan_number);
  copy->customer_uuid = g_strdup (values->customer_uuid);
  copy->customer_name = g_strdup (values->customer_name);
  copy->plan_uuid = g_strdup (values->plan_uuid);
  copy->city = g_strdup (values->city);
  copy->invoice_number = g_strdup (values->invoice_number);
  copy->cfdi_uuid = g_strdup (values->cfdi_uuid);
  copy->cancel_reason = g_strdup (values->cancel_reason);
  copy->substitute_cfdi_uuid = g_strdup (values->substitute_cfdi_uuid);
  return copy;
}

void
gest_annulment_values_free (GestAnnulmentValues *values)
{
  if (values == NULL)
    return;
  g_free (values->plan_number);
  g_free (values->customer_uuid);
  g_free (values->customer_name);
  g_free (values->plan_uuid);
  g_free (values->city);
  g_free (values->invoice_number);
  g_free (values->cfdi_uuid);
  g_free (values->cancel_reason);
  g_free (values->substitute_cfdi_uuid);
  g_free (values);
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

GestAnnulmentValues *
gest_annulment_values_set_text (const GestAnnulmentValues *values,
                                GestAnnulmentField         field,
                                const char                *text)
{
  GestAnnulmentValues *copy = gest_annulment_values_copy (values);

  switch (field)
    {
    case GEST_ANNULMENT_FIELD_PLAN:
      replace (&copy->plan_number, text);
      break;
    case GEST_ANNULMENT_FIELD_CITY:
      replace (&copy->city, text);
      break;
    case GEST_ANNULMENT_FIELD_INVOICE:
      replace (&copy->invoice_number, text);
      break;
    case GEST_ANNULMENT_FIELD_CFDI:
      replace (&copy->cfdi_uuid, text);
      break;
    case GEST_ANNULMENT_FIELD_SUBSTITUTE:
      replace (&copy->substitute_cfdi_uuid, text);
      break;
    case GEST_ANNULMENT_FIELD_COSTS:
    case GEST_ANNULMENT_N_FIELDS:
    default:
      g_return_val_if_reached (copy);
    }
  return copy;
}

GestAnnulmentValues *
gest_annulment_values_set_customer (const GestAnnulmentValues *values,
                                    const char                *plan_uuid,
                                    const char                *customer_uuid,
                                    const char                *customer_name)
{
  GestAnnulmentValues *copy = gest_annulment_values_copy (values);

  g_free (copy->plan_uuid);
  g_free (copy->customer_uuid);
  g_free (copy->customer_name);
  copy->plan_uuid = g_strdup (plan_uuid);
  copy->customer_uuid = g_strdup (customer_uuid);
  copy->customer_name = g_strdup (customer_name);
  return copy;
}

GestAnnulmentValues *
gest_annulment_values_set_reason (const GestAnnulmentValues *values,
                                  const char                *reason)
{
  GestAnnulmentValues *copy = gest_annulment_values_copy (values);

  replace (&copy->cancel_reason, reason);
  return copy;
}

GestAnnulmentValues *
gest_annulment_values_set_costs (const GestAnnulmentValues *values,
                                 gboolean                   with_costs,
                                 GestMoney                  amount,
                                 gboolean                   valid)
{
  GestAnnulmentValues *copy = gest_annulment_values_copy (values);

  copy->with_costs = with_costs;
  copy->costs_amount = amount;
  copy->costs_valid = valid;
  return copy;
}

GestAnnulmentValues *
gest_annulment_values_set_reinvoice (const GestAnnulmentValues *values,
                                     gboolean                   reinvoice)
{
  GestAnnulmentValues *copy = gest_annulment_values_copy (values);

  copy->reinvoice = reinvoice;
  return copy;
}

void
gest_annulment_state_free (GestAnnulmentState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_ANNULMENT_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->save_blocker);
  g_free (state);
}

static gboolean
blank (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *clean == '\0';
}

GestAnnulmentState *
gest_annulment_widget_state_from_values (const GestAnnulmentValues *values)
{
  GestAnnulmentState *state = g_new0 (GestAnnulmentState, 1);
  gboolean reason_01 = g_strcmp0 (values->cancel_reason, GEST_CFDI_REASON_ERRORS_WITH_RELATION) == 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *cfdi = NULL;

  state->substitute_visible = reason_01;
  state->costs_sensitive = values->with_costs;

  /* Rows in error: what was typed and is wrong (an empty row is no error). */
  if (!blank (values->plan_number) && values->customer_uuid == NULL)
    state->errors[GEST_ANNULMENT_FIELD_PLAN] =
      g_strdup_printf (_("There is no plan “%s”: check the number on the customer’s contract."),
                       values->plan_number);
  if (!blank (values->cfdi_uuid))
    {
      cfdi = gest_cfdi_uuid_parse (values->cfdi_uuid, &error);
      if (cfdi == NULL)
        state->errors[GEST_ANNULMENT_FIELD_CFDI] = g_strdup (error->message);
      g_clear_error (&error);
    }
  if (reason_01 && !blank (values->substitute_cfdi_uuid) && cfdi != NULL &&
      !gest_cfdi_check_cancellation (cfdi, values->cancel_reason, values->substitute_cfdi_uuid, &error))
    state->errors[GEST_ANNULMENT_FIELD_SUBSTITUTE] = g_strdup (error->message);
  else if (reason_01 && !blank (values->substitute_cfdi_uuid) && cfdi == NULL &&
           !gest_cfdi_uuid_is_valid (values->substitute_cfdi_uuid))
    {
      g_autofree char *ignored = gest_cfdi_uuid_parse (values->substitute_cfdi_uuid, &error);

      state->errors[GEST_ANNULMENT_FIELD_SUBSTITUTE] = g_strdup (error->message);
    }
  if (values->with_costs && values->costs_valid && values->costs_amount <= 0)
    state->errors[GEST_ANNULMENT_FIELD_COSTS] =
      g_strdup (_("Write the administrative costs the customer accepts, or clear “With administrative costs”."));

  /* What the save button waits for, in the form's order. */
  if (values->customer_uuid == NULL)
    state->save_blocker = g_strdup (_("Write the number of the customer’s plan."));
  else if (blank (values->city))
    state->save_blocker = g_strdup (_("Write the city of the customer’s branch."));
  else if (blank (values->cfdi_uuid))
    state->save_blocker = g_strdup (_("Write the invoice’s CFDI folio fiscal."));
  else if (values->with_costs && !values->costs_valid)
    state->save_blocker = g_strdup (_("Correct the amount of the costs."));
  else
    for (guint i = 0; i < GEST_ANNULMENT_N_FIELDS && state->save_blocker == NULL; i++)
      if (state->errors[i] != NULL)
        state->save_blocker = g_strdup (state->errors[i]);
  state->can_save = state->save_blocker == NULL;
  return state;
}
