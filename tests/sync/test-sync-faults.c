/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3 (issue 4, part 6): 2 dealers × 2 desktops make 10,000 changes offline (more than 10% on
 * the same records and field), then sync through tests/sync-fault-proxy.py, which drops 20%
 * of the exchanges (half before the server sees them, half after it committed), truncates,
 * delays and duplicates 5%; two `gestiona-cli sync` processes are killed with SIGKILL
 * mid-sync. After syncing to quiescence: no change lost, none applied twice, and each desktop
 * equals the server's data of its dealer. Seeded: GESTIONA_FAULT_SEED=N repeats a run. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include "gest-sync-client.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define N_DESKTOPS       4
#define CHANGES_EACH     2500
#define SEED_CUSTOMERS   100
#define HOT_CUSTOMERS    5
#define MAX_ROUNDS       80
#define DEADLINE_SECONDS 240

static guint32 seed;
static GSubprocess *proxy;

typedef struct
{
  const char *name;
  int         dealer;     /* 0 = A, 1 = B */
  char       *path;
  GestStore  *store;
} Desktop;

static char *
uuid_from (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%08x%04x", g_rand_int (rand), g_rand_int (rand) & 0xffff,
                          g_rand_int (rand) & 0xfff, g_rand_int (rand) & 0xfff, g_rand_int (rand),
                          g_rand_int (rand) & 0xffff);
}

static void
fail_with_seed (const char *what)
{
  g_printerr ("test-sync-faults failed (%s) with seed %u: rerun with GESTIONA_FAULT_SEED=%u\n",
              what, seed, seed);
  if (proxy != NULL)
    g_subprocess_force_exit (proxy);
  g_assert_not_reached ();
}

static GSubprocess *
spawn_sync (const char *cli,
            Desktop    *desk)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                     &error, cli, "--db", desk->path, "sync", NULL);

  g_assert_no_error (error);
  return p;
}

/* Offline: 2,500 changes, in one transaction (the outbox triggers write a row per change). */
static void
make_changes (Desktop      *desk,
              GRand        *rand,
              char * const *customers,
              guint        *hot_changes)
{
  static const char * const fields[] = { "name", "email", "phone_mobile", "street" };
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_begin (desk->store, TRUE, &error));
  for (guint i = 0; i < CHANGES_EACH; i++)
    {
      double r = g_rand_double (rand);
      g_autofree char *sql = NULL;

      if (r < 0.15)
        {
          /* The same field of the same few records, on both desktops of the dealer. */
          sql = g_strdup_printf ("UPDATE customers SET city = 'hot-%s-%u' WHERE uuid = '%s'", desk->name, i,
                                 customers[g_rand_int_range (rand, 0, HOT_CUSTOMERS)]);
          (*hot_changes)++;
        }
      else if (r < 0.25)
        {
          g_autofree char *uuid = uuid_from (rand);

          sql = g_strdup_printf ("INSERT INTO customers (uuid, name) VALUES ('%s', 'new-%s-%u')", uuid,
                                 desk->name, i);
        }
      else
        {
          const char *field = fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))];
          g_autofree char *value = NULL;

          /* Values the forms accept: the sync refuses others (issue 16.6). */
          if (g_str_equal (field, "email"))
            value = g_strdup_printf ("%s-%u@example.mx", desk->name, i);
          else if (g_str_equal (field, "phone_mobile"))
            value = g_strdup_printf ("22%08u", i + 10000 * (guint) (desk->name[1] - '0'));
          else
            value = g_strdup_printf ("%s-%u", desk->name, i);
          sql = g_strdup_printf ("UPDATE customers SET %s = '%s' WHERE uuid = '%s'", field, value,
                                 customers[g_rand_int_range (rand, 0, SEED_CUSTOMERS)]);
        }
      sync_test_exec (desk->store, sql);
    }
  g_assert_true (gest_store_commit (desk->store, &error));
}

static void
test_faults_converge (void)
{
  const char *cli = g_getenv ("GESTIONA_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *port_file = NULL;
  g_autofree char *proxy_url = NULL;
  g_autofree char *proxy_script = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  char *dealers[2];
  char *customers[2][SEED_CUSTOMERS];
  Desktop desks[N_DESKTOPS] = {
    { "a1", 0 }, { "a2", 0 }, { "b1", 1 }, { "b2", 1 },
  };
  guint hot_changes = 0;
  guint killed = 0;
  guint killed_mask = 0;
  gint64 start = g_get_monotonic_time ();
  gboolean quiet = FALSE;
  guint round;

  if (!sync_test_have_server () || cli == NULL)
    {
      g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
      return;
    }

  dir = gest_test_tmpdir_new ();
  dealers[0] = sync_test_new_dealer ("Ford Puebla");
  dealers[1] = sync_test_new_dealer ("Ford Tlaxcala");
  for (guint d = 0; d < N_DESKTOPS; d++)
    {
      g_autofree char *file = g_strconcat (desks[d].name, ".db", NULL);

      desks[d].store = sync_test_new_desktop (dir, file, dealers[desks[d].dealer]);
      desks[d].path = g_strdup (gest_store_get_path (desks[d].store));
    }

  /* Each dealer's first desktop creates the customers; the second one receives them. */
  for (guint dealer = 0; dealer < 2; dealer++)
    {
      Desktop *first = &desks[dealer * 2];

      g_assert_true (gest_store_begin (first->store, TRUE, &error));
      for (guint i = 0; i < SEED_CUSTOMERS; i++)
        {
          g_autofree char *sql = NULL;

          customers[dealer][i] = uuid_from (rand);
          sql = g_strdup_printf ("INSERT INTO customers (uuid, name) VALUES ('%s', 'seed-%u')",
                                 customers[dealer][i], i);
          sync_test_exec (first->store, sql);
        }
      g_assert_true (gest_store_commit (first->store, &error));
      sync_test_sync (first->store);
      sync_test_sync (desks[dealer * 2 + 1].store);
    }

  for (guint d = 0; d < N_DESKTOPS; d++)
    make_changes (&desks[d], rand, customers[desks[d].dealer], &hot_changes);
  g_assert_cmpuint (hot_changes, >=, N_DESKTOPS * CHANGES_EACH / 10);

  /* The proxy, then every desktop talks through it. */
  port_file = g_build_filename (dir, "proxy-port", NULL);
  proxy_script = g_test_build_filename (G_TEST_DIST, "sync", "sync-fault-proxy.py", NULL);
  proxy = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "python3", proxy_script,
                            "--upstream", g_getenv ("GESTIONA_TEST_SERVER_URL"), "--seed", seed_text,
                            "--port-file", port_file, "--drop-request", "0.10", "--drop-reply", "0.10",
                            "--truncate", "0.02", "--delay", "0.05", "--duplicate", "0.05", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 100 && !g_file_test (port_file, G_FILE_TEST_EXISTS); i++)
    g_usleep (50 * 1000);
  {
    g_autofree char *port = NULL;

    g_assert_true (g_file_get_contents (port_file, &port, NULL, NULL));
    proxy_url = g_strdup_printf ("http://127.0.0.1:%s", port);
  }
  for (guint d = 0; d < N_DESKTOPS; d++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE sync_state SET value = '%s' WHERE key = 'server-url'",
                                              proxy_url);
      sync_test_exec (desks[d].store, sql);
    }

  /* Rounds: all four desktops sync at once; a1 and b2 are killed mid-sync (SIGKILL). Quiescence
   * is a round that starts with nothing queued anywhere and in which every sync succeeds. */
  for (round = 0; round < MAX_ROUNDS && !quiet; round++)
    {
      GSubprocess *procs[N_DESKTOPS];
      gboolean all_ok = TRUE;
      gboolean nothing_queued = TRUE;

      if (g_get_monotonic_time () - start > DEADLINE_SECONDS * G_TIME_SPAN_SECOND)
        fail_with_seed ("did not converge in time");

      for (guint d = 0; d < N_DESKTOPS; d++)
        nothing_queued = nothing_queued && gest_sync_count_pending (desks[d].store) == 0;
      for (guint d = 0; d < N_DESKTOPS; d++)
        procs[d] = spawn_sync (cli, &desks[d]);

      /* Until both were killed mid-sync (a round that fails early may end first). */
      if (killed < 2)
        {
          g_usleep ((gulong) g_rand_int_range (rand, 20, 250) * 1000);
          if (!(killed_mask & 1))
            g_subprocess_force_exit (procs[0]);   /* a1 */
          if (!(killed_mask & 2))
            g_subprocess_force_exit (procs[3]);   /* b2 */
        }
      for (guint d = 0; d < N_DESKTOPS; d++)
        {
          g_subprocess_wait (procs[d], NULL, &error);
          g_assert_no_error (error);
          if ((d == 0 || d == 3) && g_subprocess_get_if_signaled (procs[d]) &&
              g_subprocess_get_term_sig (procs[d]) == SIGKILL)
            {
              killed_mask |= d == 0 ? 1 : 2;
              killed = (killed_mask & 1) + ((killed_mask >> 1) & 1);
            }
          all_ok = all_ok && g_subprocess_get_if_exited (procs[d]) && g_subprocess_get_exit_status (procs[d]) == 0;
          g_object_unref (procs[d]);
        }
      quiet = nothing_queued && all_ok && killed == 2;
    }
  if (killed != 2)
    fail_with_seed ("a sync process finished before it could be killed");
  if (!quiet)
    fail_with_seed ("no quiescence");
  g_test_message ("quiescent after %u rounds, %.1f s", round,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  for (guint d = 0; d < N_DESKTOPS; d++)
    {
      Desktop *desk = &desks[d];
      g_autofree char *device = sync_test_query_text (desk->store, "SELECT value FROM sync_state WHERE key = 'device-id'");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM mutations WHERE device_id = '%s'", device);
      g_autofree char *on_server = sync_test_psql (sql);
      g_autofree char *local = gest_sync_dump (desk->store, &error);
      g_autofree char *server = sync_test_server_dump (dealers[desk->dealer]);
      gint64 rows = sync_test_query_int (desk->store, "SELECT count(*) FROM sync_outbox");

      g_assert_no_error (error);
      /* 0 lost: every change answered and applied; 0 duplicated: one server mutation each. */
      if (sync_test_query_int (desk->store, "SELECT count(*) FROM sync_outbox WHERE state <> 'applied'") != 0)
        fail_with_seed ("a change was not applied");
      if (g_ascii_strtoll (on_server, NULL, 10) != rows)
        {
          g_printerr ("%s: %" G_GINT64_FORMAT " outbox rows, %s server mutations\n", desk->name, rows, on_server);
          fail_with_seed ("mutation count differs");
        }
      if (g_strcmp0 (local, server) != 0)
        {
          g_printerr ("%s differs from the server\n", desk->name);
          fail_with_seed ("desktop differs from the server");
        }
    }

  /* Server order decides the hot field: the value of the change with the highest version. */
  for (guint dealer = 0; dealer < 2; dealer++)
    for (guint i = 0; i < HOT_CUSTOMERS; i++)
      {
        g_autofree char *winner = NULL;
        gint64 best = -1;
        g_autofree char *final_sql = g_strdup_printf ("SELECT city FROM customers WHERE uuid = '%s'",
                                                      customers[dealer][i]);
        g_autofree char *final = sync_test_query_text (desks[dealer * 2].store, final_sql);

        for (guint d = dealer * 2; d < dealer * 2 + 2; d++)
          {
            g_autofree char *sql = g_strdup_printf ("SELECT version, json_extract (fields, '$.city') FROM sync_outbox "
                                                    "WHERE uuid = '%s' AND json_extract (fields, '$.city') IS NOT NULL "
                                                    "ORDER BY version DESC LIMIT 1", customers[dealer][i]);
            sqlite3_stmt *stmt = gest_store_prepare (desks[d].store, sql, NULL);

            if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > best)
              {
                best = sqlite3_column_int64 (stmt, 0);
                g_free (winner);
                winner = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
              }
            sqlite3_finalize (stmt);
          }
        if (g_strcmp0 (winner, final) != 0)
          {
            g_printerr ("customer %s: city %s, the last applied change set %s\n", customers[dealer][i], final, winner);
            fail_with_seed ("the last change did not win");
          }
      }

  g_subprocess_send_signal (proxy, SIGTERM);
  g_subprocess_wait (proxy, NULL, NULL);
  g_clear_object (&proxy);
  for (guint d = 0; d < N_DESKTOPS; d++)
    {
      g_assert_finalize_object (desks[d].store);
      g_free (desks[d].path);
    }
  for (guint dealer = 0; dealer < 2; dealer++)
    {
      for (guint i = 0; i < SEED_CUSTOMERS; i++)
        g_free (customers[dealer][i]);
      g_free (dealers[dealer]);
    }
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  const char *fixed = g_getenv ("GESTIONA_FAULT_SEED");

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);
  seed = fixed != NULL ? (guint32) g_ascii_strtoull (fixed, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (GESTIONA_FAULT_SEED=%u repeats this run)", seed, seed);

  g_test_add_func ("/sync/X3/faults-converge", test_faults_converge);

  return g_test_run ();
}
