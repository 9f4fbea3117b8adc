/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X1 benchmark: the trámites board over 100,000 trámites (demo data, made once in a temporary
 * folder; GESTIONA_BENCH_SCALE sets another number, GESTIONA_BENCH_BOARD_DB keeps the
 * database to reuse), in the same process and the same way as a bare window:
 *
 * 1. First frame: from creating an AdwApplicationWindow to the end of the first frame painted
 *    in which every column on screen (the board scrolls sideways) shows its cards with their
 *    data (checked on the widgets: the cards inside each column's viewport are bound to
 *    fetched items and fill it, or the column is loaded and shorter; an empty board or blank
 *    cards do not count), against the same window with no content, to its first frame.
 *    Interleaved runs, medians compared.
 * 2. Scrolling: the work per frame (before-paint to after-paint of the frame clock) while a
 *    column scrolls by half a page every frame, against a plain GtkListView of labels over a
 *    GtkStringList with as many rows, scrolled the same way in the same window size.
 *
 * Run it under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). It reports: it exits
 * 0 whatever the ratios. The measures are tests/gest-test-board-bench.c's, shared by every
 * module's board. */
#include "config.h"

#include "gest-demo.h"
#include "gest-test-board-bench.h"
#include "gest-tramite-board-source.h"

static gboolean
fill_demo (GestStore  *store,
           guint       n,
           GError    **error)
{
  return gest_demo_fill (store, n, 20260315, NULL, error);
}

static GObject *
new_source (GestStore *store)
{
  return G_OBJECT (gest_tramite_board_source_new (store));
}

int
main (int   argc,
      char *argv[])
{
  static const GestTestBoardBench spec = {
    .name = "board",
    .what = "trámites",
    .app_id = "io.github.gestiona.BenchBoard",
    .folio_prefix = "LIQ",
    .count_sql = "SELECT count (*) FROM tramites WHERE deleted = 0",
    .default_n = 100000,
    .fill = fill_demo,
    .new_source = new_source,
  };

  return gest_test_board_bench_main (&spec);
}
