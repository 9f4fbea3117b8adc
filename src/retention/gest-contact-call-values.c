/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-call-values"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gest-contact-call-values.h"
#include "gest-date.h"

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

static gboolean
strv_has (char       **strv,
          const char  *code)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, code);
}

gboolean
gest_contact_call_parse_moment (const char *text,
                                gint64     *out)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  GDate day;
  guint hour, minute;
  char *end;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = 0;
  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  parts = g_strsplit_set (copy, " ", -1);
  if (g_strv_length (parts) != 2 || !gest_date_parse (parts[0], &day, NULL))
    return FALSE;
  hour = (guint) strtoul (parts[1], &end, 10);
  if (end == parts[1] || *end != ':' || end - parts[1] > 2)
    return FALSE;
  minute = (guint) strtoul (end + 1, &end, 10);
  if (*end != '\0' || strlen (strchr (parts[1], ':') + 1) != 2 || hour > 23 || minute > 59)
    return FALSE;
  at = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                        g_date_get_day (&day), (int) hour, (int) minute, 0);
  if (at == NULL)
    return FALSE;
  *out = g_date_time_to_unix (at) * G_USEC_PER_SEC;
  return TRUE;
}

GestContactCallValues *
gest_contact_call_values_new (gint64              now,
                              const char         *number,
                              const char * const *open_actions)
{
  GestContactCallValues *values = g_new0 (GestContactCallValues, 1);

  values->now = now;
  values->number = g_strdup (number);
  values->open_actions = g_strdupv ((char **) open_actions);
  /* S8: the panel shows the open field actions first and pre-checks them. */
  values->actions_told = g_strdupv ((char **) open_actions);
  return values;
}

GestContactCallValues *
gest_contact_call_values_copy (const GestContactCallValues *values)
{
  GestContactCallValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestContactCallValues, 1);
  copy->now = values->now;
  copy->number = g_strdup (values->number);
  copy->call_back_text = g_strdup (values->call_back_text);
  copy->open_actions = g_strdupv (values->open_actions);
  copy->actions_told = g_strdupv (values->actions_told);
  copy->note = g_strdup (values->note);
  copy->saving = values->saving;
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_contact_call_values_free (GestContactCallValues *values)
{
  if (values == NULL)
    return;
  g_free (values->number);
  g_free (values->call_back_text);
  g_strfreev (values->open_actions);
  g_strfreev (values->actions_told);
  g_free (values->note);
  g_free (values->refusal);
  g_free (values);
}

GestContactCallValues *
gest_contact_call_values_set_number (const GestContactCallValues *values,
                                     const char                  *number)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);

  g_free (copy->number);
  copy->number = g_strdup (number);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestContactCallValues *
gest_contact_call_values_set_call_back (const GestContactCallValues *values,
                                        const char                  *text)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);

  g_free (copy->call_back_text);
  copy->call_back_text = g_strdup (text);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestContactCallValues *
gest_contact_call_values_set_told (const GestContactCallValues *values,
                                   const char                  *code,
                                   gboolean                     told)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (code != NULL, copy);

  /* Kept in the order of the open actions, whatever the order of the clicks. */
  for (guint i = 0; copy->open_actions != NULL && copy->open_actions[i] != NULL; i++)
    {
      const char *open = copy->open_actions[i];
      gboolean on = g_str_equal (open, code) ? told : strv_has (copy->actions_told, open);

      if (on)
        g_strv_builder_add (builder, open);
    }
  g_strfreev (copy->actions_told);
  copy->actions_told = g_strv_builder_end (builder);
  g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestContactCallValues *
gest_contact_call_values_set_note (const GestContactCallValues *values,
                                   const char                  *note)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);

  g_free (copy->note);
  copy->note = g_strdup (note);
  return copy;
}

GestContactCallValues *
gest_contact_call_values_set_saving (const GestContactCallValues *values,
                                     gboolean                     saving)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);

  copy->saving = saving;
  if (saving)
    g_clear_pointer (&copy->refusal, g_free);
  return copy;
}

GestContactCallValues *
gest_contact_call_values_set_refusal (const GestContactCallValues *values,
                                      const char                  *refusal)
{
  GestContactCallValues *copy = gest_contact_call_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  return copy;
}

GestContactCallState *
gest_contact_call_widget_state_from_values (const GestContactCallValues *values)
{
  GestContactCallState *state;
  gboolean has_number;
  gboolean any_open;
  gboolean any_told;

  g_return_val_if_fail (values != NULL, NULL);

  state = g_new0 (GestContactCallState, 1);
  has_number = !is_blank (values->number);
  any_open = values->open_actions != NULL && values->open_actions[0] != NULL;
  any_told = values->actions_told != NULL && values->actions_told[0] != NULL;

  state->fields_sensitive = !values->saving;
  state->actions_visible = any_open;
  state->refusal = g_strdup (values->refusal);
  state->actions_told = values->actions_told != NULL ? g_strjoinv (" ", values->actions_told) : g_strdup ("");

  if (!has_number)
    state->errors[GEST_CONTACT_CALL_FIELD_NUMBER] =
      g_strdup (_("Choose the number you dialled: the call is logged with it."));

  if (!is_blank (values->call_back_text))
    {
      gint64 at;

      if (!gest_contact_call_parse_moment (values->call_back_text, &at))
        state->errors[GEST_CONTACT_CALL_FIELD_CALL_BACK] =
          g_strdup (_("Write the time to call back as dd/mm/yyyy hh:mm, for example 09/12/2026 16:30."));
      else if (at <= values->now)
        state->errors[GEST_CONTACT_CALL_FIELD_CALL_BACK] =
          g_strdup (_("That time has already passed: give a later time to call back."));
      else
        state->call_back_at = at;
    }

  /* S8: whatever the reason of the call, the customer hears about the open field actions. */
  if (any_open && !any_told)
    state->errors[GEST_CONTACT_CALL_FIELD_ACTIONS] =
      g_strdup (_("Tell the customer about the open field actions and check each one you told: "
                  "a call cannot end as contacted, booked or refused without them."));

  for (guint o = 0; o < GEST_N_CALL_OUTCOMES; o++)
    state->outcome_sensitive[o] = !values->saving && has_number;
  state->outcome_sensitive[GEST_CALL_CALL_BACK] &= state->call_back_at != 0;
  return state;
}

void
gest_contact_call_state_free (GestContactCallState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_CONTACT_CALL_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->actions_told);
  g_free (state);
}
