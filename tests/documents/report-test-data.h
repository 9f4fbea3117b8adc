/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-report.h"

G_BEGIN_DECLS

/* A report of every column kind over a small SQLite file of the tests (no module): "Sales by
 * branch", rows "Centro" (3 sales, $1,234.56, 2.5 days, 87.5 %, 06/12/2026) and "Norte" (1,
 * $0.05, 10.0, 100 %, 01/01/2027), and @extra_rows more ("Sucursal 001"...) to fill pages.
 * December 2026 is the period. */
GestReportTable *report_test_table_new (const char *dir,
                                        guint       extra_rows);
/* The report and its database file (dir/sales.db, made by the call), for the report view. */
const GestReportInfo *report_test_info (void);
char            *report_test_db_new    (const char *dir,
                                        guint       extra_rows);

G_END_DECLS
