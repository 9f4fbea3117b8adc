/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GestPeriodicWorker: the background thread behind the mail and sync services (T4, X3). */
#include "config.h"

#include "gest-periodic-worker.h"
#include "gest-test-util.h"

/* An interval no test waits for: a round before it comes from start or run-now. */
#define LONG_INTERVAL 3600

typedef struct
{
  GThread *main_thread;
  gint     rounds;           /* atomic */
  gint     rounds_seen;      /* atomic: rounds that saw their cancellable cancelled */
  gint     long_round;       /* atomic: rounds wait for cancel */
  gint     long_started;     /* atomic */
  GThread *round_thread;     /* written by the rounds, read after a delivery */
  guint    delivered;        /* main context */
  guint    results_freed;    /* main context */
} Fixture;

typedef struct
{
  Fixture *f;
  guint    round;
} Result;

static void
result_free (Result *result)
{
  g_assert_true (g_thread_self () == result->f->main_thread);
  result->f->results_freed++;
  g_free (result);
}

static void
deliver_cb (gpointer owner,
            gpointer data)
{
  Fixture *f = owner;
  Result *result = data;

  g_assert_true (f == result->f);
  g_assert_true (g_thread_self () == f->main_thread);
  f->delivered++;
}

static void
round_cb (GestPeriodicWorker *worker,
          gpointer            round_data,
          GCancellable       *cancellable)
{
  Fixture *f = round_data;
  Result *result = g_new0 (Result, 1);

  f->round_thread = g_thread_self ();
  result->f = f;
  result->round = g_atomic_int_add (&f->rounds, 1) + 1;

  if (g_atomic_int_get (&f->long_round))
    {
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      g_atomic_int_set (&f->long_started, TRUE);
      while (!g_cancellable_is_cancelled (cancellable) && g_get_monotonic_time () < deadline)
        g_usleep (1000);
      if (g_cancellable_is_cancelled (cancellable))
        g_atomic_int_inc (&f->rounds_seen);
    }

  /* Delivered even when cancelled: stop must drop it, not the round. */
  gest_periodic_worker_deliver (worker, deliver_cb, result, (GDestroyNotify) result_free);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->main_thread = g_thread_self ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
}

/* Runs what is pending on the main context (the deliveries a stop left behind). */
static void
flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_round_off_main_thread (Fixture       *f,
                            gconstpointer  data)
{
  GestPeriodicWorker *worker = gest_periodic_worker_new ("test-worker", LONG_INTERVAL, f,
                                                         round_cb, f, NULL);

  g_assert_cmpint (g_atomic_int_get (&f->rounds), ==, 0);
  gest_periodic_worker_start (worker);
  gest_periodic_worker_start (worker);
  WAIT_UNTIL (f->delivered == 1);

  g_assert_nonnull (f->round_thread);
  g_assert_true (f->round_thread != f->main_thread);
  g_assert_cmpint (g_atomic_int_get (&f->rounds), ==, 1);

  gest_periodic_worker_stop (worker);
  flush_main_context ();
  g_assert_cmpuint (f->results_freed, ==, 1);
  g_assert_finalize_object (worker);
}

static void
test_run_now (Fixture       *f,
              gconstpointer  data)
{
  GestPeriodicWorker *worker = gest_periodic_worker_new ("test-worker", LONG_INTERVAL, f,
                                                         round_cb, f, NULL);

  gest_periodic_worker_start (worker);
  WAIT_UNTIL (f->delivered == 1);

  gest_periodic_worker_run_now (worker);
  WAIT_UNTIL (f->delivered == 2);
  gest_periodic_worker_run_now (worker);
  WAIT_UNTIL (f->delivered == 3);
  g_assert_cmpint (g_atomic_int_get (&f->rounds), ==, 3);

  gest_periodic_worker_stop (worker);
  flush_main_context ();
  g_assert_finalize_object (worker);
}

/* The interval alone brings the next round. */
static void
test_interval (Fixture       *f,
               gconstpointer  data)
{
  GestPeriodicWorker *worker = gest_periodic_worker_new ("test-worker", 1, f, round_cb, f, NULL);

  gest_periodic_worker_start (worker);
  WAIT_UNTIL (f->delivered == 2);

  gest_periodic_worker_stop (worker);
  flush_main_context ();
  g_assert_finalize_object (worker);
}

static void
test_stop_cancels_round (Fixture       *f,
                         gconstpointer  data)
{
  GestPeriodicWorker *worker = gest_periodic_worker_new ("test-worker", LONG_INTERVAL, f,
                                                         round_cb, f, NULL);
  gint64 before;

  g_atomic_int_set (&f->long_round, TRUE);
  gest_periodic_worker_start (worker);
  WAIT_UNTIL (g_atomic_int_get (&f->long_started));

  before = g_get_monotonic_time ();
  gest_periodic_worker_stop (worker);
  /* The round gives up when cancelled; it does not wait for its 20 s. */
  g_assert_cmpint (g_get_monotonic_time () - before, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (g_atomic_int_get (&f->rounds_seen), ==, 1);

  /* The stopped worker delivers nothing, runs no further round, and does not restart. */
  gest_periodic_worker_run_now (worker);
  gest_periodic_worker_start (worker);
  gest_periodic_worker_stop (worker);
  flush_main_context ();
  g_assert_cmpuint (f->delivered, ==, 0);
  g_assert_cmpuint (f->results_freed, ==, 1);
  g_assert_cmpint (g_atomic_int_get (&f->rounds), ==, 1);

  g_assert_finalize_object (worker);
}

static void
flag_free (gpointer data)
{
  gboolean *flag = data;

  *flag = TRUE;
}

/* A worker never started runs nothing, and frees its round data with itself. */
static void
test_never_started (Fixture       *f,
                    gconstpointer  data)
{
  GestPeriodicWorker *worker;
  gboolean freed = FALSE;

  worker = gest_periodic_worker_new ("test-worker", LONG_INTERVAL, f, round_cb, &freed, flag_free);
  gest_periodic_worker_run_now (worker);
  g_assert_false (freed);
  g_assert_finalize_object (worker);
  g_assert_true (freed);
  g_assert_cmpint (g_atomic_int_get (&f->rounds), ==, 0);
}

/* Dropping the last reference stops the thread, like stop. */
static void
test_unref_stops (Fixture       *f,
                  gconstpointer  data)
{
  GestPeriodicWorker *worker = gest_periodic_worker_new ("test-worker", LONG_INTERVAL, f,
                                                         round_cb, f, NULL);

  g_atomic_int_set (&f->long_round, TRUE);
  gest_periodic_worker_start (worker);
  WAIT_UNTIL (g_atomic_int_get (&f->long_started));

  /* The round's delivery holds a reference until the main context runs it. */
  g_object_add_weak_pointer (G_OBJECT (worker), (gpointer *) &worker);
  g_object_unref (worker);
  g_assert_cmpint (g_atomic_int_get (&f->rounds_seen), ==, 1);
  flush_main_context ();
  g_assert_null (worker);
  g_assert_cmpuint (f->delivered, ==, 0);
  g_assert_cmpuint (f->results_freed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/periodic-worker/round-off-main-thread", Fixture, NULL,
              fixture_set_up, test_round_off_main_thread, fixture_tear_down);
  g_test_add ("/periodic-worker/run-now", Fixture, NULL,
              fixture_set_up, test_run_now, fixture_tear_down);
  g_test_add ("/periodic-worker/interval", Fixture, NULL,
              fixture_set_up, test_interval, fixture_tear_down);
  g_test_add ("/periodic-worker/stop-cancels-round", Fixture, NULL,
              fixture_set_up, test_stop_cancels_round, fixture_tear_down);
  g_test_add ("/periodic-worker/never-started", Fixture, NULL,
              fixture_set_up, test_never_started, fixture_tear_down);
  g_test_add ("/periodic-worker/unref-stops", Fixture, NULL,
              fixture_set_up, test_unref_stops, fixture_tear_down);

  return g_test_run ();
}
