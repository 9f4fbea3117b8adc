/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gest-activity-log.h"
#include "gest-agenda-workflow.h"
#include "gest-cfdi-catalog.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

const char *
gest_reservation_kind_label (const char *kind)
{
  static const struct
  {
    const char *id;
    const char *label;
  } kinds[] = {
    { "maintenance", N_("Maintenance") }, { "repair", N_("Repair") },
    { "field-action", N_("Field action") }, { "diagnosis", N_("Diagnosis") },
    { "warranty", N_("Warranty") }, { "other", N_("Other service") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].id) == 0)
      return _(kinds[i].label);
  return NULL;
}

const char *
gest_reservation_transport_label (const char *transport)
{
  if (g_strcmp0 (transport, "waits") == 0)
    return _("Waits");
  if (g_strcmp0 (transport, "drops-off") == 0)
    return _("Drops off the vehicle");
  return NULL;
}

void
gest_reservation_free (GestReservation *reservation)
{
  if (reservation == NULL)
    return;
  g_free (reservation->uuid);
  g_free (reservation->customer_uuid);
  g_free (reservation->customer_name);
  g_free (reservation->customer_phone);
  g_free (reservation->vehicle_uuid);
  g_free (reservation->vehicle_label);
  g_free (reservation->service_kind);
  g_free (reservation->advisor_uuid);
  g_free (reservation->advisor_name);
  g_free (reservation->day);
  g_free (reservation->transport);
  g_free (reservation->notes);
  g_free (reservation->origin);
  g_free (reservation->confirm_by);
  g_free (reservation->refusal_reason);
  g_free (reservation->no_show_reason);
  g_free (reservation->recovery);
  g_free (reservation->rescheduled_from);
  g_free (reservation->test_drive);
  g_free (reservation);
}

void
gest_agenda_rules_load (GestStore       *store,
                        GestAgendaRules *out)
{
  g_autofree char *grace = gest_store_get_setting (store, GEST_AGENDA_SETTING_GRACE);
  g_autofree char *cutoff = gest_store_get_setting (store, GEST_AGENDA_SETTING_CONFIRM_HOUR);
  gint64 value;

  out->grace_min = 30;
  if (grace != NULL && g_ascii_string_to_signed (grace, 10, 0, 24 * 60, &value, NULL))
    out->grace_min = (int) value;
  out->cutoff_min = gest_agenda_parse_time (cutoff);
  if (out->cutoff_min < 0)
    out->cutoff_min = 17 * 60;
}

int
gest_agenda_parse_time (const char *text)
{
  guint h, m;
  char end;

  if (text == NULL || sscanf (text, "%2u:%2u%c", &h, &m, &end) != 2 || h > 23 || m > 59)
    return -1;
  return (int) (h * 60 + m);
}

char *
gest_agenda_format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
gest_agenda_format_day (const char *iso)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return gest_date_format (&date);
}

gint64
gest_agenda_moment (const char *day,
                    int         minutes)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) at = NULL;
  GDate date;

  if (day == NULL || !gest_date_from_iso (day, &date))
    return 0;
  tz = gest_dealer_timezone ();
  midnight = g_date_time_new (tz, g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  if (midnight == NULL)
    return 0;
  /* Wall-clock minutes: add hours and minutes, not seconds, across a time change. */
  at = g_date_time_add_full (midnight, 0, 0, 0, minutes / 60, minutes % 60, 0);
  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

char *
gest_agenda_day_of (gint64  moment,
                    int    *out_minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (moment / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  if (out_minute != NULL)
    *out_minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup (text) : NULL;
}

static char *
vehicle_label (const char *model,
               int         year,
               const char *plate)
{
  g_autoptr(GString) label = g_string_new (model != NULL ? model : "");

  if (year > 0)
    g_string_append_printf (label, label->len > 0 ? " %d" : "%d", year);
  if (plate != NULL && *plate != '\0')
    g_string_append_printf (label, label->len > 0 ? " · %s" : "%s", plate);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

GestReservation *
gest_reservation_from_row (sqlite3_stmt          *stmt,
                           const GestAgendaRules *rules,
                           gint64                 now)
{
  GestReservation *r = g_new0 (GestReservation, 1);

  r->uuid = column_dup (stmt, 0);
  r->customer_uuid = column_dup (stmt, 1);
  r->customer_name = column_dup (stmt, 2);
  r->customer_phone = column_dup (stmt, 3);
  r->vehicle_uuid = column_dup (stmt, 4);
  r->vehicle_label = vehicle_label ((const char *) sqlite3_column_text (stmt, 5),
                                    sqlite3_column_int (stmt, 6),
                                    (const char *) sqlite3_column_text (stmt, 7));
  r->mileage_km = sqlite3_column_int (stmt, 8);
  r->service_kind = column_dup (stmt, 9);
  r->advisor_uuid = column_dup (stmt, 10);
  r->advisor_name = column_dup (stmt, 11);
  r->day = column_dup (stmt, 12);
  r->starts_min = sqlite3_column_int (stmt, 13);
  r->duration_min = sqlite3_column_int (stmt, 14);
  r->transport = column_dup (stmt, 15);
  r->notes = column_dup (stmt, 16);
  if (!gest_reservation_state_from_id ((const char *) sqlite3_column_text (stmt, 17), &r->state))
    r->state = GEST_RESERVATION_CANCELLED;
  r->origin = column_dup (stmt, 18);
  r->confirm_by = column_dup (stmt, 19);
  r->refusal_reason = column_dup (stmt, 20);
  r->no_show_reason = column_dup (stmt, 21);
  r->recovery = column_dup (stmt, 22);
  r->rescheduled_from = column_dup (stmt, 23);
  r->test_drive = column_dup (stmt, 24);
  r->needs_invoice = sqlite3_column_int (stmt, 25) != 0;
  r->sync_version = sqlite3_column_int64 (stmt, 26);
  r->n_open_actions = (guint) sqlite3_column_int (stmt, 27);
  if (r->customer_name == NULL)
    r->customer_name = g_strdup ("");
  if (r->customer_phone == NULL)
    r->customer_phone = g_strdup ("");

  r->is_no_show = r->state == GEST_RESERVATION_NO_SHOW ||
                  (r->state == GEST_RESERVATION_CONFIRMED &&
                   now >= gest_agenda_moment (r->day, r->starts_min + rules->grace_min));
  if (r->state == GEST_RESERVATION_TO_CONFIRM)
    {
      /* A booking the server could not date (no published day): confirm it today. */
      if (r->confirm_by == NULL)
        r->confirm_by = gest_agenda_day_of (now, NULL);
      r->confirm_late = now >= gest_agenda_moment (r->confirm_by, rules->cutoff_min);
    }
  else
    g_clear_pointer (&r->confirm_by, g_free);
  return r;
}

GestReservation *
gest_reservation_load_at (GestStore   *store,
                          const char  *uuid,
                          gint64       now,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestAgendaRules rules;
  int rc;

  gest_agenda_rules_load (store, &rules);
  stmt = gest_store_prepare (store, GEST_RESERVATION_SELECT " WHERE r.uuid = ?1 AND r.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return gest_reservation_from_row (stmt, &rules, now);
  if (rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                 _("The appointment is not in the database any more: refresh the agenda."));
  return NULL;
}

GestReservation *
gest_reservation_load (GestStore   *store,
                       const char  *uuid,
                       GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return gest_reservation_load_at (store, uuid, gest_timestamp_now (), error);
}

GPtrArray *
gest_reservations_list_range (GestStore   *store,
                              const char  *from_day,
                              const char  *to_day,
                              gint64       now,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_reservation_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestAgendaRules rules;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (from_day != NULL && to_day != NULL, NULL);

  gest_agenda_rules_load (store, &rules);
  /* One query: the open field actions counted once for the range's vehicles and joined, not
   * looked up reservation by reservation. */
  stmt = gest_store_prepare (store,
                             "WITH open_actions (vehicle_uuid, n) AS ("
                             " SELECT cv.vehicle_uuid, count(*) FROM campaign_vehicles cv"
                             " JOIN campaigns k ON k.uuid = cv.campaign_uuid"
                             " WHERE cv.vehicle_uuid IN (SELECT vehicle_uuid FROM reservations"
                             "  WHERE day BETWEEN ?1 AND ?2 AND deleted = 0 AND vehicle_uuid IS NOT NULL)"
                             " AND cv.deleted = 0 AND cv.stage < 4 AND k.deleted = 0 AND k.closed_at IS NULL"
                             " GROUP BY cv.vehicle_uuid) "
                             GEST_RESERVATION_SELECT_FIELDS ", COALESCE (o.n, 0)" GEST_RESERVATION_FROM
                             " LEFT JOIN open_actions o ON o.vehicle_uuid = r.vehicle_uuid"
                             " WHERE r.day BETWEEN ?1 AND ?2 AND r.deleted = 0"
                             " ORDER BY r.day, r.advisor_uuid IS NOT NULL, u.name, r.advisor_uuid,"
                             " r.starts_min, r.received_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, gest_reservation_from_row (stmt, &rules, now));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
gest_agenda_advisor_name (GestStore  *store,
                          const char *advisor_uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (advisor_uuid == NULL)
    return g_strdup ("");
  stmt = gest_store_prepare (store, "SELECT name FROM users WHERE uuid = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (advisor_uuid);
  sqlite3_bind_text (stmt, 1, advisor_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup (advisor_uuid);
}

gboolean
gest_agenda_check_own (GestStore              *store,
                       const GestReservation  *reservation,
                       GError                **error)
{
  GestUser *user = gest_store_get_user (store);

  if (user == NULL || user->role != GEST_ROLE_SERVICE_ADVISOR ||
      g_strcmp0 (user->uuid, reservation->advisor_uuid) == 0)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_PERMISSION,
               _("This appointment is %s’s: an advisor marks only their own appointments. Ask the service coordinator."),
               reservation->advisor_name != NULL ? reservation->advisor_name : _("unassigned"));
  return FALSE;
}

gboolean
gest_agenda_check_billing (GestStore   *store,
                           const char  *customer_uuid,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;

  stmt = gest_store_prepare (store,
                             "SELECT kind, rfc, name, fiscal_postal_code, fiscal_regime, cfdi_use, email"
                             " FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The appointment needs an invoice but has no customer: choose the customer and complete their billing data."));
      return FALSE;
    }
  if (gest_cfdi_check_receiver (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "moral") == 0
                                  ? GEST_TAXPAYER_COMPANY : GEST_TAXPAYER_PERSON,
                                (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3),
                                (const char *) sqlite3_column_text (stmt, 4),
                                (const char *) sqlite3_column_text (stmt, 5),
                                (const char *) sqlite3_column_text (stmt, 6),
                                NULL, &local))
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("The customer needs an invoice and their billing data is incomplete: %s"), local->message);
  return FALSE;
}

gboolean
gest_reservation_log (GestStore   *store,
                      const char  *uuid,
                      const char  *text,
                      GError     **error)
{
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_reservation_exec (GestStore   *store,
                       const char  *sql,
                       const char  *uuid,
                       gint64       now,
                       const char  *text3,
                       gint64       int4,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, text3, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, int4);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

gboolean
gest_reservation_record_mileage (GestStore   *store,
                                 const char  *uuid,
                                 const char  *vehicle_uuid,
                                 int          mileage_km,
                                 GError     **error)
{
  gint64 now = gest_timestamp_now ();

  if (mileage_km <= 0)
    return TRUE;
  if (vehicle_uuid != NULL &&
      !gest_reservation_exec (store,
                              "UPDATE vehicles SET km = ?4, updated_at = ?2"
                              " WHERE uuid = ?1 AND km < ?4 AND deleted = 0",
                              vehicle_uuid, now, NULL, mileage_km, error))
    return FALSE;
  /* S10: over GEST_TEST_DRIVE_MIN_KM, once per reservation. */
  if (mileage_km > GEST_TEST_DRIVE_MIN_KM &&
      !gest_reservation_exec (store,
                              "UPDATE reservations SET test_drive = 'offered', updated_at = ?2"
                              " WHERE uuid = ?1 AND test_drive = ''",
                              uuid, now, NULL, 0, error))
    return FALSE;
  return TRUE;
}
