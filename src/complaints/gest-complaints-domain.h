/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The id of the Complaints module: its section, its settings and its mail. */
#define GEST_COMPLAINTS_MODULE_ID "complaints"

/* The GLib-only half of the Complaints module (Q5-Q11): the synced complaint entities and their
 * checks, the "complaint" search hits (folios QJA-…), `gestiona-cli queja`, its reports, its
 * demonstration data, its mail and the rejections the server sends back. The CLI registers it;
 * the app registers its subclass GestComplaintsModule (the pages). */
#define GEST_TYPE_COMPLAINTS_DOMAIN (gest_complaints_domain_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestComplaintsDomain, gest_complaints_domain, GEST, COMPLAINTS_DOMAIN, GObject)

struct _GestComplaintsDomainClass
{
  GObjectClass parent_class;
};

GestDomainModule *gest_complaints_domain_new (void);

G_END_DECLS
