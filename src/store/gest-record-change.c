/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-record-change"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-record-change.h"

static void
set_conflict (const GestRecordChangeSpec  *spec,
              GError                     **error)
{
  if (spec->conflict_message != NULL)
    g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT, _(spec->conflict_message));
  else
    g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                         _("The record changed while this change was being saved (another window or the sync changed it meanwhile). Look at it again and retry."));
}

/* UPDATE … WHERE uuid = :uuid AND updated_at = :version: exactly one row, or a conflict. */
static gboolean
update (GestStore                   *store,
        const GestRecordChangeSpec  *spec,
        const char                  *uuid,
        gconstpointer                record,
        gint64                       version,
        gint64                       now,
        gpointer                     user_data,
        GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  /* Table and assignments are written in the code, never taken from input. */
  sql = g_strdup_printf ("UPDATE %s SET %s, updated_at = :now "
                         "WHERE uuid = :uuid AND updated_at = :version AND deleted = 0",
                         spec->table, spec->set);
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (spec->bind != NULL)
    spec->bind (stmt, record, user_data);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":uuid"), uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":version"), version);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) != 1)
    {
      set_conflict (spec, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
append_log (GestStore                   *store,
            const GestRecordChangeSpec  *spec,
            const char                  *uuid,
            gconstpointer                record,
            gpointer                     user_data,
            GError                     **error)
{
  g_autofree char *text = NULL;

  if (spec->describe == NULL)
    return TRUE;
  text = spec->describe (record, user_data);
  return gest_activity_log_append (store, uuid, spec->log_kind, text, NULL, NULL, error) > 0;
}

gboolean
gest_record_change_run (GestStore                   *store,
                        const GestRecordChangeSpec  *spec,
                        const char                  *uuid,
                        gpointer                     user_data,
                        GError                     **error)
{
  gpointer record = NULL;
  gint64 version = 0;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (spec->name != NULL && spec->table != NULL && spec->set != NULL, FALSE);
  g_return_val_if_fail (spec->load != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, spec->name, &own, error))
    return FALSE;

  record = spec->load (store, uuid, &version, user_data, error);
  ok = record != NULL &&
       (spec->check == NULL || spec->check (store, record, user_data, error)) &&
       update (store, spec, uuid, record, version, gest_timestamp_now (), user_data, error) &&
       append_log (store, spec, uuid, record, user_data, error);

  if (record != NULL && spec->free_record != NULL)
    spec->free_record (record);
  /* Without @ok this rolls back and returns FALSE, keeping the first error. */
  return gest_store_end_change (store, spec->name, own, ok, ok ? error : NULL);
}
