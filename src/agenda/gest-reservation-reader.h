/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The reads of a reservation's page and window, off the UI thread (issue 15): one read-only
 * connection of their own, opened on the first read's worker thread and kept for the next
 * (a page reloads after every save), used by one read at a time. A page keeps one reader,
 * a GCancellable it cancels in dispose and a serial number to drop a stale result. */
typedef struct _GestReservationReader GestReservationReader;

/* Runs on the worker thread with the reader's connection; returns the result, or NULL with
 * @error. Never touches widgets nor the UI thread's GestStore. */
typedef gpointer (*GestReservationReadFunc) (GestStore     *store,
                                             gpointer       data,
                                             GCancellable  *cancellable,
                                             GError       **error);

GestReservationReader *gest_reservation_reader_new    (const char            *db_path);
GestReservationReader *gest_reservation_reader_ref    (GestReservationReader *reader);
void                   gest_reservation_reader_unref  (GestReservationReader *reader);

/* Runs @func (@data, freed with @data_free after @callback) on a worker thread; @callback
 * runs in the caller's main context with @user_data, also when @cancellable was cancelled
 * (then the finish() says G_IO_ERROR_CANCELLED; a query running then is interrupted). The task has no source object: the
 * caller's widget is not unreffed on the worker thread; the caller passes its own reference
 * in @user_data and drops it in @callback. */
void                   gest_reservation_reader_run_async  (GestReservationReader   *reader,
                                                           GestReservationReadFunc  func,
                                                           gpointer                 data,
                                                           GDestroyNotify           data_free,
                                                           GDestroyNotify           result_free,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
/* The result of @func (owned by the caller, free it with the run's @result_free), or NULL. */
gpointer               gest_reservation_reader_run_finish (GAsyncResult            *result,
                                                           GError                 **error);
/* The @data given to run_async(), valid while @result is. */
gpointer               gest_reservation_reader_get_data   (GAsyncResult            *result);

/* A read both share: the vehicle's open field actions (S8), one a line
 * ("24S12: Reemplazo del inflador"), "" when none; NULL with @error. */
char                  *gest_reservation_read_open_actions (GestStore               *store,
                                                           const char              *vehicle_uuid,
                                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReservationReader, gest_reservation_reader_unref)

G_END_DECLS
