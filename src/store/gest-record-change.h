/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-activity.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* One change to one record, whole or not at all: begin, reload the row, check it, update it
 * only if it is still the row that was checked, append the activity entry, commit.
 *
 * It runs on the caller's connection, inside gest_store_begin_change() / end_change(): its own
 * BEGIN IMMEDIATE transaction, or a savepoint in the caller's (a save on the store's writer
 * thread, a sync batch, the demo filler). The rules are checked against what is stored now,
 * not against what a window showed a minute ago. The UPDATE names the version it read
 * (updated_at), so a row changed between the reload and the update is a GEST_ERROR_CONFLICT,
 * never a silent overwrite; nothing is written then, nor when the check refuses or the
 * activity entry cannot be appended. */

/* Reloads the record @uuid in the change's transaction. Returns it, with the row's updated_at
 * in @out_version, or NULL with @error (a record that is not there says so). */
typedef gpointer (*GestRecordChangeLoadFunc)  (GestStore     *store,
                                               const char    *uuid,
                                               gint64        *out_version,
                                               gpointer       user_data,
                                               GError       **error);
/* Whether the change may be made to @record; FALSE with @error (a refusal, usually
 * GEST_ERROR_REFUSED) otherwise. May read the store and keep what it found in @user_data. */
typedef gboolean (*GestRecordChangeCheckFunc) (GestStore     *store,
                                               gconstpointer  record,
                                               gpointer       user_data,
                                               GError       **error);
/* Binds the numbered parameters (?1, ?2…) of the spec's @set. */
typedef void     (*GestRecordChangeBindFunc)  (sqlite3_stmt  *stmt,
                                               gconstpointer  record,
                                               gpointer       user_data);
/* The text of the activity entry for the change made to @record (newly allocated). */
typedef char *   (*GestRecordChangeLogFunc)   (gconstpointer  record,
                                               gpointer       user_data);

typedef struct
{
  const char                 *name;         /* the savepoint's name, written in the code */
  const char                 *table;        /* has uuid, updated_at and deleted; written in the code */
  /* The assignments of the UPDATE ("step = ?1, step_since = :now"), written in the code: the
   * helper adds updated_at = :now and the condition on uuid, version and deleted. :now is the
   * change's moment (unix µs). */
  const char                 *set;
  GestRecordChangeLoadFunc    load;
  GDestroyNotify              free_record;
  GestRecordChangeCheckFunc   check;        /* may be NULL */
  GestRecordChangeBindFunc    bind;         /* may be NULL when @set has no numbered parameter */
  GestRecordChangeLogFunc     describe;     /* may be NULL: no activity entry */
  GestActivityKind            log_kind;
  /* The conflict error's message, an untranslated msgid (N_()) the helper translates, or NULL
   * for a general one. */
  const char                 *conflict_message;
} GestRecordChangeSpec;

/* Makes the change @spec describes to the record @uuid of @spec's table, passing @user_data to
 * every callback. Returns FALSE with @error when the record cannot be loaded, the check
 * refuses, the row changed underneath (GEST_ERROR_CONFLICT), the store fails or the activity
 * entry cannot be appended; nothing is written then. */
gboolean gest_record_change_run (GestStore                   *store,
                                 const GestRecordChangeSpec  *spec,
                                 const char                  *uuid,
                                 gpointer                     user_data,
                                 GError                     **error);

G_END_DECLS
