/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-module.h"
#include "gest-agenda-page.h"
#include "gest-agenda-preferences.h"
#include "gest-welcome-panel.h"

struct _GestAgendaModule
{
  GestAgendaDomain parent_instance;
};

static void gest_agenda_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestAgendaModule, gest_agenda_module, GEST_TYPE_AGENDA_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_agenda_module_iface_init))

static const char *
gest_agenda_module_get_title (GestModule *module)
{
  return _("Service Appointments");
}

static const char *
gest_agenda_module_get_icon_name (GestModule *module)
{
  return "x-office-calendar-symbolic";
}

static int
gest_agenda_module_get_position (GestModule *module)
{
  return 60;
}

static GtkWidget *
gest_agenda_module_create_page (GestModule  *module,
                                GestContext *context)
{
  return gest_agenda_page_new (context);
}

static gboolean
gest_agenda_module_open_hit (GestModule  *module,
                             GestContext *context,
                             GtkWidget   *page,
                             const char  *kind,
                             const char  *uuid)
{
  if (!g_str_equal (kind, "reservation") || !GEST_IS_AGENDA_PAGE (page))
    return FALSE;
  gest_agenda_page_show_reservation (GEST_AGENDA_PAGE (page), uuid);
  return TRUE;
}

static GPtrArray *
gest_agenda_module_create_preferences_pages (GestModule  *module,
                                             GestContext *context)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, gest_agenda_preferences_page_new (context));
  return pages;
}

static GtkWindow *
gest_agenda_module_create_welcome_panel (GestModule     *module,
                                         GtkApplication *app,
                                         const char     *db_path)
{
  return gest_welcome_panel_new (app, db_path);
}

static void
gest_agenda_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_agenda_module_get_title;
  iface->get_icon_name = gest_agenda_module_get_icon_name;
  iface->get_position = gest_agenda_module_get_position;
  iface->create_page = gest_agenda_module_create_page;
  iface->open_hit = gest_agenda_module_open_hit;
  iface->create_preferences_pages = gest_agenda_module_create_preferences_pages;
  iface->create_welcome_panel = gest_agenda_module_create_welcome_panel;
}

static void
gest_agenda_module_class_init (GestAgendaModuleClass *klass)
{
}

static void
gest_agenda_module_init (GestAgendaModule *self)
{
}
