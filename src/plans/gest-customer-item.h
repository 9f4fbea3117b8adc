/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One customer of the Customers list (gest-customer-list.h): what a row shows. Immutable. */
#define GEST_TYPE_CUSTOMER_ITEM (gest_customer_item_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomerItem, gest_customer_item, GEST, CUSTOMER_ITEM, GObject)

GestCustomerItem *gest_customer_item_new         (const char       *uuid,
                                                  const char       *name,
                                                  const char       *rfc,
                                                  const char       *phone,
                                                  const char       *city);
const char       *gest_customer_item_get_uuid    (GestCustomerItem *self);
const char       *gest_customer_item_get_name    (GestCustomerItem *self);
/* "GODE561231GR8 · 55 1234 5678 · Guadalajara", the parts there are. */
const char       *gest_customer_item_get_summary (GestCustomerItem *self);

G_END_DECLS
