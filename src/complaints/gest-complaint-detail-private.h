/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-complaint.h"
#include "gest-complaint-detail.h"
#include "gest-record-detail.h"

G_BEGIN_DECLS

/* GestComplaintDetail spans three files: gest-complaint-detail.c (the object, the header and
 * status, reloading), gest-complaint-detail-groups.c (building and filling the groups) and
 * gest-complaint-detail-actions.c (the changes, each saved on the writer thread). */

typedef enum
{
  GEST_COMPLAINT_PART_STATUS,
  GEST_COMPLAINT_PART_SLA,
  GEST_COMPLAINT_PART_ASSIGNMENT,
  GEST_COMPLAINT_PART_TASKS,
  GEST_COMPLAINT_PART_LOG,
  GEST_COMPLAINT_PART_SOLUTION,
  GEST_COMPLAINT_PART_CLOSURE,
  GEST_COMPLAINT_N_PARTS
} GestComplaintPart;

struct _GestComplaintDetail
{
  GtkWidget            parent_instance;

  GestRecordDetail    *record;
  GtkWidget           *next_button;
  GtkWidget           *back_button;

  /* Groups built once; their rows are refilled on every reload (rows lists what to remove). */
  AdwPreferencesGroup *groups[GEST_COMPLAINT_N_PARTS];
  GtkLabel            *error_labels[GEST_COMPLAINT_N_PARTS];
  AdwPreferencesGroup *intake_group;
  AdwPreferencesGroup *contacts_group;
  GPtrArray           *rows;              /* borrowed rows added by the last fill */
  GHashTable          *row_texts;         /* title → text of the rows shown, for tests */

  /* Widgets kept across reloads. */
  GtkSwitch           *waiting_switch;
  AdwEntryRow         *solution_row;
  AdwComboRow         *log_kind_row;
  AdwEntryRow         *log_text_row;
  AdwEntryRow         *log_contact_row;
  gboolean             filling;

  guint                saving;            /* saves in flight */
  gboolean             watching_letters;  /* reloads when the window is active again */

  GestContext         *context;
  GestStore           *store;             /* the context's */
  char                *complaint_uuid;
  GestComplaint       *complaint;
};

/* gest-complaint-detail-groups.c */
void gest_complaint_detail_build_groups (GestComplaintDetail *self);
void gest_complaint_detail_fill_groups  (GestComplaintDetail *self);
/* A row with @title and @text, added to @group and forgotten at the next fill. */
AdwActionRow *gest_complaint_detail_add_row (GestComplaintDetail *self,
                                             AdwPreferencesGroup *group,
                                             const char          *title,
                                             const char          *text);
void gest_complaint_detail_show_error   (GestComplaintDetail *self,
                                         GestComplaintPart    part,
                                         const char          *message);

/* gest-complaint-detail-actions.c: the changes. */
typedef enum
{
  GEST_COMPLAINT_OP_MOVE,
  GEST_COMPLAINT_OP_LOG,
  GEST_COMPLAINT_OP_SOLUTION,
  GEST_COMPLAINT_OP_APPROVE,
  GEST_COMPLAINT_OP_RECEIPT,
  GEST_COMPLAINT_OP_ACCEPTANCE,
  GEST_COMPLAINT_OP_REOPEN,
  GEST_COMPLAINT_OP_WAITING,
  GEST_COMPLAINT_OP_TASK_DONE,
  GEST_COMPLAINT_OP_ANNULMENT,
} GestComplaintOp;

typedef struct
{
  GestComplaintOp  op;
  int              number;     /* the stage, the log kind */
  gboolean         flag;       /* accepted, waiting, with costs */
  char            *text;       /* reason, log text, solution, note, task uuid */
  char            *contact;
} GestComplaintChange;

/* Saves @change (owned) on the writer thread; its refusal shows under @part, its success as
 * @toast (translated) and the page reloads. FALSE when another save of the page is in flight. */
gboolean gest_complaint_detail_run      (GestComplaintDetail *self,
                                         GestComplaintChange *change,
                                         GestComplaintPart    part,
                                         const char          *toast);
GestComplaintChange *gest_complaint_change_new (GestComplaintOp op);
/* Asks for a reason or note in an AdwMessageDialog with an entry, then runs @change with it
 * as its text (the dialog's main response is @response_label, off while the entry is blank
 * when @required). */
void     gest_complaint_detail_ask      (GestComplaintDetail *self,
                                         const char          *heading,
                                         const char          *body,
                                         const char          *response_label,
                                         gboolean             required,
                                         GestComplaintChange *change,
                                         GestComplaintPart    part,
                                         const char          *toast);
/* The buttons' handlers (wired by the groups). */
void     gest_complaint_detail_assign_clicked     (GestComplaintDetail *self);
void     gest_complaint_detail_task_clicked       (GestComplaintDetail *self);
void     gest_complaint_detail_close_clicked      (GestComplaintDetail *self);
void     gest_complaint_detail_reopen_clicked     (GestComplaintDetail *self);
void     gest_complaint_detail_acceptance_clicked (GestComplaintDetail *self);
void     gest_complaint_detail_receipt_clicked    (GestComplaintDetail *self);
void     gest_complaint_detail_in_process_clicked (GestComplaintDetail *self);
void     gest_complaint_detail_letter_clicked     (GestComplaintDetail *self);
void     gest_complaint_detail_annulment_clicked  (GestComplaintDetail *self);
void     gest_complaint_detail_solution_apply     (GestComplaintDetail *self);
void     gest_complaint_detail_log_clicked        (GestComplaintDetail *self);
void     gest_complaint_detail_waiting_toggled    (GestComplaintDetail *self);
void     gest_complaint_detail_back_clicked       (GestComplaintDetail *self);

G_END_DECLS
