/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-demo.h"
#include "gest-first-manager-page.h"
#include "gest-sign-in-page.h"
#include "gest-window-private.h"

/* Who the window works for (issue 12). A database with users opens on the sign-in page and
 * shows the sections only to a signed-in user; a new database shows the welcome, whose
 * "Start Empty" creates the general manager and whose demonstration data has its own users;
 * a database without users that is not new (made before users existed) is being set up and
 * shows the sections as before. "Switch user" and the idle lock go back to the sign-in page;
 * the sections' pages are made again only when another user signs in. */

#define DEMO_CUSTOMERS 1000
#define DEMO_SEED      1

static gboolean
is_first_run (GestStore *store)
{
  g_autofree char *done = gest_store_get_setting (store, "app.first-run-done");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean has_customers = FALSE;

  if (done != NULL)
    return FALSE;
  stmt = gest_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM customers WHERE deleted = 0)", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot count customers: %s", error->message);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    has_customers = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return !has_customers;
}

static void
set_action_enabled (GestWindow *self,
                    const char *name,
                    gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), name)), enabled);
}

/* The signed-in user's name and role above "Switch User" in the main menu, and under the
 * sidebar's title. */
static void
update_user_display (GestWindow *self)
{
  GestUser *user = gest_context_get_signed_in_user (self->context);
  g_autofree char *text = NULL;

  if (self->user_section)
    g_menu_remove (self->primary_menu, 0);
  self->user_section = FALSE;
  set_action_enabled (self, "switch-user", user != NULL);
  if (user != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      /* Translators: the signed-in user's name and role, e.g. "Ana López · General Manager". */
      text = g_strdup_printf (_("%s · %s"), user->name, gest_role_label (user->role));
      g_menu_append (section, _("_Switch User"), "app.switch-user");
      g_menu_prepend_section (self->primary_menu, text, G_MENU_MODEL (section));
      self->user_section = TRUE;
    }
  else if (!gest_store_has_users (self->store))
    {
      g_autoptr(GMenu) section = g_menu_new ();

      /* A database made before users existed: its general manager comes from here. */
      g_menu_append (section, _("_Create the General Manager…"), "win.start-empty");
      g_menu_prepend_section (self->primary_menu, NULL, G_MENU_MODEL (section));
      self->user_section = TRUE;
    }
  /* Under the sidebar's title only the name, cut to the sidebar's width: a window title asks
   * for its whole text, and a wider sidebar would fold the board into one column. The menu
   * has the name and the role in full. */
  if (user != NULL && g_utf8_strlen (user->name, -1) > 26)
    {
      g_autofree char *cut = g_utf8_substring (user->name, 0, 25);
      g_autofree char *shown = g_strconcat (cut, "…", NULL);

      adw_window_title_set_subtitle (self->sidebar_title, shown);
    }
  else
    adw_window_title_set_subtitle (self->sidebar_title, user != NULL ? user->name : "");
}

static void
show_page (GestWindow *self,
           const char *name)
{
  /* The focused row of the page that goes leaves the focus first: a hidden GtkText keeps
   * blinking otherwise, and warns when it is destroyed. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, name);
  set_action_enabled (self, "search", FALSE);
}

/* Windows on top of this one (preferences, dialogs) go with the user who leaves. */
static void
close_transients (GestWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      for (GtkWindow *parent = gtk_window_get_transient_for (window); parent != NULL;
           parent = gtk_window_get_transient_for (parent))
        if (parent == GTK_WINDOW (self))
          {
            gtk_window_destroy (window);
            break;
          }
    }
}

static guint
idle_limit_ms (GestWindow *self)
{
  if (self->idle_lock_ms > 0)
    return self->idle_lock_ms;
  return (guint) MAX (g_settings_get_int (self->settings, "idle-lock-minutes"), 0) * 60 * 1000;
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  GestWindow *self = user_data;
  guint limit = idle_limit_ms (self);
  gint64 idle_ms = (g_get_monotonic_time () - self->last_input) / 1000;

  self->idle_source = 0;
  if (limit == 0 || gest_store_get_user (self->store) == NULL)
    return G_SOURCE_REMOVE;
  if (idle_ms >= limit)
    gest_window_lock (self);
  else
    self->idle_source = g_timeout_add ((guint) (limit - idle_ms), idle_timeout_cb, self);
  return G_SOURCE_REMOVE;
}

/* The timer runs while someone is signed in; input only notes the time (pointer motion
 * comes often), and the timer, when it fires, waits again for what is left. */
static void
idle_restart (GestWindow *self)
{
  guint limit = idle_limit_ms (self);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->last_input = g_get_monotonic_time ();
  if (limit > 0 && gest_store_get_user (self->store) != NULL)
    self->idle_source = g_timeout_add (limit, idle_timeout_cb, self);
}

static void
input_cb (GestWindow *self)
{
  self->last_input = g_get_monotonic_time ();
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GestWindow            *self)
{
  input_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GestWindow               *self)
{
  input_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static void
signed_in (GestWindow *self,
           GestUser   *user)
{
  gboolean same = self->pages_made && self->pages_user != NULL &&
                  g_str_equal (self->pages_user->uuid, user->uuid);

  gest_store_set_user (self->store, user);
  gest_context_set_signed_in_user (self->context, user);
  if (!same)
    {
      g_clear_pointer (&self->pages_user, gest_user_unref);
      self->pages_user = gest_user_ref (user);
      gest_window_reload_pages (self);
    }
  update_user_display (self);
  gest_window_show_sections (self);
  idle_restart (self);
}

static void
signed_in_cb (GtkWidget  *page,
              GestUser   *user,
              GestWindow *self)
{
  signed_in (self, user);
}

static void
show_sign_in (GestWindow *self,
              const char *login,
              gboolean    locked)
{
  gest_sign_in_page_reset (GEST_SIGN_IN_PAGE (self->sign_in_page), login, locked);
  show_page (self, "sign-in");
  gest_sign_in_page_focus (GEST_SIGN_IN_PAGE (self->sign_in_page));
}

static void
set_demo_running (GestWindow *self,
                  gboolean    running)
{
  set_action_enabled (self, "start-empty", !running);
  set_action_enabled (self, "load-demo", !running);
  gtk_widget_set_visible (self->demo_progress, running);
  gtk_spinner_set_spinning (self->demo_spinner, running);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = gest_store_open (path, &error);
  if (store == NULL ||
      !gest_demo_fill (store, DEMO_CUSTOMERS, DEMO_SEED, cancellable, &error) ||
      !gest_store_set_setting (store, "app.first-run-done", "1", &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GestWindow *self = GEST_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_demo_running (self, FALSE);
      gest_window_add_toast (self, error->message);
      return;
    }
  set_demo_running (self, FALSE);
  /* The demonstration data has its users: the sign-in page lists them. */
  if (gest_store_has_users (self->store))
    {
      show_sign_in (self, NULL, FALSE);
      return;
    }
  gest_window_reload_pages (self);
  gest_window_show_sections (self);
}

static void
start_empty_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GestWindow *self = user_data;

  show_page (self, "first-manager");
  gest_first_manager_page_focus (GEST_FIRST_MANAGER_PAGE (self->first_manager_page));
}

static void
welcome_action_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GestWindow *self = user_data;

  if (gest_first_manager_page_get_busy (GEST_FIRST_MANAGER_PAGE (self->first_manager_page)))
    return;
  if (is_first_run (self->store))
    show_page (self, "welcome");
  else
    gest_window_show_sections (self);
}

static void
load_demo_action_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GestWindow *self = user_data;
  g_autoptr(GTask) task = NULL;

  set_demo_running (self, TRUE);
  task = g_task_new (self, self->cancellable, demo_done_cb, NULL);
  g_task_set_source_tag (task, load_demo_action_cb);
  g_task_set_task_data (task, g_strdup (gest_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
switch_user_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  gest_window_switch_user (GEST_WINDOW (user_data));
}

static void
idle_lock_changed_cb (GSettings  *settings,
                      const char *key,
                      GestWindow *self)
{
  idle_restart (self);
}

static const GActionEntry session_actions[] = {
  { "start-empty", start_empty_action_cb },
  { "load-demo", load_demo_action_cb },
  { "welcome", welcome_action_cb },
  { "switch-user", switch_user_action_cb },
};

void
gest_window_session_init (GestWindow *self)
{
  GtkEventController *controller;

  g_action_map_add_action_entries (G_ACTION_MAP (self), session_actions, G_N_ELEMENTS (session_actions), self);
  set_action_enabled (self, "switch-user", FALSE);
  g_signal_connect_object (self->settings, "changed::idle-lock-minutes", G_CALLBACK (idle_lock_changed_cb),
                           self, 0);

  /* Any input in the window counts as activity, seen before its widgets handle it. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (input_cb), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (input_cb), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
gest_window_session_start (GestWindow *self)
{
  self->sign_in_page = gest_sign_in_page_new (self->store);
  g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  gtk_stack_add_named (self->main_stack, self->sign_in_page, "sign-in");
  self->first_manager_page = gest_first_manager_page_new (self->store);
  g_signal_connect_object (self->first_manager_page, "created", G_CALLBACK (signed_in_cb), self, 0);
  gtk_stack_add_named (self->main_stack, self->first_manager_page, "first-manager");

  {
    /* Translators: %s is the password of every demonstration user. */
    g_autofree char *text = g_strdup_printf (_("The demonstration data has a user of every role; "
                                               "their password is “%s”."), GEST_DEMO_PASSWORD);

    gtk_label_set_text (self->demo_password_label, text);
  }
  g_signal_connect_object (self->context, "notify::signed-in-user", G_CALLBACK (update_user_display), self,
                           G_CONNECT_SWAPPED);
  update_user_display (self);
  /* Signed in before the window opened (a test, gest_test_sign_in()). */
  if (gest_store_get_user (self->store) != NULL)
    {
      g_autoptr(GestUser) user = gest_user_ref (gest_store_get_user (self->store));

      signed_in (self, user);
      return;
    }
  if (gest_store_has_users (self->store))
    {
      /* The pages are made for whoever signs in. */
      show_sign_in (self, NULL, FALSE);
      return;
    }
  gest_window_reload_pages (self);
  if (is_first_run (self->store))
    show_page (self, "welcome");
  else
    gest_window_show_sections (self);
}

void
gest_window_session_dispose (GestWindow *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_pointer (&self->pages_user, gest_user_unref);
}

gboolean
gest_window_get_welcome_shown (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0;
}

gboolean
gest_window_get_sign_in_shown (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sign-in") == 0;
}

gboolean
gest_window_get_sections_shown (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sections") == 0;
}

void
gest_window_switch_user (GestWindow *self)
{
  g_return_if_fail (GEST_IS_WINDOW (self));

  if (gest_store_get_user (self->store) == NULL)
    return;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  close_transients (self);
  gest_store_set_user (self->store, NULL);
  gest_context_set_signed_in_user (self->context, NULL);
  update_user_display (self);
  show_sign_in (self, NULL, FALSE);
}

void
gest_window_lock (GestWindow *self)
{
  GestUser *user;

  g_return_if_fail (GEST_IS_WINDOW (self));

  user = gest_store_get_user (self->store);
  if (user == NULL)
    return;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  close_transients (self);
  /* Nothing is saved as them while the window is locked; the pages (and the context's user,
   * which they show) stay for when they come back. */
  show_sign_in (self, user->login, TRUE);
  gest_store_set_user (self->store, NULL);
}

void
gest_window_set_idle_lock_ms (GestWindow *self,
                              guint       ms)
{
  g_return_if_fail (GEST_IS_WINDOW (self));

  self->idle_lock_ms = ms;
  idle_restart (self);
}
