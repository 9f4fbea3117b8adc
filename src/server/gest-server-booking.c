/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gest-error.h"
#include "gest-server-booking.h"
#include "gest-server-db.h"
#include "gest-server-ratelimit.h"
#include "gest-server-records.h"
#include "gest-server-request.h"
#include "gest-vin.h"

/* The public web bookings (S7; issue 15), without a token: the dealer is the path's id.
 *
 *   GET  /book/<dealer>          the form (HTML)
 *   POST /book/<dealer>          application/x-www-form-urlencoded; the confirmation page,
 *                                or the form again with the errors and a 4xx
 *   GET  /v1/slots/<dealer>      the free slots (JSON)
 *   POST /v1/bookings/<dealer>   JSON {name, phone, email, plate_vin, service_kind, day,
 *                                time}; 201 {uuid, day, time, confirm_by} or 4xx {error, errors}
 *
 * Everything runs for that dealer only (gest_pg_begin_dealer, or the set_config of
 * gestiona_web_book()): row-level security shows and writes nothing of another dealer. A
 * booking is one call of gestiona_web_book() (data/server-sql/0007-web-bookings.sql), which
 * locks the dealer's counter row, so two bookings of the same slot are counted one after the
 * other and the last free place is given once. The free places of a slot are what
 * the desktops published in the day's agenda_web_day record minus the web bookings of that
 * slot the server received after that record's version (a booking the desktop had pulled
 * before publishing is already in its count). POSTs count against a per-address limit in
 * a sliding hour (config booking_per_hour). */

#define DEFAULT_TZ "America/Mexico_City"

typedef struct
{
  gboolean    json;
  char       *dealer_id;
  char       *dealer_name;
  GTimeZone  *tz;
  char       *today;      /* in the dealer's zone */
  int         now_min;
  GPtrArray  *slots;      /* GestBookingSlot published from now on, full ones too */
  GPtrArray  *errors;     /* GestBookingError */
} Booking;

static GestRateLimit *rate_limit;

static void
booking_clear (Booking *booking)
{
  g_free (booking->dealer_id);
  g_free (booking->dealer_name);
  g_clear_pointer (&booking->tz, g_time_zone_unref);
  g_free (booking->today);
  g_clear_pointer (&booking->slots, g_ptr_array_unref);
  g_clear_pointer (&booking->errors, g_ptr_array_unref);
}

static void
add_error (Booking    *booking,
           const char *field,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
add_error (Booking    *booking,
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
  g_ptr_array_add (booking->errors, error);
}

/* The JSON name of a form field. */
static const char *
json_field (const char *field)
{
  static const char * const names[][2] = {
    { "nombre", "name" }, { "telefono", "phone" }, { "correo", "email" },
    { "placa", "plate_vin" }, { "servicio", "service_kind" }, { "horario", "slot" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (field, names[i][0]))
      return names[i][1];
  return field;
}

gboolean
gest_server_is_booking_path (const char *path)
{
  return g_str_has_prefix (path, "/book/") || g_str_has_prefix (path, "/v1/slots/")
         || g_str_has_prefix (path, "/v1/bookings/");
}

void
gest_server_handle_health (GestServerRequest *req,
                           PGconn            *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = gest_pg_query (conn, &error, "SELECT 1", 0);
  g_autoptr(JsonObject) object = json_object_new ();

  if (res == NULL)
    {
      g_warning ("health: %s", error->message);
      gest_server_request_error (req, 503, _("The server cannot reach its database; try again later."));
      return;
    }
  json_object_set_string_member (object, "status", "ok");
  gest_server_request_object (req, 200, object);
}

static void
reply_html (GestServerRequest *req,
            guint              status,
            char              *html)
{
  req->status = status;
  g_free (req->content_type);
  req->content_type = g_strdup ("text/html; charset=utf-8");
  g_clear_pointer (&req->response, g_bytes_unref);
  req->response = g_bytes_new_take (html, strlen (html));
}

/* A refusal without a form: a page for the form's paths, {"error"} for the JSON ones. */
static void
reply_message (GestServerRequest *req,
               Booking           *booking,
               guint              status,
               const char        *title,
               const char        *message)
{
  if (booking->json)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "error", message);
      gest_server_request_object (req, status, object);
    }
  else
    reply_html (req, status, gest_booking_message_html (title, message));
}

/* The client's address for the rate limit: the socket's peer, or the last hop of
 * X-Forwarded-For when the config trusts the proxy in front. */
static char *
client_address (GestServerRequest *req)
{
  if (req->config->trust_proxy && req->forwarded_for != NULL)
    {
      const char *comma = strrchr (req->forwarded_for, ',');
      g_autofree char *last = g_strstrip (g_strdup (comma != NULL ? comma + 1 : req->forwarded_for));

      if (*last != '\0')
        return g_steal_pointer (&last);
    }
  return g_strdup (req->peer_address != NULL ? req->peer_address : "unknown");
}

static gboolean
take_rate (GestServerRequest *req,
           Booking           *booking)
{
  static gsize once = 0;
  g_autofree char *address = client_address (req);
  g_autofree char *message = NULL;
  g_autofree char *retry = NULL;
  guint retry_s = 0;

  if (g_once_init_enter (&once))
    {
      rate_limit = gest_rate_limit_new (req->config->booking_per_hour, (gint64) G_USEC_PER_SEC * 3600);
      g_once_init_leave (&once, 1);
    }
  if (gest_rate_limit_take (rate_limit, address, g_get_monotonic_time (), &retry_s))
    return TRUE;
  message = g_strdup_printf ("Recibimos demasiadas solicitudes desde su conexión (%u por hora): "
                             "intente de nuevo en %u minutos o llame a la agencia.",
                             req->config->booking_per_hour, (retry_s + 59) / 60);
  retry = g_strdup_printf ("%u", retry_s);
  reply_message (req, booking, 429, "Demasiadas solicitudes", message);
  gest_server_request_header (req, "Retry-After", retry);
  return FALSE;
}

/* The dealer's zone and today, from its published days (the desktops' zone). */
static void
set_now (Booking    *booking,
         const char *tz_name)
{
  g_autoptr(GDateTime) now = NULL;

  g_clear_pointer (&booking->tz, g_time_zone_unref);
  booking->tz = g_time_zone_new_identifier (tz_name != NULL ? tz_name : DEFAULT_TZ);
  if (booking->tz == NULL)
    booking->tz = g_time_zone_new_utc ();
  now = g_date_time_new_now (booking->tz);
  g_free (booking->today);
  booking->today = g_date_time_format (now, "%Y-%m-%d");
  booking->now_min = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

static int
parse_time (const char *text)
{
  int h = -1, m = -1;
  char end = 0;

  if (text == NULL || sscanf (text, "%2d:%2d%c", &h, &m, &end) != 2 || strlen (text) != 5
      || h < 0 || h > 23 || m < 0 || m > 59)
    return -1;
  return h * 60 + m;
}

static gboolean
valid_day (const char *day)
{
  int y = 0, m = 0, d = 0;

  return day != NULL && strlen (day) == 10 && sscanf (day, "%4d-%2d-%2d", &y, &m, &d) == 3
         && day[4] == '-' && day[7] == '-' && g_date_valid_dmy (d, m, y);
}

/* The dealer's name, its published days from today on and the web bookings received since
 * each: booking->slots gets their slots (today's only after now) with their free places. For
 * the form and /v1/slots; a booking counts its one slot in gestiona_web_book(). */
static gboolean
load_slots (PGconn      *conn,
            Booking     *booking,
            GError     **error)
{
  g_autoptr(PGresult) dealer = NULL;
  g_autoptr(PGresult) days = NULL;
  g_autoptr(PGresult) taken = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  dealer = gest_pg_query (conn, error, "SELECT name FROM dealers WHERE id = $1", 1, booking->dealer_id);
  if (dealer == NULL)
    return FALSE;
  if (PQntuples (dealer) != 1)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, "no dealer");
      return FALSE;
    }
  booking->dealer_name = g_strdup (PQgetvalue (dealer, 0, 0));

  /* The zone first (any published day carries it), then today in it. */
  days = gest_pg_query (conn, error,
                        "SELECT DISTINCT ON (data ->> 'day') data ->> 'day', data ->> 'slots', data ->> 'tz'"
                        " FROM records WHERE dealer_id = $1 AND entity = 'agenda_web_day' AND NOT deleted"
                        " AND data ->> 'day' >= to_char (now () - interval '1 day', 'YYYY-MM-DD')"
                        " ORDER BY data ->> 'day', version DESC",
                        1, booking->dealer_id);
  if (days == NULL)
    return FALSE;
  set_now (booking, PQntuples (days) > 0 && !PQgetisnull (days, 0, 2) ? PQgetvalue (days, 0, 2) : NULL);

  taken = gest_pg_query (conn, error, "SELECT day, starts_min, taken FROM gestiona_web_taken ($1::uuid, $2)",
                         2, booking->dealer_id, booking->today);
  if (taken == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (taken); i++)
    g_hash_table_insert (counts, g_strdup_printf ("%s %s", PQgetvalue (taken, i, 0), PQgetvalue (taken, i, 1)),
                         GINT_TO_POINTER ((int) g_ascii_strtoll (PQgetvalue (taken, i, 2), NULL, 10)));

  for (int i = 0; i < PQntuples (days); i++)
    {
      const char *day = PQgetvalue (days, i, 0);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonArray *array;

      if (!valid_day (day) || strcmp (day, booking->today) < 0)
        continue;
      if (!json_parser_load_from_data (parser, PQgetvalue (days, i, 1), -1, NULL)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        continue;
      array = json_node_get_array (root);
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonObject *slot = json_array_get_object_element (array, j);
          g_autofree char *key = NULL;
          int minute;
          gint64 free;

          if (slot == NULL)
            continue;
          minute = parse_time (json_object_get_string_member_with_default (slot, "t", NULL));
          free = json_object_get_int_member_with_default (slot, "free", 0);
          if (minute < 0 || (g_str_equal (day, booking->today) && minute <= booking->now_min))
            continue;
          key = g_strdup_printf ("%s %d", day, minute);
          free -= GPOINTER_TO_INT (g_hash_table_lookup (counts, key));
          {
            GestBookingSlot *offered = g_new0 (GestBookingSlot, 1);

            offered->day = g_strdup (day);
            offered->minute = minute;
            offered->free = (int) CLAMP (free, -1000, 1000);
            g_ptr_array_add (booking->slots, offered);
          }
        }
    }
  return TRUE;
}

/* "07/12/2026 a las 09:00" */
static char *
slot_when (const char *day,
           int         minute)
{
  return g_strdup_printf ("%c%c/%c%c/%.4s a las %02d:%02d", day[8], day[9], day[5], day[6], day,
                          minute / 60, minute % 60);
}

/* The form's fields from an application/x-www-form-urlencoded body. */
static gboolean
parse_form (GestServerRequest *req,
            GestBookingInput  *input)
{
  g_autoptr(GHashTable) params = NULL;
  gsize len = 0;
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, &len) : NULL;

  params = len > 0 ? g_uri_parse_params (data, len, "&", G_URI_PARAMS_WWW_FORM, NULL) : NULL;
  if (len > 0 && params == NULL)
    return FALSE;
  if (params == NULL)
    params = g_hash_table_new (g_str_hash, g_str_equal);
  input->name = g_strdup (g_hash_table_lookup (params, "nombre"));
  input->phone = g_strdup (g_hash_table_lookup (params, "telefono"));
  input->email = g_strdup (g_hash_table_lookup (params, "correo"));
  input->plate_vin = g_strdup (g_hash_table_lookup (params, "placa"));
  input->service_kind = g_strdup (g_hash_table_lookup (params, "servicio"));
  input->slot = g_strdup (g_hash_table_lookup (params, "horario"));
  return TRUE;
}

static char *
member_dup (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
parse_json (GestServerRequest *req,
            GestBookingInput  *input)
{
  g_autoptr(JsonObject) object = gest_server_request_body_object (req);
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (object == NULL)
    return FALSE;
  input->name = member_dup (object, "name");
  input->phone = member_dup (object, "phone");
  input->email = member_dup (object, "email");
  input->plate_vin = member_dup (object, "plate_vin");
  input->service_kind = member_dup (object, "service_kind");
  input->slot = member_dup (object, "slot");
  day = member_dup (object, "day");
  time = member_dup (object, "time");
  if (input->slot == NULL && day != NULL && time != NULL)
    input->slot = g_strdup_printf ("%sT%s", day, time);
  return TRUE;
}

static void
reply_slots (GestServerRequest *req,
             Booking           *booking)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *day = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dealer");
  json_builder_add_string_value (builder, booking->dealer_name);
  json_builder_set_member_name (builder, "service_kinds");
  json_builder_begin_array (builder);
  for (guint i = 0; gest_booking_service_kinds[i][0] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, gest_booking_service_kinds[i][0]);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, gest_booking_service_kinds[i][1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < booking->slots->len; i++)
    {
      const GestBookingSlot *slot = g_ptr_array_index (booking->slots, i);
      g_autofree char *time = g_strdup_printf ("%02d:%02d", slot->minute / 60, slot->minute % 60);

      if (slot->free <= 0)
        continue;
      if (g_strcmp0 (day, slot->day) != 0)
        {
          if (day != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "day");
          json_builder_add_string_value (builder, slot->day);
          json_builder_set_member_name (builder, "slots");
          json_builder_begin_array (builder);
          day = slot->day;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "free");
      json_builder_add_int_value (builder, slot->free);
      json_builder_end_object (builder);
    }
  if (day != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  gest_server_request_json (req, 200, root);
}

/* The free slots only, for the form. */
static GPtrArray *
free_slots (Booking *booking)
{
  GPtrArray *slots = g_ptr_array_new ();

  for (guint i = 0; i < booking->slots->len; i++)
    if (((GestBookingSlot *) g_ptr_array_index (booking->slots, i))->free > 0)
      g_ptr_array_add (slots, g_ptr_array_index (booking->slots, i));
  return slots;
}

static void
reply_errors (GestServerRequest *req,
              Booking           *booking,
              guint              status,
              GestBookingInput  *input)
{
  if (booking->json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < booking->errors->len; i++)
        {
          const GestBookingError *error = g_ptr_array_index (booking->errors, i);
          JsonObject *item = json_object_new ();

          json_object_set_string_member (item, "field", json_field (error->field));
          json_object_set_string_member (item, "message", error->message);
          json_array_add_object_element (array, item);
        }
      json_object_set_string_member (object, "error",
                                     ((GestBookingError *) g_ptr_array_index (booking->errors, 0))->message);
      json_object_set_array_member (object, "errors", array);
      gest_server_request_object (req, status, object);
    }
  else
    {
      g_autoptr(GPtrArray) slots = free_slots (booking);

      reply_html (req, status, gest_booking_form_html (booking->dealer_id, booking->dealer_name, slots,
                                                       input, booking->errors));
    }
}

static void
unknown_dealer (GestServerRequest *req,
                Booking           *booking)
{
  reply_message (req, booking, 404, "Agencia no encontrada",
                 "No encontramos esta agencia: revise la dirección de la página o llame a la agencia para agendar su cita.");
}

static void
database_down (GestServerRequest *req,
               Booking           *booking,
               GError            *error)
{
  g_warning ("web booking: %s", error->message);
  reply_message (req, booking, 503, "Servicio no disponible",
                 "No podemos recibir su solicitud en este momento: intente de nuevo en unos minutos o llame a la agencia.");
}

/* The form again with every free slot, or the JSON errors: after a refusal. */
static void
refuse (GestServerRequest *req,
        PGconn            *conn,
        Booking           *booking,
        guint              status,
        GestBookingInput  *input)
{
  g_autoptr(GError) error = NULL;

  if (!booking->json)
    {
      g_ptr_array_set_size (booking->slots, 0);
      g_clear_pointer (&booking->dealer_name, g_free);
      if (!gest_pg_begin_dealer (conn, booking->dealer_id, &error)
          || !load_slots (conn, booking, &error))
        {
          gest_pg_rollback (conn);
          if (g_error_matches (error, GEST_ERROR, GEST_ERROR_NOT_FOUND))
            unknown_dealer (req, booking);
          else
            database_down (req, booking, error);
          return;
        }
      gest_pg_rollback (conn);
    }
  reply_errors (req, booking, status, input);
}

/* The fields checked here; the slot, the matching and the writing in one call of
 * gestiona_web_book() (data/server-sql/0007-web-bookings.sql): one round trip, the dealer's
 * lock held only for it. */
static void
book (GestServerRequest *req,
      PGconn            *conn,
      Booking           *booking)
{
  g_auto(GestBookingInput) input = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(JsonObject) customer = NULL;
  g_autoptr(JsonObject) vehicle = NULL;
  g_autoptr(JsonObject) reservation = NULL;
  g_autofree char *day = NULL;
  g_autofree char *when = NULL;
  g_autofree char *minute_text = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *vehicle_text = NULL;
  g_autofree char *reservation_text = NULL;
  g_autofree char *customer_uuid = g_uuid_string_random ();
  g_autofree char *vehicle_uuid = g_uuid_string_random ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *plate = NULL;
  const char *status;
  const char *by;
  gboolean is_vin;
  int minute = -1;

  if (!(booking->json ? parse_json (req, &input) : parse_form (req, &input)))
    {
      if (!booking->json)
        reply_message (req, booking, 400, "Solicitud no válida",
                       "No pudimos leer el formulario: vuelva a la página de la agencia e intente de nuevo.");
      return;
    }
  for (char **field = &input.name; field <= &input.slot; field++)
    if (*field == NULL)
      *field = g_strdup ("");
  gest_booking_check_fields (&input, booking->errors);
  if (*input.slot == '\0')
    add_error (booking, "horario", "Elija el día y la hora de su cita.");
  else
    {
      day = g_strndup (input.slot, 10);
      minute = strlen (input.slot) == 16 && input.slot[10] == 'T' ? parse_time (input.slot + 11) : -1;
      if (!valid_day (day) || minute < 0)
        {
          g_autofree char *shown = gest_booking_quoted (input.slot);

          add_error (booking, "horario", "El horario «%s» no se entiende: elija uno de la lista.", shown);
        }
    }
  if (booking->errors->len > 0)
    {
      refuse (req, conn, booking, 400, &input);
      return;
    }

  is_vin = strlen (input.plate_vin) == 17;
  if (!is_vin)
    {
      GString *bare = g_string_new (NULL);

      for (const char *p = input.plate_vin; *p != '\0'; p++)
        if (*p != '-')
          g_string_append_c (bare, *p);
      plate = g_string_free (bare, FALSE);
    }
  gest_booking_records (&input, day, minute, &customer, &vehicle, &reservation);
  customer_text = gest_json_object_text (customer);
  vehicle_text = gest_json_object_text (vehicle);
  reservation_text = gest_json_object_text (reservation);
  minute_text = g_strdup_printf ("%d", minute);
  res = gest_pg_query (conn, &error,
                       "SELECT status, dealer_name, confirm_by FROM gestiona_web_book ($1::uuid, $2, $3::integer,"
                       " $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12)",
                       12, booking->dealer_id, day, minute_text, is_vin ? input.plate_vin : NULL, plate,
                       input.phone, customer_text, vehicle_text, reservation_text, customer_uuid,
                       vehicle_uuid, uuid);
  if (res == NULL || PQntuples (res) != 1)
    {
      if (error == NULL)
        g_set_error (&error, GEST_ERROR, GEST_ERROR_STORE, "gestiona_web_book: no row");
      database_down (req, booking, error);
      return;
    }
  status = PQgetvalue (res, 0, 0);
  by = PQgetisnull (res, 0, 2) ? NULL : PQgetvalue (res, 0, 2);
  when = slot_when (day, minute);
  if (g_str_equal (status, "no-dealer"))
    {
      unknown_dealer (req, booking);
      return;
    }
  if (!g_str_equal (status, "booked"))
    {
      guint code = 400;

      if (g_str_equal (status, "past"))
        add_error (booking, "horario", "El horario del %s ya pasó: elija uno de la lista.", when);
      else if (g_str_equal (status, "full"))
        {
          add_error (booking, "horario", "El horario del %s ya se ocupó: elija otro de la lista.", when);
          code = 409;
        }
      else
        add_error (booking, "horario", "El horario del %s no se ofrece en línea: elija uno de la lista.", when);
      refuse (req, conn, booking, code, &input);
      return;
    }

  if (booking->json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autofree char *time = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);

      json_object_set_string_member (object, "uuid", uuid);
      json_object_set_string_member (object, "day", day);
      json_object_set_string_member (object, "time", time);
      if (by != NULL)
        json_object_set_string_member (object, "confirm_by", by);
      else
        json_object_set_null_member (object, "confirm_by");
      gest_server_request_object (req, 201, object);
    }
  else
    reply_html (req, 200, gest_booking_done_html (PQgetvalue (res, 0, 1), day, minute, by));
}

void
gest_server_handle_booking (GestServerRequest *req,
                            PGconn            *conn)
{
  g_autoptr(GError) error = NULL;
  Booking booking = { 0 };
  const char *dealer;
  const char *allow;
  gboolean post = g_str_equal (req->method, "POST");

  booking.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_booking_error_free);
  booking.slots = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_booking_slot_free);
  if (g_str_has_prefix (req->path, "/book/"))
    {
      dealer = req->path + strlen ("/book/");
      allow = "GET, POST";
    }
  else if (g_str_has_prefix (req->path, "/v1/slots/"))
    {
      booking.json = TRUE;
      dealer = req->path + strlen ("/v1/slots/");
      allow = "GET";
    }
  else
    {
      booking.json = TRUE;
      dealer = req->path + strlen ("/v1/bookings/");
      allow = "POST";
    }
  booking.dealer_id = g_ascii_strdown (dealer, -1);

  if (strstr (allow, req->method) == NULL || (!post && !g_str_equal (req->method, "GET")))
    {
      g_autofree char *message = g_strdup_printf ("Esta dirección acepta solo %s.", allow);

      reply_message (req, &booking, 405, "Método no permitido", message);
      gest_server_request_header (req, "Allow", allow);
    }
  else if (!g_uuid_string_is_valid (booking.dealer_id))
    unknown_dealer (req, &booking);
  else if (post)
    {
      if (take_rate (req, &booking))
        book (req, conn, &booking);
    }
  else if (!gest_pg_begin_dealer (conn, booking.dealer_id, &error)
           || !load_slots (conn, &booking, &error))
    {
      gest_pg_rollback (conn);
      if (g_error_matches (error, GEST_ERROR, GEST_ERROR_NOT_FOUND))
        unknown_dealer (req, &booking);
      else
        database_down (req, &booking, error);
    }
  else
    {
      gest_pg_rollback (conn);
      if (booking.json)
        reply_slots (req, &booking);
      else
        {
          GestBookingInput input = { 0 };
          g_autoptr(GPtrArray) slots = free_slots (&booking);

          reply_html (req, 200, gest_booking_form_html (booking.dealer_id, booking.dealer_name, slots,
                                                        &input, booking.errors));
        }
    }
  booking_clear (&booking);
}
