/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-document-store.h"

G_BEGIN_DECLS

/* X4: what may happen to a stored document after it was attached: a copy of it saved
 * elsewhere (or opened by another application), and its removal from its record. */

/* Writes the stored content of @document to @destination, replacing what is there, after
 * checking it against its fingerprint (the errors of gest_document_store_verify()). It only
 * reads the files folder's path from the store, so it may run on a worker thread while
 * @self lives. */
gboolean           gest_document_store_save_copy    (GestDocumentStore    *self,
                                                     GestDocument         *document,
                                                     GFile                *destination,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
/* A copy of @document under its own file name in a new temporary folder, for an application
 * that opens files by name. Returns its path. Thread use as gest_document_store_save_copy(). */
char              *gest_document_store_save_temporary_copy (GestDocumentStore *self,
                                                     GestDocument         *document,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* Removes a document from its record: the row is marked deleted (so the removal syncs) and a
 * "document" entry saying so is appended to the record's activity log, in one transaction
 * (or a savepoint of the caller's). The stored content stays: another row may share it.
 * GEST_ERROR_NOT_FOUND when there is no such document. */
gboolean           gest_document_remove             (GestStore            *store,
                                                     const char           *uuid,
                                                     GError              **error);
/* gest_document_remove() on the store's writer thread; emits
 * GestDocumentStore::document-removed once the change is committed. */
void               gest_document_store_remove_async (GestDocumentStore    *self,
                                                     const char           *uuid,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           gest_document_store_remove_finish (GestDocumentStore   *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
