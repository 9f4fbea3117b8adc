/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The first run of a database without users (issue 12): the form that creates its general
 * manager (name, login, password twice) with gest_users_create_first() on a thread of its
 * own (Argon2id is slow on purpose), then signs them in on the page's store.
 *
 * Signals:
 *   ::created (GestUser *user): the general manager exists and is signed in on the store. */
#define GEST_TYPE_FIRST_MANAGER_PAGE (gest_first_manager_page_get_type ())
G_DECLARE_FINAL_TYPE (GestFirstManagerPage, gest_first_manager_page, GEST, FIRST_MANAGER_PAGE, AdwBin)

GtkWidget *gest_first_manager_page_new      (GestStore            *store);
gboolean   gest_first_manager_page_get_busy (GestFirstManagerPage *self);
/* Focuses the name row. */
void       gest_first_manager_page_focus    (GestFirstManagerPage *self);

/* What is wrong with the form's values, without a display: the index of the row in error
 * (0 name, 1 login, 2 password, 3 repeated password) and why, or -1 and NULL when they can
 * be sent. */
int        gest_first_manager_check         (const char           *name,
                                             const char           *login,
                                             const char           *password,
                                             const char           *repeated,
                                             char                **message);

G_END_DECLS
