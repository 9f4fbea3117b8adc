/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-campaign.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* One affected vehicle of a campaign (S1, S3), on GestRecordDetail: its VIN, model and owner;
 * the contact data of Ford's VIN list, marked "only for this recall" (the data-use rule); its
 * column with the move to the next one and the close-out with its reason; its activity (the
 * calls the retention queue made, the moves) in the timeline. A refused move (parts not
 * received, S3) shows in full under the status.
 *
 * Signal changed: the vehicle moved or was closed out. */
#define GEST_TYPE_CAMPAIGN_VEHICLE_DETAIL (gest_campaign_vehicle_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignVehicleDetail, gest_campaign_vehicle_detail, GEST, CAMPAIGN_VEHICLE_DETAIL, GtkWidget)

GtkWidget  *gest_campaign_vehicle_detail_new          (GestContext               *context,
                                                       const char                *campaign_vehicle_uuid);
void        gest_campaign_vehicle_detail_reload       (GestCampaignVehicleDetail *self);
/* The VIN, for the header. */
const char *gest_campaign_vehicle_detail_get_title    (GestCampaignVehicleDetail *self);
/* The column, or -1 when the vehicle is not available. */
int         gest_campaign_vehicle_detail_get_stage    (GestCampaignVehicleDetail *self);
/* Moves the vehicle to @stage as the status button does; FALSE when a save is running. */
gboolean    gest_campaign_vehicle_detail_move         (GestCampaignVehicleDetail *self,
                                                       GestCampaignStage          stage);
/* Closes it out as the close-out dialog does. */
gboolean    gest_campaign_vehicle_detail_close        (GestCampaignVehicleDetail *self,
                                                       GestCampaignCloseout       closeout,
                                                       const char                *note);
const char *gest_campaign_vehicle_detail_get_row_text (GestCampaignVehicleDetail *self,
                                                       const char                *title);
/* The refusal shown under the status, or NULL. */
const char *gest_campaign_vehicle_detail_get_error    (GestCampaignVehicleDetail *self);

G_END_DECLS
