/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The campaigns of the Service Campaigns section (S1): the week's review reminder (the open
 * campaigns not yet stamped "revisado" this week) above one row per campaign (code, kind,
 * description, its board's counts, and whether it was reviewed this week), open ones first;
 * an empty state that says how to start. A short list (a dealer has tens of campaigns): a
 * GtkListBox.
 *
 * Signals:
 *   campaign-activated (const char *uuid): a row was opened.
 *   new-campaign: the "New Campaign" button. */
#define GEST_TYPE_CAMPAIGN_LIST (gest_campaign_list_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignList, gest_campaign_list, GEST, CAMPAIGN_LIST, GtkWidget)

GtkWidget  *gest_campaign_list_new      (GestContext      *context);
/* Reads the campaigns and the week's reminder again; the number of campaigns listed. */
guint       gest_campaign_list_reload   (GestCampaignList *self);
/* The reminder's text, or NULL when every open campaign is reviewed this week. */
const char *gest_campaign_list_get_reminder (GestCampaignList *self);
/* The subtitle of @code's row (its counts and review), or NULL. */
const char *gest_campaign_list_get_row_text (GestCampaignList *self,
                                             const char       *code);

G_END_DECLS
