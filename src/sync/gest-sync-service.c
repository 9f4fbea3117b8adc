/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync-service"

#include "config.h"

#include "gest-periodic-worker.h"
#include "gest-sync-client.h"
#include "gest-sync-service.h"

/* What the rounds keep between them; worker thread only. */
typedef struct
{
  char      *db_path;
  GestStore *store;
} Round;

typedef struct
{
  gboolean  running;
  gboolean  enrolled;
  gint64    last_sync;
  gint64    pending;
  char     *last_error;
} Status;

struct _GestSyncService
{
  GObject             parent_instance;

  GestPeriodicWorker *worker;
  char               *db_path;

  gint64              last_sync;
  gint64              pending;
  char               *last_error;
  gboolean            running;
  gboolean            enrolled;
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

static void
round_free (Round *round)
{
  g_free (round->db_path);
  g_clear_object (&round->store);
  g_free (round);
}

static void
status_free (Status *status)
{
  g_free (status->last_error);
  g_free (status);
}

/* A status from the worker, on the main context. */
static void
status_cb (gpointer owner,
           gpointer result)
{
  GestSyncService *self = owner;
  const Status *status = result;

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

static void
send_status (GestPeriodicWorker *worker,
             GestStore          *store,
             gboolean            running)
{
  Status *status = g_new0 (Status, 1);

  status->running = running;
  if (store != NULL)
    {
      status->enrolled = gest_sync_is_enrolled (store);
      status->last_sync = gest_sync_get_last_sync (store);
      status->pending = gest_sync_count_pending (store);
      status->last_error = gest_sync_get_last_error (store);
    }
  gest_periodic_worker_deliver (worker, status_cb, status, (GDestroyNotify) status_free);
}

static void
sync_round (GestPeriodicWorker *worker,
            gpointer            round_data,
            GCancellable       *cancellable)
{
  Round *round = round_data;
  g_autoptr(GError) error = NULL;

  if (round->store == NULL)
    round->store = gest_store_open (round->db_path, &error);
  if (round->store == NULL)
    {
      g_warning ("Sync cannot open %s: %s", round->db_path, error->message);
      return;
    }

  if (gest_sync_is_enrolled (round->store))
    {
      send_status (worker, round->store, TRUE);
      /* The outcome, error included, is in sync_state: send_status reads it. */
      gest_sync_run_once (round->store, cancellable, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }
  send_status (worker, round->store, FALSE);
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

  g_clear_object (&self->worker);
  g_free (self->db_path);
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
  Round *round;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_SYNC_SERVICE, NULL);
  self->db_path = g_strdup (gest_store_get_path (store));

  round = g_new0 (Round, 1);
  round->db_path = g_strdup (self->db_path);
  self->worker = gest_periodic_worker_new ("gest-sync", GEST_SYNC_SERVICE_INTERVAL_SECONDS, self,
                                           sync_round, round, (GDestroyNotify) round_free);

  return self;
}

void
gest_sync_service_start (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  gest_periodic_worker_start (self->worker);
}

void
gest_sync_service_sync_now (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  gest_periodic_worker_run_now (self->worker);
}

void
gest_sync_service_stop (GestSyncService *self)
{
  g_return_if_fail (GEST_IS_SYNC_SERVICE (self));

  gest_periodic_worker_stop (self->worker);
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
  data->db_path = g_strdup (self->db_path);
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
