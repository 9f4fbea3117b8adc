/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* Q11: the complaints module's reports for the reports hub (GestDomainModule.get_reports):
 * counts and times by cause, area, type and responsible, time to close, open age buckets and
 * SLA compliance, over the period chosen. */
const GestReportInfo *gest_complaints_reports_get (GestDomainModule *module,
                                                   guint            *n_reports);

/* The reports' ids, for the tests and the CLI. */
#define GEST_COMPLAINTS_REPORT_BY_CAUSE       "complaints-by-cause"
#define GEST_COMPLAINTS_REPORT_BY_AREA        "complaints-by-area"
#define GEST_COMPLAINTS_REPORT_BY_TYPE        "complaints-by-type"
#define GEST_COMPLAINTS_REPORT_BY_RESPONSIBLE "complaints-by-responsible"
#define GEST_COMPLAINTS_REPORT_TIME_TO_CLOSE  "complaints-time-to-close"
#define GEST_COMPLAINTS_REPORT_OPEN_AGE       "complaints-open-age"
#define GEST_COMPLAINTS_REPORT_SLA            "complaints-sla"

G_END_DECLS
