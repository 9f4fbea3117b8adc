/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gest-server-booking.h"
#include "gest-vin.h"

/* A web booking's fields checked (S7), and the records it may make (the customer, the
 * vehicle, the reservation) as the booking function of data/server-sql/0007 stores them. */

#define MAX_NAME 100
#define MAX_EMAIL 254

static void
add_error (GPtrArray  *errors,
           const char *field,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
add_error (GPtrArray  *errors,
           const char *field,
           const char *format,
           ...)
{
  GestBookingError *error = g_new0 (GestBookingError, 1);
  va_list ap;

  va_start (ap, format);
  error->field = g_strdup (field);
  error->message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_ptr_array_add (errors, error);
}

/* Upper case, without spaces. */
char *
gest_booking_normalize_plate_vin (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static char *
phone_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (!strchr (" -().", *p))
        g_string_append_c (out, 'x');
    }
  return g_string_free (out, FALSE);
}

static gboolean
valid_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strlen (email) > MAX_EMAIL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == ',' || *p == ';')
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && dot[2] != '\0';
}

/* 3 to 8 letters or digits, hyphens between them not counted ("TXA-123-B"). */
static gboolean
valid_plate (const char *plate)
{
  gsize alnum = 0;

  if (strlen (plate) > 12 || plate[0] == '-')
    return FALSE;
  for (const char *p = plate; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        alnum++;
      else if (*p != '-')
        return FALSE;
    }
  return alnum >= 3 && alnum <= 8 && plate[strlen (plate) - 1] != '-';
}

/* What was typed, for a message: at most 40 characters. */
char *
gest_booking_quoted (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, 39);
  return g_strconcat (head, "…", NULL);
}

/* A field as valid UTF-8 (a form may send anything). */
static void
make_valid (char **field)
{
  if (!g_utf8_validate (*field, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*field, -1);

      g_free (*field);
      *field = valid;
    }
}

void
gest_booking_check_fields (GestBookingInput *input,
                           GPtrArray        *errors)
{
  g_autofree char *phone = NULL;
  g_autofree char *plate_vin = NULL;
  g_autofree char *shown = NULL;
  gboolean known_kind = FALSE;

  for (char **field = &input->name; field <= &input->slot; field++)
    make_valid (field);
  phone = phone_digits (input->phone);
  plate_vin = gest_booking_normalize_plate_vin (input->plate_vin);

  g_strstrip (input->name);
  if (*input->name == '\0')
    add_error (errors, "nombre", "Escriba su nombre completo.");
  else if (g_utf8_strlen (input->name, -1) > MAX_NAME)
    add_error (errors, "nombre", "El nombre es demasiado largo: escriba como máximo %d caracteres.", MAX_NAME);

  if (strlen (phone) != 10 || strchr (phone, 'x') != NULL)
    add_error (errors, "telefono", "Escriba su teléfono celular con 10 dígitos, por ejemplo 5512345678.");
  else
    {
      g_free (input->phone);
      input->phone = g_steal_pointer (&phone);
    }

  g_strstrip (input->email);
  if (*input->email != '\0' && !valid_email (input->email))
    {
      shown = gest_booking_quoted (input->email);
      add_error (errors, "correo", "El correo electrónico «%s» no es válido: escríbalo como nombre@dominio.com, o déjelo vacío.",
                 shown);
    }

  if (*plate_vin == '\0')
    add_error (errors, "placa", "Escriba la placa o el número de serie (VIN) de su vehículo.");
  else if (strlen (plate_vin) == 17)
    {
      g_autofree char *message = NULL;

      if (gest_vin_check (plate_vin, &message) != GEST_CHECK_VALID)
        add_error (errors, "placa", "El número de serie (VIN) «%s» no es válido: revise los 17 caracteres en su tarjeta de circulación.",
                   plate_vin);
    }
  else if (!valid_plate (plate_vin))
    {
      g_free (shown);
      shown = gest_booking_quoted (plate_vin);
      add_error (errors, "placa", "La placa «%s» no es válida: escriba de 3 a 8 letras o números (con o sin guiones), o los 17 caracteres del VIN.",
                 shown);
    }
  g_free (input->plate_vin);
  input->plate_vin = g_steal_pointer (&plate_vin);

  for (guint i = 0; gest_booking_service_kinds[i][0] != NULL; i++)
    known_kind = known_kind || g_str_equal (input->service_kind, gest_booking_service_kinds[i][0]);
  if (!known_kind)
    add_error (errors, "servicio", "Elija el tipo de servicio de la lista.");
}

void
gest_booking_records (GestBookingInput  *input,
                      const char        *day,
                      int                minute,
                      JsonObject       **out_customer,
                      JsonObject       **out_vehicle,
                      JsonObject       **out_reservation)
{
  JsonObject *customer = json_object_new ();
  JsonObject *vehicle = json_object_new ();
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (customer, "kind", "fisica");
  json_object_set_string_member (customer, "name", input->name);
  json_object_set_string_member (customer, "phone_mobile", input->phone);
  json_object_set_string_member (customer, "email", input->email);

  json_object_set_string_member (vehicle, "vin", input->plate_vin);
  json_object_set_string_member (vehicle, "model", "");
  json_object_set_int_member (vehicle, "year", 0);
  json_object_set_int_member (vehicle, "km", 0);
  json_object_set_string_member (vehicle, "plate", "");

  json_object_set_int_member (fields, "mileage_km", 0);
  json_object_set_string_member (fields, "service_kind", input->service_kind);
  json_object_set_null_member (fields, "advisor_uuid");
  json_object_set_string_member (fields, "day", day);
  json_object_set_int_member (fields, "starts_min", minute);
  json_object_set_int_member (fields, "duration_min", 30);
  json_object_set_string_member (fields, "transport", "waits");
  json_object_set_string_member (fields, "notes", "");
  json_object_set_string_member (fields, "state", "to-confirm");
  json_object_set_string_member (fields, "origin", "web");
  json_object_set_string_member (fields, "contact_name", input->name);
  json_object_set_string_member (fields, "contact_phone", input->phone);
  json_object_set_string_member (fields, "contact_email", input->email);
  json_object_set_string_member (fields, "contact_plate_vin", input->plate_vin);
  json_object_set_int_member (fields, "needs_invoice", 0);
  json_object_set_string_member (fields, "refusal_reason", "");
  json_object_set_int_member (fields, "followup", 0);
  json_object_set_string_member (fields, "recovery", "");
  json_object_set_string_member (fields, "test_drive", "");
  json_object_set_string_member (fields, "created_by", "");
  *out_customer = customer;
  *out_vehicle = vehicle;
  *out_reservation = fields;
}
