/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-domain-module.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The agenda's messages (S7, S12, S13; issue 15), all through the mail outbox (module
 * "agenda"):
 * - purpose "confirmation": the customer's confirmation of a reservation, in Spanish, with
 *   the dealer's name, address and phones, and an .ics attachment (libical: one VEVENT with
 *   the reservation's uuid as UID, DTSTART/DTEND in the dealer's time zone, LOCATION the
 *   dealer's address, SUMMARY "Cita de servicio: <vehicle>");
 * - each afternoon from the hour of setting agenda.next_day_hour ("16:00"), once per day
 *   (queue_due_mail): "next-day" to each advisor with an email, their next working day's
 *   reservations (time, customer, vehicle, service, transport, open field actions), and the
 *   same as one PDF to print; "sessions" to each technology specialist, the next day's
 *   sessions; "leads" to each sales user, the next day's test-drive leads (name, phone,
 *   current vehicle, vehicle of interest, appointment time). */

/* The purposes of the agenda's queued email (gest_mail_outbox_queue's @purpose). */
#define GEST_AGENDA_MAIL_CONFIRMATION "confirmation"
#define GEST_AGENDA_MAIL_NEXT_DAY     "next-day"
#define GEST_AGENDA_MAIL_SESSIONS     "sessions"
#define GEST_AGENDA_MAIL_LEADS        "leads"
#define GEST_AGENDA_SETTING_NEXT_DAY_HOUR "agenda.next_day_hour"   /* "16:00" */

/* The .ics text of reservation @uuid (for the attachment and the tests). */
char     *gest_agenda_ics_for_reservation (GestStore   *store,
                                           const char  *uuid,
                                           GError     **error);
/* Queues the confirmation email of @uuid inside the caller's transaction (called by
 * gest_reservation_confirm); FALSE with @error when the customer has no usable email. */
gboolean  gest_agenda_queue_confirmation  (GestStore   *store,
                                           const char  *uuid,
                                           GError     **error);
/* Queues the next-day messages for the working day after @now's day if due and not queued
 * yet; the count queued in @out_n. The module's queue_due_mail calls it. */
gboolean  gest_agenda_queue_next_day      (GestStore   *store,
                                           gint64       now,
                                           guint       *out_n,
                                           GError     **error);
/* The advisor's day sheet to print: @day's reservations of @advisor_uuid (NULL: every
 * advisor, one page each) as PDF bytes (cairo + pango, gest-letter-pdf's look). On a thread. */
GBytes   *gest_agenda_day_sheet_pdf       (GestStore   *store,
                                           const char  *day,
                                           const char  *advisor_uuid,
                                           GError     **error);

/* The module's hooks (GestDomainModule.queue_due_mail and .mail_sent). */
gboolean  gest_agenda_queue_due_mail      (GestDomainModule  *module,
                                           GestStore         *store,
                                           gint64             now,
                                           GError           **error);
gboolean  gest_agenda_mail_sent           (GestDomainModule  *module,
                                           GestStore         *store,
                                           const char        *purpose,
                                           const char        *record_uuid,
                                           gint64             sent_at,
                                           GError           **error);

G_END_DECLS
