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

/* T5: the payment form. */

GestTramitePaymentValues *
gest_tramite_payment_values_new (void)
{
  GestTramitePaymentValues *values = g_new0 (GestTramitePaymentValues, 1);

  values->amount_text = g_strdup ("");
  values->date_text = g_strdup ("");
  values->reference = g_strdup ("");
  return values;
}

GestTramitePaymentValues *
gest_tramite_payment_values_copy (const GestTramitePaymentValues *values)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_memdup2 (values, sizeof *values);
  copy->amount_text = g_strdup (values->amount_text);
  copy->date_text = g_strdup (values->date_text);
  copy->reference = g_strdup (values->reference);
  copy->proof_uuid = g_strdup (values->proof_uuid);
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_tramite_payment_values_free (GestTramitePaymentValues *values)
{
  if (values == NULL)
    return;
  g_free (values->amount_text);
  g_free (values->date_text);
  g_free (values->reference);
  g_free (values->proof_uuid);
  g_free (values->refusal);
  g_free (values);
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_tramite (const GestTramitePaymentValues *values,
                                         const GestTramite              *tramite)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  copy->has_tramite = tramite != NULL;
  copy->step = tramite != NULL ? tramite->step : 0;
  return copy;
}

static GestTramitePaymentValues *
replace_text (const GestTramitePaymentValues *values,
              gsize                           offset,
              const char                     *text)
{
  GestTramitePaymentValues *copy = gest_tramite_payment_values_copy (values);
  char **field = G_STRUCT_MEMBER_P (copy, offset);

  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
  return copy;
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_amount_text (const GestTramitePaymentValues *values,
                                             const char                     *text)
{
  g_return_val_if_fail (values != NULL, NULL);

  return replace_text (values, G_STRUCT_OFFSET (GestTramitePaymentValues, amount_text), text);
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_date_text (const GestTramitePaymentValues *values,
                                           const char                     *text)
{
  g_return_val_if_fail (values != NULL, NULL);

  return replace_text (values, G_STRUCT_OFFSET (GestTramitePaymentValues, date_text), text);
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_reference (const GestTramitePaymentValues *values,
                                           const char                     *reference)
{
  g_return_val_if_fail (values != NULL, NULL);

  return replace_text (values, G_STRUCT_OFFSET (GestTramitePaymentValues, reference), reference);
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_proof (const GestTramitePaymentValues *values,
                                       const char                     *proof_uuid)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  g_free (copy->proof_uuid);
  copy->proof_uuid = g_strdup (proof_uuid);
  return copy;
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_n_proofs (const GestTramitePaymentValues *values,
                                          guint                           n_proofs)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  copy->n_proofs = n_proofs;
  return copy;
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_show_errors (const GestTramitePaymentValues *values,
                                             gboolean                        show_errors)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  copy->show_errors = !!show_errors;
  return copy;
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_saving (const GestTramitePaymentValues *values,
                                        gboolean                        saving)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  copy->saving = !!saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestTramitePaymentValues *
gest_tramite_payment_values_set_refusal (const GestTramitePaymentValues *values,
                                         const char                     *refusal)
{
  GestTramitePaymentValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_tramite_payment_values_copy (values);
  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

/* T5: the one set of checks of the payment's fields, for the form below and for
 * gest_tramite_record_payment_full(). Each returns the message, or NULL when right. */
static char *
payment_amount_error (GestMoney amount)
{
  g_autofree char *amount_s = NULL;

  if (amount > 0)
    return NULL;
  amount_s = gest_money_format (amount);
  return g_strdup_printf (_("The payment amount must be more than $0.00 (it is %s). Write what the customer paid."),
                          amount_s);
}

static char *
payment_date_error (const GDate *date,
                    const GDate *today)
{
  g_autofree char *date_s = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("Write the date of the customer’s payment, as dd/mm/yyyy."));
  if (g_date_compare (date, today) <= 0)
    return NULL;
  date_s = gest_date_format (date);
  return g_strdup_printf (_("The payment date %s is in the future. Record the payment once the customer has paid."),
                          date_s);
}

static char *
payment_reference_error (const char *stripped)
{
  if (stripped != NULL && *stripped != '\0')
    return NULL;
  return g_strdup (_("Write the payment reference (the deposit or transfer reference on the customer’s receipt)."));
}

gboolean
gest_tramite_payment_check_fields (GestMoney     amount,
                                   const GDate  *date,
                                   const char   *reference,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (reference != NULL ? reference : ""));
  char *message;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  message = payment_amount_error (amount);
  if (message == NULL)
    message = payment_date_error (date, today);
  if (message == NULL)
    message = payment_reference_error (clean);
  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

/* An empty amount is $0.00. */
static char *
check_payment_amount (const char *text,
                      GestMoney  *out)
{
  g_autoptr(GError) error = NULL;

  *out = 0;
  if (!is_blank (text) && !gest_money_parse (text, out, &error))
    return g_strdup (error->message);
  return payment_amount_error (*out);
}

static char *
check_payment_date (const char  *text,
                    const GDate *today,
                    GDate       *out)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (is_blank (text))
    return payment_date_error (NULL, today);
  if (!gest_date_parse (text, out, &error))
    {
      g_date_clear (out, 1);
      return g_strdup (error->message);
    }
  return payment_date_error (out, today);
}

GestTramitePaymentState *
gest_tramite_payment_widget_state_from_values (const GestTramitePaymentValues *values,
                                               const GDate                    *today)
{
  GestTramitePaymentState *state;
  char *errors[GEST_TRAMITE_PAYMENT_N_FIELDS];
  g_autoptr(GError) refused = NULL;
  GestTramiteChecklist checklist = { 0 };
  gboolean can_take;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  state = g_new0 (GestTramitePaymentState, 1);

  /* The step rule is the model's (T6: up to step 3); its words say why Record is off. The
   * payment's rule does not look at the checklist. */
  can_take = values->has_tramite &&
             gest_tramite_rules_check_item (&checklist, values->step, GEST_TRAMITE_ITEM_PAYMENT,
                                            GEST_TRAMITE_ACTOR_DEALER, &refused);
  state->fields_sensitive = can_take;
  state->proof_sensitive = can_take && values->n_proofs > 0;
  state->record_sensitive = can_take && !values->saving;
  if (values->has_tramite && !can_take)
    state->record_blocked = g_strdup (refused->message);

  errors[GEST_TRAMITE_PAYMENT_AMOUNT] = check_payment_amount (values->amount_text, &state->amount);
  errors[GEST_TRAMITE_PAYMENT_DATE] = check_payment_date (values->date_text, today, &state->date);
  state->reference = g_strstrip (g_strdup (values->reference != NULL ? values->reference : ""));
  errors[GEST_TRAMITE_PAYMENT_REFERENCE] = payment_reference_error (state->reference);

  state->valid = TRUE;
  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    {
      if (errors[i] != NULL)
        state->valid = FALSE;
      /* Before the first try, the fields are the user's to fill in peace. */
      if (values->show_errors && can_take)
        state->errors[i] = g_steal_pointer (&errors[i]);
      else
        g_free (errors[i]);
    }
  state->refusal = g_strdup (values->refusal);
  return state;
}

void
gest_tramite_payment_state_free (GestTramitePaymentState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->record_blocked);
  g_free (state->reference);
  g_free (state);
}

const char *
gest_tramite_payment_state_get_first_error (const GestTramitePaymentState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    if (state->errors[i] != NULL)
      return state->errors[i];
  return state->refusal;
}
