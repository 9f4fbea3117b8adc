/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-service-visit.h"

G_BEGIN_DECLS

/* The forms of the Contacto proactivo section besides the call (gest-contact-call-values.h):
 * a service visit recorded in the app (S4), a follow-up on parts or a quote (S5) and a
 * promotion (S15). Each after gnome-calendar's values-struct pattern: an immutable values
 * struct, pure setters that return a new one, and a pure widget_state_from_values(). Tested
 * without a display (tests/retention/test-retention-forms.c); the model checks again. Dates
 * are typed dd/mm/yyyy; @today is yyyy-mm-dd (the dealer's day). */

/* --- A service visit ---------------------------------------------------------------------- */

typedef enum
{
  GEST_VISIT_FORM_VEHICLE,
  GEST_VISIT_FORM_OPENED,
  GEST_VISIT_FORM_CLOSED,
  GEST_VISIT_FORM_KM,
  GEST_VISIT_FORM_N_FIELDS
} GestVisitFormField;

typedef struct
{
  char          *today;
  char          *vehicle_uuid;   /* NULL: none found for what was typed */
  char          *ro_number;
  char          *opened_text;
  char          *closed_text;    /* "": the vehicle is in the workshop now */
  char          *km_text;
  GestVisitKind  kind;
  gboolean       saving;
  char          *refusal;
} GestVisitFormValues;

typedef struct
{
  char     *errors[GEST_VISIT_FORM_N_FIELDS];
  char     *refusal;
  char     *opened_on;   /* yyyy-mm-dd when valid */
  char     *closed_on;   /* yyyy-mm-dd, or NULL: in the workshop */
  guint     km;
  gboolean  fields_sensitive;
  gboolean  save_sensitive;
} GestVisitFormState;

GestVisitFormValues *gest_visit_form_values_new   (const char                *today);
GestVisitFormValues *gest_visit_form_values_copy  (const GestVisitFormValues *values);
void                 gest_visit_form_values_free  (GestVisitFormValues       *values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVisitFormValues, gest_visit_form_values_free)
GestVisitFormValues *gest_visit_form_values_set_vehicle (const GestVisitFormValues *values,
                                                         const char                *vehicle_uuid);
/* @field is OPENED, CLOSED or KM; the repair order number with set_ro(). */
GestVisitFormValues *gest_visit_form_values_set_text    (const GestVisitFormValues *values,
                                                         GestVisitFormField         field,
                                                         const char                *text);
GestVisitFormValues *gest_visit_form_values_set_ro      (const GestVisitFormValues *values,
                                                         const char                *ro_number);
GestVisitFormValues *gest_visit_form_values_set_kind    (const GestVisitFormValues *values,
                                                         GestVisitKind              kind);
GestVisitFormValues *gest_visit_form_values_set_saving  (const GestVisitFormValues *values,
                                                         gboolean                   saving);
GestVisitFormValues *gest_visit_form_values_set_refusal (const GestVisitFormValues *values,
                                                         const char                *refusal);
GestVisitFormState  *gest_visit_form_widget_state_from_values (const GestVisitFormValues *values);
void                 gest_visit_form_state_free (GestVisitFormState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVisitFormState, gest_visit_form_state_free)

/* --- A follow-up (S5) --------------------------------------------------------------------- */

typedef enum
{
  GEST_FOLLOWUP_FORM_CUSTOMER,
  GEST_FOLLOWUP_FORM_DETAIL,
  GEST_FOLLOWUP_FORM_CALL_ON,
  GEST_FOLLOWUP_FORM_N_FIELDS
} GestFollowupFormField;

typedef struct
{
  char             *today;
  char             *customer_uuid;
  char             *vehicle_uuid;
  GestFollowupKind  kind;
  char             *detail;
  char             *call_on_text;
  gboolean          saving;
  char             *refusal;
} GestFollowupFormValues;

typedef struct
{
  char     *errors[GEST_FOLLOWUP_FORM_N_FIELDS];
  char     *refusal;
  char     *call_on;     /* yyyy-mm-dd when valid */
  gboolean  fields_sensitive;
  gboolean  save_sensitive;
} GestFollowupFormState;

GestFollowupFormValues *gest_followup_form_values_new  (const char                   *today,
                                                        const char                   *customer_uuid,
                                                        const char                   *vehicle_uuid);
GestFollowupFormValues *gest_followup_form_values_copy (const GestFollowupFormValues *values);
void                    gest_followup_form_values_free (GestFollowupFormValues       *values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestFollowupFormValues, gest_followup_form_values_free)
GestFollowupFormValues *gest_followup_form_values_set_kind    (const GestFollowupFormValues *values,
                                                               GestFollowupKind              kind);
GestFollowupFormValues *gest_followup_form_values_set_detail  (const GestFollowupFormValues *values,
                                                               const char                   *detail);
GestFollowupFormValues *gest_followup_form_values_set_call_on (const GestFollowupFormValues *values,
                                                               const char                   *text);
GestFollowupFormValues *gest_followup_form_values_set_saving  (const GestFollowupFormValues *values,
                                                               gboolean                      saving);
GestFollowupFormValues *gest_followup_form_values_set_refusal (const GestFollowupFormValues *values,
                                                               const char                   *refusal);
GestFollowupFormState  *gest_followup_form_widget_state_from_values (const GestFollowupFormValues *values);
void                    gest_followup_form_state_free (GestFollowupFormState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestFollowupFormState, gest_followup_form_state_free)

/* --- A promotion (S15) -------------------------------------------------------------------- */

typedef enum
{
  GEST_PROMOTION_FORM_TITLE,
  GEST_PROMOTION_FORM_FROM,
  GEST_PROMOTION_FORM_TO,
  GEST_PROMOTION_FORM_N_FIELDS
} GestPromotionFormField;

typedef struct
{
  char     *title;
  char     *body;
  char     *from_text;
  char     *to_text;
  gboolean  saving;
  char     *refusal;
} GestPromotionFormValues;

typedef struct
{
  char     *errors[GEST_PROMOTION_FORM_N_FIELDS];
  char     *refusal;
  char     *valid_from;   /* yyyy-mm-dd when valid */
  char     *valid_to;
  gboolean  fields_sensitive;
  gboolean  save_sensitive;
} GestPromotionFormState;

/* From a stored promotion's fields (dates yyyy-mm-dd), or all NULL for a new one. */
GestPromotionFormValues *gest_promotion_form_values_new  (const char *title,
                                                          const char *body,
                                                          const char *valid_from,
                                                          const char *valid_to);
GestPromotionFormValues *gest_promotion_form_values_copy (const GestPromotionFormValues *values);
void                     gest_promotion_form_values_free (GestPromotionFormValues       *values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPromotionFormValues, gest_promotion_form_values_free)
/* @field TITLE, FROM or TO; the body with set_body(). */
GestPromotionFormValues *gest_promotion_form_values_set_text    (const GestPromotionFormValues *values,
                                                                 GestPromotionFormField         field,
                                                                 const char                    *text);
GestPromotionFormValues *gest_promotion_form_values_set_body    (const GestPromotionFormValues *values,
                                                                 const char                    *body);
GestPromotionFormValues *gest_promotion_form_values_set_saving  (const GestPromotionFormValues *values,
                                                                 gboolean                       saving);
GestPromotionFormValues *gest_promotion_form_values_set_refusal (const GestPromotionFormValues *values,
                                                                 const char                    *refusal);
GestPromotionFormState  *gest_promotion_form_widget_state_from_values (const GestPromotionFormValues *values);
void                     gest_promotion_form_state_free (GestPromotionFormState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPromotionFormState, gest_promotion_form_state_free)

G_END_DECLS
