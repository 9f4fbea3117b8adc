/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Startup benchmark (#11.7): Gestiona opening a database of `gestiona-cli demo --scale
 * 1000000`, from the moment it is started (just before fork/exec) to the end of its first
 * painted frame in which the board shows its cards, against a bare AdwApplicationWindow
 * process (bench-startup-bare) started the same way, to its first painted frame. Goal: the
 * ratio of the medians ≤ 1.5.
 *
 * Gestiona runs with GESTIONA_BENCH_FIRST_FRAME=1: its board prints
 * "first-frame monotonic=<µs>" after the first frame painted with cards in every column on
 * screen, and the application quits (src/widgets/gest-board.c). Both clocks are
 * CLOCK_MONOTONIC (g_get_monotonic_time), shared by every process of the machine.
 *
 * The database is made once with the real CLI and kept in the build folder, named after the
 * schema version and the scale (tests/bench-startup-s<schema>-<scale>/): making it takes
 * minutes at 1,000,000.
 * A warm-up run of each program first (libraries and the database in the page cache, fonts),
 * then RUNS interleaved runs of each; medians compared.
 *
 *   bench-startup GESTIONA BARE      (GESTIONA_CLI names gestiona-cli; meson test --benchmark)
 *   GESTIONA_BENCH_SCALE=N           another scale (default 1,000,000)
 *   GESTIONA_BENCH_STARTUP_RUNS=N    another number of runs (default 11)
 *
 * Run it under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). It reports: it
 * exits 0 whatever the ratio, and fails only when a program does not show its first frame. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "gest-store.h"
#include "gest-test-util.h"

#define SCALE     1000000
#define RUNS      11
#define GOAL      1.5
#define TIMEOUT_S 60

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *env = g_getenv (name);
  guint64 value = fallback;

  if (env != NULL && *env != '\0' && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &value, NULL))
    g_error ("%s=%s is not a number from 1 up", name, env);
  return (guint) value;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *samples,
           guint   n)
{
  qsort (samples, n, sizeof samples[0], compare_gint64);
  return (n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2) / 1000.0;
}

/* Removes @path, a folder of files (a database and its documents' folder) or a file. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* The demo database of @scale customers made by the CLI, cached in the build folder while
 * the schema stays the same: <build>/tests/bench-startup-s<schema>-<scale>/gestiona.db (with
 * its documents in gestiona.db.files). It is made in a ".part" folder renamed when complete,
 * so a fill cut short is never taken for a database. */
static char *
ensure_database (guint scale)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *name = g_strdup_printf ("bench-startup-s%d-%u", gest_store_latest_schema_version (), scale);
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", name, NULL);
  g_autofree char *part = g_strconcat (dir, ".part", NULL);
  g_autofree char *path = g_build_filename (dir, "gestiona.db", NULL);
  g_autofree char *part_path = g_build_filename (part, "gestiona.db", NULL);
  g_autofree char *scale_s = g_strdup_printf ("%u", scale);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--db", part_path, "demo", "--scale", scale_s, NULL };
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GestStore) store = gest_store_open_existing (path, &error);

      if (store != NULL && gest_store_get_schema_version (store) == gest_store_latest_schema_version ())
        return g_steal_pointer (&path);
      g_printerr ("%s is not usable (%s): making it again\n", path,
                  error != NULL ? error->message : "another schema");
      g_clear_object (&store);
      remove_tree (dir);
    }

  remove_tree (part);
  printf ("making the demo database (gestiona-cli demo --scale %u) in %s...\n", scale, path);
  fflush (stdout);
  start = g_get_monotonic_time ();
  if (gest_test_run_cli (argv, &out, &err) != 0)
    g_error ("gestiona-cli demo failed: %s%s", out, err);
  /* Issue 12: the demonstration users are deactivated, so the window opens on the board (a
   * database without users who can sign in is being set up) and not on the sign-in page:
   * this measures the board's start, not a person typing a password. */
  {
    g_autoptr(GestStore) store = gest_store_open_existing (part_path, &error);

    if (store == NULL || !gest_store_exec (store, "UPDATE users SET active = 0", &error))
      g_error ("Cannot deactivate the demonstration users: %s", error->message);
  }
  if (g_rename (part, dir) != 0)
    g_error ("Cannot rename %s: %s", part, g_strerror (errno));
  printf ("made in %.1f s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return g_steal_pointer (&path);
}

/* Starts @argv with GESTIONA_BENCH_FIRST_FRAME=1 and returns the µs from just before
 * fork/exec to the first frame it reports; fails when it reports none. */
static gint64
time_process (const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  gint64 start, painted = -1;
  gsize length;

  g_subprocess_launcher_setenv (launcher, "GESTIONA_BENCH_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Cannot start %s: %s", argv[0], error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, &length, NULL, &error)) != NULL)
    {
      const char *value = strstr (line, "first-frame monotonic=");

      if (value != NULL && painted < 0)
        painted = g_ascii_strtoll (value + strlen ("first-frame monotonic="), NULL, 10);
      else
        printf ("  %s: %s\n", argv[0], line);
      g_clear_pointer (&line, g_free);
    }
  if (!g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  if (painted <= start)
    g_error ("%s reported no first frame", argv[0]);
  return painted - start;
}

int
main (int   argc,
      char *argv[])
{
  guint scale = env_uint ("GESTIONA_BENCH_SCALE", SCALE);
  guint runs = env_uint ("GESTIONA_BENCH_STARTUP_RUNS", RUNS);
  g_autofree gint64 *app_runs = NULL;
  g_autofree gint64 *bare_runs = NULL;
  g_autofree char *db = NULL;
  double app_ms, bare_ms, ratio;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      g_printerr ("usage: bench-startup GESTIONA BARE\n");
      return 2;
    }
  db = ensure_database (scale);

  {
    const char *app_argv[] = { argv[1], "--db", db, NULL };
    const char *bare_argv[] = { argv[2], NULL };

    app_runs = g_new (gint64, runs);
    bare_runs = g_new (gint64, runs);
    /* Warm-up: the page cache, the font and icon caches. */
    time_process (bare_argv);
    time_process (app_argv);
    for (guint i = 0; i < runs; i++)
      {
        bare_runs[i] = time_process (bare_argv);
        app_runs[i] = time_process (app_argv);
      }
  }

  bare_ms = median_ms (bare_runs, runs);
  app_ms = median_ms (app_runs, runs);
  ratio = app_ms / bare_ms;
  printf ("startup: gestiona --db (demo --scale %u), %u interleaved runs, GSK_RENDERER=%s\n",
          scale, runs, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");
  printf ("process start to first frame, gestiona with board cards: median %.1f ms (min %.1f, max %.1f)\n",
          app_ms, app_runs[0] / 1000.0, app_runs[runs - 1] / 1000.0);
  printf ("process start to first frame, bare AdwApplicationWindow: median %.1f ms (min %.1f, max %.1f)\n",
          bare_ms, bare_runs[0] / 1000.0, bare_runs[runs - 1] / 1000.0);
  printf ("startup ratio %.3f (goal <= %.1f: %s)\n", ratio, GOAL, ratio <= GOAL ? "met" : "NOT met");
  return 0;
}
