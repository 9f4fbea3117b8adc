/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync-service"

#include "config.h"

#include "gest-sync-client.h"
#include "gest-sync-service.h"

/* What the worker thread shares with the service (the pattern of GestMailService): the
 * worker never touches the GObject; its status goes back through the service's main
 * context, where @owner is read (and cleared by stop). */
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
  GestSyncService *owner;       /* main context only; unowned */
} Shared;

typedef struct
{
  Shared   *shared;
  gboolean  running;
  gboolean  enrolled;
  gint64    last_sync;
  gint64    pending;
  char     *last_error;
} Status;

struct _GestSyncService
{
  GObject   parent_instance;

  Shared   *shared;
  GThread  *thread;

  gint64    last_sync;
  gint64    pending;
  char     *last_error;
  gboolean  running;
  gboolean  enrolled;
};

G_DEFINE_FINAL_TYPE (GestSyncService, gest_sync_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LAST_SYNC,
  PROP_PENDING,
  PROP_LAST_ERROR,
  PROP_RUNNING,
  PROP_ENROLLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
status_free (Status *status)
{
  shared_unref (status->shared);
  g_free (status->last_error);
  g_free (status);
}

static void
apply_status (GestSyncService *self,
              const Status    *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->running != status->running)
    {
      self->running = status->running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
  if (status->running)
    {
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }
  if (self->enrolled != status->enrolled)
    {
      self->enrolled = status->enrolled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENROLLED]);
    }
  if (self->last_sync != status->last_sync)
    {
      self->last_sync = status->last_sync;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
    }
  if (self->pending != status->pending)
    {
      self->pending = status->pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (g_strcmp0 (self->last_error, status->last_error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (status->last_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
status_cb (gpointer user_data)
{
  Status *status = user_data;

  if (status->shared->owner != NULL)
    apply_status (status->shared->owner, status);
  return G_SOURCE_REMOVE;
}

static void
send_status (Shared    *shared,
             GestStore *store,
             gboolean   running)
{
  Status *status = g_new0 (Status, 1);

  status->shared = shared_ref (shared);
  status->running = running;
  if (store != NULL)
    {
      status->enrolled = gest_sync_is_enrolled (store);
      status->last_sync = gest_sync_get_last_sync (store);
      status->pending = gest_sync_count_pending (store);
      status->last_error = gest_sync_get_last_error (store);
    }
  g_main_context_invoke_full (shared->context, G_PRIORITY_DEFAULT, status_cb, status,
                              (GDestroyNotify) status_free);
}

/* Waits for a kick, the interval, or stop. Returns FALSE on stop. */
static gboolean
wait_for_turn (Shared *shared)
{
  gint64 deadline = g_get_monotonic_time () + GEST_SYNC_SERVICE_INTERVAL_SECONDS * G_TIME_SPAN_SECOND;
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

  while (wait_for_turn (shared))
    {
      g_autoptr(GError) error = NULL;

      if (store == NULL)
        store = gest_store_open (shared->db_path, &error);
      if (store == NULL)
        {
          g_warning ("Sync cannot open %s: %s", shared->db_path, error->message);
          continue;
        }

      if (gest_sync_is_enrolled (store))
        {
          send_status (shared, store, TRUE);
          /* The outcome, error included, is in sync_state: send_status reads it. */
          gest_sync_run_once (store, shared->cancellable, &error);
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
        }
      send_status (shared, store, FALSE);
    }

  shared_unref (shared);

  return NULL;
}

typedef struct
{
  char *db_path;
  char *server_url;
  char *code;
  char *device_name;
} EnrollData;

static void
enroll_data_free (EnrollData *data)
{
  g_free (data->db_path);
  g_free (data->server_url);
  g_free (data->code);
  g_free (data->device_name);
  g_free (data);
}

static void
enroll_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EnrollData *data = task_data;
  g_autoptr(GestStore) store = NULL;
  GError *error = NULL;

  store = gest_store_open (data->db_path, &error);
  if (store == NULL ||
      !gest_sync_enroll (store, data->server_url, data->code, data->device_name, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
gest_sync_service_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GestSyncService *self = GEST_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_ENROLLED:
      g_value_set_boolean (value, self->enrolled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_sync_service_dispose (GObject *object)
{
  gest_sync_service_stop (GEST_SYNC_SERVICE (object));

  G_OBJECT_CLASS (gest_sync_service_parent_class)->dispose (object);
}

static void
gest_sync_service_finalize (GObject *object)
{
  GestSyncService *self = GEST_SYNC_SERVICE (object);

  g_clear_pointer (&self->shared, shared_unref);
  g_free (self->last_error);

  G_OBJECT_CLASS (gest_sync_service_parent_class)->finalize (object);
}

static void
gest_sync_service_class_init (GestSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = gest_sync_service_get_property;
  object_class->dispose = gest_sync_service_dispose;
  object_class->finalize = gest_sync_service_finalize;

  /* When the last round finished (unix µs); 0 if never. */
  properties[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Local changes the server has not answered yet. */
  properties[PROP_PENDING] = g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Why the last round failed, in words; NULL after a good one. */
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_ENROLLED] = g_param_spec_boolean ("enrolled", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_sync_service_init (GestSyncService *self)
{
}

GestSyncService *
gest_sync_service_new (GestStore *store)
{
  GestSyncService *self;
  Shared *shared;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_SYNC_SERVICE, NULL);

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
gest_sync_service_start (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  if (self->thread != NULL || self->shared->owner == NULL)
    return;

  self->shared->kicked = TRUE;
  self->thread = g_thread_new ("gest-sync", worker_thread, shared_ref (self->shared));
}

void
gest_sync_service_sync_now (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  g_mutex_lock (&self->shared->mutex);
  self->shared->kicked = TRUE;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

void
gest_sync_service_stop (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

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

gint64
gest_sync_service_get_last_sync (GestSyncService *self)
{
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (self), 0);
  return self->last_sync;
}

gint64
gest_sync_service_get_pending (GestSyncService *self)
{
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (self), 0);
  return self->pending;
}

const char *
gest_sync_service_get_last_error (GestSyncService *self)
{
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (self), NULL);
  return self->last_error;
}

gboolean
gest_sync_service_get_running (GestSyncService *self)
{
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (self), FALSE);
  return self->running;
}

gboolean
gest_sync_service_get_enrolled (GestSyncService *self)
{
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (self), FALSE);
  return self->enrolled;
}

void
gest_sync_service_enroll_async (GestSyncService     *self,
                                const char          *server_url,
                                const char          *code,
                                const char          *device_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EnrollData *data;

  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_sync_service_enroll_async);
  data = g_new0 (EnrollData, 1);
  data->db_path = g_strdup (self->shared->db_path);
  data->server_url = g_strdup (server_url);
  data->code = g_strdup (code);
  data->device_name = g_strdup (device_name);
  g_task_set_task_data (task, data, (GDestroyNotify) enroll_data_free);
  g_task_run_in_thread (task, enroll_thread);
}

gboolean
gest_sync_service_enroll_finish (GestSyncService  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  gest_sync_service_sync_now (self);
  return TRUE;
}
