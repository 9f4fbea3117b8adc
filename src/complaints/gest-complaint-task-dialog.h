/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-complaint-dialog-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* Q6: a task of a case for one of the active users, with what has to be done and its due
 * day; the assignee sees it in "My Tasks". Saves on the store's writer thread
 * (gest_complaint_add_task()); what is wrong shows under the rows. Emits "saved" before it
 * closes; Escape closes it. */
#define GEST_TYPE_COMPLAINT_TASK_DIALOG (gest_complaint_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintTaskDialog, gest_complaint_task_dialog, GEST, COMPLAINT_TASK_DIALOG, AdwWindow)

GestComplaintTaskDialog *gest_complaint_task_dialog_new (GtkWindow             *parent,
                                                    GestContext           *context,
                                                    const char            *complaint_uuid);
/* Save, as the button does: FALSE when the dialog shows what is missing instead. */
gboolean      gest_complaint_task_dialog_save       (GestComplaintTaskDialog *self);
/* What shows under the rows, for tests: @field's message, or the refusal (field -1). */
const char   *gest_complaint_task_dialog_get_error  (GestComplaintTaskDialog *self,
                                              int                   field);
/* Fills the fields as the user would type them (@assignee_uuid among the active users). */
void          gest_complaint_task_dialog_fill (GestComplaintTaskDialog *self,
                                               const char              *assignee_uuid,
                                               const char              *description,
                                               const char              *due_text);

G_END_DECLS
