/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-users"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-users.h"

/* Reading and changing dealer users (gest-users.h). Every change runs in one change of the
 * store (gest_store_begin_change()), checks GEST_PERMISSION_MANAGE_USERS there, stamps
 * updated_at (users sync like every table) and changed_by, and logs what changed on the
 * user's record. Hashing and signing in are gest-users-password.c. */

#define USER_COLUMNS "uuid, login, name, email, role, active, created_at"

static GestUserRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  GestUserRow *row = g_new0 (GestUserRow, 1);

  row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->login = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->email = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  if (!gest_role_from_id ((const char *) sqlite3_column_text (stmt, 4), &row->role))
    row->role = GEST_ROLE_CONAUTO;   /* unknown: no dealer permission at all */
  row->active = sqlite3_column_int (stmt, 5) != 0;
  row->created_at = sqlite3_column_int64 (stmt, 6);
  return row;
}

static GestUserRow *
find_by (GestStore   *store,
         const char  *column,
         const char  *value,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  /* @column is written in this file, never taken from input. */
  sql = g_strdup_printf ("SELECT " USER_COLUMNS " FROM users "
                         "WHERE %s = ?1 AND login <> '' AND deleted = 0",
                         column);
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                 _("There is no user “%s”. “gestiona-cli user list” shows them."), value);
  return NULL;
}

static const char *
changed_by (GestStore *store)
{
  GestUser *user = gest_store_get_user (store);

  return user != NULL ? user->login : "";
}

/* Every change but the first general manager needs a signed-in user who may manage users:
 * a database being set up grants every permission, but not the making of its users. */
static gboolean
check_manager (GestStore   *store,
               GError     **error)
{
  if (gest_store_get_user (store) == NULL && !gest_store_has_users (store))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("This database has no users yet: create its general manager "
                             "first (in the command line, “gestiona-cli user first LOGIN "
                             "--name NAME”)."));
      return FALSE;
    }
  return gest_store_check_permission (store, GEST_PERMISSION_MANAGE_USERS, error);
}

static gboolean
check_dealer_role (GestRole   role,
                   GError   **error)
{
  if ((int) role < 0 || role >= GEST_N_ROLES || !gest_role_is_dealer (role))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Conauto is not a role of the dealership: its steps arrive only "
                             "from Conauto. Choose a role of the dealership."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_invalid (char     *message,
             GError  **error)
{
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

/* Refuses a change that would leave no active general manager: nobody could manage users. */
static gboolean
check_other_manager (GestStore         *store,
                     const GestUserRow *row,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (row->role != GEST_ROLE_GENERAL_MANAGER || !row->active)
    return TRUE;
  stmt = gest_store_prepare (store,
                             "SELECT count(*) FROM users WHERE role = 'general-manager' "
                             "AND active = 1 AND deleted = 0 AND login <> '' "
                             "AND password_hash <> '' AND uuid <> ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return gest_store_set_error (store, error);
  if (sqlite3_column_int (stmt, 0) > 0)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("%s is the only active general manager: without one nobody could manage "
                 "users. Give another user that role first."),
               row->name);
  return FALSE;
}

static gboolean
log_change (GestStore   *store,
            const char  *uuid,
            const char  *text,
            GError     **error)
{
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
}

static gboolean
insert_user (GestStore   *store,
             const char  *uuid,
             const char  *login,
             const char  *name,
             const char  *email,
             GestRole     role,
             const char  *password,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  gint64 now = g_get_real_time ();

  {
    g_autoptr(GError) local = NULL;
    g_autoptr(GestUserRow) existing = find_by (store, "login", login, &local);

    if (existing != NULL)
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The login “%s” is already %s’s. Choose another one."),
                     login, existing->name);
        return FALSE;
      }
  }

  hash = gest_password_hash (password);
  if (hash == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_STORE,
                           _("The password could not be hashed: the computer is out of memory."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "INSERT INTO users (uuid, login, name, email, role, password_hash, "
                             "active, created_at, updated_at, changed_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, email != NULL ? email : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, gest_role_id (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_text (stmt, 8, changed_by (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* Validates what every new user needs; @login is already lower case. */
static gboolean
check_new_user (const char  *login,
                const char  *name,
                const char  *password,
                GError     **error)
{
  char *message;

  if ((message = gest_users_check_login (login)) != NULL ||
      (message = gest_users_check_name (name)) != NULL ||
      (message = gest_users_check_password (login, password)) != NULL)
    return set_invalid (message, error);
  return TRUE;
}

/* Runs @sql (?1 the uuid, ?2 now, ?3 changed_by, then @value as ?4 when not NULL). */
static gboolean
update_user (GestStore   *store,
             const char  *uuid,
             const char  *sql,
             const char  *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_text (stmt, 3, changed_by (store), -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 4, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

void
gest_user_row_free (GestUserRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->login);
  g_free (row->name);
  g_free (row->email);
  g_free (row);
}

GPtrArray *
gest_users_list (GestStore  *store,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_user_row_free);
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  stmt = gest_store_prepare (store,
                             "SELECT " USER_COLUMNS " FROM users WHERE login <> '' AND deleted = 0 "
                             "ORDER BY active DESC, name COLLATE NOCASE, login",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GestUserRow *
gest_users_find (GestStore   *store,
                 const char  *login,
                 GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  lower = g_utf8_strdown (login, -1);
  return find_by (store, "login", lower, error);
}

GestUser *
gest_users_create_first (GestStore   *store,
                         const char  *login,
                         const char  *name,
                         const char  *password,
                         GError     **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GestUser) user = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL && name != NULL && password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lower = g_utf8_strdown (login, -1);
  if (!check_new_user (lower, name, password, error))
    return NULL;
  if (!gest_store_begin_change (store, "gest_users_first", &own, error))
    return NULL;

  ok = !gest_store_has_users (store);
  if (!ok)
    g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                         _("This database already has users: sign in as a general manager to "
                           "add one."));
  uuid = gest_uuid_new ();
  if (ok)
    {
      /* The first user creates themself: the row and the entry are theirs. */
      user = gest_user_new (uuid, lower, name, GEST_ROLE_GENERAL_MANAGER);
      gest_store_set_user (store, user);
    }
  ok = ok && insert_user (store, uuid, lower, name, NULL, GEST_ROLE_GENERAL_MANAGER, password, error);
  if (ok)
    {
      text = g_strdup_printf (_("User “%s” (%s) created as %s, the database’s first user."),
                              lower, name, gest_role_label (GEST_ROLE_GENERAL_MANAGER));
      ok = log_change (store, uuid, text, error);
    }
  if (!gest_store_end_change (store, "gest_users_first", own, ok, ok ? error : NULL) || !ok)
    {
      if (user != NULL)
        gest_store_set_user (store, NULL);
      return NULL;
    }
  return g_steal_pointer (&user);
}

char *
gest_users_create (GestStore   *store,
                   const char  *login,
                   const char  *name,
                   const char  *email,
                   GestRole     role,
                   const char  *password,
                   GError     **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL && name != NULL && password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lower = g_utf8_strdown (login, -1);
  if (!check_dealer_role (role, error) || !check_new_user (lower, name, password, error))
    return NULL;
  if (!gest_store_begin_change (store, "gest_users_create", &own, error))
    return NULL;

  uuid = gest_uuid_new ();
  text = g_strdup_printf (_("User “%s” (%s) created as %s."), lower, name, gest_role_label (role));
  ok = check_manager (store, error) &&
       insert_user (store, uuid, lower, name, email, role, password, error) &&
       log_change (store, uuid, text, error);
  if (!gest_store_end_change (store, "gest_users_create", own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&uuid);
}

gboolean
gest_users_update (GestStore   *store,
                   const char  *uuid,
                   const char  *name,
                   const char  *email,
                   GestRole     role,
                   GError     **error)
{
  g_autoptr(GestUserRow) row = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestUser *me;
  char *message;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL && name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (email == NULL)
    email = "";
  if ((message = gest_users_check_name (name)) != NULL)
    return set_invalid (message, error);
  if (!check_dealer_role (role, error))
    return FALSE;
  if (!gest_store_begin_change (store, "gest_users_update", &own, error))
    return FALSE;

  ok = check_manager (store, error) && (row = find_by (store, "uuid", uuid, error)) != NULL;
  if (ok && row->role != role)
    ok = check_other_manager (store, row, error);
  if (ok)
    {
      text = g_string_new (NULL);
      g_string_append_printf (text, _("User “%s” changed:"), row->login);
      if (g_strcmp0 (row->name, name) != 0)
        g_string_append_printf (text, _(" name from “%s” to “%s”;"), row->name, name);
      if (g_strcmp0 (row->email, email) != 0)
        g_string_append_printf (text, _(" email from “%s” to “%s”;"), row->email, email);
      if (row->role != role)
        g_string_append_printf (text, _(" role from %s to %s;"),
                                gest_role_label (row->role), gest_role_label (role));
      if (g_str_has_suffix (text->str, ";"))
        text->str[text->len - 1] = '.';
      stmt = gest_store_prepare (store,
                                 "UPDATE users SET name = ?4, email = ?5, role = ?6, updated_at = ?2, "
                                 "changed_by = ?3 WHERE uuid = ?1",
                                 error);
      ok = stmt != NULL;
    }
  if (ok && g_str_has_suffix (text->str, "."))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
      sqlite3_bind_text (stmt, 3, changed_by (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, gest_role_id (role), -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
      ok = ok && log_change (store, uuid, text->str, error);
    }
  if (!gest_store_end_change (store, "gest_users_update", own, ok, ok ? error : NULL) || !ok)
    return FALSE;
  /* Changing yourself changes your session: a manager who steps down loses the rights now. */
  me = gest_store_get_user (store);
  if (me != NULL && g_str_equal (me->uuid, uuid))
    {
      g_autoptr(GestUser) updated = gest_user_new (uuid, me->login, name, role);

      gest_store_set_user (store, updated);
    }
  return TRUE;
}

gboolean
gest_users_set_active (GestStore   *store,
                       const char  *uuid,
                       gboolean     active,
                       GError     **error)
{
  g_autoptr(GestUserRow) row = NULL;
  g_autofree char *text = NULL;
  GestUser *me;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_users_active", &own, error))
    return FALSE;
  me = gest_store_get_user (store);
  ok = check_manager (store, error) && (row = find_by (store, "uuid", uuid, error)) != NULL;
  if (ok && !active && me != NULL && g_strcmp0 (me->uuid, uuid) == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("You cannot deactivate yourself. Another general manager can."));
      ok = FALSE;
    }
  if (ok && !active)
    ok = check_other_manager (store, row, error);
  if (ok && row->active != active)
    {
      text = g_strdup_printf (active ? _("User “%s” (%s) activated: they can sign in again.")
                                     : _("User “%s” (%s) deactivated: they can no longer sign in."),
                              row->login, row->name);
      ok = update_user (store, uuid,
                        active ? "UPDATE users SET active = 1, updated_at = ?2, changed_by = ?3 WHERE uuid = ?1"
                               : "UPDATE users SET active = 0, updated_at = ?2, changed_by = ?3 WHERE uuid = ?1",
                        NULL, error) &&
           log_change (store, uuid, text, error);
    }
  return gest_store_end_change (store, "gest_users_active", own, ok, ok ? error : NULL) && ok;
}

gboolean
gest_users_set_password (GestStore   *store,
                         const char  *uuid,
                         const char  *old_password,
                         const char  *new_password,
                         GError     **error)
{
  g_autoptr(GestUserRow) row = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *text = NULL;
  GestUser *me;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL && new_password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_users_password", &own, error))
    return FALSE;
  me = gest_store_get_user (store);
  ok = (row = find_by (store, "uuid", uuid, error)) != NULL;
  if (ok && old_password != NULL && me != NULL && g_strcmp0 (me->uuid, uuid) == 0)
    {
      /* A user changing their own password proves they know the old one. */
      g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                         "SELECT password_hash FROM users WHERE uuid = ?1",
                                                         error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          ok = sqlite3_step (stmt) == SQLITE_ROW &&
               gest_password_verify ((const char *) sqlite3_column_text (stmt, 0), old_password);
          if (!ok)
            g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                                 _("The current password is wrong, so the password was not changed."));
        }
    }
  else if (ok)
    ok = check_manager (store, error);
  if (ok)
    {
      char *message = gest_users_check_password (row->login, new_password);

      if (message != NULL)
        ok = set_invalid (message, error);
    }
  if (ok && (hash = gest_password_hash (new_password)) == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_STORE,
                           _("The password could not be hashed: the computer is out of memory."));
      ok = FALSE;
    }
  if (ok)
    {
      /* The log says that it changed, never what to. */
      text = g_strdup_printf (_("Password of user “%s” (%s) changed."), row->login, row->name);
      ok = update_user (store, uuid,
                        "UPDATE users SET password_hash = ?4, updated_at = ?2, changed_by = ?3 WHERE uuid = ?1",
                        hash, error) &&
           log_change (store, uuid, text, error);
    }
  return gest_store_end_change (store, "gest_users_password", own, ok, ok ? error : NULL) && ok;
}
