/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13.8: `gestiona-cli queja new|move|show|list`, signed in with --user: the same rules
 * and permissions as the pages (Q5, Q6), the exit statuses, the Q7 filter; and the demo's
 * cases (issue 13.9): every stage, closed ones with cause, error and area, some without an
 * entry today, some SLA breaches, a log that verifies. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-complaint.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gest_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
                                  "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, overdue, life_insurance, as_of)"
                                  " VALUES ('plan-1', 'PL-1048', 'cust-1', 750000, 10488000, 0, 0, '2026-11-30');",
                                  &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_setenv ("GESTIONA_PASSWORD", GEST_TEST_PASSWORD, TRUE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->db_path);
  gest_test_tmpdir_free (f->dir);
}

static int
run (Fixture             *f,
     const char          *login,
     const char * const  *words,
     char               **out,
     char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db_path);
  if (login != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--user");
      g_ptr_array_add (args, (gpointer) login);
    }
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) words[i]);
  g_ptr_array_add (args, NULL);
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  return gest_test_run_cli ((const char * const *) args->pdata, out, err);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *expected = NULL;
  GDate today;

  /* Q5: the summary is required, and a role without the permission is refused. */
  g_assert_cmpint (run (f, "test.cs-analyst",
                        (const char *[]) { "queja", "new", "--plan", "PL-1048", "--complainant", "María Pérez López", NULL },
                        &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "gestiona-cli: Write a summary of what the customer says.\n");
  g_assert_cmpint (run (f, "test.service-advisor",
                        (const char *[]) { "queja", "new", "--plan", "PL-1048", "--complainant", "María",
                                           "--summary", "Cobro doble", "--responsible", "test.cs-analyst", NULL },
                        &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "gestiona-cli: Test service-advisor (Service advisor) cannot register complaints and claims"));

  g_assert_cmpint (run (f, "test.cs-analyst",
                        (const char *[]) { "queja", "new", "--plan", "PL-1048", "--complainant", "María Pérez López",
                                           "--role", "Titular", "--summary", "Le cobraron dos veces.", NULL },
                        &out, &err), ==, 0);
  gest_date_today (&today);
  folio = g_strdup_printf ("QJA-%d-000001", g_date_get_year (&today));
  expected = g_strdup_printf ("Folio: %s\n", folio);
  g_assert_cmpstr (out, ==, expected);

  /* Q6: not to monitoring before the assignment and the "in process" message. */
  g_assert_cmpint (run (f, "test.cs-analyst", (const char *[]) { "queja", "move", folio, "monitoring", NULL },
                        &out, &err), ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("gestiona-cli: Case %s cannot move to “Monitoring” yet: it needs the assignment with the "
                              "document status and the “in process” message sent to the customer.\n", folio);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpint (run (f, "test.cs-analyst", (const char *[]) { "queja", "move", folio, "limbo", NULL },
                        &out, &err), ==, 2);

  g_assert_cmpint (run (f, NULL, (const char *[]) { "queja", "show", folio, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Stage: Received\n"));
  g_assert_nonnull (strstr (out, "Complainant: María Pérez López\n"));
  g_assert_nonnull (strstr (out, "Responsible: Test cs-analyst\n"));

  g_assert_cmpint (run (f, NULL, (const char *[]) { "queja", "list", "--count", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "received\tReceived\t1\nassigned\tAssigned\t0\n"));
  /* Registered today: it has today's entry. */
  g_assert_cmpint (run (f, NULL, (const char *[]) { "queja", "list", "--no-entry-today", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GestStore) store = NULL;

  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", path, "demo", "--scale", "300", NULL }, &out, &err), ==, 0);
  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints"), ==, 300);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(DISTINCT stage) FROM complaints"), ==, GEST_N_COMPLAINT_STAGES);
  /* Q10: every closed case has its cause, error and area. */
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE stage = 6"), >, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE stage = 6 AND"
                                               " (cause_uuid IS NULL OR error_uuid IS NULL OR area_uuid IS NULL"
                                               "  OR acceptance_call_at IS NULL)"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaint_catalog WHERE kind = 'cause'"), >=, 3);
  /* Q7: some open cases without an entry today; SLA breaches, with their events. */
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE stage < 6"
                                               " AND last_log_day < strftime ('%Y-%m-%d', 'now', '-6 hours')"), >, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE sla_state = 2"), >, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaint_sla_events"), >, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaint_tasks"), >, 0);
  /* Monitoring needs the message; answered the approval (the demo obeys the rules). */
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE stage >= 2 AND in_process_sent_at IS NULL"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE stage >= 4 AND solution_approved_at IS NULL"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (gest_test_run_cli ((const char *[]) { "--db", path, "verify-log", NULL }, &out, &err), ==, 0);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  g_test_add ("/complaints/Q5-Q7/cli-queja", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add_func ("/complaints/Q7-Q10/demo-cases", test_demo);
  return g_test_run ();
}
