/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S12: the reception's welcome panel shows today's arrivals from 30 minutes ago onward by
 * time, with only the time, "Juan P." and the advisor's first name (no plate, model or phone
 * anywhere on screen), never another day's, a refused, cancelled or no-show one; it
 * refreshes itself; and `gestiona --welcome-panel` opens it instead of the main window. */

#include "config.h"

#include <locale.h>

#include "gest-agenda-text.h"
#include "gest-date.h"
#include "gest-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-welcome-panel.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  GestStore *store;
  int        now_min;
  char      *today;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
add_reservation (Fixture    *f,
                 const char *uuid,
                 const char *customer,
                 const char *advisor,
                 const char *day,
                 int         starts_min,
                 const char *state)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, mileage_km,"
                                          " advisor_uuid, day, starts_min, state, origin, contact_name, received_at,"
                                          " created_at, updated_at) VALUES ('%s', %s, 'veh-juan', 35000, %s, '%s', %d,"
                                          " '%s', 'desk', 'María José Gómez Ruiz', 1, 1, 1)",
                                          uuid, customer, advisor, day, starts_min, state);

  exec_sql (f->store, sql);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (gest_dealer_timezone ());
  g_autofree char *tomorrow = NULL;

  f->dir = gest_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->now_min = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  f->today = gest_agenda_today_iso (0);
  tomorrow = gest_agenda_today_iso (1);
  exec_sql (f->store,
            "INSERT INTO users (uuid, login, name, role, active, created_at, updated_at) VALUES"
            " ('adv-luis', 'asesor', 'Luis Hernández Peña', 'service-advisor', 1, 1, 1);"
            "INSERT INTO customers (uuid, name, phone_mobile) VALUES ('cust-juan', 'Juan Pérez López', '5512345678');"
            "INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid) VALUES"
            " ('veh-juan', '1FMCU9G61KUA00001', 'Escape', 2019, 35000, 'ABC-123-D', 'cust-juan');");
  g_assert_true (gest_store_set_setting (f->store, "dealer.name", "Ford Demostración Insurgentes", &error));
  g_assert_true (gest_store_set_setting (f->store, "agenda.no_show_grace_minutes", "20", &error));
  g_assert_no_error (error);
  /* The reservations are placed around now; too close to midnight they would leave the day. */
  if (f->now_min < 60 || f->now_min > 1439 - 200)
    return;
  add_reservation (f, "res-soon", "'cust-juan'", "'adv-luis'", f->today, f->now_min + 60, "confirmed");
  add_reservation (f, "res-web", "NULL", "NULL", f->today, f->now_min + 90, "to-confirm");
  add_reservation (f, "res-here", "'cust-juan'", "'adv-luis'", f->today, f->now_min - 20, "arrived");
  add_reservation (f, "res-early", "'cust-juan'", "'adv-luis'", f->today, f->now_min - 45, "arrived");
  add_reservation (f, "res-refused", "'cust-juan'", "'adv-luis'", f->today, f->now_min + 100, "refused");
  add_reservation (f, "res-cancelled", "'cust-juan'", "'adv-luis'", f->today, f->now_min + 110, "cancelled");
  add_reservation (f, "res-no-show", "'cust-juan'", "'adv-luis'", f->today, f->now_min + 10, "no-show");
  /* Confirmed, 25 minutes late with a grace period of 20: a no-show already. */
  add_reservation (f, "res-late", "'cust-juan'", "'adv-luis'", f->today, f->now_min - 25, "confirmed");
  add_reservation (f, "res-tomorrow", "'cust-juan'", "'adv-luis'", tomorrow, f->now_min + 60, "confirmed");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gest_test_finalize_after_drain (f->store);
  g_free (f->today);
  g_free (f->db_path);
  gest_test_tmpdir_free (f->dir);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child))
        g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

/* The grid's labels only: time, name, advisor per row. */
static char *
list_text (GtkWindow *panel)
{
  GtkWidget *grid = gest_test_find_widget (GTK_WIDGET (panel), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_GRID));
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (grid);
  collect_labels (grid, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
close_panel (GtkWindow *panel)
{
  /* A load still on its thread holds the panel until it reports (cancelled by the destroy). */
  WAIT_UNTIL (gest_welcome_panel_get_n_loads (GEST_WELCOME_PANEL (panel)) > 0);
  gtk_window_destroy (panel);
  gest_test_finalize_after_drain (panel);
}

static GtkWindow *
open_panel (Fixture *f,
            guint    n_loads)
{
  GtkWindow *panel = g_object_ref_sink (gest_welcome_panel_new (NULL, f->db_path));

  gtk_window_present (panel);
  WAIT_UNTIL (gest_welcome_panel_get_n_loads (GEST_WELCOME_PANEL (panel)) >= n_loads);
  g_assert_null (gest_welcome_panel_get_error (GEST_WELCOME_PANEL (panel)));
  return panel;
}

/* Only what the showroom may see, in order; only today's from 30 minutes ago, not refused,
 * cancelled or a no-show (stored or past the grace period). */
static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  GtkWindow *panel;
  g_autofree char *text = NULL;
  g_autofree char *t_here = gest_agenda_time_text (f->now_min - 20);
  g_autofree char *t_soon = gest_agenda_time_text (f->now_min + 60);
  g_autofree char *t_web = gest_agenda_time_text (f->now_min + 90);
  g_autofree char *expected = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  if (f->now_min < 60 || f->now_min > 1439 - 200)
    {
      g_test_skip ("too close to midnight to place reservations around now");
      return;
    }
  panel = open_panel (f, 1);
  text = list_text (panel);
  expected = g_strdup_printf ("%s|Juan P.|Luis|%s|Juan P.|Luis|%s|María G.||", t_here, t_soon, t_web);
  g_assert_cmpstr (text, ==, expected);
  /* Nothing personal beyond the name and time anywhere on the screen. */
  collect_labels (GTK_WIDGET (panel), all);
  g_assert_null (strstr (all->str, "ABC-123-D"));
  g_assert_null (strstr (all->str, "5512345678"));
  g_assert_null (strstr (all->str, "Escape"));
  g_assert_null (strstr (all->str, "Pérez"));
  g_assert_null (strstr (all->str, "López"));
  g_assert_nonnull (strstr (all->str, "Ford Demostración Insurgentes|"));
  close_panel (panel);
}

/* It loads again by itself: a reservation booked meanwhile appears; one refused leaves. */
static void
test_refreshes (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *panel;
  g_autofree char *text = NULL;
  g_autofree char *t_new = gest_agenda_time_text (f->now_min + 120);
  guint loads;

  if (f->now_min < 60 || f->now_min > 1439 - 200)
    {
      g_test_skip ("too close to midnight to place reservations around now");
      return;
    }
  panel = open_panel (f, 1);
  text = list_text (panel);
  g_assert_null (strstr (text, t_new));
  add_reservation (f, "res-new", "'cust-juan'", "'adv-luis'", f->today, f->now_min + 120, "confirmed");
  exec_sql (f->store, "UPDATE reservations SET state = 'refused' WHERE uuid = 'res-web'");
  loads = gest_welcome_panel_get_n_loads (GEST_WELCOME_PANEL (panel));
  gest_welcome_panel_set_interval (GEST_WELCOME_PANEL (panel), 1);
  WAIT_UNTIL (gest_welcome_panel_get_n_loads (GEST_WELCOME_PANEL (panel)) > loads);
  g_clear_pointer (&text, g_free);
  text = list_text (panel);
  g_assert_nonnull (strstr (text, t_new));
  g_assert_null (strstr (text, "María G."));
  close_panel (panel);
}

/* Empty: a sentence for the customers, no list. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWindow *panel;

  exec_sql (f->store, "DELETE FROM reservations");
  panel = open_panel (f, 1);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (panel), gest_test_is_visible_label,
                                           "Welcome. The next appointments will appear here."));
  close_panel (panel);
}

/* `gestiona --welcome-panel` opens the panel (nobody signs in), not the main window. */
static void
test_option (Fixture       *f,
             gconstpointer  data)
{
  const char *cli = g_getenv ("GESTIONA_CLI");
  g_autofree char *bindir = NULL;
  g_autofree char *app = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;

  g_assert_nonnull (cli);
  bindir = g_path_get_dirname (cli);
  app = g_build_filename (bindir, "..", "gestiona", NULL);
  env = g_environ_setenv (env, "GESTIONA_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  {
    const char *argv[] = { app, "--db", f->db_path, "--welcome-panel", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "first-frame\ntitle: Welcome Panel\n"));
  g_assert_nonnull (strstr (out, "label: Today’s Appointments\n"));
  /* Not the sign-in page or the sections. */
  g_assert_null (strstr (out, "Sign In"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  gest_modules_init ();

  g_test_add ("/agenda/S12/welcome-panel-content", Fixture, NULL, fixture_setup, test_content, fixture_teardown);
  g_test_add ("/agenda/S12/welcome-panel-refreshes", Fixture, NULL, fixture_setup, test_refreshes, fixture_teardown);
  g_test_add ("/agenda/S12/welcome-panel-empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/agenda/S12/welcome-panel-option", Fixture, NULL, fixture_setup, test_option, fixture_teardown);
  return g_test_run ();
}
