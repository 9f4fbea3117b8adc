/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-page-source"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "gest-error.h"
#include "gest-page-source.h"
#include "gest-pdf-images.h"

/* poppler accepts a PDF header anywhere in the first kilobyte. */
#define SNIFF_SIZE 1024
/* Images are fed to gdk-pixbuf in blocks this big, and a cancelled open stops between two:
 * small enough that a block of zeros that inflates to a huge image is still quick. */
#define IMAGE_BLOCK_SIZE (16 * 1024)

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_PDF,
  FORMAT_IMAGE,
  FORMAT_JPEG,    /* an image that gdk-pixbuf can decode at 1/2, 1/4 or 1/8 of its size */
} Format;

struct _GestPageSource
{
  Format            format;
  PopplerDocument  *pdf;         /* FORMAT_PDF */
  cairo_surface_t  *image;       /* FORMAT_IMAGE, premultiplied ARGB32 */
  double            image_width;  /* points */
  double            image_height;
  gboolean          first_page_only;
  guint             n_pages;
};

static Format
sniff_format (const guint8 *data,
              gsize         len)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  static const guint8 tiff_le[] = { 'I', 'I', 42, 0 };
  static const guint8 tiff_be[] = { 'M', 'M', 0, 42 };

  if (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return FORMAT_IMAGE;
  if (len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return FORMAT_JPEG;
  if (len >= 4 && (memcmp (data, tiff_le, 4) == 0 || memcmp (data, tiff_be, 4) == 0))
    return FORMAT_IMAGE;
  for (gsize i = 0; i + 5 <= len; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return FORMAT_PDF;
  return FORMAT_UNKNOWN;
}

/* Whether each chunk of the PNG at @path fits in its @size bytes. gdk-pixbuf's loader
 * allocates what a chunk declares before reading it: a 297-byte PNG whose text chunk declares
 * 1.6 GB took 1.65 GB and 5.6 s to fail (tests/fuzz/crashes). Reads 8 bytes a chunk. */
static gboolean
png_chunks_fit (const char *path,
                gint64      size)
{
  FILE *fp = g_fopen (path, "rb");
  gint64 at = 8;
  gboolean fit = TRUE;

  if (fp == NULL)
    return TRUE;   /* the loader says the file cannot be read */
  while (fit && at + 8 <= size)
    {
      guint8 header[8];
      guint32 length;

      if (fseeko (fp, (off_t) at, SEEK_SET) != 0 || fread (header, 1, sizeof header, fp) != sizeof header)
        break;
      length = (guint32) header[0] << 24 | (guint32) header[1] << 16 | (guint32) header[2] << 8 | header[3];
      /* Length, type, data, CRC; IEND ends the file. */
      fit = (gint64) length <= size - at - 12;
      if (memcmp (header + 4, "IEND", 4) == 0)
        break;
      at += 12 + (gint64) length;
    }
  fclose (fp);
  return fit;
}

/* Reads the first bytes: the format is decided by content, never by the name. */
static gboolean
read_head (const char  *path,
           guint8      *head,
           gsize       *head_len,
           gint64      *size,
           GError     **error)
{
  GStatBuf st;
  FILE *fp;

  if (g_stat (path, &st) != 0 || (fp = g_fopen (path, "rb")) == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The document's file is missing or cannot be opened. Restore Gestiona's files folder from a backup or attach the document again."));
      return FALSE;
    }
  *size = st.st_size;
  *head_len = fread (head, 1, SNIFF_SIZE, fp);
  fclose (fp);
  return TRUE;
}

/* poppler would decode an image of the document at its full size: refuse before it does. */
static gboolean
check_pdf_images (const char  *path,
                  GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  guint width, height;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_debug ("mapping %s: %s", path, local_error->message);
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The document's file is missing or cannot be opened. Restore Gestiona's files folder from a backup or attach the document again."));
      return FALSE;
    }
  if (gest_pdf_largest_image ((const guint8 *) g_mapped_file_get_contents (mapped),
                              g_mapped_file_get_length (mapped), &width, &height) > GEST_PAGE_SOURCE_MAX_PIXELS)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("This PDF contains an image of %u × %u pixels, more than a preview can show (at most %u megapixels). Open it with another application, or ask the sender for a copy at a lower resolution."),
                   width, height, (guint) (GEST_PAGE_SOURCE_MAX_PIXELS / 1000000));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_pdf (GestPageSource  *self,
          const char      *path,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerPage *first;
  g_autofree char *uri = NULL;

  if (!check_pdf_images (path, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  uri = g_filename_to_uri (path, NULL, NULL);
  self->pdf = poppler_document_new_from_file (uri, NULL, &local_error);
  if (self->pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                             _("This PDF is password-protected; Gestiona cannot show it. Ask the sender for an unprotected copy."));
      else
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                             _("This PDF is damaged and cannot be shown. Ask the sender for a new copy of the document."));
      g_debug ("poppler: %s", local_error->message);
      return FALSE;
    }

  self->n_pages = (guint) MAX (poppler_document_get_n_pages (self->pdf), 0);
  first = self->n_pages > 0 ? poppler_document_get_page (self->pdf, 0) : NULL;
  /* A PDF can count pages that poppler cannot load (tests/fuzz/crashes). */
  if (first != NULL)
    g_object_unref (first);
  else
    {
      g_clear_object (&self->pdf);
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("This PDF is damaged and cannot be shown. Ask the sender for a new copy of the document."));
      return FALSE;
    }
  return TRUE;
}

/* Scanner resolutions only: 72 dpi and the like are what editors write when they do not know. */
static double
image_dpi (GdkPixbuf  *pixbuf,
           const char *option)
{
  const char *value = gdk_pixbuf_get_option (pixbuf, option);
  double dpi = value != NULL ? g_ascii_strtod (value, NULL) : 0.0;

  return (dpi >= 100.0 && dpi <= 1200.0) ? dpi : 96.0;
}

/* gdk-pixbuf rows are RGB(A) bytes, not premultiplied; cairo wants native-endian
 * premultiplied ARGB words. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *dest;
  int dest_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dest + (gsize) y * dest_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* What the decoder is asked for, decided when the image's header has been read. */
typedef struct
{
  gboolean  jpeg;
  int       max_side;
  int       declared_width;
  int       declared_height;
  gboolean  refused;
} SizeCheck;

/* Pixels gdk-pixbuf holds at once to give a @target_width × @target_height image: a JPEG is
 * decoded at the smallest of 1, 1/2, 1/4 and 1/8 that is still at least the target (as its
 * loader does); anything else is decoded whole and then scaled. */
static guint64
decoded_pixels (const SizeCheck *check,
                int              target_width,
                int              target_height)
{
  guint64 width = (guint64) check->declared_width;
  guint64 height = (guint64) check->declared_height;

  if (check->jpeg)
    for (guint64 denom = 8; denom > 1; denom /= 2)
      if ((width + denom - 1) / denom >= (guint64) target_width &&
          (height + denom - 1) / denom >= (guint64) target_height)
        return ((width + denom - 1) / denom) * ((height + denom - 1) / denom);
  return width * height;
}

/* "size-prepared": the header is read, nothing is allocated yet. Too big is refused here (a
 * zero size makes the loader stop with an error); otherwise the image is decoded to fit
 * max_side (at most GEST_PAGE_SOURCE_MAX_SIDE, as the render queue never draws larger). */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;
  double fit;
  int target_width, target_height;

  check->declared_width = width;
  check->declared_height = height;
  if (width <= 0 || height <= 0)
    return;

  fit = MIN (1.0, MIN ((double) check->max_side / width, (double) check->max_side / height));
  target_width = MAX (1, (int) (width * fit + 0.5));
  target_height = MAX (1, (int) (height * fit + 0.5));
  if (decoded_pixels (check, target_width, target_height) > GEST_PAGE_SOURCE_MAX_PIXELS)
    {
      check->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  if (fit < 1.0)
    gdk_pixbuf_loader_set_size (loader, target_width, target_height);
}

/* Feeds @path to @loader block by block, stopping early once the size check has refused the
 * image or @cancellable is cancelled. */
static gboolean
load_image (GdkPixbufLoader  *loader,
            const char       *path,
            SizeCheck        *check,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *block = g_malloc (IMAGE_BLOCK_SIZE);
  gboolean ok = TRUE;
  FILE *fp;
  gsize n;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The document's file is missing or cannot be opened. Restore Gestiona's files folder from a backup or attach the document again."));
      return FALSE;
    }
  while (ok && !check->refused && (n = fread (block, 1, IMAGE_BLOCK_SIZE, fp)) > 0)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      ok = gdk_pixbuf_loader_write (loader, block, n, &local_error);
    }
  fclose (fp);

  /* Closing is needed whatever happened; its error matters only for a complete file. */
  if (ok)
    ok = gdk_pixbuf_loader_close (loader, local_error == NULL ? &local_error : NULL);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (check->refused)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("This image declares %d × %d pixels, more than a preview can show (at most %u megapixels). Scan or photograph the document again at a lower resolution, or open it with another application."),
                   check->declared_width, check->declared_height,
                   (guint) (GEST_PAGE_SOURCE_MAX_PIXELS / 1000000));
      return FALSE;
    }
  if (!ok || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_debug ("gdk-pixbuf: %s", local_error != NULL ? local_error->message : "no image");
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("This image is damaged and cannot be shown. Scan or photograph the document again."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_image (GestPageSource  *self,
            const char      *path,
            gboolean         jpeg,
            int              max_side,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  SizeCheck check = { .jpeg = jpeg, .max_side = max_side };
  GdkPixbuf *loaded;
  double shrink;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);
  if (!load_image (loader, path, &check, cancellable, error))
    return FALSE;
  loaded = gdk_pixbuf_loader_get_pixbuf (loader);

  /* Phone photos of documents carry their rotation in EXIF. */
  pixbuf = gdk_pixbuf_apply_embedded_orientation (loaded);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  self->image = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (self->image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("This image is too large to be shown. Scan the document again at a lower resolution."));
      return FALSE;
    }

  /* The page keeps the size the file declares, whatever size it was decoded at. */
  shrink = check.declared_width > 0 ? (double) gdk_pixbuf_get_width (loaded) / check.declared_width : 1.0;
  self->image_width = gdk_pixbuf_get_width (pixbuf) / shrink * 72.0 / image_dpi (loaded, "x-dpi");
  self->image_height = gdk_pixbuf_get_height (pixbuf) / shrink * 72.0 / image_dpi (loaded, "y-dpi");
  /* gdk-pixbuf reads the first page of a TIFF and says when there are more. */
  self->first_page_only = g_strcmp0 (gdk_pixbuf_get_option (loaded, "multipage"), "yes") == 0;
  self->n_pages = 1;
  return TRUE;
}

GestPageSource *
gest_page_source_open (const char  *path,
                       GError     **error)
{
  return gest_page_source_open_full (path, 0, NULL, error);
}

GestPageSource *
gest_page_source_open_full (const char    *path,
                            int            max_side,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GestPageSource) self = NULL;
  g_autofree char *absolute = NULL;
  guint8 head[SNIFF_SIZE];
  gsize head_len = 0;
  gint64 size = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  /* poppler wants a URI, and a relative path has none (#16.9). */
  absolute = g_canonicalize_filename (path, NULL);
  path = absolute;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_head (path, head, &head_len, &size, error))
    return NULL;

  if (size == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("This file is empty (0 bytes); there is nothing to show. Ask the sender for the document again."));
      return NULL;
    }

  self = g_new0 (GestPageSource, 1);
  self->format = sniff_format (head, head_len);
  switch (self->format)
    {
    case FORMAT_PDF:
      if (!open_pdf (self, path, cancellable, error))
        return NULL;
      break;
    case FORMAT_IMAGE:
    case FORMAT_JPEG:
      if (head_len >= 8 && memcmp (head, "\x89PNG", 4) == 0 && !png_chunks_fit (path, size))
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                               _("This image is damaged and cannot be shown. Scan or photograph the document again."));
          return NULL;
        }
      if (max_side <= 0 || max_side > GEST_PAGE_SOURCE_MAX_SIDE)
        max_side = GEST_PAGE_SOURCE_MAX_SIDE;
      if (!open_image (self, path, self->format == FORMAT_JPEG, max_side, cancellable, error))
        return NULL;
      break;
    case FORMAT_UNKNOWN:
    default:
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Gestiona can show PDF, JPEG, PNG and TIFF files only. Open this file with another application."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
gest_page_source_free (GestPageSource *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->pdf);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_free (self);
}

guint
gest_page_source_get_n_pages (GestPageSource *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

gboolean
gest_page_source_get_first_page_only (GestPageSource *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->first_page_only;
}

void
gest_page_source_get_page_size (GestPageSource *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  if (self->format == FORMAT_PDF)
    {
      PopplerPage *p = poppler_document_get_page (self->pdf, (int) page);

      /* A later page poppler cannot load is drawn as a blank Letter page. */
      *width = 612.0;
      *height = 792.0;
      if (p != NULL)
        poppler_page_get_size (p, width, height);
      g_clear_object (&p);
    }
  else
    {
      *width = self->image_width;
      *height = self->image_height;
    }
}

cairo_surface_t *
gest_page_source_render (GestPageSource  *self,
                         guint            page,
                         int              width,
                         int              height,
                         GError         **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_width, page_height;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  gest_page_source_get_page_size (self, page, &page_width, &page_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* Paper is white; a PDF page or a transparent PNG draws over it. */
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);

  if (self->format == FORMAT_PDF)
    {
      PopplerPage *p = poppler_document_get_page (self->pdf, (int) page);

      if (p != NULL)
        poppler_page_render (p, cr);
      g_clear_object (&p);
    }
  else
    {
      /* Image pixels → points, then the same scale as a PDF page. */
      cairo_scale (cr,
                   self->image_width / cairo_image_surface_get_width (self->image),
                   self->image_height / cairo_image_surface_get_height (self->image));
      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("This page could not be drawn (%s). Try a smaller zoom, or ask the sender for a new copy."),
                   cairo_status_to_string (status));
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}
