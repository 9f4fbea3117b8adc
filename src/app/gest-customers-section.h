/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The "Customers" section (issue 12): shared by every module, so it is not one of the
 * modules of src/gest-module-list.h, but it joins the sidebar and the search through the same
 * registry (GestModule over GestDomainModule, id "customers"). It claims the shared customer
 * search kind, so a customer hit opens the customer's page. */
#define GEST_TYPE_CUSTOMERS_SECTION (gest_customers_section_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomersSection, gest_customers_section, GEST, CUSTOMERS_SECTION, GObject)

/* Adds the section to the registry (the app calls it where it registers the modules). */
void gest_customers_section_register (void);

G_END_DECLS
