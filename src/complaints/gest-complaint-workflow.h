/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-permissions.h"

G_BEGIN_DECLS

/* The complaint's stages and what each move needs (Q6-Q12), in GLib only: the desktop
 * (gest-complaint-actions.c) and gestiona-server (gest-server-rules.c) compile this one file,
 * so a rule and its refusal phrase exist once.
 *
 * Stages are the board's columns, 0 to 6 (complaints.stage): received, assigned, monitoring,
 * negotiation, answered, annulment, closed. Forward, a stage needs what it and every earlier
 * stage need (cumulative):
 * - assigned (Q6): the document status (the assignment recorded it);
 * - monitoring: the "in process" message sent to the customer (Q6);
 * - negotiation: nothing more;
 * - answered (Q8): the solution approved by the head and the answer letter sent;
 * - annulment (Q12): the accepting call, the cause, error and area, and a linked annulment;
 * - closed (Q9, Q10): the accepting call and the cause, error and area (an annulment-bound
 *   case closes only when its annulment is filed).
 * Backwards, any open stage may go to an earlier one with a reason; nothing moves out of
 * "closed" but a reopening (to monitoring, with a reason). */

#define GEST_COMPLAINT_WORKFLOW_N_STAGES 7
#define GEST_COMPLAINT_WORKFLOW_ANNULMENT 5
#define GEST_COMPLAINT_WORKFLOW_CLOSED 6

/* What the rules look at, read from a stored case or from a synced record's fields. */
typedef struct
{
  int          stage;
  const char  *folio;
  gboolean     document_status;   /* complaints.document_status set */
  gboolean     in_process_sent;   /* in_process_sent_at */
  gboolean     solution_approved; /* solution_approved_at */
  gboolean     answer_sent;       /* answer_sent_at */
  gboolean     acceptance_call;   /* acceptance_call_at */
  gboolean     cause;             /* cause_uuid */
  gboolean     error;             /* error_uuid */
  gboolean     area;              /* area_uuid */
  gboolean     annulment;         /* annulment_uuid */
} GestComplaintFacts;

/* "received"... (not translated: the ids the CLI accepts); NULL outside 0..6. */
const char *gest_complaint_workflow_stage_id    (int          stage);
/* The column's title, translated ("Recibida" in Spanish). */
const char *gest_complaint_workflow_stage_title (int          stage);
/* -1 when @id is no stage id. */
int         gest_complaint_workflow_stage_from_id (const char *id);

/* The phrases of what @facts still lack for stage @to ("the head's approval of the
 * solution"), translated, in order; empty when nothing. */
GPtrArray  *gest_complaint_workflow_missing     (const GestComplaintFacts *facts,
                                                 int                       to);
/* Why the case may not move from facts->stage to @to now (translated, naming the folio), or
 * NULL. A move back needs @reason (not blank). @by_close is TRUE for the closure itself
 * (gest_complaint_close), which the board's move may not do. */
char       *gest_complaint_workflow_refusal     (const GestComplaintFacts *facts,
                                                 int                       to,
                                                 const char               *reason,
                                                 gboolean                  by_close);

/* The complaints' rows of the permissions table, compiled into the desktop and the server. */
#define GEST_COMPLAINT_PERMISSION_REGISTER  "complaints.register"   /* Q5 intake */
#define GEST_COMPLAINT_PERMISSION_WORK      "complaints.work"       /* assign, log, move, solution, letters, calls */
#define GEST_COMPLAINT_PERMISSION_STEP_BACK "complaints.step-back"  /* a move back, with its reason */
#define GEST_COMPLAINT_PERMISSION_APPROVE   "complaints.approve"    /* Q8: the head's approval */
#define GEST_COMPLAINT_PERMISSION_CLOSE     "complaints.close"      /* Q9, Q10 */
#define GEST_COMPLAINT_PERMISSION_REOPEN    "complaints.reopen"
#define GEST_COMPLAINT_PERMISSION_TASKS     "complaints.tasks"      /* Q6: tasks of a case */
#define GEST_COMPLAINT_PERMISSION_CATALOGS  "complaints.catalogs"   /* Q10: causes, errors, areas */
#define GEST_COMPLAINT_PERMISSION_SETTINGS  "complaints.settings"   /* SLA targets, templates */

const GestPermission *gest_complaint_permissions_get (guint *n_rows);

G_END_DECLS
