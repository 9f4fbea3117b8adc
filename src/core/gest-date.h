/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates travel as GDate (day precision), are shown dd/mm/yyyy and are stored
 * in SQLite as ISO "yyyy-mm-dd" text. Moments are gint64 microseconds since the epoch (UTC),
 * shown in the dealer's time zone. */

/* The dealer's time zone: $GESTIONA_TZ, else "America/Mexico_City". Never NULL. */
GTimeZone *gest_dealer_timezone     (void);

/* Parses "dd/mm/yyyy" (also d/m/yyyy). Invalid calendar dates are GEST_ERROR_INVALID. */
gboolean   gest_date_parse          (const char   *text,
                                     GDate        *out,
                                     GError      **error);
char      *gest_date_format         (const GDate  *date);          /* "dd/mm/yyyy" */
char      *gest_date_to_iso         (const GDate  *date);          /* "yyyy-mm-dd" */
gboolean   gest_date_from_iso       (const char   *iso,
                                     GDate        *out);
/* Today in the dealer's time zone. */
void       gest_date_today          (GDate        *out);
/* Days from @from to @to (negative if @to is earlier). */
int        gest_date_days_between   (const GDate  *from,
                                     const GDate  *to);
/* "dd/mm/yyyy HH:MM" in the dealer's time zone. */
char      *gest_timestamp_format    (gint64        unix_usec);
gint64     gest_timestamp_now       (void);

G_END_DECLS
