/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-users"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "gest-users.h"

/* The half of gest-users.h that needs no write: the checks of a login, a name and a password,
 * Argon2id hashing, and signing in (sync and in a thread). The changes are gest-users.c. */

typedef struct
{
  char *path;
  char *login;
  char *password;
} SignInData;

static gboolean
sodium_ready (void)
{
  static gsize once = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&once))
    {
      ok = sodium_init () >= 0;
      if (!ok)
        g_critical ("libsodium could not be initialized");
      g_once_init_leave (&once, 1);
    }
  return ok;
}

/* A hash (interactive limits, like every stored one) of a password nobody has, to verify
 * against when the login is unknown, so a wrong login takes as long as a wrong password and
 * the time does not tell which logins exist. Written here, not computed: computing it would
 * make the first unknown login of a process slower than a wrong password. */
#define DUMMY_HASH "$argon2id$v=19$m=65536,t=2,p=1$0gjhWiXWRVl3X7Bj2hWm+Q$" \
                   "qsl8YM1UeWEzVH+xHAPam2toq6eP62Pyegw1i5ZRR4o"

static void
sign_in_data_free (SignInData *data)
{
  g_free (data->path);
  g_free (data->login);
  if (data->password != NULL)
    sodium_memzero (data->password, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static gboolean
is_hidden_char (gunichar c)
{
  /* Control characters and the ones that reorder text (U+202E) would make a name in the log
   * read as something else. */
  return g_unichar_iscntrl (c) || c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static GestUser *
authenticate (GestStore   *store,
              const char  *login,
              const char  *password,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *lower = g_utf8_strdown (login != NULL ? login : "", -1);
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  GestRole role = GEST_ROLE_GENERAL_MANAGER;
  gboolean active = FALSE;
  gboolean found = FALSE;
  gboolean verified;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT uuid, name, role, password_hash, active FROM users "
                             "WHERE login = ?1 AND login <> '' AND deleted = 0",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = gest_role_from_id ((const char *) sqlite3_column_text (stmt, 2), &role) &&
              gest_role_is_dealer (role) &&
              sqlite3_column_bytes (stmt, 3) > 0;
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      active = sqlite3_column_int (stmt, 4) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }

  verified = gest_password_verify (found ? hash : DUMMY_HASH, password != NULL ? password : "");
  if (!found || !verified)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("The login or the password is wrong. Check both (the password "
                             "tells capitals from small letters) and try again."));
      return NULL;
    }
  if (!active)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The user “%s” is deactivated and cannot sign in. Ask a general manager "
                     "to activate it again."),
                   lower);
      return NULL;
    }
  return gest_user_new (uuid, lower, name, role);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SignInData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) conn = NULL;
  GestUser *user;

  conn = gest_store_open (data->path, &error);
  if (conn == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  user = authenticate (conn, data->login, data->password, &error);
  if (user == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, user, (GDestroyNotify) gest_user_unref);
}

char *
gest_users_check_login (const char *login)
{
  gsize len;

  g_return_val_if_fail (login != NULL, NULL);

  len = strlen (login);
  if (len < 2 || len > 32)
    return g_strdup (_("A login has 2 to 32 characters."));
  for (const char *p = login; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '_' && *p != '-')
      return g_strdup (_("A login uses only small letters without accents (a-z), digits, "
                         "and “.”, “_” or “-”."));
  return NULL;
}

char *
gest_users_check_name (const char *name)
{
  g_autofree char *stripped = NULL;
  guint chars = 0;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (_("A name must be text."));
  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    return g_strdup (_("The name is missing."));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (++chars > 100)
        return g_strdup (_("A name has at most 100 characters."));
      if (is_hidden_char (g_utf8_get_char (p)))
        return g_strdup (_("A name cannot hold control characters."));
    }
  return NULL;
}

char *
gest_users_check_password (const char *login,
                           const char *password)
{
  g_return_val_if_fail (password != NULL, NULL);

  if (!g_utf8_validate (password, -1, NULL) || g_utf8_strlen (password, -1) < 8)
    return g_strdup (_("A password has at least 8 characters."));
  if (login != NULL && g_ascii_strcasecmp (login, password) == 0)
    return g_strdup (_("The password cannot be the login."));
  return NULL;
}

char *
gest_password_hash (const char *password)
{
  char out[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!sodium_ready ())
    return NULL;
  if (crypto_pwhash_str_alg (out, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    return NULL;
  return g_strdup (out);
}

gboolean
gest_password_verify (const char *hash,
                      const char *password)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (hash == NULL || !g_str_has_prefix (hash, "$argon2id$") || !sodium_ready ())
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

GestUser *
gest_users_sign_in (GestStore   *store,
                    const char  *login,
                    const char  *password,
                    GError     **error)
{
  GestUser *user;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  user = authenticate (store, login, password, error);
  if (user != NULL)
    gest_store_set_user (store, user);
  return user;
}

void
gest_users_sign_in_async (GestStore           *store,
                          const char          *login,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignInData *data;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);

  data = g_new0 (SignInData, 1);
  data->path = g_strdup (gest_store_get_path (store));
  data->login = g_strdup (login);
  data->password = g_strdup (password);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_users_sign_in_async);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);
  g_task_run_in_thread (task, sign_in_thread);
}

GestUser *
gest_users_sign_in_finish (GestStore     *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  GestUser *user;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gest_users_sign_in_async, NULL);

  user = g_task_propagate_pointer (G_TASK (result), error);
  if (user != NULL)
    gest_store_set_user (store, user);
  return user;
}
