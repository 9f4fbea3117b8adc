/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-tramites-domain.h"

G_BEGIN_DECLS

/* The Early Payoffs module in the app: GestTramitesDomain with its section (the board of
 * trámites, GestTramitesPage) and its search hits: a folio opens the trámite; a customer, a
 * vehicle or a plan opens the plan's account statement with whom to call (T1, T2). */
#define GEST_TYPE_TRAMITES_MODULE (gest_tramites_module_get_type ())
G_DECLARE_FINAL_TYPE (GestTramitesModule, gest_tramites_module, GEST, TRAMITES_MODULE, GestTramitesDomain)

G_END_DECLS
