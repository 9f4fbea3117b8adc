/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The "Customers" section's page (issue 12): the customers, found by name, RFC or phone, in a
 * list view that reads only the rows it shows (gest-customer-list.h), a "New Customer" button,
 * and a customer's page as the detail (a leaflet, as the boards: "can-go-back", and Escape,
 * Alt+← or the header's back button through its "board-page.back" action). */
#define GEST_TYPE_CUSTOMERS_SECTION_PAGE (gest_customers_section_page_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomersSectionPage, gest_customers_section_page, GEST, CUSTOMERS_SECTION_PAGE,
                      GtkWidget)

GtkWidget  *gest_customers_section_page_new           (GestStore                *store);
/* Shows the page of the customer @uuid. */
void        gest_customers_section_page_show_customer (GestCustomersSectionPage *self,
                                                       const char               *uuid);
/* Back to the list. */
void        gest_customers_section_page_show_list     (GestCustomersSectionPage *self);
/* Opens the new customer's form. */
void        gest_customers_section_page_new_customer  (GestCustomersSectionPage *self);
void        gest_customers_section_page_set_search    (GestCustomersSectionPage *self,
                                                       const char               *text);
/* For tests. */
GListModel *gest_customers_section_page_get_list      (GestCustomersSectionPage *self);
GtkWidget  *gest_customers_section_page_get_customer_page (GestCustomersSectionPage *self);
gboolean    gest_customers_section_page_get_can_go_back (GestCustomersSectionPage *self);
/* "list", "empty" (no customer at all) or "no-match". */
const char *gest_customers_section_page_get_state     (GestCustomersSectionPage *self);

G_END_DECLS
