/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* T1: a window with a plan's account statement and routing card, opened from the global search
 * (a customer, a vehicle or a plan). Its "New Payoff" button opens the new-trámite form;
 * Escape closes it.
 * @record_uuid: the uuid of a plan, or of a customer or vehicle whose most recent plan is
 * shown. Closes with @parent. */
GtkWindow *gest_plan_statement_window_present (GtkWindow   *parent,
                                               GestContext *context,
                                               const char  *record_uuid);

/* The plan uuid for a plan, customer or vehicle uuid, or NULL if it has none. */
char      *gest_plan_statement_window_find_plan (GestStore  *store,
                                                 const char *record_uuid);

G_END_DECLS
