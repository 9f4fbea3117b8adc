/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-cfdi-catalog.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* A customer's billing data for a CFDI 4.0 invoice (S11; issue 15): the kind of taxpayer, the
 * RFC, the name as registered with the SAT, the fiscal postal code, the fiscal regime and CFDI
 * use from the SAT's catalogs, and the email the invoice goes to. They live on the customer
 * (customers.kind, name, rfc, fiscal_postal_code, fiscal_regime, cfdi_use, email) and are
 * edited where the invoice is asked for (a reservation that needs one) with the shared billing
 * group (src/widgets/gest-billing-group.h), whose form rules are here, pure, tested without a
 * display (the gnome-calendar values/state pattern). */

typedef enum
{
  GEST_BILLING_FIELD_KIND,
  GEST_BILLING_FIELD_RFC,
  GEST_BILLING_FIELD_NAME,
  GEST_BILLING_FIELD_POSTAL_CODE,
  GEST_BILLING_FIELD_REGIME,
  GEST_BILLING_FIELD_USE,
  GEST_BILLING_FIELD_EMAIL,
  GEST_N_BILLING_FIELDS
} GestBillingField;

/* Immutable once made: the setters return a new struct. Strings never NULL. */
typedef struct
{
  GestTaxpayerKind  kind;
  char             *rfc;
  char             *name;
  char             *postal_code;
  char             *regime;
  char             *use;
  char             *email;
} GestBillingValues;

GestBillingValues *gest_billing_values_new        (void);
GestBillingValues *gest_billing_values_copy       (const GestBillingValues *values);
void               gest_billing_values_free       (GestBillingValues       *values);
gboolean           gest_billing_values_equal      (const GestBillingValues *a,
                                                   const GestBillingValues *b);
/* A new struct with @field set to @text (for GEST_BILLING_FIELD_KIND: "fisica" or "moral").
 * A kind that no longer allows the regime clears the regime, and a regime that no longer
 * allows the use clears the use: the combos offer only what the SAT allows. */
GestBillingValues *gest_billing_values_set        (const GestBillingValues *values,
                                                   GestBillingField         field,
                                                   const char              *text);
/* The field's name as gest_cfdi_check_receiver() gives it ("rfc", "postal_code"…) → field;
 * GEST_N_BILLING_FIELDS for NULL or unknown. */
GestBillingField   gest_billing_field_from_name   (const char              *name);

/* What the billing group shows for @values. @touched: a bit per GestBillingField the user has
 * been through (G_MAXUINT32 after a save was asked for): only those show their message. */
typedef struct
{
  char     *errors[GEST_N_BILLING_FIELDS];  /* the message under the group for the row, or NULL */
  GStrv     regimes;                        /* the regime codes allowed for the kind */
  GStrv     uses;                           /* the use codes allowed for the kind and regime */
  gboolean  complete;                       /* gest_cfdi_check_receiver() passes */
} GestBillingState;

GestBillingState  *gest_billing_state_from_values (const GestBillingValues *values,
                                                   guint32                  touched);
void               gest_billing_state_free        (GestBillingState        *state);

/* The billing data of customer @uuid; NULL with GEST_ERROR_NOT_FOUND. */
GestBillingValues *gest_customer_billing_load     (GestStore               *store,
                                                   const char              *customer_uuid,
                                                   GError                 **error);
/* Whether customer @uuid's stored billing data is complete and valid for an invoice
 * (gest_cfdi_check_receiver()); FALSE with its GEST_ERROR_INVALID, the message naming the
 * customer. For the rule "a reservation that needs an invoice". In the caller's transaction
 * or none. */
gboolean           gest_customer_billing_check    (GestStore               *store,
                                                   const char              *customer_uuid,
                                                   GError                 **error);
/* Saves @values on customer @uuid: the permission (customers.edit), the receiver check, the
 * RFC not another active customer's (the generic ones aside), an activity entry naming what
 * changed; in the caller's transaction or its own. @out_field (nullable) gets the field the
 * error is about (GEST_N_BILLING_FIELDS: none). */
gboolean           gest_customer_billing_save     (GestStore               *store,
                                                   const char              *customer_uuid,
                                                   const GestBillingValues *values,
                                                   GestBillingField        *out_field,
                                                   GError                 **error);
/* gest_customer_billing_save() on the store's writer thread. */
void               gest_customer_billing_save_async  (GestStore               *store,
                                                      const char              *customer_uuid,
                                                      const GestBillingValues *values,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
gboolean           gest_customer_billing_save_finish (GestStore               *store,
                                                      GAsyncResult            *result,
                                                      GestBillingField        *out_field,
                                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestBillingValues, gest_billing_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestBillingState, gest_billing_state_free)

G_END_DECLS
