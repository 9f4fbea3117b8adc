/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-folio.h"
#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-sync-update-file.h"

static gint64
query_int (GestStore  *store,
           const char *sql)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
gest_sync_get_server_url (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  return gest_sync_state_get (store, "server-url");
}

/* A new server knows nothing of the old one's cursor and versions. */
static gboolean
forget_server (GestStore  *store,
               GError    **error)
{
  const GestSyncEntity *entity;

  if (!gest_store_exec (store, "DELETE FROM sync_state WHERE key IN ('cursor', 'device-id', 'dealer-id')",
                        error))
    return FALSE;
  for (guint i = 0; (entity = gest_sync_entity_nth (i)) != NULL; i++)
    if (entity->versioned)
      {
        g_autofree char *sql = g_strdup_printf ("UPDATE %s SET sync_version = 0 WHERE sync_version <> 0",
                                                entity->table);

        if (!gest_store_exec (store, sql, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
gest_sync_set_server_url (GestStore   *store,
                          const char  *url,
                          GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  clean = g_strstrip (g_strdup (url != NULL ? url : ""));
  old = gest_sync_state_get (store, "server-url");
  if (g_strcmp0 (old, clean) == 0)
    return TRUE;

  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  if ((old != NULL && !forget_server (store, error)) ||
      !gest_sync_state_set (store, "server-url", clean[0] != '\0' ? clean : NULL, error))
    {
      gest_store_rollback (store);
      return FALSE;
    }
  return gest_store_commit (store, error);
}

gint64
gest_sync_count_pending (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), 0);
  return query_int (store, "SELECT count(*) FROM sync_outbox WHERE state = 'queued'");
}

gint64
gest_sync_get_last_sync (GestStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), 0);
  value = gest_sync_state_get (store, "last-sync");
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

char *
gest_sync_get_last_error (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  return gest_sync_state_get (store, "last-error");
}

gboolean
gest_sync_is_enrolled (GestStore *store)
{
  g_autofree char *device = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  device = gest_sync_state_get (store, "device-id");
  url = gest_sync_state_get (store, "server-url");
  return device != NULL && url != NULL;
}

gboolean
gest_sync_enroll (GestStore     *store,
                  const char    *server_url,
                  const char    *code,
                  const char    *device_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GestSyncConnection) conn = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request_root = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *old_dealer = NULL;
  g_autofree char *old_url = NULL;
  g_autofree char *clean_url = NULL;
  g_autofree char *clean_code = NULL;
  g_autofree char *demo = NULL;
  const char *device_id, *dealer_id, *token;
  g_autofree char *device_number = NULL;
  g_autofree char *dealer_number = NULL;
  g_autofree char *max_blob_text = NULL;
  gint64 max_blob;
  const char *users, *public_key;
  JsonNode *number_node;
  JsonObject *object;
  char *text;
  guint status = 0;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (server_url != NULL, FALSE);

  demo = gest_store_get_setting (store, "demo.loaded");
  if (demo != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("This database holds demonstration data, which must never reach Conauto’s "
                     "server. Enroll a database that was started empty."));
      return FALSE;
    }
  clean_code = g_strstrip (g_strdup (code != NULL ? code : ""));
  if (clean_code[0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The enrollment code is empty. Write the code Conauto gave you."));
      return FALSE;
    }
  /* The address is kept only with the device it enrolled: a mistyped address or a refused
   * code must not replace (and forget) the server the desktop syncs with now. */
  clean_url = g_strstrip (g_strdup (server_url));
  conn = gest_sync_connection_new (store, clean_url, NULL, error);
  if (conn == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, clean_code);
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, device_name != NULL && device_name[0] != '\0'
                                          ? device_name : g_get_host_name ());
  /* Issue 12: this desktop's users, the dealer's when the server has none yet. */
  json_builder_set_member_name (builder, "users");
  json_builder_add_value (builder, gest_sync_users_for_enroll (store));
  json_builder_end_object (builder);
  request_root = json_builder_get_root (builder);
  text = json_to_string (request_root, FALSE);
  request = g_bytes_new_take (text, strlen (text));

  msg = gest_sync_message_new (conn, "POST", "/v1/enroll");
  reply = gest_sync_request (conn, msg, request, "application/json", &status, cancellable, error);
  if (reply == NULL)
    return FALSE;
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The enrollment code was not accepted: it is unknown, already used or "
                     "expired. Ask Conauto for a new code."));
      return FALSE;
    }
  if (status != SOUP_STATUS_OK)
    return gest_sync_status_error (status, reply, error);
  root = gest_sync_parse_json (reply, error);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  device_id = json_object_get_string_member_with_default (object, "device_id", "");
  dealer_id = json_object_get_string_member_with_default (object, "dealer_id", "");
  token = json_object_get_string_member_with_default (object, "token", "");
  if (device_id[0] == '\0' || dealer_id[0] == '\0' || token[0] == '\0')
    return gest_sync_parse_json (NULL, error) != NULL;
  /* The device's folio series (gest_store_next_folio): an integer 1..99. */
  number_node = json_object_get_member (object, "device_number");
  if (number_node == NULL || json_node_get_value_type (number_node) != G_TYPE_INT64 ||
      json_node_get_int (number_node) < 1 || json_node_get_int (number_node) > 99)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The sync server did not give this desktop a device number (1 to 99) for its "
                     "folio series. Update gestiona-server, or ask Conauto to, and enroll again."));
      return FALSE;
    }
  device_number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number_node));
  /* The dealer's number (1..999) goes in its folios (#16.3); a server from before dealer
   * numbers sends none, and the desktop makes folios of the legacy form. */
  number_node = json_object_get_member (object, "dealer_number");
  if (number_node != NULL)
    {
      if (json_node_get_value_type (number_node) != G_TYPE_INT64 ||
          json_node_get_int (number_node) < 1 || json_node_get_int (number_node) > GEST_FOLIO_DEALER_MAX)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                       _("The sync server gave this desktop a dealer number that is not 1 to 999. "
                         "Update gestiona-server, or ask Conauto to, and enroll again."));
          return FALSE;
        }
      dealer_number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number_node));
    }
  /* Optional: the server's largest document (issue 16.4), which caps what may be attached. */
  max_blob = gest_sync_read_max_blob (object);
  max_blob_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_blob);
  /* Issue 12: whose users the dealer's are now, and Conauto's key for its update files. */
  users = json_object_get_string_member_with_default (object, "users", NULL);
  public_key = json_object_get_string_member_with_default (object, "conauto_public_key", NULL);

  if (!gest_sync_token_store (store, device_id, token, cancellable, error))
    return FALSE;

  old_dealer = gest_sync_state_get (store, "dealer-id");
  old_url = gest_sync_state_get (store, "server-url");
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  if ((((old_dealer != NULL && g_strcmp0 (old_dealer, dealer_id) != 0) ||
        (old_url != NULL && g_strcmp0 (old_url, clean_url) != 0)) && !forget_server (store, error)) ||
      !gest_sync_state_set (store, "server-url", clean_url, error) ||
      !gest_sync_state_set (store, "device-id", device_id, error) ||
      !gest_sync_state_set (store, "dealer-id", dealer_id, error) ||
      !gest_sync_state_set (store, "device-number", device_number, error) ||
      !gest_sync_state_set (store, "dealer-number", dealer_number, error) ||
      !gest_sync_state_set (store, "max-blob", max_blob > 0 ? max_blob_text : NULL, error) ||
      !gest_sync_state_set (store, "last-error", NULL, error) ||
      !gest_sync_users_after_enroll (store, users, error) ||
      (public_key != NULL && gest_sync_conauto_key_valid (public_key) &&
       !gest_store_set_setting (store, "conauto.public-key", public_key, error)))
    {
      gest_store_rollback (store);
      return FALSE;
    }
  return gest_store_commit (store, error);
}

static void
note_result (GestStore    *store,
             const GError *error)
{
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());

  if (error == NULL)
    {
      gest_sync_state_set (store, "last-sync", now, NULL);
      gest_sync_state_set (store, "last-error", NULL, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gest_sync_state_set (store, "last-error", error->message, NULL);
    }
}

gboolean
gest_sync_run_once_report (GestStore       *store,
                           GestSyncReport  *out_report,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GestSyncConnection) conn = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) local_error = NULL;
  GestSyncReport report = { 0, };
  gint64 log_mark;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  url = gest_sync_state_get (store, "server-url");
  if (url == NULL || !gest_sync_is_enrolled (store))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("This desktop is not enrolled with a sync server. Write the server address "
                     "and the enrollment code from Conauto in Preferences, Sync."));
      return FALSE;
    }
  token = gest_sync_token_lookup (store, cancellable, &local_error);
  if (token != NULL)
    conn = gest_sync_connection_new (store, url, token, &local_error);

  log_mark = query_int (store, "SELECT coalesce (max (id), 0) FROM sync_log");
  ok = conn != NULL &&
       gest_sync_push_all (store, conn, &report.pushed, cancellable, &local_error) &&
       gest_sync_pull_all (store, conn, &report.pulled, cancellable, &local_error);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FILTER (WHERE kind = 'rejected'), "
                                            "count(*) FILTER (WHERE kind = 'conflict'), "
                                            "count(*) FILTER (WHERE kind = 'not-applied') "
                                            "FROM sync_log WHERE id > %" G_GINT64_FORMAT, log_mark);
    sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      {
        report.rejected = (guint) sqlite3_column_int (stmt, 0);
        report.conflicts = (guint) sqlite3_column_int (stmt, 1);
        report.not_applied = (guint) sqlite3_column_int (stmt, 2);
      }
    if (stmt != NULL)
      sqlite3_finalize (stmt);
  }

  note_result (store, local_error);
  if (out_report != NULL)
    *out_report = report;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_sync_run_once (GestStore     *store,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return gest_sync_run_once_report (store, NULL, cancellable, error);
}
