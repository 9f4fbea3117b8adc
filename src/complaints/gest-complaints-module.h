/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"
#include "gest-complaints-domain.h"

G_BEGIN_DECLS

/* The Complaints module in the app: GestComplaintsDomain with its section (the board of cases,
 * the case's detail, intake and closure) and its search hits. */
#define GEST_TYPE_COMPLAINTS_MODULE (gest_complaints_module_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintsModule, gest_complaints_module, GEST, COMPLAINTS_MODULE, GestComplaintsDomain)

G_END_DECLS
