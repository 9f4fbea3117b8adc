/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The "Users" preferences page (issue 12), for whoever may manage users
 * (GEST_PERMISSION_MANAGE_USERS): every user (name, login, role, active) with their name,
 * e-mail and role to edit, a switch to deactivate them and a password to reset, and a form for
 * a new user (dealer roles only). Every change is saved on the store's writer thread as the
 * signed-in user; the domain checks the permission again, and a refusal shows under the
 * user's group (gest-field-error.h). */
#define GEST_TYPE_USERS_PREFERENCES_PAGE (gest_users_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (GestUsersPreferencesPage, gest_users_preferences_page, GEST, USERS_PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget *gest_users_preferences_page_new (GestContext *context);

G_END_DECLS
