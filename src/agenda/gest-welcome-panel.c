/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-welcome-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-text.h"
#include "gest-agenda-welcome.h"
#include "gest-date.h"
#include "gest-welcome-panel.h"

struct _GestWelcomePanel
{
  AdwApplicationWindow  parent_instance;

  GtkWidget            *dealer_label;
  GtkWidget            *clock_label;
  GtkWidget            *stack;
  GtkWidget            *list;          /* a GtkGrid: time, name, advisor */
  GtkWidget            *empty;

  char                 *db_path;
  GCancellable         *cancellable;
  guint                 refresh_id;
  guint                 clock_id;
  guint                 n_loads;
  gboolean              loading;
  char                 *error;
};

G_DEFINE_FINAL_TYPE (GestWelcomePanel, gest_welcome_panel, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char panel_css[] =
  ".gest-welcome-panel { background-color: #101418; color: #f4f4f4; }"
  ".gest-welcome-panel .gest-welcome-dealer { font-size: 34px; font-weight: 700; }"
  ".gest-welcome-panel .gest-welcome-clock { font-size: 34px; font-feature-settings: \"tnum\"; }"
  ".gest-welcome-panel .gest-welcome-title { font-size: 28px; color: #9fb7d0; }"
  ".gest-welcome-panel .gest-welcome-time { font-size: 44px; font-weight: 700; font-feature-settings: \"tnum\"; }"
  ".gest-welcome-panel .gest-welcome-name { font-size: 44px; }"
  ".gest-welcome-panel .gest-welcome-advisor { font-size: 36px; color: #c8d3de; }";

typedef struct
{
  GPtrArray *entries;
  char      *dealer;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_pointer (&load->entries, g_ptr_array_unref);
  g_free (load->dealer);
  g_free (load);
}

/* On a worker thread: its own connection, read-only, closed after the read. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open_existing (path, &error);
  Load *load;

  if (store == NULL || !gest_store_set_read_only (store, TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  load = g_new0 (Load, 1);
  load->dealer = gest_store_get_setting (store, "dealer.name");
  load->entries = gest_agenda_welcome_list (store, g_get_real_time (), &error);
  if (load->entries == NULL)
    {
      load_free (load);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, load, load_free);
}

static GtkWidget *
cell_new (const char *text,
          const char *css_class,
          gboolean    expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

static void
show_load (GestWelcomePanel *self,
           Load             *load)
{
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (self->dealer_label), load->dealer != NULL ? load->dealer : "");
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_grid_remove (GTK_GRID (self->list), child);
  for (guint i = 0; i < load->entries->len; i++)
    {
      GestWelcomeEntry *entry = g_ptr_array_index (load->entries, i);
      g_autofree char *time = gest_agenda_time_text (entry->starts_min);

      gtk_grid_attach (GTK_GRID (self->list), cell_new (time, "gest-welcome-time", FALSE), 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->list), cell_new (entry->name, "gest-welcome-name", TRUE), 1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->list), cell_new (entry->advisor, "gest-welcome-advisor", FALSE), 2, (int) i, 1, 1);
    }
  gtk_stack_set_visible_child (GTK_STACK (self->stack), load->entries->len > 0 ? self->list : self->empty);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestWelcomePanel) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->error, g_free);
  if (load == NULL)
    {
      /* The screen keeps the last list; the next refresh tries again. */
      g_warning ("welcome panel: %s", error->message);
      self->error = g_strdup (error->message);
    }
  else
    {
      show_load (self, load);
      load_free (load);
    }
  self->n_loads++;
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}

static gboolean
refresh_cb (gpointer user_data)
{
  gest_welcome_panel_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
clock_cb (gpointer user_data)
{
  GestWelcomePanel *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now (gest_dealer_timezone ());
  g_autofree char *text = g_date_time_format (now, "%H:%M");

  gtk_label_set_text (GTK_LABEL (self->clock_label), text);
  return G_SOURCE_CONTINUE;
}

static void
gest_welcome_panel_dispose (GObject *object)
{
  GestWelcomePanel *self = GEST_WELCOME_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);

  G_OBJECT_CLASS (gest_welcome_panel_parent_class)->dispose (object);
}

static void
gest_welcome_panel_finalize (GObject *object)
{
  GestWelcomePanel *self = GEST_WELCOME_PANEL (object);

  g_clear_object (&self->cancellable);
  g_free (self->db_path);
  g_free (self->error);

  G_OBJECT_CLASS (gest_welcome_panel_parent_class)->finalize (object);
}

static void
gest_welcome_panel_class_init (GestWelcomePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_welcome_panel_dispose;
  object_class->finalize = gest_welcome_panel_finalize;

  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gest_welcome_panel_init (GestWelcomePanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *title = gtk_label_new (_("Today’s Appointments"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->cancellable = g_cancellable_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "gest-welcome-panel");
  gtk_window_set_title (GTK_WINDOW (self), _("Welcome Panel"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  self->dealer_label = cell_new ("", "gest-welcome-dealer", TRUE);
  self->clock_label = cell_new ("", "gest-welcome-clock", FALSE);
  gtk_box_append (GTK_BOX (top), self->dealer_label);
  gtk_box_append (GTK_BOX (top), self->clock_label);
  gtk_widget_add_css_class (title, "gest-welcome-title");
  gtk_label_set_xalign (GTK_LABEL (title), 0);

  self->list = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->list), 48);
  gtk_grid_set_row_spacing (GTK_GRID (self->list), 18);
  self->empty = gtk_label_new (_("Welcome. The next appointments will appear here."));
  gtk_widget_add_css_class (self->empty, "gest-welcome-title");
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  self->stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->stack), self->list);
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->stack);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
}

GtkWindow *
gest_welcome_panel_new (GtkApplication *app,
                        const char     *db_path)
{
  static gsize css_once = 0;
  GestWelcomePanel *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  if (g_once_init_enter (&css_once))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, panel_css, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&css_once, 1);
    }
  self = g_object_new (GEST_TYPE_WELCOME_PANEL, "application", app, NULL);
  self->db_path = g_strdup (db_path);
  clock_cb (self);
  self->clock_id = g_timeout_add_seconds (1, clock_cb, self);
  gest_welcome_panel_set_interval (self, GEST_WELCOME_PANEL_REFRESH_SECONDS);
  gest_welcome_panel_refresh (self);
  return GTK_WINDOW (self);
}

void
gest_welcome_panel_refresh (GestWelcomePanel *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GEST_IS_WELCOME_PANEL (self));

  if (self->loading)
    return;
  self->loading = TRUE;
  /* The task holds no window: a refresh ending in its thread never drops the panel there. */
  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, gest_welcome_panel_refresh);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, load_thread);
}

void
gest_welcome_panel_set_interval (GestWelcomePanel *self,
                                 guint             seconds)
{
  g_return_if_fail (GEST_IS_WELCOME_PANEL (self));
  g_return_if_fail (seconds > 0);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add_seconds (seconds, refresh_cb, self);
}

guint
gest_welcome_panel_get_n_loads (GestWelcomePanel *self)
{
  g_return_val_if_fail (GEST_IS_WELCOME_PANEL (self), 0);

  return self->n_loads;
}

const char *
gest_welcome_panel_get_error (GestWelcomePanel *self)
{
  g_return_val_if_fail (GEST_IS_WELCOME_PANEL (self), NULL);

  return self->error;
}
