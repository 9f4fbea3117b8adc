/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The week and day agenda on screen (S12, S7; issue 15): Enter (or a click) on a free slot
 * opens the reservation window preset with the advisor, day and time; a keyboard move into a
 * full slot is refused with the model's message in full under the view and nothing moves; a
 * move into room is made and the focus follows it; web bookings without advisor have the first
 * column, "To assign"; at 360 px the day view shows one advisor at a time with a selector; the
 * past is shaded, says no "N free" and is not offered, the slot check's refusal under the view. */
#include "config.h"

#include <locale.h>

#include "agenda-board-test-util.h"
#include "gest-agenda-leads-view.h"
#include "gest-agenda-page.h"
#include "gest-agenda-sessions-view.h"
#include "gest-agenda-view-private.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation-dialog.h"
#include "gest-reservation-private.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"


typedef struct
{
  char        *dir;
  char        *monday;
  GestStore   *store;
  GestContext *context;
  GtkWindow   *window;
  GtkWidget   *page;
  guint        loads;
} Fixture;

static void
loaded_cb (Fixture *f)
{
  f->loads++;
}

static GestAgendaView *
view (Fixture           *f,
      GestAgendaViewMode mode)
{
  return gest_agenda_page_get_agenda (GEST_AGENDA_PAGE (f->page), mode);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width = GPOINTER_TO_INT (data);

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
  g_signal_connect_swapped (view (f, GEST_AGENDA_VIEW_WEEK), "loaded", G_CALLBACK (loaded_cb), f);
  g_signal_connect_swapped (view (f, GEST_AGENDA_VIEW_DAY), "loaded", G_CALLBACK (loaded_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width > 0 ? width : 1100, 760);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  gest_agenda_page_set_view (GEST_AGENDA_PAGE (f->page), "day");
  f->loads = 0;
  gest_agenda_page_set_day (GEST_AGENDA_PAGE (f->page), f->monday);
  WAIT_UNTIL (f->loads >= 1 && gest_agenda_view_get_grid (view (f, GEST_AGENDA_VIEW_DAY)) != NULL
              && !gest_agenda_view_get_loading (view (f, GEST_AGENDA_VIEW_DAY)));
}

/* The week view shown and loaded (it reads its range when it shows). */
static const GestAgendaGrid *
show_week (Fixture *f)
{
  GestAgendaView *week = view (f, GEST_AGENDA_VIEW_WEEK);

  gest_agenda_page_set_view (GEST_AGENDA_PAGE (f->page), "week");
  WAIT_UNTIL (gest_agenda_view_get_grid (week) != NULL && !gest_agenda_view_get_loading (week));
  return gest_agenda_view_get_grid (week);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog = gest_agenda_page_get_dialog (GEST_AGENDA_PAGE (f->page));
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gest_store_wait_for_writes (f->store);
  /* A load still in its thread holds its view until it reports. */
  WAIT_UNTIL (!gest_agenda_view_get_loading (view (f, GEST_AGENDA_VIEW_WEEK))
              && !gest_agenda_view_get_loading (view (f, GEST_AGENDA_VIEW_DAY)));
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (f->window);
  gest_test_finalize_after_drain (f->page);
  gest_test_finalize_after_drain (f->context);
  gest_test_finalize_after_drain (f->store);
  gest_test_tmpdir_free (f->dir);
  g_free (f->monday);
}

static guint
column_of (Fixture    *f,
           const char *advisor)
{
  const GestAgendaGrid *grid = gest_agenda_view_get_grid (view (f, GEST_AGENDA_VIEW_DAY));
  int column = gest_agenda_grid_find_column (grid, advisor, f->monday);

  g_assert_cmpint (column, >=, 0);
  return (guint) column;
}

static void
test_to_assign_first (Fixture       *f,
                      gconstpointer  data)
{
  const GestAgendaGrid *day = gest_agenda_view_get_grid (view (f, GEST_AGENDA_VIEW_DAY));
  const GestAgendaGrid *week = show_week (f);
  GestAgendaColumn *first = g_ptr_array_index (day->columns, 0);
  GestAgendaColumn *ana = g_ptr_array_index (day->columns, 1);
  GestAgendaColumn *luis = g_ptr_array_index (day->columns, 2);

  /* The web booking without advisor: the first column of its day, then the advisors by name. */
  g_assert_cmpuint (day->columns->len, ==, 3);
  g_assert_null (first->advisor_uuid);
  g_assert_cmpuint (first->reservations->len, ==, 1);
  g_assert_cmpstr (ana->advisor_name, ==, "Ana María Ortiz");
  g_assert_cmpstr (luis->advisor_name, ==, "Luis Hernández Peña");
  /* Luis's 09:00: both cars side by side, his capacity of 2. */
  g_assert_cmpuint (luis->reservations->len, ==, 2);
  g_assert_cmpint (g_array_index (luis->lanes, GestAgendaLane, 1).lane, ==, 1);
  g_assert_cmpint (g_array_index (luis->lanes, GestAgendaLane, 1).lanes, ==, 2);
  /* The week: Monday's "To assign" and two advisors, then two advisors a day to Sunday. */
  g_assert_cmpuint (week->columns->len, ==, 3 + 6 * 2);
  g_assert_cmpint (day->first_min, ==, 8 * 60);
  g_assert_cmpint (day->last_min, ==, 18 * 60);
}

static void
test_free_slot_opens_dialog (Fixture       *f,
                             gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);
  GestReservationDialog *dialog;
  const GestReservationFormValues *values;
  g_autofree char *day_text = NULL;
  GDate date;

  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_LUIS), 10 * 60 + 10);
  g_assert_null (gest_agenda_view_get_focused (day));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.activate", NULL));
  dialog = GEST_RESERVATION_DIALOG (gest_agenda_page_get_dialog (GEST_AGENDA_PAGE (f->page)));
  g_assert_nonnull (dialog);
  /* The window's advisors arrive from its thread. */
  WAIT_UNTIL (gest_reservation_dialog_get_values (dialog) != NULL);
  values = gest_reservation_dialog_get_values (dialog);
  gest_date_from_iso (f->monday, &date);
  day_text = gest_date_format (&date);
  g_assert_cmpstr (values->advisor_uuid, ==, AGENDA_TEST_LUIS);
  g_assert_cmpstr (values->day_text, ==, day_text);
  g_assert_cmpstr (values->time_text, ==, "10:00");
  g_assert_null (values->customer_uuid);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Reservation");
}

static void
test_full_slot_no_dialog (Fixture       *f,
                          gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);

  /* Luis's 09:00 holds two cars: Enter there opens the first of them, not a new one. */
  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_LUIS), 9 * 60);
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-luis-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.activate", NULL));
  g_assert_null (gest_agenda_page_get_dialog (GEST_AGENDA_PAGE (f->page)));
  g_assert_nonnull (gest_agenda_page_get_detail (GEST_AGENDA_PAGE (f->page)));
  /* Back to the views (Escape); the page's own load, in its thread, holds the context a while. */
  g_assert_true (gtk_widget_activate_action (f->page, "board-page.back", NULL));
  g_assert_null (gest_agenda_page_get_detail (GEST_AGENDA_PAGE (f->page)));
  {
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
}

static void
test_keyboard_move_refused (Fixture       *f,
                            gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);
  g_autofree char *full = agenda_test_full_message (f->monday);
  g_autofree char *before = agenda_test_where (f->store, "res-ana");
  g_autofree char *after = NULL;

  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_ANA), 9 * 60);
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-ana");
  /* Alt+Right: to Luis's 09:00, full. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.move", "(ii)", 1, 0));
  WAIT_UNTIL (gest_agenda_view_get_error (day) != NULL);
  g_assert_cmpstr (gest_agenda_page_get_error (GEST_AGENDA_PAGE (f->page)), ==, full);
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_visible_label, full));
  after = agenda_test_where (f->store, "res-ana");
  g_assert_cmpstr (after, ==, before);
}

static void
test_keyboard_move_made (Fixture       *f,
                         gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);
  g_autofree char *expected = g_strdup_printf ("adv-ana %s 570", f->monday);
  g_autofree char *after = NULL;
  guint loads;

  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_ANA), 9 * 60);
  /* Move mode: the plain arrow moves the reservation a slot later. */
  gest_agenda_view_set_move_mode (day, TRUE);
  loads = f->loads;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.focus", "(ii)", 0, 1));
  gest_store_wait_for_writes (f->store);
  after = agenda_test_where (f->store, "res-ana");
  g_assert_cmpstr (after, ==, expected);
  /* The view reads the day again after the move. */
  WAIT_UNTIL (f->loads > loads && !gest_agenda_view_get_loading (day));
  g_assert_null (gest_agenda_view_get_error (day));
  g_assert_null (gest_agenda_page_get_error (GEST_AGENDA_PAGE (f->page)));
  /* The focus follows the reservation to 09:30. */
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-ana");
}

static void
test_narrow_one_advisor (Fixture       *f,
                         gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);
  GtkWidget *dropdown;
  int minimum;

  WAIT_UNTIL (gest_agenda_page_get_narrow (GEST_AGENDA_PAGE (f->page))
              && gest_agenda_view_get_n_shown_columns (day) == 1);
  gtk_widget_measure (f->page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  dropdown = gest_test_find_widget (f->page, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_visible (dropdown));
  /* First the web bookings to assign (there is one), then each advisor through the selector. */
  g_assert_null (((GestAgendaColumn *) g_ptr_array_index (gest_agenda_view_get_grid (day)->columns, 0))->advisor_uuid);
  gest_agenda_view_focus_cell (day, 0, 11 * 60);
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-web");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  g_assert_cmpuint (gest_agenda_view_get_n_shown_columns (day), ==, 1);
  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_ANA), 9 * 60);
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-ana");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpuint (gest_agenda_view_get_n_shown_columns (day), ==, 1);
  gest_agenda_view_focus_cell (day, column_of (f, AGENDA_TEST_LUIS), 9 * 60);
  g_assert_cmpstr (gest_agenda_view_get_focused (day), ==, "res-luis-1");
  /* The week view keeps every column, scrolled sideways. */
  show_week (f);
  g_assert_cmpuint (gest_agenda_view_get_n_shown_columns (view (f, GEST_AGENDA_VIEW_WEEK)), ==, 15);
}

/* The color the view paints at (@x, @y): its snapshot rendered offscreen by the cairo renderer. */
static guint32
pixel_at (GtkWidget *widget,
          double     x,
          double     y)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = g_new0 (guint32, (gsize) width * height);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  gsk_renderer_unrealize (renderer);
  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  return pixels[(int) y * width + (int) x];
}

/* The middle of the top line of the cell at @minute of the shown column @index (clear of the
 * "N free" text at its bottom). */
static guint32
cell_color (GestAgendaView *day,
            int             index,
            int             minute)
{
  double x = 0, y = 0;

  /* On screen, its range loaded, the cell in sight (the window may still be settling its size). */
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (day)) && gest_agenda_view_get_grid (day) != NULL
              && !gest_agenda_view_get_loading (day) && gest_agenda_view_get_n_shown_columns (day) > (guint) index
              && (x = gest_agenda_view_x_of_column (day, index) + gest_agenda_view_column_width (day) / 2) >= 0
              && x < gtk_widget_get_width (GTK_WIDGET (day))
              && (y = gest_agenda_view_y_of_minute (day, minute) + 12) >= 0
              && y < gtk_widget_get_height (GTK_WIDGET (day)));
  return pixel_at (GTK_WIDGET (day), x, y);
}

static void
test_past_slot_not_offered (Fixture       *f,
                            gconstpointer  data)
{
  GestAgendaView *day = view (f, GEST_AGENDA_VIEW_DAY);
  guint ana = column_of (f, AGENDA_TEST_ANA);
  g_autofree char *future_free = NULL;
  g_autofree char *past_free = NULL;
  g_autofree char *later_free = NULL;
  g_autofree char *shown_day = gest_agenda_format_day (f->monday);
  g_autofree char *refusal = g_strdup_printf ("%s at 08:00 is in the past: choose a later day or time.", shown_day);
  guint32 free_color, past_color, later_color;
  int index;

  /* The view laid out (the cells are checked by their pixels). */
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (day)) > 0);
  /* Seen from today, Monday two weeks ahead is all future: Ana's 08:00 offers its room. */
  future_free = gest_agenda_view_dup_slot_text (day, ana, 8 * 60);
  g_assert_cmpstr (future_free, ==, "2 free");
  gest_agenda_view_focus_cell (day, ana, 8 * 60);
  index = (int) ana;
  free_color = cell_color (day, index, 8 * 60);

  /* Seen from that Monday at 10:15: 08:00 to 10:00 are past, 10:30 still free. */
  gest_agenda_view_set_now (day, gest_agenda_moment (f->monday, 10 * 60 + 15));
  gtk_widget_queue_draw (GTK_WIDGET (day));
  past_free = gest_agenda_view_dup_slot_text (day, ana, 8 * 60);
  g_assert_null (past_free);
  g_assert_null (gest_agenda_view_dup_slot_text (day, ana, 10 * 60));
  later_free = gest_agenda_view_dup_slot_text (day, ana, 10 * 60 + 30);
  g_assert_cmpstr (later_free, ==, "2 free");
  /* Shaded: the past cell is not painted as a free one; the later free cell still is. */
  past_color = cell_color (day, index, 8 * 60);
  later_color = cell_color (day, index, 10 * 60 + 30);
  g_assert_cmphex (past_color, !=, free_color);
  g_assert_cmphex (later_color, ==, free_color);

  /* Enter on the past free slot: no new reservation, the slot check's refusal in full. */
  gest_agenda_view_focus_cell (day, ana, 8 * 60);
  g_assert_null (gest_agenda_view_get_focused (day));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.activate", NULL));
  g_assert_null (gest_agenda_page_get_dialog (GEST_AGENDA_PAGE (f->page)));
  g_assert_cmpstr (gest_agenda_view_get_error (day), ==, refusal);
  g_assert_cmpstr (gest_agenda_page_get_error (GEST_AGENDA_PAGE (f->page)), ==, refusal);
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_visible_label, refusal));

  /* A free slot after the clock still opens the new reservation, and the refusal goes. */
  gest_agenda_view_focus_cell (day, ana, 10 * 60 + 30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "agenda.activate", NULL));
  g_assert_nonnull (gest_agenda_page_get_dialog (GEST_AGENDA_PAGE (f->page)));
  g_assert_null (gest_agenda_page_get_error (GEST_AGENDA_PAGE (f->page)));
}

typedef struct
{
  GestAgendaView *week;
  gboolean        painted;
  gboolean        before_data;   /* the first frame came while the range was loading */
  gboolean        drew;          /* and the view drew something in it */
} FirstFrame;

static void
first_after_paint_cb (GdkFrameClock *clock,
                      FirstFrame    *ff)
{
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;

  if (ff->painted)
    return;
  ff->painted = TRUE;
  ff->before_data = gest_agenda_view_get_grid (ff->week) == NULL && gest_agenda_view_get_loading (ff->week);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (ff->week)->snapshot (GTK_WIDGET (ff->week), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ff->drew = node != NULL;
}

static void
first_realize_cb (GtkWidget  *window,
                  FirstFrame *ff)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_after_paint_cb), ff);
}

/* A new page's first frame comes before its week is read, with the hours and the loading state
 * drawn; the week arrives from its thread; the sessions and leads views are built when shown. */
static void
test_first_frame_before_data (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (gest_agenda_page_new (f->context));
  GtkWidget *window = gtk_window_new ();
  FirstFrame ff = { .week = gest_agenda_page_get_agenda (GEST_AGENDA_PAGE (page), GEST_AGENDA_VIEW_WEEK) };
  GtkWidget *sessions = gest_test_find_widget (page, gest_test_is_type,
                                               GSIZE_TO_POINTER (gest_agenda_sessions_view_get_type ()));

  g_assert_null (sessions);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (window, "realize", G_CALLBACK (first_realize_cb), &ff);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (ff.painted);
  g_assert_true (ff.before_data);
  g_assert_true (ff.drew);
  WAIT_UNTIL (gest_agenda_view_get_grid (ff.week) != NULL && !gest_agenda_view_get_loading (ff.week));
  g_assert_cmpuint (gest_agenda_view_get_grid (ff.week)->columns->len, >, 0);
  gest_agenda_page_set_view (GEST_AGENDA_PAGE (page), "sessions");
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_type,
                                           GSIZE_TO_POINTER (gest_agenda_sessions_view_get_type ())));
  g_assert_null (gest_test_find_widget (page, gest_test_is_type,
                                        GSIZE_TO_POINTER (gest_agenda_leads_view_get_type ())));
  gest_agenda_page_set_view (GEST_AGENDA_PAGE (page), "leads");
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_type,
                                           GSIZE_TO_POINTER (gest_agenda_leads_view_get_type ())));
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), &ff);
  gtk_window_destroy (GTK_WINDOW (window));
  gest_test_finalize_after_drain (page);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agenda/S7/view/to-assign-first", Fixture, NULL, fixture_setup, test_to_assign_first,
              fixture_teardown);
  g_test_add ("/agenda/S12/view/free-slot-opens-dialog-preset", Fixture, NULL, fixture_setup,
              test_free_slot_opens_dialog, fixture_teardown);
  g_test_add ("/agenda/S12/view/enter-on-reservation-opens-it", Fixture, NULL, fixture_setup,
              test_full_slot_no_dialog, fixture_teardown);
  g_test_add ("/agenda/S12/view/keyboard-move-refused-in-full", Fixture, NULL, fixture_setup,
              test_keyboard_move_refused, fixture_teardown);
  g_test_add ("/agenda/S12/view/keyboard-move-made", Fixture, NULL, fixture_setup, test_keyboard_move_made,
              fixture_teardown);
  g_test_add ("/agenda/S12/view/360px-one-advisor", Fixture, GINT_TO_POINTER (360), fixture_setup,
              test_narrow_one_advisor, fixture_teardown);
  g_test_add ("/agenda/S12/view/past-slot-not-offered", Fixture, NULL, fixture_setup,
              test_past_slot_not_offered, fixture_teardown);
  g_test_add ("/agenda/S12/view/first-frame-before-data", Fixture, NULL, fixture_setup,
              test_first_frame_before_data, fixture_teardown);
  return g_test_run ();
}
