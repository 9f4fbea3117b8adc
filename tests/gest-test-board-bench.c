/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The X1 board benchmark's harness, shared by every module's board (tests/<module>/bench-*.c
 * give the data and the source): the board over N records (GESTIONA_BENCH_SCALE sets N,
 * GESTIONA_BENCH_BOARD_DB keeps the database to reuse), in the same process and the same way
 * as a bare window:
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
 * 0 whatever the ratios. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "gest-board.h"
#include "gest-board-card.h"
#include "gest-domain-module.h"
#include "gest-test-board-bench.h"
#include "gest-test-util.h"

#define RUNS          7
#define SCROLL_FRAMES 150
#define WIDTH         1280
#define HEIGHT        800

static GtkWidget *find_scroller (GtkWidget *widget);

typedef struct
{
  GtkApplication             *app;
  GestStore                  *store;
  guint                       n_records;
  const GestTestBoardBench   *spec;
} Bench;

static guint
bench_scale (guint default_n)
{
  const char *env = g_getenv ("GESTIONA_BENCH_SCALE");
  guint64 scale = default_n;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &scale, NULL))
    g_error ("GESTIONA_BENCH_SCALE=%s is not a number from 1 up", env);
  return (guint) scale;
}

typedef struct
{
  GestBoard *board;     /* NULL for the bare window */
  gboolean   painted;
} FirstFrame;

typedef struct
{
  GtkAdjustment *adjustment;
  gint64         frame_start;
  gint64         total;
  guint          frames;
  gboolean       started;
} Scroll;

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

static void
spin_until_idle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The cards of @widget's subtree that show on screen in @scroller (a list view keeps about
 * 200 rows, most of them scrolled away): how many, whether each has its data, and how far
 * down they reach. */
static void
count_shown_cards (GtkWidget *widget,
                   GtkWidget *scroller,
                   guint     *n_shown,
                   guint     *n_blank,
                   float     *bottom)
{
  if (GEST_IS_BOARD_CARD (widget))
    {
      GestBoardItem *item = gest_board_card_get_item (GEST_BOARD_CARD (widget));
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, scroller, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (scroller))
        return;
      if (item != NULL && gest_board_item_get_title (item) != NULL)
        (*n_shown)++;
      else
        (*n_blank)++;
      *bottom = MAX (*bottom, bounds.origin.y + bounds.size.height);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_shown_cards (child, scroller, n_shown, n_blank, bottom);
}

/* Whether @column shows on screen: some of it inside the board's scrolled window (the
 * board scrolls sideways; a column out of sight need not have its cards yet). */
static gboolean
column_on_screen (GestBoardColumn *column)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (column), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_visible (GTK_WIDGET (column)))
    return FALSE;
  /* Not laid out yet, or no scrolled window: it must show its cards. */
  if (viewport == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds) ||
      bounds.size.width <= 0)
    return TRUE;
  return bounds.origin.x < gtk_widget_get_width (viewport) && bounds.origin.x + bounds.size.width > 0;
}

/* Whether every column on screen shows its cards with their data: as many as fill its height
 * (a card or less left blank at the bottom), or all of a loaded column that is shorter. */
static gboolean
board_shows_cards (GestBoard *board)
{
  guint n_on_screen = 0;

  for (guint i = 0; i < gest_board_get_n_columns (board); i++)
    {
      GestBoardColumn *column = gest_board_get_column (board, i);
      GestBoardColumnModel *model = gest_board_column_get_model (column);
      guint n_ids = gest_board_column_model_get_n_ids (model);
      GtkWidget *scroller = find_scroller (GTK_WIDGET (column));
      guint n_shown = 0, n_blank = 0;
      float bottom = 0, card_height;

      if (!column_on_screen (column))
        continue;
      n_on_screen++;
      if (n_ids == 0)
        {
          if (!gest_board_column_model_get_loaded (model))
            return FALSE;
          continue;
        }
      if (scroller == NULL || !gtk_widget_get_mapped (scroller))
        return FALSE;
      count_shown_cards (scroller, scroller, &n_shown, &n_blank, &bottom);
      if (n_shown == 0 || n_blank > 0)
        return FALSE;
      card_height = bottom / n_shown;
      if (n_shown < n_ids && bottom + card_height < gtk_widget_get_height (scroller))
        return FALSE;
    }
  return n_on_screen > 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *ff)
{
  /* The board counts from the first frame in which every column shows its cards. */
  if (ff->board != NULL && !board_shows_cards (ff->board))
    return;
  ff->painted = TRUE;
}

static void
window_realize_cb (GtkWidget  *window,
                   FirstFrame *ff)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), ff);
}

static GtkWidget *
new_board (Bench *bench)
{
  g_autoptr(GObject) source = bench->spec->new_source (bench->store);
  GtkWidget *board = gest_board_new ();

  gest_board_set_source (GEST_BOARD (board), GEST_BOARD_SOURCE (source));
  return board;
}

/* Microseconds from a new window to the end of its first complete frame. */
static gint64
time_first_frame (Bench    *bench,
                  gboolean  with_board)
{
  FirstFrame ff = { 0 };
  GtkWidget *window;
  GdkFrameClock *clock;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  window = adw_application_window_new (bench->app);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  if (with_board)
    {
      GtkWidget *board = new_board (bench);

      ff.board = GEST_BOARD (board);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), board);
    }
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), &ff);
  gtk_window_present (GTK_WINDOW (window));
  while (!ff.painted)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;

  clock = gtk_widget_get_frame_clock (window);
  g_signal_handlers_disconnect_by_data (clock, &ff);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
  return elapsed;
}

static void
scroll_before_paint_cb (GdkFrameClock *clock,
                        Scroll        *scroll)
{
  scroll->frame_start = g_get_monotonic_time ();
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       Scroll        *scroll)
{
  if (!scroll->started || scroll->frame_start == 0)
    return;
  scroll->total += g_get_monotonic_time () - scroll->frame_start;
  scroll->frames++;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  double page = gtk_adjustment_get_page_size (scroll->adjustment);

  /* Small steps only: GTK 4.8 leaves a list blank after a far jump of its adjustment. */
  gtk_adjustment_set_value (scroll->adjustment, gtk_adjustment_get_value (scroll->adjustment) + page / 2);
  scroll->started = TRUE;
  return scroll->frames < SCROLL_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static GtkWidget *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Average work per frame (µs) while @scroller scrolls in @window, already shown. */
static double
time_scroll (GtkWidget *window,
             GtkWidget *scroller)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Scroll scroll = { 0 };

  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_signal_connect (clock, "before-paint", G_CALLBACK (scroll_before_paint_cb), &scroll);
  g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_after_paint_cb), &scroll);
  gtk_widget_add_tick_callback (scroller, scroll_tick_cb, &scroll, NULL);
  while (scroll.frames < SCROLL_FRAMES)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &scroll);
  return (double) scroll.total / scroll.frames;
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
present_and_wait (Bench     *bench,
                  GtkWidget *content,
                  GestBoard *board)
{
  GtkWidget *window = adw_application_window_new (bench->app);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));
  while (board != NULL && gest_board_get_loading (board))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return window;
}

static void
run (Bench *bench)
{
  gint64 board_runs[RUNS], bare_runs[RUNS];
  double board_ms, bare_ms, board_frame, plain_frame;
  GtkWidget *window, *board, *scroller, *list_view;
  guint n_rows;

  /* Warm-up: libraries, icon theme, fonts, the database in the page cache. */
  time_first_frame (bench, FALSE);
  time_first_frame (bench, TRUE);
  for (guint i = 0; i < RUNS; i++)
    {
      bare_runs[i] = time_first_frame (bench, FALSE);
      board_runs[i] = time_first_frame (bench, TRUE);
    }
  bare_ms = median_ms (bare_runs, RUNS);
  board_ms = median_ms (board_runs, RUNS);

  /* Scrolling: the first column of the board... */
  board = new_board (bench);
  window = present_and_wait (bench, board, GEST_BOARD (board));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (gest_board_column_get_model (gest_board_get_column (GEST_BOARD (board), 0))));
  scroller = find_scroller (GTK_WIDGET (gest_board_get_column (GEST_BOARD (board), 0)));
  g_assert (scroller != NULL);
  board_frame = time_scroll (window, scroller);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();

  /* ...and a plain list of as many labels. */
  {
    g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    for (guint i = 0; i < n_rows; i++)
      {
        char text[32];

        g_snprintf (text, sizeof text, "%s-2026-%06u", bench->spec->folio_prefix, i + 1);
        gtk_string_list_append (strings, text);
      }
    g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
    list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (strings)))),
                                   factory);
    scroller = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_view);
    window = present_and_wait (bench, scroller, NULL);
    plain_frame = time_scroll (window, scroller);
    gtk_window_destroy (GTK_WINDOW (window));
    spin_until_idle ();
  }

  printf ("%s: %u %s, %d interleaved runs, window %dx%d, GSK_RENDERER=%s\n",
          bench->spec->name, bench->n_records, bench->spec->what, RUNS, WIDTH, HEIGHT, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
  printf ("first frame, board with cards:      median %.1f ms (min %.1f, max %.1f)\n",
          board_ms, board_runs[0] / 1000.0, board_runs[RUNS - 1] / 1000.0);
  printf ("first frame, bare AdwApplicationWindow: median %.1f ms (min %.1f, max %.1f)\n",
          bare_ms, bare_runs[0] / 1000.0, bare_runs[RUNS - 1] / 1000.0);
  printf ("%s-first-frame ratio %.2f (goal <= 2)\n", bench->spec->name, board_ms / bare_ms);
  printf ("scrolling %u rows by half a page a frame, %d frames:\n", n_rows, SCROLL_FRAMES);
  printf ("  board column:                     %.2f ms of work per frame\n", board_frame / 1000.0);
  printf ("  plain GtkListView (GtkStringList): %.2f ms of work per frame\n", plain_frame / 1000.0);
  printf ("%s-scroll ratio %.2f\n", bench->spec->name, board_frame / plain_frame);
}

static void
activate_cb (GtkApplication *app,
             Bench          *bench)
{
  g_application_hold (G_APPLICATION (app));
  run (bench);
  g_application_release (G_APPLICATION (app));
}

int
gest_test_board_bench_main (const GestTestBoardBench *spec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  Bench bench = { .spec = spec };
  const char *reuse;
  gboolean fill;
  gint64 start;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  gest_domain_modules_init ();

  /* GESTIONA_BENCH_BOARD_DB: a database made by an earlier run (kept when it names a file
   * that does not exist yet), to save making it again while working on the board. */
  reuse = g_getenv ("GESTIONA_BENCH_BOARD_DB");
  if (reuse != NULL && *reuse != '\0')
    path = g_strdup (reuse);
  else
    {
      tmpdir = gest_test_tmpdir_new ();
      path = g_build_filename (tmpdir, "bench.db", NULL);
    }
  fill = !g_file_test (path, G_FILE_TEST_EXISTS);
  bench.store = gest_store_open (path, &error);
  if (bench.store == NULL)
    {
      g_printerr ("Cannot create the database: %s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  bench.n_records = bench_scale (spec->default_n);
  if (fill && !spec->fill (bench.store, bench.n_records, &error))
    {
      g_printerr ("Cannot fill the database: %s\n", error->message);
      return 1;
    }
  if (fill)
    printf ("database with %u %s made in %.1f s\n", bench.n_records, spec->what,
            (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  {
    sqlite3_stmt *stmt = gest_store_prepare (bench.store, spec->count_sql, &error);

    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_printerr ("Cannot count the %s: %s\n", spec->what, error != NULL ? error->message : "");
        return 1;
      }
    bench.n_records = (guint) sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }

  bench.app = GTK_APPLICATION (adw_application_new (spec->app_id, G_APPLICATION_NON_UNIQUE));
  g_signal_connect (bench.app, "activate", G_CALLBACK (activate_cb), &bench);
  status = g_application_run (G_APPLICATION (bench.app), 0, NULL);

  g_object_unref (bench.app);
  g_object_unref (bench.store);
  if (tmpdir != NULL)
    gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
  return status;
}
