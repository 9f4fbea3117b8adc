/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The campaigns module's reports for the reports hub (GestDomainModule.get_reports): each
 * campaign's completion (affected, contacted, repaired, completion share), the vehicles closed
 * out in the period by reason, the period week by week, and the weekly review stamps (S1-S3). */
const GestReportInfo *gest_campaigns_reports_get (GestDomainModule *module,
                                                  guint            *n_reports);

/* The reports' ids, for the tests and the CLI. */
#define GEST_CAMPAIGNS_REPORT_COMPLETION "campaigns-completion"
#define GEST_CAMPAIGNS_REPORT_CLOSEOUTS  "campaigns-closeouts"
#define GEST_CAMPAIGNS_REPORT_BY_WEEK    "campaigns-by-week"
#define GEST_CAMPAIGNS_REPORT_REVIEWS    "campaigns-reviews"

G_END_DECLS
