/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-tramite.h"
#include "gest-tramite-values.h"

G_BEGIN_DECLS

/* T5: the customer's payment of one trámite, as the first row of its follow-up checklist: an
 * expander whose subtitle says what was recorded, and inside it the amount (GestMoneyRow), the
 * date (GestDateRow), the deposit or transfer reference and the payment-proof document chosen
 * among the trámite's documents. The form follows gnome-calendar's pattern: every change makes
 * new GestTramitePaymentValues, gest_tramite_payment_widget_state_from_values() says what the
 * form shows, and one function applies it. Errors show under the fields (the row marked `error`) once the user
 * tried to record; the model's refusal of a save shows there too. After a save it emits
 * ::recorded. */
#define GEST_TYPE_TRAMITE_PAYMENT_FORM (gest_tramite_payment_form_get_type ())
G_DECLARE_FINAL_TYPE (GestTramitePaymentForm, gest_tramite_payment_form, GEST, TRAMITE_PAYMENT_FORM, AdwExpanderRow)

/* @documents: the trámite's GestDocuments (the document list's model), for the proof. */
GtkWidget                      *gest_tramite_payment_form_new         (GestContext            *context,
                                                                       GListModel             *documents);
/* Shows @tramite (copied); NULL for none. */
void                            gest_tramite_payment_form_set_tramite (GestTramitePaymentForm *self,
                                                                       const GestTramite      *tramite);
/* Fills the fields as the user would. @proof_uuid: a payment-proof document of the trámite,
 * or NULL. */
void                            gest_tramite_payment_form_fill        (GestTramitePaymentForm *self,
                                                                       const char             *amount,
                                                                       const char             *date,
                                                                       const char             *reference,
                                                                       const char             *proof_uuid);
/* What the Record button does: shows the fields' errors and returns FALSE when there are any
 * (or the trámite cannot take a payment, or a save is under way); otherwise starts the save on
 * the store's writer thread and returns TRUE. The model's refusal shows under the form when
 * the save ends; success emits ::recorded. */
gboolean                        gest_tramite_payment_form_record      (GestTramitePaymentForm *self);
/* The first message the form shows (fields in order, then the refusal), or NULL. */
const char                     *gest_tramite_payment_form_get_error   (GestTramitePaymentForm *self);
const GestTramitePaymentValues *gest_tramite_payment_form_get_values  (GestTramitePaymentForm *self);

G_END_DECLS
