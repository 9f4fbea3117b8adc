/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-annulment.h"
#include "gest-record-detail.h"

G_BEGIN_DECLS

/* The documents checklist of an annulment's detail (Q1, Q3, Q4): one row per document the
 * annulment needs, present or missing, of the right format or not (marked in the one error
 * style, the reason under the group), with buttons to attach a file as that document (a
 * file chooser; the detail's document list stores it) and to preview the attached one. */
#define GEST_TYPE_ANNULMENT_CHECKLIST (gest_annulment_checklist_get_type ())
G_DECLARE_FINAL_TYPE (GestAnnulmentChecklist, gest_annulment_checklist, GEST, ANNULMENT_CHECKLIST, GtkWidget)

/* @detail (not owned) previews and attaches. */
GtkWidget *gest_annulment_checklist_new         (GestRecordDetail       *detail);
/* Shows @annulment's documents (rows made again). */
void       gest_annulment_checklist_set_annulment (GestAnnulmentChecklist *self,
                                                   const GestAnnulment    *annulment);
/* For tests: the row of @doc, NULL when the annulment does not need it. */
AdwActionRow *gest_annulment_checklist_get_row  (GestAnnulmentChecklist *self,
                                                 GestAnnulmentDoc        doc);
GtkWidget    *gest_annulment_checklist_get_attach_button  (GestAnnulmentChecklist *self,
                                                           GestAnnulmentDoc        doc);
GtkWidget    *gest_annulment_checklist_get_preview_button (GestAnnulmentChecklist *self,
                                                           GestAnnulmentDoc        doc);
/* The message under the group (documents of the wrong format), or NULL. */
const char   *gest_annulment_checklist_get_error (GestAnnulmentChecklist *self);

G_END_DECLS
