/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-plan-edit.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The form that registers or edits a Conauto plan of a customer (issue 12), a modal window:
 * number, one of the customer's vehicles, and the figures of Conauto's statement (money and
 * date rows). Saves through gest_plan_save_async() and emits "saved" with the plan's uuid. */
#define GEST_TYPE_PLAN_EDITOR (gest_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (GestPlanEditor, gest_plan_editor, GEST, PLAN_EDITOR, AdwWindow)

/* @values: the plan to edit, or a new one's (gest_plan_values_new (customer)). */
GestPlanEditor       *gest_plan_editor_new        (GtkWindow            *parent,
                                                   GestStore            *store,
                                                   const GestPlanValues *values);
const GestPlanValues *gest_plan_editor_get_values (GestPlanEditor       *self);
GtkWidget            *gest_plan_editor_get_row    (GestPlanEditor       *self,
                                                   GestPlanField         field);
void                  gest_plan_editor_save       (GestPlanEditor       *self);

G_END_DECLS
