/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Two customers found to be the same person (issue 12): everything of @from_uuid moves to
 * @into_uuid in one transaction (vehicles, plans, and every module's records through its
 * GestCustomerLink merge_sql), @from_uuid is deleted (deleted = 1: the sync carries it), and
 * both customers' logs say what moved and @reason. Needs customers.merge; refuses a customer
 * merged into itself, into or from a customer that is no longer active, and an empty reason.
 * Nothing is written when any step fails. */
gboolean gest_customers_merge        (GestStore            *store,
                                      const char           *from_uuid,
                                      const char           *into_uuid,
                                      const char           *reason,
                                      GError              **error);
/* gest_customers_merge() on the store's writer thread. */
void     gest_customers_merge_async  (GestStore            *store,
                                      const char           *from_uuid,
                                      const char           *into_uuid,
                                      const char           *reason,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean gest_customers_merge_finish (GestStore            *store,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
