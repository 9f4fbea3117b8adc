/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7 (#15): web bookings through gestiona-server, against the real server and PostgreSQL
 * (pg-env.sh, with GESTIONA_SERVER_TRUST_PROXY=true and GESTIONA_SERVER_BOOKING_PER_HOUR=10
 * from tests/server/meson.build): the desktops' published days pushed as agenda_web_day
 * records, bookings through the HTML form and the JSON API, each refusal with its status and
 * message, the rate limit, the form's accessibility and two dealers that never see each
 * other's bookings. Every test sends its own X-Forwarded-For address, so the limit of one
 * never reaches another. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-server-test-util.h"

#define TZ_NAME "America/Mexico_City"
/* A valid VIN (check digit 8 at position 9) and the same with a wrong one. */
#define GOOD_VIN "1FMCU0F78KUA12345"
#define BAD_VIN  "1FMCU0F71KUA12345"

typedef struct
{
  char       *dealer;
  TestDevice *device;
  char       *today;
  char       *tomorrow;
  char       *yesterday;
  char       *after;         /* the day after tomorrow */
  int         n;             /* the device's mutation number */
} Dealer;

static gboolean
skip_without_server (void)
{
  if (g_getenv ("GESTIONA_SERVER") != NULL && g_getenv ("GESTIONA_TEST_SERVER_URL") != NULL)
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

static char *
day_from_today (int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (TZ_NAME);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
push_applied (Dealer     *d,
              const char *entity,
              const char *uuid,
              const char *author,
              const char *fields)
{
  g_autofree char *m = g_strdup_printf ("{\"n\": %d, \"entity\": \"%s\", \"uuid\": \"%s\", \"op\": \"upsert\","
                                        " \"base_version\": null, \"user\": \"%s\", \"fields\": %s}",
                                        ++d->n, entity, uuid, author, fields);
  g_autoptr(JsonObject) result = test_push_one (d->device, m);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
}

/* The desktop's publication of one day: 09:00 with 2 places, 09:30 with 1; confirm before
 * the cutoff on @before, after it on @after_day. */
static void
publish_day (Dealer     *d,
             const char *day,
             int         cutoff_min,
             const char *before,
             const char *after_day)
{
  g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-0000%.4s%.2s%.2s", day, day + 5, day + 8);
  g_autofree char *fields = g_strdup_printf ("{\"day\": \"%s\", \"slots\": \"[{\\\"t\\\":\\\"09:00\\\",\\\"free\\\":2},"
                                             "{\\\"t\\\":\\\"09:30\\\",\\\"free\\\":1},{\\\"t\\\":\\\"10:00\\\",\\\"free\\\":0}]\","
                                             " \"tz\": \"" TZ_NAME "\", \"cutoff_min\": %d, \"confirm_before\": \"%s\","
                                             " \"confirm_after\": \"%s\", \"published_at\": 1}",
                                             day, cutoff_min, before, after_day);

  push_applied (d, "agenda_web_day", uuid, "gerente", fields);
}

static void
dealer_clear (Dealer *d)
{
  g_free (d->dealer);
  g_clear_pointer (&d->device, test_device_free);
  g_free (d->today);
  g_free (d->tomorrow);
  g_free (d->yesterday);
  g_free (d->after);
}

/* A dealer with a manager, a desktop, today's, tomorrow's and yesterday's days published
 * (cutoff at midnight: every booking today is "before the cutoff", confirm today). */
static void
dealer_init (Dealer     *d,
             const char *name)
{
  memset (d, 0, sizeof *d);
  d->dealer = test_new_dealer (name);
  d->device = test_enroll (d->dealer, "recepcion");
  d->today = day_from_today (0);
  d->tomorrow = day_from_today (1);
  d->yesterday = day_from_today (-1);
  d->after = day_from_today (2);
  push_applied (d, "user", "a1500000-0000-4000-8000-000000000001", "",
                "{\"login\": \"gerente\", \"name\": \"Mariana Torres\", \"role\": \"general-manager\", \"active\": 1}");
  publish_day (d, d->yesterday, 1440, d->yesterday, d->today);
  publish_day (d, d->today, 1440, d->today, d->tomorrow);
  publish_day (d, d->tomorrow, 1440, d->tomorrow, d->after);
}

static TestReply *
post_form (const char *dealer,
           const char *address,
           const char *form)
{
  g_autofree char *path = g_strconcat ("/book/", dealer, NULL);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
  const char *headers[] = { "X-Forwarded-For", address, NULL };

  return test_http (NULL, "POST", path, NULL, "application/x-www-form-urlencoded", body, headers);
}

static TestReply *
post_json (const char *dealer,
           const char *address,
           const char *json)
{
  g_autofree char *path = g_strconcat ("/v1/bookings/", dealer, NULL);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  const char *headers[] = { "X-Forwarded-For", address, NULL };

  return test_http (NULL, "POST", path, NULL, "application/json", body, headers);
}

static char *
body_text (TestReply *reply)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (reply->body, &len);

  return g_strndup (data, len);
}

static char *
booking_json (const char *name,
              const char *phone,
              const char *email,
              const char *plate_vin,
              const char *day,
              const char *time)
{
  return g_strdup_printf ("{\"name\": \"%s\", \"phone\": \"%s\", \"email\": \"%s\", \"plate_vin\": \"%s\","
                          " \"service_kind\": \"maintenance\", \"day\": \"%s\", \"time\": \"%s\"}",
                          name, phone, email, plate_vin, day, time);
}

static void
test_health (void)
{
  g_autoptr(TestReply) reply = NULL;
  g_autoptr(TestReply) wrong = NULL;

  if (skip_without_server ())
    return;
  reply = test_http (NULL, "GET", "/v1/health", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply->json), "status"), ==, "ok");
  wrong = test_http (NULL, "POST", "/v1/health", NULL, "application/json", NULL, NULL);
  g_assert_cmpuint (wrong->status, ==, 405);
}

/* Every input has a label, the page is Spanish, required fields are marked. */
static void
assert_labels (const char *html)
{
  static const char * const tags[] = { "<input ", "<select " };
  guint inputs = 0;

  g_assert_nonnull (strstr (html, "<html lang=\"es\">"));
  g_assert_nonnull (strstr (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  g_assert_null (strstr (html, "<script"));
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    for (const char *p = strstr (html, tags[t]); p != NULL; p = strstr (p + 1, tags[t]))
      {
        const char *end = strchr (p, '>');
        const char *id = g_strstr_len (p, end - p, " id=\"");
        g_autofree char *value = NULL;
        g_autofree char *label = NULL;

        g_assert_nonnull (id);
        value = g_strndup (id + 5, strchr (id + 5, '"') - (id + 5));
        label = g_strdup_printf ("<label for=\"%s\">", value);
        g_assert_nonnull (strstr (html, label));
        inputs++;
      }
  g_assert_cmpuint (inputs, >=, 7);   /* four text fields, the service and at least two slots */
  g_assert_nonnull (strstr (html, "<label for=\"servicio\">"));
  g_assert_nonnull (strstr (html, "<label for=\"nombre\">Nombre completo <abbr title=\"obligatorio\">*</abbr></label>"));
  g_assert_nonnull (strstr (html, "<label for=\"correo\">Correo electrónico (opcional)</label>"));
}

static void
test_form_accessible (void)
{
  Dealer d;
  g_autofree char *path = NULL;
  g_autoptr(TestReply) form = NULL;
  g_autoptr(TestReply) refused = NULL;
  g_autofree char *html = NULL;
  g_autofree char *again = NULL;
  g_autofree char *slot = NULL;

  if (skip_without_server ())
    return;
  dealer_init (&d, "Autos del Bajío");
  path = g_strconcat ("/book/", d.dealer, NULL);
  form = test_http (NULL, "GET", path, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (form->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (form->headers, NULL), ==, "text/html");
  html = body_text (form);
  assert_labels (html);
  g_assert_nonnull (strstr (html, "<h1>Agende su cita de servicio en Autos del Bajío</h1>"));
  /* Tomorrow's free slots as radio buttons; the full one (10:00) is not offered. */
  slot = g_strdup_printf ("value=\"%sT09:00\"", d.tomorrow);
  g_assert_nonnull (strstr (html, slot));
  g_free (slot);
  slot = g_strdup_printf ("value=\"%sT10:00\"", d.tomorrow);
  g_assert_null (strstr (html, slot));

  /* Two refused fields: listed at the top with links, repeated next to each field. */
  refused = post_form (d.dealer, "198.51.100.1", "nombre=&telefono=55123&correo=&placa=ABC123&servicio=maintenance&horario=");
  g_assert_cmpuint (refused->status, ==, 400);
  again = body_text (refused);
  assert_labels (again);
  g_assert_nonnull (strstr (again, "<div id=\"errores\" role=\"alert\" tabindex=\"-1\">\n<h2>Revise estos datos:</h2>"));
  g_assert_nonnull (strstr (again, "<li><a href=\"#nombre\">Escriba su nombre completo.</a></li>"));
  g_assert_nonnull (strstr (again, "<li><a href=\"#telefono\">Escriba su teléfono celular con 10 dígitos, por ejemplo 5512345678.</a></li>"));
  g_assert_nonnull (strstr (again, "<li><a href=\"#horario\">Elija el día y la hora de su cita.</a></li>"));
  g_assert_nonnull (strstr (again, "<p class=\"error\" id=\"nombre-error\">Escriba su nombre completo.</p>"));
  g_assert_nonnull (strstr (again, "id=\"nombre\" name=\"nombre\" value=\"\" autocomplete=\"name\" required aria-required=\"true\" aria-invalid=\"true\" aria-describedby=\"nombre-error\">"));
  g_assert_nonnull (strstr (again, "aria-invalid=\"true\" aria-describedby=\"telefono-error telefono-ayuda\">"));
  g_assert_nonnull (strstr (again, "<fieldset id=\"horario\" aria-invalid=\"true\" aria-describedby=\"horario-error\">"));
  /* What was typed stays. */
  g_assert_nonnull (strstr (again, "id=\"placa\" name=\"placa\" value=\"ABC123\""));
  g_assert_nonnull (strstr (again, "<option value=\"maintenance\" selected>Mantenimiento</option>"));
  dealer_clear (&d);
}

/* Through the form: the confirmation page, then the booking in the dealer's pull as "Por
 * confirmar" with its confirm-by day and a new customer; never in another dealer's pull. */
static void
test_book_and_isolation (void)
{
  Dealer a;
  Dealer b;
  g_autoptr(TestReply) done = NULL;
  g_autoptr(TestReply) other = NULL;
  g_autoptr(JsonArray) pull_a = NULL;
  g_autoptr(JsonArray) pull_b = NULL;
  g_autofree char *form = NULL;
  g_autofree char *html = NULL;
  JsonObject *booking = NULL;
  JsonObject *fields;
  JsonObject *customer;

  if (skip_without_server ())
    return;
  dealer_init (&a, "Automotriz del Norte");
  dealer_init (&b, "Automotriz del Sur");
  form = g_strdup_printf ("nombre=Juan+P%%C3%%A9rez+L%%C3%%B3pez&telefono=55+1234+5678&correo=juan%%40example.com"
                          "&placa=" GOOD_VIN "&servicio=maintenance&horario=%sT09%%3A00", a.tomorrow);
  done = post_form (a.dealer, "198.51.100.2", form);
  g_assert_cmpuint (done->status, ==, 200);
  html = body_text (done);
  g_assert_nonnull (strstr (html, "<h1>Recibimos su solicitud de cita</h1>"));
  g_assert_nonnull (strstr (html, " a las 09:00</strong>"));
  g_assert_nonnull (strstr (html, "Le llamaremos para confirmarla a más tardar el "));

  /* Dealer B's URL with A's slot: B published the same hours, but the booking is B's own. */
  pull_a = test_pull_all (NULL, a.device, 0, 500);
  for (guint i = 0; i < json_array_get_length (pull_a); i++)
    {
      JsonObject *change = json_array_get_object_element (pull_a, i);

      if (g_str_equal (json_object_get_string_member (change, "entity"), "reservation"))
        booking = change;
    }
  g_assert_nonnull (booking);
  fields = json_object_get_object_member (booking, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "state"), ==, "to-confirm");
  g_assert_cmpstr (json_object_get_string_member (fields, "origin"), ==, "web");
  g_assert_cmpstr (json_object_get_string_member (fields, "day"), ==, a.tomorrow);
  g_assert_cmpint (json_object_get_int_member (fields, "starts_min"), ==, 540);
  g_assert_cmpstr (json_object_get_string_member (fields, "confirm_by"), ==, a.today);
  g_assert_cmpstr (json_object_get_string_member (fields, "contact_phone"), ==, "5512345678");
  g_assert_cmpstr (json_object_get_string_member (fields, "contact_plate_vin"), ==, GOOD_VIN);
  g_assert_true (json_object_get_null_member (fields, "advisor_uuid"));
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (TZ_NAME);
    g_autoptr(GDateTime) start = NULL;
    int y = 0, m = 0, dd = 0;

    g_assert_cmpint (sscanf (a.tomorrow, "%4d-%2d-%2d", &y, &m, &dd), ==, 3);
    start = g_date_time_new (tz, y, m, dd, 9, 0, 0);
    g_assert_cmpint (json_object_get_int_member (fields, "starts_at"), ==, g_date_time_to_unix (start) * G_USEC_PER_SEC);
  }
  customer = test_find_change (pull_a, json_object_get_string_member (fields, "customer_uuid"));
  g_assert_nonnull (customer);
  g_assert_cmpstr (json_object_get_string_member (customer, "entity"), ==, "customer");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (customer, "fields"), "name"), ==,
                   "Juan Pérez López");
  g_assert_nonnull (test_find_change (pull_a, json_object_get_string_member (fields, "vehicle_uuid")));

  pull_b = test_pull_all (NULL, b.device, 0, 500);
  g_assert_null (test_find_change (pull_b, json_object_get_string_member (booking, "uuid")));
  for (guint i = 0; i < json_array_get_length (pull_b); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pull_b, i), "entity"), !=, "reservation");
  /* A's last place at 09:30 taken: B's 09:30 still has its own. */
  {
    g_autofree char *json = booking_json ("Ana Ruiz", "5511112222", "", "XYZ-123", a.tomorrow, "09:30");
    g_autoptr(TestReply) first = post_json (a.dealer, "198.51.100.2", json);
    g_autoptr(TestReply) full = post_json (a.dealer, "198.51.100.2", json);

    g_assert_cmpuint (first->status, ==, 201);
    g_assert_cmpuint (full->status, ==, 409);
    g_free (json);
    json = booking_json ("Ana Ruiz", "5511112222", "", "XYZ-123", b.tomorrow, "09:30");
    other = post_json (b.dealer, "198.51.100.2", json);
    g_assert_cmpuint (other->status, ==, 201);
  }
  dealer_clear (&a);
  dealer_clear (&b);
}

/* The JSON API: the slots with their free places, a booking by plate linked to the dealer's
 * vehicle and its owner, the places counted down. */
static void
test_json_api (void)
{
  Dealer d;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(TestReply) slots = NULL;
  g_autoptr(TestReply) booked = NULL;
  g_autoptr(TestReply) after = NULL;
  g_autoptr(JsonArray) pull = NULL;
  JsonObject *result;
  JsonArray *days;
  JsonObject *day;
  JsonObject *fields;

  if (skip_without_server ())
    return;
  dealer_init (&d, "Motores del Centro");
  push_applied (&d, "customer", "c1500000-0000-4000-8000-000000000001", "gerente",
                "{\"kind\": \"fisica\", \"name\": \"Laura Gómez Díaz\", \"phone_mobile\": \"5599998888\"}");
  push_applied (&d, "vehicle", "b1500000-0000-4000-8000-000000000001", "gerente",
                "{\"vin\": \"3FADP4BJ7EM100001\", \"model\": \"Fiesta\", \"year\": 2014, \"plate\": \"PXR-12-34\","
                " \"customer_uuid\": \"c1500000-0000-4000-8000-000000000001\"}");

  path = g_strconcat ("/v1/slots/", d.dealer, NULL);
  slots = test_http (NULL, "GET", path, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (slots->status, ==, 200);
  result = json_node_get_object (slots->json);
  g_assert_cmpstr (json_object_get_string_member (result, "dealer"), ==, "Motores del Centro");
  days = json_object_get_array_member (result, "days");
  day = json_array_get_object_element (days, json_array_get_length (days) - 1);
  g_assert_cmpstr (json_object_get_string_member (day, "day"), ==, d.tomorrow);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (day, "slots")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (day, "slots"), 0), "free"), ==, 2);

  /* The plate typed lower case with spaces instead of hyphens. */
  json = booking_json ("L. Gómez", "55 9999 8888", "", "pxr 1234", d.tomorrow, "09:00");
  booked = post_json (d.dealer, "198.51.100.3", json);
  g_assert_cmpuint (booked->status, ==, 201);
  result = json_node_get_object (booked->json);
  g_assert_cmpstr (json_object_get_string_member (result, "day"), ==, d.tomorrow);
  g_assert_cmpstr (json_object_get_string_member (result, "time"), ==, "09:00");
  g_assert_cmpstr (json_object_get_string_member (result, "confirm_by"), ==, d.today);

  pull = test_pull_all (NULL, d.device, 0, 500);
  fields = json_object_get_object_member (test_find_change (pull, json_object_get_string_member (result, "uuid")), "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "vehicle_uuid"), ==, "b1500000-0000-4000-8000-000000000001");
  g_assert_cmpstr (json_object_get_string_member (fields, "customer_uuid"), ==, "c1500000-0000-4000-8000-000000000001");
  g_assert_cmpstr (json_object_get_string_member (fields, "contact_name"), ==, "L. Gómez");

  after = test_http (NULL, "GET", path, NULL, NULL, NULL, NULL);
  days = json_object_get_array_member (json_node_get_object (after->json), "days");
  day = json_array_get_object_element (days, json_array_get_length (days) - 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (day, "slots"), 0), "free"), ==, 1);
  dealer_clear (&d);
}

static void
assert_refused (const char *dealer,
                const char *json,
                guint       status,
                const char *field,
                const char *message)
{
  static guint n = 0;
  /* An address of its own each: the test's refusals never reach the limit of 10 per hour. */
  g_autofree char *address = g_strdup_printf ("198.51.100.%u", 100 + n++);
  g_autoptr(TestReply) reply = post_json (dealer, address, json);
  JsonArray *errors;

  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (test_reply_error (reply), ==, message);
  errors = json_object_get_array_member (json_node_get_object (reply->json), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==, field);
}

static void
test_bad_inputs (void)
{
  Dealer d;
  g_autofree char *json = NULL;
  g_autofree char *message = NULL;
  g_autofree char *big = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *yesterday = NULL;
  g_autoptr(TestReply) reply = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *headers[] = { "X-Forwarded-For", "198.51.100.5", NULL };

  if (skip_without_server ())
    return;
  dealer_init (&d, "Camiones de Occidente");
  tomorrow = g_strdup_printf ("%c%c/%c%c/%.4s", d.tomorrow[8], d.tomorrow[9], d.tomorrow[5], d.tomorrow[6], d.tomorrow);
  yesterday = g_strdup_printf ("%c%c/%c%c/%.4s", d.yesterday[8], d.yesterday[9], d.yesterday[5], d.yesterday[6], d.yesterday);

  json = booking_json ("  ", "5512345678", "", "ABC123", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "name", "Escriba su nombre completo.");
  g_free (json);
  json = booking_json ("Juan Pérez", "551234567", "", "ABC123", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "phone", "Escriba su teléfono celular con 10 dígitos, por ejemplo 5512345678.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "juan@example", "ABC123", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "email",
                  "El correo electrónico «juan@example» no es válido: escríbalo como nombre@dominio.com, o déjelo vacío.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "", BAD_VIN, d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "plate_vin",
                  "El número de serie (VIN) «" BAD_VIN "» no es válido: revise los 17 caracteres en su tarjeta de circulación.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "", "AB", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "plate_vin",
                  "La placa «AB» no es válida: escriba de 3 a 8 letras o números (con o sin guiones), o los 17 caracteres del VIN.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC-1234-DE", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "plate_vin",
                  "La placa «ABC-1234-DE» no es válida: escriba de 3 a 8 letras o números (con o sin guiones), o los 17 caracteres del VIN.");
  g_free (json);
  /* What was typed is quoted up to 40 characters. */
  json = booking_json ("Juan Pérez", "5512345678", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "plate_vin",
                  "La placa «ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABC…» no es válida: escriba de 3 a 8 letras o números (con o sin guiones), o los 17 caracteres del VIN.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC_123", d.tomorrow, "09:00");
  assert_refused (d.dealer, json, 400, "plate_vin",
                  "La placa «ABC_123» no es válida: escriba de 3 a 8 letras o números (con o sin guiones), o los 17 caracteres del VIN.");
  g_free (json);
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC123", d.tomorrow, "11:15");
  message = g_strdup_printf ("El horario del %s a las 11:15 no se ofrece en línea: elija uno de la lista.", tomorrow);
  assert_refused (d.dealer, json, 400, "slot", message);
  g_free (json);
  g_free (message);
  /* Published with no place left. */
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC123", d.tomorrow, "10:00");
  message = g_strdup_printf ("El horario del %s a las 10:00 ya se ocupó: elija otro de la lista.", tomorrow);
  assert_refused (d.dealer, json, 409, "slot", message);
  g_free (json);
  g_free (message);
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC123", d.yesterday, "09:00");
  message = g_strdup_printf ("El horario del %s a las 09:00 ya pasó: elija uno de la lista.", yesterday);
  assert_refused (d.dealer, json, 400, "slot", message);
  g_free (json);
  /* Unknown service kind. */
  g_free (message);
  message = g_strdup_printf ("{\"name\": \"Juan Pérez\", \"phone\": \"5512345678\", \"plate_vin\": \"ABC123\","
                             " \"service_kind\": \"detailing\", \"day\": \"%s\", \"time\": \"09:00\"}", d.tomorrow);
  assert_refused (d.dealer, message, 400, "service_kind", "Elija el tipo de servicio de la lista.");

  /* Unknown dealer: a well-formed id of no dealer, and no id at all. */
  json = booking_json ("Juan Pérez", "5512345678", "", "ABC123", d.tomorrow, "09:00");
  {
    g_autoptr(TestReply) unknown = post_json ("7d4e1f0a-0000-4000-8000-000000000999", "198.51.100.5", json);
    g_autoptr(TestReply) garbage = test_http (NULL, "GET", "/book/nada", NULL, NULL, NULL, NULL);
    g_autoptr(TestReply) page = test_http (NULL, "GET", "/book/7d4e1f0a-0000-4000-8000-000000000999", NULL, NULL, NULL, NULL);
    g_autofree char *html = NULL;

    g_assert_cmpuint (unknown->status, ==, 404);
    g_assert_cmpstr (test_reply_error (unknown), ==,
                     "No encontramos esta agencia: revise la dirección de la página o llame a la agencia para agendar su cita.");
    g_assert_cmpuint (garbage->status, ==, 404);
    g_assert_cmpuint (page->status, ==, 404);
    html = body_text (page);
    g_assert_nonnull (strstr (html, "<html lang=\"es\">"));
    g_assert_nonnull (strstr (html, "<h1>Agencia no encontrada</h1>"));
  }

  /* Wrong method. */
  {
    g_autofree char *path = g_strconcat ("/v1/bookings/", d.dealer, NULL);
    g_autofree char *form = g_strconcat ("/book/", d.dealer, NULL);
    g_autoptr(TestReply) get = test_http (NULL, "GET", path, NULL, NULL, NULL, NULL);
    g_autoptr(TestReply) put = test_http (NULL, "PUT", form, NULL, "text/plain", NULL, NULL);

    g_assert_cmpuint (get->status, ==, 405);
    g_assert_cmpstr (test_reply_error (get), ==, "Esta dirección acepta solo POST.");
    g_assert_cmpstr (soup_message_headers_get_one (get->headers, "Allow"), ==, "POST");
    g_assert_cmpuint (put->status, ==, 405);
    g_assert_cmpstr (soup_message_headers_get_one (put->headers, "Allow"), ==, "GET, POST");
  }

  /* A body over the limit of the requests before login (64 KiB). */
  big = g_strnfill (70 * 1024, 'a');
  body = g_bytes_new_take (g_strconcat ("nombre=", big, NULL), 70 * 1024 + 7);
  {
    g_autofree char *form = g_strconcat ("/book/", d.dealer, NULL);

    reply = test_http (NULL, "POST", form, NULL, "application/x-www-form-urlencoded", body, headers);
  }
  g_assert_cmpuint (reply->status, ==, 413);
  dealer_clear (&d);
}

/* booking_per_hour = 10 from one address: the eleventh POST gets 429 and a Spanish message;
 * another address still books; a forged first hop does not change the address counted. */
static void
test_rate_limit (void)
{
  Dealer d;
  g_autofree char *json = NULL;
  g_autoptr(TestReply) limited = NULL;
  g_autoptr(TestReply) forged = NULL;
  g_autoptr(TestReply) html = NULL;
  g_autoptr(TestReply) other = NULL;
  g_autofree char *page = NULL;

  if (skip_without_server ())
    return;
  dealer_init (&d, "Autos de la Costa");
  /* Ten refused bookings still count: the limit is on POSTs, not on bookings made. */
  json = booking_json ("", "5512345678", "", "ABC123", d.tomorrow, "09:00");
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(TestReply) reply = post_json (d.dealer, "192.0.2.10", json);

      g_assert_cmpuint (reply->status, ==, 400);
    }
  limited = post_json (d.dealer, "192.0.2.10", json);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_cmpstr (test_reply_error (limited), ==,
                   "Recibimos demasiadas solicitudes desde su conexión (10 por hora): intente de nuevo en 60 minutos o llame a la agencia.");
  g_assert_nonnull (soup_message_headers_get_one (limited->headers, "Retry-After"));
  forged = post_json (d.dealer, "203.0.113.99, 192.0.2.10", json);
  g_assert_cmpuint (forged->status, ==, 429);
  html = post_form (d.dealer, "192.0.2.10", "nombre=x");
  g_assert_cmpuint (html->status, ==, 429);
  page = body_text (html);
  g_assert_nonnull (strstr (page, "<html lang=\"es\">"));
  g_assert_nonnull (strstr (page, "<h1>Demasiadas solicitudes</h1>"));
  other = post_json (d.dealer, "192.0.2.11", json);
  g_assert_cmpuint (other->status, ==, 400);
  dealer_clear (&d);
}

typedef struct
{
  const char *dealer;
  const char *day;
  const char *time;
  guint       index;
  GMutex     *lock;
  GCond      *go;
  gboolean   *started;
  guint       status;
} Racer;

static gpointer
racer_run (gpointer data)
{
  Racer *r = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *path = g_strconcat ("/v1/bookings/", r->dealer, NULL);
  g_autofree char *address = g_strdup_printf ("198.51.100.%u", 100 + r->index);
  g_autofree char *name = g_strdup_printf ("Cliente %u", r->index);
  g_autofree char *phone = g_strdup_printf ("55000000%02u", r->index);
  g_autofree char *plate = g_strdup_printf ("RCE-%03u", r->index);
  g_autofree char *json = booking_json (name, phone, "", plate, r->day, r->time);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  const char *headers[] = { "X-Forwarded-For", address, NULL };
  g_autoptr(TestReply) reply = NULL;

  g_mutex_lock (r->lock);
  while (!*r->started)
    g_cond_wait (r->go, r->lock);
  g_mutex_unlock (r->lock);
  reply = test_http (session, "POST", path, NULL, "application/json", body, headers);
  r->status = reply->status;
  return NULL;
}

/* Eight customers at once for the places of one slot: the slot's own lock counts them one
 * after the other, so exactly @places are booked and the others refused as full (409). */
static void
race_for_slot (Dealer     *d,
               const char *time,
               guint       places)
{
  Racer racers[8];
  GThread *threads[8];
  GMutex lock;
  GCond go;
  gboolean started = FALSE;
  guint booked = 0;
  guint full = 0;

  g_mutex_init (&lock);
  g_cond_init (&go);
  for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
    {
      racers[i] = (Racer) { d->dealer, d->tomorrow, time, i, &lock, &go, &started, 0 };
      threads[i] = g_thread_new ("racer", racer_run, &racers[i]);
    }
  g_usleep (G_USEC_PER_SEC / 5);
  g_mutex_lock (&lock);
  started = TRUE;
  g_cond_broadcast (&go);
  g_mutex_unlock (&lock);
  for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
    {
      g_thread_join (threads[i]);
      if (racers[i].status == 201)
        booked++;
      else if (racers[i].status == 409)
        full++;
      else
        g_error ("racer %u at %s: unexpected status %u", i, time, racers[i].status);
    }
  g_assert_cmpuint (booked, ==, places);
  g_assert_cmpuint (full, ==, G_N_ELEMENTS (racers) - places);
  g_mutex_clear (&lock);
  g_cond_clear (&go);
}

/* The last places of 09:00 (two) and 09:30 (one) raced for: never more bookings than places,
 * and every booking has a version of its own in the dealer's sequence. */
static void
test_concurrent_last_places (void)
{
  Dealer d;
  g_autoptr(JsonArray) pull = NULL;
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_reservations = 0;

  if (skip_without_server ())
    return;
  dealer_init (&d, "Autos del Bajío");
  race_for_slot (&d, "09:00", 2);
  race_for_slot (&d, "09:30", 1);

  pull = test_pull_all (NULL, d.device, 0, 500);
  for (guint i = 0; i < json_array_get_length (pull); i++)
    {
      JsonObject *change = json_array_get_object_element (pull, i);
      gint64 *version;

      if (!g_str_equal (json_object_get_string_member (change, "entity"), "reservation"))
        continue;
      n_reservations++;
      version = g_new (gint64, 1);
      *version = json_object_get_int_member (change, "version");
      g_assert_false (g_hash_table_contains (versions, version));
      g_hash_table_add (versions, version);
    }
  g_assert_cmpuint (n_reservations, ==, 3);
  dealer_clear (&d);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/booking/health", test_health);
  g_test_add_func ("/server/booking/S7/form-accessible", test_form_accessible);
  g_test_add_func ("/server/booking/S7/book-and-dealer-isolation", test_book_and_isolation);
  g_test_add_func ("/server/booking/S7/json-api-vehicle-match", test_json_api);
  g_test_add_func ("/server/booking/S7/bad-inputs", test_bad_inputs);
  g_test_add_func ("/server/booking/S7/rate-limit-429", test_rate_limit);
  g_test_add_func ("/server/booking/S7/concurrent-last-places", test_concurrent_last_places);
  return g_test_run ();
}
