/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-contact-queue.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* One call of the day's queue (S6, S8, S15): the customer and the numbers to pick the one
 * dialled, the open field actions first with their check buttons (pre-checked), the resolved
 * call script, the outcome buttons with the call-back time and a note, and the history of
 * the attempts with their band and whether they counted. The panel's rules are
 * gest-contact-call-values.h; a refusal of gest_contact_call_record() shows in full under
 * the outcome buttons. Loads in a thread with its own read-only connection; records through
 * gest_store_write_async(). Emits "recorded" (target uuid, GestCallOutcome) once a call is
 * logged. */
#define GEST_TYPE_CONTACT_CALL_PANEL (gest_contact_call_panel_get_type ())
G_DECLARE_FINAL_TYPE (GestContactCallPanel, gest_contact_call_panel, GEST, CONTACT_CALL_PANEL, GtkWidget)

/* @now: the moment calls are recorded at (0: the clock's time at each call). */
GtkWidget  *gest_contact_call_panel_new        (GestContext           *context,
                                                const GestContactItem *item,
                                                gint64                 now);
const char *gest_contact_call_panel_get_title  (GestContactCallPanel  *self);
/* TRUE once the panel's data is loaded (tests wait for it). */
gboolean    gest_contact_call_panel_is_loaded  (GestContactCallPanel  *self);

G_END_DECLS
