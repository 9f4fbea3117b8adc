/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* "Merge with…" (issue 12): the confirmation of a merge of two customers, where the user
 * finds the other customer by name, RFC or phone and writes why they are the same person.
 * The "merge" response is enabled once both are given; it emits "merge" with the chosen
 * customer's uuid and the reason. The merge itself is the caller's (gest_customers_merge_async()). */
#define GEST_TYPE_CUSTOMER_MERGE_DIALOG (gest_customer_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestCustomerMergeDialog, gest_customer_merge_dialog, GEST, CUSTOMER_MERGE_DIALOG,
                      AdwMessageDialog)

/* Merges @from_uuid (named @from_name) into the customer the user picks. */
GestCustomerMergeDialog *gest_customer_merge_dialog_new        (GtkWindow               *parent,
                                                                GestStore               *store,
                                                                const char              *from_uuid,
                                                                const char              *from_name);
/* For tests: types @text in the search, picks the hit at @position (of those shown). */
void                     gest_customer_merge_dialog_search     (GestCustomerMergeDialog *self,
                                                                const char              *text);
gboolean                 gest_customer_merge_dialog_pick       (GestCustomerMergeDialog *self,
                                                                guint                    position);
void                     gest_customer_merge_dialog_set_reason (GestCustomerMergeDialog *self,
                                                                const char              *reason);

G_END_DECLS
