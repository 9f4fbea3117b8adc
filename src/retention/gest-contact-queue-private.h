/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-contact-queue.h"

G_BEGIN_DECLS

/* The one SQL statement of the day's queue (every module's contact source unioned, joined with
 * the targets, customers, vehicles and the open field actions), with the parameters :today
 * ('yyyy-mm-dd', the dealer's day), :now and :end (unix µs, the end of that day). The
 * benchmark runs the same text in the sqlite3 CLI. */
char  *gest_contact_queue_sql        (void);
/* The end of @now's day in the dealer's time zone (the next midnight), and the day itself
 * ('yyyy-mm-dd') in @out_today. */
gint64 gest_contact_queue_end_of_day (gint64   now,
                                      char   **out_today);

G_END_DECLS
