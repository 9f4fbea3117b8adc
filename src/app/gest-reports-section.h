/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The "Reports" section, the reports hub (issue 13): shared by every module, so it is not one
 * of the modules of src/gest-module-list.h, but it joins the sidebar through the same registry
 * (GestModule over GestDomainModule, id "reports"). It lists the reports every module
 * registers (GestDomainModule.get_reports), grouped by the module's title. */
#define GEST_TYPE_REPORTS_SECTION (gest_reports_section_get_type ())
G_DECLARE_FINAL_TYPE (GestReportsSection, gest_reports_section, GEST, REPORTS_SECTION, GObject)

/* Adds the section to the registry (the app calls it where it registers the modules). */
void gest_reports_section_register (void);

G_END_DECLS
