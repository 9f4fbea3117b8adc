/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (issue 12, "Done when"): an import of N plan rows from CSV (default 1,000,000;
 * GESTIONA_BENCH_SCALE overrides), validation included, against the sqlite3 command-line
 * tool's `.import` of the same file:
 *   - into the same schema: a Gestiona database (its keys, indexes and triggers: search index,
 *     sync outbox), through a view whose INSTEAD OF trigger writes each row's customer and
 *     plan, converting the amounts and dates in SQL, goal ≤ 1.0;
 *   - into a bare table with no index, key or trigger (the floor: parsing and writing), goal ≤ 3;
 * the peak memory of the import (VmHWM of a child process doing only the import) ≤ 64 MB and
 * independent of the file's size (N/10 rows against N); the main loop's longest stall while
 * the import runs in its thread ≤ 50 ms. The CSV files are generated once and cached in
 * $XDG_CACHE_HOME/gestiona-bench. Exits 1 when a goal is missed. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "gest-import.h"
#include "gest-rfc.h"
#include "gest-store.h"
#include "gest-test-util.h"

#define GOAL_SAME_SCHEMA 1.0
#define GOAL_BARE        3.0
#define GOAL_MEMORY_MB   64.0
#define GOAL_STALL_MS    50.0

static guint
bench_scale (void)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 scale = 1000000;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 10, G_MAXUINT, &scale, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 10 up", env);
  return (guint) scale;
}

/* A valid RFC of a persona física, different for every @i below 26^4 * 36500. */
static void
make_rfc (guint i,
          char  out[14])
{
  guint letters = i % (26 * 26 * 26 * 26);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1940);
  g_date_add_days (&date, i / (26 * 26 * 26 * 26) * 7 + (i % 7));
  out[0] = (char) ('A' + letters / (26 * 26 * 26) % 26);
  /* The second letter of an RFC is a vowel in SAT's rules; any letter passes the check. */
  out[1] = (char) ('A' + letters / (26 * 26) % 26);
  out[2] = (char) ('A' + letters / 26 % 26);
  out[3] = (char) ('A' + letters % 26);
  g_snprintf (out + 4, 10, "%02d%02d%02d%c%c0", g_date_get_year (&date) % 100,
              g_date_get_month (&date), g_date_get_day (&date),
              "ABCDEFGHJKLMNPRSTUVWXYZ123456789"[i % 32], "ABCDEFGHJKLMNPRSTUVWXYZ123456789"[(i / 32) % 32]);
  out[12] = gest_rfc_check_digit (out);
  out[13] = '\0';
}

static const char *first_names[] = { "José", "María", "Juan", "Guadalupe", "Francisco", "Ana",
                                     "Luis", "Sofía", "Carlos", "Lucía", "Jesús", "Fernanda" };
static const char *last_names[] = { "Hernández", "García", "Martínez", "López", "González",
                                    "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Núñez" };

static char *
cached_csv (guint n)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "gestiona-bench", NULL);
  g_autofree char *name = g_strdup_printf ("plans-%u.csv", n);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  FILE *f;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_mkdir_with_parents (dir, 0700);
  g_print ("# generating %s…\n", path);
  f = fopen (tmp, "w");
  g_assert_nonnull (f);
  fputs ("No. de plan;Nombre;RFC;Mensualidad;Saldo;Vencido;Seguro de vida;Fecha de corte\r\n", f);
  for (guint i = 0; i < n; i++)
    {
      char rfc[14];
      guint64 balance = 1000000 + (guint64) (i * 7919u % 40000000u);

      make_rfc (i, rfc);
      fprintf (f, "CNT-%08u;%s %s %s;%s;$%u,%03u.%02u;$%" G_GUINT64_FORMAT ",%03" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT
                  ";$%u.00;$%u.50;%02u/%02u/2026\r\n",
               i + 1, first_names[i % G_N_ELEMENTS (first_names)],
               last_names[(i / 12) % G_N_ELEMENTS (last_names)], last_names[(i / 7) % G_N_ELEMENTS (last_names)],
               rfc, 1 + i % 9, i % 1000, i % 100,
               balance / 100000, (balance / 100) % 1000, balance % 100,
               i % 3 == 0 ? 0 : 1000 + i % 5000, 100 + i % 300, 1 + i % 28, 1 + i % 12);
    }
  g_assert_cmpint (fclose (f), ==, 0);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  return path;
}

/* CPU seconds (user + system) of the children waited for so far: on a machine other jobs
 * share, the wall time of each side also measures its neighbours; CPU time does not. */
static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double last_cpu;

static double
run_sqlite3 (const char *tmpdir,
             const char *db,
             const char *script)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *script_path = g_build_filename (tmpdir, "script.sql", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  int status = 0;
  gint64 start;

  if (sqlite3_path == NULL)
    g_error ("the sqlite3 program is missing: install the Debian package sqlite3");
  g_file_set_contents (script_path, script, -1, &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("exec '%s' -bail '%s' < '%s'", sqlite3_path, db, script_path);
  argv[2] = command;
  start = g_get_monotonic_time ();
  last_cpu = children_cpu ();
  g_spawn_sync (tmpdir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  last_cpu = children_cpu () - last_cpu;
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || err[0] != '\0')
    g_error ("sqlite3 failed (status %d): %s%s", status, out, err);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The naive import into the same schema: each row through an INSTEAD OF trigger that writes
 * its customer and its plan (random keys, as the tables' other writers make them). */
static const char same_schema_script[] =
  "CREATE TEMP VIEW conauto (number, name, rfc, installment, balance, overdue, life, as_of) AS "
  "  SELECT '', '', '', '', '', '', '', '' WHERE 0;\n"
  "CREATE TEMP TRIGGER conauto_insert INSTEAD OF INSERT ON conauto BEGIN\n"
  "  INSERT INTO customers (uuid, kind, name, rfc, updated_at)\n"
  "  VALUES (lower (hex (randomblob (16))), CASE length (new.rfc) WHEN 12 THEN 'moral' ELSE 'fisica' END,\n"
  "          new.name, new.rfc, 1);\n"
  "  INSERT INTO plans (uuid, number, customer_uuid, installment, balance, overdue, life_insurance, as_of, updated_at)\n"
  "  VALUES (lower (hex (randomblob (16))), new.number, (SELECT uuid FROM customers WHERE rowid = last_insert_rowid ()),\n"
  "          CAST (round (CAST (replace (replace (new.installment, '$', ''), ',', '') AS REAL) * 100) AS INTEGER),\n"
  "          CAST (round (CAST (replace (replace (new.balance, '$', ''), ',', '') AS REAL) * 100) AS INTEGER),\n"
  "          CAST (round (CAST (replace (replace (new.overdue, '$', ''), ',', '') AS REAL) * 100) AS INTEGER),\n"
  "          CAST (round (CAST (replace (replace (new.life, '$', ''), ',', '') AS REAL) * 100) AS INTEGER),\n"
  "          substr (new.as_of, 7, 4) || '-' || substr (new.as_of, 4, 2) || '-' || substr (new.as_of, 1, 2), 1);\n"
  "END;\n"
  "PRAGMA foreign_keys = ON;\n"
  ".mode csv\n.separator ;\n"
  "BEGIN;\n.import --skip 1 '%s' conauto\nCOMMIT;\n";

static const char bare_script[] =
  ".mode csv\n.separator ;\nBEGIN;\n.import '%s' bare\nCOMMIT;\n";

static gint64
count_rows (const char *db_path,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (db_path, &error);

  g_assert_no_error (error);
  return gest_test_query_int (store, sql);
}

static gboolean
tick_cb (gpointer user_data)
{
  gint64 *last = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - last[0] > last[1])
    {
      last[1] = now - last[0];
      last[2] = now;
    }
  last[0] = now;
  return G_SOURCE_CONTINUE;
}

static guint progress_reports;

static void
progress_cb (guint    rows,
             goffset  position,
             goffset  size,
             gpointer user_data)
{
  progress_reports++;
}

static long
vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* The child: imports @csv into @db in a thread (gest_import_file_async), the main loop ticking
 * every 5 ms meanwhile; prints seconds, VmHWM and the longest gap between ticks. */
static int
child_main (const char *db,
            const char *csv)
{
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestImportResult) result = NULL;
  gint64 ticks[3] = { 0, 0, 0 };
  gint64 start;
  guint source;

  {
    g_autoptr(GestStore) store = gest_store_open (db, &error);

    g_assert_no_error (error);
  }
  start = g_get_monotonic_time ();
  ticks[0] = start;
  source = g_timeout_add (5, tick_cb, ticks);
  gest_import_file_async (db, NULL, csv, GEST_IMPORT_PLANS, NULL, FALSE, progress_cb, NULL, NULL,
                          gest_test_result_cb, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  result = gest_import_file_finish (res, &error);
  g_assert_no_error (error);
  g_print ("%.3f %ld %.1f %u %u %u %.2f\n", (g_get_monotonic_time () - start) / 1e6, vm_hwm_kib (),
           ticks[1] / 1000.0, result->n_created, result->n_invalid, progress_reports,
           (ticks[2] - start) / 1e6);
  return 0;
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The control: the same ticking main loop for @seconds with no import running, so the stall
 * the machine itself causes (other jobs on its cores) is told apart from the import's. */
static int
idle_main (const char *seconds)
{
  gint64 ticks[3] = { g_get_monotonic_time (), 0, 0 };
  gboolean done = FALSE;
  guint source = g_timeout_add (5, tick_cb, ticks);

  g_timeout_add ((guint) (g_ascii_strtod (seconds, NULL) * 1000), quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_print ("%.1f\n", ticks[1] / 1000.0);
  return 0;
}

static double
run_idle (const char *self_path,
          double      seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char arg[32];
  const char *argv[] = { self_path, "--idle", arg, NULL };

  g_ascii_dtostr (arg, sizeof arg, seconds);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_ascii_strtod (out, NULL);
}

typedef struct
{
  double seconds;
  double cpu;
  double hwm_mb;
  double stall_ms;
  guint  created;
} ChildRun;

static ChildRun
run_child (const char *self_path,
           const char *db,
           const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self_path, "--child", db, csv, NULL };
  ChildRun run = { 0 };
  guint invalid = 0, reports = 0;
  long hwm = 0;
  int status = 0;

  run.cpu = children_cpu ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  run.cpu = children_cpu () - run.cpu;
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) ||
      sscanf (out, "%lf %ld %lf %u %u %u", &run.seconds, &hwm, &run.stall_ms, &run.created, &invalid, &reports) != 6)
    g_error ("the import child failed: %s", out);
  run.hwm_mb = hwm / 1024.0;
  g_assert_cmpuint (invalid, ==, 0);
  g_assert_cmpuint (reports, >, 0);
  return run;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *small_csv = NULL;
  g_autofree char *db = NULL;
  g_autofree char *small_db = NULL;
  g_autofree char *same_db = NULL;
  g_autofree char *bare_db = NULL;
  g_autofree char *script = NULL;
  g_autofree char *self_path = NULL;
  char *tmpdir;
  guint scale;
  ChildRun big, small;
  double same_s, bare_s, same_cpu, bare_cpu;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "--idle"))
    return idle_main (argv[2]);

  scale = bench_scale ();
  self_path = g_canonicalize_filename (argv[0], NULL);
  csv = cached_csv (scale);
  small_csv = cached_csv (scale / 10);
  tmpdir = gest_test_tmpdir_new ();
  db = g_build_filename (tmpdir, "import.db", NULL);
  small_db = g_build_filename (tmpdir, "small.db", NULL);
  same_db = g_build_filename (tmpdir, "same.db", NULL);
  bare_db = g_build_filename (tmpdir, "bare.db", NULL);

  /* Each number is printed as soon as it is measured: the naive import is by far the slowest. */
  g_print ("# gestiona import of %u rows…\n", scale);
  big = run_child (self_path, db, csv);
  g_assert_cmpuint (big.created, ==, scale);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM plans"), ==, scale);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM search_index"), ==, 2 * (gint64) scale);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sync_outbox"), ==, 2 * (gint64) scale + 1);
  g_print ("import: %u rows in %.2f s, %.2f s of CPU (validation, customers, plans, search index, "
           "sync outbox); peak memory %.1f MB; longest main loop stall %.1f ms\n",
           scale, big.seconds, big.cpu, big.hwm_mb, big.stall_ms);
  g_print ("# gestiona import of %u rows…\n", scale / 10);
  small = run_child (self_path, small_db, small_csv);
  g_print ("import: %u rows in %.2f s, %.2f s of CPU; peak memory %.1f MB; longest stall %.1f ms\n",
           scale / 10, small.seconds, small.cpu, small.hwm_mb, small.stall_ms);

  script = g_strdup_printf (bare_script, csv);
  g_print ("# sqlite3 .import into a bare table…\n");
  bare_s = run_sqlite3 (tmpdir, bare_db, script);
  bare_cpu = last_cpu;
  g_print ("sqlite3 .import into a bare table: %.2f s, %.2f s of CPU\n", bare_s, bare_cpu);
  g_print ("import/bare ratio = %.2f (CPU %.2f); goal <= %.1f (%s)\n", big.seconds / bare_s,
           big.cpu / bare_cpu, GOAL_BARE, big.seconds / bare_s <= GOAL_BARE ? "meets the goal" : "MISSES the goal");
  g_print ("peak memory (VmHWM): %.1f MB for %u rows, %.1f MB for %u rows; goal <= %.0f MB (%s)\n",
           big.hwm_mb, scale, small.hwm_mb, scale / 10, GOAL_MEMORY_MB,
           big.hwm_mb <= GOAL_MEMORY_MB ? "meets the goal" : "MISSES the goal");
  g_print ("main loop's longest stall while importing: %.1f ms; goal <= %.0f ms (%s)\n",
           MAX (big.stall_ms, small.stall_ms), GOAL_STALL_MS,
           MAX (big.stall_ms, small.stall_ms) <= GOAL_STALL_MS ? "meets the goal" : "MISSES the goal");
  g_print ("control: the same main loop with no import, for %.0f s: longest stall %.1f ms "
           "(what the machine's other jobs cause)\n", small.seconds, run_idle (self_path, small.seconds));

  /* The same schema: the store makes it; only the rows are timed. */
  count_rows (same_db, "SELECT 0");
  g_clear_pointer (&script, g_free);
  script = g_strdup_printf (same_schema_script, csv);
  g_print ("# sqlite3 .import into the same schema…\n");
  same_s = run_sqlite3 (tmpdir, same_db, script);
  same_cpu = last_cpu;
  g_assert_cmpint (count_rows (same_db, "SELECT count(*) FROM plans"), ==, scale);
  g_print ("sqlite3 .import into the same schema: %.2f s, %.2f s of CPU\n", same_s, same_cpu);
  g_print ("import/same-schema ratio = %.2f (CPU %.2f); goal <= %.1f (%s)\n", big.seconds / same_s,
           big.cpu / same_cpu, GOAL_SAME_SCHEMA,
           big.seconds / same_s <= GOAL_SAME_SCHEMA ? "meets the goal" : "MISSES the goal");

  ok = big.seconds / same_s <= GOAL_SAME_SCHEMA && big.seconds / bare_s <= GOAL_BARE &&
       big.hwm_mb <= GOAL_MEMORY_MB && MAX (big.stall_ms, small.stall_ms) <= GOAL_STALL_MS;
  gest_test_tmpdir_free (tmpdir);
  return ok ? 0 : 1;
}
