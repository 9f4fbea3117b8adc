/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-values"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-tramite-values.h"

/* Field limits keep the notes readable on the detail page and in the log. */
#define NOTES_MAX_CHARS 2000

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

static void
add_error (GPtrArray        *errors,
           GestTramiteField  field,
           char             *message)
{
  GestFieldError *error = g_new0 (GestFieldError, 1);

  error->field = field;
  error->message = message;
  g_ptr_array_add (errors, error);
}

static void
add_gerror (GPtrArray        *errors,
            GestTramiteField  field,
            GError           *error)
{
  add_error (errors, field, g_strdup (error->message));
}

GestTramiteValues *
gest_tramite_values_new (void)
{
  GestTramiteValues *values = g_new0 (GestTramiteValues, 1);

  values->amount_text = g_strdup ("");
  values->date_text = g_strdup ("");
  values->notes = g_strdup ("");
  return values;
}

GestTramiteValues *
gest_tramite_values_copy (const GestTramiteValues *values)
{
  GestTramiteValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestTramiteValues, 1);
  copy->statement = values->statement != NULL ? gest_plan_statement_copy (values->statement) : NULL;
  copy->amount_text = g_strdup (values->amount_text);
  copy->date_text = g_strdup (values->date_text);
  copy->notes = g_strdup (values->notes);
  return copy;
}

void
gest_tramite_values_free (GestTramiteValues *values)
{
  if (values == NULL)
    return;
  g_clear_pointer (&values->statement, gest_plan_statement_free);
  g_free (values->amount_text);
  g_free (values->date_text);
  g_free (values->notes);
  g_free (values);
}

GestTramiteValues *
gest_tramite_values_set_statement (const GestTramiteValues *values,
                                   const GestPlanStatement *statement)
{
  GestTramiteValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_values_copy (values);
  g_clear_pointer (&copy->statement, gest_plan_statement_free);
  if (statement != NULL)
    copy->statement = gest_plan_statement_copy (statement);
  return copy;
}

GestTramiteValues *
gest_tramite_values_set_amount_text (const GestTramiteValues *values,
                                     const char              *text)
{
  GestTramiteValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_values_copy (values);
  g_free (copy->amount_text);
  copy->amount_text = g_strdup (text != NULL ? text : "");
  return copy;
}

GestTramiteValues *
gest_tramite_values_set_date_text (const GestTramiteValues *values,
                                   const char              *text)
{
  GestTramiteValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_values_copy (values);
  g_free (copy->date_text);
  copy->date_text = g_strdup (text != NULL ? text : "");
  return copy;
}

GestTramiteValues *
gest_tramite_values_set_notes (const GestTramiteValues *values,
                               const char              *notes)
{
  GestTramiteValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_values_copy (values);
  g_free (copy->notes);
  copy->notes = g_strdup (notes != NULL ? notes : "");
  return copy;
}

void
gest_field_error_free (GestFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->message);
  g_free (error);
}

const char *
gest_field_errors_lookup (GPtrArray        *errors,
                          GestTramiteField  field)
{
  g_return_val_if_fail (errors != NULL, NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      GestFieldError *error = g_ptr_array_index (errors, i);

      if (error->field == field)
        return error->message;
    }
  return NULL;
}

static void
validate_amount (const GestTramiteValues *values,
                 GPtrArray               *errors)
{
  g_autoptr(GError) error = NULL;
  GestMoney amount;

  if (is_blank (values->amount_text))
    {
      add_error (errors, GEST_TRAMITE_FIELD_AMOUNT,
                 g_strdup (_("Write the payoff amount agreed with Conauto, without the life insurance.")));
      return;
    }
  if (!gest_money_parse (values->amount_text, &amount, &error))
    {
      add_gerror (errors, GEST_TRAMITE_FIELD_AMOUNT, error);
      return;
    }
  /* Without a plan only the sign can be checked; the plan field reports the rest. */
  if (!gest_tramite_rules_check_amount (amount,
                                        values->statement != NULL ? values->statement->balance : 0,
                                        values->statement != NULL ? values->statement->life_insurance : 0,
                                        &error))
    add_gerror (errors, GEST_TRAMITE_FIELD_AMOUNT, error);
}

static void
validate_date (const GestTramiteValues *values,
               const GDate             *today,
               GPtrArray               *errors)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (is_blank (values->date_text))
    {
      add_error (errors, GEST_TRAMITE_FIELD_DATE,
                 g_strdup (_("Write the payment date agreed with Conauto, as dd/mm/yyyy.")));
      return;
    }
  if (!gest_date_parse (values->date_text, &date, &error) ||
      !gest_tramite_rules_check_agreed_date (&date, today, &error))
    add_gerror (errors, GEST_TRAMITE_FIELD_DATE, error);
}

GPtrArray *
gest_tramite_values_validate (const GestTramiteValues *values,
                              const GDate             *today)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_field_error_free);

  g_return_val_if_fail (values != NULL, errors);
  g_return_val_if_fail (today != NULL && g_date_valid (today), errors);

  if (values->statement == NULL)
    add_error (errors, GEST_TRAMITE_FIELD_PLAN,
               g_strdup (_("Choose the plan to pay off: search for the customer or the plan number.")));
  validate_amount (values, errors);
  validate_date (values, today, errors);
  if (values->notes != NULL && g_utf8_strlen (values->notes, -1) > NOTES_MAX_CHARS)
    add_error (errors, GEST_TRAMITE_FIELD_NOTES,
               g_strdup_printf (_("The notes are too long (%ld characters). Keep them under %d characters; add more later as timeline notes."),
                                (long) g_utf8_strlen (values->notes, -1), NOTES_MAX_CHARS));
  return errors;
}

char *
gest_tramite_values_dup_life_insurance_note (const GestTramiteValues *values)
{
  g_autofree char *insurance = NULL;

  g_return_val_if_fail (values != NULL, NULL);

  if (values->statement == NULL)
    return NULL;
  insurance = gest_money_format (values->statement->life_insurance);
  return g_strdup_printf (_("Life insurance of %s is not included in the payoff amount."), insurance);
}

gboolean
gest_tramite_values_check (const GestTramiteValues  *values,
                           GestMoney                *out_amount,
                           GDate                    *out_date,
                           GError                  **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  GDate today;

  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gest_date_today (&today);
  errors = gest_tramite_values_validate (values, &today);
  if (errors->len > 0)
    {
      GestFieldError *first = g_ptr_array_index (errors, 0);

      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, first->message);
      return FALSE;
    }
  /* Validation parsed both already; these cannot fail now. */
  return gest_money_parse (values->amount_text, out_amount, error) &&
         gest_date_parse (values->date_text, out_date, error);
}

GestTramite *
gest_tramite_values_save (const GestTramiteValues  *values,
                          GestStore                *store,
                          GError                  **error)
{
  GestMoney amount;
  GDate date;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (!gest_tramite_values_check (values, &amount, &date, error))
    return NULL;
  return gest_tramite_create (store, values->statement->plan_uuid, amount, &date,
                              values->notes, error);
}
