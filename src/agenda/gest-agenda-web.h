/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Web bookings, the desktop's half (S7; issue 15). The dealer's website books through
 * gestiona-server (src/server/gest-server-booking.c): the server offers the free slots of the
 * last agenda_web_days the desktops published, and writes the booking as a "reservation"
 * record (origin web, state to-confirm, received_at the server's clock, confirm_by taken from
 * the published day's confirm_before/confirm_after), linked to the dealer's vehicle (VIN or
 * plate) and its owner when it finds them, else to a customer (and, with a valid VIN, a
 * vehicle) it creates from what was typed. The desktops see it after their next pull.
 *
 * The desktops publish the next GEST_AGENDA_WEB_DAYS working days' free slots (summed over
 * the advisors, minus what is blocked or taken) into agenda_web_days, a synced entity
 * ("agenda_web_day"), whenever a reservation, schedule or block changes a published day and
 * once a day for the day entering the window (every calendar day from today, with
 * the confirm-by days of the business calendar and the cutoff hour); a row is written only when its slots changed. */

#define GEST_AGENDA_WEB_DAYS 14

/* Publishes (inside the caller's transaction, or its own) the days from @from_day that
 * changed; the number of rows written in @out_n. */
gboolean gest_agenda_web_publish (GestStore   *store,
                                  const char  *from_day,
                                  guint       *out_n,
                                  GError     **error);

G_END_DECLS
