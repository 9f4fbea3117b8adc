/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-document-store.h"
#include "gest-render-queue.h"

G_BEGIN_DECLS

/* X4: the documents of one record (a short list): thumbnail, file name, kind, size and date.
 * Files are attached with the "Attach…" button (documents.attach) or dropped on the list;
 * a dialog asks what each file is. Choosing a row selects it (the page previews the selected
 * document) and emits ::document-activated with the document's uuid. Each row has a menu:
 * Open, Save a Copy…, Print…, Remove… A problem shows in full under the list (the row
 * marked, see gest-field-error.h); confirmations go out as ::show-message for a toast. */
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

/* The document shown in the page's preview: its row is selected and marked. NULL clears.
 * Does not emit ::document-activated. */
void         gest_document_list_select_document (GestDocumentList       *self,
                                                 const char             *uuid);
const char  *gest_document_list_get_selected_uuid (GestDocumentList     *self);

/* What a row's menu does (document.open, document.save-copy, document.print and
 * document.remove, with the uuid as parameter). Open copies the stored file under its name
 * to a temporary folder and hands it to the desktop's default application; Save a Copy
 * asks where (gest_document_list_save_copy() writes it); Print renders the pages with the
 * render queue; Remove asks first (gest_document_list_remove_document() removes at once,
 * logged on the record). */
void         gest_document_list_open_document   (GestDocumentList       *self,
                                                 const char             *uuid);
void         gest_document_list_save_copy       (GestDocumentList       *self,
                                                 const char             *uuid,
                                                 GFile                  *destination);
void         gest_document_list_print_document  (GestDocumentList       *self,
                                                 const char             *uuid);
void         gest_document_list_confirm_remove  (GestDocumentList       *self,
                                                 const char             *uuid);
void         gest_document_list_remove_document (GestDocumentList       *self,
                                                 const char             *uuid);
/* TRUE while an open, save, print or remove started here has not finished. */
gboolean     gest_document_list_get_busy        (GestDocumentList       *self);

/* Shows @message in full under the list, marking the row of @uuid (NULL: the list as a
 * whole); @message NULL clears. The one place the list and its page show a refusal. */
void         gest_document_list_show_error      (GestDocumentList       *self,
                                                 const char             *uuid,
                                                 const char             *message);
/* The message shown under the list, or NULL. */
const char  *gest_document_list_get_error       (GestDocumentList       *self);
/* Adds @widget (a button acting on all the documents) under the list, above its errors. */
void         gest_document_list_add_action      (GestDocumentList       *self,
                                                 GtkWidget              *widget);

G_END_DECLS
