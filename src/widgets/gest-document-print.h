/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-render-queue.h"

G_BEGIN_DECLS

/* X4: prints a stored document (a PDF or a scan). Its pages are rendered at 150 dpi by
 * @queue (poppler stays on the queue's thread), then the print dialog opens; each page is
 * scaled to fit the paper, centred. finish() returns FALSE without an error when the user
 * cancelled the dialog. */
void     gest_document_print_async  (GtkWindow           *parent,
                                     GestRenderQueue     *queue,
                                     const char          *path,
                                     const char          *cache_key,
                                     const char          *title,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean gest_document_print_finish (GAsyncResult        *result,
                                     GError             **error);
/* The same pages through the same print operation, exported to the PDF file @pdf_path
 * without a dialog (a print to file; tests). Finish with gest_document_print_finish(). */
void     gest_document_print_export_async (GestRenderQueue     *queue,
                                           const char          *path,
                                           const char          *cache_key,
                                           const char          *title,
                                           const char          *pdf_path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

G_END_DECLS
