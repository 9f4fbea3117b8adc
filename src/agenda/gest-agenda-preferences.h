/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The preferences of Citas de servicio (issue 15): each advisor's hours per weekday with the
 * break, the slot's length and the capacity (S12); blocked time; the hour by which web
 * bookings must be confirmed (S7), the no-show grace period (S14), the hour of the next day's
 * messages (S13) and the technology sessions' hours (S9). A floating AdwPreferencesPage;
 * refusals in full under the group they concern. What it shows is read in a thread. */
AdwPreferencesPage *gest_agenda_preferences_page_new   (GestContext        *context);
/* The last message shown under the page's groups, or NULL (tests). */
const char         *gest_agenda_preferences_get_error  (AdwPreferencesPage *page);
/* Whether the page is reading what it shows (tests). */
gboolean            gest_agenda_preferences_get_loading (AdwPreferencesPage *page);

G_END_DECLS
