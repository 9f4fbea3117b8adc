/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-service"

#include "config.h"

#include "gest-mail-sender.h"
#include "gest-mail-service.h"

/* What the worker thread shares with the service. The worker never touches the GObject:
 * results go back through the service's main context, where @owner is read (and cleared
 * by stop), so a result that arrives after the service is gone is dropped. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           mutex;
  GCond            cond;
  gboolean         kicked;      /* under mutex */
  gboolean         stopping;    /* under mutex */
  char            *db_path;
  GMainContext    *context;
  GCancellable    *cancellable;
  GestMailService *owner;       /* main context only; unowned */
} Shared;

typedef struct
{
  Shared *shared;
  guint   sent;
  guint   failed;
  char   *error_message;
} Report;

struct _GestMailService
{
  GObject  parent_instance;

  Shared  *shared;
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (GestMailService, gest_mail_service, G_TYPE_OBJECT)

enum {
  DRAINED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref))
    return;

  g_mutex_clear (&shared->mutex);
  g_cond_clear (&shared->cond);
  g_free (shared->db_path);
  g_main_context_unref (shared->context);
  g_object_unref (shared->cancellable);
  g_free (shared);
}

static void
report_free (Report *report)
{
  shared_unref (report->shared);
  g_free (report->error_message);
  g_free (report);
}

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;
  GestMailService *self = report->shared->owner;

  if (self != NULL)
    g_signal_emit (self, signals[DRAINED], 0, report->sent, report->failed, report->error_message);

  return G_SOURCE_REMOVE;
}

static void
send_report (Shared     *shared,
             guint       sent,
             guint       failed,
             const char *error_message)
{
  Report *report = g_new0 (Report, 1);

  report->shared = shared_ref (shared);
  report->sent = sent;
  report->failed = failed;
  report->error_message = g_strdup (error_message);
  g_main_context_invoke_full (shared->context, G_PRIORITY_DEFAULT, report_cb, report,
                              (GDestroyNotify) report_free);
}

/* Waits for a kick, the interval, or stop. Returns FALSE on stop. */
static gboolean
wait_for_turn (Shared *shared)
{
  gint64 deadline = g_get_monotonic_time () + GEST_MAIL_SERVICE_INTERVAL_SECONDS * G_TIME_SPAN_SECOND;
  gboolean go_on;

  g_mutex_lock (&shared->mutex);
  while (!shared->kicked && !shared->stopping)
    {
      if (!g_cond_wait_until (&shared->cond, &shared->mutex, deadline))
        break;
    }
  shared->kicked = FALSE;
  go_on = !shared->stopping;
  g_mutex_unlock (&shared->mutex);

  return go_on;
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *last_error = NULL;

  while (wait_for_turn (shared))
    {
      g_autoptr(GError) error = NULL;
      guint sent = 0;
      guint failed = 0;

      if (store == NULL)
        store = gest_store_open (shared->db_path, &error);

      if (store != NULL)
        gest_mail_sender_drain_full (store, shared->cancellable, &sent, &failed, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;

      /* An incomplete setup fails the same way every minute: say it once. */
      if (error != NULL && g_strcmp0 (error->message, last_error) == 0 && sent == 0 && failed == 0)
        continue;

      g_free (last_error);
      last_error = error != NULL ? g_strdup (error->message) : NULL;

      if (sent > 0 || failed > 0 || error != NULL)
        send_report (shared, sent, failed, error != NULL ? error->message : NULL);
    }

  shared_unref (shared);

  return NULL;
}

static void
gest_mail_service_dispose (GObject *object)
{
  GestMailService *self = GEST_MAIL_SERVICE (object);

  gest_mail_service_stop (self);

  G_OBJECT_CLASS (gest_mail_service_parent_class)->dispose (object);
}

static void
gest_mail_service_finalize (GObject *object)
{
  GestMailService *self = GEST_MAIL_SERVICE (object);

  g_clear_pointer (&self->shared, shared_unref);

  G_OBJECT_CLASS (gest_mail_service_parent_class)->finalize (object);
}

static void
gest_mail_service_class_init (GestMailServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_mail_service_dispose;
  object_class->finalize = gest_mail_service_finalize;

  /**
   * GestMailService::drained:
   * @sent: emails sent in this run
   * @failed: emails that failed in this run (retried later)
   * @error_message: (nullable): why the run could not start (settings, keyring, database)
   */
  signals[DRAINED] = g_signal_new ("drained", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
}

static void
gest_mail_service_init (GestMailService *self)
{
}

GestMailService *
gest_mail_service_new (GestStore *store)
{
  GestMailService *self;
  Shared *shared;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_MAIL_SERVICE, NULL);

  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref);
  g_mutex_init (&shared->mutex);
  g_cond_init (&shared->cond);
  shared->db_path = g_strdup (gest_store_get_path (store));
  shared->context = g_main_context_ref_thread_default ();
  shared->cancellable = g_cancellable_new ();
  shared->owner = self;
  self->shared = shared;

  return self;
}

void
gest_mail_service_start (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  if (self->thread != NULL || self->shared->owner == NULL)
    return;

  self->shared->kicked = TRUE;
  self->thread = g_thread_new ("gest-mail", worker_thread, shared_ref (self->shared));
}

void
gest_mail_service_kick (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  g_mutex_lock (&self->shared->mutex);
  self->shared->kicked = TRUE;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

void
gest_mail_service_stop (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  if (self->shared == NULL)
    return;

  self->shared->owner = NULL;

  g_mutex_lock (&self->shared->mutex);
  self->shared->stopping = TRUE;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);

  g_cancellable_cancel (self->shared->cancellable);
  g_clear_pointer (&self->thread, g_thread_join);
}
