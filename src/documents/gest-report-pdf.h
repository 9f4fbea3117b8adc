/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gest-report.h"

G_BEGIN_DECLS

/* Reports on paper (issue 13): each report on its own pages, with its title, period and
 * description, its bar chart, then its table (the column titles repeated on each page), and
 * "Page N of M" at the foot of every page. The PDF export and the printout share the pages. */

typedef struct _GestReportPages GestReportPages;

/* Lays @tables out on pages of @width × @height points (A4: 595.28 × 841.89). */
GestReportPages *gest_report_pages_new        (GestReportTable * const *tables,
                                               guint                    n_tables,
                                               double                   width,
                                               double                   height);
void             gest_report_pages_free       (GestReportPages         *self);
guint            gest_report_pages_get_n_pages (GestReportPages        *self);
/* Draws page @page (from 0) on @cr, whose unit is the point. */
void             gest_report_pages_draw       (GestReportPages         *self,
                                               cairo_t                 *cr,
                                               guint                    page);

/* The whole PDF, A4, in memory. Blocking: call it off the UI thread. */
GBytes          *gest_report_pdf_render       (GestReportTable * const *tables,
                                               guint                    n_tables,
                                               GError                 **error);
/* The same written to @path. */
gboolean         gest_report_pdf_write        (const char              *path,
                                               GestReportTable * const *tables,
                                               guint                    n_tables,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReportPages, gest_report_pages_free)

G_END_DECLS
