/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* X4: the largest image a PDF declares, read from the file's bytes without decoding anything.
 *
 * poppler's cairo backend (22.12) decodes every image at its full size whatever the size it is
 * drawn at: a page shown 816 pixels wide with a 30000 × 30000 image takes 3.5 GB and 19 s. So
 * the preview reads the /Width and /Height of every image XObject first and refuses a document
 * whose largest image is over the budget. Image XObjects are streams, and a PDF never puts a
 * stream inside an object stream, so their dictionaries are always plain text in the file
 * (encryption covers strings and stream data, not dictionary keys and numbers). Sizes given as
 * indirect references ("/Width 12 0 R") are resolved. Inline images (BI … ID … EI inside a
 * content stream) are not seen; they are meant to be tiny (the specification's 4 KB).
 *
 * Fills @width and @height (0 when there is no image) and returns the largest pixel count.
 * Safe on any thread. */
guint64  gest_pdf_largest_image (const guint8 *data,
                                 gsize         len,
                                 guint        *width,
                                 guint        *height);

G_END_DECLS
