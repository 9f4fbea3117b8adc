/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The "Reports" section's page (issue 13): every module's reports, grouped under the module's
 * title; a report opens in a GestReportView (the detail: "can-go-back", and Escape, Alt+← or
 * the window's back button through "board-page.back", as the other sections). */
#define GEST_TYPE_REPORTS_SECTION_PAGE (gest_reports_section_page_get_type ())
G_DECLARE_FINAL_TYPE (GestReportsSectionPage, gest_reports_section_page, GEST, REPORTS_SECTION_PAGE,
                      GtkWidget)

GtkWidget  *gest_reports_section_page_new          (GestContext            *context);
/* Opens the report @id; returns its view (owned by the page), NULL if no module has it. */
GtkWidget  *gest_reports_section_page_open_report  (GestReportsSectionPage *self,
                                                    const char             *id);
/* Back to the list. */
void        gest_reports_section_page_show_list    (GestReportsSectionPage *self);
gboolean    gest_reports_section_page_get_can_go_back (GestReportsSectionPage *self);
/* For tests: the list's groups (AdwPreferencesGroup, one a module with reports). */
GPtrArray  *gest_reports_section_page_get_groups   (GestReportsSectionPage *self);
/* "list", "empty" or "report". */
const char *gest_reports_section_page_get_state    (GestReportsSectionPage *self);

G_END_DECLS
