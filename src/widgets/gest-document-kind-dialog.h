/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-document.h"

G_BEGIN_DECLS

/* X4: asks what each file about to be attached is (one combo row per file, the kind guessed
 * from its name). Responses: "attach" and "cancel"; read the choice in the response handler. */
#define GEST_TYPE_DOCUMENT_KIND_DIALOG (gest_document_kind_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestDocumentKindDialog, gest_document_kind_dialog, GEST, DOCUMENT_KIND_DIALOG, AdwMessageDialog)

GtkWidget        *gest_document_kind_dialog_new       (GtkWindow              *parent,
                                                       GFile * const          *files,
                                                       guint                   n_files);
guint             gest_document_kind_dialog_get_n_files (GestDocumentKindDialog *self);
GFile            *gest_document_kind_dialog_get_file  (GestDocumentKindDialog *self,
                                                       guint                   index);
GestDocumentKind  gest_document_kind_dialog_get_kind  (GestDocumentKindDialog *self,
                                                       guint                   index);
void              gest_document_kind_dialog_set_kind  (GestDocumentKindDialog *self,
                                                       guint                   index,
                                                       GestDocumentKind        kind);

G_END_DECLS
