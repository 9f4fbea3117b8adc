/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The technology sessions view (S9; issue 15): the day's slots read in a thread, a free slot
 * booked through the session window, a session whose time came marked held or missed, the
 * model's refusal in full under the view, another role's refusal, and the view at 360 px. */
#include "config.h"

#include <locale.h>

#include "agenda-views-test-util.h"
#include "gest-agenda-sessions-view.h"
#include "gest-business-calendar-store.h"
#include "gest-date.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

/* A working day of the past: the sessions there can be marked. */
#define PAST_DAY "2020-01-08"

typedef struct
{
  AgendaViewsFixture  base;
  char               *day;         /* a working day two weeks ahead */
  GestStore          *store;       /* base's */
  GtkWidget          *view;        /* base's */
} Fixture;

static const AgendaViewsSetup specialist = { GEST_ROLE_TECH_SPECIALIST, 900 };
static const AgendaViewsSetup advisor = { GEST_ROLE_SERVICE_ADVISOR, 900 };
static const AgendaViewsSetup narrow = { GEST_ROLE_TECH_SPECIALIST, 360 };

static GestAgendaSessionsView *
view (Fixture *f)
{
  return GEST_AGENDA_SESSIONS_VIEW (f->view);
}

static void
wait_loaded (Fixture *f)
{
  WAIT_UNTIL (!gest_agenda_sessions_view_get_loading (view (f)));
}

static void
show_day (Fixture    *f,
          const char *day)
{
  gest_agenda_sessions_view_set_day (view (f), day);
  g_assert_true (gest_agenda_sessions_view_get_loading (view (f)));
  wait_loaded (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const AgendaViewsSetup *setup = data;
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = NULL;
  GDate date;

  agenda_views_open (&f->base);
  f->store = f->base.store;
  calendar = gest_business_calendar_load (f->store, &error);
  g_assert_no_error (error);
  gest_date_today (&date);
  g_date_add_days (&date, 14);
  while (!gest_business_calendar_is_working_day (calendar, &date))
    g_date_add_days (&date, 1);
  f->day = gest_date_to_iso (&date);
  sql = g_string_new (NULL);
  g_string_append_printf (sql,
                          "INSERT INTO tech_sessions (uuid, day, starts_min, customer_name, vehicle_type, model,"
                          " created_at) VALUES ('ses-ahead', '%s', 570, 'Pedro Luna', 'Pickup', 'Ranger 2024', 1),"
                          " ('ses-past-1', '" PAST_DAY "', 540, 'María Pérez', 'SUV', 'Escape 2021', 1),"
                          " ('ses-past-2', '" PAST_DAY "', 600, 'Jorge Díaz', 'Sedán', 'Fusion 2018', 1);"
                          "INSERT INTO customers (uuid, name) VALUES ('cust-ana', 'Ana Ruiz Soto');"
                          "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                          " ('veh-ana', '1FMCU9GD5KUA00001', 'Escape', 2019, 'cust-ana');"
                          "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, day, starts_min, received_at,"
                          " created_at) VALUES ('res-ana', 'cust-ana', 'veh-ana', '%s', 600, 1, 1);",
                          f->day, f->day);
  g_assert_true (gest_store_exec (f->store, sql->str, &error));
  g_assert_no_error (error);
  agenda_views_sign_in (&f->base, setup->role);
  agenda_views_show (&f->base, gest_agenda_sessions_view_new (f->base.context), setup->width);
  f->view = f->base.widget;
  show_day (f, f->day);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  agenda_views_teardown (&f->base);
  g_free (f->day);
}

static AdwActionRow *
row_at (Fixture    *f,
        const char *time)
{
  GtkWidget *row = gest_test_find_widget (f->view, gest_test_is_row_titled, time);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static char *
session_state (Fixture    *f,
               const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM tech_sessions WHERE uuid = '%s'", uuid);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_day_slots (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *shown = NULL;
  AdwActionRow *free_row = row_at (f, "09:00");
  AdwActionRow *booked = row_at (f, "09:30");
  guint n_rows = 0;
  GDate date;

  g_assert_true (gest_date_from_iso (f->day, &date));
  shown = gest_date_format (&date);

  /* The day's label, then every slot from 09:00 to 17:30, booked or free. */
  g_assert_nonnull (gest_test_find_widget (f->view, gest_test_is_label, shown));
  g_assert_cmpstr (adw_action_row_get_subtitle (free_row), ==, "Free");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (free_row), gest_test_is_button_labelled, "_Book…"));
  g_assert_cmpstr (adw_action_row_get_subtitle (booked), ==, "Pedro Luna · Pickup Ranger 2024 · Booked");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (booked), gest_test_is_button_labelled, "_Held"));
  for (int m = 9 * 60; m < 18 * 60; m += 30)
    {
      g_autofree char *time = g_strdup_printf ("%02d:%02d", m / 60, m % 60);

      if (gest_test_find_widget (f->view, gest_test_is_row_titled, time) != NULL)
        n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 18);
  g_assert_null (gest_test_find_widget (f->view, gest_test_is_row_titled, "18:00"));
  /* A day in the past offers no free slot: only its sessions. */
  show_day (f, PAST_DAY);
  g_assert_null (gest_test_find_widget (f->view, gest_test_is_button_labelled, "_Book…"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_at (f, "09:00")), ==, "María Pérez · SUV Escape 2021 · Booked");
  g_assert_null (gest_test_find_widget (f->view, gest_test_is_row_titled, "09:30"));
}

static GtkWindow *
find_dialog (Fixture *f)
{
  GtkWindow *found = agenda_views_find_window (&f->base, ADW_TYPE_WINDOW);

  g_assert_true (found == NULL || g_strcmp0 (gtk_window_get_title (found), "Book a Technology Session") == 0);
  return found;
}

static void
set_entry (GtkWindow  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_entry_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_book_slot (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *book_button;
  GtkWindow *dialog;
  AdwComboRow *time_row;

  agenda_views_click (GTK_WIDGET (row_at (f, "10:00")), "_Book…");
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  /* The window reads the free slots in its thread: "Book" waits for them. */
  book_button = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_button_labelled, "_Book");
  g_assert_nonnull (book_button);
  WAIT_UNTIL (gtk_widget_is_sensitive (book_button));
  time_row = ADW_COMBO_ROW (gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_row_titled, "Time"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (time_row)), ==, "10:00");
  set_entry (dialog, "Customer", "Ana Ruiz Soto");
  set_entry (dialog, "Vehicle Type (SUV, pickup, sedan…)", "SUV");
  set_entry (dialog, "Model", "Escape 2019");
  agenda_views_click (GTK_WIDGET (dialog), "_Book");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (find_dialog (f) == NULL && !gest_agenda_sessions_view_get_loading (view (f)));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM tech_sessions WHERE starts_min = 600"
                                                  " AND customer_name = 'Ana Ruiz Soto' AND state = 'booked'"), ==, 1);
  /* The view read its day again. */
  g_assert_cmpstr (adw_action_row_get_subtitle (row_at (f, "10:00")), ==, "Ana Ruiz Soto · SUV Escape 2019 · Booked");
  g_assert_null (gest_agenda_sessions_view_get_error (view (f)));
}

static const char *
entry_text (GtkWindow  *dialog,
            const char *title)
{
  GtkWidget *row = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_entry_row_titled, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
test_from_reservation (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *window = gest_agenda_session_dialog_present (f->base.window, f->base.context, f->day, -1, "res-ana",
                                                          NULL);
  GtkWidget *book_button = gest_test_find_widget (window, gest_test_is_button_labelled, "_Book");
  AdwComboRow *time_row = ADW_COMBO_ROW (gest_test_find_widget (window, gest_test_is_row_titled, "Time"));

  /* The free slots and the reservation's customer and vehicle come from the window's thread. */
  g_assert_false (gtk_widget_is_sensitive (book_button));
  WAIT_UNTIL (gtk_widget_is_sensitive (book_button));
  g_assert_cmpstr (entry_text (GTK_WINDOW (window), "Customer"), ==, "Ana Ruiz Soto");
  g_assert_cmpstr (entry_text (GTK_WINDOW (window), "Model"), ==, "Escape 2019");
  /* The first free slot: 09:00 (09:30 is Pedro Luna's). */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (time_row)), ==, "09:00");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (time_row)), ==, 17);
}

static void
test_held_and_missed (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *held = NULL;
  g_autofree char *missed = NULL;

  show_day (f, PAST_DAY);
  agenda_views_click (GTK_WIDGET (row_at (f, "09:00")), "_Held");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (g_strcmp0 (adw_action_row_get_subtitle (row_at (f, "09:00")), "María Pérez · SUV Escape 2021 · Held") == 0
              && !gest_agenda_sessions_view_get_loading (view (f)));
  g_assert_null (gest_test_find_widget (GTK_WIDGET (row_at (f, "09:00")), gest_test_is_button_labelled, "_Held"));
  agenda_views_click (GTK_WIDGET (row_at (f, "10:00")), "_Missed");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (g_strcmp0 (adw_action_row_get_subtitle (row_at (f, "10:00")), "Jorge Díaz · Sedán Fusion 2018 · Missed") == 0
              && !gest_agenda_sessions_view_get_loading (view (f)));
  held = session_state (f, "ses-past-1");
  missed = session_state (f, "ses-past-2");
  g_assert_cmpstr (held, ==, "held");
  g_assert_cmpstr (missed, ==, "missed");
  g_assert_null (gest_agenda_sessions_view_get_error (view (f)));
}

static void
test_refusal_in_full (Fixture       *f,
                      gconstpointer  data)
{
  const char *message = "The session at 09:30 has not started yet: mark it held or missed once its time has come.";
  g_autofree char *state = NULL;

  agenda_views_click (GTK_WIDGET (row_at (f, "09:30")), "_Held");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gest_agenda_sessions_view_get_error (view (f)) != NULL);
  g_assert_cmpstr (gest_agenda_sessions_view_get_error (view (f)), ==, message);
  g_assert_nonnull (gest_test_find_widget (f->view, gest_test_is_visible_label, message));
  state = session_state (f, "ses-ahead");
  g_assert_cmpstr (state, ==, "booked");
}

static void
test_other_role_refused (Fixture       *f,
                         gconstpointer  data)
{
  const char *message = "Test service-advisor (Service advisor) cannot book and mark technology sessions: it is for"
                        " General manager, Service manager, Service coordinator, Technology specialist. Ask one of"
                        " them, or sign in as one.";
  g_autofree char *state = NULL;

  show_day (f, PAST_DAY);
  agenda_views_click (GTK_WIDGET (row_at (f, "09:00")), "_Held");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gest_agenda_sessions_view_get_error (view (f)) != NULL);
  g_assert_cmpstr (gest_agenda_sessions_view_get_error (view (f)), ==, message);
  g_assert_nonnull (gest_test_find_widget (f->view, gest_test_is_visible_label, message));
  state = session_state (f, "ses-past-1");
  g_assert_cmpstr (state, ==, "booked");
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  agenda_views_assert_narrow (&f->base);
  /* The day's navigation is there to use. */
  agenda_views_click (f->view, "_Today");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, setup, func) g_test_add (path, Fixture, &setup, fixture_setup, func, fixture_teardown)
  ADD ("/agenda/S9/sessions-view/day-slots-shown", specialist, test_day_slots);
  ADD ("/agenda/S9/sessions-view/book-a-free-slot", specialist, test_book_slot);
  ADD ("/agenda/S9/sessions-view/book-from-reservation-prefilled", specialist, test_from_reservation);
  ADD ("/agenda/S9/sessions-view/held-and-missed", specialist, test_held_and_missed);
  ADD ("/agenda/S9/sessions-view/refusal-in-full", specialist, test_refusal_in_full);
  ADD ("/agenda/S9/sessions-view/other-role-refused", advisor, test_other_role_refused);
  ADD ("/agenda/S9/sessions-view/360px", narrow, test_narrow);
#undef ADD

  return g_test_run ();
}
