/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A background thread that runs a round of work every interval and whenever asked, for the
 * services that must never make the UI thread wait (GestMailService, GestSyncService).
 *
 * The round function runs on the worker thread only, one round at a time; it gets the
 * worker's round data (used by no other thread, so it can keep a database connection
 * between rounds) and a cancellable that stop cancels. It hands results to the thread that
 * made the worker with gest_periodic_worker_deliver(): they reach the owner on that
 * thread's main context, and are dropped once the worker is stopped, so the owner may go
 * away as soon as it has called gest_periodic_worker_stop().
 *
 * The owner calls gest_periodic_worker_stop() in its dispose (dropping the last reference
 * to the worker also stops it). All functions but gest_periodic_worker_deliver() are
 * called on the thread that made the worker. */
#define GEST_TYPE_PERIODIC_WORKER (gest_periodic_worker_get_type ())
G_DECLARE_FINAL_TYPE (GestPeriodicWorker, gest_periodic_worker, GEST, PERIODIC_WORKER, GObject)

/* One round, on the worker thread. When @cancellable is cancelled the worker is stopping:
 * return as soon as possible. */
typedef void (*GestPeriodicWorkerRoundFunc)   (GestPeriodicWorker *worker,
                                               gpointer            round_data,
                                               GCancellable       *cancellable);
/* A result, on the owner's main context; called only while the worker is not stopped. */
typedef void (*GestPeriodicWorkerDeliverFunc) (gpointer            owner,
                                               gpointer            result);

/* @owner is not referenced: it is what deliver functions get. @round_data is freed with
 * @round_data_free on the worker thread when it ends (or with the worker, if it never
 * started). */
GestPeriodicWorker *gest_periodic_worker_new     (const char                    *thread_name,
                                                  guint                          interval_seconds,
                                                  gpointer                       owner,
                                                  GestPeriodicWorkerRoundFunc    round_func,
                                                  gpointer                       round_data,
                                                  GDestroyNotify                 round_data_free);
/* Starts the thread; the first round runs at once. Idempotent; does nothing once stopped. */
void                gest_periodic_worker_start   (GestPeriodicWorker            *self);
/* Runs a round as soon as the thread is free (at once if it is waiting). */
void                gest_periodic_worker_run_now (GestPeriodicWorker            *self);
/* Cancels the round in progress, waits for the thread to end and drops the results not yet
 * delivered. No round runs afterwards. Idempotent. */
void                gest_periodic_worker_stop    (GestPeriodicWorker            *self);
/* From the round function: calls @func (owner, @result) on the owner's main context, unless
 * the worker is stopped by then. @result_free frees @result on that context either way. */
void                gest_periodic_worker_deliver (GestPeriodicWorker            *self,
                                                  GestPeriodicWorkerDeliverFunc  func,
                                                  gpointer                       result,
                                                  GDestroyNotify                 result_free);

G_END_DECLS
