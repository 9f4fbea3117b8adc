/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-tramite.h"

G_BEGIN_DECLS

/* The trámite changes of gest-tramite.h, as the windows make them: on the store's writer
 * thread (gest_store_write_async()), so the UI thread never waits for the disk or for the
 * sync's write lock. Same rules, same messages, same transaction as the blocking functions;
 * @store is the UI thread's store; @callback runs once the UI thread's connection sees the
 * change. */

void         gest_tramite_create_async          (GestStore            *store,
                                                 const char           *plan,
                                                 GestMoney             agreed_amount,
                                                 const GDate          *agreed_date,
                                                 const char           *notes,
                                                 const char           *reason,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GestTramite *gest_tramite_create_finish         (GestStore            *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void         gest_tramite_move_async            (GestStore            *store,
                                                 const char           *uuid,
                                                 int                   to_step,
                                                 const char           *note,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void         gest_tramite_check_item_async      (GestStore            *store,
                                                 const char           *uuid,
                                                 GestTramiteItem       item,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void         gest_tramite_record_payment_async  (GestStore            *store,
                                                 const char           *uuid,
                                                 GestMoney             amount,
                                                 const GDate          *date,
                                                 const char           *reference,
                                                 const char           *proof_document_uuid,
                                                 const char           *reason,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void         gest_tramite_uncheck_item_async    (GestStore            *store,
                                                 const char           *uuid,
                                                 GestTramiteItem       item,
                                                 const char           *reason,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* The end of a move, an undone item, a checked item or a payment. */
gboolean     gest_tramite_save_finish           (GestStore            *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
