/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-report.h"

G_BEGIN_DECLS

/* One report of the reports hub on screen (issue 13): its title and description, a period
 * chooser (this month, last month, this year, or custom days dd/mm/yyyy), the bar chart, the
 * table as a GtkColumnView, and export to XLSX or PDF (GtkFileChooserNative) and printing
 * (GtkPrintOperation). The query runs in a GTask thread on its own read-only connection to
 * the database file, and so do the exports: the window never waits for them. */
#define GEST_TYPE_REPORT_VIEW (gest_report_view_get_type ())
G_DECLARE_FINAL_TYPE (GestReportView, gest_report_view, GEST, REPORT_VIEW, GtkWidget)

typedef enum
{
  GEST_REPORT_EXPORT_XLSX,
  GEST_REPORT_EXPORT_PDF,
} GestReportExport;

/* @info is static (a module's table); @db_path the database file. The report runs at once
 * over this month. */
GtkWidget       *gest_report_view_new          (const char           *db_path,
                                                const GestReportInfo *info);
const GestReportInfo *gest_report_view_get_info (GestReportView      *self);
/* Chooses a preset period, or CUSTOM with @first and @last (both included), and runs the
 * report again. */
void             gest_report_view_set_period   (GestReportView       *self,
                                                GestReportPeriodKind  kind,
                                                const GDate          *first,
                                                const GDate          *last);
/* "loading", "table", "empty" or "error". */
const char      *gest_report_view_get_state    (GestReportView       *self);
/* The table shown, NULL while loading or after an error. */
GestReportTable *gest_report_view_get_table    (GestReportView       *self);
GtkColumnView   *gest_report_view_get_column_view (GestReportView    *self);
/* The text shown in a cell of the column view (as the factories bind it). */
char            *gest_report_view_dup_cell_text (GestReportView      *self,
                                                guint                 row,
                                                guint                 column);
/* Writes the table shown to @path in a GTask thread (what the export buttons do once the
 * file is chosen). */
void             gest_report_view_export_async (GestReportView       *self,
                                                GestReportExport      format,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean         gest_report_view_export_finish (GestReportView      *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
