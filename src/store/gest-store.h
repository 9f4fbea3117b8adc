/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "gest-error.h"
#include "gest-routing.h"
#include "gest-roles.h"
#include "gest-permissions.h"
#include "gest-user.h"

G_BEGIN_DECLS

/* A statement the caller owns, finalized when it leaves scope: g_autoptr(sqlite3_stmt). Never
 * for the statements of gest_store_prepare_cached(), which the connection keeps. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define GEST_TYPE_STORE (gest_store_get_type ())
G_DECLARE_FINAL_TYPE (GestStore, gest_store, GEST, STORE, GObject)

/* $XDG_DATA_HOME/gestiona/gestiona.db */
char         *gest_store_default_path           (void);

/* Opens (creating folders and file as needed) and migrates. WAL, foreign_keys=ON,
 * synchronous=FULL, busy timeout 5 s. A database whose user_version is newer than this
 * build knows is refused with GEST_ERROR_NEWER_SCHEMA and left untouched. */
GestStore    *gest_store_open                   (const char   *path,
                                                 GError      **error);
/* The same for a database that must already exist (every command but `init`, issue 16.9): a
 * missing file is GEST_ERROR_NOT_FOUND and a folder GEST_ERROR_INVALID; nothing is created. */
GestStore    *gest_store_open_existing          (const char   *path,
                                                 GError      **error);
const char   *gest_store_get_path               (GestStore    *self);
/* Folder of content-addressed files: <db folder>/<db name>.files/ */
const char   *gest_store_get_files_dir          (GestStore    *self);
sqlite3      *gest_store_get_db                 (GestStore    *self);
int           gest_store_get_schema_version     (GestStore    *self);
int           gest_store_latest_schema_version  (void);

/* Transactions. begin(immediate=TRUE) takes the write lock at once (BEGIN IMMEDIATE). */
gboolean      gest_store_begin                  (GestStore    *self,
                                                 gboolean      immediate,
                                                 GError      **error);
gboolean      gest_store_commit                 (GestStore    *self,
                                                 GError      **error);
void          gest_store_rollback               (GestStore    *self);
/* A change written whole or not at all, alone or inside the caller's transaction (a save on
 * the writer thread, a sync batch): BEGIN IMMEDIATE when there is none (*out_own = TRUE),
 * else SAVEPOINT @name. end() with @ok commits or releases; without, rolls back the
 * transaction or only the savepoint, and returns FALSE. @name is written in the code. */
gboolean      gest_store_begin_change           (GestStore    *self,
                                                 const char   *name,
                                                 gboolean     *out_own,
                                                 GError      **error);
gboolean      gest_store_end_change             (GestStore    *self,
                                                 const char   *name,
                                                 gboolean      own,
                                                 gboolean      ok,
                                                 GError      **error);
gboolean      gest_store_exec                   (GestStore    *self,
                                                 const char   *sql,
                                                 GError      **error);
/* Prepared statement (caller finalizes); errors become GEST_ERROR_STORE. */
sqlite3_stmt *gest_store_prepare                (GestStore    *self,
                                                 const char   *sql,
                                                 GError      **error);
/* For a connection that writes transaction after transaction (the sync): when another
 * connection of this process is waiting for the write lock, waits long enough for it to take
 * its turn (SQLite's locks are not fair: the next transaction would win every time). */
void          gest_store_let_waiting_writers_in (GestStore    *self);
/* Prepared once per connection and kept (the store finalizes it): returned reset, with its
 * bindings cleared. For statements run many times in a row (a sync batch); the caller steps
 * it to the end or resets it before preparing the same text again. */
sqlite3_stmt *gest_store_prepare_cached         (GestStore    *self,
                                                 const char   *sql,
                                                 GError      **error);
/* Sets @error from sqlite3_errmsg() of the store's connection. Always returns FALSE. */
gboolean      gest_store_set_error              (GestStore    *self,
                                                 GError      **error);

/* For the UI thread's connection: while @read_only, any write on this connection fails
 * (SQLite's query_only) instead of waiting for the disk or for another connection's write
 * lock; the UI saves through gest_store_write_async(), whose connection is its own. */
gboolean      gest_store_set_read_only          (GestStore           *self,
                                                 gboolean             read_only,
                                                 GError             **error);

/* Saves off the UI thread. @func runs on the store's writer thread, with the writer's own
 * connection (@store there is not @self: never touch @self or widgets in @func), inside
 * BEGIN IMMEDIATE … COMMIT; returning FALSE with @error rolls the whole save back. Saves run
 * one at a time, in the order they were asked for; the UI thread waits neither for the disk
 * nor for another connection's write lock (the sync). @callback runs in the caller's thread-
 * default context; by then the UI thread's connection sees the save. A save not yet started
 * when @cancellable is cancelled does not run (G_IO_ERROR_CANCELLED); one started runs to its
 * end. @data (freed with @data_free after the callback) carries arguments in and results out:
 * gest_store_write_get_data() in the callback. */
typedef gboolean (*GestStoreWriteFunc) (GestStore  *store,
                                        gpointer    data,
                                        GError    **error);

void          gest_store_write_async            (GestStore           *self,
                                                 GestStoreWriteFunc   func,
                                                 gpointer             data,
                                                 GDestroyNotify       data_free,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      gest_store_write_finish           (GestStore           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* The @data given to gest_store_write_async(), valid while @result is. */
gpointer      gest_store_write_get_data         (GAsyncResult        *result);
/* Saves asked for whose callback has not run yet. */
guint         gest_store_get_pending_writes     (GestStore           *self);
/* Iterates the thread-default main context until every save asked for has reported (the
 * application's shutdown, so no save is lost; tests). */
void          gest_store_wait_for_writes        (GestStore           *self);

/* A key/value table (key TEXT PRIMARY KEY, value TEXT; settings, sync_state): the value of
 * @key, NULL when unset. @table is a name written in the code, never one from input. */
char         *gest_store_get_value              (GestStore    *self,
                                                 const char   *table,
                                                 const char   *key);
/* Sets @key, or deletes it when @value is NULL. @stamped: the table has an updated_at
 * column, set to now. */
gboolean      gest_store_set_value              (GestStore    *self,
                                                 const char   *table,
                                                 gboolean      stamped,
                                                 const char   *key,
                                                 const char   *value,
                                                 GError      **error);

/* Dealer settings (key/value in SQLite, so they sync). NULL when unset. Setting a routing.*
 * key needs GEST_PERMISSION_ROUTING_SETTINGS (GEST_ERROR_PERMISSION otherwise). */
char         *gest_store_get_setting            (GestStore    *self,
                                                 const char   *key);
gboolean      gest_store_set_setting            (GestStore    *self,
                                                 const char   *key,
                                                 const char   *value,
                                                 GError      **error);
/* gest_store_set_setting() on the writer thread (gest_store_write_async()). */
void          gest_store_set_setting_async      (GestStore           *self,
                                                 const char          *key,
                                                 const char          *value,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      gest_store_set_setting_finish     (GestStore           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* The T2 settings, defaults where unset. Keys: routing.low-debt-limit (centavos),
 * routing.installments-limit, routing.area.<area-id>.name, routing.area.<area-id>.phones */
void          gest_store_load_routing_settings  (GestStore            *self,
                                                 GestRoutingSettings  *out);
gboolean      gest_store_save_routing_settings  (GestStore                 *self,
                                                 const GestRoutingSettings *settings,
                                                 GError                   **error);
/* The signed-in user (issue 12) of this connection: every activity entry, document and change
 * written through it is attributed to @user, and gest_store_check_permission() checks @user's
 * role. A save (gest_store_write_async()) acts as the user of the store it was asked on.
 * Setting it does not authenticate: gest_users_sign_in() does, then sets it. NULL signs out. */
void          gest_store_set_user               (GestStore    *self,
                                                 GestUser     *user);
GestUser     *gest_store_get_user               (GestStore    *self);
/* Whether the database has a user who can sign in. A database without one is being set up
 * (the first run creates its general manager): until then every permission is granted and
 * changes are attributed to the settings user.name / user.role, as before issue 12. */
gboolean      gest_store_has_users              (GestStore    *self);
/* Whether the signed-in user may do @permission (a gest-permissions.h id). Refused with
 * GEST_ERROR_PERMISSION when the role may not, or when nobody is signed in on a database that
 * has users. Call it where the change is made, inside the change's transaction. */
gboolean      gest_store_check_permission       (GestStore    *self,
                                                 const char   *permission,
                                                 GError      **error);
/* The user changes are attributed to: the signed-in user's name and role; without one, the
 * settings user.name / user.role (defaults "Usuario" / general-manager). */
char         *gest_store_get_user_name          (GestStore    *self);
GestRole      gest_store_get_user_role          (GestStore    *self);

/* Next folio for @prefix and @year ("LIQ-2026-000123"). Must be called inside a transaction
 * begun with immediate=TRUE, so two processes never get the same number.
 * Each desktop has its own series, so desktops of one dealer working offline never make the
 * same folio: the number is device * 10000 + n, where device is the number the sync server
 * gave at enrollment (sync_state 'device-number', 1..99; 0 when never enrolled) and n counts
 * 1..9999 per prefix, year and device (device 7's first of 2026 is "LIQ-2026-070001").
 * When the server also gave the dealer's number (sync_state 'dealer-number', 1..999), the
 * folio carries it, so two dealers never make the same folio: "LIQ-2026-042-070001".
 * Past 9999 it fails with GEST_ERROR_REFUSED. */
char         *gest_store_next_folio             (GestStore    *self,
                                                 const char   *prefix,
                                                 int           year,
                                                 GError      **error);

/* A new random UUID string, for primary keys. */
char         *gest_uuid_new                     (void);

G_END_DECLS
