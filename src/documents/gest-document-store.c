/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-blob.h"
#include "gest-date.h"
#include "gest-document-store.h"

struct _GestDocumentStore
{
  GObject    parent_instance;

  GestStore *store;
};

typedef struct
{
  char             *record_uuid;
  GFile            *file;
  GestDocumentKind  kind;
  char             *files_dir;
  gint64            max_size;  /* gest_document_store_get_max_size () */
  GestBlobInfo      blob;      /* filled on the worker */
  GestDocument     *document;  /* made on the writer thread */
} AddData;

G_DEFINE_FINAL_TYPE (GestDocumentStore, gest_document_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  DOCUMENT_ADDED,
  DOCUMENT_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
add_data_free (AddData *data)
{
  g_free (data->record_uuid);
  g_clear_object (&data->file);
  g_free (data->files_dir);
  gest_blob_info_clear (&data->blob);
  g_clear_object (&data->document);
  g_free (data);
}

/* Inserts the row and its activity entry in one transaction, or in a savepoint when the
 * caller already has a transaction open, so both are written or neither. */
static GestDocument *
insert_document (GestStore           *store,
                 const char          *record_uuid,
                 GestDocumentKind     kind,
                 const GestBlobInfo  *blob,
                 GError             **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *added_by = gest_store_get_user_name (store);
  g_autofree char *text = NULL;
  gint64 added_at = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean own, ok;
  int rc;

  if (!gest_store_begin_change (store, "gest_document_add", &own, error))
    return NULL;

  stmt = gest_store_prepare (store,
                             "INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type,"
                             " filename, added_by, added_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, record_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, gest_document_kind_id (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, blob->sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, blob->size);
      sqlite3_bind_text (stmt, 6, blob->mime_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, blob->filename, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, added_by, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, added_at);
      sqlite3_bind_int64 (stmt, 10, added_at);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        ok = gest_store_set_error (store, error);
    }
  if (ok)
    {
      /* Translators: first %s is a file name, second a document kind ("Invoice"). */
      text = g_strdup_printf (_("Document attached: %s (%s)"), blob->filename, gest_document_kind_label (kind));
      ok = gest_activity_log_append (store, record_uuid, GEST_ACTIVITY_DOCUMENT, text, NULL, NULL, error) > 0;
    }
  if (!gest_store_end_change (store, "gest_document_add", own, ok, error))
    return NULL;

  return gest_document_new (uuid, record_uuid, kind, blob->sha256, blob->size,
                            blob->mime_type, blob->filename, added_by, added_at);
}

static GestDocument *
document_from_row (sqlite3_stmt *stmt)
{
  GestDocumentKind kind = GEST_DOCUMENT_KIND_OTHER;

  /* A kind this build does not know (added by a newer Gestiona) shows as "Other". */
  gest_document_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &kind);
  return gest_document_new ((const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            kind,
                            (const char *) sqlite3_column_text (stmt, 3),
                            sqlite3_column_int64 (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5),
                            (const char *) sqlite3_column_text (stmt, 6),
                            (const char *) sqlite3_column_text (stmt, 7),
                            sqlite3_column_int64 (stmt, 8));
}

#define DOCUMENT_COLUMNS "uuid, record_uuid, kind, sha256, size, mime_type, filename, added_by, added_at"

/* Issue 16.4: what may be attached at all. Only a regular file (not /dev/zero, a pipe or a
 * folder), of at most @max_size bytes, told before a byte of it is read: a larger one could
 * never reach the sync server, and would fill the disk first. */
static gboolean
check_source (GFile         *file,
              gint64         max_size,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not read “%s”: %s. Check that the file still exists and that you may open it."),
                   name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a regular file (it is a folder, a device or a pipe), so it was "
                     "not attached. Attach a document file."),
                   name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > max_size)
    {
      size_text = g_format_size ((guint64) g_file_info_get_size (info));
      max_text = g_format_size ((guint64) max_size);
      /* TRANSLATORS: the second %s is the file's size ("300.0 MB"), the third the limit. */
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is %s, more than the %s a document may have, so it was not attached. "
                     "Attach a smaller file (a scan at a lower resolution, or split in parts)."),
                   name, size_text, max_text);
      return FALSE;
    }
  return TRUE;
}

/* After the copy: a file that grew while it was read is refused too. */
static gboolean
check_stored (const GestBlobInfo  *blob,
              gint64               max_size,
              GError             **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  if (blob->size <= max_size)
    return TRUE;
  size_text = g_format_size ((guint64) blob->size);
  max_text = g_format_size ((guint64) max_size);
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is %s, more than the %s a document may have, so it was not attached. "
                 "Attach a smaller file (a scan at a lower resolution, or split in parts)."),
               blob->filename, size_text, max_text);
  return FALSE;
}

gint64
gest_document_store_get_max_size (GestStore *store)
{
  g_autofree char *local = NULL;
  g_autofree char *server = NULL;
  gint64 max = GEST_DOCUMENT_DEFAULT_MAX_SIZE;
  gint64 value;

  g_return_val_if_fail (GEST_IS_STORE (store), GEST_DOCUMENT_DEFAULT_MAX_SIZE);

  local = gest_store_get_setting (store, "documents.max-size");
  if (local != NULL && (value = g_ascii_strtoll (local, NULL, 10)) > 0)
    max = value;
  /* The sync server's limit, when it told it (enrollment, pull): never attach what it would
   * refuse. */
  server = gest_store_get_value (store, "sync_state", "max-blob");
  if (server != NULL && (value = g_ascii_strtoll (server, NULL, 10)) > 0)
    max = MIN (max, value);
  return max;
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;

  if (check_source (data->file, data->max_size, cancellable, &error) &&
      gest_blob_store_file (data->files_dir, data->file, &data->blob, cancellable, &error) &&
      check_stored (&data->blob, data->max_size, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* On the store's writer thread. */
static gboolean
insert_write (GestStore  *store,
              gpointer    user_data,
              GError    **error)
{
  AddData *data = user_data;

  data->document = insert_document (store, data->record_uuid, data->kind, &data->blob, error);
  return data->document != NULL;
}

static void
add_inserted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GestDocumentStore *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit (self, signals[DOCUMENT_ADDED], 0, data->document);
  g_task_return_pointer (task, g_steal_pointer (&data->document), g_object_unref);
}

/* Back on the UI thread: the content is on disk; the row is written on the writer thread. */
static void
add_blob_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GestDocumentStore *self = GEST_DOCUMENT_STORE (object);
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The task's data lives as long as the task, which the write holds. */
  gest_store_write_async (self->store, insert_write, data, NULL, NULL, add_inserted_cb,
                          g_steal_pointer (&task));
}

static void
gest_document_store_dispose (GObject *object)
{
  GestDocumentStore *self = (GestDocumentStore *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_document_store_parent_class)->dispose (object);
}

static void
gest_document_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestDocumentStore *self = GEST_DOCUMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestDocumentStore *self = GEST_DOCUMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_store_class_init (GestDocumentStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_document_store_dispose;
  object_class->get_property = gest_document_store_get_property;
  object_class->set_property = gest_document_store_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GestDocumentStore::document-added:
   * @document: the new GestDocument
   *
   * Emitted after a document was committed, so lists of its record can refresh.
   */
  signals[DOCUMENT_ADDED] =
    g_signal_new ("document-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GEST_TYPE_DOCUMENT);

  /**
   * GestDocumentStore::document-removed:
   * @uuid: the removed document's uuid
   * @record_uuid: the record it belonged to
   *
   * Emitted after a removal was committed (gest_document_store_remove_async()).
   */
  signals[DOCUMENT_REMOVED] =
    g_signal_new ("document-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
gest_document_store_init (GestDocumentStore *self)
{
}

GestDocumentStore *
gest_document_store_new (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_DOCUMENT_STORE, "store", store, NULL);
}

GestStore *
gest_document_store_get_store (GestDocumentStore *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);

  return self->store;
}

GestDocument *
gest_document_store_add (GestDocumentStore  *self,
                         const char         *record_uuid,
                         GFile              *file,
                         GestDocumentKind    kind,
                         GCancellable       *cancellable,
                         GError            **error)
{
  GestBlobInfo blob = { 0 };
  GestDocument *document;
  gint64 max_size;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind < GEST_N_DOCUMENT_KINDS, NULL);

  max_size = gest_document_store_get_max_size (self->store);
  if (!check_source (file, max_size, cancellable, error) ||
      !gest_blob_store_file (gest_store_get_files_dir (self->store), file, &blob, cancellable, error))
    return NULL;
  if (!check_stored (&blob, max_size, error))
    {
      gest_blob_info_clear (&blob);
      return NULL;
    }

  document = insert_document (self->store, record_uuid, kind, &blob, error);
  gest_blob_info_clear (&blob);
  if (document != NULL)
    g_signal_emit (self, signals[DOCUMENT_ADDED], 0, document);
  return document;
}

void
gest_document_store_add_async (GestDocumentStore   *self,
                               const char          *record_uuid,
                               GFile               *file,
                               GestDocumentKind     kind,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) copy_task = NULL;
  AddData *data;

  g_return_if_fail (GEST_IS_DOCUMENT_STORE (self));
  g_return_if_fail (record_uuid != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind < GEST_N_DOCUMENT_KINDS);

  data = g_new0 (AddData, 1);
  data->record_uuid = g_strdup (record_uuid);
  data->file = g_object_ref (file);
  data->kind = kind;
  data->files_dir = g_strdup (gest_store_get_files_dir (self->store));
  data->max_size = gest_document_store_get_max_size (self->store);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_document_store_add_async);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  /* The copy runs on a worker; its completion comes back to this thread, which owns the
   * SQLite connection. The outer task is borrowed by the copy's task data. */
  copy_task = g_task_new (self, cancellable, add_blob_stored_cb, g_object_ref (task));
  g_task_set_source_tag (copy_task, gest_document_store_add_async);
  g_task_set_task_data (copy_task, data, NULL);
  g_task_run_in_thread (copy_task, add_thread);
}

GestDocument *
gest_document_store_add_finish (GestDocumentStore  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GListModel *
gest_document_store_list (GestDocumentStore  *self,
                          const char         *record_uuid,
                          GError            **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);

  stmt = gest_store_prepare (self->store,
                             "SELECT " DOCUMENT_COLUMNS " FROM documents"
                             " WHERE record_uuid = ? AND deleted = 0"
                             " ORDER BY added_at, rowid",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_TRANSIENT);

  list = g_list_store_new (GEST_TYPE_DOCUMENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GestDocument) document = document_from_row (stmt);

      g_list_store_append (list, document);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (self->store, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GestDocument *
gest_document_store_lookup (GestDocumentStore  *self,
                            const char         *uuid,
                            GError            **error)
{
  GestDocument *document = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare (self->store,
                             "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE uuid = ? AND deleted = 0",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document = document_from_row (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return document;
  if (rc == SQLITE_DONE)
    g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                 _("There is no document with the id “%s”. It may have been removed; refresh the list."),
                 uuid);
  else
    gest_store_set_error (self->store, error);
  return NULL;
}

char *
gest_document_store_get_content_path (GestDocumentStore *self,
                                      const char        *sha256)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), NULL);

  /* Issue 16.6: only 64 characters 0-9, a-f name a file; anything else (a row written
   * before pulled data was checked, "../../a.db.sync-token") could name a path outside the
   * files folder. */
  if (!gest_document_sha256_is_valid (sha256))
    return NULL;
  return gest_blob_path (gest_store_get_files_dir (self->store), sha256);
}

gboolean
gest_document_store_verify (GestDocumentStore  *self,
                            GestDocument       *document,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  g_return_val_if_fail (GEST_IS_DOCUMENT_STORE (self), FALSE);
  g_return_val_if_fail (GEST_IS_DOCUMENT (document), FALSE);

  path = gest_document_store_get_content_path (self, gest_document_get_sha256 (document));
  if (path == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_TAMPERED,
                   _("The fingerprint of “%s” is not a SHA-256, so it names no stored copy. Attach the original file again."),
                   gest_document_get_filename (document));
      return FALSE;
    }
  sha256 = gest_blob_hash_file (path, &size, cancellable, &local_error);
  if (sha256 == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("The stored copy of “%s” is missing from Gestiona's files folder. Restore the folder from a backup or attach the original file again."),
                     gest_document_get_filename (document));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                     _("Could not read the stored copy of “%s”: %s. Check the disk and the files folder's permissions."),
                     gest_document_get_filename (document), local_error->message);
      return FALSE;
    }

  if (size != gest_document_get_size (document) ||
      !g_str_equal (sha256, gest_document_get_sha256 (document)))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_TAMPERED,
                   _("The stored copy of “%s” no longer matches its SHA-256 fingerprint: it was changed or damaged on disk. Attach the original file again."),
                   gest_document_get_filename (document));
      return FALSE;
    }
  return TRUE;
}

