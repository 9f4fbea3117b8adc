/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-annulments-domain.h"

G_BEGIN_DECLS

/* The Annulments module in the app: GestAnnulmentsDomain with its section (the board of
 * annulment requests and their detail with the documents checklist) and its search hits. */
#define GEST_TYPE_ANNULMENTS_MODULE (gest_annulments_module_get_type ())
G_DECLARE_FINAL_TYPE (GestAnnulmentsModule, gest_annulments_module, GEST, ANNULMENTS_MODULE, GestAnnulmentsDomain)

G_END_DECLS
