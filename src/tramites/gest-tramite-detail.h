/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* T1-T7, X4, X5: everything about one folio. The statement as it was at registration, the
 * routing recorded on the trámite (area, reason, thresholds used), the agreed terms, the T5
 * checklist with the customer's payment, the current step with "Move to Step N" (a refusal
 * shows its message as the model words it), the documents with a preview and "Send Documents
 * to Conauto" (T4), and the activity timeline. The model logs every change itself. It is a
 * configuration of the shared GestRecordDetail. */
#define GEST_TYPE_TRAMITE_DETAIL (gest_tramite_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestTramiteDetail, gest_tramite_detail, GEST, TRAMITE_DETAIL, GtkWidget)

GtkWidget  *gest_tramite_detail_new                 (GestContext       *context,
                                                     const char        *tramite_uuid);
const char *gest_tramite_detail_get_tramite_uuid    (GestTramiteDetail *self);
/* Reads the trámite again (after a sync, or a change made elsewhere). */
void        gest_tramite_detail_reload              (GestTramiteDetail *self);
/* The step shown (1..8), 0 when the trámite could not be loaded. */
int         gest_tramite_detail_get_step            (GestTramiteDetail *self);
/* What the "Move to Step N" button does. TRUE when the move is allowed and its save started
 * (the page shows the new step once saved); otherwise the refusal is shown under the button
 * (see gest_tramite_detail_get_move_error), as is an error of the save. */
gboolean    gest_tramite_detail_move_next           (GestTramiteDetail *self);
/* Issue 12: moves the trámite back one step with @reason (the "Move Back…" dialog's). */
gboolean    gest_tramite_detail_move_back           (GestTramiteDetail *self,
                                                     const char        *reason);
const char *gest_tramite_detail_get_move_error      (GestTramiteDetail *self);
/* What "Send Documents to Conauto" does: queues the email with every document of the trámite,
 * on the store's writer thread (a toast confirms it). With no document, or when queueing
 * fails, the reason shows in full under the documents. TRUE when started. */
gboolean    gest_tramite_detail_send_documents      (GestTramiteDetail *self);

/* The parts, for the window's actions and for tests. */
GtkWidget  *gest_tramite_detail_get_document_list   (GestTramiteDetail *self);
GtkWidget  *gest_tramite_detail_get_preview         (GestTramiteDetail *self);
GtkWidget  *gest_tramite_detail_get_timeline        (GestTramiteDetail *self);
GtkWidget  *gest_tramite_detail_get_checklist       (GestTramiteDetail *self);

G_END_DECLS
