/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The head of customer service's preferences for complaints: the catalogs of causes, errors
 * and responsible areas (Q10: add, rename, deactivate; permission complaints.catalogs) and
 * the SLA targets per type in business hours (permission complaints.settings). Refusals show
 * under their group in the one error style. */
#define GEST_TYPE_COMPLAINTS_PREFERENCES_PAGE (gest_complaints_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintsPreferencesPage, gest_complaints_preferences_page, GEST,
                      COMPLAINTS_PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget  *gest_complaints_preferences_page_new       (GestContext                   *context);
/* Adds @label to catalog @kind ("cause", "error", "area"), as the entry row does. */
void        gest_complaints_preferences_page_add       (GestComplaintsPreferencesPage *self,
                                                        const char                    *kind,
                                                        const char                    *label);
/* The message under @kind's group ("cause", "error", "area", "sla"), or NULL. */
const char *gest_complaints_preferences_page_get_error (GestComplaintsPreferencesPage *self,
                                                        const char                    *kind);
/* The number of entries @kind's group lists (active and inactive). */
guint       gest_complaints_preferences_page_count     (GestComplaintsPreferencesPage *self,
                                                        const char                    *kind);

G_END_DECLS
