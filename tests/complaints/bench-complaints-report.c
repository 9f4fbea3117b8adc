/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (issue 13, Q11): the complaints reports over 1,000,000 cases received over one
 * year (env GESTIONA_BENCH_SCALE overrides the number), each run through the reports hub
 * (gest_report_run(): its own read-only connection, the rows into a typed table), against
 * the same queries run by the sqlite3 command-line tool (Debian package sqlite3) on the same
 * file, with the parameters written in (GESTIONA_BENCH_DB=FILE: a database an earlier run
 * filled, kept by GESTIONA_BENCH_KEEP=1). Goals: each report <= 0.25 s to the table, and the
 * hub ÷ sqlite3 <= 1.5. Prints the times and ratios; exits 0 whatever they are. */
#include "config.h"

#include <sqlite3.h>

#include "gest-complaints-reports.h"
#include "gest-report.h"
#include "gest-store.h"
#include "gest-test-util.h"

#define RUNS 3

static guint
bench_scale (void)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 n = 1000000;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT32, &n, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 1 up", env);
  return (guint) n;
}

static void
check (int         rc,
       sqlite3    *db,
       const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

/* N cases received uniformly over 2026; 60 % closed 0 to 40 days later with one of 12 causes
 * and 8 areas; 20 responsibles; about 15 % with an SLA breach event. */
static void
fill (const char *path,
      guint       n,
      gint64      year_start,
      gint64      year_end)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL, *event = NULL;

  check (sqlite3_open (path, &db), db, "open");
  check (sqlite3_exec (db, "PRAGMA synchronous = OFF; BEGIN;"
                       "INSERT INTO customers (uuid, name) VALUES ('cust', 'Cliente');", NULL, NULL, NULL), db, "begin");
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO users (uuid, name, role, login) VALUES"
                                              " ('u%02u', 'Analista %02u', 'cs-analyst', 'a%02u')", i, i, i);
      check (sqlite3_exec (db, sql, NULL, NULL, NULL), db, "user");
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO complaint_catalog (uuid, kind, label) VALUES"
                                              " ('k%02u', '%s', 'Catálogo %02u')", i, i < 12 ? "cause" : "area", i);
      check (sqlite3_exec (db, sql, NULL, NULL, NULL), db, "catalog");
    }
  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid,"
                             " complainant_name, summary, responsible_uuid, created_at, closed_at, cause_uuid,"
                             " area_uuid, first_response_at, sla_state)"
                             " VALUES (?1, ?2, ?3, 'phone', ?4, ?5, 'cust', 'Cliente', 'Resumen', ?6, ?5, ?7, ?8, ?9,"
                             " ?10, ?11)", -1, &insert, NULL), db, "prepare");
  check (sqlite3_prepare_v2 (db, "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &event, NULL), db, "prepare event");
  for (guint i = 0; i < n; i++)
    {
      char uuid[32], folio[32], user[8], cause[8], area[8];
      gint64 created = (gint64) g_rand_int_range (rand, 0, (gint32) ((year_end - year_start) / G_USEC_PER_SEC))
                       * G_USEC_PER_SEC + year_start;
      gboolean closed = g_rand_int_range (rand, 0, 100) < 60;
      int breach = g_rand_int_range (rand, 0, 100);

      g_snprintf (uuid, sizeof uuid, "case-%08u", i);
      g_snprintf (folio, sizeof folio, "QJA-2026-%08u", i);
      g_snprintf (user, sizeof user, "u%02d", g_rand_int_range (rand, 0, 20));
      g_snprintf (cause, sizeof cause, "k%02d", g_rand_int_range (rand, 0, 12));
      g_snprintf (area, sizeof area, "k%02d", g_rand_int_range (rand, 12, 20));
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, folio, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, g_rand_boolean (rand) ? "complaint" : "claim", -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 4, closed ? 6 : g_rand_int_range (rand, 0, 5));
      sqlite3_bind_int64 (insert, 5, created);
      sqlite3_bind_text (insert, 6, user, -1, SQLITE_TRANSIENT);
      if (closed)
        {
          sqlite3_bind_int64 (insert, 7, created + (gint64) g_rand_int_range (rand, 3600, 40 * 86400) * G_USEC_PER_SEC);
          sqlite3_bind_text (insert, 8, cause, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 9, area, -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_null (insert, 7);
          sqlite3_bind_null (insert, 8);
          sqlite3_bind_null (insert, 9);
        }
      if (closed || g_rand_boolean (rand))
        sqlite3_bind_int64 (insert, 10, created + (gint64) 3600 * G_USEC_PER_SEC);
      else
        sqlite3_bind_null (insert, 10);
      sqlite3_bind_int (insert, 11, breach < 15 ? 2 : 0);
      check (sqlite3_step (insert), db, "insert");
      sqlite3_reset (insert);
      if (breach < 15)
        {
          char event_uuid[40];

          g_snprintf (event_uuid, sizeof event_uuid, "ev-%08u", i);
          sqlite3_bind_text (event, 1, event_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (event, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (event, 3, breach < 5 ? "response-missed" : "resolution-missed", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (event, 4, created);
          check (sqlite3_step (event), db, "event");
          sqlite3_reset (event);
        }
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (event);
  check (sqlite3_exec (db, "COMMIT; ANALYZE;", NULL, NULL, NULL), db, "commit");
  sqlite3_close (db);
}

static char *
replace (const char *text,
         const char *what,
         gint64      value)
{
  g_auto(GStrv) parts = g_strsplit (text, what, -1);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return g_strjoinv (number, parts);
}

/* The report's SQL with its parameters written in, as the sqlite3 tool runs it. */
static char *
literal_sql (const char             *sql,
             const GestReportPeriod *period,
             gint64                  utc_offset)
{
  g_autofree char *a = replace (sql, ":utc_offset", utc_offset);
  g_autofree char *b = replace (a, ":from", period->from);
  g_autofree char *c = replace (b, ":now", period->now);

  return replace (c, ":to", period->to);
}

static double
run_sqlite3 (const char *sqlite3_path,
             const char *db,
             const char *script_path)
{
  g_autofree char *command = g_strdup_printf ("exec '%s' -bail '%s' < '%s' > /dev/null", sqlite3_path, db,
                                              script_path);
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (status != 0)
    g_error ("sqlite3 failed (status %d): %s", status, err);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  GestDomainModule *complaints;
  const GestReportInfo *reports;
  GestReportPeriod period;
  GDate first, last;
  guint n = bench_scale (), n_reports = 0;
  double hub_total = 0, cli_total = 0, worst = 0;
  gint64 start, utc_offset;

  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  if (sqlite3_path == NULL)
    {
      g_print ("# the sqlite3 program is missing (Debian package sqlite3): nothing measured\n");
      return 0;
    }

  /* GESTIONA_BENCH_DB: a database an earlier run made (the fill takes minutes on a busy
   * machine); it is brought up to date and used as it is. */
  if (g_getenv ("GESTIONA_BENCH_DB") != NULL)
    {
      g_free (path);
      path = g_strdup (g_getenv ("GESTIONA_BENCH_DB"));
    }
  {
    GestStore *store = gest_store_open (path, &error);

    g_assert_no_error (error);
    g_object_unref (store);
  }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 1, 2026);
  g_date_set_dmy (&last, 31, 12, 2026);
  gest_report_period_from_days (&period, &first, &last, 0);
  period.now = period.to + (gint64) 86400 * G_USEC_PER_SEC;   /* run after the year ended */
  utc_offset = -6 * 3600;   /* America/Mexico_City, TZ of the tests */

  if (g_getenv ("GESTIONA_BENCH_DB") == NULL)
    {
      start = g_get_monotonic_time ();
      fill (path, n, period.from, period.to);
      g_print ("# %u cases over 2026 written in %.1f s\n", n, (g_get_monotonic_time () - start) / 1e6);
    }
  else
    g_print ("# the cases of %s\n", path);

  complaints = gest_domain_modules_find ("complaints");
  reports = gest_domain_module_get_reports (complaints, &n_reports);
  for (guint r = 0; r < n_reports; r++)
    {
      g_autofree char *sql = literal_sql (reports[r].sql, &period, utc_offset);
      g_autofree char *script_path = g_build_filename (dir, "report.sql", NULL);
      g_autofree char *script = g_strconcat (sql, ";\n", NULL);
      double hub = G_MAXDOUBLE, cli = G_MAXDOUBLE;

      g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
      /* Best of RUNS each, alternating, both with a warm page cache. */
      for (guint i = 0; i < RUNS; i++)
        {
          g_autoptr(GestReportTable) table = NULL;

          start = g_get_monotonic_time ();
          table = gest_report_run (path, &reports[r], &period, NULL, &error);
          g_assert_no_error (error);
          hub = MIN (hub, (g_get_monotonic_time () - start) / 1e6);
          g_assert_cmpuint (gest_report_table_get_n_rows (table), >, 0);
          cli = MIN (cli, run_sqlite3 (sqlite3_path, path, script_path));
        }
      hub_total += hub;
      cli_total += cli;
      worst = MAX (worst, hub);
      g_print ("# %-26s hub %.3f s (goal <= 0.25)  sqlite3 %.3f s  ratio %.2f (goal <= 1.5)\n",
               reports[r].id, hub, cli, hub / cli);
    }
  g_print ("# all %u complaints reports: hub %.3f s, sqlite3 %.3f s, ratio %.2f (goal <= 1.5); slowest report %.3f s (goal <= 0.25)\n",
           n_reports, hub_total, cli_total, hub_total / cli_total, worst);
  if (g_getenv ("GESTIONA_BENCH_KEEP") != NULL)
    g_print ("# kept %s\n", path);
  else
    gest_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
