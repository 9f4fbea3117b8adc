/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* T4: drains the mail outbox on its own thread (with its own connection to the database),
 * every minute and whenever kicked, so the UI thread never waits for the mail server.
 * GestMailService::drained is emitted on the thread that made the service, after each run
 * that sent or failed something, or that could not start (then error-message says why). */
#define GEST_TYPE_MAIL_SERVICE (gest_mail_service_get_type ())
G_DECLARE_FINAL_TYPE (GestMailService, gest_mail_service, GEST, MAIL_SERVICE, GObject)

#define GEST_MAIL_SERVICE_INTERVAL_SECONDS 60

GestMailService *gest_mail_service_new   (GestStore       *store);
/* Starts the worker thread (first run at once). Idempotent. */
void             gest_mail_service_start (GestMailService *self);
/* Runs a drain as soon as possible (after queueing an email, or "Retry now"). */
void             gest_mail_service_kick  (GestMailService *self);
/* Stops the worker, aborting a transfer in progress (the email stays in the outbox).
 * Also done on dispose. */
void             gest_mail_service_stop  (GestMailService *self);

G_END_DECLS
