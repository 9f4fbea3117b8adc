/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-activity.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* X5: append-only, tamper-evident activity log per record. There is no API to edit or
 * delete an entry, and SQL triggers refuse UPDATE and DELETE on the table.
 * Append works inside or outside a caller's transaction (it uses a SAVEPOINT), and records
 * the current user and role from the store's settings. Returns the new entry's seq. */
gint64     gest_activity_log_append (GestStore         *store,
                                     const char        *record_uuid,
                                     GestActivityKind   kind,
                                     const char        *text,
                                     const char        *contact_name,
                                     const char        *contact_role,
                                     GError           **error);
/* gest_activity_log_append() on the store's writer thread (gest_store_write_async()), for
 * the UI thread: it never waits for the disk or for the sync's write lock. */
void       gest_activity_log_append_async  (GestStore           *store,
                                            const char          *record_uuid,
                                            GestActivityKind     kind,
                                            const char          *text,
                                            const char          *contact_name,
                                            const char          *contact_role,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The new entry's seq, or -1 with @error. */
gint64     gest_activity_log_append_finish (GestStore           *store,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Entries of a record, oldest first: GPtrArray of GestActivityEntry* (free func set). */
GPtrArray *gest_activity_log_list   (GestStore         *store,
                                     const char        *record_uuid,
                                     GError           **error);
/* Walks the chain of one record (or of every record when @record_uuid is NULL). On the first
 * entry whose stored hash or previous hash does not match, returns FALSE with
 * GEST_ERROR_TAMPERED and a message naming the record, the entry's seq and its date. */
gboolean   gest_activity_log_verify (GestStore         *store,
                                     const char        *record_uuid,
                                     GError           **error);

G_END_DECLS
