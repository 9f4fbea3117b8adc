/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark: the morning's refresh of every open case's SLA clock
 * (gest_complaint_sla_refresh_open()) over N open cases (default 10,000; env
 * GESTIONA_BENCH_SCALE overrides) opened up to 120 days before, a fifth of them with a pause
 * and a resume, against a reference measured in the same run: the same cases' three SLA
 * columns rewritten by one SQL UPDATE per case through the same connection (what the refresh
 * must at least do), then the next day's refresh. Prints the time per case and the ratios;
 * exits 0 whatever the ratio. */
#include "config.h"

#include <locale.h>

#include "gest-complaint-sla.h"
#include "gest-test-util.h"

static guint
bench_scale (void)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 scale = 10000;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &scale, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 1 up", env);
  return (guint) scale;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bench-sla.db", NULL);
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  guint n = bench_scale ();
  gint64 t0, t_ref, t_refresh, t_again;
  sqlite3_stmt *ins, *ev, *upd;

  setlocale (LC_ALL, "C");
  store = gest_store_open (path, &error);
  check (store != NULL, error);
  check (gest_store_exec (store, "INSERT INTO customers (uuid, name) VALUES ('c', 'Rosa');"
                                 "INSERT INTO users (uuid, name, role) VALUES ('u', 'Laura', 'cs-analyst')", &error), error);

  check (gest_store_begin (store, TRUE, &error), error);
  ins = gest_store_prepare (store, "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, "
                                   "customer_uuid, complainant_name, summary, responsible_uuid, created_at) "
                                   "VALUES (?1, ?1, ?2, 'phone', 2, ?3, 'c', 'Rosa', 'x', 'u', ?3)", &error);
  ev = gest_store_prepare (store, "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at) "
                                  "VALUES (lower (hex (randomblob (16))), ?1, ?2, ?3)", &error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("QJA-2026-%06u", i);
      gint64 created = now - (gint64) (i % 120) * G_USEC_PER_SEC * 86400 - (gint64) (i % 7) * G_USEC_PER_SEC * 3600;

      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, 2, i % 2 ? "claim" : "complaint", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 3, created);
      g_assert_cmpint (sqlite3_step (ins), ==, SQLITE_DONE);
      sqlite3_reset (ins);
      if (i % 5 == 0 && i % 120 > 2)
        {
          sqlite3_bind_text (ev, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (ev, 2, "pause", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ev, 3, created + G_USEC_PER_SEC * (gint64) 86400);
          g_assert_cmpint (sqlite3_step (ev), ==, SQLITE_DONE);
          sqlite3_reset (ev);
          sqlite3_bind_text (ev, 2, "resume", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ev, 3, created + 2 * G_USEC_PER_SEC * (gint64) 86400);
          g_assert_cmpint (sqlite3_step (ev), ==, SQLITE_DONE);
          sqlite3_reset (ev);
        }
    }
  sqlite3_finalize (ins);
  sqlite3_finalize (ev);
  check (gest_store_commit (store, &error), error);

  /* The reference: one UPDATE per open case, in one transaction. */
  t0 = g_get_monotonic_time ();
  check (gest_store_begin (store, TRUE, &error), error);
  upd = gest_store_prepare (store, "UPDATE complaints SET response_due_at = ?2, resolution_due_at = ?3, "
                                   "sla_state = ?4 WHERE uuid = ?1", &error);
  {
    sqlite3_stmt *sel = gest_store_prepare (store, "SELECT uuid FROM complaints WHERE deleted = 0 AND stage <> 6", &error);

    while (sqlite3_step (sel) == SQLITE_ROW)
      {
        sqlite3_bind_text (upd, 1, (const char *) sqlite3_column_text (sel, 0), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (upd, 2, now);
        sqlite3_bind_int64 (upd, 3, now);
        sqlite3_bind_int (upd, 4, 0);
        g_assert_cmpint (sqlite3_step (upd), ==, SQLITE_DONE);
        sqlite3_reset (upd);
      }
    sqlite3_finalize (sel);
  }
  sqlite3_finalize (upd);
  check (gest_store_commit (store, &error), error);
  t_ref = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  check (gest_complaint_sla_refresh_open (store, now, &error), error);
  t_refresh = g_get_monotonic_time () - t0;
  /* The next morning's: the breaches already recorded, most clocks unchanged. */
  t0 = g_get_monotonic_time ();
  check (gest_complaint_sla_refresh_open (store, now + G_USEC_PER_SEC * (gint64) 86400, &error), error);
  t_again = g_get_monotonic_time () - t0;

  g_print ("open cases: %u (up to 120 days old, a fifth paused once)\n", n);
  g_print ("missed: %" G_GINT64_FORMAT ", at risk: %" G_GINT64_FORMAT ", breach events: %" G_GINT64_FORMAT "\n",
           gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE sla_state = 2"),
           gest_test_query_int (store, "SELECT count(*) FROM complaints WHERE sla_state = 1"),
           gest_test_query_int (store, "SELECT count(*) FROM complaint_sla_events WHERE kind LIKE '%missed'"));
  g_print ("refresh of every clock: %.3f s (%.1f µs a case)\n", t_refresh / 1e6, (double) t_refresh / n);
  g_print ("the next day's refresh: %.3f s (%.1f µs a case)\n", t_again / 1e6, (double) t_again / n);
  g_print ("reference, one UPDATE a case: %.3f s (%.1f µs a case)\n", t_ref / 1e6, (double) t_ref / n);
  g_print ("ratio refresh / reference: %.1f (the next day's: %.1f)\n", (double) t_refresh / MAX (t_ref, 1),
           (double) t_again / MAX (t_ref, 1));

  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
