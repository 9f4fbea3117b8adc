/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gest-report.h"

G_BEGIN_DECLS

/* The bar chart of a report (issue 13): one horizontal bar a row, labelled by the row's first
 * cell, as long as the chart column's value against the largest, with the value written after
 * it. Shared by the report view (on screen), the PDF and the printout. */

/* Whether @table has a chart (its report names a chart column the table has). */
gboolean gest_report_chart_wanted     (GestReportTable *table);
/* The height, in the cairo context's units (points), the chart of @table needs. */
double   gest_report_chart_get_height (GestReportTable *table);
/* Draws the chart into the rectangle (0, 0, @width, @height) of @cr, in @fg for the text. */
void     gest_report_chart_draw       (GestReportTable *table,
                                       cairo_t         *cr,
                                       double           width,
                                       double           height,
                                       const double     fg[3]);

G_END_DECLS
