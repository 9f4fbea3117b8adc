/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-render-queue.h"

G_BEGIN_DECLS

/* X4: the first page of a document, small, for cards and lists. Shows an icon for the
 * document's type while the render queue works and when the file cannot be shown. The
 * pending render is cancelled when the file changes and on dispose. */
#define GEST_TYPE_DOCUMENT_THUMBNAIL (gest_document_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (GestDocumentThumbnail, gest_document_thumbnail, GEST, DOCUMENT_THUMBNAIL, GtkWidget)

/* @queue: NULL for gest_render_queue_get_default(). @width: pixels, e.g. 96. */
GtkWidget  *gest_document_thumbnail_new       (GestRenderQueue       *queue,
                                               int                    width);
/* @path NULL clears. @cache_key: the content's SHA-256 or NULL. @mime_type chooses the
 * fallback icon (NULL: a generic document). */
void        gest_document_thumbnail_set_file  (GestDocumentThumbnail *self,
                                               const char            *path,
                                               const char            *cache_key,
                                               const char            *mime_type);
int         gest_document_thumbnail_get_width (GestDocumentThumbnail *self);
/* TRUE once the page image is shown (FALSE while loading, on error, when empty). */
gboolean    gest_document_thumbnail_get_ready (GestDocumentThumbnail *self);

G_END_DECLS
