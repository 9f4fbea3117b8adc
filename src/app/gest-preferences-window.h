/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* Preferences kept in the database (so they sync): the dealer's data, the T2 routing settings
 * (insensitive, with the permission's reason, for a role that may not change them) and
 * Conauto's documents address (T4); the idle-lock minutes (GSettings, general manager); the
 * signed-in user's account and own password (issue 12). Each entry is saved when applied
 * (Enter or the apply button); invalid text is shown as an error on its row and not saved. */
#define GEST_TYPE_PREFERENCES_WINDOW (gest_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GestPreferencesWindow, gest_preferences_window, GEST, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GestPreferencesWindow *gest_preferences_window_new      (GestContext           *context);
GestStore             *gest_preferences_window_get_store (GestPreferencesWindow *self);
/* For other modules' preferences (e.g. the SMTP account). */
void                   gest_preferences_window_add_page (GestPreferencesWindow *self,
                                                         AdwPreferencesPage    *page);

G_END_DECLS
