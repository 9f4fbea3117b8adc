/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-workflow.h"

G_BEGIN_DECLS

/* T6, T7: the early-payoff trámite's steps as a workflow table (src/core/gest-workflow.h), in
 * GLib only: the desktop (gest-tramite-rules.c) and gestiona-server (gest-server-rules.c)
 * compile this one table, so a step rule and its refusal phrases exist once.
 *
 * - Steps 1..8 (T6); steps 4 to 6 are Conauto's, the others the dealer's (T7). Besides the
 *   moves within its own steps, Conauto takes a trámite from step 3 into 4 and back, and the
 *   dealer takes it from 6 to 7 (the dealer receives the invoice Conauto released). Nobody
 *   takes it back from 7 to 6: the dealer holds the invoice by then.
 * - Prerequisites are cumulative: step 4 needs the customer's payment, its proof and the
 *   documents sent to Conauto; step 5 the car-insurance cancellation; step 7 the invoice and
 *   guarantees released; step 8 the invoice delivered and the acknowledgment returned. Steps
 *   2 and 3 need nothing beyond the registration itself.
 *
 * The requirement ids are the names of the trámite's synced fields that record them, so the
 * server reads a requirement straight from a record's fields. */

#define GEST_TRAMITE_WORKFLOW_DEALER   "dealer"    /* any user of the dealership */
#define GEST_TRAMITE_WORKFLOW_CONAUTO  "conauto"   /* Conauto's sync or signed update file */

#define GEST_TRAMITE_NEED_PAYMENT       "payment_amount"
#define GEST_TRAMITE_NEED_PROOF         "payment_proof_uuid"
#define GEST_TRAMITE_NEED_DOCS          "docs_sent_at"
#define GEST_TRAMITE_NEED_INSURANCE     "insurance_cancelled_at"
#define GEST_TRAMITE_NEED_RELEASED      "invoice_released_at"
#define GEST_TRAMITE_NEED_DELIVERED     "invoice_delivered_at"
#define GEST_TRAMITE_NEED_ACK           "ack_returned_at"

/* The table, checked with gest_workflow_validate() on first use. */
const GestWorkflow *gest_tramite_workflow_get (void);

/* The trámites' rows of the permissions table (issue 12), compiled into the desktop and the
 * server like the workflow. "tramites.step.N" is moving a trámite into the dealer's step N
 * (no row for Conauto's steps 4 to 6: no dealer role may make them). */
#define GEST_TRAMITE_PERMISSION_REGISTER   "tramites.register"
#define GEST_TRAMITE_PERMISSION_STEP_BACK  "tramites.step-back"     /* a move backwards, with its reason */
#define GEST_TRAMITE_PERMISSION_CHECKLIST  "tramites.checklist"     /* tick or undo a checklist item */
#define GEST_TRAMITE_PERMISSION_PAYMENT    "tramites.payment"       /* record the customer's payment */
#define GEST_TRAMITE_PERMISSION_APPROVE    "tramites.approve"       /* approve an amount or payment outside the statement */

#include "gest-permissions.h"

const GestPermission *gest_tramite_permissions_get (guint *n_rows);
/* "tramites.step.4"; static strings, NULL for a step outside 1..8. */
const char           *gest_tramite_permission_step (int step);

G_END_DECLS
