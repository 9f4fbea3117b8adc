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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramiteValues, gest_tramite_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestFieldError, gest_field_error_free)

G_END_DECLS
