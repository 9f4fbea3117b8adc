/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-campaign.h"

G_BEGIN_DECLS

/* What the campaign's pages read and gest-campaign.h does not give: one affected vehicle with
 * its owner and the contact data of Ford's list, and a campaign's weekly review stamps (S1).
 * GLib only, read-only: one row by key or a short list, cheap enough for the UI thread. */

typedef struct
{
  char              *uuid;            /* campaign_vehicles.uuid */
  char              *campaign_uuid;
  char              *campaign_code;
  GestCampaignKind   campaign_kind;
  char              *campaign_description;
  char              *vehicle_uuid;
  char              *vin;
  char              *model;
  int                year;
  char              *plate;
  char              *customer_uuid;   /* NULL: a vehicle without an owner */
  char              *customer_name;
  char              *customer_phone;  /* the first of mobile, home, work */
  char              *customer_email;
  gboolean           recall_only;     /* the owner's data came only with a VIN list */
  GestCampaignStage  stage;
  gint64             stage_since;
  char              *closeout;        /* "done-here"..., or NULL */
  gint64             closed_at;
  char              *list_owner;      /* as Ford's list gave it: for this recall only */
  char              *list_phone;
  char              *list_email;
  char              *list_address;
  gint64             imported_at;
} GestCampaignVehicleView;

void                     gest_campaign_vehicle_view_free (GestCampaignVehicleView *view);
/* GEST_ERROR_NOT_FOUND when @uuid is no live affected vehicle. */
GestCampaignVehicleView *gest_campaign_vehicle_view_load (GestStore   *store,
                                                          const char  *uuid,
                                                          GError     **error);

/* One "revisado" stamp with the counts of its moment. */
typedef struct
{
  char   *week;         /* "2026-W49" */
  gint64  reviewed_at;
  char   *reviewer;     /* the user's name */
  guint   n_affected;
  guint   counts[GEST_N_CAMPAIGN_STAGES];
  char   *note;
} GestCampaignReviewStamp;

void       gest_campaign_review_stamp_free (GestCampaignReviewStamp *stamp);
/* The campaign's stamps, the newest week first: GPtrArray of GestCampaignReviewStamp. */
GPtrArray *gest_campaign_view_list_reviews (GestStore   *store,
                                            const char  *campaign_uuid,
                                            GError     **error);
/* The ISO week of @now in the dealer's time zone, "2026-W49" (the stamps' key). */
char      *gest_campaign_view_week_of      (gint64       now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignVehicleView, gest_campaign_vehicle_view_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignReviewStamp, gest_campaign_review_stamp_free)

G_END_DECLS
