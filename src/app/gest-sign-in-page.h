/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The page a window opens on when its database has users (issue 12): login and password, the
 * Argon2id check off the UI thread (gest_users_sign_in_async()) with a spinner, a refusal
 * under the rows (gest-field-error.h). On a demonstration database it lists the demonstration
 * users and their password. Locked (the idle lock), it keeps the login and says why.
 *
 * Signals:
 *   ::signed-in (GestUser *user): @user is signed in on the page's store. */
#define GEST_TYPE_SIGN_IN_PAGE (gest_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (GestSignInPage, gest_sign_in_page, GEST, SIGN_IN_PAGE, AdwBin)

GtkWidget *gest_sign_in_page_new        (GestStore      *store);
/* Clears the password and the error and shows @login (NULL: empty); @locked says the window
 * was locked for want of activity. Reloads the demonstration users. */
void       gest_sign_in_page_reset      (GestSignInPage *self,
                                         const char     *login,
                                         gboolean        locked);
/* Focuses the first empty row. */
void       gest_sign_in_page_focus      (GestSignInPage *self);
/* TRUE while a sign-in runs. */
gboolean   gest_sign_in_page_get_busy   (GestSignInPage *self);

G_END_DECLS
