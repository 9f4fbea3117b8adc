/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-annulment-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The annulment request form (Q1): the plan (its customer), the city, the invoice and its
 * CFDI folio fiscal, the SAT reason (01 asks for the substituting CFDI), the costs and the
 * re-invoicing; the values/state pattern (gest-annulment-values.h), errors in the one style.
 * @uuid NULL makes a new request, else edits that one while it is at "Request". Saves on
 * the store's writer thread and emits ::saved (the uuid) before it closes. */
#define GEST_TYPE_ANNULMENT_REQUEST_WINDOW (gest_annulment_request_window_get_type ())
G_DECLARE_FINAL_TYPE (GestAnnulmentRequestWindow, gest_annulment_request_window, GEST, ANNULMENT_REQUEST_WINDOW, AdwWindow)

GtkWidget                 *gest_annulment_request_window_new        (GestContext                *context,
                                                                     const char                 *uuid);
const GestAnnulmentValues *gest_annulment_request_window_get_values (GestAnnulmentRequestWindow *self);

G_END_DECLS
