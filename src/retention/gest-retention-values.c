/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-values"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-retention-values.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* @text as yyyy-mm-dd, or NULL with @error set to the message when it is not a day. */
static char *
parse_day (const char  *text,
           char       **error)
{
  GDate day;

  if (!gest_date_parse (text, &day, NULL))
    {
      *error = g_strdup (_("Write the day as dd/mm/yyyy, for example 06/12/2026."));
      return NULL;
    }
  return gest_date_to_iso (&day);
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* --- A service visit ---------------------------------------------------------------------- */

GestVisitFormValues *
gest_visit_form_values_new (const char *today)
{
  GestVisitFormValues *values = g_new0 (GestVisitFormValues, 1);
  GDate day;

  values->today = g_strdup (today);
  values->kind = GEST_VISIT_MAINTENANCE;
  if (today != NULL && gest_date_from_iso (today, &day))
    values->opened_text = gest_date_format (&day);
  return values;
}

GestVisitFormValues *
gest_visit_form_values_copy (const GestVisitFormValues *values)
{
  GestVisitFormValues *copy = g_new0 (GestVisitFormValues, 1);

  copy->today = g_strdup (values->today);
  copy->vehicle_uuid = g_strdup (values->vehicle_uuid);
  copy->ro_number = g_strdup (values->ro_number);
  copy->opened_text = g_strdup (values->opened_text);
  copy->closed_text = g_strdup (values->closed_text);
  copy->km_text = g_strdup (values->km_text);
  copy->kind = values->kind;
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_visit_form_values_free (GestVisitFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->today);
  g_free (values->vehicle_uuid);
  g_free (values->ro_number);
  g_free (values->opened_text);
  g_free (values->closed_text);
  g_free (values->km_text);
  g_free (values->refusal);
  g_free (values);
}

GestVisitFormValues *
gest_visit_form_values_set_vehicle (const GestVisitFormValues *values,
                                    const char                *vehicle_uuid)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  replace (&copy->vehicle_uuid, vehicle_uuid);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestVisitFormValues *
gest_visit_form_values_set_text (const GestVisitFormValues *values,
                                 GestVisitFormField         field,
                                 const char                *text)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  if (field == GEST_VISIT_FORM_OPENED)
    replace (&copy->opened_text, text);
  else if (field == GEST_VISIT_FORM_CLOSED)
    replace (&copy->closed_text, text);
  else if (field == GEST_VISIT_FORM_KM)
    replace (&copy->km_text, text);
  else
    g_return_val_if_reached (copy);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestVisitFormValues *
gest_visit_form_values_set_ro (const GestVisitFormValues *values,
                               const char                *ro_number)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  replace (&copy->ro_number, ro_number);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestVisitFormValues *
gest_visit_form_values_set_kind (const GestVisitFormValues *values,
                                 GestVisitKind              kind)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  copy->kind = kind;
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestVisitFormValues *
gest_visit_form_values_set_saving (const GestVisitFormValues *values,
                                   gboolean                   saving)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestVisitFormValues *
gest_visit_form_values_set_refusal (const GestVisitFormValues *values,
                                    const char                *refusal)
{
  GestVisitFormValues *copy = gest_visit_form_values_copy (values);

  replace (&copy->refusal, refusal);
  return copy;
}

GestVisitFormState *
gest_visit_form_widget_state_from_values (const GestVisitFormValues *values)
{
  GestVisitFormState *state = g_new0 (GestVisitFormState, 1);
  char **errors = state->errors;
  gboolean valid;

  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;

  if (values->vehicle_uuid == NULL)
    errors[GEST_VISIT_FORM_VEHICLE] = g_strdup (_("Find the vehicle by its VIN or plate: the visit counts for that vehicle."));

  if (is_blank (values->opened_text))
    errors[GEST_VISIT_FORM_OPENED] = g_strdup (_("Give the day the vehicle came in."));
  else if ((state->opened_on = parse_day (values->opened_text, &errors[GEST_VISIT_FORM_OPENED])) != NULL &&
           values->today != NULL && strcmp (state->opened_on, values->today) > 0)
    errors[GEST_VISIT_FORM_OPENED] = g_strdup (_("The day the vehicle came in is after today: check the date."));

  if (!is_blank (values->closed_text) &&
      (state->closed_on = parse_day (values->closed_text, &errors[GEST_VISIT_FORM_CLOSED])) != NULL)
    {
      if (values->today != NULL && strcmp (state->closed_on, values->today) > 0)
        errors[GEST_VISIT_FORM_CLOSED] = g_strdup (_("The day the vehicle left is after today: leave it empty while the vehicle is in the workshop."));
      else if (state->opened_on != NULL && strcmp (state->closed_on, state->opened_on) < 0)
        errors[GEST_VISIT_FORM_CLOSED] = g_strdup (_("The vehicle cannot leave before the day it came in: check both dates."));
    }

  if (!is_blank (values->km_text))
    {
      g_autofree char *digits = g_strdup (values->km_text);
      guint64 km = 0;
      guint j = 0;

      /* "45,300" and "45 300" are typed as often as "45300". */
      for (guint i = 0; digits[i] != '\0'; i++)
        if (digits[i] != ',' && digits[i] != ' ' && digits[i] != '.')
          digits[j++] = digits[i];
      digits[j] = '\0';
      if (j == 0 || j > 7 || !g_ascii_string_to_unsigned (digits, 10, 0, 9999999, &km, NULL))
        errors[GEST_VISIT_FORM_KM] = g_strdup (_("Write the mileage in whole kilometres, for example 45300."));
      else
        state->km = (guint) km;
    }

  valid = TRUE;
  for (guint i = 0; i < GEST_VISIT_FORM_N_FIELDS; i++)
    valid &= errors[i] == NULL;
  state->save_sensitive = valid && !values->saving;
  return state;
}

void
gest_visit_form_state_free (GestVisitFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_VISIT_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->opened_on);
  g_free (state->closed_on);
  g_free (state);
}

/* --- A follow-up (S5) --------------------------------------------------------------------- */

GestFollowupFormValues *
gest_followup_form_values_new (const char *today,
                               const char *customer_uuid,
                               const char *vehicle_uuid)
{
  GestFollowupFormValues *values = g_new0 (GestFollowupFormValues, 1);

  values->today = g_strdup (today);
  values->customer_uuid = g_strdup (customer_uuid);
  values->vehicle_uuid = g_strdup (vehicle_uuid);
  values->kind = GEST_FOLLOWUP_PARTS;
  return values;
}

GestFollowupFormValues *
gest_followup_form_values_copy (const GestFollowupFormValues *values)
{
  GestFollowupFormValues *copy = g_new0 (GestFollowupFormValues, 1);

  copy->today = g_strdup (values->today);
  copy->customer_uuid = g_strdup (values->customer_uuid);
  copy->vehicle_uuid = g_strdup (values->vehicle_uuid);
  copy->kind = values->kind;
  copy->detail = g_strdup (values->detail);
  copy->call_on_text = g_strdup (values->call_on_text);
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_followup_form_values_free (GestFollowupFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->today);
  g_free (values->customer_uuid);
  g_free (values->vehicle_uuid);
  g_free (values->detail);
  g_free (values->call_on_text);
  g_free (values->refusal);
  g_free (values);
}

GestFollowupFormValues *
gest_followup_form_values_set_kind (const GestFollowupFormValues *values,
                                    GestFollowupKind              kind)
{
  GestFollowupFormValues *copy = gest_followup_form_values_copy (values);

  copy->kind = kind;
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestFollowupFormValues *
gest_followup_form_values_set_detail (const GestFollowupFormValues *values,
                                      const char                   *detail)
{
  GestFollowupFormValues *copy = gest_followup_form_values_copy (values);

  replace (&copy->detail, detail);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestFollowupFormValues *
gest_followup_form_values_set_call_on (const GestFollowupFormValues *values,
                                       const char                   *text)
{
  GestFollowupFormValues *copy = gest_followup_form_values_copy (values);

  replace (&copy->call_on_text, text);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestFollowupFormValues *
gest_followup_form_values_set_saving (const GestFollowupFormValues *values,
                                      gboolean                      saving)
{
  GestFollowupFormValues *copy = gest_followup_form_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestFollowupFormValues *
gest_followup_form_values_set_refusal (const GestFollowupFormValues *values,
                                       const char                   *refusal)
{
  GestFollowupFormValues *copy = gest_followup_form_values_copy (values);

  replace (&copy->refusal, refusal);
  return copy;
}

GestFollowupFormState *
gest_followup_form_widget_state_from_values (const GestFollowupFormValues *values)
{
  GestFollowupFormState *state = g_new0 (GestFollowupFormState, 1);
  char **errors = state->errors;
  gboolean valid = TRUE;

  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;
  if (values->customer_uuid == NULL)
    errors[GEST_FOLLOWUP_FORM_CUSTOMER] = g_strdup (_("Open the follow-up from a customer or a queue row: it needs the customer to call."));
  if (is_blank (values->detail))
    errors[GEST_FOLLOWUP_FORM_DETAIL] = values->kind == GEST_FOLLOWUP_PARTS
      ? g_strdup (_("Say which parts are pending, so the call can tell the customer."))
      : g_strdup (_("Say which operations or parts were quoted and not authorised."));
  if (is_blank (values->call_on_text))
    errors[GEST_FOLLOWUP_FORM_CALL_ON] = g_strdup (_("Give the day agreed with the customer for the call."));
  else if ((state->call_on = parse_day (values->call_on_text, &errors[GEST_FOLLOWUP_FORM_CALL_ON])) != NULL &&
           values->today != NULL && strcmp (state->call_on, values->today) < 0)
    errors[GEST_FOLLOWUP_FORM_CALL_ON] = g_strdup (_("The agreed day has passed: give today or a later day."));
  for (guint i = 0; i < GEST_FOLLOWUP_FORM_N_FIELDS; i++)
    valid &= errors[i] == NULL;
  state->save_sensitive = valid && !values->saving;
  return state;
}

void
gest_followup_form_state_free (GestFollowupFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_FOLLOWUP_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->call_on);
  g_free (state);
}

/* --- A promotion (S15) -------------------------------------------------------------------- */

static char *
iso_to_text (const char *iso)
{
  GDate day;

  if (iso == NULL || !gest_date_from_iso (iso, &day))
    return NULL;
  return gest_date_format (&day);
}

GestPromotionFormValues *
gest_promotion_form_values_new (const char *title,
                                const char *body,
                                const char *valid_from,
                                const char *valid_to)
{
  GestPromotionFormValues *values = g_new0 (GestPromotionFormValues, 1);

  values->title = g_strdup (title);
  values->body = g_strdup (body);
  values->from_text = iso_to_text (valid_from);
  values->to_text = iso_to_text (valid_to);
  return values;
}

GestPromotionFormValues *
gest_promotion_form_values_copy (const GestPromotionFormValues *values)
{
  GestPromotionFormValues *copy = g_new0 (GestPromotionFormValues, 1);

  copy->title = g_strdup (values->title);
  copy->body = g_strdup (values->body);
  copy->from_text = g_strdup (values->from_text);
  copy->to_text = g_strdup (values->to_text);
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_promotion_form_values_free (GestPromotionFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->title);
  g_free (values->body);
  g_free (values->from_text);
  g_free (values->to_text);
  g_free (values->refusal);
  g_free (values);
}

GestPromotionFormValues *
gest_promotion_form_values_set_text (const GestPromotionFormValues *values,
                                     GestPromotionFormField         field,
                                     const char                    *text)
{
  GestPromotionFormValues *copy = gest_promotion_form_values_copy (values);

  if (field == GEST_PROMOTION_FORM_TITLE)
    replace (&copy->title, text);
  else if (field == GEST_PROMOTION_FORM_FROM)
    replace (&copy->from_text, text);
  else
    replace (&copy->to_text, text);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestPromotionFormValues *
gest_promotion_form_values_set_body (const GestPromotionFormValues *values,
                                     const char                    *body)
{
  GestPromotionFormValues *copy = gest_promotion_form_values_copy (values);

  replace (&copy->body, body);
  return copy;
}

GestPromotionFormValues *
gest_promotion_form_values_set_saving (const GestPromotionFormValues *values,
                                       gboolean                       saving)
{
  GestPromotionFormValues *copy = gest_promotion_form_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestPromotionFormValues *
gest_promotion_form_values_set_refusal (const GestPromotionFormValues *values,
                                        const char                    *refusal)
{
  GestPromotionFormValues *copy = gest_promotion_form_values_copy (values);

  replace (&copy->refusal, refusal);
  return copy;
}

GestPromotionFormState *
gest_promotion_form_widget_state_from_values (const GestPromotionFormValues *values)
{
  GestPromotionFormState *state = g_new0 (GestPromotionFormState, 1);
  char **errors = state->errors;
  gboolean valid = TRUE;

  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;
  if (is_blank (values->title))
    errors[GEST_PROMOTION_FORM_TITLE] = g_strdup (_("Give the promotion a title: letters and calls name it."));
  if (is_blank (values->from_text))
    errors[GEST_PROMOTION_FORM_FROM] = g_strdup (_("Give the first day the promotion is valid."));
  else
    state->valid_from = parse_day (values->from_text, &errors[GEST_PROMOTION_FORM_FROM]);
  if (is_blank (values->to_text))
    errors[GEST_PROMOTION_FORM_TO] = g_strdup (_("Give the last day the promotion is valid."));
  else if ((state->valid_to = parse_day (values->to_text, &errors[GEST_PROMOTION_FORM_TO])) != NULL &&
           state->valid_from != NULL && strcmp (state->valid_to, state->valid_from) < 0)
    errors[GEST_PROMOTION_FORM_TO] = g_strdup (_("The promotion ends before it starts: check both days."));
  for (guint i = 0; i < GEST_PROMOTION_FORM_N_FIELDS; i++)
    valid &= errors[i] == NULL;
  state->save_sensitive = valid && !values->saving;
  return state;
}

void
gest_promotion_form_state_free (GestPromotionFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_PROMOTION_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->valid_from);
  g_free (state->valid_to);
  g_free (state);
}
