/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* A complaint or claim (Q5-Q12): the case's model and every change the analysts and the head
 * of customer service make to it. GLib only; the CLI, the pages and the sync use it.
 *
 * Every change here is a blocking function that runs in the caller's transaction (the CLI,
 * or the store's writer thread through the _async wrapper): it checks the signed-in user's
 * permission (gest_store_check_permission()), reloads the row and runs the rules on what is
 * stored now (gest_record_change_run()), writes, appends the case's activity entry (X5), and
 * lets the SLA clock recompute (gest_complaint_sla_update()). A refusal is a
 * GEST_ERROR_REFUSED / GEST_ERROR_PERMISSION whose translated message says what is missing
 * and how to get it; nothing is written then.
 */

#define GEST_COMPLAINT_FOLIO_PREFIX "QJA"

/* The board's columns, in order (complaints.stage). */
typedef enum
{
  GEST_COMPLAINT_RECEIVED,     /* Recibida */
  GEST_COMPLAINT_ASSIGNED,     /* Asignada (Q6) */
  GEST_COMPLAINT_MONITORING,   /* En seguimiento (Q7) */
  GEST_COMPLAINT_NEGOTIATION,  /* Negociación (Q8) */
  GEST_COMPLAINT_ANSWERED,     /* Respuesta enviada (Q8) */
  GEST_COMPLAINT_ANNULMENT,    /* Anulación (Q12): waits for its annulment to be filed */
  GEST_COMPLAINT_CLOSED,       /* Cerrada (Q9, Q10) */
  GEST_N_COMPLAINT_STAGES
} GestComplaintStage;

typedef enum
{
  GEST_COMPLAINT_KIND_COMPLAINT,   /* "complaint": queja */
  GEST_COMPLAINT_KIND_CLAIM,       /* "claim": reclamo */
} GestComplaintKind;

typedef enum
{
  GEST_COMPLAINT_CHANNEL_PHONE,    /* "phone": the analyst types it */
  GEST_COMPLAINT_CHANNEL_WRITING,  /* "writing": a scanned letter, its text typed as the summary */
} GestComplaintChannel;

/* Q6: the document's status codes (complaints.document_status). */
typedef enum
{
  GEST_DOCUMENT_STATUS_OG,
  GEST_DOCUMENT_STATUS_AA,
  GEST_DOCUMENT_STATUS_AN,
  GEST_DOCUMENT_STATUS_PR,
  GEST_DOCUMENT_STATUS_PN,
  GEST_N_DOCUMENT_STATUSES
} GestDocumentStatus;

/* Q7: an entry of the case's log. */
typedef enum
{
  GEST_COMPLAINT_LOG_CALL,       /* a call with the customer (activity kind "call") */
  GEST_COMPLAINT_LOG_FOLLOW_UP,  /* a follow-up with an involved area ("note", contact = the area) */
  GEST_COMPLAINT_LOG_NOTE,       /* a progress note ("note") */
} GestComplaintLogKind;

/* SLA states (complaints.sla_state). */
typedef enum
{
  GEST_COMPLAINT_SLA_ON_TIME,
  GEST_COMPLAINT_SLA_AT_RISK,
  GEST_COMPLAINT_SLA_MISSED,
} GestComplaintSlaState;

const char *gest_complaint_stage_label      (GestComplaintStage    stage);   /* "Recibida" */
const char *gest_complaint_kind_id          (GestComplaintKind     kind);    /* "complaint" */
const char *gest_complaint_kind_label       (GestComplaintKind     kind);    /* "Queja" */
gboolean    gest_complaint_kind_from_id     (const char           *id,
                                             GestComplaintKind    *out);
const char *gest_complaint_channel_id       (GestComplaintChannel  channel);
const char *gest_complaint_channel_label    (GestComplaintChannel  channel);
gboolean    gest_complaint_channel_from_id  (const char           *id,
                                             GestComplaintChannel *out);
const char *gest_document_status_code       (GestDocumentStatus    status);  /* "OG" */
/* What the code means, in a sentence the UI shows beside it (translated). */
const char *gest_document_status_meaning    (GestDocumentStatus    status);
gboolean    gest_document_status_from_code  (const char           *code,
                                             GestDocumentStatus   *out);

/* Q5: what the intake form collects. Strings are borrowed; NULL or "" for none. */
typedef struct
{
  GestComplaintKind     kind;
  GestComplaintChannel  channel;
  const char           *customer_uuid;      /* required: found or created before */
  const char           *plan_uuid;          /* where it applies */
  const char           *vehicle_uuid;       /* where it applies */
  const char           *invoice_number;     /* where it applies */
  const char           *complainant_name;   /* required */
  const char           *complainant_role;
  const char           *summary;            /* required */
  const char           *letter_path;        /* required in writing: the scan, stored as a
                                             * customer-letter document of the case */
  const char           *responsible_uuid;   /* required: an active user */
} GestComplaintIntake;

/* NULL when @intake can be registered, else the first thing wrong, translated, for the form
 * (gest_complaint_create() checks it again, with the database). */
char       *gest_complaint_intake_check     (const GestComplaintIntake *intake);
/* Q5: registers the case with its folio (QJA-YYYY-NNNNNN), at stage "received", and starts
 * its SLA clock. */
gboolean    gest_complaint_create           (GestStore                 *store,
                                             const GestComplaintIntake *intake,
                                             char                     **out_uuid,
                                             char                     **out_folio,
                                             GError                   **error);

/* A case as stored, with the names the detail shows (joined). Owned by the caller. */
typedef struct
{
  char                  *uuid;
  char                  *folio;
  GestComplaintKind      kind;
  GestComplaintChannel   channel;
  GestComplaintStage     stage;
  gint64                 stage_since;
  char                  *customer_uuid;
  char                  *customer_name;
  char                  *customer_email;
  char                  *customer_phone;
  char                  *customer_city;
  char                  *plan_uuid;           /* NULL when none */
  char                  *plan_number;
  char                  *vehicle_uuid;
  char                  *vehicle_label;       /* "Ford Ranger 2023, VIN …" */
  char                  *invoice_number;
  char                  *complainant_name;
  char                  *complainant_role;
  char                  *summary;
  char                  *letter_document_uuid;
  char                  *responsible_uuid;
  char                  *responsible_name;
  gint64                 in_process_sent_at;  /* 0 when not yet */
  char                  *in_process_channel;  /* "email", "phone" or NULL */
  char                  *document_status;     /* "OG"... or NULL */
  char                  *advisor_name;
  char                  *commercial_coordinator;
  gint64                 last_log_at;
  char                  *last_log_day;
  gboolean               waiting_customer;
  gint64                 first_response_at;
  gint64                 response_due_at;
  gint64                 resolution_due_at;
  GestComplaintSlaState  sla_state;
  char                  *solution;
  char                  *solution_approved_by_name;
  gint64                 solution_approved_at;
  gint64                 answer_sent_at;
  char                  *answer_document_uuid;
  gint64                 receipt_confirmed_at;
  gint64                 acceptance_call_at;
  char                  *acceptance_note;
  char                  *cause_uuid;
  char                  *cause_label;
  char                  *error_uuid;
  char                  *error_label;
  char                  *area_uuid;
  char                  *area_label;
  gint64                 closed_at;
  int                    reopened_count;
  char                  *annulment_uuid;
  gint64                 created_at;
  gint64                 updated_at;
} GestComplaint;

/* @uuid may also be the folio ("QJA-2026-000001"); the changes below take the uuid. */
GestComplaint *gest_complaint_load          (GestStore     *store,
                                             const char    *uuid,
                                             GError       **error);
void           gest_complaint_free          (GestComplaint *complaint);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaint, gest_complaint_free)

/* Q6: the assignment: the responsible (an active user), the document status, the advisor
 * and the commercial coordinator; moves a received case to "assigned". */
gboolean    gest_complaint_assign           (GestStore     *store,
                                             const char    *uuid,
                                             const char    *responsible_uuid,
                                             const char    *document_status,
                                             const char    *advisor_name,
                                             const char    *commercial_coordinator,
                                             GError       **error);
/* Q7: a call, a follow-up with an area (@contact_name: the area or person) or a progress
 * note; appended to the case's log, and the case's last entry (last_log_at/_day) moves. */
gboolean    gest_complaint_add_log          (GestStore            *store,
                                             const char           *uuid,
                                             GestComplaintLogKind  kind,
                                             const char           *text,
                                             const char           *contact_name,
                                             const char           *contact_role,
                                             GError              **error);
/* A move on the board (or `gestiona-cli queja move`): checks the stage's prerequisites; a
 * move back needs @reason (logged). Closing goes through gest_complaint_close(). */
gboolean    gest_complaint_move             (GestStore           *store,
                                             const char          *uuid,
                                             GestComplaintStage   to,
                                             const char          *reason,
                                             GError             **error);
/* Why @complaint may not go to @to now (translated), or NULL; what the board and the CLI
 * say. Pure: no database. */
char       *gest_complaint_move_refusal     (const GestComplaint *complaint,
                                             GestComplaintStage   to,
                                             const char          *reason);
/* Q8: the solution the analyst proposes (editing it after its approval withdraws it). */
gboolean    gest_complaint_set_solution     (GestStore     *store,
                                             const char    *uuid,
                                             const char    *solution,
                                             GError       **error);
/* Q8: the head of customer service approves the solution (permission complaints.approve). */
gboolean    gest_complaint_approve_solution (GestStore     *store,
                                             const char    *uuid,
                                             GError       **error);
/* Q8: the answer letter went out (printed or emailed, by gest-complaint-letter.c): keeps
 * its PDF as an answer-letter document and the areas it was copied to; moves to
 * "answered". Requires the approved solution. */
gboolean    gest_complaint_record_answer_sent (GestStore    *store,
                                               const char   *uuid,
                                               const char   *document_uuid,
                                               const char   *copied_to,
                                               const char   *how,
                                               GError      **error);
/* Q8: the customer confirmed receiving the answer. */
gboolean    gest_complaint_confirm_receipt  (GestStore     *store,
                                             const char    *uuid,
                                             const char    *note,
                                             GError       **error);
/* Q9: the call that confirms (or not) that the customer accepts the solution. */
gboolean    gest_complaint_record_acceptance_call (GestStore  *store,
                                                   const char *uuid,
                                                   gboolean    accepted,
                                                   const char *note,
                                                   GError    **error);
/* Q9, Q10: closes the case with its cause, error and responsible area (active catalog
 * entries); requires the approved solution, the answer sent and the accepting call. A case
 * linked to an annulment (Q12) does not close here: its cause, error and area are recorded
 * and it moves to "annulment", where gest_complaint_annulment_filed() closes it. */
gboolean    gest_complaint_close            (GestStore     *store,
                                             const char    *uuid,
                                             const char    *cause_uuid,
                                             const char    *error_uuid,
                                             const char    *area_uuid,
                                             GError       **error);
/* A closed case reopens (to "monitoring") with a reason; the SLA clock resumes. */
gboolean    gest_complaint_reopen           (GestStore     *store,
                                             const char    *uuid,
                                             const char    *reason,
                                             GError       **error);
/* Q12: the annulment the case ends in (made by the annulments module) is linked (in any open
 * stage; one annulment per case). The stage does not change: gest_complaint_close() then
 * records the cause, error and area and moves the case to "annulment" (which needs the
 * approval, the answer sent, the accepting call, cause/error/area and the link), where it
 * waits until the annulment is filed. */
gboolean    gest_complaint_link_annulment   (GestStore     *store,
                                             const char    *uuid,
                                             const char    *annulment_uuid,
                                             GError       **error);
/* Q12: the annulment linked to the case was filed: the case closes (its cause, error and
 * area were recorded before it went to "annulment"). Runs in the annulment's transaction;
 * refused (GEST_ERROR_REFUSED) while the case is not at "annulment". Needs
 * complaints.close. */
gboolean    gest_complaint_annulment_filed  (GestStore     *store,
                                             const char    *uuid,
                                             const char    *annulment_folio,
                                             GError       **error);

/* Q6: a task of a case, assigned to a user with a due day. */
typedef struct
{
  char   *uuid;
  char   *complaint_uuid;
  char   *complaint_folio;
  char   *assignee_uuid;
  char   *assignee_name;
  char   *description;
  GDate   due;
  gint64  done_at;         /* 0 while open */
  char   *done_by_name;
} GestComplaintTask;

void        gest_complaint_task_free        (GestComplaintTask *task);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintTask, gest_complaint_task_free)
gboolean    gest_complaint_add_task         (GestStore     *store,
                                             const char    *complaint_uuid,
                                             const char    *assignee_uuid,
                                             const char    *description,
                                             const GDate   *due,
                                             char         **out_uuid,
                                             GError       **error);
gboolean    gest_complaint_task_done        (GestStore     *store,
                                             const char    *task_uuid,
                                             GError       **error);
/* Element type GestComplaintTask: a case's tasks, or (@complaint_uuid NULL) the open tasks
 * of @assignee_uuid across cases, by due day. */
GPtrArray  *gest_complaint_list_tasks       (GestStore     *store,
                                             const char    *complaint_uuid,
                                             const char    *assignee_uuid,
                                             GError       **error);

/* Q10: the catalogs of causes, errors and areas ("cause", "error", "area"), which the head
 * maintains (permission complaints.catalogs). */
typedef struct
{
  char     *uuid;
  char     *kind;
  char     *label;
  gboolean  active;
} GestComplaintCatalogEntry;

void        gest_complaint_catalog_entry_free (GestComplaintCatalogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintCatalogEntry, gest_complaint_catalog_entry_free)
/* Element type GestComplaintCatalogEntry, in position order; inactive ones only if asked. */
GPtrArray  *gest_complaint_catalog_list     (GestStore     *store,
                                             const char    *kind,
                                             gboolean       with_inactive,
                                             GError       **error);
gboolean    gest_complaint_catalog_add      (GestStore     *store,
                                             const char    *kind,
                                             const char    *label,
                                             char         **out_uuid,
                                             GError       **error);
gboolean    gest_complaint_catalog_set      (GestStore     *store,
                                             const char    *uuid,
                                             const char    *label,
                                             gboolean       active,
                                             GError       **error);

/* The pages save with gest_store_write_async() and a small closure that calls the blocking
 * function above on the writer's store (the writer thread runs it inside its transaction). */

G_END_DECLS
