/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* A reservation's page (issue 15) on GestRecordDetail: customer, vehicle and mileage, the
 * open field actions (S8), advisor, day and time, transport, notes, origin and the web
 * contact data, state with its actions (confirm with the advisor and the email, refuse with
 * its reason and a follow-up call offer, arrived, in the workshop, delivered, no-show with
 * its reason, reschedule), the test-drive offer and its answer (S10), a technology session
 * (S9), the billing data when an invoice is needed (S11) and the history. Refusals in the
 * one error style, in full, where they happen. Escape leaves it ("close" signal).
 *
 * Everything it shows is read on a worker thread with a read-only connection of its own
 * (gest-reservation-reader.h): a loading state until the first read, the read's error in
 * full if it fails, a stale read dropped. "loading" is TRUE while a read is under way. */

#define GEST_TYPE_RESERVATION_DETAIL (gest_reservation_detail_get_type ())
G_DECLARE_FINAL_TYPE (GestReservationDetail, gest_reservation_detail, GEST, RESERVATION_DETAIL, GtkWidget)

GtkWidget  *gest_reservation_detail_new       (GestContext           *context,
                                               const char            *uuid);
/* Reads the reservation again (after a save); the page stays as it is until the read ends. */
void        gest_reservation_detail_reload      (GestReservationDetail *self);
const char *gest_reservation_detail_get_error   (GestReservationDetail *self);
gboolean    gest_reservation_detail_get_loading (GestReservationDetail *self);

G_END_DECLS
