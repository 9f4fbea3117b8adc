/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A file opened for showing: a PDF (poppler) or a scan (JPEG, PNG, TIFF through
 * gdk-pixbuf). Not thread-safe, and poppler documents must never be used from two threads:
 * GestRenderQueue opens, renders and frees every source on its one worker thread only.
 *
 * Sizes are in points (1/72 inch). A scan's size comes from the resolution stored in the
 * file when it is a plausible scanner resolution (100 to 1200 dpi); otherwise one pixel is
 * taken as 1/96 inch, so a scale of 96/72 shows it pixel for pixel. */
typedef struct _GestPageSource GestPageSource;

/* X4: what one preview may decode. An image is decoded at most GEST_PAGE_SOURCE_MAX_SIDE
 * pixels a side (the largest page the render queue draws), and refused before decoding when
 * that would still need more than GEST_PAGE_SOURCE_MAX_PIXELS pixels at once (a PNG is
 * decoded whole before it is scaled; a JPEG can be decoded at 1/2, 1/4 or 1/8). A PDF that
 * declares an image over GEST_PAGE_SOURCE_MAX_PIXELS is refused too: poppler would decode it
 * whole. 50 megapixels are 200 MB as ARGB; a 600-dpi scan of an A4 page has 35. */
#define GEST_PAGE_SOURCE_MAX_PIXELS (50 * 1000 * 1000)
#define GEST_PAGE_SOURCE_MAX_SIDE 4096

/* Errors (all GEST_ERROR, translated): GEST_ERROR_NOT_FOUND when the file is missing;
 * GEST_ERROR_INVALID for an empty file, an unknown format, a damaged PDF or image, a
 * password-protected PDF and an image over the limits above, each with its own message.
 * A relative @path is taken from the current directory. */
GestPageSource  *gest_page_source_open             (const char      *path,
                                                    GError         **error);
/* The same, decoding a scan to fit @max_side pixels a side (0 or more than
 * GEST_PAGE_SOURCE_MAX_SIDE: that), e.g. small for a thumbnail; the page size in points
 * stays the one the file declares. Stops with G_IO_ERROR_CANCELLED between stages and between
 * the blocks of an image being decoded once @cancellable is cancelled. */
GestPageSource  *gest_page_source_open_full        (const char      *path,
                                                    int              max_side,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
void             gest_page_source_free             (GestPageSource  *self);
guint            gest_page_source_get_n_pages      (GestPageSource  *self);
/* TRUE for a multi-page TIFF, of which only the first page is shown. */
gboolean         gest_page_source_get_first_page_only (GestPageSource *self);
void             gest_page_source_get_page_size    (GestPageSource  *self,
                                                    guint            page,
                                                    double          *width,
                                                    double          *height);
/* An opaque white CAIRO_FORMAT_ARGB32 image of @page, @width × @height pixels. */
cairo_surface_t *gest_page_source_render           (GestPageSource  *self,
                                                    guint            page,
                                                    int              width,
                                                    int              height,
                                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPageSource, gest_page_source_free)

G_END_DECLS
