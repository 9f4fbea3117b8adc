/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-complaint-intake-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* Q5: the intake window, a modal window over the board. The analyst chooses the type and how
 * it arrived (by phone: they type it; in writing: the scanned letter, previewed, with its text
 * typed as the summary), finds the customer or creates them with the customer editor, picks
 * the plan and vehicle of that customer where they apply, writes who complains and the
 * summary, and chooses the primary responsible among the active users. Register saves on the
 * store's writer thread (gest_complaint_create()); what is wrong shows under each group in
 * the one error style. Emits "saved" (uuid, folio) before it closes. Escape closes it. */
#define GEST_TYPE_COMPLAINT_INTAKE_WINDOW (gest_complaint_intake_window_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintIntakeWindow, gest_complaint_intake_window, GEST, COMPLAINT_INTAKE_WINDOW, AdwWindow)

GestComplaintIntakeWindow             *gest_complaint_intake_window_new          (GtkWindow           *parent,
                                                                     GestContext         *context);
const GestComplaintIntakeValues *gest_complaint_intake_window_get_values   (GestComplaintIntakeWindow *self);
/* As choosing a search result (or saving the customer editor) does. */
void                             gest_complaint_intake_window_set_customer (GestComplaintIntakeWindow *self,
                                                                     const char          *uuid,
                                                                     const char          *name);
/* As choosing the scan in the file chooser does; the preview shows it. */
void                             gest_complaint_intake_window_set_letter   (GestComplaintIntakeWindow *self,
                                                                     const char          *path);
/* Register, as the button does: FALSE when the form shows what is missing instead. */
gboolean                         gest_complaint_intake_window_register     (GestComplaintIntakeWindow *self);
/* What shows under the groups, for tests: @field's message, or the refusal (field -1). */
const char                      *gest_complaint_intake_window_get_error    (GestComplaintIntakeWindow *self,
                                                                     int                  field);
/* The case registered, once "saved" was emitted. */
const char                      *gest_complaint_intake_window_get_folio    (GestComplaintIntakeWindow *self);
const char                      *gest_complaint_intake_window_get_uuid     (GestComplaintIntakeWindow *self);
/* For tests: the number of plans offered for the customer (without "none"). */
guint                            gest_complaint_intake_window_get_n_plans  (GestComplaintIntakeWindow *self);

G_END_DECLS
