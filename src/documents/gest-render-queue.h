/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* X4: one rendered page, ready for a GdkMemoryTexture (GDK_MEMORY_DEFAULT, which is cairo's
 * native-endian premultiplied ARGB32). Immutable and reference counted; safe to share. */
typedef struct _GestRenderedPage GestRenderedPage;

#define GEST_TYPE_RENDERED_PAGE (gest_rendered_page_get_type ())
GType             gest_rendered_page_get_type        (void) G_GNUC_CONST;
GestRenderedPage *gest_rendered_page_ref             (GestRenderedPage *self);
void              gest_rendered_page_unref           (GestRenderedPage *self);
GBytes           *gest_rendered_page_get_bytes       (GestRenderedPage *self);
int               gest_rendered_page_get_width       (GestRenderedPage *self);  /* pixels */
int               gest_rendered_page_get_height      (GestRenderedPage *self);
gsize             gest_rendered_page_get_stride      (GestRenderedPage *self);
guint             gest_rendered_page_get_page        (GestRenderedPage *self);  /* 0-based */
guint             gest_rendered_page_get_n_pages     (GestRenderedPage *self);
/* Pixels per point actually used (after a fit-to-width request or a size cap). */
double            gest_rendered_page_get_scale       (GestRenderedPage *self);
/* The page's size in points (1/72 inch). */
double            gest_rendered_page_get_page_width  (GestRenderedPage *self);
double            gest_rendered_page_get_page_height (GestRenderedPage *self);
/* TRUE for a multi-page TIFF: only its first page is shown. */
gboolean          gest_rendered_page_get_first_page_only (GestRenderedPage *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestRenderedPage, gest_rendered_page_unref)

/* A 96-dpi screen: the scale that shows a page at its real size. */
#define GEST_RENDER_SCALE_96_DPI (96.0 / 72.0)

/* One worker thread that loads PDFs (poppler) and scans (gdk-pixbuf) and renders their pages,
 * one job at a time, so a poppler document is only ever touched from that thread. Results
 * come back through GTask on the main context that was the thread default when the job was
 * queued. Jobs whose GCancellable is cancelled before they run are skipped, and one cancelled
 * while it runs stops between stages (and between the blocks of a scan being decoded); a
 * cancelled job's callback always gets G_IO_ERROR_CANCELLED, never a page. Scans and PDFs
 * over the limits of gest-page-source.h are refused before they are decoded; thumbnails
 * (256 pixels wide or less) decode scans small. Rendered pages are kept in a small
 * LRU cache keyed by (cache key, page, scale or width).
 *
 * The tasks have no source object (the queue must not be kept alive, and so finalized, by
 * the worker), so the callbacks' first argument is NULL. Finalizing the queue waits for the
 * job in progress, then fails the queued ones with G_IO_ERROR_CANCELLED. */
#define GEST_TYPE_RENDER_QUEUE (gest_render_queue_get_type ())
G_DECLARE_FINAL_TYPE (GestRenderQueue, gest_render_queue, GEST, RENDER_QUEUE, GObject)

GestRenderQueue  *gest_render_queue_new              (void);
/* The process-wide queue used by the widgets. Call from the main thread. */
GestRenderQueue  *gest_render_queue_get_default      (void);

/* Renders @page (0-based) of the file at @path at @scale pixels per point.
 * @cache_key names the content (a SHA-256) so the caches survive a path change; NULL uses
 * the path. Errors: see gest_page_source_open(), plus GEST_ERROR_INVALID for a page that
 * does not exist. Very large requests are scaled down to at most 4096 pixels a side. */
void              gest_render_queue_render_async     (GestRenderQueue      *self,
                                                      const char           *path,
                                                      const char           *cache_key,
                                                      guint                 page,
                                                      double                scale,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
/* Renders @page so that it is @width pixels wide (thumbnails, fit to width). */
void              gest_render_queue_render_width_async (GestRenderQueue    *self,
                                                      const char           *path,
                                                      const char           *cache_key,
                                                      guint                 page,
                                                      int                   width,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GestRenderedPage *gest_render_queue_render_finish    (GAsyncResult         *result,
                                                      GError              **error);

/* Drops every cached page (tests, benchmarks). */
void              gest_render_queue_clear_cache      (GestRenderQueue      *self);
/* Counters since creation: pages rendered by the worker, requests served from the cache. */
guint             gest_render_queue_get_n_rendered   (GestRenderQueue      *self);
guint             gest_render_queue_get_n_cache_hits (GestRenderQueue      *self);
/* Jobs waiting for the worker (not counting the one it is running). */
guint             gest_render_queue_get_n_waiting    (GestRenderQueue      *self);

/* Test hook: called on the worker thread when a job starts (@running TRUE) and ends. */
typedef void (*GestRenderQueueHook) (gboolean  running,
                                     gpointer  user_data);
void              gest_render_queue_set_hook         (GestRenderQueue      *self,
                                                      GestRenderQueueHook   hook,
                                                      gpointer              user_data);

G_END_DECLS
