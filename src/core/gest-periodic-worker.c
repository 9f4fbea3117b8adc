/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-periodic-worker"

#include "config.h"

#include "gest-periodic-worker.h"

struct _GestPeriodicWorker
{
  GObject                      parent_instance;

  GMutex                       mutex;
  GCond                        cond;
  gboolean                     kicked;          /* under mutex */
  gboolean                     stopping;        /* under mutex */

  char                        *thread_name;
  gint64                       interval;        /* µs */
  GMainContext                *context;
  GCancellable                *cancellable;
  GestPeriodicWorkerRoundFunc  round_func;
  gpointer                     round_data;      /* worker thread only, once started */
  GDestroyNotify               round_data_free;

  gpointer                     owner;           /* main context only; unowned */
  gboolean                     stopped;         /* main context only */
  GThread                     *thread;          /* main context only */
};

G_DEFINE_FINAL_TYPE (GestPeriodicWorker, gest_periodic_worker, G_TYPE_OBJECT)

typedef struct
{
  GestPeriodicWorker            *worker;
  GestPeriodicWorkerDeliverFunc  func;
  gpointer                       result;
  GDestroyNotify                 result_free;
} Delivery;

static void
delivery_free (Delivery *delivery)
{
  if (delivery->result_free != NULL)
    delivery->result_free (delivery->result);
  g_object_unref (delivery->worker);
  g_free (delivery);
}

static gboolean
delivery_cb (gpointer user_data)
{
  Delivery *delivery = user_data;

  if (!delivery->worker->stopped)
    delivery->func (delivery->worker->owner, delivery->result);

  return G_SOURCE_REMOVE;
}

static void
free_round_data (GestPeriodicWorker *self)
{
  gpointer round_data = g_steal_pointer (&self->round_data);

  if (round_data != NULL && self->round_data_free != NULL)
    self->round_data_free (round_data);
}

/* Waits for a kick, the interval, or stop. Returns FALSE on stop. */
static gboolean
wait_for_turn (GestPeriodicWorker *self)
{
  gint64 deadline = g_get_monotonic_time () + self->interval;
  gboolean go_on;

  g_mutex_lock (&self->mutex);
  while (!self->kicked && !self->stopping)
    {
      if (!g_cond_wait_until (&self->cond, &self->mutex, deadline))
        break;
    }
  self->kicked = FALSE;
  go_on = !self->stopping;
  g_mutex_unlock (&self->mutex);

  return go_on;
}

/* The thread holds no reference: the worker's dispose joins it, so the worker outlives it. */
static gpointer
worker_thread (gpointer data)
{
  GestPeriodicWorker *self = data;

  while (wait_for_turn (self))
    self->round_func (self, self->round_data, self->cancellable);

  /* What the rounds kept (a database connection) is closed where it was used. */
  free_round_data (self);

  return NULL;
}

static void
gest_periodic_worker_dispose (GObject *object)
{
  gest_periodic_worker_stop (GEST_PERIODIC_WORKER (object));

  G_OBJECT_CLASS (gest_periodic_worker_parent_class)->dispose (object);
}

static void
gest_periodic_worker_finalize (GObject *object)
{
  GestPeriodicWorker *self = GEST_PERIODIC_WORKER (object);

  free_round_data (self);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->thread_name);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (gest_periodic_worker_parent_class)->finalize (object);
}

static void
gest_periodic_worker_class_init (GestPeriodicWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_periodic_worker_dispose;
  object_class->finalize = gest_periodic_worker_finalize;
}

static void
gest_periodic_worker_init (GestPeriodicWorker *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
}

GestPeriodicWorker *
gest_periodic_worker_new (const char                  *thread_name,
                          guint                        interval_seconds,
                          gpointer                     owner,
                          GestPeriodicWorkerRoundFunc  round_func,
                          gpointer                     round_data,
                          GDestroyNotify               round_data_free)
{
  GestPeriodicWorker *self;

  g_return_val_if_fail (thread_name != NULL, NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);
  g_return_val_if_fail (round_func != NULL, NULL);

  self = g_object_new (GEST_TYPE_PERIODIC_WORKER, NULL);
  self->thread_name = g_strdup (thread_name);
  self->interval = (gint64) interval_seconds * G_TIME_SPAN_SECOND;
  self->owner = owner;
  self->round_func = round_func;
  self->round_data = round_data;
  self->round_data_free = round_data_free;

  return self;
}

void
gest_periodic_worker_start (GestPeriodicWorker *self)
{
  g_return_if_fail (GEST_IS_PERIODIC_WORKER (self));

  if (self->thread != NULL || self->stopped)
    return;

  g_mutex_lock (&self->mutex);
  self->kicked = TRUE;
  g_mutex_unlock (&self->mutex);

  self->thread = g_thread_new (self->thread_name, worker_thread, self);
}

void
gest_periodic_worker_run_now (GestPeriodicWorker *self)
{
  g_return_if_fail (GEST_IS_PERIODIC_WORKER (self));

  g_mutex_lock (&self->mutex);
  self->kicked = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
gest_periodic_worker_stop (GestPeriodicWorker *self)
{
  g_return_if_fail (GEST_IS_PERIODIC_WORKER (self));

  self->stopped = TRUE;
  self->owner = NULL;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->thread, g_thread_join);
}

void
gest_periodic_worker_deliver (GestPeriodicWorker            *self,
                              GestPeriodicWorkerDeliverFunc  func,
                              gpointer                       result,
                              GDestroyNotify                 result_free)
{
  g_autoptr(GSource) source = NULL;
  Delivery *delivery;

  g_return_if_fail (GEST_IS_PERIODIC_WORKER (self));
  g_return_if_fail (func != NULL);

  delivery = g_new0 (Delivery, 1);
  delivery->worker = g_object_ref (self);
  delivery->func = func;
  delivery->result = result;
  delivery->result_free = result_free;

  /* Always through a source, never g_main_context_invoke(): that runs the function right
   * here when no thread owns the context at the moment (a test between two iterations). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[gest] periodic worker delivery");
  g_source_set_callback (source, delivery_cb, delivery, (GDestroyNotify) delivery_free);
  g_source_attach (source, self->context);
}
