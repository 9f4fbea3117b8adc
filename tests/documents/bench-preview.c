/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X4 benchmark: the first page of a PDF on screen. Time from a cold start (a new render
 * queue, so a new worker thread and a new poppler document) to page 1 rendered at 96 dpi,
 * against `pdftoppm -r 96 -f 1 -l 1 -png` of the same file, spawned and measured in the same
 * run. Each side runs 15 times after a warm-up; the medians are compared.
 * Goal: ratio <= 1.2. A benchmark reports: it exits 0 whatever the ratio, but 1 when pdftoppm
 * is missing (nothing to compare with). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <poppler.h>

#include "gest-render-queue.h"
#include "gest-test-util.h"

#define RUNS 15
#define FIXTURE "letter-a4.pdf"

typedef struct
{
  GestRenderedPage *page;
  GError           *error;
  gboolean          done;
} Result;

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->page = gest_render_queue_render_finish (result, &r->error);
  r->done = TRUE;
}

/* Microseconds from a new queue to the page in the callback on the main context. */
static gint64
time_queue (const char *path,
            int        *width,
            int        *height)
{
  GestRenderQueue *queue;
  Result r = { 0 };
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  queue = gest_render_queue_new ();
  gest_render_queue_render_async (queue, path, NULL, 0, GEST_RENDER_SCALE_96_DPI, NULL, render_done_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;

  if (r.error != NULL)
    {
      g_printerr ("render failed: %s\n", r.error->message);
      exit (1);
    }
  *width = gest_rendered_page_get_width (r.page);
  *height = gest_rendered_page_get_height (r.page);
  gest_rendered_page_unref (r.page);
  /* Teardown is not part of showing the page. */
  g_object_unref (queue);
  return elapsed;
}

/* For reference: the same work on the calling thread, without the queue. */
static gint64
time_direct (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  gint64 start = g_get_monotonic_time ();

  document = poppler_document_new_from_file (uri, NULL, NULL);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * GEST_RENDER_SCALE_96_DPI + 0.5),
                                        (int) (h * GEST_RENDER_SCALE_96_DPI + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, GEST_RENDER_SCALE_96_DPI, GEST_RENDER_SCALE_96_DPI);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  start = g_get_monotonic_time () - start;

  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
  return start;
}

static gint64
time_pdftoppm (const char *pdftoppm,
               const char *path,
               const char *out_prefix)
{
  const char *argv[] = { pdftoppm, "-r", "96", "-f", "1", "-l", "1", "-png", path, out_prefix, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start, elapsed;
  int status = 0;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("pdftoppm failed: %s\n", error->message);
      exit (1);
    }
  elapsed = g_get_monotonic_time () - start;
  return elapsed;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *samples,
           guint   n)
{
  qsort (samples, n, sizeof samples[0], compare_gint64);
  return (n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *path = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *out_prefix = NULL;
  gint64 ours[RUNS], theirs[RUNS], direct[RUNS];
  double ours_ms, theirs_ms, direct_ms;
  int width = 0, height = 0;

  setlocale (LC_ALL, "C");
  if (pdftoppm == NULL)
    {
      g_printerr ("pdftoppm is not installed (Debian package poppler-utils): nothing to compare with.\n");
      return 1;
    }

  path = gest_test_data_path (FIXTURE);
  tmpdir = gest_test_tmpdir_new ();
  out_prefix = g_build_filename (tmpdir, "page", NULL);

  /* Warm-up: the file in the page cache, the libraries loaded. */
  time_queue (path, &width, &height);
  time_pdftoppm (pdftoppm, path, out_prefix);

  /* Interleaved, so a slow moment of the machine hits both sides. */
  for (guint i = 0; i < RUNS; i++)
    {
      ours[i] = time_queue (path, &width, &height);
      theirs[i] = time_pdftoppm (pdftoppm, path, out_prefix);
      direct[i] = time_direct (path);
    }

  ours_ms = median_ms (ours, RUNS);
  theirs_ms = median_ms (theirs, RUNS);
  direct_ms = median_ms (direct, RUNS);
  printf ("preview-first-page: %s page 1 at 96 dpi (%d x %d px), %d runs each\n",
          FIXTURE, width, height, RUNS);
  printf ("render queue, cold (new queue, new document): median %.2f ms (min %.2f, max %.2f)\n",
          ours_ms, ours[0] / 1000.0, ours[RUNS - 1] / 1000.0);
  printf ("pdftoppm -r 96 -f 1 -l 1 -png (spawned):      median %.2f ms (min %.2f, max %.2f)\n",
          theirs_ms, theirs[0] / 1000.0, theirs[RUNS - 1] / 1000.0);
  printf ("for reference, poppler on this thread, no queue: median %.2f ms (difference %+.2f ms)\n",
          direct_ms, ours_ms - direct_ms);
  printf ("ratio %.2f (goal <= 1.2)\n", ours_ms / theirs_ms);

  gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
  return 0;
}
