/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (#14): building the day's call queue, gest_contact_queue_today(), over 1,000,000
 * vehicles and 5,000,000 service visits (GESTIONA_BENCH_SCALE sets the vehicles; five visits
 * each), with 2 field-action campaigns of 20,000 vehicles (a tenth to contact), 2,000 follow-ups
 * and 10,000 targets already called, against the same SQL (gest_contact_queue_sql() with its
 * parameters written in) run by the sqlite3 command-line tool on the same file, its output
 * thrown away. Goals: the queue <= 0.5 s on the optimized build; queue ÷ sqlite3 <= 1.5. Best
 * of 5 each, alternating, warm cache. Prints both and the ratio; exits 0 whatever they are.
 * GESTIONA_BENCH_DB: a database an earlier run filled (the fill takes a minute or two). */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <time.h>

#include "gest-contact-queue-private.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

#define RUNS 5

static guint
bench_scale (void)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 scale = 1000000;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 100, G_MAXUINT, &scale, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 100 up", env);
  return (guint) scale;
}

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!gest_store_exec (store, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

/* The fill runs without triggers (a throwaway database): the derived vehicle_service_state is
 * then computed at once, as the triggers would have kept it, and the triggers come back. */
static void
fill (GestStore *store,
      guint      n)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'", NULL);
  g_autofree char *numbers = NULL;
  gint64 start = g_get_monotonic_time ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0));

      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (triggers, g_steal_pointer (&drop));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 1; i < triggers->len; i += 2)
    exec (store, g_ptr_array_index (triggers, i));
  exec (store, "PRAGMA synchronous = OFF; BEGIN");
  numbers = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)", n);
  {
    g_autofree char *sql = g_strdup_printf (
      "%s INSERT INTO customers (uuid, name, phone_mobile) SELECT printf ('c%%07d', i),"
      " 'Cliente ' || i, printf ('55%%08d', i) FROM n;"
      "%s INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) SELECT printf ('v%%07d', i),"
      " printf ('1FTFW1E5%%09d', i), 'Ranger', 2015 + i %% 10, CASE WHEN i %% 40 = 0 THEN NULL ELSE printf ('c%%07d', i) END FROM n;"
      /* Five visits a vehicle, about six months apart, the last one up to two years ago. */
      "%s INSERT INTO service_visits (uuid, vehicle_uuid, opened_on, closed_on, km, kind, source, created_at)"
      " SELECT printf ('s%%07d-%%d', i, j), printf ('v%%07d', i), d, CASE WHEN j = 4 AND i %% 50 = 0 THEN NULL ELSE d END,"
      " j * 7000, CASE WHEN j = 0 THEN 'delivery' WHEN (i + j) %% 7 = 0 THEN 'repair' ELSE 'maintenance' END, 'dms', 0"
      " FROM (SELECT i, j, date ('2026-12-07', '-' || ((i * 7919) %% 730 + (4 - j) * 182) || ' days') AS d"
      "  FROM n, (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4));"
      "INSERT INTO vehicle_service_state (vehicle_uuid, last_maintenance_on, last_maintenance_uuid, in_workshop,"
      " customer_uuid) SELECT m.vehicle_uuid, m.d, m.uuid, 0, v.customer_uuid"
      " FROM (SELECT vehicle_uuid, max (opened_on) AS d, uuid FROM service_visits"
      "  WHERE kind IN ('delivery', 'maintenance') GROUP BY vehicle_uuid) m"
      " JOIN vehicles v ON v.uuid = m.vehicle_uuid;"
      "UPDATE vehicle_service_state SET in_workshop = 1 WHERE vehicle_uuid IN"
      " (SELECT vehicle_uuid FROM service_visits WHERE closed_on IS NULL);"
      "INSERT INTO campaigns (uuid, code, kind, description, needs_parts, created_at) VALUES"
      " ('cmp-1', '24S12', 'safety-recall', 'Bolsa de aire', 1, 0), ('cmp-2', '23B05', 'satisfaction', 'Radio', 0, 0);"
      "%s INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, imported_at)"
      " SELECT printf ('cv%%07d', i), CASE WHEN i %% 2 THEN 'cmp-1' ELSE 'cmp-2' END, printf ('v%%07d', i * 25),"
      " CASE WHEN i %% 10 = 0 THEN 1 ELSE 0 END, 0, 0 FROM n WHERE i <= %u;"
      "%s INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on, parts_ready, created_at)"
      " SELECT printf ('f%%07d', i), printf ('c%%07d', i * 7 + 1), printf ('v%%07d', i * 7 + 1),"
      " CASE WHEN i %% 2 THEN 'parts' ELSE 'quote' END, 'Pendiente', date ('2026-12-07', '-' || (i %% 20) || ' days'),"
      " i %% 3 = 0, 0 FROM n WHERE i <= %u;",
      numbers, numbers, numbers, numbers, MIN (n / 25, 40000u), numbers, MIN (n / 8, 2000u));

    exec (store, sql);
  }
  /* Targets already called: the first lapsed ones of the month, some finished. */
  exec (store,
        "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid, vehicle_uuid, state, attempts,"
        " next_attempt_at, opened_at, updated_at)"
        " SELECT 't' || s.last_maintenance_uuid, 'retention.lapsed-maintenance', s.last_maintenance_uuid,"
        " v.customer_uuid, v.uuid, CASE abs (random ()) % 3 WHEN 0 THEN 'contacted' ELSE 'open' END,"
        " abs (random ()) % 5, 1796000000000000 + abs (random ()) % 200000000000, 0, 0"
        " FROM vehicle_service_state s JOIN vehicles v ON v.uuid = s.vehicle_uuid"
        " WHERE s.last_maintenance_on >= '2026-06-01' AND s.last_maintenance_on < '2026-07-01'"
        " AND v.customer_uuid IS NOT NULL LIMIT 10000");
  exec (store, "COMMIT");
  for (guint i = 0; i < triggers->len; i += 2)
    exec (store, g_ptr_array_index (triggers, i));
  exec (store, "PRAGMA synchronous = NORMAL; ANALYZE");
  g_print ("# %u vehicles, %u visits written in %.1f s\n", n, n * 5,
           (g_get_monotonic_time () - start) / 1e6);
}

static char *
replace (const char *text,
         const char *name,
         const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, name, -1);

  return g_strjoinv (value, parts);
}

/* CPU seconds (user + system) of this thread. */
static double
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds (user + system) of the finished child processes. */
static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
run_sqlite3 (const char *sqlite3_path,
             const char *db,
             const char *script_path,
             double     *out_cpu)
{
  double cpu = children_cpu ();
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
  *out_cpu = children_cpu () - cpu;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bench-queue.db", NULL);
  g_autofree char *script_path = g_build_filename (dir, "queue.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  double ours = G_MAXDOUBLE, cli = G_MAXDOUBLE, ours_cpu = G_MAXDOUBLE, cli_cpu = G_MAXDOUBLE;
  guint n_items = 0;
  gint64 now, end;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  if (g_getenv ("GESTIONA_BENCH_DB") != NULL)
    {
      g_free (path);
      path = g_strdup (g_getenv ("GESTIONA_BENCH_DB"));
    }
  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  if (gest_test_query_int (store, "SELECT count (*) FROM vehicles") == 0)
    fill (store, bench_scale ());
  else
    g_print ("# the vehicles of %s\n", path);

  /* Monday 7 December 2026, 10:00 in the dealer's time. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
    g_autoptr(GDateTime) moment = g_date_time_new (tz, 2026, 12, 7, 10, 0, 0);

    now = g_date_time_to_unix (moment) * G_USEC_PER_SEC;
  }
  end = gest_contact_queue_end_of_day (now, &today);
  {
    g_autofree char *base = gest_contact_queue_sql ();
    g_autofree char *quoted = g_strdup_printf ("'%s'", today);
    g_autofree char *now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
    g_autofree char *end_text = g_strdup_printf ("%" G_GINT64_FORMAT, end);
    g_autofree char *a = replace (base, ":today", quoted);
    g_autofree char *b = replace (a, ":now", now_text);

    sql = replace (b, ":end", end_text);
  }
  {
    g_autofree char *script = g_strconcat (sql, ";\n", NULL);

    g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  }
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) items = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu = thread_cpu (), child = 0;

      items = gest_contact_queue_today (store, now, NULL, &error);
      g_assert_no_error (error);
      ours = MIN (ours, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      ours_cpu = MIN (ours_cpu, thread_cpu () - cpu);
      n_items = items->len;
      if (sqlite3_path != NULL)
        {
          cli = MIN (cli, run_sqlite3 (sqlite3_path, path, script_path, &child));
          cli_cpu = MIN (cli_cpu, child);
        }
    }
  g_print ("# the day's queue: %u rows\n", n_items);
  /* CPU time too: on a machine shared with other work, the wall clock mostly measures waiting. */
  g_print ("queue-today: %.3f s wall, %.3f s CPU (goal <= 0.5 s)\n", ours, ours_cpu);
  if (sqlite3_path == NULL)
    g_print ("# the sqlite3 program is missing (Debian package sqlite3): no ratio\n");
  else
    g_print ("sqlite3 CLI, same SQL: %.3f s wall, %.3f s CPU; ratio %.2f wall, %.2f CPU (goal <= 1.5)\n",
             cli, cli_cpu, ours / cli, ours_cpu / cli_cpu);
  g_clear_object (&store);
  if (g_getenv ("GESTIONA_BENCH_DB") == NULL)
    gest_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
