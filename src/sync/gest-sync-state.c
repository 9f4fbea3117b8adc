/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "gest-sync-private.h"

/* The device token lives in the keyring (libsecret), keyed by the database it belongs to.
 * Without a keyring (a server without a session, a test) it falls back to a 0600 file next
 * to the database, and says so in the log. GESTIONA_SYNC_TOKEN_STORE=file chooses the file
 * without trying the keyring (tests, the CLI on a headless machine). */
static const SecretSchema *
sync_schema (void)
{
  static const SecretSchema schema = {
    "io.github.gestiona.Gestiona.Sync", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static gboolean
file_only (void)
{
  return g_strcmp0 (g_getenv ("GESTIONA_SYNC_TOKEN_STORE"), "file") == 0;
}

static char *
token_file_path (GestStore *store)
{
  return g_strconcat (gest_store_get_path (store), ".sync-token", NULL);
}

char *
gest_sync_state_get (GestStore  *store,
                     const char *key)
{
  return gest_store_get_value (store, "sync_state", key);
}

gboolean
gest_sync_state_set (GestStore   *store,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  return gest_store_set_value (store, "sync_state", FALSE, key, value, error);
}

gboolean
gest_sync_log_add (GestStore   *store,
                   const char  *kind,
                   const char  *entity,
                   const char  *uuid,
                   const char  *field,
                   const char  *lost_value_json,
                   const char  *message,
                   gint64       n,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store,
                             "INSERT INTO sync_log (kind, entity, uuid, field, lost_value, message, n, at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, lost_value_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, message, -1, SQLITE_STATIC);
  if (n > 0)
    sqlite3_bind_int64 (stmt, 7, n);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time ());
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
token_file_store (GestStore   *store,
                  const char  *token,
                  GError     **error)
{
  g_autofree char *path = token_file_path (store);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, token, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not save the sync token in “%s”: %s. Check that the folder is writable "
                     "and enroll again."),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_sync_token_store (GestStore     *store,
                       const char    *device_id,
                       const char    *token,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) secret_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *path = token_file_path (store);

  if (!file_only ())
    {
      /* TRANSLATORS: the keyring item's label; %s is the device id. */
      label = g_strdup_printf (_("Gestiona sync token (device %s)"), device_id);
      if (secret_password_store_sync (sync_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                      cancellable, &secret_error,
                                      "database", gest_store_get_path (store), NULL))
        {
          /* A token kept in a file by an earlier enrollment must not outlive this one. */
          g_unlink (path);
          return TRUE;
        }
      g_warning ("The keyring is not available (%s); the sync token is kept in %s, readable "
                 "only by this user.", secret_error->message, path);
    }

  return token_file_store (store, token, error);
}

char *
gest_sync_token_lookup (GestStore     *store,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = token_file_path (store);
  g_autoptr(GError) local_error = NULL;
  char *token = NULL;

  if (!file_only ())
    {
      token = secret_password_lookup_sync (sync_schema (), cancellable, &local_error,
                                           "database", gest_store_get_path (store), NULL);
      if (token != NULL)
        {
          char *copy = g_strdup (token);

          secret_password_free (token);
          return copy;
        }
      g_clear_error (&local_error);
    }

  if (g_file_get_contents (path, &token, NULL, &local_error))
    return g_strstrip (token);

  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("This desktop is not enrolled with a sync server (no token in the keyring or in "
                 "“%s”). Ask Conauto for an enrollment code and enroll in Preferences, Sync."),
               path);
  return NULL;
}
