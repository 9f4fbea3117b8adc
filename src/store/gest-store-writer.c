/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-store-private.h"
#include "gest-store-writer.h"

/* The UI thread never writes to SQLite itself: a save waits for the disk (fsync) and, worse,
 * for another connection's write transaction (the sync applying a page of changes). Both
 * happen here, on one thread with its own connection, in the order the saves were asked for,
 * while the UI thread keeps drawing. Reads stay on the UI thread's connection: in WAL mode
 * they never wait for a writer, and they see a save as soon as its completion is reported. */
struct _GestStoreWriter
{
  char        *path;
  GThreadPool *pool;     /* one thread: saves run in order, one at a time */
  GestStore   *conn;     /* the writer thread's connection, opened by the first save */
  guint        pending;  /* saves whose completion has not been reported; owner's context only */
};

typedef struct
{
  GestStoreWriteFunc func;
  gpointer           data;
  GDestroyNotify     data_free;
  GestUser          *user;      /* who asked for the save (issue 12); NULL before sign-in */
  GError            *error;     /* set on the writer thread, reported by complete_idle() */
} WriteData;

static void
write_data_free (WriteData *data)
{
  if (data->data_free != NULL)
    data->data_free (data->data);
  g_clear_pointer (&data->user, gest_user_unref);
  g_clear_error (&data->error);
  g_free (data);
}

/* After the save's callback returned (GTask notifies "completed" then). */
static void
completed_cb (GTask      *task,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GestStoreWriter *writer = gest_store_get_writer (g_task_get_source_object (task));

  g_assert (writer->pending > 0);
  writer->pending--;
}

/* Reports a save in the task's context. The writer thread does not call g_task_return_*()
 * itself: the task's last reference must be dropped in this context, or the store, and with
 * it this writer, could be finalized on the writer's own thread. */
static gboolean
complete_idle (gpointer user_data)
{
  GTask *task = user_data;
  WriteData *write = g_task_get_task_data (task);

  if (write->error != NULL)
    g_task_return_error (task, g_steal_pointer (&write->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
run_in_transaction (GestStoreWriter     *writer,
                    WriteData           *data,
                    GError             **error)
{
  if (writer->conn == NULL)
    {
      writer->conn = gest_store_open (writer->path, error);
      if (writer->conn == NULL)
        return FALSE;
    }
  /* The save acts as the user who asked for it, even when another signed in since. */
  gest_store_set_user (writer->conn, data->user);
  if (!gest_store_begin (writer->conn, TRUE, error))
    return FALSE;
  if (!data->func (writer->conn, data->data, error))
    {
      gest_store_rollback (writer->conn);
      /* A save that fails without saying why is a bug; the user still gets a message. */
      if (*error == NULL)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_STORE,
                             _("The change could not be saved. Try again; if it keeps failing, "
                               "restart Gestiona."));
      return FALSE;
    }
  return gest_store_commit (writer->conn, error);
}

static void
writer_thread (gpointer task_ptr,
               gpointer writer_ptr)
{
  GTask *task = task_ptr;
  GestStoreWriter *writer = writer_ptr;
  WriteData *write = g_task_get_task_data (task);
  GSource *done;

  /* A save that has not started can still be called off; one that has runs to its end. */
  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &write->error))
    run_in_transaction (writer, write, &write->error);

  /* Not g_main_context_invoke(): it would run complete_idle() right here when no thread is
   * iterating the context. */
  done = g_idle_source_new ();
  g_source_set_priority (done, g_task_get_priority (task));
  g_source_set_callback (done, complete_idle, task, NULL);
  g_source_set_static_name (done, "[gestiona] store write done");
  g_source_attach (done, g_task_get_context (task));
  g_source_unref (done);
}

GestStoreWriter *
gest_store_writer_new (const char *path)
{
  GestStoreWriter *writer = g_new0 (GestStoreWriter, 1);

  writer->path = g_strdup (path);
  /* Not exclusive: the thread ends when idle and a new one starts with the next save. */
  writer->pool = g_thread_pool_new (writer_thread, writer, 1, FALSE, NULL);
  return writer;
}

void
gest_store_writer_free (GestStoreWriter *writer)
{
  g_thread_pool_free (writer->pool, FALSE, TRUE);
  g_clear_object (&writer->conn);
  g_free (writer->path);
  g_free (writer);
}

void
gest_store_write_async (GestStore           *self,
                        GestStoreWriteFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GestStoreWriter *writer;
  WriteData *write;
  GTask *task;

  g_return_if_fail (GEST_IS_STORE (self));
  g_return_if_fail (func != NULL);

  write = g_new0 (WriteData, 1);
  write->func = func;
  write->data = data;
  write->data_free = data_free;
  if (gest_store_get_user (self) != NULL)
    write->user = gest_user_ref (gest_store_get_user (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_store_write_async);
  g_task_set_task_data (task, write, (GDestroyNotify) write_data_free);

  writer = gest_store_get_writer (self);
  writer->pending++;
  g_signal_connect (task, "notify::completed", G_CALLBACK (completed_cb), NULL);
  /* The pool owns this reference until complete_idle(). */
  g_thread_pool_push (writer->pool, task, NULL);
}

gboolean
gest_store_write_finish (GestStore     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gest_store_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
gest_store_write_get_data (GAsyncResult *result)
{
  WriteData *write;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gest_store_write_async, NULL);

  write = g_task_get_task_data (G_TASK (result));
  return write->data;
}

guint
gest_store_get_pending_writes (GestStore *self)
{
  g_return_val_if_fail (GEST_IS_STORE (self), 0);

  return gest_store_get_writer (self)->pending;
}

void
gest_store_wait_for_writes (GestStore *self)
{
  GestStoreWriter *writer;

  g_return_if_fail (GEST_IS_STORE (self));

  writer = gest_store_get_writer (self);
  while (writer->pending > 0)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
}

/* The writes every part of the app makes. */

static gboolean
set_setting_write (GestStore  *store,
                   gpointer    data,
                   GError    **error)
{
  char **key_value = data;

  return gest_store_set_setting (store, key_value[0], key_value[1], error);
}

void
gest_store_set_setting_async (GestStore           *self,
                              const char          *key,
                              const char          *value,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  char **key_value;

  g_return_if_fail (GEST_IS_STORE (self));
  g_return_if_fail (key != NULL);

  key_value = g_new0 (char *, 3);
  key_value[0] = g_strdup (key);
  /* NULL (delete the setting) ends the vector early; g_strfreev() frees what is there. */
  key_value[1] = g_strdup (value);
  gest_store_write_async (self, set_setting_write, key_value, (GDestroyNotify) g_strfreev,
                          cancellable, callback, user_data);
}

gboolean
gest_store_set_setting_finish (GestStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return gest_store_write_finish (self, result, error);
}
