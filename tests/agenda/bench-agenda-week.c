/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The week agenda's benchmark (S12; issue 15): 12 advisors and 60,000 reservations over a year
 * (GESTIONA_BENCH_SCALE sets the reservations; GESTIONA_BENCH_AGENDA_DB keeps the database to
 * reuse), the pattern of tests/gest-test-board-bench.c:
 *
 * 1. First frame: from creating a window with the agenda's page (week view, this week) to the
 *    end of its first frame painted (the hours and the loading state: the view draws before
 *    its data), against the same window with no content to its first frame. Interleaved runs,
 *    medians compared (goal ≤ 2). The time until the frame that shows the week's
 *    reservations (read on a thread) is reported apart.
 * 2. Next week: "Next" pressed, then the work of every frame of the frame clock (before-paint
 *    to after-paint) until the next week is painted and a few frames after; the worst frame of
 *    each move, and the median over the moves (goal ≤ 16 ms). The week's data is read on a
 *    thread meanwhile: that is not frame work, and its time to the new week shows apart.
 *
 * Run under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). It reports and exits 0
 * whatever the numbers. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "gest-agenda-page.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

#define RUNS        7
#define MOVES       8
#define N_ADVISORS  12
#define WIDTH       1280
#define HEIGHT      800

typedef struct
{
  GestAgendaView *view;     /* NULL for the bare window */
  gint64          start;
  gint64          first;    /* the first frame painted, after start */
  gint64          data;     /* the first frame with the week's reservations */
} FirstFrame;

typedef struct
{
  GestAgendaView *view;
  gint64          frame_start;
  gint64          worst;
  gint64          total;
  guint           frames;
  gboolean        shown;    /* the new week painted */
  guint           after;    /* frames counted after it */
} Move;

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

/* 12 advisors (Monday to Friday 08:00-18:00 with the break, Saturday 08:00-13:00, slots of
 * 30 minutes for 2 cars), 5,000 customers with a vehicle each, @n reservations spread over the
 * working days from 9 months ago to 3 months ahead, in one transaction (the outbox silenced as
 * the sync does). */
static void
fill (GestStore *store,
      guint      n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate day, end;

  g_assert_true (gest_store_begin (store, TRUE, &error));
  g_assert_true (gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", &error));
  for (guint a = 0; a < N_ADVISORS; a++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO users (uuid, login, name, role, active, created_at, updated_at) VALUES"
        " ('adv-%02u', 'asesor%02u', 'Asesor %02u de Servicio', 'service-advisor', 1, 1, 1);", a, a, a);

      g_assert_true (gest_store_exec (store, sql, &error));
      for (int weekday = 1; weekday <= 6; weekday++)
        {
          g_autofree char *schedule = g_strdup_printf (
            "INSERT INTO agenda_schedules (uuid, advisor_uuid, weekday, starts_min, ends_min, break_starts_min,"
            " break_ends_min, slot_minutes, capacity) VALUES ('sch-%02u-%d', 'adv-%02u', %d, 480, %d, %s, %s, 30, 2)",
            a, weekday, a, weekday, weekday == 6 ? 780 : 1080, weekday == 6 ? "NULL" : "840",
            weekday == 6 ? "NULL" : "900");

          g_assert_true (gest_store_exec (store, schedule, &error));
        }
    }
  g_assert_true (gest_store_exec (store,
                                  "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999)"
                                  " INSERT INTO customers (uuid, name, phone_mobile)"
                                  " SELECT printf ('cust-%05d', i), printf ('Cliente %05d Pérez López', i),"
                                  " printf ('55%08d', i) FROM n;"
                                  "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999)"
                                  " INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid)"
                                  " SELECT printf ('veh-%05d', i), printf ('1FMCU9G6%09d', i), 'Escape', 2015 + i % 10,"
                                  " 10000 + i, printf ('ABC-%03d-D', i % 1000), printf ('cust-%05d', i) FROM n;",
                                  &error));
  g_assert_no_error (error);

  gest_date_today (&day);
  g_date_subtract_months (&day, 9);
  gest_date_today (&end);
  g_date_add_months (&end, 3);
  for (; g_date_compare (&day, &end) < 0; g_date_add_days (&day, 1))
    if (g_date_get_weekday (&day) != G_DATE_SUNDAY)
      g_array_append_val (days, day);

  insert = gest_store_prepare (store,
                               "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km, advisor_uuid,"
                               " day, starts_min, duration_min, state, origin, received_at, created_at, updated_at)"
                               " VALUES (?1, ?2, 'veh-' || substr (?2, 6), 20000, ?3, ?4, ?5, 30, ?6, 'desk', 1, 1, 1)", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      GDate *d = &g_array_index (days, GDate, (guint64) i * days->len / n);
      g_autofree char *iso = gest_date_to_iso (d);
      char uuid[32], customer[16], advisor[16];
      gboolean saturday = g_date_get_weekday (d) == G_DATE_SATURDAY;
      int slot = (int) ((i / N_ADVISORS) % (saturday ? 10 : 18));
      int starts = 480 + slot * 30 + (slot >= 12 ? 60 : 0);   /* none in the break */
      static const char * const states[] = { "confirmed", "arrived", "in-workshop", "delivered", "to-confirm" };

      g_snprintf (uuid, sizeof uuid, "res-%07u", i);
      g_snprintf (customer, sizeof customer, "cust-%05u", i % 5000);
      g_snprintf (advisor, sizeof advisor, "adv-%02u", i % N_ADVISORS);
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, customer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, advisor, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 5, starts);
      sqlite3_bind_text (insert, 6, states[i % G_N_ELEMENTS (states)], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
    }
  g_assert_true (gest_store_exec (store, "DELETE FROM sync_applying", &error));
  g_assert_true (gest_store_commit (store, &error));
}

static void
first_after_paint_cb (GdkFrameClock *clock,
                      FirstFrame    *ff)
{
  gint64 elapsed = g_get_monotonic_time () - ff->start;

  if (ff->first == 0)
    ff->first = elapsed;
  if (ff->data == 0 && (ff->view == NULL || (gest_agenda_view_get_grid (ff->view) != NULL
                                             && !gest_agenda_view_get_loading (ff->view))))
    ff->data = elapsed;
}

static void
window_realize_cb (GtkWidget  *window,
                   FirstFrame *ff)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_after_paint_cb), ff);
}

/* The first frame's time; @out_data the time to the frame with the week's reservations. */
static gint64
time_first_frame (GestContext *context,
                  gboolean     with_agenda,
                  GtkWidget  **out_window,
                  gint64      *out_data)
{
  FirstFrame ff = { 0 };
  GtkWidget *window;

  ff.start = g_get_monotonic_time ();
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  if (with_agenda)
    {
      GtkWidget *page = gest_agenda_page_new (context);

      ff.view = gest_agenda_page_get_agenda (GEST_AGENDA_PAGE (page), GEST_AGENDA_VIEW_WEEK);
      adw_window_set_content (ADW_WINDOW (window), page);
    }
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), &ff);
  gtk_window_present (GTK_WINDOW (window));
  /* The data arrives from its thread and asks a frame of its own. */
  while (ff.data == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), &ff);
  if (out_data != NULL)
    *out_data = ff.data;
  if (out_window != NULL)
    *out_window = window;
  else
    {
      gtk_window_destroy (GTK_WINDOW (window));
      spin_until_idle ();
    }
  return ff.first;
}

static void
move_before_paint_cb (GdkFrameClock *clock,
                      Move          *move)
{
  move->frame_start = g_get_monotonic_time ();
}

static void
move_after_paint_cb (GdkFrameClock *clock,
                     Move          *move)
{
  gint64 work = g_get_monotonic_time () - move->frame_start;

  if (move->frame_start == 0)
    return;
  move->worst = MAX (move->worst, work);
  move->total += work;
  move->frames++;
  if (move->shown)
    move->after++;
  else if (!gest_agenda_view_get_loading (move->view))
    move->shown = TRUE;
  move->frame_start = 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestContext) context = NULL;
  const char *keep = g_getenv ("GESTIONA_BENCH_AGENDA_DB");
  const char *scale = g_getenv ("GESTIONA_BENCH_SCALE");
  guint n = scale != NULL ? (guint) g_ascii_strtoull (scale, NULL, 10) : 60000;
  gint64 bare[RUNS], agenda[RUNS], data[RUNS], worst[MOVES], shown_after[MOVES];
  GtkWidget *window = NULL;
  GtkWidget *page;
  GestAgendaView *view;
  GdkFrameClock *clock;
  double first_ratio;
  gboolean exists;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  gest_domain_modules_init ();
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = gest_test_tmpdir_new ();
      path = g_build_filename (dir, "agenda.db", NULL);
    }
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  if (!exists)
    {
      start = g_get_monotonic_time ();
      fill (store, MAX (n, 1));
      printf ("filled %u reservations, %d advisors in %.1f s\n", n, N_ADVISORS,
              (g_get_monotonic_time () - start) / 1e6);
    }
  gest_test_sign_in (store, GEST_ROLE_SERVICE_COORDINATOR);
  g_assert_true (gest_store_set_read_only (store, TRUE, &error));
  context = gest_context_new (store);

  /* Warm-up, then interleaved runs. */
  time_first_frame (context, FALSE, NULL, NULL);
  time_first_frame (context, TRUE, NULL, NULL);
  for (guint i = 0; i < RUNS; i++)
    {
      bare[i] = time_first_frame (context, FALSE, NULL, NULL);
      agenda[i] = time_first_frame (context, TRUE, NULL, &data[i]);
    }
  first_ratio = median_ms (agenda, RUNS) / median_ms (bare, RUNS);
  printf ("agenda-week-first-frame: agenda %.1f ms, bare window %.1f ms (medians of %d): ratio %.2f (goal <= 2);"
          " the week's reservations painted after %.1f ms (median; read on a thread)\n",
          median_ms (agenda, RUNS), median_ms (bare, RUNS), RUNS, first_ratio, median_ms (data, RUNS));

  /* Next week, MOVES times, in one window: what "Next" does. */
  time_first_frame (context, TRUE, &window, NULL);
  page = adw_window_get_content (ADW_WINDOW (window));
  view = gest_agenda_page_get_agenda (GEST_AGENDA_PAGE (page), GEST_AGENDA_VIEW_WEEK);
  clock = gtk_widget_get_frame_clock (window);
  for (guint i = 0; i < MOVES; i++)
    {
      Move move = { .view = view };
      g_autofree char *day = NULL;
      GDate date;

      gest_date_from_iso (gest_agenda_page_get_day (GEST_AGENDA_PAGE (page)), &date);
      g_date_add_days (&date, 7);
      day = gest_date_to_iso (&date);
      g_signal_connect (clock, "before-paint", G_CALLBACK (move_before_paint_cb), &move);
      g_signal_connect (clock, "after-paint", G_CALLBACK (move_after_paint_cb), &move);
      start = g_get_monotonic_time ();
      gest_agenda_page_set_day (GEST_AGENDA_PAGE (page), day);
      while (!move.shown)
        g_main_context_iteration (NULL, TRUE);
      shown_after[i] = g_get_monotonic_time () - start;
      /* A few more frames: a pointer motion, the focus ring. */
      for (guint k = 0; k < 3; k++)
        {
          gtk_widget_queue_draw (GTK_WIDGET (view));
          while (move.after <= k)
            g_main_context_iteration (NULL, TRUE);
        }
      g_signal_handlers_disconnect_by_data (clock, &move);
      worst[i] = move.worst;
      g_assert_cmpuint (gest_agenda_view_get_grid (view)->n_reservations, >, 0);
    }
  printf ("agenda-week-next-week: worst frame work per move %.2f ms (median of %d moves; goal <= 16 ms),"
          " new week shown after %.1f ms (median; read on a thread); %u reservations in the last week\n",
          median_ms (worst, MOVES), MOVES, median_ms (shown_after, MOVES),
          gest_agenda_view_get_grid (view)->n_reservations);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
  gest_store_wait_for_writes (store);
  if (dir != NULL)
    gest_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
