/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Retention module: its section, its settings and its mail. */
#define GEST_RETENTION_MODULE_ID "retention"

/* The GLib-only half of the Retention module, "Contacto proactivo" (S4-S6, S8, S15): service
 * visits (from the DMS or recorded here), the monthly lapsed-maintenance list, pending parts
 * and quotes to call back, and the one day's queue that gathers every module's contact
 * sources (GestContactSource) with its call cadence, scripts, calls and the letters after the
 * fifth failed attempt; synced entities, CLI verbs, reports and demonstration data. The CLI
 * registers it; the app registers its subclass GestRetentionModule (the pages). */
#define GEST_TYPE_RETENTION_DOMAIN (gest_retention_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestRetentionDomain, gest_retention_domain, GEST, RETENTION_DOMAIN, GObject)

struct _GestRetentionDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_retention_domain_new (void);

G_END_DECLS
