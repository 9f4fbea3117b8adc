/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The agenda's reports for the reports hub (GestDomainModule.get_reports; issue 15):
 * reservations per day and advisor, the show rate, the no-shows recovered, the web bookings
 * confirmed on time, the technology sessions held and the test-drive leads by outcome. */
const GestReportInfo *gest_agenda_reports_get (GestDomainModule *module,
                                               guint            *n_reports);

/* The reports' ids, for the tests and the CLI. */
#define GEST_AGENDA_REPORT_PER_DAY     "agenda-per-day-advisor"
#define GEST_AGENDA_REPORT_SHOW_RATE   "agenda-show-rate"
#define GEST_AGENDA_REPORT_NO_SHOWS    "agenda-no-shows-recovered"
#define GEST_AGENDA_REPORT_WEB_ON_TIME "agenda-web-on-time"
#define GEST_AGENDA_REPORT_SESSIONS    "agenda-tech-sessions"
#define GEST_AGENDA_REPORT_LEADS       "agenda-test-drive-leads"

G_END_DECLS
