/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* T4: Preferences, Email: the outgoing mail server (saved in the store's settings, the
 * password in the keyring), Conauto's documents address, and "Send Test Email" (on a worker
 * thread). Outcomes show in the page itself, under each group. */
#define GEST_TYPE_MAIL_PREFERENCES_PAGE (gest_mail_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (GestMailPreferencesPage, gest_mail_preferences_page, GEST, MAIL_PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget *gest_mail_preferences_page_new (GestContext *context);

G_END_DECLS
