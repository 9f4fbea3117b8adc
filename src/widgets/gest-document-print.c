/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-print"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-document-print.h"
#include "gest-error.h"

/* 150 dpi: sharp on paper, about 8 MB a letter page in memory. */
#define PRINT_SCALE (150.0 / 72.0)

typedef struct
{
  GtkWindow       *parent;
  GestRenderQueue *queue;
  char            *path;
  char            *cache_key;
  char            *title;
  char            *export_path;   /* a PDF to write without a dialog, or NULL */
  GPtrArray       *pages;   /* GestRenderedPage, in order */
  gboolean         done;    /* the operation reported */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->queue);
  g_free (data->path);
  g_free (data->cache_key);
  g_free (data->title);
  g_free (data->export_path);
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_free (data);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  GestRenderedPage *page = g_ptr_array_index (data->pages, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  int width = gest_rendered_page_get_width (page);
  int height = gest_rendered_page_get_height (page);
  gsize size;
  const guchar *pixels = g_bytes_get_data (gest_rendered_page_get_bytes (page), &size);
  cairo_surface_t *surface;
  double scale;

  surface = cairo_image_surface_create_for_data ((guchar *) pixels, CAIRO_FORMAT_ARGB32, width, height,
                                                 (int) gest_rendered_page_get_stride (page));
  scale = MIN (paper_width / width, paper_height / height);
  cairo_save (cr);
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
report (GTask                   *task,
        GtkPrintOperation       *operation,
        GtkPrintOperationResult  result,
        const GError            *run_error)
{
  PrintData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (data->done)
    return;
  data->done = TRUE;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL && run_error != NULL)
        error = g_error_copy (run_error);
      g_task_return_new_error (task, GEST_ERROR, GEST_ERROR_INVALID,
                               /* Translators: the first %s is a document's name. */
                               _("Could not print “%s”: %s. Check that the printer is on and connected, then try again."),
                               data->title, error != NULL ? error->message : "");
    }
  else
    g_task_return_boolean (task, result != GTK_PRINT_OPERATION_RESULT_CANCEL);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GTask                   *task)
{
  report (task, operation, result, NULL);
}

static void
run_print (GTask *task)
{
  PrintData *data = g_task_get_task_data (task);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_n_pages (operation, (int) data->pages->len);
  gtk_print_operation_set_job_name (operation, data->title);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (task),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (data->export_path != NULL)
    gtk_print_operation_set_export_filename (operation, data->export_path);
  result = gtk_print_operation_run (operation,
                                    data->export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    data->parent, &error);
  /* A dialog cancelled, or a run that was not asynchronous, may end without "done". */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && !data->done)
    report (task, operation, result, error);
}

static void
page_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrintData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GestRenderedPage *page = gest_render_queue_render_finish (result, &error);

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (data->pages, page);
  if (data->pages->len < gest_rendered_page_get_n_pages (page) && !gest_rendered_page_get_first_page_only (page))
    {
      gest_render_queue_render_async (data->queue, data->path, data->cache_key, data->pages->len,
                                      PRINT_SCALE, g_task_get_cancellable (task), page_rendered_cb,
                                      g_object_ref (task));
      return;
    }
  run_print (task);
}

static void
start (GtkWindow           *parent,
       GestRenderQueue     *queue,
       const char          *path,
       const char          *cache_key,
       const char          *title,
       const char          *export_path,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task;
  PrintData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_document_print_async);
  data = g_new0 (PrintData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->queue = g_object_ref (queue);
  data->path = g_strdup (path);
  data->cache_key = g_strdup (cache_key);
  data->title = g_strdup (title != NULL ? title : "");
  data->export_path = g_strdup (export_path);
  data->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_rendered_page_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);
  if (path == NULL)
    {
      g_task_return_new_error (task, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                               _("The stored copy of “%s” cannot be found, so it cannot be printed. Attach the original file again."),
                               data->title);
      g_object_unref (task);
      return;
    }
  gest_render_queue_render_async (queue, path, cache_key, 0, PRINT_SCALE, cancellable,
                                  page_rendered_cb, task);
}

void
gest_document_print_async (GtkWindow           *parent,
                           GestRenderQueue     *queue,
                           const char          *path,
                           const char          *cache_key,
                           const char          *title,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (GEST_IS_RENDER_QUEUE (queue));

  start (parent, queue, path, cache_key, title, NULL, cancellable, callback, user_data);
}

void
gest_document_print_export_async (GestRenderQueue     *queue,
                                  const char          *path,
                                  const char          *cache_key,
                                  const char          *title,
                                  const char          *pdf_path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GEST_IS_RENDER_QUEUE (queue));
  g_return_if_fail (pdf_path != NULL);

  start (NULL, queue, path, cache_key, title, pdf_path, cancellable, callback, user_data);
}

gboolean
gest_document_print_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
