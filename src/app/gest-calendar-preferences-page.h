/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* Preferences, Calendar: the dealer's business calendar that the clocks of every module count
 * in (gest-business-calendar-store.h): working hours per weekday, and a year's holidays, the
 * legal ones preloaded, each removable, the dealer's own added or renamed. Saves on the
 * store's writer thread; the store checks settings.dealer, and a refusal shows under its
 * group in the one error style. */
#define GEST_TYPE_CALENDAR_PREFERENCES_PAGE (gest_calendar_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (GestCalendarPreferencesPage, gest_calendar_preferences_page, GEST,
                      CALENDAR_PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget *gest_calendar_preferences_page_new (GestContext *context);

G_END_DECLS
