/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-campaign-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The new or edited campaign (S1): code, kind, description, its dates where the kind has
 * them, labour and parts notes, whether it needs parts. Its rules are
 * gest_campaign_form_widget_state_from_values(); it saves through gest_campaign_create() /
 * gest_campaign_update() on the store's writer thread and shows a refusal in full.
 *
 * Signal saved (const char *uuid): the campaign was saved; the dialog closes. */
#define GEST_TYPE_CAMPAIGN_DIALOG (gest_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignDialog, gest_campaign_dialog, GEST, CAMPAIGN_DIALOG, AdwWindow)

/* @campaign_uuid NULL: a new campaign. */
GestCampaignDialog *gest_campaign_dialog_new       (GtkWindow          *parent,
                                                    GestContext        *context,
                                                    const char         *campaign_uuid);
/* Types into the rows as a user would (tests). */
void                gest_campaign_dialog_fill      (GestCampaignDialog *self,
                                                    const char         *code,
                                                    GestCampaignKind    kind,
                                                    const char         *description,
                                                    const char         *starts_text,
                                                    const char         *ends_text,
                                                    gboolean            needs_parts);
/* "Save": shows the errors, or starts the save; FALSE when it did not start. */
gboolean            gest_campaign_dialog_save      (GestCampaignDialog *self);
/* The message shown for @field, or the refusal for -1; NULL when none. */
const char         *gest_campaign_dialog_get_error (GestCampaignDialog *self,
                                                    int                 field);
gboolean            gest_campaign_dialog_get_dates_visible (GestCampaignDialog *self);

G_END_DECLS
