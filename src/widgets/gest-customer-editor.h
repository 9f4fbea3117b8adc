/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-customer-edit.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The form that creates or edits a customer (issue 12), a modal window over @parent. It
 * saves through gest_customer_save_async(), shows what is wrong under each group
 * (gest-field-error.h) and emits "saved" with the customer's uuid before it closes. */
#define GEST_TYPE_CUSTOMER_EDITOR (gest_customer_editor_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomerEditor, gest_customer_editor, GEST, CUSTOMER_EDITOR, AdwWindow)

/* @values: the customer to edit (copied), or NULL for a new one. */
GestCustomerEditor       *gest_customer_editor_new        (GtkWindow                *parent,
                                                           GestStore                *store,
                                                           const GestCustomerValues *values);
/* The values the form holds now. */
const GestCustomerValues *gest_customer_editor_get_values (GestCustomerEditor       *self);
/* The row of @field (for tests). */
GtkWidget                *gest_customer_editor_get_row    (GestCustomerEditor       *self,
                                                           GestCustomerField         field);
/* Save, as the button does. */
void                      gest_customer_editor_save       (GestCustomerEditor       *self);

G_END_DECLS
