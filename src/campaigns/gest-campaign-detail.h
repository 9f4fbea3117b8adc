/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* A campaign's page (S1, S2), on GestRecordDetail: its code and kind, whether it is reviewed
 * this week with the "Mark Reviewed" and "Edit" actions; its fields; its vehicles by column
 * and how many its received parts cover (S3); its parts with their status, quantities and an
 * "Update" per part (status, total received, expected day) and "Add Part"; the history of its
 * weekly review stamps with the counts of each. Refusals show in full where they happen
 * (gest-field-error.h).
 *
 * Signal changed: the campaign, its parts or its review changed (the board may have moved:
 * parts release vehicles). */
#define GEST_TYPE_CAMPAIGN_DETAIL (gest_campaign_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignDetail, gest_campaign_detail, GEST, CAMPAIGN_DETAIL, GtkWidget)

GtkWidget  *gest_campaign_detail_new          (GestContext        *context,
                                               const char         *campaign_uuid);
void        gest_campaign_detail_reload       (GestCampaignDetail *self);
/* Stamps this week's review with @note, as the dialog's "Mark Reviewed" does; FALSE when a
 * save is already running. The outcome shows on the page. */
gboolean    gest_campaign_detail_review       (GestCampaignDetail *self,
                                               const char         *note);
/* The text of the row titled @title (its subtitle), or NULL: for tests. */
const char *gest_campaign_detail_get_row_text (GestCampaignDetail *self,
                                               const char         *title);
/* The refusal shown in @part ("status": the review; a part's refusals show in its dialog), or
 * NULL. */
const char *gest_campaign_detail_get_error    (GestCampaignDetail *self,
                                               const char         *part);

G_END_DECLS
