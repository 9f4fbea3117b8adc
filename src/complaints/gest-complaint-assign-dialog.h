/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-complaint-dialog-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* Q6: the assignment dialog: the responsible among the active users, the document status
 * code (OG, AA, AN, PR, PN) with what it means, the advisor and the commercial coordinator.
 * Saves on the store's writer thread (gest_complaint_assign()); refusals show under the rows.
 * Emits "saved" before it closes; Escape closes it. */
#define GEST_TYPE_COMPLAINT_ASSIGN_DIALOG (gest_complaint_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintAssignDialog, gest_complaint_assign_dialog, GEST, COMPLAINT_ASSIGN_DIALOG, AdwWindow)

GestComplaintAssignDialog *gest_complaint_assign_dialog_new (GtkWindow             *parent,
                                                      GestContext           *context,
                                                      const GestComplaint   *complaint);
/* Save, as the button does: FALSE when the dialog shows what is missing instead. */
gboolean      gest_complaint_assign_dialog_save       (GestComplaintAssignDialog *self);
/* What shows under the rows, for tests: @field's message, or the refusal (field -1). */
const char   *gest_complaint_assign_dialog_get_error  (GestComplaintAssignDialog *self,
                                              int                   field);
/* The meaning of the document status chosen, as shown under its row, or NULL. */
const char   *gest_complaint_assign_dialog_get_status_meaning (GestComplaintAssignDialog *self);
/* Chooses the document status code (NULL: not reviewed), as the combo row does. */
void          gest_complaint_assign_dialog_set_status          (GestComplaintAssignDialog *self,
                                                                const char                *code);

G_END_DECLS
