/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S7, S12, S13 (#15): the agenda's email. The confirmation's .ics read back with libical (UID
 * the reservation's uuid, DTSTART and DTEND in the dealer's time zone with its VTIMEZONE,
 * LOCATION the dealer's address), the confirmation queued through the outbox with the .ics
 * attached (a document of the reservation) and refused without an email; the next-day
 * messages: none before the hour, then once for the next working day (a Friday's afternoon
 * covers Monday, and Saturday's does not send it again), one per advisor with reservations
 * (with the day sheet PDF attached), one per technology specialist, one per sales user. */
#include "config.h"

#include <locale.h>

#include <libical/ical.h>
#include <poppler.h>

#include "gest-agenda-mail.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-domain-module.h"
#include "gest-reservation.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void G_GNUC_PRINTF (2, 3)
exec_printf (GestStore  *store,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec (store, sql);
}

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
moment (const GDate *day,
        int          hour,
        int          minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), hour, minute, 0);

  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO customers (uuid, name, phone_mobile, email) VALUES"
        " ('cust-1', 'Juan Pérez López', '5512345678', 'juan@example.com'),"
        " ('cust-2', 'Ana Ruiz Soto', '5587654321', '');"
        "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
        " ('veh-1', '1FMCU9GD5KUA00001', 'Escape', 2019, 'ABC-123-D', 'cust-1'),"
        " ('veh-2', '3FADP4BJ2KM000002', 'Figo', 2020, 'XYZ-987-A', 'cust-2');"
        "INSERT INTO users (uuid, name, role, email, login, active) VALUES"
        " ('adv-1', 'Luis Hernández Peña', 'service-advisor', 'luis@example.com', 'asesor.uno', 1),"
        " ('adv-2', 'Marta Gil Ríos', 'service-advisor', 'marta@example.com', 'asesor.dos', 1),"
        " ('adv-3', 'Pablo Díaz Mora', 'service-advisor', 'pablo@example.com', 'asesor.tres', 1),"
        " ('spe-1', 'Diana Castro Fuentes', 'technology-specialist', 'diana@example.com', 'especialista.p', 1),"
        " ('sal-1', 'Ricardo Luna Ibarra', 'sales-advisor', 'ricardo@example.com', 'ventas.p', 1),"
        " ('sal-2', 'Sin Correo', 'sales-advisor', '', 'ventas.sin', 1);"
        "INSERT INTO settings (key, value) VALUES ('dealer.name', 'Ford Satélite'),"
        " ('dealer.address', 'Av. Gustavo Baz 100, Naucalpan'), ('dealer.city', 'Naucalpan'),"
        " ('dealer.reservation_phones', '55 5000 1000');");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
reservation (Fixture    *f,
             const char *uuid,
             const char *customer,
             const char *vehicle,
             const char *advisor,
             const char *day,
             int         starts_min)
{
  exec_printf (f->store,
               "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, advisor_uuid, day,"
               " starts_min, duration_min, state, received_at, created_at, updated_at)"
               " VALUES ('%s', '%s', '%s', 35000, '%s', '%s', %d, 30, 'confirmed', 1, 1, 1)",
               uuid, customer, vehicle, advisor, day, starts_min);
}

/* The first day from @from on (included) that is a working day and so is the day after. */
static void
two_working_days (GestStore *store,
                  GDate     *day)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (store, NULL);

  for (;;)
    {
      GDate next = *day;

      g_date_add_days (&next, 1);
      if (gest_business_calendar_is_working_day (calendar, day) &&
          gest_business_calendar_is_working_day (calendar, &next))
        return;
      g_date_add_days (day, 1);
    }
}

static void
test_ics_parsed_back (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *day_iso = NULL;
  icalcomponent *calendar, *event, *vtimezone;
  icalproperty *dtstart, *dtend;
  icalparameter *tzid;
  struct icaltimetype start, end;
  GDate day;

  gest_date_today (&day);
  g_date_add_days (&day, 10);
  day_iso = gest_date_to_iso (&day);
  reservation (f, "5b1c8e2a-0d4f-4a61-9e0b-7d2a3c4e5f60", "cust-1", "veh-1", "adv-1", day_iso, 10 * 60);

  ics = gest_agenda_ics_for_reservation (f->store, "5b1c8e2a-0d4f-4a61-9e0b-7d2a3c4e5f60", &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY) != NULL
                     ? icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY))
                     : NULL, ==, "2.0");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, "5b1c8e2a-0d4f-4a61-9e0b-7d2a3c4e5f60");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Cita de servicio: Escape 2019 (ABC-123-D)");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Ford Satélite, Av. Gustavo Baz 100, Naucalpan");

  /* DTSTART and DTEND: the reservation's local time, named by the dealer's zone. */
  dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "America/Mexico_City");
  start = icalproperty_get_dtstart (dtstart);
  g_assert_cmpint (start.year, ==, g_date_get_year (&day));
  g_assert_cmpint (start.month, ==, g_date_get_month (&day));
  g_assert_cmpint (start.day, ==, g_date_get_day (&day));
  g_assert_cmpint (start.hour, ==, 10);
  g_assert_cmpint (start.minute, ==, 0);
  g_assert_false (icaltime_is_utc (start));
  dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  end = icalproperty_get_dtend (dtend);
  g_assert_cmpint (end.hour * 60 + end.minute, ==, 10 * 60 + 30);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (dtend, ICAL_TZID_PARAMETER)), ==,
                   "America/Mexico_City");

  /* The zone travels with the event, so the moment is the same in any calendar. */
  vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)), ==,
                   "America/Mexico_City");
  {
    icaltimezone *zone = icaltimezone_new ();

    g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
    g_assert_cmpint ((gint64) icaltime_as_timet_with_zone (start, zone) * G_USEC_PER_SEC, ==, moment (&day, 10, 0));
    icaltimezone_free (zone, 1);
  }
  icalcomponent_free (calendar);
}

static void
test_confirmation_queued (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (f->store);
  g_autoptr(GestDocument) document = NULL;
  g_autofree char *day_iso = NULL;
  g_autofree char *row = NULL;
  g_autofree char *body = NULL;
  g_autofree char *attachment = NULL;
  g_autofree char *document_uuid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GDate day;

  gest_date_today (&day);
  g_date_add_days (&day, 10);
  day_iso = gest_date_to_iso (&day);
  reservation (f, "res-1", "cust-1", "veh-1", "adv-1", day_iso, 9 * 60 + 30);

  g_assert_true (gest_agenda_queue_confirmation (f->store, "res-1", &error));
  g_assert_no_error (error);
  row = query_text (f->store, "SELECT module || '|' || purpose || '|' || record_uuid || '|' || recipient || '|' ||"
                              " json_array_length (attachments) FROM mail_outbox");
  g_assert_cmpstr (row, ==, "agenda|confirmation|res-1|juan@example.com|1");
  body = query_text (f->store, "SELECT body FROM mail_outbox");
  g_assert_nonnull (strstr (body, "Estimado(a) Juan Pérez López:"));
  g_assert_nonnull (strstr (body, "Hora: 09:30\n"));
  g_assert_nonnull (strstr (body, "Vehículo: Escape 2019 (ABC-123-D)\n"));
  g_assert_nonnull (strstr (body, "Asesor de servicio: Luis Hernández Peña\n"));
  g_assert_nonnull (strstr (body, "llámenos al 55 5000 1000"));

  /* The attachment is the .ics, kept with the reservation's documents. */
  document_uuid = query_text (f->store, "SELECT json_extract (attachments, '$[0]') FROM mail_outbox");
  attachment = query_text (f->store, "SELECT record_uuid || '|' || filename FROM documents");
  g_assert_cmpstr (attachment, ==, "res-1|cita-de-servicio.ics");
  document = gest_document_store_lookup (documents, document_uuid, &error);
  g_assert_no_error (error);
  path = gest_document_store_get_content_path (documents, gest_document_get_sha256 (document));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (contents, "UID:res-1"));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE record_uuid = 'res-1'"
                                                   " AND kind = 'email'"), ==, 1);
}

/* The booking confirmed from the agenda (gest_reservation_confirm) queues the same email. */
static void
test_confirm_queues_it (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day_iso = NULL;
  g_autofree char *row = NULL;
  GDate day;

  for (int weekday = 1; weekday <= 7; weekday++)
    exec_printf (f->store,
                 "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min, slot_minutes,"
                 " capacity) VALUES ('sch-%d', 'adv-1', %d, 0, 1440, 30, 2)", weekday, weekday);
  gest_date_today (&day);
  g_date_add_days (&day, 10);
  day_iso = gest_date_to_iso (&day);
  exec_printf (f->store,
               "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, advisor_uuid, day, starts_min, state,"
               " origin, received_at, created_at, updated_at) VALUES ('web-1', 'cust-1', 'veh-1', 'adv-1', '%s', 600,"
               " 'to-confirm', 'web', 1, 1, 1)", day_iso);
  g_assert_true (gest_reservation_confirm (f->store, "web-1", NULL, TRUE, &error));
  g_assert_no_error (error);
  row = query_text (f->store, "SELECT m.purpose || '|' || m.recipient || '|' || d.filename FROM mail_outbox m"
                              " JOIN documents d ON d.uuid = json_extract (m.attachments, '$[0]')");
  g_assert_cmpstr (row, ==, "confirmation|juan@example.com|cita-de-servicio.ics");
}

static void
test_confirmation_needs_email (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reservation (f, "res-2", "cust-2", "veh-2", "adv-1", "2030-01-08", 9 * 60);
  g_assert_false (gest_agenda_queue_confirmation (f->store, "res-2", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Ana Ruiz Soto has no email: add it to the customer, or confirm without sending the email.");
  g_clear_error (&error);
  exec (f->store, "UPDATE customers SET email = 'ana@example' WHERE uuid = 'cust-2'");
  g_assert_false (gest_agenda_queue_confirmation (f->store, "res-2", &error));
  g_assert_cmpstr (error->message, ==,
                   "The email of Ana Ruiz Soto, “ana@example”, is not valid: correct it in the customer, or confirm "
                   "without sending the email.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM documents"), ==, 0);
}

static guint
queue_next_day (Fixture *f,
                gint64   now)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (gest_agenda_queue_next_day (f->store, now, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_next_day_once_after_hour (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *next_iso = NULL;
  g_autofree char *recipients = NULL;
  g_autofree char *advisor_mail = NULL;
  g_autofree char *pdf_name = NULL;
  GDate day, next;

  gest_date_today (&day);
  g_date_add_days (&day, 7);
  two_working_days (f->store, &day);
  next = day;
  g_date_add_days (&next, 1);
  next_iso = gest_date_to_iso (&next);
  reservation (f, "res-1", "cust-1", "veh-1", "adv-1", next_iso, 9 * 60);
  reservation (f, "res-2", "cust-2", "veh-2", "adv-1", next_iso, 10 * 60);
  reservation (f, "res-3", "cust-2", "veh-2", "adv-2", next_iso, 11 * 60);
  /* Pablo has nothing that day; a refused booking does not count. */
  exec_printf (f->store, "INSERT INTO reservations (uuid, customer_uuid, advisor_uuid, day, starts_min, state,"
                         " received_at, created_at) VALUES ('res-4', 'cust-1', 'adv-3', '%s', 540, 'refused', 1, 1)",
               next_iso);
  exec_printf (f->store, "INSERT INTO tech_sessions (uuid, day, starts_min, customer_name, vehicle_type, model,"
                         " created_at) VALUES ('ses-1', '%s', 600, 'Juan Pérez López', 'SUV', 'Escape 2019', 1)",
               next_iso);
  exec_printf (f->store, "INSERT INTO test_drive_leads (uuid, name, phone, current_vehicle, vehicle_of_interest,"
                         " appointment_at, created_at) VALUES ('lead-1', 'Juan Pérez López', '5512345678',"
                         " 'Escape 2019 · 35,000 km', 'Territory 2025', %" G_GINT64_FORMAT ", 1)",
               moment (&next, 11, 30));

  /* Before the hour (16:00): nothing. */
  g_assert_cmpuint (queue_next_day (f, moment (&day, 15, 59)), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 0);
  /* From the hour: one per advisor with reservations, the specialist, the sales user with an email. */
  g_assert_cmpuint (queue_next_day (f, moment (&day, 16, 0)), ==, 4);
  recipients = query_text (f->store, "SELECT group_concat (purpose || ':' || recipient, ' ') FROM"
                                     " (SELECT purpose, recipient FROM mail_outbox ORDER BY purpose, recipient)");
  g_assert_cmpstr (recipients, ==, "leads:ricardo@example.com next-day:luis@example.com next-day:marta@example.com"
                                   " sessions:diana@example.com");
  advisor_mail = query_text (f->store, "SELECT body FROM mail_outbox WHERE recipient = 'luis@example.com'");
  g_assert_nonnull (strstr (advisor_mail, "09:00  Juan Pérez López · Escape 2019 (ABC-123-D) · Maintenance · Waits\n"));
  g_assert_nonnull (strstr (advisor_mail, "10:00  Ana Ruiz Soto · Figo 2020 (XYZ-987-A) · Maintenance · Waits\n"));
  g_assert_null (strstr (advisor_mail, "Marta"));
  pdf_name = query_text (f->store, "SELECT d.filename FROM mail_outbox m JOIN documents d"
                                   " ON d.uuid = json_extract (m.attachments, '$[0]') WHERE m.recipient = 'luis@example.com'");
  g_assert_true (g_str_has_suffix (pdf_name, ".pdf"));
  /* Once per day, however often the mail service asks. */
  g_assert_cmpuint (queue_next_day (f, moment (&day, 16, 1)), ==, 0);
  g_assert_cmpuint (queue_next_day (f, moment (&day, 23, 59)), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 4);
}

static void
test_next_day_friday_covers_monday (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_load (f->store, NULL);
  g_autofree char *monday_iso = NULL;
  GDate friday, saturday, monday;

  /* A Friday followed by a working Monday. */
  gest_date_today (&friday);
  g_date_add_days (&friday, 7);
  for (;;)
    {
      monday = friday;
      g_date_add_days (&monday, 3);
      if (g_date_get_weekday (&friday) == G_DATE_FRIDAY && gest_business_calendar_is_working_day (calendar, &friday) &&
          gest_business_calendar_is_working_day (calendar, &monday))
        break;
      g_date_add_days (&friday, 1);
    }
  saturday = friday;
  g_date_add_days (&saturday, 1);
  monday_iso = gest_date_to_iso (&monday);
  reservation (f, "res-1", "cust-1", "veh-1", "adv-1", monday_iso, 9 * 60);

  /* The mail service asks on its own connection, with nobody signed in. */
  gest_store_set_user (f->store, NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gest_agenda_queue_due_mail (NULL, f->store, moment (&friday, 17, 0), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 1);
  g_assert_cmpuint (queue_next_day (f, moment (&saturday, 17, 0)), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 1);
}

static void
test_day_sheet_pdf (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;

  reservation (f, "res-1", "cust-1", "veh-1", "adv-1", "2030-01-08", 9 * 60);
  pdf = gest_agenda_day_sheet_pdf (f->store, "2030-01-08", "adv-1", &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Luis Hernández Peña"));
  g_assert_nonnull (strstr (text, "Juan Pérez López"));
  g_assert_nonnull (strstr (text, "Escape 2019 (ABC-123-D) · 35,000 km"));
  g_assert_null (strstr (text, "Ana Ruiz"));
  g_object_unref (page);
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/agenda/S7/ics-read-back-uid-dtstart-location", test_ics_parsed_back);
  ADD ("/agenda/S7/confirmation-queued-with-ics", test_confirmation_queued);
  ADD ("/agenda/S7/confirmation-needs-an-email", test_confirmation_needs_email);
  ADD ("/agenda/S7/confirm-queues-the-email-with-ics", test_confirm_queues_it);
  ADD ("/agenda/S13/next-day-once-after-the-hour-per-advisor", test_next_day_once_after_hour);
  ADD ("/agenda/S13/next-day-friday-covers-monday", test_next_day_friday_covers_monday);
  ADD ("/agenda/S12/day-sheet-pdf", test_day_sheet_pdf);
#undef ADD

  return g_test_run ();
}
