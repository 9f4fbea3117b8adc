/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* A case's page (Q5-Q12): a configuration of the shared GestRecordDetail. The header names the
 * folio, the customer and the type; the status row the stage, with the move to the next one
 * and back (with a reason); then the SLA clock with its history and the waiting-on-customer
 * switch, the intake data, the account analysis from the customer's plan and the other
 * records' contact actions, the document status with its meaning, the tasks, the log entry
 * form ("Call", "Follow-up", "Note"), the solution with the head's approval, the letters,
 * the acceptance call, closure, reopening and the annulment. The documents (the scanned
 * letter, the answer letter) and the activity timeline are the record detail's own.
 *
 * Every change saves on the store's writer thread; a refusal shows in full under the group
 * where it was asked (gest-field-error.h), a success as a toast, and the page reloads. */
#define GEST_TYPE_COMPLAINT_DETAIL (gest_complaint_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintDetail, gest_complaint_detail, GEST, COMPLAINT_DETAIL, GtkWidget)

GtkWidget  *gest_complaint_detail_new          (GestContext         *context,
                                                const char          *complaint_uuid);
const char *gest_complaint_detail_get_uuid     (GestComplaintDetail *self);
/* Loads the case again and shows it. */
void        gest_complaint_detail_reload       (GestComplaintDetail *self);
/* For tests and the window. The stage shown (-1 when the case could not be loaded). */
int         gest_complaint_detail_get_stage    (GestComplaintDetail *self);
/* What a button would do, for tests: each starts the same save the button starts and returns
 * FALSE when it did not (a save in flight). The refusals show where the buttons are. */
gboolean    gest_complaint_detail_move_next    (GestComplaintDetail *self);
gboolean    gest_complaint_detail_add_log      (GestComplaintDetail *self,
                                                int                  kind,
                                                const char          *text,
                                                const char          *contact_name);
gboolean    gest_complaint_detail_approve      (GestComplaintDetail *self);
gboolean    gest_complaint_detail_set_waiting  (GestComplaintDetail *self,
                                                gboolean             waiting,
                                                const char          *note);
/* The message shown under a part of the page, or NULL: "status", "log", "solution",
 * "closure", "tasks", "sla". */
const char *gest_complaint_detail_get_error    (GestComplaintDetail *self,
                                                const char          *part);
/* The text of a row of the page whose title is @title (its subtitle or value), or NULL. */
const char *gest_complaint_detail_get_row_text (GestComplaintDetail *self,
                                                const char          *title);

G_END_DECLS
