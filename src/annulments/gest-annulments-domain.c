/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulments"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulments-domain.h"

static void gest_annulments_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestAnnulmentsDomain, gest_annulments_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_annulments_domain_iface_init))

static const char *
gest_annulments_domain_get_id (GestDomainModule *module)
{
  return GEST_ANNULMENTS_MODULE_ID;
}

static void
gest_annulments_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_annulments_domain_get_id;
}

static void
gest_annulments_domain_class_init (GestAnnulmentsDomainClass *klass)
{
}

static void
gest_annulments_domain_init (GestAnnulmentsDomain *self)
{
}

GestDomainModule *
gest_annulments_domain_new (void)
{
  return g_object_new (GEST_TYPE_ANNULMENTS_DOMAIN, NULL);
}
