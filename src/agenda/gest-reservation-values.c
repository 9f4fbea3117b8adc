/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-values"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-reservation-values.h"

static const char * const kind_ids[GEST_RESERVATION_N_KINDS] = {
  "maintenance", "repair", "field-action", "diagnosis", "warranty", "other",
};

const char *
gest_reservation_form_kind_id (guint position)
{
  return position < GEST_RESERVATION_N_KINDS ? kind_ids[position] : kind_ids[0];
}

guint
gest_reservation_form_kind_position (const char *kind)
{
  for (guint i = 0; i < GEST_RESERVATION_N_KINDS; i++)
    if (g_strcmp0 (kind, kind_ids[i]) == 0)
      return i;
  return 0;
}

gboolean
gest_reservation_parse_time (const char *text,
                             int        *out_min)
{
  g_autofree char *copy = NULL;
  unsigned int hours, minutes;
  char extra;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (sscanf (copy, "%u:%u%c", &hours, &minutes, &extra) != 2 || hours > 23 || minutes > 59)
    return FALSE;
  if (strlen (copy) < 4 || strlen (copy) > 5)
    return FALSE;
  if (out_min != NULL)
    *out_min = (int) (hours * 60 + minutes);
  return TRUE;
}

/* "35,000", "35000", "35 000" → 35000; -1 when not a whole number of km. Empty → 0. */
static int
parse_mileage (const char *text)
{
  gint64 value = 0;
  gboolean digits = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          value = value * 10 + (*p - '0');
          digits = TRUE;
          if (value > 9999999)
            return -1;
        }
      else if (*p != ',' && *p != ' ')
        return -1;
    }
  return digits ? (int) value : 0;
}

GestReservationFormValues *
gest_reservation_form_values_new (GestReservationFormMode  mode,
                                  const char              *today)
{
  GestReservationFormValues *values = g_new0 (GestReservationFormValues, 1);

  g_return_val_if_fail (today != NULL, NULL);

  values->mode = mode;
  values->customer_label = g_strdup ("");
  values->mileage_text = g_strdup ("");
  values->service_kind = g_strdup ("maintenance");
  values->day_text = g_strdup ("");
  values->time_text = g_strdup ("");
  values->today = g_strdup (today);
  values->transport = g_strdup ("waits");
  values->notes = g_strdup ("");
  values->refusal_field = GEST_RESERVATION_FORM_N_FIELDS;
  return values;
}

static char *
day_text_from_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup ("");
  return gest_date_format (&date);
}

static char *
time_text_from_min (int minutes)
{
  if (minutes < 0)
    return g_strdup ("");
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

GestReservationFormValues *
gest_reservation_form_values_new_preset (GestReservationFormMode      mode,
                                         const char                  *today,
                                         const GestReservationValues *preset)
{
  GestReservationFormValues *values = gest_reservation_form_values_new (mode, today);

  if (preset == NULL)
    return values;
  if (preset->customer_uuid != NULL)
    values->customer_uuid = g_strdup (preset->customer_uuid);
  if (preset->vehicle_uuid != NULL)
    values->vehicle_uuid = g_strdup (preset->vehicle_uuid);
  if (preset->advisor_uuid != NULL)
    values->advisor_uuid = g_strdup (preset->advisor_uuid);
  if (preset->day != NULL)
    {
      g_free (values->day_text);
      values->day_text = day_text_from_iso (preset->day);
      g_free (values->time_text);
      values->time_text = time_text_from_min (preset->starts_min);
    }
  if (preset->service_kind != NULL)
    {
      g_free (values->service_kind);
      values->service_kind = g_strdup (preset->service_kind);
    }
  if (preset->transport != NULL)
    {
      g_free (values->transport);
      values->transport = g_strdup (preset->transport);
    }
  if (preset->notes != NULL)
    {
      g_free (values->notes);
      values->notes = g_strdup (preset->notes);
    }
  if (preset->mileage_km > 0)
    {
      g_free (values->mileage_text);
      values->mileage_text = g_strdup_printf ("%d", preset->mileage_km);
      values->last_mileage_km = preset->mileage_km;
    }
  values->needs_invoice = preset->needs_invoice;
  return values;
}

GestReservationFormValues *
gest_reservation_form_values_new_from (const GestReservation *reservation,
                                       const char            *today)
{
  GestReservationFormValues *values = gest_reservation_form_values_new (GEST_RESERVATION_FORM_EDIT, today);

  g_return_val_if_fail (reservation != NULL, values);

  values->customer_uuid = g_strdup (reservation->customer_uuid);
  g_free (values->customer_label);
  values->customer_label = g_strdup (reservation->customer_name != NULL ? reservation->customer_name : "");
  values->vehicle_uuid = g_strdup (reservation->vehicle_uuid);
  values->last_mileage_km = reservation->mileage_km;
  g_free (values->mileage_text);
  values->mileage_text = reservation->mileage_km > 0 ? g_strdup_printf ("%d", reservation->mileage_km) : g_strdup ("");
  if (reservation->service_kind != NULL)
    {
      g_free (values->service_kind);
      values->service_kind = g_strdup (reservation->service_kind);
    }
  values->advisor_uuid = g_strdup (reservation->advisor_uuid);
  g_free (values->day_text);
  values->day_text = day_text_from_iso (reservation->day);
  g_free (values->time_text);
  values->time_text = time_text_from_min (reservation->starts_min);
  if (reservation->transport != NULL)
    {
      g_free (values->transport);
      values->transport = g_strdup (reservation->transport);
    }
  g_free (values->notes);
  values->notes = g_strdup (reservation->notes != NULL ? reservation->notes : "");
  values->needs_invoice = reservation->needs_invoice;
  return values;
}

GestReservationFormValues *
gest_reservation_form_values_copy (const GestReservationFormValues *values)
{
  GestReservationFormValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_memdup2 (values, sizeof *values);
  copy->customer_uuid = g_strdup (values->customer_uuid);
  copy->customer_label = g_strdup (values->customer_label);
  copy->vehicle_uuid = g_strdup (values->vehicle_uuid);
  copy->mileage_text = g_strdup (values->mileage_text);
  copy->service_kind = g_strdup (values->service_kind);
  copy->advisor_uuid = g_strdup (values->advisor_uuid);
  copy->day_text = g_strdup (values->day_text);
  copy->time_text = g_strdup (values->time_text);
  copy->today = g_strdup (values->today);
  copy->transport = g_strdup (values->transport);
  copy->notes = g_strdup (values->notes);
  copy->billing_error = g_strdup (values->billing_error);
  copy->refusal = g_strdup (values->refusal);
  return copy;
}

void
gest_reservation_form_values_free (GestReservationFormValues *values)
{
  if (values == NULL)
    return;
  g_free (values->customer_uuid);
  g_free (values->customer_label);
  g_free (values->vehicle_uuid);
  g_free (values->mileage_text);
  g_free (values->service_kind);
  g_free (values->advisor_uuid);
  g_free (values->day_text);
  g_free (values->time_text);
  g_free (values->today);
  g_free (values->transport);
  g_free (values->notes);
  g_free (values->billing_error);
  g_free (values->refusal);
  g_free (values);
}

/* Every setter clears the model's refusal: the user changed something since. */
static GestReservationFormValues *
copy_for_change (const GestReservationFormValues *values)
{
  GestReservationFormValues *copy = gest_reservation_form_values_copy (values);

  g_clear_pointer (&copy->refusal, g_free);
  copy->refusal_field = GEST_RESERVATION_FORM_N_FIELDS;
  return copy;
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

GestReservationFormValues *
gest_reservation_form_values_set_customer (const GestReservationFormValues *values,
                                           const char                      *uuid,
                                           const char                      *label)
{
  GestReservationFormValues *copy = copy_for_change (values);

  if (g_strcmp0 (uuid, values->customer_uuid) != 0)
    {
      /* Another customer: their vehicle is to be chosen again. */
      g_clear_pointer (&copy->vehicle_uuid, g_free);
      copy->last_mileage_km = 0;
    }
  g_free (copy->customer_uuid);
  copy->customer_uuid = g_strdup (uuid);
  replace (&copy->customer_label, label);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_vehicle (const GestReservationFormValues *values,
                                          const char                      *uuid,
                                          int                              last_mileage_km)
{
  GestReservationFormValues *copy = copy_for_change (values);

  g_free (copy->vehicle_uuid);
  copy->vehicle_uuid = g_strdup (uuid);
  copy->last_mileage_km = MAX (last_mileage_km, 0);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_mileage (const GestReservationFormValues *values,
                                          const char                      *text)
{
  GestReservationFormValues *copy = copy_for_change (values);

  replace (&copy->mileage_text, text);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_kind (const GestReservationFormValues *values,
                                       const char                      *kind)
{
  GestReservationFormValues *copy = copy_for_change (values);

  replace (&copy->service_kind, gest_reservation_form_kind_id (gest_reservation_form_kind_position (kind)));
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_advisor (const GestReservationFormValues *values,
                                          const char                      *uuid)
{
  GestReservationFormValues *copy = copy_for_change (values);

  g_free (copy->advisor_uuid);
  copy->advisor_uuid = g_strdup (uuid);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_when (const GestReservationFormValues *values,
                                       const char                      *day_text,
                                       const char                      *time_text)
{
  GestReservationFormValues *copy = copy_for_change (values);

  replace (&copy->day_text, day_text);
  replace (&copy->time_text, time_text);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_transport (const GestReservationFormValues *values,
                                            const char                      *transport)
{
  GestReservationFormValues *copy = copy_for_change (values);

  replace (&copy->transport, g_strcmp0 (transport, "drops-off") == 0 ? "drops-off" : "waits");
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_notes (const GestReservationFormValues *values,
                                        const char                      *notes)
{
  GestReservationFormValues *copy = copy_for_change (values);

  replace (&copy->notes, notes);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_invoice (const GestReservationFormValues *values,
                                          gboolean                         needs_invoice,
                                          const char                      *billing_error)
{
  GestReservationFormValues *copy = copy_for_change (values);

  copy->needs_invoice = needs_invoice;
  g_free (copy->billing_error);
  copy->billing_error = g_strdup (billing_error);
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_show_errors (const GestReservationFormValues *values,
                                              gboolean                         show_errors)
{
  GestReservationFormValues *copy = gest_reservation_form_values_copy (values);

  copy->show_errors = show_errors;
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_saving (const GestReservationFormValues *values,
                                         gboolean                         saving)
{
  GestReservationFormValues *copy = gest_reservation_form_values_copy (values);

  copy->saving = saving;
  return copy;
}

GestReservationFormValues *
gest_reservation_form_values_set_refusal (const GestReservationFormValues *values,
                                          GestReservationFormField         field,
                                          const char                      *refusal)
{
  GestReservationFormValues *copy = gest_reservation_form_values_copy (values);

  g_free (copy->refusal);
  copy->refusal = g_strdup (refusal);
  copy->refusal_field = field <= GEST_RESERVATION_FORM_N_FIELDS ? field : GEST_RESERVATION_FORM_N_FIELDS;
  return copy;
}

static char *
format_km (int km)
{
  /* "35,000": the thousands separated as the rest of the app shows amounts. */
  if (km >= 1000000)
    return g_strdup_printf ("%d,%03d,%03d", km / 1000000, (km / 1000) % 1000, km % 1000);
  if (km >= 1000)
    return g_strdup_printf ("%d,%03d", km / 1000, km % 1000);
  return g_strdup_printf ("%d", km);
}

GestReservationFormState *
gest_reservation_form_widget_state_from_values (const GestReservationFormValues *values)
{
  GestReservationFormState *state = g_new0 (GestReservationFormState, 1);
  char *errors[GEST_RESERVATION_FORM_N_FIELDS] = { NULL };
  GDate day, today;
  gboolean day_ok = FALSE;

  g_return_val_if_fail (values != NULL, state);

  switch (values->mode)
    {
    case GEST_RESERVATION_FORM_EDIT:
      state->title = g_strdup (_("Edit Reservation"));
      break;
    case GEST_RESERVATION_FORM_RESCHEDULE:
      state->title = g_strdup (_("Reschedule Reservation"));
      break;
    case GEST_RESERVATION_FORM_NEW:
    default:
      state->title = g_strdup (_("New Reservation"));
      break;
    }

  if (values->customer_uuid == NULL)
    errors[GEST_RESERVATION_FORM_CUSTOMER] = g_strdup (_("Choose the customer: search by name, phone or plate."));
  else if (values->vehicle_uuid == NULL)
    errors[GEST_RESERVATION_FORM_VEHICLE] = g_strdup (_("Choose the customer’s vehicle, or add it in the customer’s page first."));

  state->mileage_km = parse_mileage (values->mileage_text);
  if (state->mileage_km < 0)
    errors[GEST_RESERVATION_FORM_MILEAGE] = g_strdup (_("Type the mileage in whole kilometers, e.g. 35,000."));
  else if (state->mileage_km > 0 && state->mileage_km < values->last_mileage_km)
    {
      g_autofree char *last = format_km (values->last_mileage_km);

      errors[GEST_RESERVATION_FORM_MILEAGE] =
        g_strdup_printf (_("The mileage cannot be below the vehicle’s last known, %s km: check the odometer."), last);
    }
  else if (state->mileage_km > GEST_TEST_DRIVE_MIN_KM)
    state->test_drive_note = g_strdup (_("Over 30,000 km: a test drive will be offered to the customer."));

  if (values->advisor_uuid == NULL)
    errors[GEST_RESERVATION_FORM_ADVISOR] = g_strdup (_("Choose the service advisor."));

  if (values->day_text == NULL || *values->day_text == '\0' || !gest_date_parse (values->day_text, &day, NULL))
    errors[GEST_RESERVATION_FORM_DAY] = g_strdup (_("Type the day as dd/mm/yyyy, e.g. 07/12/2026."));
  else if (gest_date_from_iso (values->today, &today) && g_date_compare (&day, &today) < 0)
    errors[GEST_RESERVATION_FORM_DAY] = g_strdup (_("The day has passed: choose today or a later day."));
  else
    day_ok = TRUE;
  if (day_ok)
    state->day = gest_date_to_iso (&day);

  if (!gest_reservation_parse_time (values->time_text, &state->starts_min))
    {
      errors[GEST_RESERVATION_FORM_TIME] = g_strdup (_("Type the time as hh:mm, e.g. 09:30."));
      state->starts_min = -1;
    }

  state->billing_visible = values->needs_invoice;
  if (values->needs_invoice && values->billing_error != NULL && *values->billing_error != '\0')
    errors[GEST_RESERVATION_FORM_BILLING] = g_strdup (values->billing_error);

  state->valid = TRUE;
  for (guint i = 0; i < GEST_RESERVATION_FORM_N_FIELDS; i++)
    if (errors[i] != NULL)
      state->valid = FALSE;

  /* Errors show after the first attempt to save; a refusal shows at once, on its row. */
  for (guint i = 0; i < GEST_RESERVATION_FORM_N_FIELDS; i++)
    {
      if (values->show_errors)
        state->errors[i] = g_steal_pointer (&errors[i]);
      else
        g_clear_pointer (&errors[i], g_free);
    }
  if (values->refusal != NULL)
    {
      if (values->refusal_field < GEST_RESERVATION_FORM_N_FIELDS)
        {
          g_free (state->errors[values->refusal_field]);
          state->errors[values->refusal_field] = g_strdup (values->refusal);
        }
      else
        state->refusal = g_strdup (values->refusal);
    }

  state->vehicle_sensitive = !values->saving && values->customer_uuid != NULL;
  state->fields_sensitive = !values->saving;
  state->save_sensitive = !values->saving && (!values->show_errors || state->valid);
  return state;
}

void
gest_reservation_form_state_free (GestReservationFormState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_RESERVATION_FORM_N_FIELDS; i++)
    g_free (state->errors[i]);
  g_free (state->refusal);
  g_free (state->title);
  g_free (state->test_drive_note);
  g_free (state->day);
  g_free (state);
}

void
gest_reservation_form_state_values (const GestReservationFormState  *state,
                                    const GestReservationFormValues *values,
                                    GestReservationValues           *out)
{
  g_return_if_fail (state != NULL && values != NULL && out != NULL);

  *out = (GestReservationValues) {
    .customer_uuid = values->customer_uuid,
    .vehicle_uuid = values->vehicle_uuid,
    .mileage_km = MAX (state->mileage_km, 0),
    .service_kind = values->service_kind,
    .advisor_uuid = values->advisor_uuid,
    .day = state->day,
    .starts_min = state->starts_min,
    .duration_min = 0,
    .transport = values->transport,
    .notes = values->notes,
    .needs_invoice = values->needs_invoice,
  };
}
