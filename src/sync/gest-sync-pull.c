/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-private.h"

/* Pull: pages of the dealer's changes after the stored cursor. A page and its new cursor are
 * applied in one SQLite transaction, with the sync_applying flag set so that the outbox
 * triggers let the changes pass. Foreign keys are checked by the server; here they are off
 * while a page applies, because a page holds each record once, at its latest version, so a
 * trámite may arrive before the plan it names (which then arrives in the same or a later
 * page). */

static gboolean
fetch_blobs (GestStore           *store,
             GestSyncConnection  *conn,
             JsonArray           *changes,
             GCancellable        *cancellable,
             GError             **error)
{
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *fields;
      const char *sha;

      if (change == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (change, "entity", ""), "document") != 0 ||
          json_object_get_boolean_member_with_default (change, "deleted", FALSE) ||
          !json_object_has_member (change, "fields") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "fields")))
        continue;
      fields = json_object_get_object_member (change, "fields");
      sha = json_object_get_string_member_with_default (fields, "sha256", "");
      if (strlen (sha) == 64 && !gest_sync_blob_download (store, conn, sha, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_page (GestStore   *store,
            JsonArray   *changes,
            const char  *cursor,
            GError     **error)
{
  g_autoptr(GestSyncApplier) applier = NULL;
  gboolean ok = FALSE;

  if (!gest_store_exec (store, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!gest_store_begin (store, TRUE, error))
    goto out;
  if (!gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", error))
    goto rollback;
  applier = gest_sync_applier_new (store, error);
  if (applier == NULL)
    goto rollback;
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (change != NULL && !gest_sync_apply_change (applier, change, error))
        goto rollback;
    }
  if (!gest_sync_state_set (store, "cursor", cursor, error) ||
      !gest_store_exec (store, "DELETE FROM sync_applying", error) ||
      !gest_store_commit (store, error))
    goto rollback;
  ok = TRUE;
  goto out;

rollback:
  g_clear_pointer (&applier, gest_sync_applier_free);
  gest_store_rollback (store);
out:
  gest_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
  return ok;
}

static gboolean
pull_pages (GestStore           *store,
            GestSyncConnection  *conn,
            guint               *out_pulled,
            GCancellable        *cancellable,
            GError             **error)
{
  for (;;)
    {
      g_autofree char *cursor = gest_sync_state_get (store, "cursor");
      g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s&limit=%d", escaped,
                                               GEST_SYNC_PULL_LIMIT);
      g_autoptr(SoupMessage) msg = gest_sync_message_new (conn, "GET", path);
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      JsonArray *changes = NULL;
      JsonNode *cursor_node;
      g_autofree char *next_cursor = NULL;
      guint status = 0;

      reply = gest_sync_request (conn, msg, NULL, NULL, &status, cancellable, error);
      if (reply == NULL)
        return FALSE;
      if (status != SOUP_STATUS_OK)
        return gest_sync_status_error (status, reply, error);
      root = gest_sync_parse_json (reply, error);
      if (root == NULL)
        return FALSE;
      object = json_node_get_object (root);
      if (json_object_has_member (object, "changes") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "changes")))
        changes = json_object_get_array_member (object, "changes");
      cursor_node = json_object_get_member (object, "cursor");
      if (cursor_node != NULL && JSON_NODE_HOLDS_VALUE (cursor_node))
        next_cursor = json_node_get_value_type (cursor_node) == G_TYPE_STRING
                      ? g_strdup (json_node_get_string (cursor_node))
                      : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (cursor_node));
      if (changes == NULL || next_cursor == NULL)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                       _("The sync server’s list of changes is incomplete (no changes or no "
                         "cursor). Nothing was applied; try again later."));
          return FALSE;
        }

      if (!fetch_blobs (store, conn, changes, cancellable, error))
        return FALSE;
      if (!apply_page (store, changes, next_cursor, error))
        return FALSE;
      *out_pulled += json_array_get_length (changes);

      if (!json_object_get_boolean_member_with_default (object, "more", FALSE) ||
          json_array_get_length (changes) == 0)
        return TRUE;
    }
}

static gint64
mmap_size (GestStore *store)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "PRAGMA mmap_size", NULL);
  gint64 size = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  return size;
}

/* While pulling, the database is not memory-mapped: the pull writes the whole file and reads
 * it back in the index lookups, and mapped, every page of it stayed in the process's
 * resident memory (40 MB for 100,000 customers) for no speed gained. */
gboolean
gest_sync_pull_all (GestStore           *store,
                    GestSyncConnection  *conn,
                    guint               *out_pulled,
                    GCancellable        *cancellable,
                    GError             **error)
{
  gint64 mapped = mmap_size (store);
  gboolean ok;

  *out_pulled = 0;
  if (mapped > 0 && !gest_store_exec (store, "PRAGMA mmap_size = 0", error))
    return FALSE;
  ok = pull_pages (store, conn, out_pulled, cancellable, error);
  if (mapped > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT, mapped);

      gest_store_exec (store, sql, NULL);
    }
  return ok;
}
