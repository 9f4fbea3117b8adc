/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Reads of the agenda's day pages off the UI thread (issue 15). A loader owns one read-only
 * connection to the database, opened in its first read's thread and kept for the next; one
 * read uses it at a time. The page keeps the loader, a GCancellable it cancels in dispose and
 * a serial number: a result whose serial is no longer the page's is stale and dropped. */
typedef struct _GestAgendaLoader GestAgendaLoader;

/* Runs in a worker thread on the loader's connection: the result, or NULL with @error set. */
typedef gpointer (*GestAgendaLoadFunc) (GestStore  *store,
                                        gpointer    data,
                                        GError    **error);

GestAgendaLoader *gest_agenda_loader_new    (const char          *db_path);
void              gest_agenda_loader_unref  (GestAgendaLoader    *loader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAgendaLoader, gest_agenda_loader_unref)

/* Runs @func with @data (freed by @data_free) in a thread; @callback runs on the caller's main
 * context with @user_data and a NULL source object: the caller holds its page in @user_data
 * (a reference released in the callback, on the UI thread) and does nothing there once the
 * page is disposed. @result_free frees a result nobody took. */
void              gest_agenda_loader_run    (GestAgendaLoader    *loader,
                                             GestAgendaLoadFunc   func,
                                             gpointer             data,
                                             GDestroyNotify       data_free,
                                             GDestroyNotify       result_free,
                                             guint                serial,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The result (owned by the caller) and the serial given to the run; NULL with @error set
 * when the read failed or was cancelled (G_IO_ERROR_CANCELLED). */
gpointer          gest_agenda_loader_finish (GAsyncResult        *result,
                                             guint               *out_serial,
                                             GError             **error);

G_END_DECLS
