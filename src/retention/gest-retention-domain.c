/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact-letter.h"
#include "gest-retention-domain.h"
#include "gest-retention-reports.h"

static void gest_retention_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestRetentionDomain, gest_retention_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_retention_domain_iface_init))

static const char *
gest_retention_domain_get_id (GestDomainModule *module)
{
  return GEST_RETENTION_MODULE_ID;
}

static void
gest_retention_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_retention_domain_get_id;
  iface->get_reports = gest_retention_reports_get;
  iface->mail_sent = gest_contact_letter_mail_sent;
}

static void
gest_retention_domain_class_init (GestRetentionDomainClass *klass)
{
}

static void
gest_retention_domain_init (GestRetentionDomain *self)
{
}

GestDomainModule *
gest_retention_domain_new (void)
{
  return g_object_new (GEST_TYPE_RETENTION_DOMAIN, NULL);
}
