/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-service-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-retention-workflow.h"
#include "gest-service-visit-private.h"

static gboolean
followup_add (GestStore        *store,
              const char       *uuid,
              const char       *customer_uuid,
              const char       *vehicle_uuid,
              GestFollowupKind  kind,
              const char       *detail,
              const char       *call_on,
              GError          **error)
{
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gest_timestamp_now ();
  GDate date;

  if (!gest_store_check_permission (store, GEST_RETENTION_PERMISSION_FOLLOWUPS, error))
    return FALSE;
  if (call_on == NULL || !gest_date_from_iso (call_on, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the day agreed with the customer to call them back, as dd/mm/yyyy."));
      return FALSE;
    }
  if (*detail == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   kind == GEST_FOLLOWUP_PARTS ? _("Write which parts the customer is waiting for.")
                                               : _("Write what was quoted and not authorised."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind,"
                             " detail, call_on, created_by, created_at, updated_at)"
                             " SELECT ?1, c.uuid, ?3, ?4, ?5, ?6, ?7, ?8, ?8 FROM customers c"
                             " WHERE c.uuid = ?2 AND c.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, vehicle_uuid != NULL && *vehicle_uuid != '\0' ? vehicle_uuid : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kind == GEST_FOLLOWUP_PARTS ? "parts" : "quote", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, call_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The customer is not in the database: choose the customer again."));
      return FALSE;
    }
  day = gest_date_format (&date);
  text = g_strdup_printf (kind == GEST_FOLLOWUP_PARTS
                            ? _("To call back on %s once the parts are in: %s")
                            : _("To call back on %s about a quote: %s"),
                          day, detail);
  return gest_activity_log_append (store, customer_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
}

gboolean
gest_service_followup_add (GestStore        *store,
                           const char       *customer_uuid,
                           const char       *vehicle_uuid,
                           GestFollowupKind  kind,
                           const char       *detail,
                           const char       *call_on,
                           char            **out_uuid,
                           GError          **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *clean = g_strstrip (g_strdup (detail != NULL ? detail : ""));
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (customer_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_service_followup_add", &own, error))
    return FALSE;
  ok = followup_add (store, uuid, customer_uuid, vehicle_uuid, kind, clean, call_on, error);
  if (!gest_store_end_change (store, "gest_service_followup_add", own, ok, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

static gboolean
parts_ready (GestStore   *store,
             const char  *uuid,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *customer_uuid = NULL;
  gboolean is_parts, done, ready;
  int rc;

  if (!gest_store_check_permission (store, GEST_RETENTION_PERMISSION_FOLLOWUPS, error))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "SELECT customer_uuid, kind = 'parts', done_at IS NOT NULL, parts_ready"
                             " FROM service_followups WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return gest_store_set_error (store, error);
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The follow-up is not in the database any more: refresh the list."));
      return FALSE;
    }
  customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  is_parts = sqlite3_column_int (stmt, 1) != 0;
  done = sqlite3_column_int (stmt, 2) != 0;
  ready = sqlite3_column_int (stmt, 3) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!is_parts || done || ready)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   !is_parts ? _("This follow-up is a quote: it waits for no parts.")
                   : done ? _("This follow-up is done already: the customer was called.")
                          : _("The parts of this follow-up are marked as in already."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "UPDATE service_followups SET parts_ready = 1, updated_at = ?2 WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return gest_activity_log_append (store, customer_uuid, GEST_ACTIVITY_NOTE,
                                   _("The pending parts are in: the customer enters the call queue on the agreed day."),
                                   NULL, NULL, error) >= 0;
}

gboolean
gest_service_followup_parts_ready (GestStore   *store,
                                   const char  *followup_uuid,
                                   GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (followup_uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_service_followup_parts_ready", &own, error))
    return FALSE;
  ok = parts_ready (store, followup_uuid, error);
  return gest_store_end_change (store, "gest_service_followup_parts_ready", own, ok, error);
}

gboolean
gest_service_followup_finish (GestStore   *store,
                              const char  *followup_uuid,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "UPDATE service_followups SET done_at = ?2, updated_at = ?2"
                        " WHERE uuid = ?1 AND done_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, followup_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gest_timestamp_now ());
  return sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
}
