/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-values"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-campaign-values.h"
#include "gest-date.h"

/* The largest quantity a part row takes: more is a typing slip. */
#define MAX_QUANTITY 1000000

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Ford's field action codes: two digits of the year, a letter and two digits (24S12, 23B05,
 * 22E01). */
static gboolean
is_ford_code (const char *code)
{
  return strlen (code) == 5 && g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) &&
         g_ascii_isalpha (code[2]) && g_ascii_isdigit (code[3]) && g_ascii_isdigit (code[4]);
}

typedef enum
{
  DAY_VALID,
  DAY_EMPTY,
  DAY_BAD,
} DayCheck;

/* A day typed as dd/mm/yyyy: DAY_VALID with *iso, else why not (*iso NULL). */
static DayCheck
check_day (const char  *text,
           char       **iso)
{
  g_autofree char *day = stripped (text);
  GDate date;

  *iso = NULL;
  if (*day == '\0')
    return DAY_EMPTY;
  if (!gest_date_parse (day, &date, NULL))
    return DAY_BAD;
  *iso = gest_date_to_iso (&date);
  return DAY_VALID;
}

/* A whole number typed in a row: TRUE with *out, or FALSE. Empty is @empty_value. */
static gboolean
parse_quantity (const char *text,
                guint       empty_value,
                guint      *out)
{
  g_autofree char *number = stripped (text);
  guint64 value = 0;

  if (*number == '\0')
    {
      *out = empty_value;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 0, MAX_QUANTITY, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* --- New or edited campaign -------------------------------------------------------------- */

GestCampaignFormValues *
gest_campaign_form_values_new (void)
{
  GestCampaignFormValues *values = g_new0 (GestCampaignFormValues, 1);

  values->code = g_strdup ("");
  values->kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL;
  values->description = g_strdup ("");
  values->labour_notes = g_strdup ("");
  values->parts_notes = g_strdup ("");
  values->starts_text = g_strdup ("");
  values->ends_text = g_strdup ("");
  values->needs_parts = TRUE;
  return values;
}

static char *
iso_to_text (const char *iso)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup ("");
  return gest_date_format (&date);
}

GestCampaignFormValues *
gest_campaign_form_values_new_from (const GestCampaign *campaign)
{
  GestCampaignFormValues *values;

  g_return_val_if_fail (campaign != NULL, NULL);

  values = g_new0 (GestCampaignFormValues, 1);
  values->code = g_strdup (campaign->code);
  values->kind = campaign->kind;
  values->description = g_strdup (campaign->description != NULL ? campaign->description : "");
  values->labour_notes = g_strdup (campaign->labour_notes != NULL ? campaign->labour_notes : "");
  values->parts_notes = g_strdup (campaign->parts_notes != NULL ? campaign->parts_notes : "");
  values->starts_text = iso_to_text (campaign->starts_on);
  values->ends_text = iso_to_text (campaign->ends_on);
  values->needs_parts = campaign->needs_parts;
  values->editing = TRUE;
  return values;
}

GestCampaignFormValues *
gest_campaign_form_values_copy (const GestCampaignFormValues *values)
{
  GestCampaignFormValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_memdup2 (values, sizeof *values);
  copy->code = g_strdup (values->code);
  copy->description = g_strdup (values->description);
  copy->labour_notes = g_strdup (values->labour_notes);
  copy->parts_notes = g_strdup (values->parts_notes);
  copy->starts_text = g_strdup (values->starts_text);
  copy->ends_text = g_strdup (values->ends_text);
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_campaign_form_values_free (GestCampaignFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->code);
  g_free (values->description);
  g_free (values->labour_notes);
  g_free (values->parts_notes);
  g_free (values->starts_text);
  g_free (values->ends_text);
  g_free (values->refusal);
  g_free (values);
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

GestCampaignFormValues *
gest_campaign_form_values_set_code (const GestCampaignFormValues *values,
                                    const char                   *code)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  replace (&copy->code, code);
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_kind (const GestCampaignFormValues *values,
                                    GestCampaignKind              kind)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  g_return_val_if_fail (kind < GEST_N_CAMPAIGN_KINDS, copy);
  copy->kind = kind;
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_description (const GestCampaignFormValues *values,
                                           const char                   *description)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  replace (&copy->description, description);
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_notes (const GestCampaignFormValues *values,
                                     const char                   *labour_notes,
                                     const char                   *parts_notes)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  replace (&copy->labour_notes, labour_notes);
  replace (&copy->parts_notes, parts_notes);
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_dates (const GestCampaignFormValues *values,
                                     const char                   *starts_text,
                                     const char                   *ends_text)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  replace (&copy->starts_text, starts_text);
  replace (&copy->ends_text, ends_text);
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_needs_parts (const GestCampaignFormValues *values,
                                           gboolean                      needs_parts)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  copy->needs_parts = needs_parts;
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_show_errors (const GestCampaignFormValues *values,
                                           gboolean                      show_errors)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_saving (const GestCampaignFormValues *values,
                                      gboolean                      saving)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestCampaignFormValues *
gest_campaign_form_values_set_refusal (const GestCampaignFormValues *values,
                                       const char                   *refusal)
{
  GestCampaignFormValues *copy = gest_campaign_form_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

GestCampaignFormState *
gest_campaign_form_widget_state_from_values (const GestCampaignFormValues *values)
{
  GestCampaignFormState *state;
  char *errors[GEST_CAMPAIGN_FORM_N_FIELDS] = { NULL, };
  gboolean valid = TRUE;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestCampaignFormState, 1);
  state->code = g_ascii_strup (g_strstrip (g_strdup (values->code)), -1);
  if (*state->code == '\0')
    errors[GEST_CAMPAIGN_FORM_CODE] = g_strdup (_("Write the campaign’s code as Ford sends it, for example 24S12."));
  else if (!is_ford_code (state->code))
    /* Translators: %s is what the user typed as a campaign code. */
    errors[GEST_CAMPAIGN_FORM_CODE] =
      g_strdup_printf (_("“%s” is not a Ford campaign code. Write two digits of the year, a letter and two digits, for example 24S12."),
                       state->code);

  state->description = stripped (values->description);
  if (*state->description == '\0')
    errors[GEST_CAMPAIGN_FORM_DESCRIPTION] =
      g_strdup (_("Describe what the campaign fixes, in the words of Ford’s bulletin."));

  state->dates_visible = gest_campaign_kind_has_dates (values->kind);
  if (state->dates_visible)
    {
      g_autofree char *starts = stripped (values->starts_text);
      g_autofree char *ends = stripped (values->ends_text);

      switch (check_day (starts, &state->starts_on))
        {
        case DAY_EMPTY:
          errors[GEST_CAMPAIGN_FORM_STARTS] = g_strdup (_("Write the day the campaign starts, as dd/mm/yyyy."));
          break;
        case DAY_BAD:
          /* Translators: %s is what the user typed. */
          errors[GEST_CAMPAIGN_FORM_STARTS] =
            g_strdup_printf (_("“%s” is not a date. Write the day the campaign starts as dd/mm/yyyy, for example 01/12/2026."),
                             starts);
          break;
        case DAY_VALID:
        default:
          break;
        }
      switch (check_day (ends, &state->ends_on))
        {
        case DAY_EMPTY:
          errors[GEST_CAMPAIGN_FORM_ENDS] = g_strdup (_("Write the day the campaign ends, as dd/mm/yyyy."));
          break;
        case DAY_BAD:
          /* Translators: %s is what the user typed. */
          errors[GEST_CAMPAIGN_FORM_ENDS] =
            g_strdup_printf (_("“%s” is not a date. Write the day the campaign ends as dd/mm/yyyy, for example 31/05/2027."),
                             ends);
          break;
        case DAY_VALID:
        default:
          break;
        }
      if (state->starts_on != NULL && state->ends_on != NULL && strcmp (state->ends_on, state->starts_on) < 0)
        /* Translators: two dates, dd/mm/yyyy: the end and the start. */
        errors[GEST_CAMPAIGN_FORM_ENDS] =
          g_strdup_printf (_("The campaign cannot end on %s, before it starts on %s. Check both days."), ends, starts);
    }

  for (guint i = 0; i < GEST_CAMPAIGN_FORM_N_FIELDS; i++)
    {
      if (errors[i] != NULL)
        valid = FALSE;
      state->errors[i] = values->show_errors ? errors[i] : NULL;
      if (!values->show_errors)
        g_free (errors[i]);
    }
  if (!valid)
    {
      g_clear_pointer (&state->starts_on, g_free);
      g_clear_pointer (&state->ends_on, g_free);
    }
  state->valid = valid;
  state->refusal = g_strdup (values->refusal);
  state->code_sensitive = !values->editing && !values->saving;
  state->fields_sensitive = !values->saving;
  /* Pressing "Save" with errors shows them: the button stays sensitive until then. */
  state->save_sensitive = !values->saving && (valid || !values->show_errors);
  return state;
}

void
gest_campaign_form_state_free (GestCampaignFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_CAMPAIGN_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->code);
  g_free (state->description);
  g_free (state->starts_on);
  g_free (state->ends_on);
  g_free (state);
}

void
gest_campaign_form_state_fields (const GestCampaignFormState  *state,
                                 const GestCampaignFormValues *values,
                                 GestCampaignFields           *out)
{
  g_return_if_fail (state != NULL && values != NULL && out != NULL);

  out->code = state->code;
  out->kind = values->kind;
  out->description = state->description;
  out->labour_notes = values->labour_notes;
  out->parts_notes = values->parts_notes;
  out->starts_on = state->starts_on;
  out->ends_on = state->ends_on;
  out->needs_parts = values->needs_parts;
}

/* --- A part ------------------------------------------------------------------------------ */

GestCampaignPartFormValues *
gest_campaign_part_form_values_new_add (void)
{
  GestCampaignPartFormValues *values = g_new0 (GestCampaignPartFormValues, 1);

  values->adding = TRUE;
  values->part_number = g_strdup ("");
  values->description = g_strdup ("");
  values->per_vehicle_text = g_strdup ("1");
  values->requested_text = g_strdup ("");
  values->status = GEST_CAMPAIGN_PART_REQUESTED;
  values->received_text = g_strdup ("");
  values->expected_text = g_strdup ("");
  return values;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_new_status (const GestCampaignPart *part)
{
  GestCampaignPartFormValues *values;

  g_return_val_if_fail (part != NULL, NULL);

  values = g_new0 (GestCampaignPartFormValues, 1);
  values->part_number = g_strdup (part->part_number);
  values->description = g_strdup (part->description != NULL ? part->description : "");
  values->per_vehicle_text = g_strdup_printf ("%u", part->qty_per_vehicle);
  values->requested_text = g_strdup_printf ("%u", part->qty_requested);
  values->status = part->status;
  values->received_text = part->qty_received > 0 ? g_strdup_printf ("%u", part->qty_received) : g_strdup ("");
  values->expected_text = iso_to_text (part->expected_on);
  values->received_before = part->qty_received;
  return values;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_copy (const GestCampaignPartFormValues *values)
{
  GestCampaignPartFormValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_memdup2 (values, sizeof *values);
  copy->part_number = g_strdup (values->part_number);
  copy->description = g_strdup (values->description);
  copy->per_vehicle_text = g_strdup (values->per_vehicle_text);
  copy->requested_text = g_strdup (values->requested_text);
  copy->received_text = g_strdup (values->received_text);
  copy->expected_text = g_strdup (values->expected_text);
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_campaign_part_form_values_free (GestCampaignPartFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->part_number);
  g_free (values->description);
  g_free (values->per_vehicle_text);
  g_free (values->requested_text);
  g_free (values->received_text);
  g_free (values->expected_text);
  g_free (values->refusal);
  g_free (values);
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_part (const GestCampaignPartFormValues *values,
                                         const char                       *part_number,
                                         const char                       *description)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  replace (&copy->part_number, part_number);
  replace (&copy->description, description);
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_quantities (const GestCampaignPartFormValues *values,
                                               const char                       *per_vehicle_text,
                                               const char                       *requested_text)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  replace (&copy->per_vehicle_text, per_vehicle_text);
  replace (&copy->requested_text, requested_text);
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_status (const GestCampaignPartFormValues *values,
                                           GestCampaignPartStatus            status)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  g_return_val_if_fail (status < GEST_N_CAMPAIGN_PART_STATUSES, copy);
  copy->status = status;
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_received (const GestCampaignPartFormValues *values,
                                             const char                       *received_text)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  replace (&copy->received_text, received_text);
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_expected (const GestCampaignPartFormValues *values,
                                             const char                       *expected_text)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  replace (&copy->expected_text, expected_text);
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_show_errors (const GestCampaignPartFormValues *values,
                                                gboolean                          show_errors)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_saving (const GestCampaignPartFormValues *values,
                                           gboolean                          saving)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestCampaignPartFormValues *
gest_campaign_part_form_values_set_refusal (const GestCampaignPartFormValues *values,
                                            const char                       *refusal)
{
  GestCampaignPartFormValues *copy = gest_campaign_part_form_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

static void
check_add (const GestCampaignPartFormValues *values,
           GestCampaignPartFormState        *state,
           char                            **errors)
{
  g_autofree char *per_vehicle = stripped (values->per_vehicle_text);
  g_autofree char *requested = stripped (values->requested_text);

  state->part_number = g_ascii_strup (g_strstrip (g_strdup (values->part_number)), -1);
  if (*state->part_number == '\0')
    errors[GEST_CAMPAIGN_PART_FORM_NUMBER] =
      g_strdup (_("Write the part number as the parts area knows it, for example 6L2Z-78043B13-AA."));
  if (*per_vehicle == '\0')
    errors[GEST_CAMPAIGN_PART_FORM_PER_VEHICLE] =
      g_strdup (_("Write how many pieces of this part each vehicle needs, 1 or more."));
  else if (!parse_quantity (per_vehicle, 0, &state->qty_per_vehicle) || state->qty_per_vehicle == 0)
    /* Translators: %s is what the user typed. */
    errors[GEST_CAMPAIGN_PART_FORM_PER_VEHICLE] =
      g_strdup_printf (_("“%s” is not a quantity. Write how many pieces each vehicle needs, a whole number from 1."),
                       per_vehicle);
  if (!parse_quantity (requested, 0, &state->qty_requested))
    /* Translators: %s is what the user typed. */
    errors[GEST_CAMPAIGN_PART_FORM_REQUESTED] =
      g_strdup_printf (_("“%s” is not a quantity. Write how many pieces were requested from the parts area, a whole number."),
                       requested);
}

static void
check_status (const GestCampaignPartFormValues *values,
              GestCampaignPartFormState        *state,
              char                            **errors)
{
  g_autofree char *received = stripped (values->received_text);

  state->received_visible = values->status == GEST_CAMPAIGN_PART_RECEIVED;
  state->expected_visible = values->status == GEST_CAMPAIGN_PART_ORDERED ||
                            values->status == GEST_CAMPAIGN_PART_BACK_ORDERED;
  state->qty_received = values->received_before;
  if (state->received_visible)
    {
      if (*received == '\0')
        errors[GEST_CAMPAIGN_PART_FORM_RECEIVED] =
          g_strdup (_("Write how many pieces have been received in total so far."));
      else if (!parse_quantity (received, 0, &state->qty_received) || state->qty_received == 0)
        /* Translators: %s is what the user typed. */
        errors[GEST_CAMPAIGN_PART_FORM_RECEIVED] =
          g_strdup_printf (_("“%s” is not a quantity. Write how many pieces have been received in total so far, 1 or more."),
                           received);
      else if (state->qty_received < values->received_before)
        errors[GEST_CAMPAIGN_PART_FORM_RECEIVED] =
          /* Translators: both are numbers of pieces. */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u piece was received already. Write the total received so far, %u or more.",
                                        "%u pieces were received already. Write the total received so far, %u or more.",
                                        values->received_before),
                           values->received_before, values->received_before);
    }
  if (state->expected_visible && check_day (values->expected_text, &state->expected_on) == DAY_BAD)
    {
      g_autofree char *expected = stripped (values->expected_text);

      /* Translators: %s is what the user typed. */
      errors[GEST_CAMPAIGN_PART_FORM_EXPECTED] =
        g_strdup_printf (_("“%s” is not a date. Write the day the parts area expects the parts as dd/mm/yyyy, or leave it empty."),
                         expected);
    }
}

GestCampaignPartFormState *
gest_campaign_part_form_widget_state_from_values (const GestCampaignPartFormValues *values)
{
  GestCampaignPartFormState *state;
  char *errors[GEST_CAMPAIGN_PART_FORM_N_FIELDS] = { NULL, };
  gboolean valid = TRUE;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestCampaignPartFormState, 1);
  state->add_rows_visible = values->adding;
  state->status_rows_visible = !values->adding;
  if (values->adding)
    check_add (values, state, errors);
  else
    {
      state->part_number = g_strdup (values->part_number);
      check_status (values, state, errors);
    }
  for (guint i = 0; i < GEST_CAMPAIGN_PART_FORM_N_FIELDS; i++)
    {
      if (errors[i] != NULL)
        valid = FALSE;
      state->errors[i] = values->show_errors ? errors[i] : NULL;
      if (!values->show_errors)
        g_free (errors[i]);
    }
  state->valid = valid;
  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;
  state->save_sensitive = !values->saving && (valid || !values->show_errors);
  return state;
}

void
gest_campaign_part_form_state_free (GestCampaignPartFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_CAMPAIGN_PART_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->part_number);
  g_free (state->expected_on);
  g_free (state);
}
