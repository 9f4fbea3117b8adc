/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-customer-billing.h"

G_BEGIN_DECLS

/* The billing data of a customer for a CFDI 4.0 invoice (S11; issue 15), as one preferences
 * group: the kind of taxpayer, the RFC, the name as registered with the SAT, the fiscal postal
 * code, the fiscal regime and the CFDI use (combos that offer only what the SAT allows for the
 * kind, and for the regime), the email for the invoice. The form's rules are
 * gest_billing_state_from_values() (src/plans/gest-customer-billing.h); a row's message shows
 * in the one error style once the user has left the row (or after gest_billing_group_check()).
 * The group never saves: its owner saves gest_billing_group_get_values() with
 * gest_customer_billing_save_async() and shows a refusal with gest_billing_group_show_error().
 *
 * Compact: only the fiscal postal code, the regime and the use, for a form that already has
 * the RFC, the name and the email (the customer editor); the kind then comes from
 * gest_billing_group_set_kind(), and the owner shows the messages. */

#define GEST_TYPE_BILLING_GROUP (gest_billing_group_get_type ())
G_DECLARE_FINAL_TYPE (GestBillingGroup, gest_billing_group, GEST, BILLING_GROUP, AdwPreferencesGroup)

GtkWidget               *gest_billing_group_new             (void);
void                     gest_billing_group_set_compact     (GestBillingGroup        *self,
                                                             gboolean                 compact);
/* Shows @values (the rows' text and choices) and forgets what was touched. */
void                     gest_billing_group_set_values      (GestBillingGroup        *self,
                                                             const GestBillingValues *values);
const GestBillingValues *gest_billing_group_get_values      (GestBillingGroup        *self);
/* Compact: the kind the owner's RFC gives. */
void                     gest_billing_group_set_kind        (GestBillingGroup        *self,
                                                             GestTaxpayerKind         kind);
/* Every row counts as touched: the first mistake shows. TRUE when complete and valid. */
gboolean                 gest_billing_group_check           (GestBillingGroup        *self);
/* A save's refusal on @field's row (GEST_N_BILLING_FIELDS: the whole group); NULL clears. */
void                     gest_billing_group_show_error      (GestBillingGroup        *self,
                                                             GestBillingField         field,
                                                             const char              *message);
GtkWidget               *gest_billing_group_get_row         (GestBillingGroup        *self,
                                                             GestBillingField         field);
GtkLabel                *gest_billing_group_get_error_label (GestBillingGroup        *self);

G_END_DECLS
