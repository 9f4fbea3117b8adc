/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reports-section"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-module.h"
#include "gest-reports-section-page.h"
#include "gest-reports-section.h"

struct _GestReportsSection
{
  GObject parent_instance;
};

static void domain_iface_init (GestDomainModuleInterface *iface);
static void module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestReportsSection, gest_reports_section, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, domain_iface_init)
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, module_iface_init))

static const char *
get_id (GestDomainModule *module)
{
  return "reports";
}

static const char *
get_title (GestModule *module)
{
  return _("Reports");
}

static const char *
get_icon_name (GestModule *module)
{
  return "x-office-spreadsheet-symbolic";
}

/* Last in the sidebar, where the planned section was. */
static int
get_position (GestModule *module)
{
  return 70;
}

static GtkWidget *
create_page (GestModule  *module,
             GestContext *context)
{
  return gest_reports_section_page_new (context);
}

static void
domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = get_id;
}

static void
module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = get_title;
  iface->get_icon_name = get_icon_name;
  iface->get_position = get_position;
  iface->create_page = create_page;
}

static void
gest_reports_section_class_init (GestReportsSectionClass *klass)
{
}

static void
gest_reports_section_init (GestReportsSection *self)
{
}

void
gest_reports_section_register (void)
{
  g_autoptr(GestReportsSection) section = g_object_new (GEST_TYPE_REPORTS_SECTION, NULL);

  gest_domain_modules_add (GEST_DOMAIN_MODULE (section));
}
