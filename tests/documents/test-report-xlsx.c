/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q11 (issue 13): a report exported to XLSX opens in openpyxl (Debian's python3-openpyxl)
 * with real cells: counts as integers, money, days and percents as numbers with their
 * formats, days as dates; the title row and the period as two date cells. */
#include "config.h"

#include "gest-report-xlsx.h"
#include "gest-test-util.h"
#include "report-test-data.h"

/* Prints one line a cell: "Sheet!A1|type|value|number format". */
static const char script[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "for ws in wb.worksheets:\n"
  "    for row in ws.iter_rows():\n"
  "        for c in row:\n"
  "            if c.value is not None:\n"
  "                print('%s!%s|%s|%s|%s' % (ws.title, c.coordinate, type(c.value).__name__, c.value, c.number_format))\n";

static char *
read_back (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_error ("openpyxl failed: %s", err);
  return out;
}

static void
assert_line (const char *cells,
             const char *line)
{
  g_autofree char *with_newline = g_strconcat (line, "\n", NULL);

  if (strstr (cells, with_newline) == NULL)
    g_error ("“%s” is not among the cells:\n%s", line, cells);
}

static void
test_cell_types (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL;

  g_assert_true (gest_report_xlsx_write (path, &table, 1, &error));
  g_assert_no_error (error);
  cells = read_back (path);

  assert_line (cells, "Sales by branch!A1|str|Sales by branch|General");
  assert_line (cells, "Sales by branch!A2|str|Period|General");
  assert_line (cells, "Sales by branch!B2|datetime|2026-12-01 00:00:00|dd/mm/yyyy");
  assert_line (cells, "Sales by branch!C2|datetime|2026-12-31 00:00:00|dd/mm/yyyy");
  assert_line (cells, "Sales by branch!A4|str|Branch|General");
  assert_line (cells, "Sales by branch!F4|str|Last sale|General");
  assert_line (cells, "Sales by branch!A5|str|Centro|General");
  assert_line (cells, "Sales by branch!B5|int|3|#,##0");
  assert_line (cells, "Sales by branch!C5|float|1234.56|$#,##0.00");
  assert_line (cells, "Sales by branch!D5|float|2.5|0.0");
  assert_line (cells, "Sales by branch!E5|float|0.875|0.0%");
  assert_line (cells, "Sales by branch!F5|datetime|2026-12-06 00:00:00|dd/mm/yyyy");
  assert_line (cells, "Sales by branch!C6|float|0.05|$#,##0.00");
  assert_line (cells, "Sales by branch!E6|int|1|0.0%");
  assert_line (cells, "Sales by branch!F6|datetime|2027-01-01 00:00:00|dd/mm/yyyy");
  /* The row outside the period is not there. */
  g_assert_null (strstr (cells, "Fuera"));
  g_assert_null (strstr (cells, "!A7|"));

  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_sheet_per_report (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "two.xlsx", NULL);
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 0);
  GestReportTable *tables[] = { table, table };
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL;

  g_assert_true (gest_report_xlsx_write (path, tables, 2, &error));
  cells = read_back (path);
  /* Two sheets, the second's name made unique. */
  assert_line (cells, "Sales by branch!B5|int|3|#,##0");
  assert_line (cells, "Sales by branch (2)!B5|int|3|#,##0");
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_unwritable (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_report_xlsx_write ("/nonexistent-folder/r.xlsx", &table, 1, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The spreadsheet “/nonexistent-folder/r.xlsx” could not be "));
  g_assert_true (g_str_has_suffix (error->message, "Choose a folder where you can write."));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/Q11/xlsx-real-cells", test_cell_types);
  g_test_add_func ("/reports/Q11/xlsx-sheet-per-report", test_sheet_per_report);
  g_test_add_func ("/reports/Q11/xlsx-unwritable-folder", test_unwritable);
  return g_test_run ();
}
