/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-annulment.h"

G_BEGIN_DECLS

/* The annulment's steps by the stage they lead to (1 send, 2 approve, 3 register,
 * 4 re-invoicing, 5 file): the board's moves and the detail's button. Blocking. */
gboolean gest_annulment_advance        (GestStore           *store,
                                        const char          *uuid,
                                        GestAnnulmentStage   to_stage,
                                        GError             **error);
/* The button's label for the step into @to_stage ("_Send Request"...), translated. */
const char *gest_annulment_advance_label (GestAnnulmentStage to_stage);

/* The same on the store's writer thread (gest_store_write_async()), for the pages. */
void     gest_annulment_advance_async  (GestStore           *store,
                                        const char          *uuid,
                                        GestAnnulmentStage   to_stage,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean gest_annulment_save_finish    (GestStore           *store,
                                        GAsyncResult        *result,
                                        char               **out_uuid,
                                        GError             **error);
/* Creates (@uuid NULL) or updates the request with @request's data (copied). The new uuid
 * comes back from gest_annulment_save_finish(). */
void     gest_annulment_save_request_async (GestStore                  *store,
                                            const char                 *uuid,
                                            const GestAnnulmentRequest *request,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data);

G_END_DECLS
