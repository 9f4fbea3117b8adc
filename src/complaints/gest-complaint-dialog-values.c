/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-dialog-values"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-dialog-values.h"
#include "gest-date.h"

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

static char *
dup_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strdup (text);
}

/* Moves the field errors into the state once the user tried to save; tells whether none. */
static gboolean
keep_errors (char     **errors,
             char     **out,
             guint      n,
             gboolean   show)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < n; i++)
    {
      if (errors[i] != NULL)
        valid = FALSE;
      if (show)
        out[i] = g_steal_pointer (&errors[i]);
      else
        g_clear_pointer (&errors[i], g_free);
    }
  return valid;
}

/* Closure (Q9, Q10). */

GestComplaintClosureValues *
gest_complaint_closure_values_new (gboolean accepted_call)
{
  GestComplaintClosureValues *values = g_new0 (GestComplaintClosureValues, 1);

  values->accepted_call = accepted_call;
  return values;
}

GestComplaintClosureValues *
gest_complaint_closure_values_copy (const GestComplaintClosureValues *values)
{
  GestComplaintClosureValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestComplaintClosureValues, 1);
  copy->accepted_call = values->accepted_call;
  copy->cause_uuid = g_strdup (values->cause_uuid);
  copy->error_uuid = g_strdup (values->error_uuid);
  copy->area_uuid = g_strdup (values->area_uuid);
  copy->show_errors = values->show_errors;
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_complaint_closure_values_free (GestComplaintClosureValues *values)
{
  if (values == NULL)
    return;
  g_free (values->cause_uuid);
  g_free (values->error_uuid);
  g_free (values->area_uuid);
  g_free (values->refusal);
  g_free (values);
}

GestComplaintClosureValues *
gest_complaint_closure_values_set_field (const GestComplaintClosureValues *values,
                                         GestComplaintClosureField         field,
                                         const char                       *uuid)
{
  GestComplaintClosureValues *copy = gest_complaint_closure_values_copy (values);
  char **slot = field == GEST_COMPLAINT_CLOSURE_CAUSE ? &copy->cause_uuid
              : field == GEST_COMPLAINT_CLOSURE_ERROR ? &copy->error_uuid
              : &copy->area_uuid;

  g_free (*slot);
  *slot = dup_or_null (uuid);
  return copy;
}

GestComplaintClosureValues *
gest_complaint_closure_values_set_show_errors (const GestComplaintClosureValues *values,
                                               gboolean                          show_errors)
{
  GestComplaintClosureValues *copy = gest_complaint_closure_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestComplaintClosureValues *
gest_complaint_closure_values_set_saving (const GestComplaintClosureValues *values,
                                          gboolean                          saving)
{
  GestComplaintClosureValues *copy = gest_complaint_closure_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestComplaintClosureValues *
gest_complaint_closure_values_set_refusal (const GestComplaintClosureValues *values,
                                           const char                       *refusal)
{
  GestComplaintClosureValues *copy = gest_complaint_closure_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

GestComplaintClosureState *
gest_complaint_closure_widget_state_from_values (const GestComplaintClosureValues *values)
{
  GestComplaintClosureState *state;
  char *errors[GEST_COMPLAINT_CLOSURE_N_FIELDS] = { NULL, };

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestComplaintClosureState, 1);
  if (values->cause_uuid == NULL)
    errors[GEST_COMPLAINT_CLOSURE_CAUSE] =
      g_strdup (_("Choose the cause of the complaint from the catalog. If it is missing, ask the head of customer service to add it."));
  if (values->error_uuid == NULL)
    errors[GEST_COMPLAINT_CLOSURE_ERROR] =
      g_strdup (_("Choose the error that gave rise to the complaint from the catalog. If it is missing, ask the head of customer service to add it."));
  if (values->area_uuid == NULL)
    errors[GEST_COMPLAINT_CLOSURE_AREA] =
      g_strdup (_("Choose the area responsible for the error from the catalog. If it is missing, ask the head of customer service to add it."));
  state->valid = keep_errors (errors, state->errors, GEST_COMPLAINT_CLOSURE_N_FIELDS,
                              values->show_errors && values->accepted_call);
  if (!values->accepted_call)
    state->blocked = g_strdup (_("The customer has not confirmed by phone that they accept the solution. "
                                 "Record that call on the case first, then close it."));
  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = values->accepted_call && !values->saving;
  state->close_sensitive = values->accepted_call && !values->saving;
  return state;
}

void
gest_complaint_closure_state_free (GestComplaintClosureState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_COMPLAINT_CLOSURE_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->blocked);
  g_free (state);
}

/* Assignment (Q6). */

GestComplaintAssignValues *
gest_complaint_assign_values_new (const GestComplaint *complaint)
{
  GestComplaintAssignValues *values = g_new0 (GestComplaintAssignValues, 1);

  if (complaint != NULL)
    {
      values->responsible_uuid = dup_or_null (complaint->responsible_uuid);
      values->document_status = dup_or_null (complaint->document_status);
      values->advisor_name = g_strdup (complaint->advisor_name);
      values->commercial_coordinator = g_strdup (complaint->commercial_coordinator);
    }
  if (values->advisor_name == NULL)
    values->advisor_name = g_strdup ("");
  if (values->commercial_coordinator == NULL)
    values->commercial_coordinator = g_strdup ("");
  return values;
}

GestComplaintAssignValues *
gest_complaint_assign_values_copy (const GestComplaintAssignValues *values)
{
  GestComplaintAssignValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestComplaintAssignValues, 1);
  copy->responsible_uuid = g_strdup (values->responsible_uuid);
  copy->document_status = g_strdup (values->document_status);
  copy->advisor_name = g_strdup (values->advisor_name);
  copy->commercial_coordinator = g_strdup (values->commercial_coordinator);
  copy->show_errors = values->show_errors;
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_complaint_assign_values_free (GestComplaintAssignValues *values)
{
  if (values == NULL)
    return;
  g_free (values->responsible_uuid);
  g_free (values->document_status);
  g_free (values->advisor_name);
  g_free (values->commercial_coordinator);
  g_free (values->refusal);
  g_free (values);
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_responsible (const GestComplaintAssignValues *values,
                                              const char                      *uuid)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  g_free (copy->responsible_uuid);
  copy->responsible_uuid = dup_or_null (uuid);
  return copy;
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_document_status (const GestComplaintAssignValues *values,
                                                  const char                      *code)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  g_free (copy->document_status);
  copy->document_status = dup_or_null (code);
  return copy;
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_people (const GestComplaintAssignValues *values,
                                         const char                      *advisor_name,
                                         const char                      *commercial_coordinator)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  g_free (copy->advisor_name);
  copy->advisor_name = g_strdup (advisor_name != NULL ? advisor_name : "");
  g_free (copy->commercial_coordinator);
  copy->commercial_coordinator = g_strdup (commercial_coordinator != NULL ? commercial_coordinator : "");
  return copy;
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_show_errors (const GestComplaintAssignValues *values,
                                              gboolean                         show_errors)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_saving (const GestComplaintAssignValues *values,
                                         gboolean                         saving)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestComplaintAssignValues *
gest_complaint_assign_values_set_refusal (const GestComplaintAssignValues *values,
                                          const char                      *refusal)
{
  GestComplaintAssignValues *copy = gest_complaint_assign_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

GestComplaintAssignState *
gest_complaint_assign_widget_state_from_values (const GestComplaintAssignValues *values)
{
  GestComplaintAssignState *state;
  char *errors[GEST_COMPLAINT_ASSIGN_N_FIELDS] = { NULL, };
  GestDocumentStatus status;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestComplaintAssignState, 1);
  if (values->responsible_uuid == NULL)
    errors[GEST_COMPLAINT_ASSIGN_RESPONSIBLE] =
      g_strdup (_("Choose the responsible for the case among the active users."));
  if (values->document_status != NULL &&
      gest_document_status_from_code (values->document_status, &status))
    state->status_meaning = gest_document_status_meaning (status);
  else
    errors[GEST_COMPLAINT_ASSIGN_DOCUMENT_STATUS] =
      g_strdup (_("Choose the status of the customer’s documents (OG, AA, AN, PR or PN) after reviewing the account."));
  state->valid = keep_errors (errors, state->errors, GEST_COMPLAINT_ASSIGN_N_FIELDS, values->show_errors);
  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;
  state->save_sensitive = !values->saving;
  return state;
}

void
gest_complaint_assign_state_free (GestComplaintAssignState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_COMPLAINT_ASSIGN_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state);
}

/* Task (Q6). */

GestComplaintTaskValues *
gest_complaint_task_values_new (void)
{
  GestComplaintTaskValues *values = g_new0 (GestComplaintTaskValues, 1);

  values->description = g_strdup ("");
  values->due_text = g_strdup ("");
  return values;
}

GestComplaintTaskValues *
gest_complaint_task_values_copy (const GestComplaintTaskValues *values)
{
  GestComplaintTaskValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestComplaintTaskValues, 1);
  copy->assignee_uuid = g_strdup (values->assignee_uuid);
  copy->description = g_strdup (values->description);
  copy->due_text = g_strdup (values->due_text);
  copy->show_errors = values->show_errors;
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_complaint_task_values_free (GestComplaintTaskValues *values)
{
  if (values == NULL)
    return;
  g_free (values->assignee_uuid);
  g_free (values->description);
  g_free (values->due_text);
  g_free (values->refusal);
  g_free (values);
}

GestComplaintTaskValues *
gest_complaint_task_values_set_assignee (const GestComplaintTaskValues *values,
                                         const char                    *uuid)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  g_free (copy->assignee_uuid);
  copy->assignee_uuid = dup_or_null (uuid);
  return copy;
}

GestComplaintTaskValues *
gest_complaint_task_values_set_description (const GestComplaintTaskValues *values,
                                            const char                    *description)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  g_free (copy->description);
  copy->description = g_strdup (description != NULL ? description : "");
  return copy;
}

GestComplaintTaskValues *
gest_complaint_task_values_set_due_text (const GestComplaintTaskValues *values,
                                         const char                    *text)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  g_free (copy->due_text);
  copy->due_text = g_strdup (text != NULL ? text : "");
  return copy;
}

GestComplaintTaskValues *
gest_complaint_task_values_set_show_errors (const GestComplaintTaskValues *values,
                                            gboolean                       show_errors)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestComplaintTaskValues *
gest_complaint_task_values_set_saving (const GestComplaintTaskValues *values,
                                       gboolean                       saving)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestComplaintTaskValues *
gest_complaint_task_values_set_refusal (const GestComplaintTaskValues *values,
                                        const char                    *refusal)
{
  GestComplaintTaskValues *copy = gest_complaint_task_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

static char *
check_due (const char  *text,
           const GDate *today,
           GDate       *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_date_clear (out, 1);
  if (*stripped == '\0')
    return g_strdup (_("Write the day the task is due, as dd/mm/yyyy."));
  if (!gest_date_parse (stripped, out, NULL))
    {
      g_date_clear (out, 1);
      /* Translators: %s is what the user typed. */
      return g_strdup_printf (_("“%s” is not a date. Write the due day as dd/mm/yyyy, for example 15/01/2027."),
                              stripped);
    }
  if (g_date_compare (out, today) < 0)
    {
      g_autofree char *day = gest_date_format (out);

      /* Translators: %s is a date, dd/mm/yyyy. */
      return g_strdup_printf (_("The due day %s has already passed. Choose today or a later day."), day);
    }
  return NULL;
}

GestComplaintTaskState *
gest_complaint_task_widget_state_from_values (const GestComplaintTaskValues *values,
                                              const GDate                   *today)
{
  GestComplaintTaskState *state;
  char *errors[GEST_COMPLAINT_TASK_N_FIELDS] = { NULL, };

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  state = g_new0 (GestComplaintTaskState, 1);
  if (values->assignee_uuid == NULL)
    errors[GEST_COMPLAINT_TASK_ASSIGNEE] =
      g_strdup (_("Choose who is responsible for the task among the active users."));
  state->description = g_strstrip (g_strdup (values->description != NULL ? values->description : ""));
  if (*state->description == '\0')
    errors[GEST_COMPLAINT_TASK_DESCRIPTION] =
      g_strdup (_("Write what has to be done, so the assignee knows the action expected."));
  errors[GEST_COMPLAINT_TASK_DUE] = check_due (values->due_text, today, &state->due);
  state->valid = keep_errors (errors, state->errors, GEST_COMPLAINT_TASK_N_FIELDS, values->show_errors);
  state->refusal = g_strdup (values->refusal);
  state->fields_sensitive = !values->saving;
  state->save_sensitive = !values->saving;
  return state;
}

void
gest_complaint_task_state_free (GestComplaintTaskState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_COMPLAINT_TASK_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->description);
  g_free (state);
}
