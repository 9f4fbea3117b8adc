/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-complaint-dialog-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* Q9, Q10: the closure dialog. It closes the case with its cause, error and responsible area,
 * each chosen from the catalogs the head maintains; until the call in which the customer
 * accepts the solution is recorded it says so and Close stays off. Saves on the store's writer
 * thread (gest_complaint_close()); refusals show under the rows in the one error style.
 * Emits "saved" before it closes; Escape closes it. */
#define GEST_TYPE_COMPLAINT_CLOSURE_DIALOG (gest_complaint_closure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintClosureDialog, gest_complaint_closure_dialog, GEST, COMPLAINT_CLOSURE_DIALOG, AdwWindow)

GestComplaintClosureDialog *gest_complaint_closure_dialog_new (GtkWindow             *parent,
                                                       GestContext           *context,
                                                       const GestComplaint   *complaint);
/* Save, as the button does: FALSE when the dialog shows what is missing instead. */
gboolean      gest_complaint_closure_dialog_save       (GestComplaintClosureDialog *self);
/* What shows under the rows, for tests: @field's message, or the refusal (field -1). */
const char   *gest_complaint_closure_dialog_get_error  (GestComplaintClosureDialog *self,
                                              int                   field);
/* The message that says why the case cannot close yet (Q9), or NULL. */
const char   *gest_complaint_closure_dialog_get_blocked (GestComplaintClosureDialog *self);
/* Chooses the @n-th entry (0 = none) of @field's catalog, as the combo row does. */
void          gest_complaint_closure_dialog_choose      (GestComplaintClosureDialog *self,
                                                         GestComplaintClosureField   field,
                                                         guint                       n);

G_END_DECLS
