/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-annulment-checklist.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* An annulment's page: the shared GestRecordDetail with its header (folio, customer), its
 * stage with the button of the next step (refusals in full under it), the request's data
 * (CFDI, reason, costs, the email's subject), the documents checklist, the documents and
 * the log. Steps save on the store's writer thread; the page reloads when they report and
 * when a document is attached or removed. */
#define GEST_TYPE_ANNULMENT_DETAIL (gest_annulment_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestAnnulmentDetail, gest_annulment_detail, GEST, ANNULMENT_DETAIL, GtkWidget)

GtkWidget              *gest_annulment_detail_new           (GestContext         *context,
                                                             const char          *uuid);
/* Loads the annulment again from the store. */
void                    gest_annulment_detail_reload        (GestAnnulmentDetail *self);
GestRecordDetail       *gest_annulment_detail_get_record_detail (GestAnnulmentDetail *self);
GestAnnulmentChecklist *gest_annulment_detail_get_checklist (GestAnnulmentDetail *self);
/* The next step's button, NULL once filed. */
GtkWidget              *gest_annulment_detail_get_step_button (GestAnnulmentDetail *self);

G_END_DECLS
