/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app shell in a real window (Xvfb): the first-run welcome, the sections and their "not
 * built yet" pages, the global search (a customer inserted by SQL is found, a hit opens the
 * record, nothing found says so), the preferences (T2 low-debt limit rejected and saved, T4
 * documents address, the dealer's name), and the application itself (--db, a database of a
 * newer Gestiona shown as an error dialog, the about window). Everything must finalize. */
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "gest-application.h"
#include "gest-customers-section-page.h"
#include "gest-global-search.h"
#include "gest-module.h"
#include "gest-money.h"
#include "gest-preferences-window.h"
#include "gest-store.h"
#include "gest-test-session.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-window.h"

#define CUSTOMER_UUID "5d0e8a9c-3b7f-4f21-9c1e-7a2b3c4d5e6f"
#define CUSTOMER_NAME "Zacarías Quintanar Ñúñez"

/* The sections whose module is not built yet (src/gest-module-list.h). */
static const char * const section_ids[] = {
  "collections",
};
static const char * const section_titles[] = {
  "Collections",
};

typedef struct
{
  char      *tmpdir;
  char      *path;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "last-section");
  f->tmpdir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->tmpdir, "gestiona.db", NULL);
  f->store = gest_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* The early payoffs page may finish loading on its threads after its window closed. */
  WAIT_UNTIL (G_OBJECT (f->store)->ref_count == 1);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->tmpdir);
}

static GestWindow *
open_window (GestStore *store)
{
  GestWindow *window;

  /* As in the app: the window writes only through the store's writer thread. */
  g_assert_true (gest_store_set_read_only (store, TRUE, NULL));
  window = gest_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
close_window (gpointer window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  GestWindow *window = open_window (f->store);
  g_autofree char *done = NULL;

  /* A new database: the welcome, with its two choices. */
  g_assert_true (gest_window_get_welcome_shown (window));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, "Welcome to Gestiona"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "load-demo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "search"));

  /* Issue 12: starting empty creates the general manager first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  g_assert_false (gest_window_get_welcome_shown (window));
  g_assert_false (gest_window_get_sections_shown (window));
  gest_test_create_manager (window, "Mariana Torres Ruiz", "mariana", "contraseña-larga", "contraseña-larga");
  g_assert_true (gest_window_get_sections_shown (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "search"));
  done = gest_store_get_setting (f->store, "app.first-run-done");
  g_assert_cmpstr (done, ==, "1");
  close_window (window);

  /* Chosen once: the next window asks who signs in. */
  gest_store_set_user (f->store, NULL);
  window = open_window (f->store);
  g_assert_false (gest_window_get_welcome_shown (window));
  g_assert_true (gest_window_get_sign_in_shown (window));
  close_window (window);
}

static int
count_customers (GestStore *store)
{
  g_autoptr(GError) error = NULL;
  /* The customers of the shared demo, not the owners the campaigns' VIN lists brought
   * (issue 14: marked recall-list). */
  sqlite3_stmt *stmt = gest_store_prepare (store,
                                           "SELECT count(*) FROM customers WHERE uuid NOT IN "
                                           "(SELECT customer_uuid FROM customer_data_origins)",
                                           &error);
  int n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_first_run_demo (Fixture       *f,
                     gconstpointer  data)
{
  GestWindow *window = open_window (f->store);
  g_autofree char *done = NULL;

  g_assert_true (gest_window_get_welcome_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL);
  /* Both choices wait while the data loads on its own thread. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "start-empty"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "load-demo"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, "Loading demonstration data…"));
  g_assert_true (gest_window_get_welcome_shown (window));

  WAIT_UNTIL (!gest_window_get_welcome_shown (window));
  g_assert_cmpint (count_customers (f->store), ==, 1000);
  done = gest_store_get_setting (f->store, "app.first-run-done");
  g_assert_cmpstr (done, ==, "1");
  /* Issue 12: the demonstration users sign in; the page lists them with their password. */
  g_assert_true (gest_window_get_sign_in_shown (window));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "Every demonstration user’s password is “gestiona”. "
                                           "Choose one to sign in as them."));
  gest_test_sign_in_page (window, "gerente", "gestiona");
  g_assert_true (gest_window_get_sections_shown (window));
  close_window (window);
  /* Pages may finish loading on their threads after the window closed. */
  WAIT_UNTIL (G_OBJECT (f->store)->ref_count == 1);
}

static void
test_first_run_skipped_with_customers (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestWindow *window;

  gest_store_exec (f->store, "INSERT INTO customers (uuid, name) VALUES ('" CUSTOMER_UUID "', 'Ana')",
                   &error);
  g_assert_no_error (error);
  window = open_window (f->store);
  g_assert_false (gest_window_get_welcome_shown (window));
  close_window (window);
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  GestWindow *window = open_window (f->store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  GtkWidget *page;
  gpointer weak_placeholder;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  gest_test_create_manager (window, "Mariana Torres Ruiz", "mariana", "contraseña-larga", "contraseña-larga");
  /* The first section is the registered module's, with its page. */
  g_assert_cmpstr (gest_window_get_section (window), ==, "tramites");
  page = gest_window_get_section_page (window, "tramites");
  g_assert_false (ADW_IS_STATUS_PAGE (page));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, g_type_from_name ("GestTramitesPage")));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, "Early Payoffs"));
  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    {
      page = gest_window_get_section_page (window, section_ids[i]);
      g_assert_true (ADW_IS_STATUS_PAGE (page));
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, section_titles[i]);
      g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "Not built yet: "));
      g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, section_titles[i]));
    }

  /* A module's page replaces the placeholder, which goes away. */
  weak_placeholder = gest_window_get_section_page (window, "collections");
  g_object_add_weak_pointer (G_OBJECT (weak_placeholder), &weak_placeholder);
  page = gtk_label_new ("collections page");
  gest_window_set_section_page (window, "collections", page);
  g_assert_true (gest_window_get_section_page (window, "collections") == page);
  g_assert_null (weak_placeholder);

  gest_window_set_section (window, "collections");
  g_assert_cmpstr (gest_window_get_section (window), ==, "collections");
  WAIT_UNTIL (gtk_widget_get_mapped (page));
  last = g_settings_get_string (settings, "last-section");
  g_assert_cmpstr (last, ==, "collections");
  close_window (window);

  /* The next window opens on the last section. */
  window = open_window (f->store);
  g_assert_cmpstr (gest_window_get_section (window), ==, "collections");
  close_window (window);
}

static void
test_window_size_saved (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GestWindow *window = open_window (f->store);

  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

typedef struct
{
  char *kind;
  char *uuid;
} Activation;

static void
record_activated_cb (GestWindow *window,
                     const char *kind,
                     const char *uuid,
                     Activation *activation)
{
  g_free (activation->kind);
  activation->kind = g_strdup (kind);
  g_free (activation->uuid);
  activation->uuid = g_strdup (uuid);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Activation activation = { NULL, NULL };
  GestWindow *window;
  GestGlobalSearch *search;
  const GestSearchHit *hit;

  gest_store_exec (f->store,
                   "INSERT INTO customers (uuid, name, rfc, city) VALUES "
                   "('" CUSTOMER_UUID "', '" CUSTOMER_NAME "', 'QUNZ800101AB1', 'Puebla')",
                   &error);
  g_assert_no_error (error);

  window = open_window (f->store);
  g_signal_connect (window, "record-activated", G_CALLBACK (record_activated_cb), &activation);
  search = GEST_GLOBAL_SEARCH (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_type,
                                            GSIZE_TO_POINTER (GEST_TYPE_GLOBAL_SEARCH)));
  g_assert_nonnull (search);
  gest_window_set_section (window, "reports");

  /* Ctrl+F's action focuses the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  WAIT_UNTIL (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
              gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                      GTK_WIDGET (gest_global_search_get_entry (search))));

  /* Accent- and case-insensitive prefixes of two words. */
  gtk_editable_set_text (gest_global_search_get_entry (search), "zacar quinta");
  WAIT_UNTIL (g_strcmp0 (gest_global_search_get_shown_text (search), "zacar quinta") == 0);
  g_assert_cmpuint (gest_global_search_get_n_results (search), ==, 1);
  g_assert_null (gest_global_search_get_message (search));
  hit = gest_global_search_get_result (search, 0);
  g_assert_cmpstr (hit->kind, ==, GEST_HIT_CUSTOMER);
  g_assert_cmpstr (hit->uuid, ==, CUSTOMER_UUID);
  g_assert_cmpstr (hit->title, ==, CUSTOMER_NAME);
  g_assert_nonnull (gest_test_find_widget (gtk_widget_get_last_child (GTK_WIDGET (search)), gest_test_is_visible_label,
                                 CUSTOMER_NAME));

  /* Enter opens the selected hit: a customer opens the customer's page in the Customers
   * section (issue 12), and ::record-activated. */
  g_signal_emit_by_name (gest_global_search_get_entry (search), "activate");
  g_assert_cmpstr (activation.kind, ==, GEST_HIT_CUSTOMER);
  g_assert_cmpstr (activation.uuid, ==, CUSTOMER_UUID);
  g_assert_cmpstr (gest_window_get_section (window), ==, "customers");
  {
    GtkWidget *page = gest_window_get_section_page (window, "customers");
    g_autofree char *title = NULL;

    g_assert_true (GEST_IS_CUSTOMERS_SECTION_PAGE (page));
    g_assert_true (gest_customers_section_page_get_can_go_back (GEST_CUSTOMERS_SECTION_PAGE (page)));
    g_object_get (page, "title", &title, NULL);
    g_assert_cmpstr (title, ==, CUSTOMER_NAME);
  }

  /* Nothing found says so. */
  gtk_editable_set_text (gest_global_search_get_entry (search), "xyzzy");
  WAIT_UNTIL (g_strcmp0 (gest_global_search_get_shown_text (search), "xyzzy") == 0);
  g_assert_cmpstr (gest_global_search_get_message (search), ==, "No results for “xyzzy”");
  g_assert_cmpuint (gest_global_search_get_n_results (search), ==, 0);
  g_assert_nonnull (gest_test_find_widget (gtk_widget_get_last_child (GTK_WIDGET (search)), gest_test_is_visible_label,
                                 "No results for “xyzzy”"));

  /* FTS syntax in the user's text is only text. */
  gtk_editable_set_text (gest_global_search_get_entry (search), "\"zacar* (quintanar");
  WAIT_UNTIL (g_strcmp0 (gest_global_search_get_shown_text (search), "\"zacar* (quintanar") == 0);
  g_assert_null (gest_global_search_get_message (search));
  g_assert_cmpuint (gest_global_search_get_n_results (search), ==, 1);

  /* Emptied, the search forgets its results. */
  gtk_editable_set_text (gest_global_search_get_entry (search), "");
  WAIT_UNTIL (gest_global_search_get_n_results (search) == 0);
  g_assert_null (gest_global_search_get_shown_text (search));

  close_window (window);
  g_free (activation.kind);
  g_free (activation.uuid);
}

/* Types @text and presses Enter; the setting is saved on the store's writer thread. */
static void
apply (Fixture    *f,
       GtkWidget  *row,
       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  gest_store_wait_for_writes (f->store);
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GestRoutingSettings) routing = { 0 };
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *dealer = NULL;
  GestWindow *window = open_window (f->store);
  GestPreferencesWindow *prefs;
  GtkWidget *row;
  GestMoney ignored;
  gpointer weak_prefs;

  prefs = gest_window_open_preferences (window);
  weak_prefs = prefs;
  g_object_add_weak_pointer (G_OBJECT (prefs), &weak_prefs);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (prefs)));

  /* T2: the limit shows as money; "abc" is refused with gest_money_parse()'s message. */
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Low-Debt Limit (MXN)");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$500.00");
  g_assert_false (gest_money_parse ("abc", &ignored, &parse_error));
  apply (f, row, "abc");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_visible_label, parse_error->message));
  gest_store_load_routing_settings (f->store, &routing);
  g_assert_cmpint (routing.low_debt_limit, ==, 50000);
  gest_routing_settings_clear (&routing);

  apply (f, row, "-5");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_visible_label,
                                 "The low-debt limit cannot be negative. Type an amount such as 500.00."));

  /* A valid amount is saved and the message goes away. */
  apply (f, row, "$750.50");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_visible_label, parse_error->message));
  gest_store_load_routing_settings (f->store, &routing);
  g_assert_cmpint (routing.low_debt_limit, ==, 75050);

  /* An area's name cannot be emptied. */
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Area Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, routing.areas[GEST_AREA_CUSTOMER_SERVICE].name);
  apply (f, row, "  ");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_visible_label,
                                 "“Area Name” cannot be empty. Type a value and press Enter."));
  apply (f, row, "Atención a Clientes Conauto");
  gest_routing_settings_clear (&routing);
  gest_store_load_routing_settings (f->store, &routing);
  g_assert_cmpstr (routing.areas[GEST_AREA_CUSTOMER_SERVICE].name, ==, "Atención a Clientes Conauto");
  g_assert_cmpint (routing.low_debt_limit, ==, 75050);

  /* T4: the documents address must be an e-mail address. */
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Documents E-mail Address");
  apply (f, row, "documentos at conauto");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  email = gest_store_get_setting (f->store, "conauto.documents-email");
  g_assert_null (email);
  apply (f, row, "documentos@conauto.com.mx");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  email = gest_store_get_setting (f->store, "conauto.documents-email");
  g_assert_cmpstr (email, ==, "documentos@conauto.com.mx");

  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Name");
  /* A save the database refuses shows its error under the row, and keeps the old value. */
  g_assert_true (gest_store_set_read_only (f->store, FALSE, NULL));
  g_assert_true (gest_store_exec (f->store, "CREATE TRIGGER settings_locked BEFORE INSERT ON settings"
                                            " BEGIN SELECT RAISE (ABORT, 'settings are locked'); END", NULL));
  g_assert_true (gest_store_set_read_only (f->store, TRUE, NULL));
  apply (f, row, "Ford Ángeles Puebla");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_visible_label,
                                 "The database reported an error: settings are locked"));
  g_assert_null (gest_store_get_setting (f->store, "dealer.name"));
  g_assert_true (gest_store_set_read_only (f->store, FALSE, NULL));
  g_assert_true (gest_store_exec (f->store, "DROP TRIGGER settings_locked", NULL));
  g_assert_true (gest_store_set_read_only (f->store, TRUE, NULL));
  apply (f, row, "Ford Ángeles Puebla");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  dealer = gest_store_get_setting (f->store, "dealer.name");
  g_assert_cmpstr (dealer, ==, "Ford Ángeles Puebla");

  /* T2: the installments limit. */
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Installments Owed for Extrajudicial Collections");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gest_test_find_widget (row, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON))), 3);
  gest_store_wait_for_writes (f->store);
  gest_routing_settings_clear (&routing);
  gest_store_load_routing_settings (f->store, &routing);
  g_assert_cmpuint (routing.installments_limit, ==, 3);
  g_assert_cmpint (routing.low_debt_limit, ==, 75050);

  /* Issue 12: nobody picks a role in the preferences any more (the users page gives roles). */
  g_assert_null (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Role"));

  /* Other modules add their pages. */
  gest_preferences_window_add_page (prefs, ADW_PREFERENCES_PAGE (adw_preferences_page_new ()));

  gtk_window_destroy (GTK_WINDOW (prefs));
  WAIT_UNTIL (weak_prefs == NULL);
  close_window (window);
}

typedef struct
{
  const char *path;
  char       *message;    /* the dialog's body, when a dialog showed */
  gboolean    window_ok;
  gboolean    about_ok;
  GestStore  *store;      /* weak */
  guint       source;
} AppRun;

static gboolean
check_app_cb (gpointer data)
{
  GApplication *app = data;
  AppRun *run = g_object_get_data (G_OBJECT (app), "run");
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  GtkWindow *window = windows != NULL ? windows->data : NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  if (ADW_IS_MESSAGE_DIALOG (window))
    {
      run->message = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
      gtk_window_destroy (window);
      run->source = 0;
      return G_SOURCE_REMOVE;
    }

  if (GEST_IS_WINDOW (window))
    {
      GtkWidget *about = NULL;

      run->store = gest_window_get_store (GEST_WINDOW (window));
      run->window_ok = g_strcmp0 (gest_store_get_path (run->store), run->path) == 0 &&
                       g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay") &&
                       gest_application_get_store (GEST_APPLICATION (app)) == run->store;
      g_object_add_weak_pointer (G_OBJECT (run->store), (gpointer *) &run->store);

      g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
      for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
        if (ADW_IS_ABOUT_WINDOW (l->data))
          about = l->data;
      run->about_ok = about != NULL &&
                      g_strcmp0 (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), "Gestiona") == 0;
      if (about != NULL)
        gtk_window_destroy (GTK_WINDOW (about));
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  run->source = 0;
  return G_SOURCE_REMOVE;
}

static int
run_app (AppRun *run)
{
  GestApplication *app = gest_application_new ();
  const char *argv[] = { "gestiona", "--db", run->path, NULL };
  int status;

  g_object_set_data (G_OBJECT (app), "run", run);
  run->source = g_timeout_add (50, check_app_cb, app);
  status = g_application_run (G_APPLICATION (app), 3, (char **) argv);
  if (run->source != 0)
    g_source_remove (run->source);
  g_assert_finalize_object (app);
  return status;
}

static void
test_app_db_option (void)
{
  g_autofree char *tmpdir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "sub", "other.db", NULL);
  g_auto(GStrv) accels = NULL;
  AppRun run = { path, NULL, FALSE, FALSE, NULL, 0 };

  g_assert_cmpint (run_app (&run), ==, 0);
  g_assert_true (run.window_ok);
  g_assert_true (run.about_ok);
  g_assert_null (run.message);
  /* Finalized with the application, once the pages' worker threads have returned theirs. */
  WAIT_UNTIL (run.store == NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_app_newer_schema (void)
{
  g_autofree char *tmpdir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  AppRun run = { path, NULL, FALSE, FALSE, NULL, 0 };
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (gest_store_open (path, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NEWER_SCHEMA);

  g_test_expect_message ("gest-application", G_LOG_LEVEL_MESSAGE, "*newer.db*");
  g_assert_cmpint (run_app (&run), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (run.message, ==, error->message);
  g_assert_false (run.window_ok);

  /* Left untouched. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 9999);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_free (run.message);
  gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As the application does: the modules' sections, pages and search hits. */
  gest_modules_init ();

  g_test_add ("/app/window/first-run-welcome", Fixture, NULL, fixture_setup, test_first_run, fixture_teardown);
  g_test_add ("/app/window/first-run-demo-data", Fixture, NULL, fixture_setup, test_first_run_demo,
              fixture_teardown);
  g_test_add ("/app/window/first-run-skipped-with-customers", Fixture, NULL, fixture_setup,
              test_first_run_skipped_with_customers, fixture_teardown);
  g_test_add ("/app/window/sections-not-built", Fixture, NULL, fixture_setup, test_sections, fixture_teardown);
  g_test_add ("/app/window/size-saved", Fixture, NULL, fixture_setup, test_window_size_saved, fixture_teardown);
  g_test_add ("/app/search/customer-found-and-opened", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/app/preferences/T2-T4/validated-and-saved", Fixture, NULL, fixture_setup, test_preferences,
              fixture_teardown);
  g_test_add_func ("/app/application/db-option", test_app_db_option);
  g_test_add_func ("/app/application/newer-schema-dialog", test_app_newer_schema);

  return g_test_run ();
}
