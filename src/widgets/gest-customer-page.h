/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* A customer's page (issue 12): contact data with a click to call (tel:) or write (mailto:),
 * the plans, the vehicles and every record of every module linked to the customer (their
 * GestCustomerLink), and the actions Edit, New Vehicle, New Plan and Merge With…. It reads on
 * @store's connection (the UI thread's) and saves through the editors, off the UI thread.
 *
 * Signals: "open-record" (kind, uuid): a plan (kind "plan": its statement) or a module's record
 * was activated, for the window to open as a search hit; "changed": the customer, its vehicles
 * or plans changed (the list reloads); "merged" (into uuid): the customer was merged into
 * another and no longer exists. */
#define GEST_TYPE_CUSTOMER_PAGE (gest_customer_page_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomerPage, gest_customer_page, GEST, CUSTOMER_PAGE, GtkWidget)

typedef enum
{
  GEST_CUSTOMER_PAGE_PLANS,
  GEST_CUSTOMER_PAGE_VEHICLES,
  GEST_CUSTOMER_PAGE_RECORDS,
} GestCustomerPageList;

GtkWidget  *gest_customer_page_new          (GestStore        *store);
/* Shows the customer @uuid (NULL: nothing). */
void        gest_customer_page_set_customer (GestCustomerPage *self,
                                             const char       *uuid);
const char *gest_customer_page_get_customer (GestCustomerPage *self);
/* Reads the customer again. */
void        gest_customer_page_reload       (GestCustomerPage *self);
/* How many rows @list shows (for tests). */
guint       gest_customer_page_count        (GestCustomerPage *self,
                                             GestCustomerPageList list);
/* Activates the @position-th row of @list, as a click does (for tests). */
void        gest_customer_page_activate     (GestCustomerPage *self,
                                             GestCustomerPageList list,
                                             guint             position);
/* The tel: URI of the customer's first phone, or NULL (for tests). */
char       *gest_customer_page_dup_call_uri (GestCustomerPage *self);
/* Merges this customer into @into_uuid, as the "Merge With…" dialog does; the outcome is a
 * "merged" signal, or a message on the page. */
void        gest_customer_page_merge_into   (GestCustomerPage *self,
                                             const char       *into_uuid,
                                             const char       *reason);
/* The message shown on the page now (a refused merge), or NULL. */
const char *gest_customer_page_get_error    (GestCustomerPage *self);

G_END_DECLS
