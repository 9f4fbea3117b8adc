/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-retention-module.h"
#include "gest-retention-page.h"
#include "gest-retention-preferences.h"

struct _GestRetentionModule
{
  GestRetentionDomain parent_instance;
};

static void gest_retention_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestRetentionModule, gest_retention_module, GEST_TYPE_RETENTION_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_retention_module_iface_init))

static const char *
gest_retention_module_get_title (GestModule *module)
{
  return _("Proactive Contact");
}

static const char *
gest_retention_module_get_icon_name (GestModule *module)
{
  return "call-start-symbolic";
}

static int
gest_retention_module_get_position (GestModule *module)
{
  return 55;
}

static GtkWidget *
gest_retention_module_create_page (GestModule  *module,
                                   GestContext *context)
{
  return gest_retention_page_new (context);
}

static GPtrArray *
gest_retention_module_create_preferences_pages (GestModule  *module,
                                                GestContext *context)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, gest_retention_templates_page_new (context));
  g_ptr_array_add (pages, gest_retention_promotions_page_new (context));
  return pages;
}

static void
gest_retention_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_retention_module_get_title;
  iface->get_icon_name = gest_retention_module_get_icon_name;
  iface->get_position = gest_retention_module_get_position;
  iface->create_page = gest_retention_module_create_page;
  iface->create_preferences_pages = gest_retention_module_create_preferences_pages;
}

static void
gest_retention_module_class_init (GestRetentionModuleClass *klass)
{
}

static void
gest_retention_module_init (GestRetentionModule *self)
{
}
