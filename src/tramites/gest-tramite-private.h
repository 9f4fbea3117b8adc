/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-tramite.h"

G_BEGIN_DECLS

/* Shared by gest-tramite.c and gest-tramite-actions.c (one record type over two files).
 *
 * A change runs in its own transaction, or in a savepoint when the caller already holds one
 * (the demo filler, a sync batch), so that it is written whole or not at all. */
gboolean gest_tramite_tx_begin     (GestStore   *store,
                                    gboolean    *out_own,
                                    GError     **error);
gboolean gest_tramite_tx_commit    (GestStore   *store,
                                    gboolean     own,
                                    GError     **error);
void     gest_tramite_tx_rollback  (GestStore   *store,
                                    gboolean     own);

G_END_DECLS
