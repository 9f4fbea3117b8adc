/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* X3: syncs on its own thread (with its own connection to the database) every
 * GEST_SYNC_SERVICE_INTERVAL_SECONDS and whenever asked, so the UI never waits for the
 * network. Its properties (last-sync, pending, last-error, running, enrolled) are updated
 * on the thread that made the service; bind status rows to them. */
#define GEST_TYPE_SYNC_SERVICE (gest_sync_service_get_type ())
G_DECLARE_FINAL_TYPE (GestSyncService, gest_sync_service, GEST, SYNC_SERVICE, GObject)

#define GEST_SYNC_SERVICE_INTERVAL_SECONDS 120

GestSyncService *gest_sync_service_new             (GestStore        *store);
/* Starts the worker thread (first round at once). Idempotent. */
void             gest_sync_service_start           (GestSyncService  *self);
/* Runs a round as soon as possible ("Sync Now", or after a change). */
void             gest_sync_service_sync_now        (GestSyncService  *self);
/* Stops the worker, aborting a round in progress (everything done so far is kept). Also
 * done on dispose. */
void             gest_sync_service_stop            (GestSyncService  *self);

gint64           gest_sync_service_get_last_sync   (GestSyncService  *self);
gint64           gest_sync_service_get_pending     (GestSyncService  *self);
const char      *gest_sync_service_get_last_error  (GestSyncService  *self);
gboolean         gest_sync_service_get_running     (GestSyncService  *self);
gboolean         gest_sync_service_get_enrolled    (GestSyncService  *self);

/* Enrolls on a worker thread, then syncs. */
void             gest_sync_service_enroll_async    (GestSyncService     *self,
                                                    const char          *server_url,
                                                    const char          *code,
                                                    const char          *device_name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         gest_sync_service_enroll_finish   (GestSyncService     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
