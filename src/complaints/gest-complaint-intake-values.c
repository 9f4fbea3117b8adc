/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-intake-values"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-complaint-intake-values.h"

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

/* NULL for a blank text: "none". */
static char *
dup_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strdup (text);
}

GestComplaintIntakeValues *
gest_complaint_intake_values_new (void)
{
  GestComplaintIntakeValues *values = g_new0 (GestComplaintIntakeValues, 1);

  values->kind = GEST_COMPLAINT_KIND_COMPLAINT;
  values->channel = GEST_COMPLAINT_CHANNEL_PHONE;
  values->invoice_number = g_strdup ("");
  values->complainant_name = g_strdup ("");
  values->complainant_role = g_strdup ("");
  values->summary = g_strdup ("");
  return values;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_copy (const GestComplaintIntakeValues *values)
{
  GestComplaintIntakeValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestComplaintIntakeValues, 1);
  copy->kind = values->kind;
  copy->channel = values->channel;
  copy->customer_uuid = g_strdup (values->customer_uuid);
  copy->customer_name = g_strdup (values->customer_name);
  copy->plan_uuid = g_strdup (values->plan_uuid);
  copy->vehicle_uuid = g_strdup (values->vehicle_uuid);
  copy->invoice_number = g_strdup (values->invoice_number);
  copy->complainant_name = g_strdup (values->complainant_name);
  copy->complainant_role = g_strdup (values->complainant_role);
  copy->summary = g_strdup (values->summary);
  copy->letter_path = g_strdup (values->letter_path);
  copy->responsible_uuid = g_strdup (values->responsible_uuid);
  copy->show_errors = values->show_errors;
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_complaint_intake_values_free (GestComplaintIntakeValues *values)
{
  if (values == NULL)
    return;
  g_free (values->customer_uuid);
  g_free (values->customer_name);
  g_free (values->plan_uuid);
  g_free (values->vehicle_uuid);
  g_free (values->invoice_number);
  g_free (values->complainant_name);
  g_free (values->complainant_role);
  g_free (values->summary);
  g_free (values->letter_path);
  g_free (values->responsible_uuid);
  g_free (values->refusal);
  g_free (values);
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_kind (const GestComplaintIntakeValues *values,
                                       GestComplaintKind                kind)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  copy->kind = kind;
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_channel (const GestComplaintIntakeValues *values,
                                          GestComplaintChannel             channel)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  copy->channel = channel;
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_customer (const GestComplaintIntakeValues *values,
                                           const char                      *uuid,
                                           const char                      *name)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  if (g_strcmp0 (copy->customer_uuid, uuid) != 0)
    {
      /* The plan and vehicle were the other customer's. */
      g_clear_pointer (&copy->plan_uuid, g_free);
      g_clear_pointer (&copy->vehicle_uuid, g_free);
    }
  g_free (copy->customer_uuid);
  copy->customer_uuid = dup_or_null (uuid);
  g_free (copy->customer_name);
  copy->customer_name = copy->customer_uuid != NULL ? g_strdup (name) : NULL;
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_plan (const GestComplaintIntakeValues *values,
                                       const char                      *plan_uuid,
                                       const char                      *vehicle_uuid)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->plan_uuid);
  copy->plan_uuid = dup_or_null (plan_uuid);
  g_free (copy->vehicle_uuid);
  copy->vehicle_uuid = dup_or_null (vehicle_uuid);
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_invoice (const GestComplaintIntakeValues *values,
                                          const char                      *invoice)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->invoice_number);
  copy->invoice_number = g_strdup (invoice != NULL ? invoice : "");
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_complainant (const GestComplaintIntakeValues *values,
                                              const char                      *name,
                                              const char                      *role)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->complainant_name);
  copy->complainant_name = g_strdup (name != NULL ? name : "");
  g_free (copy->complainant_role);
  copy->complainant_role = g_strdup (role != NULL ? role : "");
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_summary (const GestComplaintIntakeValues *values,
                                          const char                      *summary)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->summary);
  copy->summary = g_strdup (summary != NULL ? summary : "");
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_letter (const GestComplaintIntakeValues *values,
                                         const char                      *path)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->letter_path);
  copy->letter_path = dup_or_null (path);
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_responsible (const GestComplaintIntakeValues *values,
                                              const char                      *uuid)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->responsible_uuid);
  copy->responsible_uuid = dup_or_null (uuid);
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_show_errors (const GestComplaintIntakeValues *values,
                                              gboolean                         show_errors)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_saving (const GestComplaintIntakeValues *values,
                                         gboolean                         saving)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestComplaintIntakeValues *
gest_complaint_intake_values_set_refusal (const GestComplaintIntakeValues *values,
                                          const char                      *refusal)
{
  GestComplaintIntakeValues *copy = gest_complaint_intake_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

GestComplaintIntakeState *
gest_complaint_intake_widget_state_from_values (const GestComplaintIntakeValues *values)
{
  GestComplaintIntakeState *state;
  char *errors[GEST_COMPLAINT_INTAKE_N_FIELDS] = { NULL, };
  gboolean writing;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestComplaintIntakeState, 1);
  writing = values->channel == GEST_COMPLAINT_CHANNEL_WRITING;

  if (values->customer_uuid == NULL)
    errors[GEST_COMPLAINT_INTAKE_CUSTOMER] =
      g_strdup (_("Choose the customer who complains: search them by name, or create them if they are new."));
  if (is_blank (values->complainant_name))
    errors[GEST_COMPLAINT_INTAKE_COMPLAINANT] =
      g_strdup (_("Write the name of the person who complains: the customer or whoever speaks for them."));
  if (is_blank (values->summary))
    errors[GEST_COMPLAINT_INTAKE_SUMMARY] =
      g_strdup (writing ? _("Type the text of the customer’s letter as the summary.")
                        : _("Write a summary of the complaint as the customer told it."));
  if (writing && values->letter_path == NULL)
    errors[GEST_COMPLAINT_INTAKE_LETTER] =
      g_strdup (_("Attach the customer’s scanned letter: a complaint in writing keeps its scan."));
  if (values->responsible_uuid == NULL)
    errors[GEST_COMPLAINT_INTAKE_RESPONSIBLE] =
      g_strdup (_("Choose the primary responsible for the case among the active users."));

  state->valid = TRUE;
  for (guint i = 0; i < GEST_COMPLAINT_INTAKE_N_FIELDS; i++)
    {
      if (errors[i] != NULL)
        state->valid = FALSE;
      /* Before the first try, the fields are the analyst's to fill in peace. */
      if (values->show_errors)
        state->errors[i] = g_steal_pointer (&errors[i]);
      else
        g_free (errors[i]);
    }
  state->refusal = g_strdup (values->refusal);
  state->letter_visible = writing;
  state->fields_sensitive = !values->saving;
  state->account_sensitive = !values->saving && values->customer_uuid != NULL;
  /* Pressing Register with a field missing shows what is missing; only a save in flight
   * turns it off. */
  state->register_sensitive = !values->saving;
  state->summary_title = writing ? _("Letter’s Text") : _("Summary");
  return state;
}

void
gest_complaint_intake_state_free (GestComplaintIntakeState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_COMPLAINT_INTAKE_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state);
}

const char *
gest_complaint_intake_state_get_first_error (const GestComplaintIntakeState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < GEST_COMPLAINT_INTAKE_N_FIELDS; i++)
    if (state->errors[i] != NULL)
      return state->errors[i];
  return state->refusal;
}

void
gest_complaint_intake_values_to_intake (const GestComplaintIntakeValues *values,
                                        GestComplaintIntake             *out)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->kind = values->kind;
  out->channel = values->channel;
  out->customer_uuid = values->customer_uuid;
  out->plan_uuid = values->plan_uuid;
  out->vehicle_uuid = values->vehicle_uuid;
  out->invoice_number = values->invoice_number;
  out->complainant_name = values->complainant_name;
  out->complainant_role = values->complainant_role;
  out->summary = values->summary;
  out->letter_path = values->channel == GEST_COMPLAINT_CHANNEL_WRITING ? values->letter_path : NULL;
  out->responsible_uuid = values->responsible_uuid;
}
