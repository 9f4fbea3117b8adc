/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-plan-statement.h"
#include "gest-tramite.h"

G_BEGIN_DECLS

/* The new-trámite form's state (T3), after gnome-calendar's values-struct pattern: an
 * immutable struct; every setter returns a new struct and leaves its argument alone; the form
 * widget builds its rows from the struct (widget_state_from_values) and validation is a pure
 * function, so all the form's rules are tested without a display. */

typedef enum
{
  GEST_TRAMITE_FIELD_PLAN,
  GEST_TRAMITE_FIELD_AMOUNT,
  GEST_TRAMITE_FIELD_DATE,
  GEST_TRAMITE_FIELD_NOTES,
  GEST_TRAMITE_N_FIELDS
} GestTramiteField;

typedef struct
{
  GestTramiteField  field;
  char             *message;   /* translated: what is wrong and how to fix it */
} GestFieldError;

typedef struct
{
  GestPlanStatement *statement;    /* NULL until a plan is chosen */
  char              *amount_text;  /* as typed: "$123,456.78" */
  char              *date_text;    /* as typed: "dd/mm/yyyy" */
  char              *notes;
} GestTramiteValues;

GestTramiteValues *gest_tramite_values_new            (void);
GestTramiteValues *gest_tramite_values_copy           (const GestTramiteValues *values);
void               gest_tramite_values_free           (GestTramiteValues       *values);

/* Pure setters: a new struct, @values unchanged. @statement is copied (NULL clears it). */
GestTramiteValues *gest_tramite_values_set_statement  (const GestTramiteValues *values,
                                                       const GestPlanStatement *statement);
GestTramiteValues *gest_tramite_values_set_amount_text (const GestTramiteValues *values,
                                                        const char              *text);
GestTramiteValues *gest_tramite_values_set_date_text  (const GestTramiteValues *values,
                                                       const char              *text);
GestTramiteValues *gest_tramite_values_set_notes      (const GestTramiteValues *values,
                                                       const char              *notes);

/* Every problem of @values, one GestFieldError per field at most, in field order; an empty
 * array when the form can be saved. @today decides whether the date has passed. */
GPtrArray         *gest_tramite_values_validate       (const GestTramiteValues *values,
                                                       const GDate             *today);
/* The message for @field in @errors, or NULL. */
const char        *gest_field_errors_lookup           (GPtrArray               *errors,
                                                       GestTramiteField         field);
void               gest_field_error_free              (GestFieldError          *error);

/* The line the form shows under the amount (T3): "Life insurance of $1,234.00 is not
 * included in the payoff amount." or NULL without a plan. */
char              *gest_tramite_values_dup_life_insurance_note (const GestTramiteValues *values);

/* Validates with today's date and gives what gest_tramite_create() takes. On invalid values,
 * GEST_ERROR_INVALID with the first field's message. */
gboolean           gest_tramite_values_check          (const GestTramiteValues *values,
                                                       GestMoney               *out_amount,
                                                       GDate                   *out_date,
                                                       GError                 **error);
/* gest_tramite_values_check(), then registers the trámite (gest_tramite_create), blocking:
 * the form uses gest_tramite_create_async() instead. */
GestTramite       *gest_tramite_values_save           (const GestTramiteValues *values,
                                                       GestStore               *store,
                                                       GError                 **error);

/* T5: the customer's payment form of the follow-up checklist, the same pattern in full: the
 * values (what the user typed and what the form knows of the trámite) in an immutable struct
 * with pure setters; gest_tramite_payment_widget_state_from_values() computes everything the
 * form shows from them (what is sensitive, which field is in error and with which words,
 * whether Record can be pressed and why not), without a display; the form applies that state
 * in one function (update_widgets() in gest-tramite-payment-form.c).
 * The rules are those of gest_tramite_record_payment(), with its words: the form checks before
 * it saves, the model checks again when it saves (the CLI and the sync go through it too). */

/* T5: the payment's own fields, the one set of checks of both the form and
 * gest_tramite_record_payment_full(): @amount more than $0.00, @date valid and not after
 * @today, @reference (stripped) not blank. GEST_ERROR_INVALID with the first field's words. */
gboolean gest_tramite_payment_check_fields (GestMoney     amount,
                                            const GDate  *date,
                                            const char   *reference,
                                            const GDate  *today,
                                            GError      **error);

typedef enum
{
  GEST_TRAMITE_PAYMENT_AMOUNT,
  GEST_TRAMITE_PAYMENT_DATE,
  GEST_TRAMITE_PAYMENT_REFERENCE,
  GEST_TRAMITE_PAYMENT_N_FIELDS
} GestTramitePaymentField;

typedef struct
{
  gboolean  has_tramite;    /* FALSE until the form shows a trámite */
  int       step;           /* the trámite's step (T6) */
  char     *amount_text;    /* as typed: "$118,750.50" */
  char     *date_text;      /* as typed: "dd/mm/yyyy" */
  char     *reference;      /* as typed */
  char     *proof_uuid;     /* the payment proof chosen, or NULL for none */
  guint     n_proofs;       /* payment-proof documents attached to the trámite */
  gboolean  show_errors;    /* the user tried to record: field errors show from then on */
  gboolean  saving;         /* a save is on the store's writer thread */
  char     *refusal;        /* the model's refusal of the last save, or NULL */
} GestTramitePaymentValues;

typedef struct
{
  /* Per field: the message under the form with the row marked, or NULL. */
  char      *errors[GEST_TRAMITE_PAYMENT_N_FIELDS];
  /* The model's refusal of the whole form (no row marked), or NULL. */
  char      *refusal;
  gboolean   fields_sensitive;  /* the trámite can take a payment */
  gboolean   proof_sensitive;   /* ...and there is a proof to choose */
  gboolean   record_sensitive;  /* the Record button */
  /* Why the Record button is insensitive, when the user can do something about it or should
   * know (step 4 and later); NULL otherwise. */
  char      *record_blocked;
  /* The fields are right: recording would start a save of these. */
  gboolean   valid;
  GestMoney  amount;
  GDate      date;
  char      *reference;         /* stripped */
} GestTramitePaymentState;

GestTramitePaymentValues *gest_tramite_payment_values_new   (void);
GestTramitePaymentValues *gest_tramite_payment_values_copy  (const GestTramitePaymentValues *values);
void                      gest_tramite_payment_values_free  (GestTramitePaymentValues       *values);

/* Pure setters: a new struct, @values unchanged. */
/* @tramite: its step decides whether a payment can be recorded; NULL for none. */
GestTramitePaymentValues *gest_tramite_payment_values_set_tramite     (const GestTramitePaymentValues *values,
                                                                       const GestTramite              *tramite);
GestTramitePaymentValues *gest_tramite_payment_values_set_amount_text (const GestTramitePaymentValues *values,
                                                                       const char                     *text);
GestTramitePaymentValues *gest_tramite_payment_values_set_date_text   (const GestTramitePaymentValues *values,
                                                                       const char                     *text);
GestTramitePaymentValues *gest_tramite_payment_values_set_reference   (const GestTramitePaymentValues *values,
                                                                       const char                     *reference);
GestTramitePaymentValues *gest_tramite_payment_values_set_proof       (const GestTramitePaymentValues *values,
                                                                       const char                     *proof_uuid);
GestTramitePaymentValues *gest_tramite_payment_values_set_n_proofs    (const GestTramitePaymentValues *values,
                                                                       guint                           n_proofs);
GestTramitePaymentValues *gest_tramite_payment_values_set_show_errors (const GestTramitePaymentValues *values,
                                                                       gboolean                        show_errors);
/* Starting a save forgets the refusal of the one before. */
GestTramitePaymentValues *gest_tramite_payment_values_set_saving      (const GestTramitePaymentValues *values,
                                                                       gboolean                        saving);
GestTramitePaymentValues *gest_tramite_payment_values_set_refusal     (const GestTramitePaymentValues *values,
                                                                       const char                     *refusal);

/* gnome-calendar's widget_state_from_values(): pure; @today decides whether the date is in
 * the future. */
GestTramitePaymentState  *gest_tramite_payment_widget_state_from_values (const GestTramitePaymentValues *values,
                                                                         const GDate                    *today);
void                      gest_tramite_payment_state_free   (GestTramitePaymentState        *state);
/* The first message of @state: the fields' in form order, then the refusal; or NULL. */
const char               *gest_tramite_payment_state_get_first_error (const GestTramitePaymentState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramitePaymentValues, gest_tramite_payment_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramitePaymentState, gest_tramite_payment_state_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramiteValues, gest_tramite_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestFieldError, gest_field_error_free)

G_END_DECLS
