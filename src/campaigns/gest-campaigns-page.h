/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board-page.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The Service Campaigns section (S1-S3): the campaigns (GestCampaignList, with the week's
 * review reminder) and, once one is opened, its board: a GestBoardPage over the campaign's
 * board source, one card per affected vehicle in the columns Refacciones pendientes, Por
 * contactar, Contactado, Cita agendada and Reparado (one column at a time when narrow), with
 * the campaign's name, its details and the VIN list import above it. A card opens the affected
 * vehicle (GestCampaignVehicleDetail), "Campaign Details" the campaign
 * (GestCampaignDetail), both in place of the board.
 *
 * Navigation: board-page.back (the window's back button, Escape on the board) leaves a detail
 * for the board and the board for the campaigns. "title" names what is shown, "can-go-back"
 * says whether there is somewhere to go back to. */
#define GEST_TYPE_CAMPAIGNS_PAGE (gest_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignsPage, gest_campaigns_page, GEST, CAMPAIGNS_PAGE, GtkWidget)

GtkWidget     *gest_campaigns_page_new               (GestContext       *context);
/* Opens the board of campaign @uuid. */
void           gest_campaigns_page_show_campaign     (GestCampaignsPage *self,
                                                      const char        *uuid);
/* Opens campaign @uuid's details over its board (a search hit). */
void           gest_campaigns_page_show_campaign_detail (GestCampaignsPage *self,
                                                         const char        *uuid);
/* Opens the affected vehicle @campaign_vehicle_uuid of the campaign shown. */
void           gest_campaigns_page_show_vehicle      (GestCampaignsPage *self,
                                                      const char        *campaign_vehicle_uuid);
/* Back to the campaigns. */
void           gest_campaigns_page_show_list         (GestCampaignsPage *self);
/* "list" or "board". */
const char    *gest_campaigns_page_get_view          (GestCampaignsPage *self);
GtkWidget     *gest_campaigns_page_get_list          (GestCampaignsPage *self);
GestBoardPage *gest_campaigns_page_get_board_page    (GestCampaignsPage *self);
/* The campaign whose board is shown, or NULL. */
const char    *gest_campaigns_page_get_campaign_uuid (GestCampaignsPage *self);
/* The detail shown, or NULL. */
GtkWidget     *gest_campaigns_page_get_detail        (GestCampaignsPage *self);
/* The board and the list read again (after changes made elsewhere). */
void           gest_campaigns_page_reload            (GestCampaignsPage *self);

G_END_DECLS
