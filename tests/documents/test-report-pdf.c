/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q11 (issue 13): a report's PDF, read back with poppler: its title, period, column titles and
 * cells as the hub shows them, the chart's labels, page numbers "Page N of M", the column
 * titles repeated on every page of a long table. */
#include "config.h"

#include <poppler.h>

#include "gest-report-pdf.h"
#include "gest-test-util.h"
#include "report-test-data.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

static void
assert_has (const char *text,
            const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the page:\n%s", what, text);
}

static void
test_one_page (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gest_report_pdf_render (&table, 1, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  doc = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  text = page_text (doc, 0);
  assert_has (text, "Sales by branch");
  assert_has (text, "Period: 01/12/2026 – 31/12/2026");
  assert_has (text, "Every branch's sales in the period.");
  assert_has (text, "Branch");
  assert_has (text, "Last sale");
  assert_has (text, "Centro");
  assert_has (text, "$1,234.56");
  assert_has (text, "87.5 %");
  assert_has (text, "06/12/2026");
  assert_has (text, "$0.05");
  assert_has (text, "Page 1 of 1");
  g_assert_null (strstr (text, "Fuera"));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_many_pages (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 120);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int n;

  g_assert_true (gest_report_pdf_write (path, &table, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  doc = open_pdf (bytes);
  n = poppler_document_get_n_pages (doc);
  /* 122 rows and a chart of 40 bars: at least three A4 pages. */
  g_assert_cmpint (n, >=, 3);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (doc, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n);

      assert_has (text, footer);
      assert_has (text, "Last sale");
    }
  {
    g_autofree char *last = page_text (doc, n - 1);

    assert_has (last, "Sucursal 120");
  }
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_report_per_page (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autoptr(GestReportTable) table = report_test_table_new (dir, 0);
  GestReportTable *tables[] = { table, table };
  g_autoptr(GBytes) bytes = gest_report_pdf_render (tables, 2, NULL);
  g_autoptr(PopplerDocument) doc = open_pdf (bytes);
  g_autofree char *second = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  second = page_text (doc, 1);
  assert_has (second, "Sales by branch");
  assert_has (second, "Page 2 of 2");
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/Q11/pdf-title-period-cells", test_one_page);
  g_test_add_func ("/reports/Q11/pdf-page-numbers-and-repeated-titles", test_many_pages);
  g_test_add_func ("/reports/Q11/pdf-each-report-on-its-pages", test_report_per_page);
  return g_test_run ();
}
