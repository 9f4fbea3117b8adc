/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-complaint.h"

G_BEGIN_DECLS

/* The case's three dialogs (closure Q9-Q10, assignment Q6, task Q6), each after
 * gnome-calendar's values-struct pattern: an immutable values struct with pure setters (each
 * returns a new struct), and a pure widget_state_from_values() that says what the dialog
 * shows: which field is in error and with which words, what is sensitive and why not. Tested
 * without a display (tests/complaints/test-complaint-forms.c); the model checks the same
 * rules again when it saves. */

/* Closure (Q9, Q10). */
typedef enum
{
  GEST_COMPLAINT_CLOSURE_CAUSE,
  GEST_COMPLAINT_CLOSURE_ERROR,
  GEST_COMPLAINT_CLOSURE_AREA,
  GEST_COMPLAINT_CLOSURE_N_FIELDS
} GestComplaintClosureField;

typedef struct
{
  gboolean  accepted_call;   /* Q9: the call in which the customer accepted is recorded */
  char     *cause_uuid;      /* NULL: not chosen */
  char     *error_uuid;
  char     *area_uuid;
  gboolean  show_errors;
  gboolean  saving;
  char     *refusal;
} GestComplaintClosureValues;

typedef struct
{
  char     *errors[GEST_COMPLAINT_CLOSURE_N_FIELDS];
  char     *refusal;
  char     *blocked;          /* why the case cannot close yet (Q9), or NULL */
  gboolean  fields_sensitive;
  gboolean  close_sensitive;
  gboolean  valid;
} GestComplaintClosureState;

GestComplaintClosureValues *gest_complaint_closure_values_new   (gboolean accepted_call);
GestComplaintClosureValues *gest_complaint_closure_values_copy  (const GestComplaintClosureValues *values);
void                        gest_complaint_closure_values_free  (GestComplaintClosureValues       *values);
/* @field's catalog entry (NULL: none chosen). */
GestComplaintClosureValues *gest_complaint_closure_values_set_field       (const GestComplaintClosureValues *values,
                                                                           GestComplaintClosureField         field,
                                                                           const char                       *uuid);
GestComplaintClosureValues *gest_complaint_closure_values_set_show_errors (const GestComplaintClosureValues *values,
                                                                           gboolean                          show_errors);
GestComplaintClosureValues *gest_complaint_closure_values_set_saving      (const GestComplaintClosureValues *values,
                                                                           gboolean                          saving);
GestComplaintClosureValues *gest_complaint_closure_values_set_refusal     (const GestComplaintClosureValues *values,
                                                                           const char                       *refusal);
GestComplaintClosureState  *gest_complaint_closure_widget_state_from_values (const GestComplaintClosureValues *values);
void                        gest_complaint_closure_state_free  (GestComplaintClosureState *state);

/* Assignment (Q6). */
typedef enum
{
  GEST_COMPLAINT_ASSIGN_RESPONSIBLE,
  GEST_COMPLAINT_ASSIGN_DOCUMENT_STATUS,
  GEST_COMPLAINT_ASSIGN_N_FIELDS
} GestComplaintAssignField;

typedef struct
{
  char     *responsible_uuid;
  char     *document_status;   /* "OG"... or NULL */
  char     *advisor_name;
  char     *commercial_coordinator;
  gboolean  show_errors;
  gboolean  saving;
  char     *refusal;
} GestComplaintAssignValues;

typedef struct
{
  char       *errors[GEST_COMPLAINT_ASSIGN_N_FIELDS];
  char       *refusal;
  const char *status_meaning;   /* what the chosen code means (translated), or NULL */
  gboolean    fields_sensitive;
  gboolean    save_sensitive;
  gboolean    valid;
} GestComplaintAssignState;

GestComplaintAssignValues *gest_complaint_assign_values_new   (const GestComplaint             *complaint);
GestComplaintAssignValues *gest_complaint_assign_values_copy  (const GestComplaintAssignValues *values);
void                       gest_complaint_assign_values_free  (GestComplaintAssignValues       *values);
GestComplaintAssignValues *gest_complaint_assign_values_set_responsible     (const GestComplaintAssignValues *values,
                                                                             const char                      *uuid);
GestComplaintAssignValues *gest_complaint_assign_values_set_document_status (const GestComplaintAssignValues *values,
                                                                             const char                      *code);
GestComplaintAssignValues *gest_complaint_assign_values_set_people          (const GestComplaintAssignValues *values,
                                                                             const char                      *advisor_name,
                                                                             const char                      *commercial_coordinator);
GestComplaintAssignValues *gest_complaint_assign_values_set_show_errors     (const GestComplaintAssignValues *values,
                                                                             gboolean                         show_errors);
GestComplaintAssignValues *gest_complaint_assign_values_set_saving          (const GestComplaintAssignValues *values,
                                                                             gboolean                         saving);
GestComplaintAssignValues *gest_complaint_assign_values_set_refusal         (const GestComplaintAssignValues *values,
                                                                             const char                      *refusal);
GestComplaintAssignState  *gest_complaint_assign_widget_state_from_values (const GestComplaintAssignValues *values);
void                       gest_complaint_assign_state_free  (GestComplaintAssignState *state);

/* Task (Q6). */
typedef enum
{
  GEST_COMPLAINT_TASK_ASSIGNEE,
  GEST_COMPLAINT_TASK_DESCRIPTION,
  GEST_COMPLAINT_TASK_DUE,
  GEST_COMPLAINT_TASK_N_FIELDS
} GestComplaintTaskField;

typedef struct
{
  char     *assignee_uuid;
  char     *description;
  char     *due_text;   /* as typed: dd/mm/yyyy */
  gboolean  show_errors;
  gboolean  saving;
  char     *refusal;
} GestComplaintTaskValues;

typedef struct
{
  char     *errors[GEST_COMPLAINT_TASK_N_FIELDS];
  char     *refusal;
  gboolean  fields_sensitive;
  gboolean  save_sensitive;
  gboolean  valid;
  GDate     due;          /* valid when the due text is */
  char     *description;  /* stripped */
} GestComplaintTaskState;

GestComplaintTaskValues *gest_complaint_task_values_new   (void);
GestComplaintTaskValues *gest_complaint_task_values_copy  (const GestComplaintTaskValues *values);
void                     gest_complaint_task_values_free  (GestComplaintTaskValues       *values);
GestComplaintTaskValues *gest_complaint_task_values_set_assignee    (const GestComplaintTaskValues *values,
                                                                     const char                    *uuid);
GestComplaintTaskValues *gest_complaint_task_values_set_description (const GestComplaintTaskValues *values,
                                                                     const char                    *description);
GestComplaintTaskValues *gest_complaint_task_values_set_due_text    (const GestComplaintTaskValues *values,
                                                                     const char                    *text);
GestComplaintTaskValues *gest_complaint_task_values_set_show_errors (const GestComplaintTaskValues *values,
                                                                     gboolean                       show_errors);
GestComplaintTaskValues *gest_complaint_task_values_set_saving      (const GestComplaintTaskValues *values,
                                                                     gboolean                       saving);
GestComplaintTaskValues *gest_complaint_task_values_set_refusal     (const GestComplaintTaskValues *values,
                                                                     const char                    *refusal);
/* @today decides whether the due day has passed. */
GestComplaintTaskState  *gest_complaint_task_widget_state_from_values (const GestComplaintTaskValues *values,
                                                                       const GDate                   *today);
void                     gest_complaint_task_state_free  (GestComplaintTaskState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintClosureValues, gest_complaint_closure_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintClosureState, gest_complaint_closure_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintAssignValues, gest_complaint_assign_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintAssignState, gest_complaint_assign_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintTaskValues, gest_complaint_task_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintTaskState, gest_complaint_task_state_free)

G_END_DECLS
