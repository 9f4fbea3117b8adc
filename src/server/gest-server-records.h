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

/* Parses a JSON object text; NULL with @error set when it is not one. */
JsonObject *gest_json_object_parse (const char      *text,
                                    GError         **error);
char       *gest_json_object_text  (JsonObject      *object);

G_END_DECLS
