/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-money.h"

G_BEGIN_DECLS

/* The annulment request form (HACKING.md, "Forms"): what the user typed in an immutable
 * values struct with pure setters, and everything the form shows computed from it by
 * gest_annulment_widget_state_from_values(), tested without a display. */

typedef enum
{
  GEST_ANNULMENT_FIELD_PLAN,        /* the plan, whose customer the annulment is for */
  GEST_ANNULMENT_FIELD_CITY,
  GEST_ANNULMENT_FIELD_INVOICE,
  GEST_ANNULMENT_FIELD_CFDI,
  GEST_ANNULMENT_FIELD_SUBSTITUTE,
  GEST_ANNULMENT_FIELD_COSTS,
  GEST_ANNULMENT_N_FIELDS
} GestAnnulmentField;

typedef struct
{
  char      *plan_number;        /* as typed */
  char      *customer_uuid;      /* found for the plan; NULL when not found */
  char      *customer_name;
  char      *plan_uuid;
  char      *city;
  char      *invoice_number;
  char      *cfdi_uuid;
  char      *cancel_reason;      /* "01".."04" */
  char      *substitute_cfdi_uuid;
  gboolean   with_costs;
  GestMoney  costs_amount;
  gboolean   costs_valid;        /* the costs row parsed what was typed */
  gboolean   reinvoice;
} GestAnnulmentValues;

GestAnnulmentValues *gest_annulment_values_new        (void);
GestAnnulmentValues *gest_annulment_values_copy       (const GestAnnulmentValues *values);
void                 gest_annulment_values_free       (GestAnnulmentValues       *values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAnnulmentValues, gest_annulment_values_free)

/* Each returns a new struct. */
GestAnnulmentValues *gest_annulment_values_set_text     (const GestAnnulmentValues *values,
                                                         GestAnnulmentField         field,
                                                         const char                *text);
/* The plan typed and what the store found for it (customer NULL: not found). */
GestAnnulmentValues *gest_annulment_values_set_customer (const GestAnnulmentValues *values,
                                                         const char                *plan_uuid,
                                                         const char                *customer_uuid,
                                                         const char                *customer_name);
GestAnnulmentValues *gest_annulment_values_set_reason   (const GestAnnulmentValues *values,
                                                         const char                *reason);
GestAnnulmentValues *gest_annulment_values_set_costs    (const GestAnnulmentValues *values,
                                                         gboolean                   with_costs,
                                                         GestMoney                  amount,
                                                         gboolean                   valid);
GestAnnulmentValues *gest_annulment_values_set_reinvoice (const GestAnnulmentValues *values,
                                                          gboolean                   reinvoice);

typedef struct
{
  char     *errors[GEST_ANNULMENT_N_FIELDS];  /* the row's message, or NULL */
  gboolean  substitute_visible;               /* reason 01 */
  gboolean  costs_sensitive;                  /* with costs */
  gboolean  can_save;
  char     *save_blocker;                     /* why not, for the save button's tooltip */
} GestAnnulmentState;

GestAnnulmentState *gest_annulment_widget_state_from_values (const GestAnnulmentValues *values);
void                gest_annulment_state_free               (GestAnnulmentState        *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAnnulmentState, gest_annulment_state_free)

G_END_DECLS
