/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-document-changes.h"

gboolean
gest_document_store_save_copy (GestDocumentStore  *self,
                               GestDocument       *document,
                               GFile              *destination,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), FALSE);
  g_return_val_if_fail (GEST_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  /* A damaged stored copy must not leave the store looking like the original. */
  if (!gest_document_store_verify (self, document, cancellable, error))
    return FALSE;

  path = gest_document_store_get_content_path (self, gest_document_get_sha256 (document));
  source = g_file_new_for_path (path);
  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    cancellable, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      name = g_file_get_parse_name (destination);
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   /* Translators: the first %s is a document's name, the second a path. */
                   _("Could not save a copy of “%s” as “%s”: %s. Choose a folder you may write to, with free space."),
                   gest_document_get_filename (document), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
gest_document_store_save_temporary_copy (GestDocumentStore  *self,
                                         GestDocument       *document,
                                         GCancellable       *cancellable,
                                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);
  g_return_val_if_fail (GEST_IS_DOCUMENT (document), NULL);

  dir = g_dir_make_tmp ("gestiona-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not make a temporary folder to open “%s”: %s. Free some disk space and try again."),
                   gest_document_get_filename (document), local_error->message);
      return NULL;
    }
  /* The name came from another computer maybe: only its last part, never "." or "..". */
  name = g_path_get_basename (gest_document_get_filename (document));
  if (g_str_equal (name, ".") || g_str_equal (name, "..") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup ("document");
    }
  path = g_build_filename (dir, name, NULL);
  destination = g_file_new_for_path (path);
  if (!gest_document_store_save_copy (self, document, destination, cancellable, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
gest_document_remove (GestStore   *store,
                      const char  *uuid,
                      GError     **error)
{
  g_autofree char *record_uuid = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *text = NULL;
  GestDocumentKind kind = GEST_DOCUMENT_KIND_OTHER;
  sqlite3_stmt *stmt;
  gboolean own, ok = TRUE;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_document_remove", &own, error))
    return FALSE;

  stmt = gest_store_prepare (store,
                             "SELECT record_uuid, filename, kind FROM documents WHERE uuid = ? AND deleted = 0",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          record_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          filename = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          gest_document_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &kind);
        }
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("There is no document with the id “%s”. It may have been removed; refresh the list."),
                       uuid);
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        ok = gest_store_set_error (store, error);
    }
  if (ok)
    {
      /* Marked, not deleted: the sync triggers send the removal to the other computers. */
      stmt = gest_store_prepare (store,
                                 "UPDATE documents SET deleted = 1, updated_at = ? WHERE uuid = ? AND deleted = 0",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, gest_timestamp_now ());
          sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            ok = gest_store_set_error (store, error);
        }
    }
  if (ok)
    {
      /* Translators: first %s is a file name, second a document kind ("Invoice"). */
      text = g_strdup_printf (_("Document removed: %s (%s)"), filename, gest_document_kind_label (kind));
      ok = gest_activity_log_append (store, record_uuid, GEST_ACTIVITY_DOCUMENT, text, NULL, NULL, error) > 0;
    }
  return gest_store_end_change (store, "gest_document_remove", own, ok, error) && ok;
}

typedef struct
{
  char *uuid;
  char *record_uuid;   /* found on the UI thread, for the signal */
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_free (data->uuid);
  g_free (data->record_uuid);
  g_free (data);
}

/* On the store's writer thread. */
static gboolean
remove_write (GestStore  *store,
              gpointer    user_data,
              GError    **error)
{
  RemoveData *data = user_data;

  return gest_document_remove (store, data->uuid, error);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GestDocumentStore *self = g_task_get_source_object (task);
  RemoveData *data = gest_store_write_get_data (result);
  GError *error = NULL;

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit_by_name (self, "document-removed", data->uuid, data->record_uuid);
  g_task_return_boolean (task, TRUE);
}

void
gest_document_store_remove_async (GestDocumentStore   *self,
                                  const char          *uuid,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GestDocument) document = NULL;
  GTask *task;
  RemoveData *data;

  g_return_if_fail (GEST_IS_DOCUMENT_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_document_store_remove_async);
  data = g_new0 (RemoveData, 1);
  data->uuid = g_strdup (uuid);
  document = gest_document_store_lookup (self, uuid, NULL);
  if (document != NULL)
    data->record_uuid = g_strdup (gest_document_get_record_uuid (document));
  gest_store_write_async (gest_document_store_get_store (self), remove_write, data, (GDestroyNotify) remove_data_free,
                          cancellable, removed_cb, task);
}

gboolean
gest_document_store_remove_finish (GestDocumentStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
