/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-mail"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-agenda-domain.h"
#include "gest-agenda-mail-private.h"
#include "gest-business-calendar-store.h"
#include "gest-contact.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-mail-outbox.h"

/* The agenda's email (S7, S13). The customer's confirmation is Spanish whatever the user's
 * language (it is the customer's); the next-day messages go to the dealer's staff, in the
 * interface's language. */

#define SETTING_NEXT_DAY_HOUR   "agenda.next_day_hour"
/* The next working day whose messages were queued ('yyyy-mm-dd'): once per day, and a
 * Saturday afternoon does not send Monday's again. */
#define SETTING_NEXT_DAY_QUEUED "agenda.next_day_queued_for"

static const char * const spanish_weekdays[] = {
  "", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"
};
static const char * const spanish_months[] = {
  "", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
  "octubre", "noviembre", "diciembre"
};

static const char *
spanish_kind (const char *kind)
{
  static const struct { const char *id, *es; } kinds[] = {
    { "maintenance", "Mantenimiento" }, { "repair", "Reparación" },
    { "field-action", "Acción de servicio en campo" }, { "diagnosis", "Diagnóstico" },
    { "warranty", "Garantía" }, { "other", "Otro" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return kinds[i].es;
  return "Servicio";
}

/* "lunes 7 de diciembre de 2026". */
static char *
spanish_day (const char *iso)
{
  GDate date;

  if (!gest_date_from_iso (iso, &date))
    return g_strdup (iso);
  return g_strdup_printf ("%s %u de %s de %u", spanish_weekdays[g_date_get_weekday (&date)],
                          g_date_get_day (&date), spanish_months[g_date_get_month (&date)],
                          g_date_get_year (&date));
}

/* Keeps @bytes as a document of @record_uuid named @name; returns its uuid. In the caller's
 * transaction. */
static char *
store_attachment (GestStore   *store,
                  const char  *record_uuid,
                  const char  *name,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GestDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gestiona-agenda-XXXXXX", &local_error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("The attachment could not be written to a temporary file: %s"), local_error->message);
      return NULL;
    }
  path = g_build_filename (dir, name, NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &local_error))
    {
      file = g_file_new_for_path (path);
      document = gest_document_store_add (documents, record_uuid, file, GEST_DOCUMENT_KIND_OTHER, NULL, error);
    }
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                 _("The attachment could not be written to a temporary file: %s"), local_error->message);
  g_unlink (path);
  g_rmdir (dir);
  return document != NULL ? g_strdup (gest_document_get_uuid (document)) : NULL;
}

static char *
confirmation_body (GestStore                       *store,
                   const GestAgendaMailReservation *reservation)
{
  g_autofree char *dealer = gest_agenda_mail_setting (store, "dealer.name", "");
  g_autofree char *address = gest_agenda_mail_setting (store, "dealer.address", "");
  g_autofree char *phones = gest_agenda_mail_setting (store, "dealer.reservation_phones", NULL);
  g_autofree char *day = spanish_day (reservation->day);
  g_autofree char *vehicle = NULL;
  GString *body = g_string_new (NULL);

  if (phones == NULL)
    phones = gest_agenda_mail_setting (store, "dealer.phones", "");
  if (*reservation->vehicle != '\0' && *reservation->plate != '\0')
    vehicle = g_strdup_printf ("%s (%s)", reservation->vehicle, reservation->plate);
  else
    vehicle = g_strdup (*reservation->vehicle != '\0' ? reservation->vehicle : reservation->plate);

  g_string_append_printf (body, "Estimado(a) %s:\n\n", reservation->customer_name);
  g_string_append (body, "Su cita de servicio está confirmada.\n\n");
  g_string_append_printf (body, "Día: %s\n", day);
  g_string_append_printf (body, "Hora: %02d:%02d\n", reservation->starts_min / 60, reservation->starts_min % 60);
  if (*vehicle != '\0')
    g_string_append_printf (body, "Vehículo: %s\n", vehicle);
  g_string_append_printf (body, "Servicio: %s\n", spanish_kind (reservation->service_kind));
  if (*reservation->advisor_name != '\0')
    g_string_append_printf (body, "Asesor de servicio: %s\n", reservation->advisor_name);
  g_string_append (body, "\n");
  if (*address != '\0')
    g_string_append_printf (body, "Le esperamos en %s%s%s.\n", dealer, *dealer != '\0' ? ", " : "", address);
  if (*phones != '\0')
    g_string_append_printf (body, "Si necesita cambiar su cita, llámenos al %s.\n", phones);
  g_string_append (body, "Adjuntamos la cita para que la agregue a su calendario.\n\n");
  g_string_append (body, "Atentamente,\n");
  g_string_append (body, *dealer != '\0' ? dealer : "Su distribuidor");
  g_string_append (body, "\n");
  return g_string_free (body, FALSE);
}

gboolean
gest_agenda_queue_confirmation (GestStore   *store,
                                const char  *uuid,
                                GError     **error)
{
  g_autoptr(GestAgendaMailReservation) reservation = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) ics_bytes = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *document_uuid = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GError) local = NULL;
  gboolean own = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  reservation = gest_agenda_mail_reservation_load (store, uuid, error);
  if (reservation == NULL)
    return FALSE;
  email = g_strstrip (g_strdup (reservation->email));
  if (*email == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s has no email: add it to the customer, or confirm without sending the email."),
                   reservation->customer_name);
      return FALSE;
    }
  if (!gest_email_check (email, &local))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The email of %s, “%s”, is not valid: correct it in the customer, or confirm without sending the email."),
                   reservation->customer_name, email);
      return FALSE;
    }
  ics = gest_agenda_ics_for_reservation (store, uuid, error);
  if (ics == NULL)
    return FALSE;
  ics_bytes = g_bytes_new (ics, strlen (ics));

  if (!gest_store_begin_change (store, "gest_agenda_queue_confirmation", &own, error))
    return FALSE;
  document_uuid = store_attachment (store, uuid, "cita-de-servicio.ics", ics_bytes, error);
  if (document_uuid == NULL)
    goto out;
  g_ptr_array_add (attachments, g_strdup (document_uuid));
  {
    g_autofree char *confirmed = g_strdup_printf ("Confirmación de su cita de servicio: %02d:%02d, %s",
                                                  reservation->starts_min / 60, reservation->starts_min % 60,
                                                  reservation->day);
    GDate date;

    if (gest_date_from_iso (reservation->day, &date))
      {
        g_autofree char *shown = gest_date_format (&date);

        g_free (confirmed);
        confirmed = g_strdup_printf ("Confirmación de su cita de servicio: %s a las %02d:%02d", shown,
                                     reservation->starts_min / 60, reservation->starts_min % 60);
      }
    subject = g_steal_pointer (&confirmed);
  }
  body = confirmation_body (store, reservation);
  if (!gest_mail_outbox_queue (store, GEST_AGENDA_MODULE_ID, GEST_AGENDA_MAIL_CONFIRMATION, uuid, email,
                               subject, body, attachments, NULL, error))
    goto out;
  text = g_strdup_printf (_("Confirmation email to %s queued, with the appointment for the calendar"), email);
  ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_EMAIL, text, NULL, NULL, error) >= 0;
out:
  return gest_store_end_change (store, "gest_agenda_queue_confirmation", own, ok, error);
}
