/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-document-list.h"

G_BEGIN_DECLS

/* GestDocumentList spans two files: gest-document-list.c (the list, attaching) and
 * gest-document-list-actions.c (what a row's menu does: open, save a copy, print, remove). */
struct _GestDocumentList
{
  GtkWidget             parent_instance;

  /* Template children. The overlay is bound so that dispose_template() unparents it. */
  GtkWidget            *overlay;
  AdwPreferencesGroup  *group;
  GtkListBox           *list_box;
  GtkBox               *actions_box;
  GtkRevealer          *drop_revealer;
  GtkLabel             *error_label;     /* gest_field_error_label_new (group) */
  GtkWidget            *error_row;       /* borrowed: the row marked in error, or NULL */

  GestDocumentStore    *store;
  GestRenderQueue      *queue;
  char                 *record_uuid;
  GListStore           *documents;
  char                 *selected_uuid;   /* the document shown in the preview */
  gboolean              selecting;       /* a selection made by code, not by the user */
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *save_chooser;
  GtkWindow            *kind_dialog;     /* borrowed: destroyed with this widget */
  GtkWindow            *remove_dialog;   /* borrowed: destroyed with this widget */
  /* Files to attach, one at a time so the list keeps the order they were given in. */
  GQueue                to_attach;       /* PendingFile */
  gboolean              attaching;
  guint                 n_attached;
  guint                 n_jobs;          /* open, save, print or remove in progress */
  /* Cancels the attachment and the row actions in progress when the page closes. */
  GCancellable         *cancellable;
};

enum {
  GEST_DOCUMENT_LIST_DOCUMENT_ACTIVATED,
  GEST_DOCUMENT_LIST_SHOW_MESSAGE,
  GEST_DOCUMENT_LIST_N_SIGNALS
};

extern guint gest_document_list_signals[GEST_DOCUMENT_LIST_N_SIGNALS];

/* gest-document-list-actions.c */
void          gest_document_list_class_add_row_actions (GtkWidgetClass   *widget_class);
void          gest_document_list_dispose_actions       (GestDocumentList *self);
GtkWidget    *gest_document_list_row_menu_button       (GestDocumentList *self,
                                                        GestDocument     *document);
GestDocument *gest_document_list_find                  (GestDocumentList *self,
                                                        const char       *uuid,
                                                        guint            *out_position);
GtkWidget    *gest_document_list_find_row              (GestDocumentList *self,
                                                        const char       *uuid);

G_END_DECLS
