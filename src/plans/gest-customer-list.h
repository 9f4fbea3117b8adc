/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The active customers, by name, as a GListModel of GestCustomerItem for the Customers
 * section (issue 12). Like the board's columns it holds only the ordered row ids (8 bytes a
 * customer) and reads a customer by key when a row asks for it, so 100,000 customers or more
 * list at once; the search filters in SQL (the search index: accent-insensitive, every word a
 * prefix of a word of the name, RFC, e-mail, phone or city). It reads on @store's connection,
 * the UI thread's read-only one. */
#define GEST_TYPE_CUSTOMER_LIST (gest_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomerList, gest_customer_list, GEST, CUSTOMER_LIST, GObject)

GestCustomerList *gest_customer_list_new        (GestStore        *store);
/* Filters by @text ("" or NULL: every customer) and reloads. */
void              gest_customer_list_set_filter (GestCustomerList *self,
                                                 const char       *text);
const char       *gest_customer_list_get_filter (GestCustomerList *self);
/* Reads the ids again (after a save or a merge). */
void              gest_customer_list_reload     (GestCustomerList *self);
/* The position of @uuid, or -1. */
int               gest_customer_list_find       (GestCustomerList *self,
                                                 const char       *uuid);

G_END_DECLS
