/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-campaign-values.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* A campaign's part (S2): a new one (number, description, pieces per vehicle, pieces
 * requested from the parts area) or the follow-up of one (status, the total received, the day
 * the parts area expects it). Its rules are gest_campaign_part_form_widget_state_from_values();
 * it saves through gest_campaign_part_add() / gest_campaign_part_set_status() on the store's
 * writer thread (a receipt releases the vehicles it covers, S3) and shows a refusal in full.
 *
 * Signal saved: the part was saved; the dialog closes. */
#define GEST_TYPE_CAMPAIGN_PART_DIALOG (gest_campaign_part_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignPartDialog, gest_campaign_part_dialog, GEST, CAMPAIGN_PART_DIALOG, AdwWindow)

/* @part NULL: a new part of @campaign_uuid. */
GestCampaignPartDialog *gest_campaign_part_dialog_new       (GtkWindow              *parent,
                                                             GestContext            *context,
                                                             const char             *campaign_uuid,
                                                             const GestCampaignPart *part);
/* Types into the rows as a user would (tests): a new part's... */
void                    gest_campaign_part_dialog_fill_add  (GestCampaignPartDialog *self,
                                                             const char             *part_number,
                                                             const char             *description,
                                                             const char             *per_vehicle_text,
                                                             const char             *requested_text);
/* ...or a part's follow-up. */
void                    gest_campaign_part_dialog_fill_status (GestCampaignPartDialog *self,
                                                               GestCampaignPartStatus  status,
                                                               const char             *received_text,
                                                               const char             *expected_text);
gboolean                gest_campaign_part_dialog_save      (GestCampaignPartDialog *self);
/* The message shown for @field, or the refusal for -1; NULL when none. */
const char             *gest_campaign_part_dialog_get_error (GestCampaignPartDialog *self,
                                                             int                     field);

G_END_DECLS
