/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "gest-server-rules.h"

G_BEGIN_DECLS

/* Record storage shared by push and the admin commands. Every function runs inside a
 * transaction that already did gest_pg_set_dealer(). */

/* Locks the dealer's counter row without taking a value: from here on, this transaction is
 * the dealer's only writer, so what it reads stays current until it commits. */
gboolean  gest_record_lock_dealer  (PGconn          *conn,
                                    const char      *dealer_id,
                                    GError         **error);

/* Loads (entity, uuid); state->exists is FALSE when the server has no such record. */
gboolean  gest_record_load         (PGconn          *conn,
                                    const char      *dealer_id,
                                    const char      *entity,
                                    const char      *uuid,
                                    GestRecordState *state,
                                    GError         **error);

/* Writes @state as the record's new state at version @seq. */
gboolean  gest_record_save         (PGconn          *conn,
                                    const char      *dealer_id,
                                    const char      *entity,
                                    const char      *uuid,
                                    gint64           seq,
                                    GestRecordState *state,
                                    GError         **error);

/* A server-side change (Conauto's): lock, next sequence value, merge @fields without
 * conflict detection, save. Returns the new version, or 0 with @error set. */
gint64    gest_record_write_server (PGconn          *conn,
                                    const char      *dealer_id,
                                    const char      *entity,
                                    const char      *uuid,
                                    JsonObject      *fields,
                                    GError         **error);

/* A push page's records (gest-server-push.c), read and written in one statement each. */

/* Whether a failed statement is a fault of the database or the connection (retry later:
 * 503) rather than of the values sent (SQLSTATE classes 08, 40, 53, 57, 58, XX, or a lost
 * connection). @res may be NULL. */
gboolean  gest_pg_error_is_transient (PGconn         *conn,
                                      const PGresult *res);

/* Like gest_pg_query(), but the error's code is GEST_ERROR_NETWORK for a transient fault
 * (gest_pg_error_is_transient()) and GEST_ERROR_INVALID for one caused by the values. */
PGresult *gest_pg_query_classified   (PGconn         *conn,
                                      GError        **error,
                                      const char     *sql,
                                      int             n_params,
                                      ...);

/* Appends @value as an element of a PostgreSQL array literal ("{...}"), quoted. */
void      gest_pg_array_append       (GString        *array,
                                      const char     *value);

/* Loads the records @keys names ("entity" "\x1f" "uuid", each) into @states (key → owned
 * GestRecordState*, freed with gest_record_state_free()); a record the server does not have
 * gets a state with exists FALSE. */
gboolean  gest_records_load_many     (PGconn         *conn,
                                      const char     *dealer_id,
                                      GPtrArray      *keys,
                                      GHashTable     *states,
                                      GError        **error);

/* Writes the states of @keys (each at its own state->version) in one statement. */
gboolean  gest_records_save_many     (PGconn         *conn,
                                      const char     *dealer_id,
                                      GPtrArray      *keys,
                                      GHashTable     *states,
                                      GError        **error);

GestRecordState *gest_record_state_new  (void);
void             gest_record_state_free (GestRecordState *state);

/* Parses a JSON object text; NULL with @error set when it is not one. */
JsonObject *gest_json_object_parse (const char      *text,
                                    GError         **error);
char       *gest_json_object_text  (JsonObject      *object);

G_END_DECLS
