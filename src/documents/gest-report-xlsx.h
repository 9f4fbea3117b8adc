/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-report.h"

G_BEGIN_DECLS

/* Writes @tables (one sheet each, named after the report) to the XLSX file @path: a title
 * row, the period as two date cells, the column titles, and the rows as real cells: counts
 * as integers ("#,##0"), money in pesos ("$#,##0.00", from the centavos), days ("0.0"),
 * percents as fractions ("0.0%"), days as dates ("dd/mm/yyyy"), text as text. Blocking: call
 * it off the UI thread. */
gboolean gest_report_xlsx_write (const char              *path,
                                 GestReportTable * const *tables,
                                 guint                    n_tables,
                                 GError                 **error);

G_END_DECLS
