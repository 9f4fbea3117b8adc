/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaints-module.h"

struct _GestComplaintsModule
{
  GestComplaintsDomain parent_instance;
};

static void gest_complaints_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestComplaintsModule, gest_complaints_module, GEST_TYPE_COMPLAINTS_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_complaints_module_iface_init))

static const char *
gest_complaints_module_get_title (GestModule *module)
{
  return _("Complaints");
}

static const char *
gest_complaints_module_get_icon_name (GestModule *module)
{
  return "mail-mark-important-symbolic";
}

static int
gest_complaints_module_get_position (GestModule *module)
{
  return 30;
}

/* SKELETON: the module's helper replaces this with the board page. */
static GtkWidget *
gest_complaints_module_create_page (GestModule  *module,
                             GestContext *context)
{
  return adw_status_page_new ();
}

static void
gest_complaints_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_complaints_module_get_title;
  iface->get_icon_name = gest_complaints_module_get_icon_name;
  iface->get_position = gest_complaints_module_get_position;
  iface->create_page = gest_complaints_module_create_page;
}

static void
gest_complaints_module_class_init (GestComplaintsModuleClass *klass)
{
}

static void
gest_complaints_module_init (GestComplaintsModule *self)
{
}
