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

/* The parts every change of a trámite shares (gest-tramite-actions.c, gest-tramite-payment.c):
 * gest_record_change_run() over the tramites table, reloading with gest_tramite_load_by_uuid. */
#define GEST_TRAMITE_CHANGE \
  .name = "gest_tramite_change", \
  .table = "tramites", \
  .load = gest_tramite_change_load, \
  .free_record = (GDestroyNotify) gest_tramite_free, \
  .log_kind = GEST_ACTIVITY_STATUS, \
  .conflict_message = N_("The trámite changed while it was being updated. Open it again and retry.")

gpointer gest_tramite_change_load  (GestStore   *store,
                                    const char  *uuid,
                                    gint64      *out_version,
                                    gpointer     user_data,
                                    GError     **error);

/* "Reason: …" appended to a log text when @reason is not blank; @text is consumed. */
char    *gest_tramite_log_with_reason (char        *text,
                                       const char  *reason);

G_END_DECLS
