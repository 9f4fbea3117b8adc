/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-context.h"
#include "gest-tramite.h"

G_BEGIN_DECLS

/* T5: the follow-up checklist of one trámite, part of its detail page. Each dated item shows
 * when it was done or a "Mark Done" button (gest_tramite_check_item); Conauto's items (the
 * car-insurance cancellation and the invoice release, T7) are read-only. The customer's
 * payment is recorded in the first row, a GestTramitePaymentForm (amount, date, reference and
 * a payment-proof document chosen among the trámite's documents), whose errors and refusals
 * show under its fields. After a change it emits ::changed; a refusal of another item shows
 * in full under the checklist, its row marked (gest-field-error.h); confirmations go out as
 * ::show-message. */
#define GEST_TYPE_TRAMITE_CHECKLIST_VIEW (gest_tramite_checklist_view_get_type ())
G_DECLARE_FINAL_TYPE (GestTramiteChecklistView, gest_tramite_checklist_view, GEST, TRAMITE_CHECKLIST_VIEW, GtkWidget)

/* @documents: the trámite's GestDocuments (the document list's model), for the proof. */
GtkWidget *gest_tramite_checklist_view_new               (GestContext              *context,
                                                          GListModel               *documents);
/* Shows @tramite (copied). */
void       gest_tramite_checklist_view_set_tramite       (GestTramiteChecklistView *self,
                                                          const GestTramite        *tramite);
/* Marks @item done, as its button does: the save runs on the store's writer thread; "changed"
 * follows it, or its refusal under the checklist. TRUE when started. */
gboolean   gest_tramite_checklist_view_check_item        (GestTramiteChecklistView *self,
                                                          GestTramiteItem           item);
/* Whether @item has a "Mark Done" button (FALSE when done, and for Conauto's items). */
/* Issue 12: undoes @item with @reason (gest_tramite_uncheck_item), the refusal shown under it. */
gboolean   gest_tramite_checklist_view_uncheck_item      (GestTramiteChecklistView *self,
                                                          GestTramiteItem           item,
                                                          const char               *reason);
gboolean   gest_tramite_checklist_view_can_check         (GestTramiteChecklistView *self,
                                                          GestTramiteItem           item);
/* The payment form (GestTramitePaymentForm), the group's first row. */
GtkWidget *gest_tramite_checklist_view_get_payment_form  (GestTramiteChecklistView *self);
/* Fills the payment form. @proof_uuid: a payment-proof document of the trámite, or NULL. */
void       gest_tramite_checklist_view_set_payment_form  (GestTramiteChecklistView *self,
                                                          const char               *amount,
                                                          const char               *date,
                                                          const char               *reference,
                                                          const char               *proof_uuid);
/* Records the payment from the form, as its button does (gest_tramite_payment_form_record):
 * fields in error are refused at once (FALSE) with their messages under the form; otherwise
 * TRUE and the save runs on the store's writer thread, the rules' refusal showing under the
 * form when it ends. */
gboolean   gest_tramite_checklist_view_record_payment    (GestTramiteChecklistView *self);
/* The payment form's first error, or NULL. */
const char *gest_tramite_checklist_view_get_payment_error (GestTramiteChecklistView *self);

G_END_DECLS
