/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gest-server-booking.h"

/* The public booking form (S7): Spanish, <html lang="es">, one <label> per input, required
 * fields marked, the refused fields listed at the top with links to them and repeated under
 * each field (aria-describedby, aria-invalid), no JavaScript, one column that fits 360 px. */

const char * const gest_booking_service_kinds[][2] = {
  { "maintenance", "Mantenimiento" },
  { "repair", "Reparación" },
  { "diagnosis", "Diagnóstico" },
  { "warranty", "Garantía" },
  { "field-action", "Campaña de seguridad (llamado a revisión)" },
  { "other", "Otro" },
  { NULL, NULL },
};

static const char * const weekdays[] = {
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"
};

static const char style[] =
  "body{font-family:sans-serif;margin:0;padding:1rem;max-width:40rem;line-height:1.4;color:#1a1a1a}"
  "h1{font-size:1.4rem}label,legend{display:block;font-weight:bold;margin-top:1rem}"
  "input[type=text],input[type=tel],input[type=email],select{box-sizing:border-box;width:100%;"
  "font-size:1rem;padding:.5rem;border:1px solid #555;border-radius:4px}"
  "fieldset{border:1px solid #999;border-radius:4px;margin:1rem 0 0;padding:.5rem}"
  "fieldset fieldset{border:0;padding:0;margin:.5rem 0 0}"
  ".slot{display:inline-block;margin:.25rem .5rem .25rem 0}.slot input{width:1.2rem;height:1.2rem;vertical-align:middle}"
  ".slot label{display:inline-block;font-weight:normal;margin:0;padding:.4rem .2rem}"
  ".hint{color:#444;font-size:.9rem;margin:.25rem 0}"
  ".error{color:#a00000;font-weight:bold;margin:.25rem 0}[aria-invalid=true]{border:2px solid #a00000}"
  "#errores{border:2px solid #a00000;padding:.5rem 1rem;margin:1rem 0}#errores a{color:#a00000}"
  "button{font-size:1.1rem;padding:.6rem 1.2rem;margin-top:1.5rem}";

void
gest_booking_input_clear (GestBookingInput *input)
{
  g_clear_pointer (&input->name, g_free);
  g_clear_pointer (&input->phone, g_free);
  g_clear_pointer (&input->email, g_free);
  g_clear_pointer (&input->plate_vin, g_free);
  g_clear_pointer (&input->service_kind, g_free);
  g_clear_pointer (&input->slot, g_free);
}

void
gest_booking_error_free (GestBookingError *error)
{
  if (error == NULL)
    return;
  g_free (error->field);
  g_free (error->message);
  g_free (error);
}

void
gest_booking_slot_free (GestBookingSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->day);
  g_free (slot);
}

char *
gest_booking_day_label (const char *day)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDate) date = NULL;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return g_strdup (day != NULL ? day : "");
  date = g_date_new_dmy (d, m, y);
  return g_strdup_printf ("%s %02d/%02d/%04d", weekdays[g_date_get_weekday (date) - 1], d, m, y);
}

static void
page_start (GString    *html,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n",
                          escaped, style);
}

static void
page_end (GString *html)
{
  g_string_append (html, "</main>\n</body>\n</html>\n");
}

static const GestBookingError *
find_error (GPtrArray  *errors,
            const char *field)
{
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const GestBookingError *error = g_ptr_array_index (errors, i);

      if (g_str_equal (error->field, field))
        return error;
    }
  return NULL;
}

/* The message under a field, and the attributes that link the field to it. */
static char *
field_attributes (GPtrArray  *errors,
                  const char *field,
                  const char *hint_id)
{
  const GestBookingError *error = find_error (errors, field);

  if (error == NULL && hint_id == NULL)
    return g_strdup ("");
  if (error == NULL)
    return g_strdup_printf (" aria-describedby=\"%s\"", hint_id);
  return g_strdup_printf (" aria-invalid=\"true\" aria-describedby=\"%s-error%s%s\"",
                          field, hint_id != NULL ? " " : "", hint_id != NULL ? hint_id : "");
}

static void
field_error (GString    *html,
             GPtrArray  *errors,
             const char *field)
{
  const GestBookingError *error = find_error (errors, field);
  g_autofree char *message = NULL;

  if (error == NULL)
    return;
  message = g_markup_escape_text (error->message, -1);
  g_string_append_printf (html, "<p class=\"error\" id=\"%s-error\">%s</p>\n", field, message);
}

static void
text_field (GString    *html,
            GPtrArray  *errors,
            const char *field,
            const char *type,
            const char *label,
            gboolean    required,
            const char *autocomplete,
            const char *value,
            const char *hint)
{
  g_autofree char *hint_id = hint != NULL ? g_strconcat (field, "-ayuda", NULL) : NULL;
  g_autofree char *attributes = field_attributes (errors, field, hint_id);
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (html, "<label for=\"%s\">%s%s</label>\n", field, label,
                          required ? " <abbr title=\"obligatorio\">*</abbr>" : " (opcional)");
  if (hint != NULL)
    g_string_append_printf (html, "<p class=\"hint\" id=\"%s\">%s</p>\n", hint_id, hint);
  field_error (html, errors, field);
  g_string_append_printf (html,
                          "<input type=\"%s\" id=\"%s\" name=\"%s\" value=\"%s\" autocomplete=\"%s\"%s%s>\n",
                          type, field, field, escaped, autocomplete,
                          required ? " required aria-required=\"true\"" : "", attributes);
}

static void
service_field (GString                *html,
               GPtrArray              *errors,
               const GestBookingInput *input)
{
  g_autofree char *attributes = field_attributes (errors, "servicio", NULL);

  g_string_append (html, "<label for=\"servicio\">Tipo de servicio <abbr title=\"obligatorio\">*</abbr></label>\n");
  field_error (html, errors, "servicio");
  g_string_append_printf (html, "<select id=\"servicio\" name=\"servicio\" required aria-required=\"true\"%s>\n"
                          "<option value=\"\">Elija uno</option>\n", attributes);
  for (guint i = 0; gest_booking_service_kinds[i][0] != NULL; i++)
    g_string_append_printf (html, "<option value=\"%s\"%s>%s</option>\n",
                            gest_booking_service_kinds[i][0],
                            g_strcmp0 (input->service_kind, gest_booking_service_kinds[i][0]) == 0
                            ? " selected" : "",
                            gest_booking_service_kinds[i][1]);
  g_string_append (html, "</select>\n");
}

/* The free slots as radio buttons, one group per day. */
static void
slot_field (GString                *html,
            GPtrArray              *errors,
            GPtrArray              *slots,
            const GestBookingInput *input)
{
  g_autofree char *attributes = field_attributes (errors, "horario", NULL);
  const char *day = NULL;
  gboolean first = TRUE;

  g_string_append_printf (html, "<fieldset id=\"horario\"%s>\n<legend>Día y hora de la cita "
                          "<abbr title=\"obligatorio\">*</abbr></legend>\n", attributes);
  field_error (html, errors, "horario");
  if (slots == NULL || slots->len == 0)
    g_string_append (html, "<p>No hay horarios disponibles en línea por ahora: llame a la agencia para agendar su cita.</p>\n");
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const GestBookingSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *value = g_strdup_printf ("%sT%02d:%02d", slot->day, slot->minute / 60, slot->minute % 60);
      g_autofree char *id = g_strdup_printf ("horario-%s-%02d%02d", slot->day, slot->minute / 60, slot->minute % 60);

      if (g_strcmp0 (day, slot->day) != 0)
        {
          g_autofree char *label = gest_booking_day_label (slot->day);

          if (day != NULL)
            g_string_append (html, "</fieldset>\n");
          g_string_append_printf (html, "<fieldset>\n<legend>%s</legend>\n", label);
          day = slot->day;
        }
      g_string_append_printf (html,
                              "<span class=\"slot\"><input type=\"radio\" id=\"%s\" name=\"horario\" value=\"%s\"%s%s>"
                              "<label for=\"%s\">%02d:%02d</label></span>\n",
                              id, value, first ? " required" : "",
                              g_strcmp0 (input->slot, value) == 0 ? " checked" : "",
                              id, slot->minute / 60, slot->minute % 60);
      first = FALSE;
    }
  if (day != NULL)
    g_string_append (html, "</fieldset>\n");
  g_string_append (html, "</fieldset>\n");
}

char *
gest_booking_form_html (const char             *dealer_id,
                        const char             *dealer_name,
                        GPtrArray              *slots,
                        const GestBookingInput *input,
                        GPtrArray              *errors)
{
  GString *html = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (dealer_name, -1);
  g_autofree char *title = g_strdup_printf ("Agende su cita de servicio — %s", dealer_name);

  page_start (html, title);
  g_string_append_printf (html, "<h1>Agende su cita de servicio en %s</h1>\n", name);
  if (errors != NULL && errors->len > 0)
    {
      g_string_append_printf (html, "<div id=\"errores\" role=\"alert\" tabindex=\"-1\">\n<h2>%s</h2>\n<ul>\n",
                              errors->len == 1 ? "Revise este dato:" : "Revise estos datos:");
      for (guint i = 0; i < errors->len; i++)
        {
          const GestBookingError *error = g_ptr_array_index (errors, i);
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          g_string_append_printf (html, "<li><a href=\"#%s\">%s</a></li>\n", error->field, message);
        }
      g_string_append (html, "</ul>\n</div>\n");
    }
  g_string_append (html, "<p>Los campos con <abbr title=\"obligatorio\">*</abbr> son obligatorios. "
                   "Le llamaremos para confirmar su cita.</p>\n");
  g_string_append_printf (html, "<form method=\"post\" action=\"/book/%s\" novalidate>\n", dealer_id);
  text_field (html, errors, "nombre", "text", "Nombre completo", TRUE, "name", input->name, NULL);
  text_field (html, errors, "telefono", "tel", "Teléfono celular", TRUE, "tel-national", input->phone,
              "10 dígitos, por ejemplo 5512345678.");
  text_field (html, errors, "correo", "email", "Correo electrónico", FALSE, "email", input->email,
              "Para enviarle la confirmación.");
  text_field (html, errors, "placa", "text", "Placa o número de serie (VIN)", TRUE, "off", input->plate_vin,
              "La placa (3 a 8 letras o números) o los 17 caracteres del VIN de su tarjeta de circulación.");
  service_field (html, errors, input);
  slot_field (html, errors, slots, input);
  g_string_append (html, "<button type=\"submit\">Solicitar cita</button>\n</form>\n");
  page_end (html);
  return g_string_free (html, FALSE);
}

char *
gest_booking_done_html (const char *dealer_name,
                        const char *day,
                        int         minute,
                        const char *confirm_by)
{
  GString *html = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (dealer_name, -1);
  g_autofree char *label = gest_booking_day_label (day);

  page_start (html, "Recibimos su solicitud de cita");
  g_string_append (html, "<h1>Recibimos su solicitud de cita</h1>\n");
  g_string_append_printf (html, "<p>Su cita en %s: <strong>%s a las %02d:%02d</strong>.</p>\n",
                          name, label, minute / 60, minute % 60);
  if (confirm_by != NULL)
    {
      g_autofree char *by = gest_booking_day_label (confirm_by);

      g_string_append_printf (html, "<p>Le llamaremos para confirmarla a más tardar el %s.</p>\n", by);
    }
  else
    g_string_append (html, "<p>Le llamaremos para confirmarla.</p>\n");
  page_end (html);
  return g_string_free (html, FALSE);
}

char *
gest_booking_message_html (const char *title,
                           const char *message)
{
  GString *html = g_string_new (NULL);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  page_start (html, title);
  g_string_append_printf (html, "<h1>%s</h1>\n<p>%s</p>\n", escaped_title, escaped);
  page_end (html);
  return g_string_free (html, FALSE);
}
