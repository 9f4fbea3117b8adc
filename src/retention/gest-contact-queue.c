/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact-queue-private.h"
#include "gest-date.h"
#include "gest-domain-module.h"

static const struct
{
  const char *id;
  const char *label;
} outcomes[GEST_N_CALL_OUTCOMES] = {
  { "contacted", N_("Contacted") },
  { "no-answer", N_("No answer") },
  { "wrong-number", N_("Wrong number") },
  { "call-back", N_("Call back") },
  { "refused", N_("Refused") },
  { "booked", N_("Appointment booked") },
};

const char *
gest_call_outcome_id (GestCallOutcome outcome)
{
  g_return_val_if_fail (outcome < GEST_N_CALL_OUTCOMES, "");
  return outcomes[outcome].id;
}

const char *
gest_call_outcome_label (GestCallOutcome outcome)
{
  g_return_val_if_fail (outcome < GEST_N_CALL_OUTCOMES, "");
  return _(outcomes[outcome].label);
}

gboolean
gest_call_outcome_from_id (const char      *id,
                           GestCallOutcome *out)
{
  for (guint i = 0; i < GEST_N_CALL_OUTCOMES; i++)
    if (g_strcmp0 (id, outcomes[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
gest_call_outcome_failed (GestCallOutcome outcome)
{
  return outcome == GEST_CALL_NO_ANSWER || outcome == GEST_CALL_WRONG_NUMBER;
}

void
gest_contact_item_free (GestContactItem *item)
{
  if (item == NULL)
    return;
  g_free (item->source);
  g_free (item->reason);
  g_free (item->record_uuid);
  g_free (item->target_uuid);
  g_free (item->customer_uuid);
  g_free (item->customer_name);
  g_free (item->vehicle_uuid);
  g_free (item->vehicle_text);
  g_free (item->phone);
  g_free (item->due_on);
  g_free (item->detail);
  g_free (item);
}

void
gest_contact_call_free (GestContactCall *call)
{
  if (call == NULL)
    return;
  g_free (call->uuid);
  g_free (call->user_name);
  g_free (call->number_dialled);
  g_free (call->field_actions);
  g_free (call->note);
  g_free (call);
}

char *
gest_contact_target_uuid (const char *source,
                          const char *record_uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (source != NULL && record_uuid != NULL, NULL);

  /* A name-based (version 5 style) uuid, so every desktop derives the same target. */
  g_checksum_update (checksum, (const guchar *) "gestiona.contact-target\n", -1);
  g_checksum_update (checksum, (const guchar *) source, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) record_uuid, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

gint64
gest_contact_queue_end_of_day (gint64   now,
                               char   **out_today)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  midnight = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  if (out_today != NULL)
    *out_today = g_date_time_format (local, "%Y-%m-%d");
  return g_date_time_to_unix (next) * G_USEC_PER_SEC;
}

char *
gest_contact_queue_sql (void)
{
  GPtrArray *modules = gest_domain_modules_get ();
  g_autoptr(GString) sql = g_string_new ("WITH src (source, priority, record_uuid, customer_uuid,"
                                         " vehicle_uuid, due_on, detail) AS (");
  guint n_parts = 0;

  for (guint i = 0; i < modules->len; i++)
    {
      guint n = 0;
      const GestContactSource *sources =
        gest_domain_module_get_contact_sources (g_ptr_array_index (modules, i), &n);

      for (guint j = 0; j < n; j++)
        {
          char *part = sqlite3_mprintf ("%s SELECT %Q, %d, * FROM (%s)",
                                        n_parts > 0 ? " UNION ALL" : "",
                                        sources[j].id, sources[j].priority, sources[j].sql);

          g_string_append (sql, part);
          sqlite3_free (part);
          n_parts++;
        }
    }
  if (n_parts == 0)
    g_string_append (sql, "SELECT NULL, 0, NULL, NULL, NULL, NULL, NULL WHERE 0");
  /* Finished targets (contacted, booked, refused, letter sent) and attempts offered later
   * leave the day's list. The open field actions are those of the vehicle on campaigns not
   * closed, not closed out on their board (S8). */
  g_string_append (sql,
                   ") SELECT s.source, s.priority, s.record_uuid, t.uuid, s.customer_uuid,"
                   " coalesce (c.name, ''), s.vehicle_uuid,"
                   " CASE WHEN v.uuid IS NULL THEN '' ELSE trim (v.model || ' ' ||"
                   "  CASE v.year WHEN 0 THEN '' ELSE v.year END) || ' · ' || v.vin END,"
                   " coalesce (nullif (c.phone_mobile, ''), nullif (c.phone_home, ''),"
                   "  nullif (c.phone_work, ''), ''),"
                   " s.due_on, coalesce (s.detail, ''), coalesce (t.attempts, 0),"
                   " coalesce (t.next_attempt_at, 0),"
                   " CASE WHEN s.vehicle_uuid IS NULL THEN 0 ELSE"
                   "  (SELECT count (*) FROM campaign_vehicles cv JOIN campaigns ca"
                   "   ON ca.uuid = cv.campaign_uuid AND ca.deleted = 0 AND ca.closed_at IS NULL"
                   "   WHERE cv.vehicle_uuid = s.vehicle_uuid AND cv.deleted = 0 AND cv.stage < 4) END"
                   " FROM src s"
                   " LEFT JOIN contact_targets t ON t.source = s.source AND t.record_uuid = s.record_uuid"
                   "  AND t.deleted = 0"
                   " LEFT JOIN customers c ON c.uuid = s.customer_uuid"
                   " LEFT JOIN vehicles v ON v.uuid = s.vehicle_uuid"
                   " WHERE s.due_on <= :today AND (t.uuid IS NULL OR (t.state = 'open'"
                   "  AND coalesce (t.next_attempt_at, 0) < :end))"
                   " ORDER BY s.priority DESC, s.due_on, c.name, s.record_uuid");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
gest_contact_queue_today (GestStore     *store,
                          gint64         now,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_contact_item_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  GestContactBand band_now;
  gint64 end;
  guint n = 0;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  end = gest_contact_queue_end_of_day (now, &today);
  band_now = gest_contact_band_of (now);
  sql = gest_contact_queue_sql ();
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_named_text (stmt, ":today", today);
  bind_named_int64 (stmt, ":now", now);
  bind_named_int64 (stmt, ":end", end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestContactItem *item = g_new0 (GestContactItem, 1);
      const GestContactSource *source = NULL;

      if ((++n & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      item->source = column_dup (stmt, 0);
      item->priority = sqlite3_column_int (stmt, 1);
      item->record_uuid = column_dup (stmt, 2);
      item->target_uuid = column_dup (stmt, 3);
      item->customer_uuid = column_dup (stmt, 4);
      item->customer_name = column_dup (stmt, 5);
      item->vehicle_uuid = column_dup (stmt, 6);
      item->vehicle_text = column_dup (stmt, 7);
      item->phone = column_dup (stmt, 8);
      item->due_on = column_dup (stmt, 9);
      item->detail = column_dup (stmt, 10);
      item->attempts = sqlite3_column_int (stmt, 11);
      item->next_attempt_at = sqlite3_column_int64 (stmt, 12);
      item->n_open_field_actions = sqlite3_column_int (stmt, 13);
      item->next_band = item->next_attempt_at > now ? gest_contact_band_of (item->next_attempt_at)
                                                    : band_now;
      if (gest_domain_modules_find_contact_source (item->source, &source) != NULL)
        item->reason = g_strdup (_(source->label));
      else
        item->reason = g_strdup (item->source);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
gest_contact_calls_list (GestStore   *store,
                         const char  *source,
                         const char  *record_uuid,
                         GError     **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_contact_call_free);
  g_autofree char *target = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (source != NULL && record_uuid != NULL, NULL);

  target = gest_contact_target_uuid (source, record_uuid);
  stmt = gest_store_prepare (store,
                             "SELECT uuid, at, user_name, number_dialled, outcome, call_back_at,"
                             " band, counted, field_actions, note FROM contact_calls"
                             " WHERE target_uuid = ?1 AND deleted = 0 ORDER BY at, rowid",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestContactCall *call = g_new0 (GestContactCall, 1);
      int band = sqlite3_column_int (stmt, 6);

      call->uuid = column_dup (stmt, 0);
      call->at = sqlite3_column_int64 (stmt, 1);
      call->user_name = column_dup (stmt, 2);
      call->number_dialled = column_dup (stmt, 3);
      if (!gest_call_outcome_from_id ((const char *) sqlite3_column_text (stmt, 4), &call->outcome))
        call->outcome = GEST_CALL_NO_ANSWER;
      call->call_back_at = sqlite3_column_int64 (stmt, 5);
      call->band = CLAMP (band, 0, GEST_N_CONTACT_BANDS - 1);
      call->counted = sqlite3_column_int (stmt, 7) != 0;
      call->field_actions = column_dup (stmt, 8);
      call->note = column_dup (stmt, 9);
      g_ptr_array_add (calls, call);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&calls);
}
