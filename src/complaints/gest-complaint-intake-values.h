/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-complaint.h"

G_BEGIN_DECLS

/* The intake window's form (Q5), after gnome-calendar's values-struct pattern: what the
 * analyst chose and typed in an immutable struct whose setters each return a new struct; one
 * pure function, gest_complaint_intake_widget_state_from_values(), computes everything the
 * window shows (which rows are sensitive or visible, which field is in error and with which
 * words, whether Register can be pressed), so the form's rules are tested without a display.
 * gest_complaint_create() checks the same rules again with the database. */

typedef enum
{
  GEST_COMPLAINT_INTAKE_CUSTOMER,
  GEST_COMPLAINT_INTAKE_COMPLAINANT,
  GEST_COMPLAINT_INTAKE_SUMMARY,
  GEST_COMPLAINT_INTAKE_LETTER,
  GEST_COMPLAINT_INTAKE_RESPONSIBLE,
  GEST_COMPLAINT_INTAKE_N_FIELDS
} GestComplaintIntakeField;

typedef struct
{
  GestComplaintKind     kind;
  GestComplaintChannel  channel;
  char                 *customer_uuid;     /* NULL until found or created */
  char                 *customer_name;     /* what the customer row shows */
  char                 *plan_uuid;         /* NULL: none applies */
  char                 *vehicle_uuid;      /* NULL: none applies */
  char                 *invoice_number;
  char                 *complainant_name;
  char                 *complainant_role;
  char                 *summary;
  char                 *letter_path;       /* the scan, in writing */
  char                 *responsible_uuid;
  gboolean              show_errors;       /* the analyst tried to register once */
  gboolean              saving;            /* a save is on the store's writer thread */
  char                 *refusal;           /* the model's refusal of the last save */
} GestComplaintIntakeValues;

typedef struct
{
  /* Per field: the message under its group with the row marked, or NULL. */
  char     *errors[GEST_COMPLAINT_INTAKE_N_FIELDS];
  char     *refusal;             /* the model's refusal of the whole form, or NULL */
  gboolean  letter_visible;      /* in writing: the scan's row and its preview */
  gboolean  account_sensitive;   /* plan, vehicle and invoice: once there is a customer */
  gboolean  fields_sensitive;    /* FALSE while saving */
  gboolean  register_sensitive;
  gboolean  valid;               /* registering would start a save of these */
  /* The summary row's title: in writing it is the letter's text. */
  const char *summary_title;     /* translated, static */
} GestComplaintIntakeState;

GestComplaintIntakeValues *gest_complaint_intake_values_new   (void);
GestComplaintIntakeValues *gest_complaint_intake_values_copy  (const GestComplaintIntakeValues *values);
void                       gest_complaint_intake_values_free  (GestComplaintIntakeValues       *values);

/* Pure setters: a new struct, @values unchanged. A new customer forgets the plan and
 * vehicle of the one before. */
GestComplaintIntakeValues *gest_complaint_intake_values_set_kind        (const GestComplaintIntakeValues *values,
                                                                         GestComplaintKind                kind);
GestComplaintIntakeValues *gest_complaint_intake_values_set_channel     (const GestComplaintIntakeValues *values,
                                                                         GestComplaintChannel             channel);
GestComplaintIntakeValues *gest_complaint_intake_values_set_customer    (const GestComplaintIntakeValues *values,
                                                                         const char                      *uuid,
                                                                         const char                      *name);
GestComplaintIntakeValues *gest_complaint_intake_values_set_plan        (const GestComplaintIntakeValues *values,
                                                                         const char                      *plan_uuid,
                                                                         const char                      *vehicle_uuid);
GestComplaintIntakeValues *gest_complaint_intake_values_set_invoice     (const GestComplaintIntakeValues *values,
                                                                         const char                      *invoice);
GestComplaintIntakeValues *gest_complaint_intake_values_set_complainant (const GestComplaintIntakeValues *values,
                                                                         const char                      *name,
                                                                         const char                      *role);
GestComplaintIntakeValues *gest_complaint_intake_values_set_summary     (const GestComplaintIntakeValues *values,
                                                                         const char                      *summary);
GestComplaintIntakeValues *gest_complaint_intake_values_set_letter      (const GestComplaintIntakeValues *values,
                                                                         const char                      *path);
GestComplaintIntakeValues *gest_complaint_intake_values_set_responsible (const GestComplaintIntakeValues *values,
                                                                         const char                      *uuid);
GestComplaintIntakeValues *gest_complaint_intake_values_set_show_errors (const GestComplaintIntakeValues *values,
                                                                         gboolean                         show_errors);
/* Starting a save forgets the refusal of the one before. */
GestComplaintIntakeValues *gest_complaint_intake_values_set_saving      (const GestComplaintIntakeValues *values,
                                                                         gboolean                         saving);
GestComplaintIntakeValues *gest_complaint_intake_values_set_refusal     (const GestComplaintIntakeValues *values,
                                                                         const char                      *refusal);

/* gnome-calendar's widget_state_from_values(): pure. */
GestComplaintIntakeState  *gest_complaint_intake_widget_state_from_values (const GestComplaintIntakeValues *values);
void                       gest_complaint_intake_state_free  (GestComplaintIntakeState  *state);
/* The first message of @state: the fields' in form order, then the refusal; or NULL. */
const char                *gest_complaint_intake_state_get_first_error (const GestComplaintIntakeState *state);

/* What gest_complaint_create() takes, borrowed from @values (valid while @values lives). In
 * phone intake the letter is left out. */
void                       gest_complaint_intake_values_to_intake (const GestComplaintIntakeValues *values,
                                                                   GestComplaintIntake             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintIntakeValues, gest_complaint_intake_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintIntakeState, gest_complaint_intake_state_free)

G_END_DECLS
