/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-document.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* X4: documents attached to a record (a payoff, a case...). The content is stored once
 * per SHA-256 under gest_store_get_files_dir() as <aa>/<sha256> (aa = first two hex
 * digits); the metadata is a row of the documents table. Attaching also appends a
 * "document" entry to the record's activity log, in the same transaction as the row.
 *
 * The object lives on the thread that owns the GestStore (the UI thread in the app);
 * add_async() copies and hashes the file on a worker thread and writes SQLite back on
 * that thread. */
#define GEST_TYPE_DOCUMENT_STORE (gest_document_store_get_type ())
G_DECLARE_FINAL_TYPE (GestDocumentStore, gest_document_store, GEST, DOCUMENT_STORE, GObject)

/* Issue 16.4: the largest file that may be attached, in bytes: the setting
 * "documents.max-size" (default GEST_DOCUMENT_DEFAULT_MAX_SIZE), or the sync server's limit
 * when it is smaller (sync_state "max-blob", from enrollment and pulls). A larger file, or one
 * that is not a regular file (/dev/zero, a pipe), is refused before it is read. */
#define GEST_DOCUMENT_DEFAULT_MAX_SIZE ((gint64) 25 * 1000 * 1000)   /* shown as "25.0 MB" */
gint64             gest_document_store_get_max_size (GestStore            *store);

GestDocumentStore *gest_document_store_new          (GestStore            *store);
GestStore         *gest_document_store_get_store    (GestDocumentStore    *self);

/* Stores @file for @record_uuid. An empty file is refused with GEST_ERROR_INVALID; a file
 * that cannot be read or copied gives a GEST_ERROR_STORE message naming it. Emits
 * GestDocumentStore::document-added. */
GestDocument      *gest_document_store_add          (GestDocumentStore    *self,
                                                     const char           *record_uuid,
                                                     GFile                *file,
                                                     GestDocumentKind      kind,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void               gest_document_store_add_async    (GestDocumentStore    *self,
                                                     const char           *record_uuid,
                                                     GFile                *file,
                                                     GestDocumentKind      kind,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GestDocument      *gest_document_store_add_finish   (GestDocumentStore    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The record's documents, oldest first: a GListModel of GestDocument. */
GListModel        *gest_document_store_list         (GestDocumentStore    *self,
                                                     const char           *record_uuid,
                                                     GError              **error);
/* One document by uuid; GEST_ERROR_NOT_FOUND when there is none. */
GestDocument      *gest_document_store_lookup       (GestDocumentStore    *self,
                                                     const char           *uuid,
                                                     GError              **error);
/* Path of the stored content for @sha256 (the file may not exist). */
char              *gest_document_store_get_content_path (GestDocumentStore *self,
                                                         const char        *sha256);
/* Re-reads the stored content of @document and compares its SHA-256 and size with the row:
 * GEST_ERROR_NOT_FOUND when the file is missing, GEST_ERROR_TAMPERED when it differs. */
gboolean           gest_document_store_verify       (GestDocumentStore    *self,
                                                     GestDocument         *document,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

G_END_DECLS
