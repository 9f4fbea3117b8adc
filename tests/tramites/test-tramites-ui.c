/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X1, T6, T7: the Early Payoffs page and its board in a real window on a demo database:
 * column counts against SQL, keyboard moves written to the database, refusals shown in full
 * above the board with the rules' exact message and nothing written, Conauto's columns read-only,
 * filters, opening a card, the empty state, and every object finalized. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gest-module.h"
#include "gest-board-card.h"
#include "gest-date.h"
#include "gest-demo.h"
#include "gest-i18n.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-tramite.h"
#include "gest-tramite-board-source.h"
#include "gest-tramites-page.h"
#include "gest-window.h"

#define N_DEMO 240

typedef struct
{
  char      *dir;
  GestStore *store;
  GtkWindow *window;
  GestTramitesPage *page;
  GestBoard *board;       /* borrowed */
} Fixture;

static void
wait_loaded (GestBoard *board)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* A few iterations first, so that a load that is about to start has started. */
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  while (gest_board_get_loading (board))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let the list views bind their rows. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* Until @n frames were painted: scrolling and layout happen in frames. */
static void
wait_frames (GtkWidget *window,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

  while (frames < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

static void
open_page (Fixture *f)
{
  g_autoptr(GestContext) context = gest_context_new (f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = GEST_TRAMITES_PAGE (gest_tramites_page_new (context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  f->board = gest_tramites_page_get_board (f->page);
  gtk_window_present (f->window);
  wait_loaded (f->board);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = GPOINTER_TO_UINT (data);

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  if (n > 0)
    {
      g_assert_true (gest_demo_fill (f->store, n, 20260315, NULL, &error));
      g_assert_no_error (error);
    }
  /* Issue 12: the demo has users, so the page's saves need one signed in. */
  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  /* As in the app: the page writes only through the store's writer thread. */
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  open_page (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer page = f->page, board = f->board, window = f->window, store = f->store;
  gpointer source = gest_board_get_source (f->board);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (page), &page);
  g_object_add_weak_pointer (G_OBJECT (board), &board);
  g_object_add_weak_pointer (G_OBJECT (source), &source);
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  g_object_add_weak_pointer (G_OBJECT (store), &store);

  gtk_window_destroy (f->window);
  g_object_unref (f->store);
  /* Loads in flight hold the board until they come back. */
  while (page != NULL || board != NULL || source != NULL || window != NULL || store != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gest_test_tmpdir_free (f->dir);
}

static gint64
sql_int (Fixture    *f,
         const char *sql,
         const char *param)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (f->store, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
step_count (Fixture *f,
            int      step)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tramites WHERE deleted = 0 AND step = %d", step);

  return sql_int (f, sql, NULL);
}

static int
step_of (Fixture *f,
         gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT step FROM tramites WHERE rowid = %" G_GINT64_FORMAT, id);

  return (int) sql_int (f, sql, NULL);
}

static char *
uuid_of (Fixture *f,
         gint64   id)
{
  g_autoptr(GestTramite) tramite = gest_tramite_load_by_id (f->store, id, NULL);

  g_assert_nonnull (tramite);
  return g_strdup (tramite->uuid);
}

static void
assert_counts_match_sql (Fixture *f)
{
  g_assert_cmpuint (gest_board_get_n_columns (f->board), ==, GEST_TRAMITE_N_STEPS);
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    {
      GestBoardColumn *column = gest_board_get_column (f->board, step - 1);
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, step_count (f, step));
      GListModel *model = G_LIST_MODEL (gest_board_column_get_model (column));

      g_assert_cmpuint (g_list_model_get_n_items (model), ==, step_count (f, step));
      g_assert_cmpstr (gest_board_column_get_count_text (column), ==, expected);
    }
}

/* Depth-first search for a visible widget of @type whose text (label) or icon name is @text. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    {
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
        return root;
      if (GTK_IS_IMAGE (root) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), text) == 0)
        return root;
      if (!GTK_IS_LABEL (root) && !GTK_IS_IMAGE (root))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The card widget showing @id under @root, or NULL. */
static GtkWidget *
find_card (GtkWidget *root,
           gint64     id)
{
  if (GEST_IS_BOARD_CARD (root))
    {
      GestBoardItem *item = gest_board_card_get_item (GEST_BOARD_CARD (root));

      return item != NULL && gest_board_item_get_id (item) == id ? root : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects the card @id in @column and runs @action as its shortcut would. */
static gboolean
run_card_action (Fixture    *f,
                 int         column,
                 gint64      id,
                 const char *action)
{
  GestBoardColumn *col = gest_board_get_column (f->board, column);
  int position = gest_board_column_model_find (gest_board_column_get_model (col), id);
  gboolean activated;

  g_assert_cmpint (position, >=, 0);
  gest_board_column_select (col, (guint) position);
  activated = gtk_widget_activate_action (GTK_WIDGET (col), action, NULL);
  /* A move's save runs on the store's writer thread; the card moves when it reports. */
  gest_store_wait_for_writes (f->store);
  return activated;
}

static gint64
first_id_where (Fixture    *f,
                const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM tramites WHERE deleted = 0 AND %s "
                                          "ORDER BY rowid LIMIT 1", where);
  gint64 id = sql_int (f, sql, NULL);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_columns_and_counts (Fixture       *f,
                         gconstpointer  data)
{
  GestBoardColumn *column;
  GtkWidget *card;
  GestBoardItem *item;
  gint64 first_id;
  g_autoptr(GestTramite) first = NULL;

  assert_counts_match_sql (f);
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==,
                    sql_int (f, "SELECT count(*) FROM tramites WHERE deleted = 0", NULL));
  g_assert_false (gest_tramites_page_get_empty_shown (f->page));

  /* The oldest card of step 2 is on screen with its folio and customer. */
  column = gest_board_get_column (f->board, 1);
  first_id = gest_board_column_model_get_id (gest_board_column_get_model (column), 0);
  first = gest_tramite_load_by_id (f->store, first_id, NULL);
  g_assert_nonnull (first);
  card = find_card (GTK_WIDGET (column), first_id);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (card));
  item = gest_board_card_get_item (GEST_BOARD_CARD (card));
  g_assert_cmpstr (gest_board_item_get_title (item), ==, first->folio);
  g_assert_cmpstr (gest_board_item_get_subtitle (item), ==, first->statement.customer_name);
  g_assert_cmpstr (gest_board_item_get_uuid (item), ==, first->uuid);
  g_assert_nonnull (gest_board_card_get_days_text (GEST_BOARD_CARD (card)));
}

static void
test_move_keyboard (Fixture       *f,
                    gconstpointer  data)
{
  GestBoardColumn *column = gest_board_get_column (f->board, 1);
  GtkEventController *shortcuts = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (column));
  gboolean found_next = FALSE, found_previous = FALSE;
  gint64 id = first_id_where (f, "step = 2");
  GestBoardColumn *target;

  /* Alt+Right and Alt+Left are the column's shortcuts for the two actions. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = GTK_EVENT_CONTROLLER (controller);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (trigger, "<Alt>Right") && g_str_equal (action, "action(board.move-next)"))
            found_next = TRUE;
          if (g_str_equal (trigger, "<Alt>Left") && g_str_equal (action, "action(board.move-previous)"))
            found_previous = TRUE;
        }
    }
  g_assert_true (found_next);
  g_assert_true (found_previous);

  /* Step 2 → 3 needs nothing: the card moves, the database says so, the counts follow. */
  g_assert_true (run_card_action (f, 1, id, "board.move-next"));
  g_assert_cmpint (step_of (f, id), ==, 3);
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (column), id), ==, -1);
  wait_loaded (f->board);
  assert_counts_match_sql (f);
  /* The card stays under the keyboard in its new column. */
  target = gest_board_get_column (f->board, 2);
  g_assert_cmpint (gest_board_column_get_selected (target), ==,
                   gest_board_column_model_find (gest_board_column_get_model (target), id));

  /* Back with Alt+Left's action: issue 12, a move back needs a reason, which the folio's page
   * asks for; the board says so where the card is and moves nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (target), "board.move-previous", NULL));
  gest_store_wait_for_writes (f->store);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (step_of (f, id), ==, 3);
  {
    g_autofree char *folio = NULL;
    g_autofree char *message = NULL;
    g_autofree char *uuid = uuid_of (f, id);
    g_autoptr(GestTramite) t = gest_tramite_load_by_uuid (f->store, uuid, NULL);

    folio = g_strdup (t->folio);
    message = g_strdup_printf ("Moving folio %s back to step 2 (Registered) needs a reason: open the folio and use "
                               "“Move Back”, which asks for it.", folio);
    g_assert_cmpstr (gest_board_get_message (f->board), ==, message);
  }
}

/* Runs @action on card @id in @column, expects the refusal the rules give for @to_step,
 * shown above the board word for word, and nothing written. */
static void
assert_refused (Fixture    *f,
                int         column,
                gint64      id,
                const char *action,
                int         to_step)
{
  g_autoptr(GError) expected = NULL;
  g_autofree char *uuid = uuid_of (f, id);
  int step_before = step_of (f, id);
  g_autofree char *activity_sql = g_strdup_printf ("SELECT count(*) FROM activity WHERE record_uuid = '%s'", uuid);
  gint64 activity_before = sql_int (f, activity_sql, NULL);
  GtkWidget *label;

  g_assert_false (gest_tramite_can_move (f->store, uuid, to_step, GEST_TRAMITE_ACTOR_DEALER, &expected));
  g_assert_error (expected, GEST_ERROR, GEST_ERROR_REFUSED);

  g_assert_true (run_card_action (f, column, id, action));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  /* The whole message, wrapped, styled as an error (gest_field_error_show()), never cut in
   * a toast. */
  label = find_widget (GTK_WIDGET (f->board), GTK_TYPE_LABEL, expected->message);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_null (gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY));
  g_assert_cmpstr (gest_board_get_message (f->board), ==, expected->message);
  g_assert_cmpint (step_of (f, id), ==, step_before);
  g_assert_cmpint (sql_int (f, activity_sql, NULL), ==, activity_before);
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (gest_board_get_column (f->board, column)), id),
                   >=, 0);
  wait_loaded (f->board);
  assert_counts_match_sql (f);
}

static void
test_move_refused_missing_ack (Fixture       *f,
                               gconstpointer  data)
{
  /* T6: no step 8 without the acknowledgment. */
  assert_refused (f, 6, first_id_where (f, "step = 7 AND ack_returned_at IS NULL"), "board.move-next", 8);
}

static void
test_move_refused_conauto_step (Fixture       *f,
                                gconstpointer  data)
{
  /* T6 and T7: step 3 → 4 is Conauto's, and without documents it lacks them too. */
  assert_refused (f, 2, first_id_where (f, "step = 3 AND (docs_sent_at IS NULL OR payment_proof_uuid IS NULL)"),
                  "board.move-next", 4);
  /* Out of Conauto's step 4, back to 3: Conauto's too. */
  assert_refused (f, 3, first_id_where (f, "step = 4"), "board.move-previous", 3);
}

static void
test_conauto_columns_read_only (Fixture       *f,
                                gconstpointer  data)
{
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    {
      GestBoardColumn *column = gest_board_get_column (f->board, step - 1);
      GtkWidget *lock = find_widget (GTK_WIDGET (column), GTK_TYPE_IMAGE, "changes-prevent-symbolic");
      gboolean conauto = step >= 4 && step <= 6;

      g_assert_cmpint (gest_board_column_get_read_only (column), ==, conauto);
      if (conauto)
        {
          const char *tooltip;

          g_assert_nonnull (lock);
          tooltip = gtk_widget_get_tooltip_text (lock);
          g_assert_nonnull (strstr (tooltip, "Conauto"));
        }
      else
        g_assert_null (lock);
    }

  /* A drop into Conauto's column goes through the same check as the keyboard. */
  {
    gint64 id = first_id_where (f, "step = 3");
    g_autofree char *uuid = uuid_of (f, id);
    g_autoptr(GError) expected = NULL;

    g_assert_false (gest_tramite_can_move (f->store, uuid, 4, GEST_TRAMITE_ACTOR_DEALER, &expected));
    g_assert_false (gest_board_move_item (f->board, id, 3));
    g_assert_nonnull (find_widget (GTK_WIDGET (f->board), GTK_TYPE_LABEL, expected->message));
    g_assert_cmpint (step_of (f, id), ==, 3);
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = first_id_where (f, "step = 5");
  g_autoptr(GestTramite) tramite = gest_tramite_load_by_id (f->store, id, NULL);
  GestBoardFilter filter = { 0 };
  g_autofree char *today = NULL;
  g_autofree char *overdue_sql = NULL;
  GDate date;

  filter.column = -1;
  filter.text = g_strdup (tramite->folio);
  gest_board_set_filter (f->board, &filter);
  wait_loaded (f->board);
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 1);
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (gest_board_get_column (f->board, 4)), id),
                   ==, 0);
  /* A filter with no hits keeps the board, not the empty state. */
  g_free (filter.text);
  filter.text = g_strdup ("LIQ-1999-999999");
  gest_board_set_filter (f->board, &filter);
  wait_loaded (f->board);
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 0);
  g_assert_false (gest_tramites_page_get_empty_shown (f->page));
  gest_board_filter_clear (&filter);

  gest_date_today (&date);
  today = gest_date_to_iso (&date);
  overdue_sql = g_strdup_printf ("SELECT count(*) FROM tramites WHERE deleted = 0 AND payment_amount IS NULL "
                                 "AND agreed_date < '%s'", today);
  filter.overdue_only = TRUE;
  gest_board_set_filter (f->board, &filter);
  wait_loaded (f->board);
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, sql_int (f, overdue_sql, NULL));

  /* One step: the other columns hide. */
  filter.overdue_only = FALSE;
  filter.column = 4;
  gest_board_set_filter (f->board, &filter);
  wait_loaded (f->board);
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, step_count (f, 5));
  for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (gest_board_get_column (f->board, i))), ==, i == 4);
}

static void
activated_cb (GestBoard  *board,
              const char *uuid,
              char      **out)
{
  g_free (*out);
  *out = g_strdup (uuid);
}

static void
test_open_card (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = first_id_where (f, "step = 1");
  g_autofree char *uuid = uuid_of (f, id);
  g_autofree char *activated = NULL;

  GestBoardColumn *column = gest_board_get_column (f->board, 0);
  int position = gest_board_column_model_find (gest_board_column_get_model (column), id);
  GtkWidget *card, *popover;
  g_autoptr(GListModel) controllers = NULL;

  g_signal_connect (f->board, "item-activated", G_CALLBACK (activated_cb), &activated);
  g_assert_true (run_card_action (f, 0, id, "board.open"));
  g_assert_cmpstr (activated, ==, uuid);
  g_clear_pointer (&activated, g_free);
  g_assert_cmpstr (gest_tramites_page_get_visible (f->page), ==, "detail");
  gest_tramites_page_show_board (f->page);
  wait_loaded (f->board);

  /* The context menu: a right click selects the card and opens a menu whose entries act on it. */
  gest_board_column_select (column, (guint) position);
  /* Scrolling and the page's slide back from the detail take a few frames. */
  wait_frames (GTK_WIDGET (f->window), 30);
  gest_board_column_select (column, GTK_INVALID_LIST_POSITION);
  card = find_card (GTK_WIDGET (column), id);
  g_assert_nonnull (card);
  controllers = gtk_widget_observe_controllers (card);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
    }
  g_assert_cmpuint (gest_board_column_get_selected (column), ==, (guint) position);
  popover = gtk_widget_get_last_child (card);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  /* Without a window manager the popup may close at once (no grab): use it right away. */
  g_assert_true (gtk_widget_activate_action (popover, "board.open", NULL));
  g_assert_cmpstr (activated, ==, uuid);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_cmpstr (gest_tramites_page_get_visible (f->page), ==, "detail");
  gest_tramites_page_show_board (f->page);
  wait_loaded (f->board);
  g_assert_cmpstr (gest_tramites_page_get_visible (f->page), ==, "main");

  /* Shift+F10's action opens the same menu on the selected card. */
  gest_board_column_select (column, (guint) position);
  wait_frames (GTK_WIDGET (f->window), 30);
  card = find_card (GTK_WIDGET (column), id);
  g_assert_nonnull (card);
  g_assert_false (GTK_IS_POPOVER (gtk_widget_get_last_child (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (column), "board.menu", NULL));
  popover = gtk_widget_get_last_child (card);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_func (f->board, activated_cb, &activated);
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpuint (gest_board_get_n_items (f->board), ==, 0);
  g_assert_true (gest_tramites_page_get_empty_shown (f->page));
  for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    g_assert_cmpstr (gest_board_column_get_count_text (gest_board_get_column (f->board, i)), ==, "0");
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *expected = g_strdup_printf ("action(%s)", action);

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

          if (g_str_equal (t, trigger) && g_str_equal (a, expected))
            return TRUE;
        }
    }
  return FALSE;
}

/* X1: Escape and Alt+Left leave a trámite's detail for the board. */
static void
test_keys_leave_detail (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *uuid = uuid_of (f, first_id_where (f, "step = 2"));
  const char * const keys[] = { "Escape", "<Alt>Left" };
  GestBoardPage *page = gest_tramites_page_get_board_page (f->page);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *detail;

      g_assert_true (has_shortcut (GTK_WIDGET (page), keys[i], "board-page.back"));
      gest_tramites_page_show_tramite (f->page, uuid);
      g_assert_cmpstr (gest_tramites_page_get_visible (f->page), ==, "detail");
      detail = gest_board_page_get_detail (page);
      g_assert_nonnull (detail);
      /* The keyboard is in the detail (the card that opened it is hidden): the page's keys
       * reach the page from there. */
      g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), detail));
      /* The shortcut's action, from inside the detail, where the focus is. */
      g_assert_true (gtk_widget_activate_action (detail, "board-page.back", NULL));
      g_assert_cmpstr (gest_tramites_page_get_visible (f->page), ==, "main");
      wait_loaded (f->board);
    }
}

/* T6: the detail's step button names the step it moves to. */
static void
test_step_button_names_step (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *uuid = uuid_of (f, first_id_where (f, "step = 2"));
  GtkWidget *button;

  gest_tramites_page_show_tramite (f->page, uuid);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  button = gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_button_labelled,
                                  "_Move to Step 3: Documents and payment");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  gest_tramites_page_show_board (f->page);
  wait_loaded (f->board);
}

/* X1: a card says what its date is (the agreed payment date); a finished one counts no days. */
static void
test_card_date_and_finished (Fixture       *f,
                             gconstpointer  data)
{
  GestBoardColumn *registered = gest_board_get_column (f->board, 1);
  GestBoardColumn *finished = gest_board_get_column (f->board, GEST_TRAMITE_N_STEPS - 1);
  gint64 id = gest_board_column_model_get_id (gest_board_column_get_model (registered), 0);
  gint64 done_id = gest_board_column_model_get_id (gest_board_column_get_model (finished), 0);
  g_autoptr(GestTramite) t = gest_tramite_load_by_id (f->store, id, NULL);
  g_autofree char *date = gest_date_format (&t->agreed_date);
  g_autofree char *expected = g_strdup_printf ("Pay by %s", date);
  GtkWidget *card;

  card = find_card (GTK_WIDGET (registered), id);
  g_assert_nonnull (card);
  g_assert_cmpstr (gest_board_card_get_date_text (GEST_BOARD_CARD (card)), ==, expected);
  g_assert_nonnull (gest_board_card_get_days_text (GEST_BOARD_CARD (card)));

  gest_board_column_select (finished, 0);
  wait_frames (GTK_WIDGET (f->window), 10);
  card = find_card (GTK_WIDGET (finished), done_id);
  g_assert_nonnull (card);
  g_assert_true (gest_board_item_get_flags (gest_board_card_get_item (GEST_BOARD_CARD (card))) &
                 GEST_BOARD_ITEM_FLAG_DONE);
  g_assert_null (gest_board_card_get_days_text (GEST_BOARD_CARD (card)));
}

static gboolean
is_back_button (GtkWidget     *widget,
                gconstpointer  data)
{
  guint *n = (guint *) data;

  /* A back arrow whose tooltip says where it goes back ("Back", "Back to the Board"): not the
   * previous page of a document preview. */
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0 &&
      g_str_has_prefix (gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : "",
                        "Back"))
    (*n)++;
  return FALSE;
}

static guint
n_back_buttons (GtkWidget *window)
{
  guint n = 0;

  gest_test_find_widget (window, is_back_button, &n);
  return n;
}

static gboolean
is_drawable_back_button (GtkWidget     *widget,
                         gconstpointer  data)
{
  guint n = 0;

  is_back_button (widget, &n);
  return n > 0;
}

static gboolean
is_drawable_window_title (GtkWidget     *widget,
                          gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget) && gtk_widget_is_drawable (widget);
}

/* The title in the header the user sees (the sidebar's is folded away). */
static const char *
header_title (GtkWidget *window)
{
  GtkWidget *title = gest_test_find_widget (window, is_drawable_window_title, NULL);

  return title != NULL ? adw_window_title_get_title (ADW_WINDOW_TITLE (title)) : NULL;
}

/* X1: the whole window works 360 px wide: it asks for no more, the section and then a
 * trámite's detail show folded, the header names the folio, and there is one back button,
 * which goes back to the board, then to the sections. */
static void
test_window_360 (Fixture       *f,
                 gconstpointer  data)
{
  GestWindow *window = gest_window_new (NULL, f->store);
  GestTramitesPage *page;
  g_autoptr(GestTramite) t = gest_tramite_load_by_id (f->store, first_id_where (f, "step = 2"), NULL);
  gpointer weak = window;
  int min;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  gest_window_set_section (window, "tramites");
  page = GEST_TRAMITES_PAGE (gest_window_get_section_page (window, "tramites"));
  wait_loaded (gest_tramites_page_get_board (page));
  /* Folded, the window starts on the sections; a click on one goes forward to it. */
  adw_leaflet_navigate (ADW_LEAFLET (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_type,
                                                            GSIZE_TO_POINTER (ADW_TYPE_LEAFLET))),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  wait_frames (GTK_WIDGET (window), 30);
  g_assert_cmpuint (n_back_buttons (GTK_WIDGET (window)), ==, 1);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  /* Folded on the section: its board, one column at a time, one back button (to the sections). */
  g_assert_true (gest_board_page_get_narrow (gest_tramites_page_get_board_page (page)));
  g_assert_cmpstr (header_title (GTK_WIDGET (window)), ==, "Early Payoffs");

  gest_tramites_page_show_tramite (page, t->uuid);
  wait_frames (GTK_WIDGET (window), 30);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpuint (n_back_buttons (GTK_WIDGET (window)), ==, 1);
  /* The header names the record, not the section. */
  g_assert_cmpstr (header_title (GTK_WIDGET (window)), ==, t->folio);

  /* The one back button: to the board, then to the sections. */
  g_signal_emit_by_name (gest_test_find_widget (GTK_WIDGET (window), is_drawable_back_button, NULL), "clicked");
  wait_frames (GTK_WIDGET (window), 30);
  g_assert_cmpstr (gest_tramites_page_get_visible (page), ==, "main");
  g_assert_cmpstr (header_title (GTK_WIDGET (window)), ==, "Early Payoffs");
  g_assert_cmpuint (n_back_buttons (GTK_WIDGET (window)), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_modules_init ();

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_setup, func, fixture_teardown)

  ADD ("/tramites-ui/X1/columns-and-counts", N_DEMO, test_columns_and_counts);
  ADD ("/tramites-ui/T6/move-keyboard", N_DEMO, test_move_keyboard);
  ADD ("/tramites-ui/T6/move-refused-missing-ack", N_DEMO, test_move_refused_missing_ack);
  ADD ("/tramites-ui/T7/move-refused-conauto-step", N_DEMO, test_move_refused_conauto_step);
  ADD ("/tramites-ui/T7/conauto-columns-read-only", N_DEMO, test_conauto_columns_read_only);
  ADD ("/tramites-ui/X1/filters", N_DEMO, test_filters);
  ADD ("/tramites-ui/X1/open-card", N_DEMO, test_open_card);
  ADD ("/tramites-ui/X1/empty-state", 0, test_empty_state);
  ADD ("/tramites-ui/X1/keys-leave-detail", N_DEMO, test_keys_leave_detail);
  ADD ("/tramites-ui/T6/step-button-names-step", N_DEMO, test_step_button_names_step);
  ADD ("/tramites-ui/X1/card-date-and-finished", N_DEMO, test_card_date_and_finished);
  ADD ("/tramites-ui/X1/window-360", N_DEMO, test_window_360);

  return g_test_run ();
}
