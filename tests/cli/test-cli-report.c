/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 (Q11): `gestiona-cli report ID|MODULE --from --to --xlsx FILE --pdf FILE`, the
 * real program: a module's reports into one workbook (a sheet each) and one PDF, one report
 * by its id, the trámites' reports still there, and bad input refused with its message. */
#include "config.h"

#include <poppler.h>

#include "gest-store.h"
#include "cli-test-util.h"
#include "gest-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

static void
fill (CliFixture *f)
{
  g_autoptr(GError) error = NULL;
  GestStore *store;

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  store = gest_store_open (f->db, &error);
  g_assert_no_error (error);
  /* Two cases closed in December 2026 (Mexico City), cause "Cobro indebido": 2 and 4 days. */
  g_assert_true (gest_store_exec (store,
    "INSERT INTO customers (uuid, name) VALUES ('cust-1', 'Ana Torres');"
    "INSERT INTO complaint_catalog (uuid, kind, label) VALUES ('cause-a', 'cause', 'Cobro indebido');"
    "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid,"
    " complainant_name, summary, responsible_uuid, created_at, closed_at, cause_uuid) VALUES"
    " ('c1', 'QJA-2026-000001', 'complaint', 'phone', 6, 0, 'cust-1', 'Ana', 'Cobro', 'u1',"
    "  1796378400000000, 1796551200000000, 'cause-a'),"
    " ('c2', 'QJA-2026-000002', 'claim', 'phone', 6, 0, 'cust-1', 'Ana', 'Cobro', 'u1',"
    "  1796378400000000, 1796724000000000, 'cause-a');", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
test_module_workbook (CliFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->tmpdir, "quejas.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->tmpdir, "quejas.pdf", NULL);
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "print('|'.join(wb.sheetnames))\n"
    "ws = wb['Closed cases by cause']\n"
    "print(ws['A5'].value, type(ws['B5'].value).__name__, ws['B5'].value, ws['C5'].value)\n",
    xlsx, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *file_uri = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  fill (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints", "--from", "01/12/2026",
                            "--to", "31/12/2026", "--xlsx", xlsx, "--pdf", pdf, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Closed cases by cause\nPeriod: 01/12/2026 – 31/12/2026\n"));
  g_assert_nonnull (strstr (f->out, "Cobro indebido" "             2" "                    3.0" "             4.0\n"));
  g_assert_nonnull (strstr (f->out, "\nSLA compliance\n"));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "Closed cases by cause|Closed cases by responsible are|Cases by type|Cases by responsible|"
                   "Time to close by month|Open cases by age|SLA compliance\n"
                   "Cobro indebido int 2 3\n");

  file_uri = g_filename_to_uri (pdf, NULL, NULL);
  doc = poppler_document_new_from_file (file_uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 7);
}

static void
test_one_report_and_tramites (CliFixture    *f,
                              gconstpointer  data)
{
  fill (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints-by-cause", "--from", "01/12/2026",
                            "--to", "31/12/2026", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Cobro indebido"));
  g_assert_null (strstr (f->out, "SLA compliance"));
  /* The trámites' two reports run through the same hub (no period: no "Period:" line). */
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "tramites", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Early payoffs by step\nStep  Early payoffs  Average days in the step\n"));
  g_assert_nonnull (strstr (f->out, "\nEarly payoffs paid by month\n"));
}

static void
test_bad_input (CliFixture    *f,
                gconstpointer  data)
{
  fill (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "frobnicator", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: “frobnicator” is neither a report nor a module "
                                   "with reports. The reports are:\n  tramites: tramites-by-step "
                                   "tramites-paid-by-month\n  complaints: complaints-by-cause "));
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints", "--from", "01/12/2026", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: Give both --from and --to, or neither for this month.\n"));
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints", "--from", "31/12/2026",
                            "--to", "01/12/2026", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: --to is before --from: the period’s last day comes after its first.\n"));
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints", "--from", "32/12/2026",
                            "--to", "31/12/2026", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: --from needs a date written dd/mm/yyyy: "));
  g_assert_cmpint (cli_run (f, "--db", f->db, "report", "complaints", "--from", "01/12/2026",
                            "--to", "31/12/2026", "--xlsx", "/nonexistent-folder/x.xlsx", NULL), !=, 0);
  g_assert_nonnull (strstr (f->err, "Choose a folder where you can write."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/Q11/report-module-workbook-and-pdf", CliFixture, NULL, cli_fixture_setup,
              test_module_workbook, cli_fixture_teardown);
  g_test_add ("/cli/Q11/report-one-by-id-and-tramites", CliFixture, NULL, cli_fixture_setup,
              test_one_report_and_tramites, cli_fixture_teardown);
  g_test_add ("/cli/Q11/report-bad-input", CliFixture, NULL, cli_fixture_setup,
              test_bad_input, cli_fixture_teardown);
  return g_test_run ();
}
