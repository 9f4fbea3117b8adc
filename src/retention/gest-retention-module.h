/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-retention-domain.h"

G_BEGIN_DECLS

/* The Retention module in the app: GestRetentionDomain with its section "Contacto
 * proactivo" (the day's queue and its call panel, the lapsed-maintenance list, service
 * visits, the letters to print) and its preferences (scripts, letters, promotions). */
#define GEST_TYPE_RETENTION_MODULE (gest_retention_module_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionModule, gest_retention_module, GEST, RETENTION_MODULE, GestRetentionDomain)

G_END_DECLS
