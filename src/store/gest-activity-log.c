/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-activity-log"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"

#define SELECT_ENTRY \
  "SELECT record_uuid, seq, at, user_name, user_role, kind, text, contact_name, " \
  "contact_role, prev_hash, hash, origin FROM activity "

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* Reads the row; the kind is validated by the table's CHECK, but an unknown id (a row
 * written by hand) still yields an entry, marked by kind = GEST_N_ACTIVITY_KINDS. */
static GestActivityEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  GestActivityEntry *entry = g_new0 (GestActivityEntry, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);

  entry->record_uuid = dup_column (stmt, 0);
  entry->seq = sqlite3_column_int64 (stmt, 1);
  entry->at = sqlite3_column_int64 (stmt, 2);
  entry->user_name = dup_column (stmt, 3);
  entry->user_role = dup_column (stmt, 4);
  if (kind == NULL || !gest_activity_kind_from_id (kind, &entry->kind))
    entry->kind = GEST_N_ACTIVITY_KINDS;
  entry->text = dup_column (stmt, 6);
  entry->contact_name = dup_column (stmt, 7);
  entry->contact_role = dup_column (stmt, 8);
  entry->prev_hash = dup_column (stmt, 9);
  entry->hash = dup_column (stmt, 10);
  entry->origin = dup_column (stmt, 11);
  return entry;
}

static char *
blank_to_null (const char *text)
{
  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
}

gint64
gest_activity_log_append (GestStore         *store,
                          const char        *record_uuid,
                          GestActivityKind   kind,
                          const char        *text,
                          const char        *contact_name,
                          const char        *contact_role,
                          GError           **error)
{
  GestActivityEntry entry = { 0 };
  sqlite3_stmt *stmt = NULL;
  gint64 seq = -1;

  g_return_val_if_fail (GEST_IS_STORE (store), -1);
  g_return_val_if_fail (record_uuid != NULL, -1);
  g_return_val_if_fail (kind < GEST_N_ACTIVITY_KINDS, -1);

  entry.text = blank_to_null (text);
  if (entry.text == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The entry has no text. Write what happened before adding it."));
      goto out;
    }
  entry.contact_name = blank_to_null (contact_name);
  entry.contact_role = blank_to_null (contact_role);
  if (entry.contact_name == NULL && entry.contact_role != NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("A contact role was given without the name of the person contacted. "
                             "Add the name or clear the role."));
      goto out;
    }

  if (!gest_store_exec (store, "SAVEPOINT activity_append", error))
    goto out;

  /* This device's chain: its sync device id once enrolled (src/sync keeps it in sync_state). */
  stmt = gest_store_prepare (store,
                             "SELECT coalesce ((SELECT value FROM sync_state WHERE key = 'device-id'), '')",
                             error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      goto fail;
    }
  entry.origin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = gest_store_prepare (store,
                             "SELECT seq, hash FROM activity WHERE record_uuid = ?1 AND origin = ?2 "
                             "ORDER BY seq DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry.origin, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      entry.seq = sqlite3_column_int64 (stmt, 0) + 1;
      entry.prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      break;
    case SQLITE_DONE:
      entry.seq = 1;
      entry.prev_hash = g_strdup ("");
      break;
    default:
      gest_store_set_error (store, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  entry.record_uuid = g_strdup (record_uuid);
  entry.at = g_get_real_time ();
  entry.user_name = gest_store_get_user_name (store);
  entry.user_role = g_strdup (gest_role_id (gest_store_get_user_role (store)));
  entry.kind = kind;
  entry.hash = gest_activity_compute_hash (&entry);

  stmt = gest_store_prepare (store,
                             "INSERT INTO activity (record_uuid, seq, at, user_name, user_role, kind, "
                             "text, contact_name, contact_role, prev_hash, hash, origin) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, entry.record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entry.seq);
  sqlite3_bind_int64 (stmt, 3, entry.at);
  sqlite3_bind_text (stmt, 4, entry.user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry.user_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, gest_activity_kind_id (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, entry.text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, entry.contact_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, entry.contact_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, entry.prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, entry.hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, entry.origin, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!gest_store_exec (store, "RELEASE activity_append", error))
    goto fail;
  seq = entry.seq;
  goto out;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (gest_store_get_db (store),
                "ROLLBACK TO activity_append; RELEASE activity_append", NULL, NULL, NULL);
out:
  gest_activity_entry_clear (&entry);
  return seq;
}

GPtrArray *
gest_activity_log_list (GestStore   *store,
                        const char  *record_uuid,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);

  /* Oldest first across every device's chain. */
  stmt = gest_store_prepare (store, SELECT_ENTRY "WHERE record_uuid = ?1 ORDER BY at, origin, seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_activity_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gboolean
report_broken (const GestActivityEntry  *entry,
               const char               *why,
               GError                  **error)
{
  g_autofree char *when = gest_timestamp_format (entry->at);

  if (entry->origin != NULL && entry->origin[0] != '\0')
    g_set_error (error, GEST_ERROR, GEST_ERROR_TAMPERED,
                 _("The activity log of record %s does not verify at entry %lld of device %s (%s): "
                   "%s. The log may have been altered outside Gestiona."),
                 entry->record_uuid, (long long) entry->seq, entry->origin, when, why);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_TAMPERED,
                 _("The activity log of record %s does not verify at entry %lld (%s): %s. "
                   "The log may have been altered outside Gestiona."),
                 entry->record_uuid, (long long) entry->seq, when, why);
  return FALSE;
}

gboolean
gest_activity_log_verify (GestStore   *store,
                          const char  *record_uuid,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *current_record = NULL;
  g_autofree char *current_origin = NULL;
  g_autofree char *prev_hash = NULL;
  gint64 expected_seq = 1;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (record_uuid != NULL)
    stmt = gest_store_prepare (store, SELECT_ENTRY "WHERE record_uuid = ?1 ORDER BY origin, seq", error);
  else
    stmt = gest_store_prepare (store, SELECT_ENTRY "ORDER BY record_uuid, origin, seq", error);
  if (stmt == NULL)
    return FALSE;
  if (record_uuid != NULL)
    sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GestActivityEntry) entry = entry_from_row (stmt);
      g_autofree char *computed = NULL;

      if (g_strcmp0 (current_record, entry->record_uuid) != 0 ||
          g_strcmp0 (current_origin, entry->origin) != 0)
        {
          g_free (current_record);
          current_record = g_strdup (entry->record_uuid);
          g_free (current_origin);
          current_origin = g_strdup (entry->origin);
          g_free (prev_hash);
          prev_hash = g_strdup ("");
          expected_seq = 1;
        }

      if (entry->seq != expected_seq)
        ok = report_broken (entry, _("an earlier entry is missing"), error);
      else if (entry->kind == GEST_N_ACTIVITY_KINDS)
        ok = report_broken (entry, _("its kind is unknown"), error);
      else if (g_strcmp0 (entry->prev_hash, prev_hash) != 0)
        ok = report_broken (entry, _("it does not follow the previous entry"), error);
      else
        {
          computed = gest_activity_compute_hash (entry);
          if (g_strcmp0 (computed, entry->hash) != 0)
            ok = report_broken (entry, _("its content does not match its hash"), error);
        }

      g_free (prev_hash);
      prev_hash = g_strdup (entry->hash);
      expected_seq++;
    }

  if (ok && rc != SQLITE_DONE)
    ok = gest_store_set_error (store, error);
  sqlite3_finalize (stmt);
  return ok;
}

typedef struct
{
  char             *record_uuid;
  GestActivityKind  kind;
  char             *text;
  char             *contact_name;
  char             *contact_role;
  gint64            seq;   /* out */
} Append;

static void
append_free (Append *append)
{
  g_free (append->record_uuid);
  g_free (append->text);
  g_free (append->contact_name);
  g_free (append->contact_role);
  g_free (append);
}

/* On the writer thread. */
static gboolean
append_write (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  Append *append = data;

  append->seq = gest_activity_log_append (store, append->record_uuid, append->kind, append->text,
                                          append->contact_name, append->contact_role, error);
  return append->seq > 0;
}

void
gest_activity_log_append_async (GestStore           *store,
                                const char          *record_uuid,
                                GestActivityKind     kind,
                                const char          *text,
                                const char          *contact_name,
                                const char          *contact_role,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Append *append;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (record_uuid != NULL);

  append = g_new0 (Append, 1);
  append->record_uuid = g_strdup (record_uuid);
  append->kind = kind;
  append->text = g_strdup (text);
  append->contact_name = g_strdup (contact_name);
  append->contact_role = g_strdup (contact_role);
  gest_store_write_async (store, append_write, append, (GDestroyNotify) append_free,
                          cancellable, callback, user_data);
}

gint64
gest_activity_log_append_finish (GestStore     *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  Append *append;

  if (!gest_store_write_finish (store, result, error))
    return -1;
  append = gest_store_write_get_data (result);
  return append->seq;
}
