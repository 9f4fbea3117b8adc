/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-plan-statement-window.h"
#include "gest-search.h"
#include "gest-tramites-module.h"
#include "gest-tramites-page.h"

struct _GestTramitesModule
{
  GestTramitesDomain parent_instance;
};

static void gest_tramites_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestTramitesModule, gest_tramites_module, GEST_TYPE_TRAMITES_DOMAIN,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_tramites_module_iface_init))

static const char *
gest_tramites_module_get_title (GestModule *module)
{
  return _("Early Payoffs");
}

static const char *
gest_tramites_module_get_icon_name (GestModule *module)
{
  return "document-edit-symbolic";
}

static int
gest_tramites_module_get_position (GestModule *module)
{
  return 10;
}

static GtkWidget *
gest_tramites_module_create_page (GestModule  *module,
                                  GestContext *context)
{
  return gest_tramites_page_new (context);
}

/* A folio opens in the Early Payoffs page; a customer, vehicle or plan opens the plan's
 * account statement with whom to call (T1, T2). */
static gboolean
gest_tramites_module_open_hit (GestModule  *module,
                               GestContext *context,
                               GtkWidget   *page,
                               const char  *kind,
                               const char  *uuid)
{
  GtkRoot *root;

  if (g_str_equal (kind, "tramite"))
    {
      if (!GEST_IS_TRAMITES_PAGE (page))
        return FALSE;
      gest_tramites_page_show_tramite (GEST_TRAMITES_PAGE (page), uuid);
      return TRUE;
    }
  if (!g_str_equal (kind, GEST_HIT_CUSTOMER) && !g_str_equal (kind, GEST_HIT_PLAN) &&
      !g_str_equal (kind, GEST_HIT_VEHICLE))
    return FALSE;
  root = page != NULL ? gtk_widget_get_root (page) : NULL;
  gest_plan_statement_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, context, uuid);
  return TRUE;
}

static void
gest_tramites_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_tramites_module_get_title;
  iface->get_icon_name = gest_tramites_module_get_icon_name;
  iface->get_position = gest_tramites_module_get_position;
  iface->create_page = gest_tramites_module_create_page;
  iface->open_hit = gest_tramites_module_open_hit;
}

static void
gest_tramites_module_class_init (GestTramitesModuleClass *klass)
{
}

static void
gest_tramites_module_init (GestTramitesModule *self)
{
}
