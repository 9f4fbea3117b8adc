/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Dealer users (issue 12): who signs in, with which role. Passwords are kept only as Argon2id
 * hashes (libsodium's crypto_pwhash_str, interactive limits). Every change here requires
 * GEST_PERMISSION_MANAGE_USERS of the signed-in user (but the first general manager of a
 * database without users), is logged on the user's record (X5) and leaves at least one active
 * general manager. Users are never deleted: deactivated, so the log's names keep meaning. */

typedef struct
{
  char     *uuid;
  char     *login;
  char     *name;
  char     *email;
  GestRole  role;
  gboolean  active;
  gint64    created_at;   /* unix µs */
} GestUserRow;

void       gest_user_row_free           (GestUserRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestUserRow, gest_user_row_free)

/* Checks, without a database: NULL when valid, else why not (translated). A login is 2 to 32
 * of a-z, 0-9, '.', '_', '-' (lower-cased by the caller); a name 1 to 100 characters of text;
 * a password at least 8 characters and not the login. */
char      *gest_users_check_login       (const char   *login);
char      *gest_users_check_name        (const char   *name);
char      *gest_users_check_password    (const char   *login,
                                         const char   *password);

/* Every user, active first, by name. Element type GestUserRow. */
GPtrArray *gest_users_list              (GestStore    *store,
                                         GError      **error);
/* The user of @login (any case), NULL with GEST_ERROR_NOT_FOUND. */
GestUserRow *gest_users_find            (GestStore    *store,
                                         const char   *login,
                                         GError      **error);

/* The first run: creates the database's general manager and signs them in on @store. Refused
 * (GEST_ERROR_REFUSED) once the database has a user who can sign in. */
GestUser  *gest_users_create_first      (GestStore    *store,
                                         const char   *login,
                                         const char   *name,
                                         const char   *password,
                                         GError      **error);
/* Creates a user; returns the new uuid. @role must be a dealer role. */
char      *gest_users_create            (GestStore    *store,
                                         const char   *login,
                                         const char   *name,
                                         const char   *email,
                                         GestRole      role,
                                         const char   *password,
                                         GError      **error);
gboolean   gest_users_update            (GestStore    *store,
                                         const char   *uuid,
                                         const char   *name,
                                         const char   *email,
                                         GestRole      role,
                                         GError      **error);
gboolean   gest_users_set_active        (GestStore    *store,
                                         const char   *uuid,
                                         gboolean      active,
                                         GError      **error);
/* Sets a new password: a manager for anyone, or a user for themself given @old_password
 * (NULL when a manager resets it). */
gboolean   gest_users_set_password      (GestStore    *store,
                                         const char   *uuid,
                                         const char   *old_password,
                                         const char   *new_password,
                                         GError      **error);

/* Checks @login and @password against @store's users; on success returns the user and signs
 * them in on @store (gest_store_set_user()). A wrong login and a wrong password give the same
 * message (GEST_ERROR_REFUSED), and a deactivated user is told so. Slow on purpose (Argon2id,
 * about 0.1 s): call it off the UI thread (gest_users_sign_in_async()). */
GestUser  *gest_users_sign_in           (GestStore    *store,
                                         const char   *login,
                                         const char   *password,
                                         GError      **error);
/* The same in a thread; it reads with its own connection to @store's file and signs the user
 * in on @store (in the callback's thread) only on success. */
void       gest_users_sign_in_async     (GestStore           *store,
                                         const char          *login,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GestUser  *gest_users_sign_in_finish    (GestStore           *store,
                                         GAsyncResult        *result,
                                         GError             **error);

/* An Argon2id hash of @password (crypto_pwhash_str), or NULL when out of memory. */
char      *gest_password_hash           (const char   *password);
gboolean   gest_password_verify         (const char   *hash,
                                         const char   *password);

G_END_DECLS
