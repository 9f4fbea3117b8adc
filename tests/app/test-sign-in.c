/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12 in a real window (Xvfb): the first run creates the general manager and opens the
 * sections; a wrong password is refused under its row and the sections stay hidden; an
 * analyst sees no users page and an insensitive routing page, and the store refuses the
 * analyst's routing save (the domain, not only the UI); the general manager adds a user and is
 * refused deactivating the only general manager; "switch user" goes back to the sign-in page;
 * the idle lock locks and the same user comes back to the same pages. Everything must
 * finalize. */
#include "config.h"

#include <adwaita.h>

#include "gest-first-manager-page.h"
#include "gest-module.h"
#include "gest-preferences-window.h"
#include "gest-sign-in-page.h"
#include "gest-store.h"
#include "gest-test-session.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-users-preferences-page.h"
#include "gest-users.h"
#include "gest-window.h"

#define MANAGER_LOGIN    "mariana"
#define MANAGER_NAME     "Mariana Torres Ruiz"
#define MANAGER_PASSWORD "contraseña-larga"
#define ANALYST_LOGIN    "laura"
#define ANALYST_NAME     "Laura Méndez Ortiz"
#define ANALYST_PASSWORD "analista-2026"

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
  g_settings_reset (settings, "idle-lock-minutes");
  f->tmpdir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->tmpdir, "gestiona.db", NULL);
  f->store = gest_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  WAIT_UNTIL (G_OBJECT (f->store)->ref_count == 1);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->tmpdir);
}

/* A database with its general manager and an analyst, nobody signed in. */
static void
add_users (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUser) manager = NULL;
  g_autofree char *uuid = NULL;

  manager = gest_users_create_first (f->store, MANAGER_LOGIN, MANAGER_NAME, MANAGER_PASSWORD, &error);
  g_assert_no_error (error);
  uuid = gest_users_create (f->store, ANALYST_LOGIN, ANALYST_NAME, NULL, GEST_ROLE_CS_ANALYST,
                            ANALYST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_set_setting (f->store, "app.first-run-done", "1", &error));
  gest_store_set_user (f->store, NULL);
}

static GestWindow *
open_window (GestStore *store)
{
  GestWindow *window;

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
close_prefs (GestPreferencesWindow *prefs)
{
  gpointer weak = prefs;

  g_object_add_weak_pointer (G_OBJECT (prefs), &weak);
  gtk_window_destroy (GTK_WINDOW (prefs));
  WAIT_UNTIL (weak == NULL);
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  GestWindow *window = open_window (f->store);
  GtkWidget *row;
  int width;

  g_assert_false (gest_store_has_users (f->store));
  g_assert_true (gest_window_get_welcome_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "Create the General Manager"));

  /* The form is checked before anything is written. */
  gest_test_create_manager (window, MANAGER_NAME, MANAGER_LOGIN, MANAGER_PASSWORD, "otra-contraseña");
  row = gest_test_session_row (window, GEST_TYPE_FIRST_MANAGER_PAGE, "Repeat the Password");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "The two passwords differ. Type the same password twice."));
  gest_test_create_manager (window, MANAGER_NAME, MANAGER_LOGIN, MANAGER_LOGIN, MANAGER_LOGIN);
  row = gest_test_session_row (window, GEST_TYPE_FIRST_MANAGER_PAGE, "Password");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "A password has at least 8 characters."));
  g_assert_false (gest_store_has_users (f->store));
  /* Usable at 360 px. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);

  gest_test_create_manager (window, MANAGER_NAME, "  Mariana ", MANAGER_PASSWORD, MANAGER_PASSWORD);
  g_assert_true (gest_window_get_sections_shown (window));
  g_assert_true (gest_store_has_users (f->store));
  g_assert_cmpstr (gest_store_get_user (f->store)->login, ==, MANAGER_LOGIN);
  g_assert_cmpint (gest_store_get_user (f->store)->role, ==, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_context_get_signed_in_user (gest_window_get_context (window)) == gest_store_get_user (f->store));
  g_assert_cmpstr (gest_context_get_user_name (gest_window_get_context (window)), ==, MANAGER_NAME);
  /* The board opens on the first section, with its module's page. */
  g_assert_cmpstr (gest_window_get_section (window), ==, "tramites");
  g_assert_false (ADW_IS_STATUS_PAGE (gest_window_get_section_page (window, "tramites")));
  /* The name under the sidebar's title (with the role above "Switch User" in the menu). */
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           MANAGER_NAME));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "switch-user"));
  close_window (window);
  gest_store_set_user (f->store, NULL);
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  GestWindow *window;
  GtkWidget *row;
  int width;

  add_users (f);
  window = open_window (f->store);
  g_assert_true (gest_window_get_sign_in_shown (window));
  g_assert_false (gest_window_get_sections_shown (window));
  /* Nothing behind the sign-in page: no search, no preferences, no pages made. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "search"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "switch-user"));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);

  gest_test_sign_in_page (window, MANAGER_LOGIN, "no-es-la-contraseña");
  row = gest_test_session_row (window, GEST_TYPE_SIGN_IN_PAGE, "Password");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "The login or the password is wrong. Check both (the password "
                                           "tells capitals from small letters) and try again."));
  g_assert_true (gest_window_get_sign_in_shown (window));
  g_assert_false (gest_window_get_sections_shown (window));
  g_assert_null (gest_store_get_user (f->store));
  g_assert_null (gest_context_get_signed_in_user (gest_window_get_context (window)));

  /* The login in capitals is the same login. */
  gest_test_sign_in_page (window, "MARIANA", MANAGER_PASSWORD);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gest_window_get_sections_shown (window));
  g_assert_cmpstr (gest_store_get_user (f->store)->login, ==, MANAGER_LOGIN);
  close_window (window);
  gest_store_set_user (f->store, NULL);
}

static gboolean
save_routing (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  return gest_store_save_routing_settings (store, data, error);
}

static void
test_analyst (Fixture       *f,
              gconstpointer  data)
{
  GestWindow *window;
  GestPreferencesWindow *prefs;
  g_auto(GestRoutingSettings) routing = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  const char *refusal = ANALYST_NAME " (Customer service analyst) cannot change the routing thresholds: "
                        "it is for General manager, Finance manager. Ask one of them, or sign in as one.";

  add_users (f);
  window = open_window (f->store);
  gest_test_sign_in_page (window, ANALYST_LOGIN, ANALYST_PASSWORD);
  g_assert_true (gest_window_get_sections_shown (window));

  prefs = gest_window_open_preferences (window);
  /* No users page; their own account and password. */
  g_assert_null (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_type,
                                        GSIZE_TO_POINTER (GEST_TYPE_USERS_PREFERENCES_PAGE)));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Current Password"));
  /* The routing page says why it cannot be changed, and cannot be. */
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_label, refusal));
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Low-Debt Limit (MXN)");
  g_assert_false (gtk_widget_is_sensitive (row));
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Area Name");
  g_assert_false (gtk_widget_is_sensitive (row));
  /* Nor the idle lock, which is the general manager's. */
  row = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_row_titled, "Minutes Without Activity");
  g_assert_false (gtk_widget_is_sensitive (row));
  close_prefs (prefs);

  /* The domain refuses the save as the analyst, whatever the UI shows. */
  gest_store_load_routing_settings (f->store, &routing);
  routing.low_debt_limit = 1;
  gest_store_write_async (f->store, save_routing, &routing, NULL, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_false (gest_store_write_finish (f->store, result, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, refusal);
  gest_routing_settings_clear (&routing);
  gest_store_load_routing_settings (f->store, &routing);
  g_assert_cmpint (routing.low_debt_limit, !=, 1);

  close_window (window);
  gest_store_set_user (f->store, NULL);
}

/* The "Active" switch of @name's row on the users page (not the expander's own switch). */
static GtkWidget *
active_switch (GtkWidget  *page,
               const char *name)
{
  GtkWidget *expander = gest_test_find_widget (page, gest_test_is_row_titled, name);
  GtkWidget *row = gest_test_find_widget (expander, gest_test_is_row_titled, "Active");

  return gest_test_find_widget (row, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
}

static void
test_users_page (Fixture       *f,
                 gconstpointer  data)
{
  GestWindow *window;
  GestPreferencesWindow *prefs;
  GtkWidget *page;
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *sw;
  g_autoptr(GestUserRow) added = NULL;
  g_autoptr(GError) error = NULL;

  add_users (f);
  window = open_window (f->store);
  gest_test_sign_in_page (window, MANAGER_LOGIN, MANAGER_PASSWORD);
  prefs = gest_window_open_preferences (window);
  page = gest_test_find_widget (GTK_WIDGET (prefs), gest_test_is_type,
                                GSIZE_TO_POINTER (GEST_TYPE_USERS_PREFERENCES_PAGE));
  g_assert_nonnull (page);
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_label, ANALYST_NAME));

  /* A new user, with a dealer role (the list offers no other). */
  group = gest_test_find_widget (page, gest_test_is_group_titled, "New User");
  gtk_editable_set_text (GTK_EDITABLE (gest_test_find_widget (group, gest_test_is_row_titled, "Full Name")),
                         "Jorge Ramírez Soto");
  gtk_editable_set_text (GTK_EDITABLE (gest_test_find_widget (group, gest_test_is_row_titled, "Login")), "Jorge");
  gtk_editable_set_text (GTK_EDITABLE (gest_test_find_widget (group, gest_test_is_row_titled, "Initial Password")),
                         "finanzas-2026");
  row = gest_test_find_widget (group, gest_test_is_row_titled, "Role");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (row)), i);

      g_assert_cmpstr (gtk_string_object_get_string (item), !=, "Conauto");
      if (g_str_equal (gtk_string_object_get_string (item), "Finance manager"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  g_signal_emit_by_name (gest_test_find_widget (group, gest_test_is_button_labelled, "_Add User"), "clicked");
  gest_store_wait_for_writes (f->store);
  added = gest_users_find (f->store, "jorge", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name, ==, "Jorge Ramírez Soto");
  g_assert_cmpint (added->role, ==, GEST_ROLE_FINANCE_MANAGER);
  g_assert_true (added->active);
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_label, "Jorge Ramírez Soto"));

  /* The signed-in manager renames themself: the window and the store go on with the name. */
  row = gest_test_find_widget (gest_test_find_widget (page, gest_test_is_row_titled, MANAGER_NAME),
                               gest_test_is_row_titled, "Full Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Mariana Torres de Luna");
  g_signal_emit_by_name (row, "apply");
  gest_store_wait_for_writes (f->store);
  g_assert_cmpstr (gest_store_get_user (f->store)->name, ==, "Mariana Torres de Luna");
  g_assert_cmpstr (gest_context_get_user_name (gest_window_get_context (window)), ==, "Mariana Torres de Luna");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "Mariana Torres de Luna"));

  /* Nobody deactivates themself: refused (by the domain) under their group. */
  sw = active_switch (page, "Mariana Torres de Luna");
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  gest_store_wait_for_writes (f->store);
  g_assert_nonnull (gest_test_find_widget (page, gest_test_is_visible_label,
                                           "You cannot deactivate yourself. Another general manager can."));
  sw = active_switch (page, "Mariana Torres de Luna");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));

  /* The analyst is deactivated, and cannot sign in any more. */
  sw = active_switch (page, ANALYST_NAME);
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  gest_store_wait_for_writes (f->store);
  g_clear_pointer (&added, gest_user_row_free);
  added = gest_users_find (f->store, ANALYST_LOGIN, &error);
  g_assert_false (added->active);

  close_prefs (prefs);
  close_window (window);
  gest_store_set_user (f->store, NULL);
}

static void
test_switch_user (Fixture       *f,
                  gconstpointer  data)
{
  GestWindow *window;
  GtkWidget *page;
  gpointer weak_prefs;

  add_users (f);
  window = open_window (f->store);
  gest_test_sign_in_page (window, MANAGER_LOGIN, MANAGER_PASSWORD);
  page = gest_window_get_section_page (window, "tramites");
  weak_prefs = gest_window_open_preferences (window);
  g_object_add_weak_pointer (G_OBJECT (weak_prefs), &weak_prefs);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL);
  g_assert_true (gest_window_get_sign_in_shown (window));
  g_assert_false (gest_window_get_sections_shown (window));
  g_assert_null (gest_store_get_user (f->store));
  g_assert_null (gest_context_get_signed_in_user (gest_window_get_context (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "search"));
  /* The preferences went with the user who left; the login is empty for the next one. */
  WAIT_UNTIL (weak_prefs == NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gest_test_session_row (window, GEST_TYPE_SIGN_IN_PAGE, "Login"))),
                   ==, "");

  /* Another user: the pages are made again, for them. */
  gest_test_sign_in_page (window, ANALYST_LOGIN, ANALYST_PASSWORD);
  g_assert_true (gest_window_get_sections_shown (window));
  g_assert_cmpstr (gest_store_get_user (f->store)->login, ==, ANALYST_LOGIN);
  g_assert_cmpint (gest_context_get_user_role (gest_window_get_context (window)), ==, GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_window_get_section_page (window, "tramites") != page);
  close_window (window);
  gest_store_set_user (f->store, NULL);
}

static void
test_idle_lock (Fixture       *f,
                gconstpointer  data)
{
  GestWindow *window;
  GtkWidget *page;

  add_users (f);
  window = open_window (f->store);
  gest_test_sign_in_page (window, MANAGER_LOGIN, MANAGER_PASSWORD);
  gest_window_set_section (window, "collections");
  page = gest_window_get_section_page (window, "tramites");

  /* Idle for longer than the limit (milliseconds here, minutes in the settings). */
  gest_window_set_idle_lock_ms (window, 50);
  WAIT_UNTIL (gest_window_get_sign_in_shown (window));
  g_assert_null (gest_store_get_user (f->store));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gest_test_session_row (window, GEST_TYPE_SIGN_IN_PAGE, "Login"))),
                   ==, MANAGER_LOGIN);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label,
                                           "Gestiona was locked after a while without activity. Your work is "
                                           "kept: type your password to go on."));

  /* The same user comes back to the same pages and section. */
  gest_window_set_idle_lock_ms (window, 0);
  gest_test_sign_in_page (window, MANAGER_LOGIN, MANAGER_PASSWORD);
  g_assert_true (gest_window_get_sections_shown (window));
  g_assert_cmpstr (gest_window_get_section (window), ==, "collections");
  g_assert_true (gest_window_get_section_page (window, "tramites") == page);
  g_assert_cmpstr (gest_store_get_user (f->store)->login, ==, MANAGER_LOGIN);

  /* 0 minutes never locks. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_int (settings, "idle-lock-minutes", 0);
    g_assert_false (gest_window_get_sign_in_shown (window));
  }
  close_window (window);
  gest_store_set_user (f->store, NULL);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_modules_init ();

  g_test_add ("/users/sign-in/first-run-creates-manager", Fixture, NULL, fixture_setup, test_first_run,
              fixture_teardown);
  g_test_add ("/users/sign-in/wrong-password", Fixture, NULL, fixture_setup, test_wrong_password,
              fixture_teardown);
  g_test_add ("/users/sign-in/analyst-permissions", Fixture, NULL, fixture_setup, test_analyst, fixture_teardown);
  g_test_add ("/users/sign-in/users-page", Fixture, NULL, fixture_setup, test_users_page, fixture_teardown);
  g_test_add ("/users/sign-in/switch-user", Fixture, NULL, fixture_setup, test_switch_user, fixture_teardown);
  g_test_add ("/users/sign-in/idle-lock", Fixture, NULL, fixture_setup, test_idle_lock, fixture_teardown);

  return g_test_run ();
}
