/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* S5: a customer to call back on an agreed day about parts still to arrive or a quote not
 * authorised (gest_service_followup_add()). The form's rules are GestFollowupFormValues
 * (gest-retention-values.h). Emits "saved" with the follow-up's uuid, then closes. Escape
 * closes it. */
#define GEST_TYPE_FOLLOWUP_DIALOG (gest_followup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestFollowupDialog, gest_followup_dialog, GEST, FOLLOWUP_DIALOG, AdwWindow)

GtkWidget *gest_followup_dialog_new (GtkWindow   *parent,
                                     GestContext *context,
                                     const char  *customer_uuid,
                                     const char  *vehicle_uuid);

G_END_DECLS
