/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-private.h"

/* Issue 12: users at enrollment (data/sync-protocol.md, Authors). The desktop sends its users
 * with the enrollment code; the server takes them as the dealer's users when it has none
 * ("taken"), or keeps its own ("server"): then this desktop's local users (those of a fresh
 * database: the general manager its first run made) are replaced by the server's, which the
 * next pull brings, and whoever is signed in must sign in again as one of them. */

JsonNode *
gest_sync_users_for_enroll (GestStore *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt;

  json_builder_begin_array (builder);
  stmt = gest_store_prepare (store,
                             "SELECT uuid, login, name, role, email, password_hash, active FROM users "
                             "WHERE deleted = 0 AND login <> '' ORDER BY created_at, uuid",
                             NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      static const char * const names[] = { "login", "name", "role", "email", "password_hash" };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (builder, names[i]);
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, (int) i + 1));
        }
      json_builder_set_member_name (builder, "active");
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 6));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

gboolean
gest_sync_users_after_enroll (GestStore   *store,
                              const char  *users,
                              GError     **error)
{
  GestUser *user = gest_store_get_user (store);
  sqlite3_stmt *stmt;
  g_autofree char *login = NULL;
  gboolean ok;

  if (g_strcmp0 (users, "server") == 0)
    /* The dealer's users are the server's: these come back through pull. Not queued. */
    return gest_store_exec (store,
                            "INSERT OR IGNORE INTO sync_applying (one) VALUES (1);"
                            "DELETE FROM sync_outbox WHERE entity = 'user' AND state = 'queued';"
                            "DELETE FROM users;"
                            "DELETE FROM sync_applying;",
                            error);
  if (g_strcmp0 (users, "taken") != 0)
    return TRUE;

  /* The server has them already; changes queued before the first user existed (nobody signed
   * in) are the enrolling general manager's, the trusted moment. */
  if (user != NULL)
    login = g_strdup (user->login);
  else
    {
      stmt = gest_store_prepare (store,
                                 "SELECT login FROM users WHERE deleted = 0 AND active = 1 AND login <> '' "
                                 "AND role = 'general-manager' ORDER BY created_at LIMIT 1",
                                 error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        login = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  if (login == NULL)
    return TRUE;
  stmt = gest_store_prepare (store,
                             "UPDATE sync_outbox SET user_login = ?1 WHERE state = 'queued' AND user_login = ''",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
  sqlite3_finalize (stmt);
  return ok;
}
