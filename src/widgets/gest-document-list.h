/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-document-store.h"
#include "gest-render-queue.h"

G_BEGIN_DECLS

/* X4: the documents of one record (a short list): thumbnail, file name, kind, size and date.
 * Files are attached with the "Attach…" button (documents.attach) or dropped on the list;
 * a dialog asks what each file is. Activating a row emits ::document-activated with the
 * document's uuid; problems and confirmations go out as ::show-message for the page's
 * toast overlay. */
#define GEST_TYPE_DOCUMENT_LIST (gest_document_list_get_type ())
G_DECLARE_FINAL_TYPE (GestDocumentList, gest_document_list, GEST, DOCUMENT_LIST, GtkWidget)

/* @queue: NULL for gest_render_queue_get_default(). */
GtkWidget   *gest_document_list_new             (GestDocumentStore      *store,
                                                 const char             *record_uuid,
                                                 GestRenderQueue        *queue);
const char  *gest_document_list_get_record_uuid (GestDocumentList       *self);
void         gest_document_list_set_record_uuid (GestDocumentList       *self,
                                                 const char             *record_uuid);
/* The record's GestDocuments, oldest first. */
GListModel  *gest_document_list_get_model       (GestDocumentList       *self);
/* Asks the kind of each file (a dialog), then attaches them. */
void         gest_document_list_add_files       (GestDocumentList       *self,
                                                 GFile * const          *files,
                                                 guint                   n_files);
/* Attaches without asking. Completion shows in the list and as ::show-message. */
void         gest_document_list_attach_files    (GestDocumentList       *self,
                                                 GFile * const          *files,
                                                 const GestDocumentKind *kinds,
                                                 guint                   n_files);

G_END_DECLS
