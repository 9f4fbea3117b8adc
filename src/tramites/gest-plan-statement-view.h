/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-tramite.h"

#include <gtk/gtk.h>

#include "gest-context.h"
#include "gest-plan-statement.h"

G_BEGIN_DECLS

/* T1, T2: a plan's account statement (balance, overdue amount, installment, life insurance and
 * the date they are as of; no payment projection) and, beside it, whom to call about its payoff:
 * the area, its phones and the reason, under the routing settings. A "New Payoff" button emits
 * ::new-tramite with the plan's uuid. */
#define GEST_TYPE_PLAN_STATEMENT_VIEW (gest_plan_statement_view_get_type ())
G_DECLARE_FINAL_TYPE (GestPlanStatementView, gest_plan_statement_view, GEST, PLAN_STATEMENT_VIEW, GtkWidget)

/* @plan_uuid: a plan's uuid or number, or NULL for an empty view. */
GtkWidget               *gest_plan_statement_view_new               (GestContext           *context,
                                                                     const char            *plan_uuid);
const char              *gest_plan_statement_view_get_plan_uuid     (GestPlanStatementView *self);
void                     gest_plan_statement_view_set_plan_uuid     (GestPlanStatementView *self,
                                                                     const char            *plan_uuid);
/* Reads the statement and the routing settings again. */
void                     gest_plan_statement_view_reload            (GestPlanStatementView *self);
/* The statement shown, or NULL (no plan, or it could not be loaded). */
const GestPlanStatement *gest_plan_statement_view_get_statement     (GestPlanStatementView *self);
/* The T2 decision shown, or NULL. */
const GestRoutingDecision *gest_plan_statement_view_get_routing     (GestPlanStatementView *self);
/* Why the statement is not shown, or NULL. */
const char              *gest_plan_statement_view_get_error_message (GestPlanStatementView *self);
/* The "New Payoff" button is shown by default; the new-trámite form hides it. */
void                     gest_plan_statement_view_set_show_new_button (GestPlanStatementView *self,
                                                                       gboolean               show);

/* Issue 12: the plan's open trámite shown (the button opens it instead of offering a new one),
 * or NULL. */
const GestTramite *gest_plan_statement_view_get_open_tramite (GestPlanStatementView *self);

G_END_DECLS
