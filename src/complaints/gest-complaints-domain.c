/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaints-domain.h"
#include "gest-complaints-reports.h"

static void gest_complaints_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestComplaintsDomain, gest_complaints_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_complaints_domain_iface_init))

static const char *
gest_complaints_domain_get_id (GestDomainModule *module)
{
  return GEST_COMPLAINTS_MODULE_ID;
}

static void
gest_complaints_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_complaints_domain_get_id;
  iface->get_reports = gest_complaints_reports_get;
}

static void
gest_complaints_domain_class_init (GestComplaintsDomainClass *klass)
{
}

static void
gest_complaints_domain_init (GestComplaintsDomain *self)
{
}

GestDomainModule *
gest_complaints_domain_new (void)
{
  return g_object_new (GEST_TYPE_COMPLAINTS_DOMAIN, NULL);
}
