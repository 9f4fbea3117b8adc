/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The reports hub's runner (issue 13): runs a module's GestReportInfo over a period and keeps
 * the result as a typed table, which the view, the XLSX and PDF exports and the CLI share.
 *
 * Threading: gest_report_run() may run on any thread; it opens its own read-only connection
 * to the database file, so a report over a million rows never holds the window's connection
 * nor waits for the writer. A GestReportTable is immutable once returned: any thread may read
 * it. */

/* The period of a report: [from, to) in unix µs, and the moment it runs. */
typedef struct
{
  gint64 from;   /* midnight of the first day, dealer's time zone */
  gint64 to;     /* midnight of the day after the last */
  gint64 now;    /* when the report runs (ages are measured at min (to, now)) */
} GestReportPeriod;

/* Which period the user chose in the hub. */
typedef enum
{
  GEST_REPORT_PERIOD_THIS_MONTH,
  GEST_REPORT_PERIOD_LAST_MONTH,
  GEST_REPORT_PERIOD_THIS_YEAR,
  GEST_REPORT_PERIOD_CUSTOM,
} GestReportPeriodKind;

/* The period from day @first to day @last, both included, in the dealer's time zone; @now
 * is the moment of the run. */
void        gest_report_period_from_days  (GestReportPeriod     *out,
                                           const GDate          *first,
                                           const GDate          *last,
                                           gint64                now);
/* This month, last month or this year as seen at @now in the dealer's time zone (not for
 * GEST_REPORT_PERIOD_CUSTOM). */
void        gest_report_period_preset     (GestReportPeriod     *out,
                                           GestReportPeriodKind  kind,
                                           gint64                now);
/* The first and last day of @period (the last is the day before `to`). */
void        gest_report_period_get_days   (const GestReportPeriod *period,
                                           GDate                *out_first,
                                           GDate                *out_last);
/* "01/12/2026 – 31/12/2026" */
char       *gest_report_period_format     (const GestReportPeriod *period);

/* Whether @info's query takes the period (names :from or :to). */
gboolean    gest_report_info_uses_period  (const GestReportInfo *info);

typedef struct _GestReportTable GestReportTable;

GType       gest_report_table_get_type    (void) G_GNUC_CONST;
#define GEST_TYPE_REPORT_TABLE (gest_report_table_get_type ())

/* Runs @info over @period on a new read-only connection to the database at @db_path, on the
 * calling thread. @cancellable interrupts the query (G_IO_ERROR_CANCELLED). */
GestReportTable *gest_report_run           (const char             *db_path,
                                            const GestReportInfo   *info,
                                            const GestReportPeriod *period,
                                            GCancellable           *cancellable,
                                            GError                **error);
/* The same on a connection the caller owns (tests, benchmarks). */
GestReportTable *gest_report_run_on        (sqlite3                *db,
                                            const GestReportInfo   *info,
                                            const GestReportPeriod *period,
                                            GCancellable           *cancellable,
                                            GError                **error);
/* gest_report_run() in a GTask thread; the callback runs in the caller's thread-default
 * context. @info is static (a module's table). */
void             gest_report_run_async     (const char             *db_path,
                                            const GestReportInfo   *info,
                                            const GestReportPeriod *period,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
GestReportTable *gest_report_run_finish    (GAsyncResult           *result,
                                            GError                **error);

GestReportTable *gest_report_table_ref              (GestReportTable *self);
void             gest_report_table_unref            (GestReportTable *self);
const GestReportInfo *gest_report_table_get_info    (GestReportTable *self);
/* The report's title, translated. */
const char      *gest_report_table_get_title        (GestReportTable *self);
const GestReportPeriod *gest_report_table_get_period (GestReportTable *self);
/* FALSE when the report has no period (the period is then meaningless). */
gboolean         gest_report_table_has_period       (GestReportTable *self);
guint            gest_report_table_get_n_columns    (GestReportTable *self);
guint            gest_report_table_get_n_rows       (GestReportTable *self);
/* The column's title, translated. */
const char      *gest_report_table_get_column_title (GestReportTable *self,
                                                     guint            column);
GestReportColumnKind gest_report_table_get_column_kind (GestReportTable *self,
                                                     guint            column);
gboolean         gest_report_table_is_null          (GestReportTable *self,
                                                     guint            row,
                                                     guint            column);
/* The cell as a number (0 for NULL or text): counts and centavos exactly, days and percents
 * as the query computed them. */
gint64           gest_report_table_get_int          (GestReportTable *self,
                                                     guint            row,
                                                     guint            column);
double           gest_report_table_get_double       (GestReportTable *self,
                                                     guint            row,
                                                     guint            column);
/* The cell's text as stored ("" for NULL); for a LABEL, translated. */
const char      *gest_report_table_get_text         (GestReportTable *self,
                                                     guint            row,
                                                     guint            column);
/* A DATE cell as a day; FALSE when it is NULL or not a "YYYY-MM-DD" day. */
gboolean         gest_report_table_get_date         (GestReportTable *self,
                                                     guint            row,
                                                     guint            column,
                                                     GDate           *out);
/* The cell as the hub shows it: "1,234", "$1,234.56", "3.5", "87.5 %", "06/12/2026"; "" for
 * NULL. */
char            *gest_report_table_format_cell      (GestReportTable *self,
                                                     guint            row,
                                                     guint            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReportTable, gest_report_table_unref)

G_END_DECLS
