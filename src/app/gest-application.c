/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-application"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "gest-application.h"
#include "gest-i18n.h"
#include "gest-import-window.h"
#include "gest-module.h"
#include "gest-window.h"

struct _GestApplication
{
  AdwApplication  parent_instance;

  char           *path;
  GestStore      *store;
  gboolean        welcome_panel;
};

G_DEFINE_FINAL_TYPE (GestApplication, gest_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the default one"), N_("FILE") },
  { "welcome-panel", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the reception’s full-screen welcome panel instead of the main window"), NULL },
  { NULL }
};

static void
show_open_error (GestApplication *self,
                 const GError    *error)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is a database file's path. */
  heading = g_strdup_printf (_("Cannot Open “%s”"), self->path);
  dialog = adw_message_dialog_new (NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* The dialog keeps the application alive; closing it quits, since there is nothing to show. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GestApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its size and state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* Not from the sign-in page or the welcome (Ctrl+,). */
  if (GEST_IS_WINDOW (window) && gest_window_get_sections_shown (GEST_WINDOW (window)))
    gest_window_open_preferences (GEST_WINDOW (window));
}

/* Issue 12: the import window of customers, vehicles and plans (helper "import"). */
static void
import_activated_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (GEST_IS_WINDOW (window))
    gtk_window_present (GTK_WINDOW (gest_import_window_new (window, gest_window_get_store (GEST_WINDOW (window)))));
}

static void
switch_user_activated_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (GEST_IS_WINDOW (window))
    gest_window_switch_user (GEST_WINDOW (window));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Gestiona"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gestiona developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The back office of a Ford dealership: early payoffs of "
                                      "Conauto plans, collections, customer service and invoice "
                                      "corrections, the service department's field actions, calls and appointments."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  /* Untranslated, the msgid itself comes back: show no credits then. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated_cb (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* GtkApplicationWindow provides win.show-help-overlay from gtk/help-overlay.ui. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "import", import_activated_cb },
  { "switch-user", switch_user_activated_cb },
  { "about", about_activated_cb },
  { "shortcuts", shortcuts_activated_cb },
};

/* GESTIONA_EXIT_AFTER_FIRST_FRAME=1, for tests (tests/build/test-install.sh): once the first
 * window has painted its first frame, Gestiona prints "first-frame", the window's title and
 * the text of every label it shows (so a test sees which language it speaks), then quits as
 * app.quit does. Nothing else in the application depends on it. */

static void
print_shown_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
        g_print ("label: %s\n", gtk_label_get_text (GTK_LABEL (child)));
      print_shown_labels (child);
    }
}

static gboolean
exit_after_first_frame_quit_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
exit_after_first_frame_after_paint_cb (GdkFrameClock *clock,
                                       GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (clock, exit_after_first_frame_after_paint_cb, window);
  g_print ("first-frame\n");
  g_print ("title: %s\n", gtk_window_get_title (window) != NULL ? gtk_window_get_title (window) : "");
  print_shown_labels (GTK_WIDGET (window));
  fflush (stdout);
  /* Not from inside the frame clock's paint: the windows close from the main loop. */
  if (app != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, exit_after_first_frame_quit_cb,
                     g_object_ref (app), g_object_unref);
}

static void
exit_after_first_frame_map_cb (GtkWidget *window,
                               gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, exit_after_first_frame_map_cb, user_data);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (exit_after_first_frame_after_paint_cb), window, 0);
}

static void
exit_after_first_frame_window_added_cb (GtkApplication *app,
                                        GtkWindow      *window,
                                        gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, exit_after_first_frame_window_added_cb, user_data);
  g_signal_connect_after (window, "map", G_CALLBACK (exit_after_first_frame_map_cb), NULL);
}

static void
exit_after_first_frame_install (GestApplication *self)
{
  if (g_strcmp0 (g_getenv ("GESTIONA_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (self, "window-added", G_CALLBACK (exit_after_first_frame_window_added_cb), NULL);
}

static int
gest_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  GestApplication *self = GEST_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db != NULL && db[0] != '\0')
    {
      g_free (self->path);
      self->path = g_canonicalize_filename (db, NULL);
      /* Another database is another instance: a running Gestiona must not take over. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_contains (options, "welcome-panel"))
    {
      /* The reception's screen runs beside the desktop's own window: its own instance. */
      self->welcome_panel = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
gest_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gest_application_parent_class)->startup (app);

  /* Light or dark as the system prefers. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gest_modules_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);

  exit_after_first_frame_install (GEST_APPLICATION (app));
}

/* gestiona --welcome-panel: the first module that has a welcome panel shows it, full screen
 * and dark; nobody signs in and the panel reads the database itself. */
static void
gest_application_show_welcome_panel (GestApplication *self)
{
  g_autoptr(GPtrArray) modules = gest_modules_get_ui ();

  for (guint i = 0; i < modules->len; i++)
    {
      GtkWindow *panel = gest_module_create_welcome_panel (g_ptr_array_index (modules, i), GTK_APPLICATION (self),
                                                           self->path);

      if (panel != NULL)
        {
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          gtk_window_fullscreen (panel);
          gtk_window_present (panel);
          return;
        }
    }
  g_printerr ("%s\n", _("No module of this Gestiona has a welcome panel."));
}

static void
gest_application_activate (GApplication *app)
{
  GestApplication *self = GEST_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->path == NULL)
    self->path = gest_store_default_path ();
  if (self->welcome_panel)
    {
      gest_application_show_welcome_panel (self);
      return;
    }
  if (self->store == NULL)
    self->store = gest_store_open (self->path, &error);
  if (self->store == NULL)
    {
      g_message ("%s: %s", self->path, error->message);
      show_open_error (self, error);
      return;
    }

  /* The window only reads through this connection: its saves run on the store's writer
   * thread, so a write that slipped onto the UI thread fails instead of freezing it. */
  if (!gest_store_set_read_only (self->store, TRUE, &error))
    g_warning ("%s", error->message);
  window = GTK_WINDOW (gest_window_new (GTK_APPLICATION (self), self->store));
  gest_window_start_services (GEST_WINDOW (window));
  gtk_window_present (window);
}

/* A save asked for just before the last window closed (a note, a move) still reaches the
 * disk: the writer thread finishes it before the process ends. */
static void
gest_application_shutdown (GApplication *app)
{
  GestApplication *self = GEST_APPLICATION (app);

  if (self->store != NULL)
    gest_store_wait_for_writes (self->store);

  G_APPLICATION_CLASS (gest_application_parent_class)->shutdown (app);
}

static void
gest_application_finalize (GObject *object)
{
  GestApplication *self = GEST_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (gest_application_parent_class)->finalize (object);
}

static void
gest_application_class_init (GestApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gest_application_finalize;
  app_class->handle_local_options = gest_application_handle_local_options;
  app_class->startup = gest_application_startup;
  app_class->activate = gest_application_activate;
  app_class->shutdown = gest_application_shutdown;
}

static void
gest_application_init (GestApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Gestiona: the back office of a Ford dealership."));
}

GestApplication *
gest_application_new (void)
{
  return g_object_new (GEST_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

const char *
gest_application_get_path (GestApplication *self)
{
  g_return_val_if_fail (GEST_IS_APPLICATION (self), NULL);

  return self->path;
}

GestStore *
gest_application_get_store (GestApplication *self)
{
  g_return_val_if_fail (GEST_IS_APPLICATION (self), NULL);

  return self->store;
}
