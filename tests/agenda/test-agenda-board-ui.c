/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The day's board in the agenda's page (S12, S7; issue 15): "Today's Board" shows the chosen
 * day's reservations in the six state columns and follows the day navigation; a web booking
 * without advisor dragged to "Confirmed" is refused with the message in full above the
 * columns and stays; a confirmed reservation moved to "Arrived" is moved. */
#include "config.h"

#include <locale.h>

#include "agenda-board-test-util.h"
#include "gest-agenda-page.h"
#include "gest-board.h"
#include "gest-board-column.h"
#include "gest-board-column-model.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define MSG_NO_ADVISOR "The web booking of Juan Pérez López has no advisor yet: open it and confirm it choosing the advisor."

typedef struct
{
  char        *dir;
  char        *monday;
  GestStore   *store;
  GestContext *context;
  GtkWindow   *window;
  GtkWidget   *page;
} Fixture;

static GestBoard *
board (Fixture *f)
{
  return gest_board_page_get_board (gest_agenda_page_get_board_page (GEST_AGENDA_PAGE (f->page)));
}

static guint
n_ids (Fixture *f,
       guint    column)
{
  return gest_board_column_model_get_n_ids (gest_board_column_get_model (gest_board_get_column (board (f), column)));
}

static gboolean
board_loaded (Fixture *f)
{
  GestBoard *b = board (f);

  if (gest_board_get_source (b) == NULL || gest_board_get_loading (b) || gest_board_get_n_columns (b) == 0)
    return FALSE;
  for (guint i = 0; i < gest_board_get_n_columns (b); i++)
    if (!gest_board_column_model_get_loaded (gest_board_column_get_model (gest_board_get_column (b, i))))
      return FALSE;
  return TRUE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  f->monday = agenda_test_monday ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  agenda_test_fill (f->store, f->monday);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
  f->page = g_object_ref_sink (gest_agenda_page_new (f->context));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  gest_agenda_page_set_view (GEST_AGENDA_PAGE (f->page), "board");
  gest_agenda_page_set_day (GEST_AGENDA_PAGE (f->page), f->monday);
  WAIT_UNTIL (board_loaded (f));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  GestAgendaPage *page = GEST_AGENDA_PAGE (f->page);

  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (!gest_agenda_view_get_loading (gest_agenda_page_get_agenda (page, GEST_AGENDA_VIEW_WEEK))
              && !gest_agenda_view_get_loading (gest_agenda_page_get_agenda (page, GEST_AGENDA_VIEW_DAY)));
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (f->window);
  gest_test_finalize_after_drain (f->page);
  gest_test_finalize_after_drain (f->context);
  gest_test_finalize_after_drain (f->store);
  gest_test_tmpdir_free (f->dir);
  g_free (f->monday);
}

static gint64
rowid_of (Fixture    *f,
          const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM reservations WHERE uuid = '%s'", uuid);

  return gest_test_query_int (f->store, sql);
}

static void
test_columns_of_the_day (Fixture       *f,
                         gconstpointer  data)
{
  GestBoardSource *source = gest_board_get_source (board (f));
  GDate date;
  g_autofree char *tuesday = NULL;

  g_assert_cmpuint (gest_board_get_n_columns (board (f)), ==, GEST_RESERVATION_N_COLUMNS);
  for (guint i = 0; i < GEST_RESERVATION_N_COLUMNS; i++)
    g_assert_cmpstr (gest_board_source_get_column_title (source, i), ==, gest_reservation_state_label (i));
  g_assert_cmpuint (n_ids (f, GEST_RESERVATION_TO_CONFIRM), ==, 1);
  g_assert_cmpuint (n_ids (f, GEST_RESERVATION_CONFIRMED), ==, 3);
  g_assert_cmpuint (gest_board_get_n_items (board (f)), ==, 4);
  /* The next day, from the navigation: nothing booked. */
  gest_date_from_iso (f->monday, &date);
  g_date_add_days (&date, 1);
  tuesday = gest_date_to_iso (&date);
  gest_agenda_page_set_day (GEST_AGENDA_PAGE (f->page), tuesday);
  WAIT_UNTIL (board_loaded (f) && gest_board_get_n_items (board (f)) == 0);
  g_assert_cmpstr (gest_board_page_get_content (gest_agenda_page_get_board_page (GEST_AGENDA_PAGE (f->page))), ==,
                   "empty");
}

static void
test_web_booking_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_false (gest_board_move_item (board (f), rowid_of (f, "res-web"), GEST_RESERVATION_CONFIRMED));
  g_assert_cmpstr (gest_board_get_message (board (f)), ==, MSG_NO_ADVISOR);
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_visible_label, MSG_NO_ADVISOR));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT state = 'to-confirm' FROM reservations WHERE uuid = 'res-web'"),
                   ==, 1);
}

static void
test_arrival_moved (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (gest_board_move_item (board (f), rowid_of (f, "res-ana"), GEST_RESERVATION_ARRIVED));
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (board_loaded (f) && n_ids (f, GEST_RESERVATION_ARRIVED) == 1);
  g_assert_cmpuint (n_ids (f, GEST_RESERVATION_CONFIRMED), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT state = 'arrived' FROM reservations WHERE uuid = 'res-ana'"),
                   ==, 1);
  g_assert_null (gest_board_get_message (board (f)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agenda/S12/board/six-columns-follow-the-day", Fixture, NULL, fixture_setup, test_columns_of_the_day,
              fixture_teardown);
  g_test_add ("/agenda/S7/board/web-booking-without-advisor-refused", Fixture, NULL, fixture_setup,
              test_web_booking_refused, fixture_teardown);
  g_test_add ("/agenda/S12/board/arrival-moved", Fixture, NULL, fixture_setup, test_arrival_moved,
              fixture_teardown);
  return g_test_run ();
}
