/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaints-module.h"
#include "gest-complaints-page.h"
#include "gest-complaints-preferences-page.h"
#include "gest-complaint-templates-page.h"

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

static GtkWidget *
gest_complaints_module_create_page (GestModule  *module,
                                    GestContext *context)
{
  return gest_complaints_page_new (context);
}

/* A folio ("complaint") opens the case in the Complaints page. */
static gboolean
gest_complaints_module_open_hit (GestModule  *module,
                                 GestContext *context,
                                 GtkWidget   *page,
                                 const char  *kind,
                                 const char  *uuid)
{
  if (!g_str_equal (kind, "complaint") || !GEST_IS_COMPLAINTS_PAGE (page))
    return FALSE;
  gest_complaints_page_show_complaint (GEST_COMPLAINTS_PAGE (page), uuid);
  return TRUE;
}

/* The head's catalogs (Q10) and SLA targets, and the letters' templates (Q6, Q8). */
static GPtrArray *
gest_complaints_module_create_preferences_pages (GestModule  *module,
                                                 GestContext *context)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, gest_complaints_preferences_page_new (context));
  g_ptr_array_add (pages, gest_complaint_templates_page_new (context));
  return pages;
}

static void
gest_complaints_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_complaints_module_get_title;
  iface->get_icon_name = gest_complaints_module_get_icon_name;
  iface->get_position = gest_complaints_module_get_position;
  iface->create_page = gest_complaints_module_create_page;
  iface->open_hit = gest_complaints_module_open_hit;
  iface->create_preferences_pages = gest_complaints_module_create_preferences_pages;
}

static void
gest_complaints_module_class_init (GestComplaintsModuleClass *klass)
{
}

static void
gest_complaints_module_init (GestComplaintsModule *self)
{
}
