/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "report-test-data.h"

static const GestReportColumnKind kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_MONEY,
  GEST_REPORT_COLUMN_DAYS, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_DATE,
  GEST_REPORT_COLUMN_END,
};

static const GestReportInfo info = {
  "test-sales", "Sales by branch", "Every branch's sales in the period.",
  "SELECT branch AS \"Branch\", sales AS \"Sales\", amount AS \"Amount\", days AS \"Days\","
  " share AS \"Share\", day AS \"Last sale\" FROM sales"
  " WHERE at >= :from AND at < :to ORDER BY position",
  kinds, 2,
};

const GestReportInfo *
report_test_info (void)
{
  return &info;
}

char *
report_test_db_new (const char *dir,
                    guint       extra_rows)
{
  char *path = g_build_filename (dir, "sales.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE sales (position INTEGER, branch TEXT, sales INTEGER,"
                                 " amount INTEGER, days REAL, share REAL, day TEXT, at INTEGER);"
                                 "INSERT INTO sales VALUES (1, 'Centro', 3, 123456, 2.5, 87.5, '2026-12-06',"
                                 " 1797000000000000),"
                                 " (2, 'Norte', 1, 5, 10.0, 100.0, '2027-01-01', 1797000000000000),"
                                 " (3, 'Fuera', 9, 9, 9, 9, '2026-01-01', 1000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < extra_rows; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO sales VALUES (%u, 'Sucursal %03u', %u, %u,"
                                              " 1.0, 1.0, NULL, 1797000000000000)",
                                              10 + i, i + 1, i + 1, (i + 1) * 100);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);
  return path;
}

GestReportTable *
report_test_table_new (const char *dir,
                       guint       extra_rows)
{
  g_autofree char *path = report_test_db_new (dir, extra_rows);
  g_autoptr(GError) error = NULL;
  GestReportPeriod period;
  GDate first, last;
  GestReportTable *table;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 12, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_period_from_days (&period, &first, &last, 1798000000000000);
  table = gest_report_run (path, &info, &period, NULL, &error);
  g_assert_no_error (error);
  return table;
}
