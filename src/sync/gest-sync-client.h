/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* X3, T7: the desktop's side of data/sync-protocol.md. Every local change to a synced table
 * is queued in sync_outbox by SQLite triggers (data/sql/0002-sync.sql) in the same
 * transaction; a round pushes the queue, then pulls the dealer's changes. Every step is its
 * own transaction and replays are idempotent, so a round can be killed at any point. These
 * calls block: use them on a worker thread (GestSyncService) or in the CLI. */

typedef struct
{
  guint pushed;      /* outbox rows the server answered in this round */
  guint pulled;      /* changes received from the server (applied or not) */
  guint rejected;    /* rows rejected in this round */
  guint conflicts;   /* conflicts reported in this round */
  guint not_applied; /* pulled changes refused here (checks, local schema), in this round */
} GestSyncReport;

/* Exchanges a single-use enrollment @code for this desktop's token (kept in the keyring, or
 * a 0600 file next to the database) and stores @server_url, the device and dealer ids. A
 * failure (bad address, refused code, untrusted certificate) stores nothing. */
gboolean  gest_sync_enroll             (GestStore       *store,
                                        const char      *server_url,
                                        const char      *code,
                                        const char      *device_name,
                                        GCancellable    *cancellable,
                                        GError         **error);
gboolean  gest_sync_is_enrolled        (GestStore       *store);
/* One full round: push everything queued, then pull until the server has no more. */
gboolean  gest_sync_run_once           (GestStore       *store,
                                        GCancellable    *cancellable,
                                        GError         **error);
gboolean  gest_sync_run_once_report    (GestStore       *store,
                                        GestSyncReport  *out_report,
                                        GCancellable    *cancellable,
                                        GError         **error);

/* The server address (sync_state), NULL when unset; setting it to another server forgets
 * the cursor and versions of the previous one. */
char     *gest_sync_get_server_url     (GestStore       *store);
gboolean  gest_sync_set_server_url     (GestStore       *store,
                                        const char      *url,
                                        GError         **error);
/* Local changes not yet answered by the server. */
gint64    gest_sync_count_pending      (GestStore       *store);
/* When the last round finished (unix µs), 0 if never. */
gint64    gest_sync_get_last_sync      (GestStore       *store);
/* Why the last round failed, in words; NULL when it succeeded. */
char     *gest_sync_get_last_error     (GestStore       *store);

/* SHA-256 of a canonical dump of the synced records (what a dealer's desktops and the server
 * must agree on): one line per record, sorted, with its pushable fields. */
char     *gest_sync_dump_hash          (GestStore       *store,
                                        GError         **error);
/* The same dump as text (for tests and for finding a difference). */
char     *gest_sync_dump               (GestStore       *store,
                                        GError         **error);

G_END_DECLS
