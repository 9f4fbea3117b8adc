/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* X3: Preferences, Sync: the server address, enrollment with a code from Conauto (on a
 * worker thread), the CA file of a private certificate authority (setting sync.ca-file), the
 * service's status (enrolled with, last sync, pending changes, last error), "Sync Now"
 * and the latest conflicts and rejections from sync_log. */
#define GEST_TYPE_SYNC_PREFERENCES_PAGE (gest_sync_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (GestSyncPreferencesPage, gest_sync_preferences_page, GEST, SYNC_PREFERENCES_PAGE,
                      AdwPreferencesPage)

/* The service is the context's (gest_context_set_sync_service()). */
GtkWidget *gest_sync_preferences_page_new (GestContext *context);

G_END_DECLS
