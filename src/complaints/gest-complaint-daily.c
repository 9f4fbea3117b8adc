/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-daily"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-business-calendar-store.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-mail-outbox.h"

/* Q7, the daily rule: a case needs an entry in its log every day, counted in the dealer's
 * time zone whatever the process's; and the morning summary that tells the head of customer
 * service which cases lack one, which clocks are missed or at risk and which tasks are late. */

static void
day_of (gint64  now,
        GDate  *out)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

char *
gest_complaint_log_day (gint64 now)
{
  GDate day;

  day_of (now, &day);
  return gest_date_to_iso (&day);
}

gboolean
gest_complaint_logged_today (const char *last_log_day,
                             gint64      now)
{
  g_autofree char *today = NULL;

  if (last_log_day == NULL || *last_log_day == '\0')
    return FALSE;
  today = gest_complaint_log_day (now);
  return g_str_equal (last_log_day, today);
}

static gint64
local_midnight (const GDate *day)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) dt = g_date_time_new (tz, (int) g_date_get_year (day),
                                             (int) g_date_get_month (day),
                                             (int) g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static char *
format_iso (const char *iso)
{
  GDate day;

  if (iso == NULL || !gest_date_from_iso (iso, &day))
    return g_strdup (_("never"));
  return gest_date_format (&day);
}

static const char *
text_column (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? text : "";
}

/* Appends one section: its title with the count, then a line per row, or "None.". */
static gboolean
append_section (GestStore    *store,
                GString      *out,
                const char   *title,
                const char   *sql,
                const char   *bind1,
                gint64        bind2,
                gboolean      dated,
                GError      **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (bind1 != NULL)
    sqlite3_bind_text (stmt, 1, bind1, -1, SQLITE_TRANSIENT);
  if (bind2 != 0)
    sqlite3_bind_int64 (stmt, 2, bind2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n++;
      g_string_append_printf (lines, "  %s · %s · %s", text_column (stmt, 0), text_column (stmt, 1),
                              text_column (stmt, 2));
      if (dated)
        {
          g_autofree char *shown = format_iso ((const char *) sqlite3_column_text (stmt, 3));

          /* Translators: after a case or task line of the morning summary. */
          g_string_append_printf (lines, _(" · %s"), shown);
        }
      g_string_append_c (lines, '\n');
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);

  g_string_append_printf (out, "%s (%u)\n", title, n);
  if (n == 0)
    g_string_append_printf (out, "  %s\n", _("None."));
  else
    g_string_append (out, lines->str);
  g_string_append_c (out, '\n');
  return TRUE;
}

#define CASE_COLUMNS \
  "SELECT c.folio, coalesce (cu.name, ''), coalesce (u.name, ''), c.last_log_day " \
  "FROM complaints c LEFT JOIN customers cu ON cu.uuid = c.customer_uuid " \
  "LEFT JOIN users u ON u.uuid = c.responsible_uuid " \
  "WHERE c.deleted = 0 AND c.stage <> 6 "

char *
gest_complaint_morning_summary (GestStore  *store,
                                gint64      now,
                                GError    **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *today_iso = NULL;
  g_autofree char *today_shown = NULL;
  g_autofree char *since_iso = NULL;
  g_autofree char *since_shown = NULL;
  g_autofree char *title = NULL;
  GDate today, since;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  cal = gest_business_calendar_load (store, error);
  if (cal == NULL)
    return NULL;
  day_of (now, &today);
  gest_business_calendar_previous_working_day (cal, &today, &since);
  today_iso = gest_date_to_iso (&today);
  today_shown = gest_date_format (&today);
  since_iso = gest_date_to_iso (&since);
  since_shown = gest_date_format (&since);

  g_string_append_printf (out, _("Customer service morning summary, %s"), today_shown);
  g_string_append (out, "\n\n");

  /* Translators: %s is the last working day, dd/mm/yyyy. */
  title = g_strdup_printf (_("Open cases without a log entry since %s (folio · customer · responsible · last entry)"),
                           since_shown);
  if (!append_section (store, out, title,
                       CASE_COLUMNS "AND (c.last_log_day IS NULL OR c.last_log_day < ?1) "
                       "AND c.created_at < ?2 ORDER BY c.last_log_day IS NOT NULL, c.last_log_day, c.folio",
                       since_iso, local_midnight (&today), TRUE, error) ||
      !append_section (store, out, _("SLA missed (folio · customer · responsible)"),
                       CASE_COLUMNS "AND c.sla_state = 2 ORDER BY c.folio", NULL, 0, FALSE, error) ||
      !append_section (store, out, _("SLA at risk (folio · customer · responsible)"),
                       CASE_COLUMNS "AND c.sla_state = 1 ORDER BY c.folio", NULL, 0, FALSE, error) ||
      !append_section (store, out, _("Tasks overdue (folio · task · assignee · due)"),
                       "SELECT c.folio, t.description, coalesce (u.name, ''), t.due_day "
                       "FROM complaint_tasks t JOIN complaints c ON c.uuid = t.complaint_uuid "
                       "LEFT JOIN users u ON u.uuid = t.assignee_uuid "
                       "WHERE t.deleted = 0 AND t.done_at IS NULL AND c.deleted = 0 AND t.due_day < ?1 "
                       "ORDER BY t.due_day, c.folio",
                       today_iso, 0, TRUE, error))
    return NULL;

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

gboolean
gest_complaint_sla_refresh_open (GestStore  *store,
                                 gint64      now,
                                 GError    **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean own = FALSE;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_sla_refresh", &own, error))
    return FALSE;
  stmt = gest_store_prepare (store, "SELECT uuid FROM complaints WHERE deleted = 0 AND stage <> 6", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }
  for (guint i = 0; i < uuids->len; i++)
    if (!gest_complaint_sla_update (store, g_ptr_array_index (uuids, i), now, error))
      goto fail;
  return gest_store_end_change (store, "gest_complaint_sla_refresh", own, TRUE, error);

fail:
  gest_store_end_change (store, "gest_complaint_sla_refresh", own, FALSE, NULL);
  return FALSE;
}

static int
summary_hour (GestStore *store)
{
  g_autofree char *text = gest_store_get_setting (store, "complaints.summary-hour");
  guint64 v;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 23, &v, NULL))
    return (int) v;
  return 8;
}

gboolean
gest_complaint_morning_summary_send_if_due (GestStore  *store,
                                            gint64      now,
                                            GError    **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *shown = NULL;
  sqlite3_stmt *stmt;
  gboolean own = FALSE;
  GDate today;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  if (g_date_time_get_hour (local) < summary_hour (store))
    return TRUE;

  if (!gest_store_begin_change (store, "gest_complaint_summary", &own, error))
    return FALSE;
  day_of (now, &today);
  today_iso = gest_date_to_iso (&today);
  sent = gest_store_get_setting (store, "complaints.summary-sent-day");
  if ((sent != NULL && g_strcmp0 (sent, today_iso) >= 0))
    return gest_store_end_change (store, "gest_complaint_summary", own, TRUE, error);
  /* Nobody reads it on a day off: the next working morning's covers the days between. */
  cal = gest_business_calendar_load (store, error);
  if (cal == NULL)
    goto fail;
  if (!gest_business_calendar_is_working_day (cal, &today))
    return gest_store_end_change (store, "gest_complaint_summary", own, TRUE, error);

  if (!gest_complaint_sla_refresh_open (store, now, error) ||
      (text = gest_complaint_morning_summary (store, now, error)) == NULL)
    goto fail;
  shown = gest_date_format (&today);
  subject = g_strdup_printf (_("Customer service morning summary, %s"), shown);

  stmt = gest_store_prepare (store, "SELECT email FROM users WHERE role = 'cs-head' AND active = 1 "
                                    "AND deleted = 0 AND email <> '' ORDER BY name", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!gest_mail_outbox_queue (store, NULL, NULL, NULL, (const char *) sqlite3_column_text (stmt, 0),
                                   subject, text, NULL, NULL, error))
        {
          sqlite3_finalize (stmt);
          goto fail;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }
  if (!gest_store_set_setting (store, "complaints.summary-sent-day", today_iso, error))
    goto fail;
  return gest_store_end_change (store, "gest_complaint_summary", own, TRUE, error);

fail:
  gest_store_end_change (store, "gest_complaint_summary", own, FALSE, NULL);
  return FALSE;
}
