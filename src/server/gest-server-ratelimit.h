/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A per-address limit of requests in a sliding window (the public web bookings, S7): an
 * address may make @limit requests in any @window_us; the next one is refused until its
 * oldest counted request leaves the window. In memory only (a restart forgets), safe to call
 * from any worker thread. */
typedef struct _GestRateLimit GestRateLimit;

GestRateLimit *gest_rate_limit_new   (guint          limit,
                                      gint64         window_us);
void           gest_rate_limit_free  (GestRateLimit *rl);

/* Counts a request of @address at @now (monotonic µs) and returns TRUE, or returns FALSE
 * without counting it when @address already made the limit in the window; then
 * @out_retry_s (nullable) gets the seconds until it may send again. */
gboolean       gest_rate_limit_take  (GestRateLimit *rl,
                                      const char    *address,
                                      gint64         now,
                                      guint         *out_retry_s);

/* The addresses it holds (for the tests: old ones are forgotten). */
guint          gest_rate_limit_size  (GestRateLimit *rl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestRateLimit, gest_rate_limit_free)

G_END_DECLS
