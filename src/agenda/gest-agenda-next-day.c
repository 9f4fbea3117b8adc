/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-next-day"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-agenda-domain.h"
#include "gest-agenda-mail-private.h"
#include "gest-business-calendar-store.h"
#include "gest-campaign.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-mail-outbox.h"
#include "gest-test-drive.h"

/* S12, S13: each afternoon, once, the next working day's messages to the dealer's staff:
 * each advisor their reservations (and the day sheet to print, attached), each technology
 * specialist the sessions, each sales user the test-drive leads. The mail service asks every
 * round (queue_due_mail); the setting below makes it once per next working day, so a
 * Saturday afternoon does not send Monday's again. Staff messages are in the interface's
 * language. An advisor, specialist or sales user with nothing that day gets no email. */

#define SETTING_QUEUED_FOR "agenda.next_day_queued_for"

static const struct
{
  const char *id;
  const char *label;
} kinds[] = {
  { "maintenance", N_("Maintenance") }, { "repair", N_("Repair") }, { "field-action", N_("Field action") },
  { "diagnosis", N_("Diagnosis") }, { "warranty", N_("Warranty") }, { "other", N_("Other") },
};

static const char *
kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].label);
  return kind;
}

static const char *
transport_label (const char *transport)
{
  return g_strcmp0 (transport, "drops-off") == 0 ? _("Leaves the vehicle") : _("Waits");
}

static int
next_day_hour (GestStore *store)
{
  g_autofree char *text = gest_store_get_setting (store, GEST_AGENDA_SETTING_NEXT_DAY_HOUR);
  guint hours, minutes;

  if (text == NULL || sscanf (text, "%u:%u", &hours, &minutes) != 2 || hours > 23 || minutes > 59)
    return 16 * 60;
  return hours * 60 + minutes;
}

/* [start, end) of @date in the dealer's time zone, unix µs. */
static void
day_bounds (const GDate *date,
            gint64      *start,
            gint64      *end)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) from = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                                               g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);

  *start = g_date_time_to_unix (from) * G_USEC_PER_SEC;
  *end = g_date_time_to_unix (to) * G_USEC_PER_SEC;
}

static char *
format_time_of (gint64 at)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%H:%M");
}

/* The advisor's reservations of @day, one line each; NULL with @error; "" when none. */
static char *
advisor_lines (GestStore   *store,
               const char  *advisor_uuid,
               const char  *day,
               guint       *out_n,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT r.starts_min, coalesce (nullif (c.name, ''), r.contact_name),"
                        " trim (coalesce (v.model, '') || ' ' || CASE WHEN coalesce (v.year, 0) > 0 THEN v.year ELSE '' END),"
                        " coalesce (v.plate, ''), r.service_kind, r.transport, r.vehicle_uuid, r.notes"
                        " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                        " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                        " WHERE r.day = ?1 AND r.advisor_uuid = ?2 AND r.deleted = 0"
                        " AND r.state IN ('to-confirm', 'confirmed')"
                        " ORDER BY r.starts_min, 2", error);
  GString *lines = g_string_new (NULL);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    {
      g_string_free (lines, TRUE);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int starts = sqlite3_column_int (stmt, 0);
      const char *vehicle = (const char *) sqlite3_column_text (stmt, 2);
      const char *plate = (const char *) sqlite3_column_text (stmt, 3);
      const char *vehicle_uuid = (const char *) sqlite3_column_text (stmt, 6);
      const char *notes = (const char *) sqlite3_column_text (stmt, 7);
      g_autofree char *actions = NULL;

      if (vehicle_uuid != NULL)
        {
          actions = gest_campaign_open_actions_text (store, vehicle_uuid, error);
          if (actions == NULL)
            {
              g_string_free (lines, TRUE);
              return NULL;
            }
        }
      g_string_append_printf (lines, "%02d:%02d  %s", starts / 60, starts % 60,
                              (const char *) sqlite3_column_text (stmt, 1));
      if (vehicle != NULL && *vehicle != '\0')
        g_string_append_printf (lines, " · %s", vehicle);
      if (plate != NULL && *plate != '\0')
        g_string_append_printf (lines, " (%s)", plate);
      g_string_append_printf (lines, " · %s · %s",
                              kind_label ((const char *) sqlite3_column_text (stmt, 4)),
                              transport_label ((const char *) sqlite3_column_text (stmt, 5)));
      g_string_append_c (lines, '\n');
      if (actions != NULL && *actions != '\0')
        g_string_append_printf (lines, "       %s %s\n", _("Open field actions:"), actions);
      if (notes != NULL && *notes != '\0')
        g_string_append_printf (lines, "       %s\n", notes);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      g_string_free (lines, TRUE);
      gest_store_set_error (store, error);
      return NULL;
    }
  *out_n = n;
  return g_string_free (lines, FALSE);
}

static char *
store_pdf (GestStore   *store,
           const char  *record_uuid,
           const char  *name,
           GBytes      *pdf,
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
  if (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &local_error))
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

static gboolean
queue_advisors (GestStore   *store,
                const char  *day,
                const char  *shown_day,
                guint       *n_queued,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT u.uuid, u.name, u.email FROM users u"
                        " WHERE u.deleted = 0 AND u.active = 1 AND u.email <> ''"
                        " AND EXISTS (SELECT 1 FROM reservations r WHERE r.day = ?1 AND r.advisor_uuid = u.uuid"
                        "   AND r.deleted = 0 AND r.state IN ('to-confirm', 'confirmed'))"
                        " ORDER BY u.name", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *advisor_uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *email = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *lines = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;
      g_autofree char *document_uuid = NULL;
      g_autofree char *file_name = NULL;
      guint n = 0;

      lines = advisor_lines (store, advisor_uuid, day, &n, error);
      if (lines == NULL)
        return FALSE;
      pdf = gest_agenda_day_sheet_pdf (store, day, advisor_uuid, error);
      if (pdf == NULL)
        return FALSE;
      file_name = g_strdup_printf ("%s %s.pdf", _("Reservations"), day);
      document_uuid = store_pdf (store, advisor_uuid, file_name, pdf, error);
      if (document_uuid == NULL)
        return FALSE;
      g_ptr_array_add (attachments, g_steal_pointer (&document_uuid));
      subject = g_strdup_printf (ngettext ("Your reservations for %s: %u", "Your reservations for %s: %u", n),
                                 shown_day, n);
      body = g_strdup_printf (_("Hello %s,\n\nYour service reservations for %s:\n\n%s\n"
                                "The day sheet to print is attached.\n"), name, shown_day, lines);
      if (!gest_mail_outbox_queue (store, GEST_AGENDA_MODULE_ID, GEST_AGENDA_MAIL_NEXT_DAY, advisor_uuid, email,
                                   subject, body, attachments, NULL, error))
        return FALSE;
      (*n_queued)++;
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

static gboolean
queue_role (GestStore   *store,
            const char  *role,
            const char  *purpose,
            const char  *subject,
            const char  *body,
            guint       *n_queued,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT uuid, email FROM users WHERE role = ?1 AND active = 1 AND deleted = 0"
                        " AND email <> '' ORDER BY name", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!gest_mail_outbox_queue (store, GEST_AGENDA_MODULE_ID, purpose, (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1), subject, body, NULL, NULL, error))
        return FALSE;
      (*n_queued)++;
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

static gboolean
queue_sessions (GestStore   *store,
                const char  *day,
                const char  *shown_day,
                guint       *n_queued,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT starts_min, customer_name, vehicle_type, model FROM tech_sessions"
                        " WHERE day = ?1 AND deleted = 0 AND state = 'booked' ORDER BY starts_min", error);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int starts = sqlite3_column_int (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      const char *model = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (lines, "%02d:%02d  %s", starts / 60, starts % 60,
                              (const char *) sqlite3_column_text (stmt, 1));
      if (*type != '\0' || *model != '\0')
        g_string_append_printf (lines, " · %s%s%s", type, *type != '\0' && *model != '\0' ? " " : "", model);
      g_string_append_c (lines, '\n');
      n++;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (n == 0)
    return TRUE;
  subject = g_strdup_printf (ngettext ("Technology sessions for %s: %u", "Technology sessions for %s: %u", n),
                             shown_day, n);
  body = g_strdup_printf (_("The technology sessions booked for %s:\n\n%s"), shown_day, lines->str);
  return queue_role (store, "technology-specialist", GEST_AGENDA_MAIL_SESSIONS, subject, body, n_queued, error);
}

static gboolean
queue_leads (GestStore   *store,
             const GDate *today,
             const GDate *next,
             const char  *shown_day,
             guint       *n_queued,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gint64 today_start, today_end, next_start, next_end;
  guint n = 0;
  int rc;

  day_bounds (today, &today_start, &today_end);
  day_bounds (next, &next_start, &next_end);
  /* The leads whose test drive is on the next working day, and those registered today (their
   * appointment may be days away: sales calls them first). */
  stmt = gest_store_prepare (store,
                             "SELECT name, phone, current_vehicle, vehicle_of_interest, appointment_at"
                             " FROM test_drive_leads WHERE deleted = 0 AND outcome = 'open'"
                             " AND ((appointment_at >= ?1 AND appointment_at < ?2) OR created_at >= ?3)"
                             " ORDER BY appointment_at, name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, next_start);
  sqlite3_bind_int64 (stmt, 2, next_end);
  sqlite3_bind_int64 (stmt, 3, today_start);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 at = sqlite3_column_int64 (stmt, 4);
      g_autofree char *when = NULL;

      if (at >= next_start && at < next_end)
        when = format_time_of (at);
      else
        when = gest_timestamp_format (at);
      g_string_append_printf (lines, "%s  %s · %s\n       %s: %s · %s: %s\n", when,
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              _("Current vehicle"), (const char *) sqlite3_column_text (stmt, 2),
                              _("Vehicle of interest"), (const char *) sqlite3_column_text (stmt, 3));
      n++;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (n == 0)
    return TRUE;
  subject = g_strdup_printf (ngettext ("Test-drive leads for %s: %u", "Test-drive leads for %s: %u", n),
                             shown_day, n);
  body = g_strdup_printf (_("The customers who accepted a test drive (name, phone, current vehicle, vehicle of "
                            "interest and the time of the test drive):\n\n%s"), lines->str);
  return queue_role (store, "sales-advisor", GEST_AGENDA_MAIL_LEADS, subject, body, n_queued, error);
}

gboolean
gest_agenda_queue_next_day (GestStore   *store,
                            gint64       now,
                            guint       *out_n,
                            GError     **error)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *next_iso = NULL;
  g_autofree char *queued = NULL;
  g_autofree char *shown = NULL;
  gboolean own = FALSE;
  gboolean ok = FALSE;
  guint n = 0;
  GDate today, next;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (out_n != NULL)
    *out_n = 0;
  utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  if (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local) < next_day_hour (store))
    return TRUE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  calendar = gest_business_calendar_load (store, error);
  if (calendar == NULL)
    return FALSE;
  next = today;
  for (int i = 0; i < 366; i++)
    {
      g_date_add_days (&next, 1);
      if (gest_business_calendar_is_working_day (calendar, &next))
        break;
    }
  next_iso = gest_date_to_iso (&next);
  queued = gest_store_get_setting (store, SETTING_QUEUED_FOR);
  if (queued != NULL && g_strcmp0 (queued, next_iso) >= 0)
    return TRUE;

  if (!gest_store_begin_change (store, "gest_agenda_queue_next_day", &own, error))
    return FALSE;
  /* Asked again by another round meanwhile: once only. */
  g_clear_pointer (&queued, g_free);
  queued = gest_store_get_setting (store, SETTING_QUEUED_FOR);
  if (queued != NULL && g_strcmp0 (queued, next_iso) >= 0)
    return gest_store_end_change (store, "gest_agenda_queue_next_day", own, TRUE, error);
  shown = gest_date_format (&next);
  ok = queue_advisors (store, next_iso, shown, &n, error) &&
       queue_sessions (store, next_iso, shown, &n, error) &&
       queue_leads (store, &today, &next, shown, &n, error) &&
       gest_store_set_setting (store, SETTING_QUEUED_FOR, next_iso, error);
  if (!gest_store_end_change (store, "gest_agenda_queue_next_day", own, ok, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = n;
  return TRUE;
}

gboolean
gest_agenda_queue_due_mail (GestDomainModule  *module,
                            GestStore         *store,
                            gint64             now,
                            GError           **error)
{
  return gest_agenda_queue_next_day (store, now, NULL, error);
}

gboolean
gest_agenda_mail_sent (GestDomainModule  *module,
                       GestStore         *store,
                       const char        *purpose,
                       const char        *record_uuid,
                       gint64             sent_at,
                       GError           **error)
{
  /* The staff's messages are recorded by the outbox itself; the customer's confirmation goes
   * on the reservation's history. */
  if (g_strcmp0 (purpose, GEST_AGENDA_MAIL_CONFIRMATION) != 0 || record_uuid == NULL)
    return TRUE;
  return gest_activity_log_append (store, record_uuid, GEST_ACTIVITY_EMAIL,
                                   _("Confirmation email delivered to the customer"), NULL, NULL, error) >= 0;
}
