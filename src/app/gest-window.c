/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-calendar-preferences-page.h"
#include "gest-demo.h"
#include "gest-global-search.h"
#include "gest-i18n.h"
#include "gest-mail-preferences-page.h"
#include "gest-module.h"
#include "gest-sync-preferences-page.h"
#include "gest-users-preferences-page.h"
#include "gest-window-private.h"

G_DEFINE_FINAL_TYPE (GestWindow, gest_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  RECORD_ACTIVATED,
  PREFERENCES_OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One entry of the sidebar: a registered module's section, or a planned one whose page says
 * honestly what is missing. */
typedef struct
{
  const char *id;
  const char *title;       /* translated */
  const char *icon_name;
  const char *missing;     /* translated; NULL for a module's section */
  int         position;
  GestModule *module;      /* borrowed from the registry (lives as long as the program) */
} Section;

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const Section *sa = a, *sb = b;

  return sa->position < sb->position ? -1 : sa->position > sb->position;
}

/* The registered modules' sections and the planned ones that no module took, by position. */
static GArray *
sections_new (void)
{
  GArray *sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_autoptr(GPtrArray) modules = gest_modules_get_ui ();
  const GestPlannedModule *planned;
  guint n_planned;

  for (guint i = 0; i < modules->len; i++)
    {
      GestModule *module = g_ptr_array_index (modules, i);
      Section section = {
        gest_domain_module_get_id (GEST_DOMAIN_MODULE (module)), gest_module_get_title (module),
        gest_module_get_icon_name (module), NULL, gest_module_get_position (module), module,
      };

      g_array_append_val (sections, section);
    }
  planned = gest_modules_get_planned (&n_planned);
  for (guint i = 0; i < n_planned; i++)
    {
      Section section = {
        planned[i].id, _(planned[i].title), planned[i].icon_name, _(planned[i].missing),
        planned[i].position, NULL,
      };

      if (gest_modules_find_ui (planned[i].id) == NULL)
        g_array_append_val (sections, section);
    }
  /* g_array_sort is not stable; positions are distinct in gest-module-list.h. */
  g_array_sort (sections, compare_sections);
  return sections;
}

static const Section *
section_nth (GestWindow *self,
             guint       index)
{
  return &g_array_index (self->sections, Section, index);
}

static int
section_index (GestWindow *self,
               const char *id)
{
  for (guint i = 0; id != NULL && i < self->sections->len; i++)
    if (g_str_equal (section_nth (self, i)->id, id))
      return (int) i;
  return -1;
}

static GtkWidget *
placeholder_new (const Section *section)
{
  return g_object_new (ADW_TYPE_STATUS_PAGE,
                       "icon-name", section->icon_name,
                       "title", section->title,
                       "description", section->missing,
                       NULL);
}

/* Placeholders are made when their section is first shown (or asked for), and the one of a
 * section that a module fills at start never: seven status pages with large icons (decoded
 * on a worker) and wrapped descriptions, all measured by the homogeneous stack, were a
 * quarter of gtk_window_present()'s work and half the icon decoding before the first frame
 * (perf, bench-startup). */
static GtkWidget *
ensure_page (GestWindow *self,
             guint       index)
{
  const Section *section = section_nth (self, index);
  GtkWidget *bin = gtk_stack_get_child_by_name (self->section_stack, section->id);

  if (adw_bin_get_child (ADW_BIN (bin)) == NULL)
    adw_bin_set_child (ADW_BIN (bin), placeholder_new (section));
  return adw_bin_get_child (ADW_BIN (bin));
}

static GtkWidget *
sidebar_row_new (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (section->title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "gest-section-id", (gpointer) section->id);
  return row;
}

void
gest_window_show_sections (GestWindow *self)
{
  /* As in show_page () (gest-window-session.c): no focus left in a hidden row. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "sections");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "search")),
                               TRUE);
}

/* Every section starts over: the modules' pages from the current data, the placeholders. */
void
gest_window_reload_pages (GestWindow *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = section_nth (self, i);
      GtkWidget *bin = gtk_stack_get_child_by_name (self->section_stack, section->id);

      /* A planned section's placeholder comes when it is first shown (ensure_page ()). */
      if (section->module != NULL)
        gest_window_set_section_page (self, section->id,
                                      gest_module_create_page (section->module, self->context));
      else
        adw_bin_set_child (ADW_BIN (bin), NULL);
    }
  self->pages_made = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && section_index (self, gest_window_get_section (self)) >= 0)
    ensure_page (self, (guint) section_index (self, gest_window_get_section (self)));
}

static void
search_action_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GestWindow *self = user_data;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  gest_global_search_focus (self->global_search);
}

static const GActionEntry win_actions[] = {
  { "search", search_action_cb },
};

/* The visible section's page may name what it shows ("title": the record on its detail) and
 * open a detail ("can-go-back", left with its "board-page.back" action): the header then
 * names the record, and its one back button leaves the detail before the section. */
static GtkWidget *
visible_page (GestWindow *self)
{
  GtkWidget *bin = gtk_stack_get_visible_child (self->section_stack);

  return bin != NULL ? adw_bin_get_child (ADW_BIN (bin)) : NULL;
}

static gboolean
page_can_go_back (GtkWidget *page)
{
  gboolean can_go_back = FALSE;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "can-go-back") != NULL)
    g_object_get (page, "can-go-back", &can_go_back, NULL);
  return can_go_back;
}

static void
update_header (GestWindow *self)
{
  GtkWidget *page;
  g_autofree char *title = NULL;

  /* Pages notify while the window is disposed. */
  if (self->back_button == NULL || self->section_stack == NULL)
    return;
  page = visible_page (self);
  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title") != NULL)
    g_object_get (page, "title", &title, NULL);
  if (title != NULL && *title != '\0')
    adw_window_title_set_title (self->section_title, title);
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet) || page_can_go_back (page));
}

static void
sidebar_row_selected_cb (GtkListBox    *list_box,
                         GtkListBoxRow *row,
                         GestWindow    *self)
{
  const char *id;
  int index;

  if (row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "gest-section-id");
  index = section_index (self, id);
  g_assert (index >= 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_page (self, (guint) index);
  gtk_stack_set_visible_child_name (self->section_stack, id);
  adw_window_title_set_title (self->section_title, section_nth (self, index)->title);
  update_header (self);
  g_settings_set_string (self->settings, "last-section", id);
}

static void
sidebar_row_activated_cb (GtkListBox    *list_box,
                          GtkListBoxRow *row,
                          GestWindow    *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (GtkButton  *button,
                 GestWindow *self)
{
  GtkWidget *page = visible_page (self);

  if (page_can_go_back (page))
    gtk_widget_activate_action (page, "board-page.back", NULL);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
hit_activated_cb (GestGlobalSearch *search,
                  const char       *kind,
                  const char       *uuid,
                  GestWindow       *self)
{
  gest_window_show_record (self, kind, uuid);
}

static gboolean
gest_window_close_request (GtkWindow *window)
{
  GestWindow *self = GEST_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  /* The unmaximized size, so that unmaximizing next time goes back to it. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (gest_window_parent_class)->close_request (window);
}

static void
gest_window_map (GtkWidget *widget)
{
  GestWindow *self = GEST_WINDOW (widget);
  int index = section_index (self, gest_window_get_section (self));

  if (index >= 0)
    ensure_page (self, (guint) index);
  GTK_WIDGET_CLASS (gest_window_parent_class)->map (widget);
}

static void
gest_window_constructed (GObject *object)
{
  GestWindow *self = GEST_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (gest_window_parent_class)->constructed (object);

  g_assert (GEST_IS_STORE (self->store));
  self->context = gest_context_new (self->store);
  gest_global_search_set_context (self->global_search, self->context);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-section");
  if (section_index (self, last) >= 0)
    gest_window_set_section (self, last);
  else if (self->sections->len > 0)
    gest_window_set_section (self, section_nth (self, 0)->id);

  /* The sign-in, the first run's welcome or the sections (and their pages). */
  gest_window_session_start (self);
}

static void
gest_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GestWindow *self = GEST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GestWindow *self = GEST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_window_dispose (GObject *object)
{
  GestWindow *self = GEST_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gest_window_session_dispose (self);
  /* The header follows the pages no more (they notify while they are destroyed). */
  self->back_button = NULL;

  G_OBJECT_CLASS (gest_window_parent_class)->dispose (object);
}

static void
gest_window_finalize (GObject *object)
{
  GestWindow *self = GEST_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gest_window_parent_class)->finalize (object);
}

static void
gest_window_class_init (GestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gest_window_constructed;
  object_class->get_property = gest_window_get_property;
  object_class->set_property = gest_window_set_property;
  object_class->dispose = gest_window_dispose;
  object_class->finalize = gest_window_finalize;
  window_class->close_request = gest_window_close_request;
  widget_class->map = gest_window_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[PREFERENCES_OPENED] =
    g_signal_new ("preferences-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GEST_TYPE_PREFERENCES_WINDOW);

  g_type_ensure (GEST_TYPE_GLOBAL_SEARCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/gest-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GestWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, global_search);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, demo_spinner);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, demo_password_label);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GestWindow, sidebar_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hit_activated_cb);
}

static void
gest_window_init (GestWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  gest_window_session_init (self);

  /* The pages come in constructed(), with the store. */
  self->sections = sections_new ();
  for (guint i = 0; i < self->sections->len; i++)
    {
      GtkWidget *bin = adw_bin_new ();

      gtk_stack_add_named (self->section_stack, bin, section_nth (self, i)->id);
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (section_nth (self, i)));
    }
}

GestWindow *
gest_window_new (GtkApplication *app,
                 GestStore      *store)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_WINDOW, "application", app, "store", store, NULL);
}

GestStore *
gest_window_get_store (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), NULL);

  return self->store;
}

void
gest_window_set_section_page (GestWindow *self,
                              const char *section_id,
                              GtkWidget  *page)
{
  GtkWidget *bin;

  g_return_if_fail (GEST_IS_WINDOW (self));
  g_return_if_fail (section_index (self, section_id) >= 0);
  g_return_if_fail (GTK_IS_WIDGET (page));

  bin = gtk_stack_get_child_by_name (self->section_stack, section_id);
  adw_bin_set_child (ADW_BIN (bin), page);
  g_signal_connect_object (page, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  update_header (self);
}

GtkWidget *
gest_window_get_section_page (GestWindow *self,
                              const char *section_id)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), NULL);
  g_return_val_if_fail (section_index (self, section_id) >= 0, NULL);

  return ensure_page (self, (guint) section_index (self, section_id));
}

void
gest_window_set_section (GestWindow *self,
                         const char *section_id)
{
  int index;

  g_return_if_fail (GEST_IS_WINDOW (self));
  index = section_index (self, section_id);
  g_return_if_fail (index >= 0);

  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, index));
}

const char *
gest_window_get_section (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->section_stack);
}

/* The module that owns @kind opens its hit in its section; a shared kind (a customer, a
 * plan, a vehicle) goes to the first module, by position, that opens it. */
void
gest_window_show_record (GestWindow *self,
                         const char *kind,
                         const char *uuid)
{
  GestDomainModule *owner;
  const char *opened_in = NULL;

  g_return_if_fail (GEST_IS_WINDOW (self));
  g_return_if_fail (kind != NULL && uuid != NULL);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  owner = gest_domain_modules_find_search_kind (kind, NULL);
  if (GEST_IS_MODULE (owner) && section_index (self, gest_domain_module_get_id (owner)) >= 0)
    {
      opened_in = gest_domain_module_get_id (owner);
      gest_window_set_section (self, opened_in);
      gest_module_open_hit (GEST_MODULE (owner), self->context,
                            gest_window_get_section_page (self, opened_in), kind, uuid);
    }
  for (guint i = 0; opened_in == NULL && i < self->sections->len; i++)
    {
      const Section *section = section_nth (self, i);

      if (section->module != NULL &&
          gest_module_open_hit (section->module, self->context,
                                gest_window_get_section_page (self, section->id), kind, uuid))
        {
          opened_in = section->id;
          gest_window_set_section (self, opened_in);
        }
    }
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, kind, uuid);
}

void
gest_window_add_toast (GestWindow *self,
                       const char *message)
{
  g_return_if_fail (GEST_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

GestPreferencesWindow *
gest_window_open_preferences (GestWindow *self)
{
  GestPreferencesWindow *prefs;

  g_return_val_if_fail (GEST_IS_WINDOW (self), NULL);

  prefs = gest_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (prefs), TRUE);
  /* Users for whoever may manage them (the domain checks again); a database being set up
   * has none to manage until its general manager exists. */
  if (gest_store_get_user (self->store) != NULL &&
      gest_store_check_permission (self->store, GEST_PERMISSION_MANAGE_USERS, NULL))
    gest_preferences_window_add_page (prefs,
                                      ADW_PREFERENCES_PAGE (gest_users_preferences_page_new (self->context)));
  /* Issue 13: the business calendar every clock counts in (read-only without settings.dealer). */
  gest_preferences_window_add_page (prefs,
                                    ADW_PREFERENCES_PAGE (gest_calendar_preferences_page_new (self->context)));
  /* The email and sync pages go with their services. */
  if (gest_context_get_mail_service (self->context) != NULL)
    {
      gest_preferences_window_add_page (prefs,
                                        ADW_PREFERENCES_PAGE (gest_mail_preferences_page_new (self->context)));
      gest_preferences_window_add_page (prefs,
                                        ADW_PREFERENCES_PAGE (gest_sync_preferences_page_new (self->context)));
    }
  for (guint i = 0; i < self->sections->len; i++)
    {
      GestModule *module = section_nth (self, i)->module;
      g_autoptr(GPtrArray) pages = NULL;

      if (module == NULL)
        continue;
      pages = gest_module_create_preferences_pages (module, self->context);
      for (guint p = 0; p < pages->len; p++)
        gest_preferences_window_add_page (prefs, ADW_PREFERENCES_PAGE (g_ptr_array_index (pages, p)));
    }
  g_signal_emit (self, signals[PREFERENCES_OPENED], 0, prefs);
  gtk_window_present (GTK_WINDOW (prefs));
  return prefs;
}

GestContext *
gest_window_get_context (GestWindow *self)
{
  g_return_val_if_fail (GEST_IS_WINDOW (self), NULL);

  return self->context;
}
