/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-window.h"

G_BEGIN_DECLS

/* Issue 12 in the window tests: what a person does on the first-manager form and the sign-in
 * page, typed into their rows. */

/* Fills the first run's "Create the General Manager" form and presses Enter in its last row;
 * waits until the form is done (shown sections, or an error). */
void       gest_test_create_manager (GestWindow *window,
                                     const char *name,
                                     const char *login,
                                     const char *password,
                                     const char *repeated);
/* Types @login and @password on the sign-in page and presses Enter; waits until the Argon2id
 * check has answered. */
void       gest_test_sign_in_page   (GestWindow *window,
                                     const char *login,
                                     const char *password);
/* The row titled @title of the page of type @page_type (the sign-in or first-manager page). */
GtkWidget *gest_test_session_row    (GestWindow *window,
                                     GType       page_type,
                                     const char *title);

G_END_DECLS
