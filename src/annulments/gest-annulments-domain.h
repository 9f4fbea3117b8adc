/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Annulments module: its section, its settings and its mail. */
#define GEST_ANNULMENTS_MODULE_ID "annulments"

/* The GLib-only half of the Annulments module (Q1-Q4, Q12): invoice annulments and
 * re-invoicing, their documents and approvals, the synced annulment entities, the "annulment"
 * search hits (folios ANU-…), its CLI verb, reports and demonstration data. The CLI registers
 * it; the app registers its subclass GestAnnulmentsModule (the pages). */
#define GEST_TYPE_ANNULMENTS_DOMAIN (gest_annulments_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestAnnulmentsDomain, gest_annulments_domain, GEST, ANNULMENTS_DOMAIN, GObject)

struct _GestAnnulmentsDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_annulments_domain_new (void);

G_END_DECLS
