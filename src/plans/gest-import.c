/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gest-import.h"
#include "gest-import-private.h"

/* The import's loop: read a row, check it, write it (unless a dry run), report progress;
 * cancellation rolls the transaction back. gest_import_file_async() runs it in a GTask thread
 * with its own connection. */

#define PROGRESS_EVERY 2048

static void
issue_free (GestImportIssue *issue)
{
  g_free (issue->column);
  g_free (issue->message);
  g_free (issue);
}

void
gest_import_result_free (GestImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file_name);
  g_free (result->ignored_columns);
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  g_free (result);
}

typedef struct
{
  GestImportResult        *result;
  const GestImportMapping *mapping;
  gboolean                 row_bad;
} Run;

static void
add_issue (Run        *run,
           guint       row,
           int         column,
           const char *message)
{
  GestImportIssue *issue;

  run->row_bad = TRUE;
  run->result->n_issues++;
  if (run->result->issues->len >= GEST_IMPORT_MAX_ISSUES)
    return;
  issue = g_new0 (GestImportIssue, 1);
  issue->row = row;
  issue->column = g_strdup (column >= 0 && (guint) column < run->mapping->n_columns
                              ? run->mapping->headers[column] : "");
  issue->message = g_strdup (message);
  g_ptr_array_add (run->result->issues, issue);
}

static void
issue_cb (guint       row,
          int         column,
          const char *message,
          gpointer    user_data)
{
  add_issue (user_data, row, column, message);
}

static GestImportMapping *
read_header (GestStore         *store,
             GestImportReader  *reader,
             GestImportKind     kind,
             const char        *path,
             GError           **error)
{
  const char * const *cells = NULL;
  guint n = 0;
  g_autoptr(GError) local = NULL;

  if (!gest_import_reader_next (reader, &cells, &n, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("“%s” is empty: the first row must name the columns."), path);
      return NULL;
    }
  return gest_import_mapping_new (store, kind, cells, n);
}

gboolean
gest_import_file (GestStore                *store,
                  const char               *path,
                  GestImportKind            kind,
                  const GestImportMapping  *mapping,
                  gboolean                  dry_run,
                  GestImportProgressFunc    progress,
                  gpointer                  progress_data,
                  GCancellable             *cancellable,
                  GestImportResult        **out_result,
                  GError                  **error)
{
  g_autoptr(GestImportReader) reader = NULL;
  g_autoptr(GestImportMapping) header_mapping = NULL;
  g_autoptr(GestImportResult) result = NULL;
  GestImportWriter *writer = NULL;
  GestImportRecord record;
  Run run = { 0 };
  const char * const *cells;
  guint n_cells;
  gboolean xlsx;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = gest_import_reader_open (path, error);
  if (reader == NULL)
    return FALSE;
  header_mapping = read_header (store, reader, kind, path, error);
  if (header_mapping == NULL)
    return FALSE;
  if (mapping != NULL && (mapping->n_columns != header_mapping->n_columns || mapping->kind != kind))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The columns of “%s” changed since it was previewed: open it again."), path);
      return FALSE;
    }
  if (mapping == NULL)
    mapping = header_mapping;
  if (!gest_import_mapping_check (mapping, error))
    return FALSE;

  /* A user who may not import learns it before the file is read, dry run or not. */
  if (dry_run && !gest_store_check_permission (store, GEST_PERMISSION_IMPORT, error))
    return FALSE;
  if (!dry_run)
    {
      writer = gest_import_writer_begin (store, kind, error);
      if (writer == NULL)
        return FALSE;
      if (mapping != header_mapping && !gest_import_mapping_save (mapping, store, error))
        {
          gest_import_writer_abort (writer);
          return FALSE;
        }
    }

  result = g_new0 (GestImportResult, 1);
  result->kind = kind;
  result->file_name = g_path_get_basename (path);
  result->encoding = gest_import_reader_get_encoding (reader);
  result->separator = gest_import_reader_get_separator (reader);
  result->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  result->ignored_columns = gest_import_mapping_ignored (mapping);
  run.result = result;
  run.mapping = mapping;
  xlsx = gest_import_reader_get_format (reader) == GEST_IMPORT_FORMAT_XLSX;
  gest_import_record_init (&record);

  while (gest_import_reader_next (reader, &cells, &n_cells, &local))
    {
      guint row = gest_import_reader_get_row (reader);
      const char *problem = gest_import_reader_get_problem (reader);

      run.row_bad = FALSE;
      result->n_rows++;
      if (problem != NULL)
        add_issue (&run, row, -1, problem);
      if (gest_import_row_check (mapping, xlsx, row, cells, n_cells, &record, issue_cb, &run) &&
          !run.row_bad)
        {
          result->n_valid++;
          if (writer != NULL && !gest_import_writer_write (writer, &record, &local))
            break;
        }
      else
        result->n_invalid++;

      if (result->n_rows % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local))
            break;
          if (progress != NULL)
            progress (result->n_rows, gest_import_reader_get_position (reader),
                      gest_import_reader_get_size (reader), progress_data);
        }
    }
  gest_import_record_clear (&record);
  if (local == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &local);
  if (local != NULL)
    {
      if (writer != NULL)
        gest_import_writer_abort (writer);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (writer != NULL)
    {
      if (!gest_import_writer_commit (writer, result->file_name, result->n_invalid,
                                      &result->n_created, &result->n_updated, &result->n_unchanged,
                                      error))
        return FALSE;
      result->written = TRUE;
    }
  if (progress != NULL)
    progress (result->n_rows, gest_import_reader_get_size (reader),
              gest_import_reader_get_size (reader), progress_data);
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}

static void
csv_cell (GString    *out,
          const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
gest_import_result_export_errors (const GestImportResult  *result,
                                  const char              *path,
                                  GError                 **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, FALSE);

  csv_cell (out, _("Row"));
  g_string_append_c (out, ',');
  csv_cell (out, _("Column"));
  g_string_append_c (out, ',');
  csv_cell (out, _("Message"));
  g_string_append (out, "\r\n");
  for (guint i = 0; i < result->issues->len; i++)
    {
      const GestImportIssue *issue = g_ptr_array_index (result->issues, i);

      g_string_append_printf (out, "%u,", issue->row);
      csv_cell (out, issue->column);
      g_string_append_c (out, ',');
      csv_cell (out, issue->message);
      g_string_append (out, "\r\n");
    }
  if (!g_file_set_contents (path, out->str, out->len, error))
    return FALSE;
  return TRUE;
}

GestImportPreview *
gest_import_preview (GestStore       *store,
                     const char      *path,
                     GestImportKind   kind,
                     guint            n_rows,
                     GError         **error)
{
  g_autoptr(GestImportReader) reader = gest_import_reader_open (path, error);
  g_autoptr(GestImportPreview) preview = NULL;
  const char * const *cells;
  guint n;

  if (reader == NULL)
    return NULL;
  preview = g_new0 (GestImportPreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->mapping = read_header (store, reader, kind, path, error);
  if (preview->mapping == NULL)
    return NULL;
  preview->format = gest_import_reader_get_format (reader);
  preview->encoding = gest_import_reader_get_encoding (reader);
  preview->separator = gest_import_reader_get_separator (reader);
  while (preview->rows->len < n_rows && gest_import_reader_next (reader, &cells, &n, NULL))
    {
      GStrv row = g_new0 (char *, preview->mapping->n_columns + 1);

      for (guint i = 0; i < preview->mapping->n_columns; i++)
        row[i] = g_strdup (i < n ? cells[i] : "");
      g_ptr_array_add (preview->rows, row);
    }
  return g_steal_pointer (&preview);
}

void
gest_import_preview_free (GestImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->mapping, gest_import_mapping_free);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

/* The thread's task data. */
typedef struct
{
  char                   *db_path;
  GestUser               *user;
  char                   *path;
  GestImportKind          kind;
  GestImportMapping      *mapping;
  gboolean                dry_run;
  GestImportProgressFunc  progress;
  gpointer                progress_data;
  GMainContext           *context;
  gint64                  last_report;
  GMutex                  lock;
  gboolean                report_pending;
  guint                   rows;
  goffset                 position;
  goffset                 size;
} Task;

static void
task_free (Task *task)
{
  g_free (task->db_path);
  g_clear_pointer (&task->user, gest_user_unref);
  g_free (task->path);
  g_clear_pointer (&task->mapping, gest_import_mapping_free);
  g_clear_pointer (&task->context, g_main_context_unref);
  g_mutex_clear (&task->lock);
  g_free (task);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  GTask *gtask = user_data;
  Task *task = g_task_get_task_data (gtask);
  guint rows;
  goffset position, size;

  g_mutex_lock (&task->lock);
  rows = task->rows;
  position = task->position;
  size = task->size;
  task->report_pending = FALSE;
  g_mutex_unlock (&task->lock);
  if (task->progress != NULL && !g_task_get_completed (gtask))
    task->progress (rows, position, size, task->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the thread: at most one report queued, and none closer than 100 ms to the last one, so
 * the main loop is never flooded. */
static void
thread_progress (guint    rows,
                 goffset  position,
                 goffset  size,
                 gpointer user_data)
{
  GTask *gtask = user_data;
  Task *task = g_task_get_task_data (gtask);
  gint64 now = g_get_monotonic_time ();
  gboolean queue;

  g_mutex_lock (&task->lock);
  task->rows = rows;
  task->position = position;
  task->size = size;
  queue = !task->report_pending && now - task->last_report >= 100000;
  if (queue)
    {
      task->report_pending = TRUE;
      task->last_report = now;
    }
  g_mutex_unlock (&task->lock);
  if (queue)
    g_main_context_invoke_full (task->context, G_PRIORITY_DEFAULT, report_progress_cb,
                                g_object_ref (gtask), g_object_unref);
}

static void
import_thread (GTask        *gtask,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Task *task = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (task->db_path, &error);
  GestImportResult *result = NULL;

  if (store == NULL)
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  gest_store_set_user (store, task->user);
  if (!gest_import_file (store, task->path, task->kind, task->mapping, task->dry_run,
                         thread_progress, gtask, cancellable, &result, &error))
    g_task_return_error (gtask, g_steal_pointer (&error));
  else
    g_task_return_pointer (gtask, result, (GDestroyNotify) gest_import_result_free);
}

void
gest_import_file_async (const char               *db_path,
                        GestUser                 *user,
                        const char               *path,
                        GestImportKind            kind,
                        const GestImportMapping  *mapping,
                        gboolean                  dry_run,
                        GestImportProgressFunc    progress,
                        gpointer                  progress_data,
                        GCancellable             *cancellable,
                        GAsyncReadyCallback       callback,
                        gpointer                  user_data)
{
  g_autoptr(GTask) gtask = g_task_new (NULL, cancellable, callback, user_data);
  Task *task = g_new0 (Task, 1);

  g_return_if_fail (db_path != NULL && path != NULL);

  task->db_path = g_strdup (db_path);
  task->user = user != NULL ? gest_user_ref (user) : NULL;
  task->path = g_strdup (path);
  task->kind = kind;
  task->mapping = mapping != NULL ? gest_import_mapping_copy (mapping) : NULL;
  task->dry_run = dry_run;
  task->progress = progress;
  task->progress_data = progress_data;
  task->context = g_main_context_ref_thread_default ();
  g_mutex_init (&task->lock);
  g_task_set_source_tag (gtask, gest_import_file_async);
  g_task_set_task_data (gtask, task, (GDestroyNotify) task_free);
  g_task_run_in_thread (gtask, import_thread);
}

GestImportResult *
gest_import_file_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
