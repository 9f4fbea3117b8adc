/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <string.h>

#include "gest-server-booking.h"
#include "gest-server-db.h"
#include "gest-server-records.h"
#include "gest-vin.h"

/* A web booking's fields checked (S7), and the booking written as records: the dealer's
 * vehicle found by VIN or plate, the customer by mobile phone, new ones made when none. */

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

static gboolean
valid_plate (const char *plate)
{
  gsize len = strlen (plate);

  if (len < 3 || len > 8)
    return FALSE;
  for (const char *p = plate; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

void
gest_booking_check_fields (GestBookingInput *input,
                           GPtrArray        *errors)
{
  g_autofree char *phone = phone_digits (input->phone);
  g_autofree char *plate_vin = gest_booking_normalize_plate_vin (input->plate_vin);
  gboolean known_kind = FALSE;

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
    add_error (errors, "correo", "El correo electrónico «%s» no es válido: escríbalo como nombre@dominio.com, o déjelo vacío.",
               input->email);

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
    add_error (errors, "placa", "La placa «%s» no es válida: escriba de 3 a 8 letras, números o guiones, o los 17 caracteres del VIN.",
               plate_vin);
  g_free (input->plate_vin);
  input->plate_vin = g_steal_pointer (&plate_vin);

  for (guint i = 0; gest_booking_service_kinds[i][0] != NULL; i++)
    known_kind = known_kind || g_str_equal (input->service_kind, gest_booking_service_kinds[i][0]);
  if (!known_kind)
    add_error (errors, "servicio", "Elija el tipo de servicio de la lista.");
}

/* The first column of the first row of @sql, or NULL. */
static char *
query_uuid (PGconn      *conn,
            GError     **error,
            gboolean    *failed,
            const char  *sql,
            const char  *dealer_id,
            const char  *value,
            char       **out_second)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error, sql, 2, dealer_id, value);

  if (res == NULL)
    {
      *failed = TRUE;
      return NULL;
    }
  if (PQntuples (res) != 1)
    return NULL;
  if (out_second != NULL && !PQgetisnull (res, 0, 1) && *PQgetvalue (res, 0, 1) != '\0')
    *out_second = g_strdup (PQgetvalue (res, 0, 1));
  return g_strdup (PQgetvalue (res, 0, 0));
}

/* A record the server makes (a new uuid): the next sequence value and one INSERT, without
 * reading it first. */
static gboolean
write_new (PGconn      *conn,
           const char  *dealer_id,
           const char  *entity,
           const char  *uuid,
           JsonObject  *fields,
           GError     **error)
{
  GestRecordState state = { 0 };
  gint64 seq = 0;
  gboolean ok;

  if (!gest_pg_next_seq (conn, dealer_id, &seq, error))
    return FALSE;
  gest_record_merge (&state, fields, G_MAXINT64, seq, NULL);
  ok = gest_record_save (conn, dealer_id, entity, uuid, seq, &state, error);
  gest_record_state_clear (&state);
  return ok;
}

static char *
find_vin (PGconn      *conn,
          const char  *dealer_id,
          const char  *vin,
          gboolean    *failed,
          char       **out_customer,
          GError     **error)
{
  return query_uuid (conn, error, failed,
                     "SELECT uuid, data ->> 'customer_uuid' FROM records WHERE dealer_id = $1"
                     " AND entity = 'vehicle' AND NOT deleted AND upper (data ->> 'vin') = $2 LIMIT 2",
                     dealer_id, vin, out_customer);
}

gboolean
gest_booking_match (PGconn            *conn,
                    const char        *dealer_id,
                    GestBookingInput  *input,
                    char             **out_vehicle,
                    char             **out_customer,
                    GError           **error)
{
  gboolean failed = FALSE;
  g_autofree char *vehicle = NULL;
  g_autofree char *customer = NULL;

  if (strlen (input->plate_vin) == 17)
    vehicle = find_vin (conn, dealer_id, input->plate_vin, &failed, &customer, error);
  else
    {
      GString *bare = g_string_new (NULL);
      g_autofree char *plate = NULL;

      for (const char *p = input->plate_vin; *p != '\0'; p++)
        if (*p != '-')
          g_string_append_c (bare, *p);
      plate = g_string_free (bare, FALSE);
      vehicle = query_uuid (conn, error, &failed,
                            "SELECT uuid, data ->> 'customer_uuid' FROM records WHERE dealer_id = $1"
                            " AND entity = 'vehicle' AND NOT deleted"
                            " AND upper (replace (replace (data ->> 'plate', '-', ''), ' ', '')) = $2 LIMIT 2",
                            dealer_id, plate, &customer);
    }
  if (!failed && customer == NULL)
    customer = query_uuid (conn, error, &failed,
                           "SELECT uuid FROM records WHERE dealer_id = $1 AND entity = 'customer'"
                           " AND NOT deleted AND data ->> 'phone_mobile' = $2 LIMIT 2",
                           dealer_id, input->phone, NULL);
  if (failed)
    return FALSE;
  *out_vehicle = g_steal_pointer (&vehicle);
  *out_customer = g_steal_pointer (&customer);
  return TRUE;
}

char *
gest_booking_write (PGconn            *conn,
                    const char        *dealer_id,
                    GestBookingInput  *input,
                    const char        *matched_vehicle,
                    const char        *matched_customer,
                    const char        *day,
                    int                minute,
                    GTimeZone         *tz,
                    const char        *by,
                    GError           **error)
{
  gboolean failed = FALSE;
  gboolean is_vin = strlen (input->plate_vin) == 17;
  g_autofree char *vehicle = g_strdup (matched_vehicle);
  g_autofree char *customer = g_strdup (matched_customer);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonObject) fields = json_object_new ();
  gint64 now = g_get_real_time ();

  /* A VIN seen for the first time: looked up again under the dealer's lock, so a form sent
   * twice at once makes one vehicle (the desktops keep VINs unique). */
  if (vehicle == NULL && is_vin)
    {
      g_autofree char *owner = NULL;

      vehicle = find_vin (conn, dealer_id, input->plate_vin, &failed, &owner, error);
      if (failed)
        return NULL;
      if (vehicle != NULL && owner != NULL)
        {
          g_free (customer);
          customer = g_steal_pointer (&owner);
        }
    }
  if (customer == NULL)
    {
      g_autoptr(JsonObject) record = json_object_new ();

      customer = g_uuid_string_random ();
      json_object_set_string_member (record, "kind", "fisica");
      json_object_set_string_member (record, "name", input->name);
      json_object_set_string_member (record, "phone_mobile", input->phone);
      json_object_set_string_member (record, "email", input->email);
      if (!write_new (conn, dealer_id, "customer", customer, record, error))
        return NULL;
    }
  if (vehicle == NULL && is_vin)
    {
      g_autoptr(JsonObject) record = json_object_new ();

      vehicle = g_uuid_string_random ();
      json_object_set_string_member (record, "vin", input->plate_vin);
      json_object_set_string_member (record, "model", "");
      json_object_set_int_member (record, "year", 0);
      json_object_set_int_member (record, "km", 0);
      json_object_set_string_member (record, "plate", "");
      json_object_set_string_member (record, "customer_uuid", customer);
      if (!write_new (conn, dealer_id, "vehicle", vehicle, record, error))
        return NULL;
    }

  json_object_set_string_member (fields, "customer_uuid", customer);
  if (vehicle != NULL)
    json_object_set_string_member (fields, "vehicle_uuid", vehicle);
  else
    json_object_set_null_member (fields, "vehicle_uuid");
  json_object_set_int_member (fields, "mileage_km", 0);
  json_object_set_string_member (fields, "service_kind", input->service_kind);
  json_object_set_null_member (fields, "advisor_uuid");
  json_object_set_string_member (fields, "day", day);
  json_object_set_int_member (fields, "starts_min", minute);
  {
    int y = 0, m = 0, d = 0;
    g_autoptr(GDateTime) start = NULL;

    if (sscanf (day, "%4d-%2d-%2d", &y, &m, &d) == 3)
      start = g_date_time_new (tz, y, m, d, minute / 60, minute % 60, 0);
    if (start != NULL)
      json_object_set_int_member (fields, "starts_at", g_date_time_to_unix (start) * G_USEC_PER_SEC);
    else
      json_object_set_null_member (fields, "starts_at");
  }
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
  json_object_set_int_member (fields, "received_at", now);
  if (by != NULL)
    json_object_set_string_member (fields, "confirm_by", by);
  else
    json_object_set_null_member (fields, "confirm_by");
  json_object_set_string_member (fields, "refusal_reason", "");
  json_object_set_int_member (fields, "followup", 0);
  json_object_set_string_member (fields, "recovery", "");
  json_object_set_string_member (fields, "test_drive", "");
  json_object_set_string_member (fields, "created_by", "");
  json_object_set_int_member (fields, "created_at", now);
  if (!write_new (conn, dealer_id, "reservation", uuid, fields, error))
    return NULL;
  return g_steal_pointer (&uuid);
}
