/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The dealer's own customers (issue 12): what a form edits, its checks with the rules of
 * src/core (RFC, phones, e-mail, postal code of the state) and the save, which checks the
 * signed-in user's permission (customers.edit) and that no other active customer has the RFC,
 * and logs the change on the customer (X5), in one transaction. */

typedef enum
{
  GEST_CUSTOMER_FIELD_NAME,
  GEST_CUSTOMER_FIELD_RFC,
  GEST_CUSTOMER_FIELD_PHONE_MOBILE,
  GEST_CUSTOMER_FIELD_PHONE_HOME,
  GEST_CUSTOMER_FIELD_PHONE_WORK,
  GEST_CUSTOMER_FIELD_EMAIL,
  GEST_CUSTOMER_FIELD_STREET,
  GEST_CUSTOMER_FIELD_EXT_NUMBER,
  GEST_CUSTOMER_FIELD_INT_NUMBER,
  GEST_CUSTOMER_FIELD_NEIGHBORHOOD,
  GEST_CUSTOMER_FIELD_CITY,
  GEST_CUSTOMER_FIELD_STATE,
  GEST_CUSTOMER_FIELD_POSTAL_CODE,
  /* Issue 15 (S11): the billing data for a CFDI 4.0 invoice, optional on the customer (an
   * empty fiscal postal code is stored as the address's); when given, the regime and the use
   * must be ones the SAT allows for the kind of taxpayer the RFC gives. */
  GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE,
  GEST_CUSTOMER_FIELD_FISCAL_REGIME,
  GEST_CUSTOMER_FIELD_CFDI_USE,
  GEST_N_CUSTOMER_FIELDS
} GestCustomerField;

/* The values of a customer's form. Text as typed; the save stores it normalized (RFC upper
 * case, phones as 10 digits, the state's code). */
typedef struct
{
  char   *uuid;      /* NULL for a new customer */
  gint64  version;   /* updated_at as loaded: the save refuses if it changed meanwhile */
  char   *fields[GEST_N_CUSTOMER_FIELDS];
} GestCustomerValues;

/* The RFCs of the SAT for the general public and for foreigners: many customers share them. */
#define GEST_RFC_GENERIC_NATIONAL "XAXX010101000"
#define GEST_RFC_GENERIC_FOREIGN  "XEXX010101000"

GestCustomerValues *gest_customer_values_new        (void);
GestCustomerValues *gest_customer_values_copy       (const GestCustomerValues *values);
void                gest_customer_values_free       (GestCustomerValues       *values);
const char         *gest_customer_values_get        (const GestCustomerValues *values,
                                                     GestCustomerField         field);
/* Replaces one field's text (NULL as ""). */
void                gest_customer_values_set        (GestCustomerValues       *values,
                                                     GestCustomerField         field,
                                                     const char               *text);
gboolean            gest_customer_values_equal      (const GestCustomerValues *a,
                                                     const GestCustomerValues *b);

/* Pure: what is wrong with @field (translated, newly allocated), or NULL. Empty optional
 * fields are fine; the name and the RFC are required. The postal code is checked against
 * the state when both are given. Knows nothing of other customers (the save does). */
char               *gest_customer_field_problem     (const GestCustomerValues *values,
                                                     GestCustomerField         field);
/* The first field with a problem in @out_field and the problem as GEST_ERROR_INVALID. */
gboolean            gest_customer_values_validate   (const GestCustomerValues *values,
                                                     GestCustomerField        *out_field,
                                                     GError                  **error);
/* "fisica" for a 13-character RFC, "moral" for 12. */
const char         *gest_customer_kind_for_rfc      (const char               *rfc);
gboolean            gest_rfc_is_generic             (const char               *rfc);

/* The active customer @uuid; NULL with GEST_ERROR_NOT_FOUND. */
GestCustomerValues *gest_customer_load              (GestStore                *store,
                                                     const char               *uuid,
                                                     GError                  **error);
/* Creates (uuid NULL) or updates the customer, blocking, in the caller's transaction or its
 * own: the permission, the checks, the RFC unique among active customers (but the generic
 * ones), the row only if still at @values's version, an activity entry. Returns the
 * customer's uuid, or NULL with @error (nothing written). @out_field, if not NULL, gets the
 * field the error is about (GEST_N_CUSTOMER_FIELDS for none). */
char               *gest_customer_save              (GestStore                *store,
                                                     const GestCustomerValues *values,
                                                     GestCustomerField        *out_field,
                                                     GError                  **error);
/* gest_customer_save() on the store's writer thread. */
void                gest_customer_save_async        (GestStore                *store,
                                                     const GestCustomerValues *values,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
char               *gest_customer_save_finish       (GestStore                *store,
                                                     GAsyncResult             *result,
                                                     GestCustomerField        *out_field,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCustomerValues, gest_customer_values_free)

G_END_DECLS
