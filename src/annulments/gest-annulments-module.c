/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulments-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulments-module.h"

struct _GestAnnulmentsModule
{
  GestAnnulmentsDomain parent_instance;
};

static void gest_annulments_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestAnnulmentsModule, gest_annulments_module, GEST_TYPE_ANNULMENTS_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_annulments_module_iface_init))

static const char *
gest_annulments_module_get_title (GestModule *module)
{
  return _("Annulments");
}

static const char *
gest_annulments_module_get_icon_name (GestModule *module)
{
  return "edit-undo-symbolic";
}

static int
gest_annulments_module_get_position (GestModule *module)
{
  return 40;
}

/* SKELETON: the module's helper replaces this with the board page. */
static GtkWidget *
gest_annulments_module_create_page (GestModule  *module,
                             GestContext *context)
{
  return adw_status_page_new ();
}

static void
gest_annulments_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_annulments_module_get_title;
  iface->get_icon_name = gest_annulments_module_get_icon_name;
  iface->get_position = gest_annulments_module_get_position;
  iface->create_page = gest_annulments_module_create_page;
}

static void
gest_annulments_module_class_init (GestAnnulmentsModuleClass *klass)
{
}

static void
gest_annulments_module_init (GestAnnulmentsModule *self)
{
}
