/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-loader"

#include "config.h"

#include "gest-agenda-loader.h"

struct _GestAgendaLoader
{
  GMutex     lock;
  char      *db_path;
  GestStore *store;       /* opened in the first read's thread */
};

typedef struct
{
  GestAgendaLoader   *loader;
  GestAgendaLoadFunc  func;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
  guint               serial;
} Run;

static void
loader_clear (GestAgendaLoader *loader)
{
  g_clear_object (&loader->store);
  g_free (loader->db_path);
  g_mutex_clear (&loader->lock);
}

static void
run_free (Run *run)
{
  if (run->data_free != NULL)
    run->data_free (run->data);
  gest_agenda_loader_unref (run->loader);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  GestAgendaLoader *loader = run->loader;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_mutex_lock (&loader->lock);
  if (loader->store == NULL)
    {
      g_autoptr(GestStore) store = gest_store_open (loader->db_path, &error);

      if (store != NULL && gest_store_set_read_only (store, TRUE, &error))
        loader->store = g_steal_pointer (&store);
    }
  if (loader->store != NULL)
    result = run->func (loader->store, run->data, &error);
  g_mutex_unlock (&loader->lock);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, run->result_free);
}

GestAgendaLoader *
gest_agenda_loader_new (const char *db_path)
{
  GestAgendaLoader *loader;

  g_return_val_if_fail (db_path != NULL, NULL);

  loader = g_atomic_rc_box_new0 (GestAgendaLoader);
  g_mutex_init (&loader->lock);
  loader->db_path = g_strdup (db_path);
  return loader;
}

void
gest_agenda_loader_unref (GestAgendaLoader *loader)
{
  g_atomic_rc_box_release_full (loader, (GDestroyNotify) loader_clear);
}

void
gest_agenda_loader_run (GestAgendaLoader    *loader,
                        GestAgendaLoadFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        guint                serial,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (loader != NULL && func != NULL);

  run = g_new0 (Run, 1);
  run->loader = g_atomic_rc_box_acquire (loader);
  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  run->serial = serial;
  /* No source object: the task may drop its last reference in the worker thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_agenda_loader_run);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
gest_agenda_loader_finish (GAsyncResult  *result,
                           guint         *out_serial,
                           GError       **error)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  run = g_task_get_task_data (G_TASK (result));
  if (out_serial != NULL)
    *out_serial = run->serial;
  return g_task_propagate_pointer (G_TASK (result), error);
}
