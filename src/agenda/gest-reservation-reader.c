/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-reservation-reader.h"

struct _GestReservationReader
{
  GMutex     lock;
  char      *db_path;
  GestStore *store;       /* opened on the first read's thread; used under lock */
};

typedef struct
{
  GestReservationReader   *reader;
  GestReservationReadFunc  func;
  gpointer                 data;
  GDestroyNotify           data_free;
  GDestroyNotify           result_free;
} Run;

static void
run_free (Run *run)
{
  gest_reservation_reader_unref (run->reader);
  if (run->data_free != NULL && run->data != NULL)
    run->data_free (run->data);
  g_free (run);
}

static void
reader_clear (GestReservationReader *reader)
{
  g_clear_object (&reader->store);
  g_free (reader->db_path);
  g_mutex_clear (&reader->lock);
}

/* A query still running when its read is cancelled (the user typed on) stops there. */
static int
cancelled_cb (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  GestReservationReader *reader = run->reader;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_mutex_lock (&reader->lock);
  if (reader->store == NULL)
    {
      g_autoptr(GestStore) store = gest_store_open (reader->db_path, &error);

      if (store != NULL && gest_store_set_read_only (store, TRUE, &error))
        reader->store = g_steal_pointer (&store);
    }
  if (reader->store != NULL)
    {
      sqlite3 *db = gest_store_get_db (reader->store);

      if (cancellable != NULL)
        sqlite3_progress_handler (db, 1000, cancelled_cb, cancellable);
      result = run->func (reader->store, run->data, cancellable, &error);
      sqlite3_progress_handler (db, 0, NULL, NULL);
    }
  g_mutex_unlock (&reader->lock);
  /* A cancelled read's result, whole or cut short, is never used. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      if (result != NULL && run->result_free != NULL)
        run->result_free (result);
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (cancellable, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, run->result_free);
}

GestReservationReader *
gest_reservation_reader_new (const char *db_path)
{
  GestReservationReader *reader;

  g_return_val_if_fail (db_path != NULL, NULL);

  reader = g_atomic_rc_box_new0 (GestReservationReader);
  g_mutex_init (&reader->lock);
  reader->db_path = g_strdup (db_path);
  return reader;
}

GestReservationReader *
gest_reservation_reader_ref (GestReservationReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return g_atomic_rc_box_acquire (reader);
}

void
gest_reservation_reader_unref (GestReservationReader *reader)
{
  g_return_if_fail (reader != NULL);

  g_atomic_rc_box_release_full (reader, (GDestroyNotify) reader_clear);
}

void
gest_reservation_reader_run_async (GestReservationReader   *reader,
                                   GestReservationReadFunc  func,
                                   gpointer                 data,
                                   GDestroyNotify           data_free,
                                   GDestroyNotify           result_free,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (func != NULL);

  run = g_new0 (Run, 1);
  run->reader = gest_reservation_reader_ref (reader);
  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_reservation_reader_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
gest_reservation_reader_run_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
gest_reservation_reader_get_data (GAsyncResult *result)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  run = g_task_get_task_data (G_TASK (result));
  return run->data;
}

char *
gest_reservation_read_open_actions (GestStore   *store,
                                    const char  *vehicle_uuid,
                                    GError     **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  GString *text;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (vehicle_uuid != NULL, NULL);

  actions = gest_campaign_open_actions_for_vehicle (store, vehicle_uuid, error);
  if (actions == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      GestOpenFieldAction *action = g_ptr_array_index (actions, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an open field action, "24S12: Reemplazo del inflador". */
      g_string_append_printf (text, _("%s: %s"), action->code, action->description);
    }
  return g_string_free (text, FALSE);
}
