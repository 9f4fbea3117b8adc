/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-sla.h"
#include "gest-complaints-domain.h"

static void gest_complaints_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestComplaintsDomain, gest_complaints_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_complaints_domain_iface_init))

static const char *
gest_complaints_domain_get_id (GestDomainModule *module)
{
  return GEST_COMPLAINTS_MODULE_ID;
}

/* Q7: the morning summary to the heads of customer service (helper "sla"). */
static gboolean
gest_complaints_domain_queue_due_mail (GestDomainModule  *module,
                                       GestStore         *store,
                                       gint64             now,
                                       GError           **error)
{
  return gest_complaint_morning_summary_send_if_due (store, now, error);
}

static void
gest_complaints_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_complaints_domain_get_id;
  iface->queue_due_mail = gest_complaints_domain_queue_due_mail;
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
