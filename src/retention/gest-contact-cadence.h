/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-business-calendar.h"
#include "gest-contact-queue.h"

G_BEGIN_DECLS

/* The cadence's rules (S6), pure: no database. The queue's calls (gest-contact-calls.c) and
 * the tests use them. */

/* Whether a failed attempt in @band counts, given the band of the previous counted attempt
 * of the same record (@last_counted_band < 0: none yet): it counts when the bands differ, so
 * two counted attempts are never in the same band one after the other. */
gboolean        gest_contact_cadence_counts     (GestContactBand  band,
                                                 int              last_counted_band);
/* The band after @band: morning → midday → afternoon → morning. */
GestContactBand gest_contact_cadence_next_band  (GestContactBand  band);
/* The moment the next attempt is offered after a failed one made at @at whose last counted
 * band is @last_counted_band: the start of the next band (morning: the day's opening) on the
 * next working day of @calendar after @at's day. */
gint64          gest_contact_cadence_next_attempt (const GestBusinessCalendar *calendar,
                                                   gint64                      at,
                                                   GestContactBand             last_counted_band);
/* The moment @band starts on @day (dealer's time zone): morning at the day's opening hour
 * (09:00 when closed), midday 12:00, afternoon 15:00. */
gint64          gest_contact_cadence_band_start (const GestBusinessCalendar *calendar,
                                                 const GDate                *day,
                                                 GestContactBand             band);

G_END_DECLS
