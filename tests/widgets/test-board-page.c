/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X1: the shared board page over a GestSqlBoardSource of a small table made here (no module):
 * the empty and no-results states, a refusal shown in full, the detail with its title and
 * back (Escape, Alt+Left), a 360 px window (one column at a time with a switcher, the filters
 * on two rows), counts grouped by the locale, a card's date label and a finished card. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gest-board-card.h"
#include "gest-board-page.h"
#include "gest-sql-board-source.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define REFUSAL "Lane 3 takes no card without a reviewer: assign one on the card first, then move it again; " \
                "this sentence is long on purpose, so that a toast would cut it."

typedef struct
{
  char               *dir;
  GestStore          *store;
  GestSqlBoardSource *source;
  GtkWindow          *window;
  GestBoardPage      *page;
  GestBoard          *board;     /* borrowed */
} Fixture;

static void
text_filter (const char         *text,
             GestSqlBoardClause *clause,
             gpointer            user_data)
{
  clause->where = g_strdup (" AND k.title LIKE :q");
  clause->names = g_strsplit (":q", " ", -1);
  clause->values = g_new0 (char *, 2);
  clause->values[0] = g_strdup_printf ("%%%s%%", text);
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  GestBoardItem *item;
  gboolean done = sqlite3_column_int (stmt, 2) == 3;

  item = gest_board_item_new (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 1), "Someone", NULL, "15/03/2026", 4,
                              done ? GEST_BOARD_ITEM_FLAG_DONE : GEST_BOARD_ITEM_FLAG_NONE, NULL);
  gest_board_item_set_date_label (item, "Due");
  return item;
}

static gboolean
can_move (GestStore  *store,
          gint64      id,
          guint       column,
          gpointer    user_data,
          GError    **error)
{
  if (column != 2)
    return TRUE;
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, REFUSAL);
  return FALSE;
}

static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "UPDATE tasks SET lane = ?1 WHERE rowid = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) column);
  sqlite3_bind_int64 (stmt, 2, id);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

static const GestSqlBoardConfig config = {
  .table = "tasks",
  .alias = "k",
  .live_column = "deleted",
  .column_expr = "k.lane",
  .first_value = 0,
  .order = "k.since, k.rowid",
  .card_sql = "SELECT k.rowid, k.title, k.lane FROM tasks k WHERE +k.deleted = 0 AND k.rowid IN",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .can_move = can_move,
  .move = move,
};

static void
wait_loaded (GestBoard *board)
{
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  WAIT_UNTIL (!gest_board_get_loading (board));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* @n tasks in each of the lanes 0-3, or none. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = GPOINTER_TO_UINT (data);
  const GestBoardPageTexts texts = {
    .search_placeholder = "Search tasks",
    .all_columns = "All Lanes",
    .overdue_tooltip = NULL,
    .mine_tooltip = NULL,
    .new_label = "_New Task",
    .empty_icon_name = "document-edit-symbolic",
    .empty_title = "No Tasks Yet",
    .empty_description = "Add a task.",
  };

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "board.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store, "CREATE TABLE tasks (title TEXT, lane INTEGER, since INTEGER,"
                                            " deleted INTEGER NOT NULL DEFAULT 0);"
                                            "CREATE INDEX tasks_lane ON tasks (lane, since)", &error));
  if (n > 0)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO tasks (title, lane, since)"
                                              " WITH RECURSIVE c (x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c"
                                              "                          WHERE x + 1 < %u)"
                                              " SELECT 'Task ' || x, x %% 4, x FROM c", n * 4);

      g_assert_true (gest_store_exec (f->store, sql, &error));
    }
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));

  f->source = gest_sql_board_source_new (f->store, &config, NULL, NULL);
  gest_sql_board_source_add_column (f->source, "To Do", FALSE);
  gest_sql_board_source_add_column (f->source, "Doing", FALSE);
  gest_sql_board_source_add_column (f->source, "Review", FALSE);
  gest_sql_board_source_add_column (f->source, "Done", FALSE);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = GEST_BOARD_PAGE (gest_board_page_new ());
  gest_board_page_set_texts (f->page, &texts);
  gest_board_page_set_section_title (f->page, "Tasks");
  gest_board_page_set_source (f->page, GEST_BOARD_SOURCE (f->source));
  f->board = gest_board_page_get_board (f->page);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wait_loaded (f->board);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer page = f->page, window = f->window, source = f->source;

  g_object_add_weak_pointer (G_OBJECT (page), &page);
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  g_object_add_weak_pointer (G_OBJECT (source), &source);
  gtk_window_destroy (f->window);
  g_object_unref (f->source);
  /* Loads in flight hold the board and its source until they come back. */
  WAIT_UNTIL (page == NULL && window == NULL && source == NULL);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
set_text (Fixture    *f,
          const char *text)
{
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };

  filter.text = (char *) text;
  gest_board_set_filter (f->board, &filter);
  wait_loaded (f->board);
}

static void
test_empty_and_no_results (Fixture       *f,
                           gconstpointer  data)
{
  if (GPOINTER_TO_UINT (data) == 0)
    {
      /* No record at all: the module's empty state with its new-record button. */
      g_assert_cmpstr (gest_board_page_get_content (f->page), ==, "empty");
      g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_visible_label, "No Tasks Yet"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board-page.new-record", NULL));
      return;
    }
  g_assert_cmpstr (gest_board_page_get_content (f->page), ==, "board");
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 12);

  /* The filters find nothing: another state, which offers to clear them. */
  set_text (f, "nothing like this");
  g_assert_cmpstr (gest_board_page_get_content (f->page), ==, "no-results");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_visible_label, "No Results"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board-page.clear-filters", NULL));
  wait_loaded (f->board);
  g_assert_cmpstr (gest_board_page_get_content (f->page), ==, "board");
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 12);

  set_text (f, "Task 1");   /* Task 1, Task 10, Task 11 */
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 3);
}

/* A refused move shows the whole message, wrapped, styled as an error; a move that goes
 * through clears it. */
static void
test_refusal_in_full (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = gest_board_column_model_get_id (gest_board_column_get_model (gest_board_get_column (f->board, 1)), 0);
  GtkWidget *label;

  g_assert_false (gest_board_move_item (f->board, id, 2));
  g_assert_cmpstr (gest_board_get_message (f->board), ==, REFUSAL);
  label = gest_test_find_widget (GTK_WIDGET (f->board), gest_test_is_visible_label, REFUSAL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_null (gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY));

  g_assert_true (gest_board_move_item (f->board, id, 0));
  gest_store_wait_for_writes (f->store);
  g_assert_null (gest_board_get_message (f->board));
  wait_loaded (f->board);
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (gest_board_get_column (f->board, 0)), id),
                   >=, 0);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *a = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
          g_autofree char *expected = g_strdup_printf ("action(%s)", action);

          if (g_str_equal (t, trigger) && g_str_equal (a, expected))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_detail_title_and_back (Fixture       *f,
                            gconstpointer  data)
{
  const char * const keys[] = { "Escape", "<Alt>Left" };

  g_assert_cmpstr (gest_board_page_get_title (f->page), ==, "Tasks");
  g_assert_false (gest_board_page_get_can_go_back (f->page));
  /* Escape and Alt+Left are the page's shortcuts for leaving a detail. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *title = NULL;

      g_assert_true (has_shortcut (GTK_WIDGET (f->page), keys[i], "board-page.back"));
      gest_board_page_show_detail (f->page, gtk_label_new ("The task"), "Task 7");
      g_assert_cmpstr (gest_board_page_get_visible (f->page), ==, "detail");
      g_object_get (f->page, "title", &title, NULL);
      g_assert_cmpstr (title, ==, "Task 7");
      g_assert_true (gest_board_page_get_can_go_back (f->page));
      /* What the key does: the action, from inside the detail where the focus is. */
      g_assert_true (gtk_widget_activate_action (gest_board_page_get_detail (f->page), "board-page.back", NULL));
      g_assert_cmpstr (gest_board_page_get_visible (f->page), ==, "board");
      g_assert_cmpstr (gest_board_page_get_title (f->page), ==, "Tasks");
      g_assert_false (gest_board_page_get_can_go_back (f->page));
      g_assert_null (gest_board_page_get_detail (f->page));
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static void
wait_frames (GtkWidget *window,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

  while (frames < n)
    {
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

static guint
n_visible_columns (GestBoard *board)
{
  guint n = 0;

  for (guint i = 0; i < gest_board_get_n_columns (board); i++)
    n += gtk_widget_get_visible (GTK_WIDGET (gest_board_get_column (board, i)));
  return n;
}

/* The page's new-record button, shown. */
static gboolean
is_new_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "board-page.new-record") == 0;
}

/* A 360 px window: the page asks for no more, the filters take two rows, the board shows one
 * column at a time and switches with its buttons; wide again, everything comes back. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int min;

  g_assert_false (gest_board_page_get_narrow (f->page));
  g_assert_cmpuint (n_visible_columns (f->board), ==, 4);

  gtk_window_set_default_size (f->window, 360, 640);
  wait_frames (GTK_WIDGET (f->window), 5);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  g_assert_true (gest_board_page_get_narrow (f->page));
  g_assert_true (gest_board_get_narrow (f->board));
  g_assert_cmpuint (n_visible_columns (f->board), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gest_board_get_column (f->board, 0))));
  /* The one column takes the width, and its count shows whole. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gest_board_get_column (f->board, 0))), >, 280);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->board), gest_test_is_visible_label, "To Do (1 of 4)"));
  /* The new-record button is an icon beside the search, whole inside the window (its label
   * was cut at the window's edge). */
  {
    GtkWidget *button = gest_test_find_widget (GTK_WIDGET (f->window), is_new_button, NULL);
    graphene_rect_t bounds;

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "list-add-symbolic");
    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (f->window), &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
  }

  gest_board_set_current_column (f->board, 3);
  g_assert_cmpuint (n_visible_columns (f->board), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gest_board_get_column (f->board, 3))));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->board), gest_test_is_visible_label, "Done (4 of 4)"));

  /* A detail in a narrow page fits the window too. */
  gest_board_page_show_detail (f->page, gtk_label_new ("The task"), "Task 7");
  wait_frames (GTK_WIDGET (f->window), 3);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  gest_board_page_show_board (f->page);

  gtk_window_set_default_size (f->window, 1280, 800);
  wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_false (gest_board_page_get_narrow (f->page));
  g_assert_cmpuint (n_visible_columns (f->board), ==, 4);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gest_test_find_widget (GTK_WIDGET (f->window), is_new_button, NULL))),
                   ==, "_New Task");
}

/* Counts use the locale's digit grouping (1,234 or 1 234), and a column's count is not cut. */
static void
test_counts_grouped (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *expected = NULL;
  GestBoardColumn *last;

  if (setlocale (LC_NUMERIC, "es_MX.UTF-8") == NULL && setlocale (LC_NUMERIC, "es_MX.utf8") == NULL)
    {
      g_test_skip ("The es_MX locale is not installed");
      return;
    }
  expected = g_strdup_printf ("1%s250", localeconv ()->thousands_sep);
  g_assert_cmpstr (localeconv ()->thousands_sep, !=, "");
  /* Counted again under this locale. */
  set_text (f, "nothing like this");
  set_text (f, NULL);
  last = gest_board_get_column (f->board, 3);
  g_assert_cmpstr (gest_board_column_get_count_text (gest_board_get_column (f->board, 0)), ==, expected);
  g_assert_cmpstr (gest_board_column_get_count_text (last), ==, expected);
  setlocale (LC_NUMERIC, old);


  /* Every column whose title starts on screen shows its whole count, also the last one on
   * screen, which the edge of the board cuts. */
  gtk_window_set_default_size (f->window, 700, 600);
  wait_frames (GTK_WIDGET (f->window), 5);
  for (guint i = 0; i < gest_board_get_n_columns (f->board); i++)
    {
      GestBoardColumn *column = gest_board_get_column (f->board, i);
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (column), GTK_TYPE_SCROLLED_WINDOW);
      GtkWidget *title = gest_test_find_widget (GTK_WIDGET (column), gest_test_is_label,
                                                gest_board_source_get_column_title (GEST_BOARD_SOURCE (f->source), i));
      GtkWidget *count = gest_test_find_widget (GTK_WIDGET (column), gest_test_is_label, expected);
      graphene_rect_t title_bounds, count_bounds;

      g_assert_nonnull (title);
      g_assert_nonnull (count);
      g_assert_true (gtk_widget_compute_bounds (title, scroller, &title_bounds));
      g_assert_true (gtk_widget_compute_bounds (count, scroller, &count_bounds));
      if (title_bounds.origin.x >= gtk_widget_get_width (scroller))
        continue;
      g_assert_cmpfloat (count_bounds.origin.x + count_bounds.size.width, <=, gtk_widget_get_width (scroller));
    }
}

/* A card says what its date is; a finished card counts no days. */
static void
test_card_date_and_done (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *card = gest_board_card_new ();
  g_autoptr(GestBoardItem) open = gest_board_item_new (1, "u1", "Task", "Someone", NULL, "15/03/2026", 4,
                                                       GEST_BOARD_ITEM_FLAG_NONE, NULL);
  g_autoptr(GestBoardItem) done = gest_board_item_new (2, "u2", "Task", "Someone", NULL, "15/03/2026", 4,
                                                       GEST_BOARD_ITEM_FLAG_DONE, NULL);

  g_object_ref_sink (card);
  gest_board_item_set_date_label (open, "Due");
  gest_board_card_set_item (GEST_BOARD_CARD (card), open);
  g_assert_cmpstr (gest_board_card_get_date_text (GEST_BOARD_CARD (card)), ==, "Due 15/03/2026");
  g_assert_cmpstr (gest_board_card_get_days_text (GEST_BOARD_CARD (card)), ==, "4 days in this stage");
  gest_board_card_set_item (GEST_BOARD_CARD (card), done);
  g_assert_cmpstr (gest_board_card_get_date_text (GEST_BOARD_CARD (card)), ==, "15/03/2026");
  g_assert_null (gest_board_card_get_days_text (GEST_BOARD_CARD (card)));
  g_assert_finalize_object (card);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_setup, func, fixture_teardown)

  ADD ("/board-page/X1/empty", 0, test_empty_and_no_results);
  ADD ("/board-page/X1/no-results", 3, test_empty_and_no_results);
  ADD ("/board-page/X1/refusal-in-full", 3, test_refusal_in_full);
  ADD ("/board-page/X1/detail-title-and-back", 3, test_detail_title_and_back);
  ADD ("/board-page/X1/narrow-360", 3, test_narrow);
  ADD ("/board-page/X1/counts-grouped", 1250, test_counts_grouped);
  ADD ("/board-page/X1/card-date-and-done", 1, test_card_date_and_done);

  return g_test_run ();
}
