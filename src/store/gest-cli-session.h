/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The user a gestiona-cli process acts as (issue 12: `gestiona-cli --user LOGIN`). main()
 * sets the login and password once, before the command runs; every command, the modules'
 * verbs included, opens its database with gest_cli_open_store(), which signs that user in on
 * it (checking the password the first time), so the domain layer checks their permissions
 * and the log names them. Without --user nobody is signed in: a database that has users then
 * refuses every change (GEST_ERROR_PERMISSION). */
void        gest_cli_session_set_credentials (const char  *login,
                                              const char  *password);
/* The login given with --user, NULL without one. */
const char *gest_cli_session_get_login       (void);
/* The password given with --user, NULL without one (a user changing their own password
 * proves they know the old one with it). */
const char *gest_cli_session_get_password    (void);
/* Signs the --user in on @store (nothing without --user). FALSE with the sign-in's error
 * (GEST_ERROR_REFUSED: wrong login or password, deactivated user). */
gboolean    gest_cli_session_sign_in         (GestStore   *store,
                                              GError     **error);
/* Opens the existing database @db_path (the default one when NULL) and signs the --user in. */
GestStore  *gest_cli_open_store              (const char  *db_path,
                                              GError     **error);

G_END_DECLS
