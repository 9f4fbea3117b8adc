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
  if (gest_page_source_get_n_pages (source) > 0)
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
