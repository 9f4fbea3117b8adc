/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-campaign.h"
#include "gest-error.h"
#include "gest-record-change.h"

G_BEGIN_DECLS

/* What the campaign files share (gest-campaign*.c). Every function runs on the caller's
 * connection and inside the caller's transaction where it writes. */

/* The text of column 0 of @sql's first row with ?1 = @arg (NULL when none, or on error with
 * @error set). */
char     *gest_campaign_query_text   (GestStore    *store,
                                      const char   *sql,
                                      const char   *arg,
                                      GError      **error);
/* Column 0 of @sql's first row as an integer with ?1 = @arg (@fallback when none). */
gint64    gest_campaign_query_int    (GestStore    *store,
                                      const char   *sql,
                                      const char   *arg,
                                      gint64        fallback,
                                      GError      **error);

/* The campaign's board counts, indexed by stage. */
gboolean  gest_campaign_count_stages (GestStore    *store,
                                      const char   *campaign_uuid,
                                      guint        *counts,
                                      GError      **error);

/* The parts rule (S3). How many of the campaign's vehicles its received parts cover
 * (G_MAXUINT when it needs none), and in @out_part the number of the part that limits it
 * (NULL when none limits it or the campaign has no part yet). */
guint     gest_campaign_coverage     (GestStore    *store,
                                      const char   *campaign_uuid,
                                      char        **out_part,
                                      GError      **error);
/* The campaign's vehicles that hold parts: past "Refacciones pendientes" and not closed out,
 * or repaired here. */
guint     gest_campaign_holding      (GestStore    *store,
                                      const char   *campaign_uuid,
                                      GError      **error);
/* Moves the vehicles the parts now cover from "Refacciones pendientes" to "Por contactar",
 * oldest import first; the number moved in @out_released. */
gboolean  gest_campaign_release      (GestStore    *store,
                                      const char   *campaign_uuid,
                                      guint        *out_released,
                                      GError      **error);
/* FALSE with a GEST_ERROR_REFUSED naming the missing part when one more vehicle of the
 * campaign (@vin, going to @stage) is not covered by its parts. */
gboolean  gest_campaign_check_covered (GestStore        *store,
                                       const char       *campaign_uuid,
                                       const char       *vin,
                                       GestCampaignStage stage,
                                       GError          **error);

/* Removes the data-use mark of @customer_uuid (the dealer confirmed the data), logging it on
 * the customer. TRUE when there was none. */
gboolean  gest_campaign_confirm_customer_data (GestStore  *store,
                                               const char *customer_uuid,
                                               GError    **error);

/* The ISO week of @now in the dealer's time zone: "2026-W49". */
char     *gest_campaign_week_of      (gint64        now);

G_END_DECLS
