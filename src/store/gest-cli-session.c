/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include "gest-cli-session.h"
#include "gest-users.h"

/* A command line process signs in once: the first store opened checks the password (Argon2id,
 * slow on purpose); the stores opened after it get the same user. */

static char *session_login;
static char *session_password;
static GestUser *session_user;

void
gest_cli_session_set_credentials (const char *login,
                                  const char *password)
{
  g_clear_pointer (&session_login, g_free);
  g_clear_pointer (&session_password, g_free);
  g_clear_pointer (&session_user, gest_user_unref);
  session_login = g_strdup (login);
  session_password = g_strdup (password);
}

const char *
gest_cli_session_get_login (void)
{
  return session_login;
}

const char *
gest_cli_session_get_password (void)
{
  return session_password;
}

gboolean
gest_cli_session_sign_in (GestStore  *store,
                          GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (session_login == NULL)
    return TRUE;
  if (session_user == NULL)
    {
      session_user = gest_users_sign_in (store, session_login,
                                         session_password != NULL ? session_password : "", error);
      return session_user != NULL;
    }
  gest_store_set_user (store, session_user);
  return TRUE;
}

GestStore *
gest_cli_open_store (const char  *db_path,
                     GError     **error)
{
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : gest_store_default_path ();
  g_autoptr(GestStore) store = gest_store_open_existing (path, error);

  if (store == NULL || !gest_cli_session_sign_in (store, error))
    return NULL;
  return g_steal_pointer (&store);
}
