/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-domain.h"
#include "gest-agenda-mail.h"
#include "gest-agenda-reports.h"

static void gest_agenda_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestAgendaDomain, gest_agenda_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_agenda_domain_iface_init))

static const char *
gest_agenda_domain_get_id (GestDomainModule *module)
{
  return GEST_AGENDA_MODULE_ID;
}

static void
gest_agenda_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_agenda_domain_get_id;
  iface->get_reports = gest_agenda_reports_get;
  iface->queue_due_mail = gest_agenda_queue_due_mail;
  iface->mail_sent = gest_agenda_mail_sent;
}

static void
gest_agenda_domain_class_init (GestAgendaDomainClass *klass)
{
}

static void
gest_agenda_domain_init (GestAgendaDomain *self)
{
}

GestDomainModule *
gest_agenda_domain_new (void)
{
  return g_object_new (GEST_TYPE_AGENDA_DOMAIN, NULL);
}
