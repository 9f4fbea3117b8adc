/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gest-domain-module.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* Shared by the gest-sync-*.c files of the sync client (data/sync-protocol.md). */

#define GEST_SYNC_PUSH_BATCH 500
/* Changes asked for per pull page (the server's most). A page is one write transaction, which
 * a save of the user waits for on the store's writer thread (never on the UI thread): 5,000
 * customers are about 1.6 MB and 0.25 s of work. The pull holds two pages at once (one
 * applied, the next fetched), so its peak memory is about two pages plus SQLite's cache:
 * 3.2-3.3 times the largest page in bench-sync; with pages of 100 it was 100 times. */
#define GEST_SYNC_PULL_LIMIT 5000
/* Transport failures tried again within a request (not for enrollment). */
#define GEST_SYNC_RETRIES    4

/* One synced entity: its table and the columns that travel as fields. The shared entities
 * (customer, vehicle, plan, document, activity) are the sync's own; the modules' come from
 * the registry (GestDomainModule's get_entities). */
typedef GestEntityInfo GestSyncEntity;

/* A shared entity or a registered module's; NULL when none is called @entity. */
const GestSyncEntity *gest_sync_entity_find   (const char *entity);
/* Every synced entity: customers, vehicles and plans, then the modules' entities in
 * registration order, then documents and activity entries; NULL past the last. */
const GestSyncEntity *gest_sync_entity_nth    (guint       i);

/* A round's HTTP connection to the server. */
typedef struct
{
  SoupSession *session;
  char        *base_url;    /* without the trailing slash */
  char        *token;
  guint        retries;
} GestSyncConnection;

GestSyncConnection *gest_sync_connection_new   (GestStore           *store,
                                                const char          *base_url,
                                                const char          *token,
                                                GError             **error);
void                gest_sync_connection_free  (GestSyncConnection  *conn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestSyncConnection, gest_sync_connection_free)

/* Sends @method @path (+ @body as JSON when not NULL) and reads the reply. A transport
 * failure or a status other than the ones the caller accepts becomes a GEST_ERROR with the
 * server's {"error"} text. @out_status gets the status. */
GBytes   *gest_sync_request         (GestSyncConnection  *conn,
                                     SoupMessage         *msg,
                                     GBytes              *body,
                                     const char          *content_type,
                                     guint               *out_status,
                                     GCancellable        *cancellable,
                                     GError             **error);
SoupMessage *gest_sync_message_new  (GestSyncConnection  *conn,
                                     const char          *method,
                                     const char          *path);
/* Sets @error for an unexpected @status, using the JSON body's "error" when present. */
gboolean  gest_sync_status_error    (guint                status,
                                     GBytes              *body,
                                     GError             **error);
JsonNode *gest_sync_parse_json      (GBytes              *body,
                                     GError             **error);

/* sync_state table. */
char     *gest_sync_state_get       (GestStore           *store,
                                     const char          *key);
gboolean  gest_sync_state_set       (GestStore           *store,
                                     const char          *key,
                                     const char          *value,
                                     GError             **error);

/* The device token: libsecret, or a 0600 file next to the database. */
gboolean  gest_sync_token_store     (GestStore           *store,
                                     const char          *device_id,
                                     const char          *token,
                                     GCancellable        *cancellable,
                                     GError             **error);
char     *gest_sync_token_lookup    (GestStore           *store,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* sync_log. */
gboolean  gest_sync_log_add         (GestStore           *store,
                                     const char          *kind,
                                     const char          *entity,
                                     const char          *uuid,
                                     const char          *field,
                                     const char          *lost_value_json,
                                     const char          *message,
                                     gint64               n,
                                     GError             **error);

/* Applies pulled changes inside the caller's transaction (sync_applying set), with the
 * statements prepared once; make one per page, inside its transaction. A change the local
 * schema refuses is written to sync_log and skipped: it never stops the page. */
typedef struct _GestSyncApplier GestSyncApplier;

GestSyncApplier *gest_sync_applier_new  (GestStore           *store,
                                         GError             **error);
void             gest_sync_applier_free (GestSyncApplier     *applier);
/* Conauto's update file (issue 12): its fields are Conauto's, so queued local changes (on a
 * desktop without sync every change stays queued) do not keep them from being applied. */
void             gest_sync_applier_ignore_queued (GestSyncApplier *applier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestSyncApplier, gest_sync_applier_free)
gboolean  gest_sync_apply_change    (GestSyncApplier     *applier,
                                     JsonObject          *change,
                                     GError             **error);

/* Issue 16.6: the forms' validators (gest-rfc, gest-vin, gest-contact, gest-date...) on a
 * change's id and fields, pulled or about to be pushed. NULL when it passes, else why not
 * (translated). @fields may be NULL (a delete). */
char     *gest_sync_validate_change (const char          *entity,
                                     const char          *uuid,
                                     gboolean             deleted,
                                     JsonObject          *fields);
/* 64 characters 0-9, a-f: what may name a file under the files folder. */
gboolean  gest_sync_sha256_is_valid (const char          *text);
/* 1 to 36 characters 0-9, a-f and '-' (lower-case UUIDs). */
gboolean  gest_sync_uuid_is_valid   (const char          *text);
/* The optional "max_blob" of an enrollment reply or a pull page: the server's largest
 * document in bytes (issue 16.4); 0 when absent or not a positive integer. */
gint64    gest_sync_read_max_blob   (JsonObject          *object);
/* The optional "dealer_number" of a pull page (1 to 999), or 0. */
gint64    gest_sync_read_dealer_number (JsonObject       *object);
/* A short valid UTF-8 copy of @text for sync_log, "?" when empty. */
char     *gest_sync_log_excerpt     (const char          *text);

gboolean  gest_sync_push_all        (GestStore           *store,
                                     GestSyncConnection  *conn,
                                     guint               *out_pushed,
                                     GCancellable        *cancellable,
                                     GError             **error);
gboolean  gest_sync_pull_all        (GestStore           *store,
                                     GestSyncConnection  *conn,
                                     guint               *out_pulled,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* Uploads a blob (HEAD, then PATCH from the server's offset) unless the server has it. */
gboolean  gest_sync_blob_upload     (GestStore           *store,
                                     GestSyncConnection  *conn,
                                     const char          *sha256,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* Downloads a verified blob into the store's files folder unless it is there already. */
gboolean  gest_sync_blob_download   (GestStore           *store,
                                     GestSyncConnection  *conn,
                                     const char          *sha256,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* Issue 12, enrollment (gest-sync-users.c): the desktop's users as the "users" member of the
 * request, and what to do with the answer's "users" ("taken", "server", or NULL), inside
 * the enrollment's transaction. */
JsonNode *gest_sync_users_for_enroll  (GestStore           *store);
gboolean  gest_sync_users_after_enroll (GestStore          *store,
                                       const char          *users,
                                       GError             **error);

G_END_DECLS
