/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-ics"

#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include <glib/gi18n.h>

#include "gest-agenda-mail-private.h"
#include "gest-date.h"

/* The confirmation's calendar entry (S7): one VEVENT in the dealer's time zone, with the
 * zone's VTIMEZONE so that any calendar shows the right hour, the reservation's uuid as UID
 * (a rescheduled reservation is another uuid, a moved one updates the same event), the
 * dealer's address as LOCATION. The texts are Spanish: the customer's language. */

GestAgendaMailReservation *
gest_agenda_mail_reservation_load (GestStore   *store,
                                   const char  *uuid,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT r.uuid, r.day, r.starts_min, r.duration_min, r.service_kind, r.transport,"
                        " coalesce (nullif (c.name, ''), r.contact_name),"
                        " coalesce (nullif (c.email, ''), r.contact_email),"
                        " trim (coalesce (v.model, '') || ' ' || CASE WHEN coalesce (v.year, 0) > 0 THEN v.year ELSE '' END),"
                        " coalesce (v.plate, ''), coalesce (u.name, ''), r.state, r.advisor_uuid, r.customer_uuid"
                        " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                        " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                        " LEFT JOIN users u ON u.uuid = r.advisor_uuid"
                        " WHERE r.uuid = ?1 AND r.deleted = 0", error);
  GestAgendaMailReservation *reservation;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The reservation is not in the database any more: refresh the agenda."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  reservation = g_new0 (GestAgendaMailReservation, 1);
#define TEXT(i) g_strdup ((const char *) sqlite3_column_text (stmt, i) != NULL ? (const char *) sqlite3_column_text (stmt, i) : "")
  reservation->uuid = TEXT (0);
  reservation->day = TEXT (1);
  reservation->starts_min = sqlite3_column_int (stmt, 2);
  reservation->duration_min = sqlite3_column_int (stmt, 3);
  reservation->service_kind = TEXT (4);
  reservation->transport = TEXT (5);
  reservation->customer_name = TEXT (6);
  reservation->email = TEXT (7);
  reservation->vehicle = TEXT (8);
  reservation->plate = TEXT (9);
  reservation->advisor_name = TEXT (10);
  reservation->state = TEXT (11);
  reservation->advisor_uuid = TEXT (12);
  reservation->customer_uuid = TEXT (13);
#undef TEXT
  return reservation;
}

void
gest_agenda_mail_reservation_free (GestAgendaMailReservation *reservation)
{
  if (reservation == NULL)
    return;
  g_free (reservation->uuid);
  g_free (reservation->day);
  g_free (reservation->service_kind);
  g_free (reservation->transport);
  g_free (reservation->customer_name);
  g_free (reservation->email);
  g_free (reservation->vehicle);
  g_free (reservation->plate);
  g_free (reservation->advisor_name);
  g_free (reservation->state);
  g_free (reservation->advisor_uuid);
  g_free (reservation->customer_uuid);
  g_free (reservation);
}

char *
gest_agenda_mail_setting (GestStore  *store,
                          const char *key,
                          const char *fallback)
{
  g_autofree char *value = gest_store_get_setting (store, key);

  if (value == NULL || *g_strstrip (value) == '\0')
    return g_strdup (fallback);
  return g_steal_pointer (&value);
}

/* "Cita de servicio: Escape 2019 (ABC-123-D)". */
char *
gest_agenda_mail_summary (const GestAgendaMailReservation *reservation)
{
  if (*reservation->vehicle != '\0' && *reservation->plate != '\0')
    return g_strdup_printf ("Cita de servicio: %s (%s)", reservation->vehicle, reservation->plate);
  if (*reservation->vehicle != '\0' || *reservation->plate != '\0')
    return g_strdup_printf ("Cita de servicio: %s", *reservation->vehicle != '\0' ? reservation->vehicle : reservation->plate);
  return g_strdup ("Cita de servicio");
}

static struct icaltimetype
local_time (const char   *day,
            int           minutes,
            icaltimezone *zone)
{
  struct icaltimetype t = icaltime_null_time ();
  GDate date;

  gest_date_from_iso (day, &date);
  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  t.second = 0;
  t.is_date = 0;
  return icaltime_set_timezone (&t, zone);
}

char *
gest_agenda_ics_for_reservation (GestStore   *store,
                                 const char  *uuid,
                                 GError     **error)
{
  g_autoptr(GestAgendaMailReservation) reservation = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autofree char *dealer = NULL;
  g_autofree char *address = NULL;
  g_autofree char *city = NULL;
  g_autofree char *phones = NULL;
  g_autofree char *location = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  icalcomponent *calendar, *event;
  icaltimezone *zone;
  const char *zone_id;
  char *text;
  char *result;
  GDate date;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  reservation = gest_agenda_mail_reservation_load (store, uuid, error);
  if (reservation == NULL)
    return NULL;
  if (!gest_date_from_iso (reservation->day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The reservation’s day “%s” is not a date: correct the reservation."), reservation->day);
      return NULL;
    }
  zone_id = g_time_zone_get_identifier (tz);
  zone = icaltimezone_get_builtin_timezone (zone_id);
  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();

  dealer = gest_agenda_mail_setting (store, "dealer.name", "");
  address = gest_agenda_mail_setting (store, "dealer.address", "");
  city = gest_agenda_mail_setting (store, "dealer.city", "");
  phones = gest_agenda_mail_setting (store, "dealer.reservation_phones", NULL);
  if (phones == NULL)
    phones = gest_agenda_mail_setting (store, "dealer.phones", "");
  if (*address != '\0' && *city != '\0' && strstr (address, city) == NULL)
    location = g_strdup_printf ("%s, %s", address, city);
  else
    location = g_strdup (*address != '\0' ? address : city);
  if (*dealer != '\0' && *location != '\0')
    {
      char *with_name = g_strdup_printf ("%s, %s", dealer, location);

      g_free (location);
      location = with_name;
    }
  summary = gest_agenda_mail_summary (reservation);
  description = g_strdup_printf ("%s%s%s%s%s",
                                 *reservation->advisor_name != '\0' ? "Asesor de servicio: " : "",
                                 reservation->advisor_name,
                                 *reservation->advisor_name != '\0' && *phones != '\0' ? "\n" : "",
                                 *phones != '\0' ? "Para cambiar su cita llame al " : "", phones);

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Gestiona//Citas de servicio//ES"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  if (zone != icaltimezone_get_utc_timezone ())
    {
      icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
      icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      /* The zone's plain name ("America/Mexico_City"), as every calendar knows it, rather
       * than libical's prefixed one. */
      if (tzid != NULL)
        icalproperty_set_tzid (tzid, zone_id);
      icalcomponent_add_component (calendar, vtimezone);
    }
  event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property (event, icalproperty_new_uid (reservation->uuid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_from_timet_with_zone (
                                (time_t) (gest_timestamp_now () / G_USEC_PER_SEC), 0, icaltimezone_get_utc_timezone ())));
  {
    struct icaltimetype start = local_time (reservation->day, reservation->starts_min, zone);
    struct icaltimetype end = local_time (reservation->day,
                                          reservation->starts_min + MAX (reservation->duration_min, 5), zone);
    icalproperty *dtstart = icalproperty_new_dtstart (start);
    icalproperty *dtend = icalproperty_new_dtend (end);

    if (zone != icaltimezone_get_utc_timezone ())
      {
        icalproperty_remove_parameter_by_kind (dtstart, ICAL_TZID_PARAMETER);
        icalproperty_remove_parameter_by_kind (dtend, ICAL_TZID_PARAMETER);
        icalproperty_add_parameter (dtstart, icalparameter_new_tzid (zone_id));
        icalproperty_add_parameter (dtend, icalparameter_new_tzid (zone_id));
      }
    icalcomponent_add_property (event, dtstart);
    icalcomponent_add_property (event, dtend);
  }
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (*location != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_component (calendar, event);

  text = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);
  return result;
}
