/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark: the demo generator against the sqlite3 command-line tool (Debian package
 * sqlite3). gest_demo_fill() makes N customers, vehicles and plans (default N = 1,000,000;
 * env GESTIONA_BENCH_SCALE overrides); the same rows are exported to CSV and imported with
 * `.import` into a fresh database with the same schema (triggers and search index included).
 * Prints demo time ÷ import time; the goal is ≤ 2.
 *
 * Only the core demo runs (no module fillers are registered), so both sides write exactly
 * the same rows. */
#include "config.h"

#include <locale.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "gest-demo.h"
#include "gest-store.h"
#include "gest-test-util.h"

#define GOAL 2.0

static const char * const tables[] = { "customers", "vehicles", "plans" };

static guint
bench_scale (void)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 scale = 1000000;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &scale, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 1 up", env);
  return (guint) scale;
}

/* Runs `sqlite3 DB` with @script on its standard input; returns the wall time in seconds. */
static double
run_sqlite3 (const char *sqlite3_path,
             const char *tmpdir,
             const char *db,
             const char *script)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script_path = g_build_filename (tmpdir, "script.sql", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  int status = 0;
  gint64 start;

  g_file_set_contents (script_path, script, -1, &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("exec '%s' -bail '%s' < '%s'", sqlite3_path, db, script_path);
  argv[2] = command;

  start = g_get_monotonic_time ();
  g_spawn_sync (tmpdir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || err[0] != '\0')
    g_error ("sqlite3 failed (status %d): %s%s", status, out, err);
  return (g_get_monotonic_time () - start) / 1e6;
}

static gint64
count (const char *db_path,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) export = g_string_new (".mode csv\n.headers on\n");
  g_autoptr(GString) import = g_string_new ("PRAGMA foreign_keys = ON;\nBEGIN;\n");
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *demo_db = NULL;
  g_autofree char *import_db = NULL;
  char *tmpdir;
  guint scale = bench_scale ();
  double demo_s, import_s;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  if (sqlite3_path == NULL)
    g_error ("the sqlite3 program is missing: install the Debian package sqlite3");

  tmpdir = gest_test_tmpdir_new ();
  demo_db = g_build_filename (tmpdir, "demo.db", NULL);
  import_db = g_build_filename (tmpdir, "import.db", NULL);

  /* Both databases get the schema from the store; only the rows are timed. */
  {
    g_autoptr(GestStore) store = gest_store_open (import_db, &error);

    g_assert_no_error (error);
  }
  {
    g_autoptr(GestStore) store = gest_store_open (demo_db, &error);

    g_assert_no_error (error);
    g_print ("# gest_demo_fill, scale %u…\n", scale);
    start = g_get_monotonic_time ();
    g_assert_true (gest_demo_fill (store, scale, 1, NULL, &error));
    g_assert_no_error (error);
    demo_s = (g_get_monotonic_time () - start) / 1e6;
  }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      /* rowid order, so the import inserts in the same order the demo did. */
      g_string_append_printf (export, ".once %s.csv\nSELECT * FROM %s ORDER BY rowid;\n",
                              tables[i], tables[i]);
      g_string_append_printf (import, ".import --csv --skip 1 %s.csv %s\n", tables[i], tables[i]);
    }
  g_string_append (import, "COMMIT;\n");

  g_print ("# exporting CSV…\n");
  run_sqlite3 (sqlite3_path, tmpdir, demo_db, export->str);
  g_print ("# sqlite3 .import…\n");
  import_s = run_sqlite3 (sqlite3_path, tmpdir, import_db, import->str);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 demo_n = count (demo_db, tables[i]);
      gint64 import_n = count (import_db, tables[i]);

      g_print ("# %s: %" G_GINT64_FORMAT " rows\n", tables[i], demo_n);
      g_assert_cmpint (demo_n, >, 0);
      g_assert_cmpint (import_n, ==, demo_n);
    }
  g_assert_cmpint (count (demo_db, "search_index"), ==, count (import_db, "search_index"));

  g_print ("demo: scale %u in %.2f s; sqlite3 .import of the same rows in %.2f s\n",
           scale, demo_s, import_s);
  g_print ("demo/import ratio = %.2f; goal <= %.0f (%s)\n", demo_s / import_s, GOAL,
           demo_s / import_s <= GOAL ? "meets the goal" : "MISSES the goal");

  gest_test_tmpdir_free (tmpdir);
  return 0;
}
