/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-render-queue.h"

G_BEGIN_DECLS

/* X4: a viewer for one document (PDF or scan): the page, page navigation, zoom
 * (preview.zoom-in <Ctrl>plus, preview.zoom-out <Ctrl>minus, preview.zoom-fit-width <Ctrl>0),
 * a spinner while the render queue works and a status page with the reason when the file
 * cannot be shown. Pages are rendered off the UI thread by a GestRenderQueue; pending renders
 * are cancelled when the widget is disposed. */
#define GEST_TYPE_DOCUMENT_PREVIEW (gest_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (GestDocumentPreview, gest_document_preview, GEST, DOCUMENT_PREVIEW, GtkWidget)

/* @queue: NULL for gest_render_queue_get_default(). */
GtkWidget    *gest_document_preview_new               (GestRenderQueue     *queue);
/* Shows the file at @path from its first page, fit to width. @cache_key names the content
 * (its SHA-256) or is NULL. @path NULL clears the viewer. */
void          gest_document_preview_set_file          (GestDocumentPreview *self,
                                                       const char          *path,
                                                       const char          *cache_key);
const char   *gest_document_preview_get_path          (GestDocumentPreview *self);
/* 0-based. Out-of-range pages are clamped once the page count is known. */
guint         gest_document_preview_get_page          (GestDocumentPreview *self);
void          gest_document_preview_set_page          (GestDocumentPreview *self,
                                                       guint                page);
/* 0 until the document is loaded, and when it cannot be shown. */
guint         gest_document_preview_get_n_pages       (GestDocumentPreview *self);
/* 1.0 shows the page at its real size on a 96-dpi screen. */
double        gest_document_preview_get_zoom          (GestDocumentPreview *self);
void          gest_document_preview_set_zoom          (GestDocumentPreview *self,
                                                       double               zoom);
gboolean      gest_document_preview_get_fit_width     (GestDocumentPreview *self);
void          gest_document_preview_set_fit_width     (GestDocumentPreview *self,
                                                       gboolean             fit_width);
/* TRUE while a page is being rendered. */
gboolean      gest_document_preview_get_loading       (GestDocumentPreview *self);
/* Why the document cannot be shown, or NULL. */
const char   *gest_document_preview_get_error_message (GestDocumentPreview *self);
/* The page on screen, or NULL. */
GdkPaintable *gest_document_preview_get_paintable     (GestDocumentPreview *self);

G_END_DECLS
