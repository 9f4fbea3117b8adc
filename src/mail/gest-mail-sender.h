/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-mail-settings.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* T4: sends email over SMTP with libcurl. Every function here blocks on the network: call
 * them from a worker thread with a GestStore of that thread (gest_store_open() on
 * gest_store_get_path()), as GestMailService does. */

/* Sends one message (RFC 5322 bytes, see gest-mail-mime.h) from settings->from to
 * @recipient. @password may be NULL when settings->user is empty. On failure, GEST_ERROR_NETWORK
 * whose message is the server's reply (or the connection error) as it came, untranslated, and
 * @out_connection_failed (nullable) tells whether the server could not be reached or refused
 * the login, so no other email would go through either. Cancelling aborts the transfer with
 * G_IO_ERROR_CANCELLED. */
gboolean gest_mail_sender_send        (const GestMailSettings  *settings,
                                       const char              *password,
                                       const char              *recipient,
                                       GBytes                  *message,
                                       gboolean                *out_connection_failed,
                                       GCancellable            *cancellable,
                                       GError                 **error);

/* Sends every due email of the outbox (queued, or failed whose next attempt has come), one by
 * one: a sent email is marked sent and logged "Sent to …" on its trámite; a refused one is
 * marked failed with the server's reply, retried later (see gest_mail_outbox_backoff()) and
 * logged "Sending failed: …". When the server cannot be reached, the drain stops after the
 * first failure and leaves the rest queued. Returns FALSE, touching nothing, when the mail
 * settings are incomplete or the password cannot be read; @out_sent and @out_failed
 * (nullable) count this run's results. */
gboolean gest_mail_sender_drain_full  (GestStore     *store,
                                       GCancellable  *cancellable,
                                       guint         *out_sent,
                                       guint         *out_failed,
                                       GError       **error);
gboolean gest_mail_sender_drain       (GestStore     *store,
                                       GError       **error);

/* "Send Test Email": a short message to @to with the current settings, not through the
 * outbox. The error says what the server answered and what to check. */
gboolean gest_mail_send_test          (GestStore     *store,
                                       const char    *to,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
