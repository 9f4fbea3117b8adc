/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-document-list.h"
#include "gest-document-preview.h"
#include "gest-document-store.h"
#include "gest-timeline.h"

G_BEGIN_DECLS

/* The detail page of one record of any module, in one scrolling page, top to bottom:
 * the header (the record's title, e.g. its folio, a subtitle, and its status with the
 * module's actions on it), the module's field groups, the module's own sections (a
 * checklist...), the documents with their preview, and the activity timeline. The module
 * fills it: it sets the header, adds groups and sections, and shows refusals where they
 * happen (gest_record_detail_show_status_error(), gest_document_list_show_error(); see
 * gest-field-error.h). Confirmations go out as toasts (gest_record_detail_add_toast()).
 *
 * The documents, the preview and the timeline are wired here: choosing a document previews
 * it, attaching one shows it, removing one previews the newest left, and every change of
 * the documents reloads the timeline. */
#define GEST_TYPE_RECORD_DETAIL (gest_record_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestRecordDetail, gest_record_detail, GEST, RECORD_DETAIL, GtkWidget)

GtkWidget           *gest_record_detail_new                (GestContext      *context,
                                                            const char       *record_uuid);
GestStore           *gest_record_detail_get_store          (GestRecordDetail *self);
const char          *gest_record_detail_get_record_uuid    (GestRecordDetail *self);

/* The header. */
void                 gest_record_detail_set_title          (GestRecordDetail *self,
                                                            const char       *title);
const char          *gest_record_detail_get_title          (GestRecordDetail *self);
void                 gest_record_detail_set_subtitle       (GestRecordDetail *self,
                                                            const char       *subtitle);
/* The status group under the header (hidden until set): its heading ("Current Step"), and
 * one row with the status and what it means. */
void                 gest_record_detail_set_status_heading (GestRecordDetail *self,
                                                            const char       *heading);
void                 gest_record_detail_set_status         (GestRecordDetail *self,
                                                            const char       *title,
                                                            const char       *description);
/* A button at the end of the status row (a move to the next step...). */
void                 gest_record_detail_add_status_action  (GestRecordDetail *self,
                                                            GtkWidget        *widget);
/* A refusal of a status action, in full under the status row (marked); NULL clears. */
void                 gest_record_detail_show_status_error  (GestRecordDetail *self,
                                                            const char       *message);
const char          *gest_record_detail_get_status_error   (GestRecordDetail *self);

/* A group of the record's fields; groups flow side by side when the page is wide. */
void                 gest_record_detail_add_group          (GestRecordDetail    *self,
                                                            AdwPreferencesGroup *group);
/* A full-width section of the module's own (a checklist), after the field groups. */
void                 gest_record_detail_add_section        (GestRecordDetail *self,
                                                            GtkWidget        *widget);
/* A button under the documents acting on all of them (sending them...). Its refusals go to
 * gest_document_list_show_error (list, NULL, message). */
void                 gest_record_detail_add_document_action (GestRecordDetail *self,
                                                            GtkWidget        *widget);

/* The record could not be loaded: a status page with @title and @message instead of the
 * page. gest_record_detail_show_record() shows the page again. */
void                 gest_record_detail_show_unavailable   (GestRecordDetail *self,
                                                            const char       *title,
                                                            const char       *message);
void                 gest_record_detail_show_record        (GestRecordDetail *self);
/* A confirmation (never a refusal: those show where they happen). */
void                 gest_record_detail_add_toast          (GestRecordDetail *self,
                                                            const char       *message);

/* Previews @document and selects its row; NULL clears the preview. */
void                 gest_record_detail_show_document      (GestRecordDetail *self,
                                                            GestDocument     *document);

GestDocumentStore   *gest_record_detail_get_document_store (GestRecordDetail *self);
GestDocumentList    *gest_record_detail_get_document_list  (GestRecordDetail *self);
GestDocumentPreview *gest_record_detail_get_preview        (GestRecordDetail *self);
GestTimeline        *gest_record_detail_get_timeline       (GestRecordDetail *self);

G_END_DECLS
