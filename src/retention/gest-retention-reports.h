/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The retention module's reports for the reports hub (GestDomainModule.get_reports): the call
 * cadence's compliance by coordinator (S6), the calls by outcome and the letters and emails
 * sent after the fifth failed attempt (S15), over the period chosen. */
const GestReportInfo *gest_retention_reports_get (GestDomainModule *module,
                                                  guint            *n_reports);

/* The reports' ids, for the tests and the CLI. */
#define GEST_RETENTION_REPORT_CADENCE  "retention-cadence"
#define GEST_RETENTION_REPORT_OUTCOMES "retention-call-outcomes"
#define GEST_RETENTION_REPORT_LETTERS  "retention-letters"

G_END_DECLS
