/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-test-drive"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-reservation.h"
#include "gest-test-drive.h"

#define PERMISSION_TEST_DRIVES "agenda.test-drives"
#define PERMISSION_LEADS       "agenda.leads"

static const struct
{
  const char *id;
  const char *label;
} outcomes[] = {
  { "open", N_("Open") },
  { "test-driven", N_("Test-driven") },
  { "sold", N_("Sold") },
  { "not-interested", N_("Not interested") },
  { "no-answer", N_("No answer") },
};

const char *
gest_test_drive_outcome_label (const char *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (outcomes[i].id, outcome) == 0)
      return _(outcomes[i].label);
  return NULL;
}

gboolean
gest_test_drive_is_eligible (int mileage_km)
{
  return mileage_km > GEST_TEST_DRIVE_MIN_KM;
}

/* "35,000 km": thousands with a comma, as the agenda writes mileage. */
static char *
format_km (int km)
{
  GString *text = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%d", MAX (km, 0));
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append (text, " km");
  return g_string_free (text, FALSE);
}

typedef struct
{
  char   *customer_uuid;
  char   *name;
  char   *phone;
  char   *vehicle;
  int     mileage_km;
  char   *test_drive;
  char   *state;
  gint64  updated_at;
} Offer;

static void
offer_clear (Offer *offer)
{
  g_free (offer->customer_uuid);
  g_free (offer->name);
  g_free (offer->phone);
  g_free (offer->vehicle);
  g_free (offer->test_drive);
  g_free (offer->state);
}

static gboolean
offer_load (GestStore   *store,
            const char  *uuid,
            Offer       *offer,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT r.customer_uuid, coalesce (nullif (c.name, ''), r.contact_name),"
                        " coalesce (nullif (c.phone_mobile, ''), nullif (c.phone_home, ''),"
                        "           nullif (c.phone_work, ''), r.contact_phone),"
                        " trim (coalesce (v.model, '') || ' ' || CASE WHEN coalesce (v.year, 0) > 0 THEN v.year ELSE '' END),"
                        " r.mileage_km, r.test_drive, r.state, r.updated_at"
                        " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                        " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                        " WHERE r.uuid = ?1 AND r.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The reservation is not in the database any more: refresh the agenda."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  offer->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  offer->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  offer->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  offer->vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  offer->mileage_km = sqlite3_column_int (stmt, 4);
  offer->test_drive = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  offer->state = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  offer->updated_at = sqlite3_column_int64 (stmt, 7);
  return TRUE;
}

static gboolean
answer (GestStore   *store,
        const char  *reservation_uuid,
        const char  *lead_uuid,
        gboolean     accepted,
        const char  *vehicle_of_interest,
        gint64       appointment_at,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  gint64 now = gest_timestamp_now ();
  Offer offer = { 0 };
  gboolean ok = FALSE;

  if (!gest_store_check_permission (store, PERMISSION_TEST_DRIVES, error))
    return FALSE;
  if (!offer_load (store, reservation_uuid, &offer, error))
    goto out;
  if (g_strcmp0 (offer.test_drive, "offered") != 0)
    {
      if (g_strcmp0 (offer.test_drive, "accepted") == 0 || g_strcmp0 (offer.test_drive, "declined") == 0)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The customer already answered the test-drive offer of this reservation: one offer per reservation."));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("This reservation was not offered a test drive: only vehicles over 30,000 km are."));
      goto out;
    }
  if (accepted)
    {
      g_autofree char *interest = g_strstrip (g_strdup (vehicle_of_interest != NULL ? vehicle_of_interest : ""));
      g_autofree char *km = format_km (offer.mileage_km);

      if (*interest == '\0')
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Write the vehicle the customer wants to test-drive (such as “Territory 2025”)."));
          goto out;
        }
      if (appointment_at <= 0)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Choose the day and time of the test drive."));
          goto out;
        }
      if (appointment_at < now)
        {
          g_autofree char *when = gest_timestamp_format (appointment_at);

          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The test drive’s time, %s, has passed: choose a time still to come."), when);
          goto out;
        }
      current = *offer.vehicle != '\0' ? g_strdup_printf ("%s · %s", offer.vehicle, km) : g_strdup (km);
      stmt = gest_store_prepare (store,
                                 "INSERT INTO test_drive_leads (uuid, reservation_uuid, customer_uuid, name, phone,"
                                 " current_vehicle, vehicle_of_interest, appointment_at, outcome, created_by,"
                                 " created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10, ?10)", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_text (stmt, 1, lead_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, reservation_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, offer.customer_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, offer.name != NULL ? offer.name : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, offer.phone != NULL ? offer.phone : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, current, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, interest, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, appointment_at);
      sqlite3_bind_text (stmt, 9, user != NULL ? user : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          gest_store_set_error (store, error);
          goto out;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      {
        g_autofree char *when = gest_timestamp_format (appointment_at);

        text = g_strdup_printf (_("Test drive accepted: %s on %s; the lead goes to sales"), interest, when);
      }
      if (gest_activity_log_append (store, lead_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) < 0)
        goto out;
    }
  else
    text = g_strdup (_("Test drive offered and declined by the customer"));

  stmt = gest_store_prepare (store,
                             "UPDATE reservations SET test_drive = ?2, updated_at = ?3"
                             " WHERE uuid = ?1 AND updated_at = ?4 AND deleted = 0", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, reservation_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, accepted ? "accepted" : "declined", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, MAX (now, offer.updated_at + 1));
  sqlite3_bind_int64 (stmt, 4, offer.updated_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   _("Someone changed this reservation meanwhile: look at it again."));
      goto out;
    }
  ok = gest_activity_log_append (store, reservation_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
out:
  offer_clear (&offer);
  return ok;
}

char *
gest_test_drive_answer (GestStore   *store,
                        const char  *reservation_uuid,
                        gboolean     accepted,
                        const char  *vehicle_of_interest,
                        gint64       appointment_at,
                        GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (reservation_uuid != NULL, NULL);

  if (!gest_store_begin_change (store, "gest_test_drive_answer", &own, error))
    return NULL;
  ok = answer (store, reservation_uuid, uuid, accepted, vehicle_of_interest, appointment_at, error);
  if (!gest_store_end_change (store, "gest_test_drive_answer", own, ok, error))
    return NULL;
  return accepted ? g_steal_pointer (&uuid) : g_strdup ("");
}

static gboolean
lead_outcome (GestStore   *store,
              const char  *uuid,
              const char  *outcome,
              const char  *note,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  gint64 now = gest_timestamp_now ();
  gint64 updated_at;
  int rc;

  if (!gest_store_check_permission (store, PERMISSION_LEADS, error))
    return FALSE;
  if (gest_test_drive_outcome_label (outcome) == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an outcome of a lead: test-driven, sold, not interested, no answer or open."),
                   outcome != NULL ? outcome : "");
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT outcome, updated_at FROM test_drive_leads WHERE uuid = ?1 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The lead is not in the database any more: refresh the list."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  current = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  updated_at = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = gest_store_prepare (store,
                             "UPDATE test_drive_leads SET outcome = ?2, outcome_note = ?3, outcome_by = ?4,"
                             " outcome_at = ?5, updated_at = ?6 WHERE uuid = ?1 AND updated_at = ?7 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean_note, -1, SQLITE_STATIC);
  if (g_strcmp0 (outcome, "open") == 0)
    {
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_null (stmt, 5);
    }
  else
    {
      sqlite3_bind_text (stmt, 4, user != NULL ? user : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, now);
    }
  sqlite3_bind_int64 (stmt, 6, MAX (now, updated_at + 1));
  sqlite3_bind_int64 (stmt, 7, updated_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                   _("Someone changed this lead meanwhile: look at it again."));
      return FALSE;
    }
  if (*clean_note != '\0')
    text = g_strdup_printf (_("Lead: %s → %s (%s)"), gest_test_drive_outcome_label (current),
                            gest_test_drive_outcome_label (outcome), clean_note);
  else
    text = g_strdup_printf (_("Lead: %s → %s"), gest_test_drive_outcome_label (current),
                            gest_test_drive_outcome_label (outcome));
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
}

gboolean
gest_test_drive_lead_outcome (GestStore  *store,
                              const char *lead_uuid,
                              const char *outcome,
                              const char *note,
                              GError    **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (lead_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_test_drive_lead_outcome", &own, error))
    return FALSE;
  ok = lead_outcome (store, lead_uuid, outcome, note, error);
  return gest_store_end_change (store, "gest_test_drive_lead_outcome", own, ok, error);
}

void
gest_test_drive_lead_free (GestTestDriveLead *lead)
{
  if (lead == NULL)
    return;
  g_free (lead->uuid);
  g_free (lead->name);
  g_free (lead->phone);
  g_free (lead->current_vehicle);
  g_free (lead->vehicle_of_interest);
  g_free (lead->outcome);
  g_free (lead->reservation_uuid);
  g_free (lead);
}

/* [start, end) of @day in the dealer's time zone, unix µs. */
static gboolean
day_bounds (const char *day,
            gint64     *start,
            gint64     *end)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GDate date;

  if (!gest_date_from_iso (day, &date))
    return FALSE;
  from = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
  if (from == NULL)
    return FALSE;
  to = g_date_time_add_days (from, 1);
  *start = g_date_time_to_unix (from) * G_USEC_PER_SEC;
  *end = g_date_time_to_unix (to) * G_USEC_PER_SEC;
  return TRUE;
}

GPtrArray *
gest_test_drive_leads (GestStore   *store,
                       const char  *day,
                       GError     **error)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_test_drive_lead_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 start = 0, end = 0;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (day != NULL && !day_bounds (day, &start, &end))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("“%s” is not a day as yyyy-mm-dd."), day);
      return NULL;
    }
  stmt = gest_store_prepare (store,
                             day != NULL
                               ? "SELECT uuid, name, phone, current_vehicle, vehicle_of_interest, appointment_at,"
                                 " outcome, reservation_uuid FROM test_drive_leads INDEXED BY test_drive_leads_day"
                                 " WHERE appointment_at >= ?1 AND appointment_at < ?2 AND deleted = 0"
                                 " ORDER BY appointment_at, name"
                               : "SELECT uuid, name, phone, current_vehicle, vehicle_of_interest, appointment_at,"
                                 " outcome, reservation_uuid FROM test_drive_leads"
                                 " WHERE outcome = 'open' AND deleted = 0 ORDER BY appointment_at, name",
                             error);
  if (stmt == NULL)
    return NULL;
  if (day != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, start);
      sqlite3_bind_int64 (stmt, 2, end);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestTestDriveLead *lead = g_new0 (GestTestDriveLead, 1);

      lead->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      lead->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      lead->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      lead->current_vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      lead->vehicle_of_interest = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      lead->appointment_at = sqlite3_column_int64 (stmt, 5);
      lead->outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      lead->reservation_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (leads, lead);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&leads);
}
