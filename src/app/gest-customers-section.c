/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customers-section"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customers-section-page.h"
#include "gest-customers-section.h"
#include "gest-module.h"
#include "gest-search.h"

struct _GestCustomersSection
{
  GObject parent_instance;
};

static void domain_iface_init (GestDomainModuleInterface *iface);
static void module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestCustomersSection, gest_customers_section, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, domain_iface_init)
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, module_iface_init))

/* The shared kind, claimed so the window opens a customer hit here (its label and icon are the
 * search's own: gest_search_kind_lookup() finds the shared kind first). */
static const GestSearchKind search_kinds[] = {
  { GEST_HIT_CUSTOMER, N_("Customer"), "avatar-default-symbolic", NULL },
};

static const char *
get_id (GestDomainModule *module)
{
  return "customers";
}

static const GestSearchKind *
get_search_kinds (GestDomainModule *module,
                  guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const char *
get_title (GestModule *module)
{
  return _("Customers");
}

static const char *
get_icon_name (GestModule *module)
{
  return "system-users-symbolic";
}

/* After the first module's board (the window opens on the first section), before the rest. */
static int
get_position (GestModule *module)
{
  return 15;
}

static GtkWidget *
create_page (GestModule  *module,
             GestContext *context)
{
  return gest_customers_section_page_new (gest_context_get_store (context));
}

static gboolean
open_hit (GestModule  *module,
          GestContext *context,
          GtkWidget   *page,
          const char  *kind,
          const char  *uuid)
{
  if (!g_str_equal (kind, GEST_HIT_CUSTOMER) || !GEST_IS_CUSTOMERS_SECTION_PAGE (page))
    return FALSE;
  gest_customers_section_page_show_customer (GEST_CUSTOMERS_SECTION_PAGE (page), uuid);
  return TRUE;
}

static void
domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = get_id;
  iface->get_search_kinds = get_search_kinds;
}

static void
module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = get_title;
  iface->get_icon_name = get_icon_name;
  iface->get_position = get_position;
  iface->create_page = create_page;
  iface->open_hit = open_hit;
}

static void
gest_customers_section_class_init (GestCustomersSectionClass *klass)
{
}

static void
gest_customers_section_init (GestCustomersSection *self)
{
}

void
gest_customers_section_register (void)
{
  g_autoptr(GestCustomersSection) section = g_object_new (GEST_TYPE_CUSTOMERS_SECTION, NULL);

  gest_domain_modules_add (GEST_DOMAIN_MODULE (section));
}
