/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Early Payoffs module: its section, its settings and its mail. */
#define GEST_TRAMITES_MODULE_ID "tramites"

/* The GLib-only half of the Early Payoffs module (T1-T7): the synced "tramite" entity and
 * its checks, the "tramite" search hits (folios), the `gestiona-cli tramite` verb, its
 * reports, its demonstration data, the documents email and the rejections the server sends
 * back. The CLI registers it; the app registers its subclass GestTramitesModule (the pages). */
#define GEST_TYPE_TRAMITES_DOMAIN (gest_tramites_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestTramitesDomain, gest_tramites_domain, GEST, TRAMITES_DOMAIN, GObject)

struct _GestTramitesDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_tramites_domain_new (void);

G_END_DECLS
