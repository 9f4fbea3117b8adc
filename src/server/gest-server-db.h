/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Small libpq helpers. Failures are GEST_ERROR_STORE with PostgreSQL's message. These block:
 * they run in admin commands and in the HTTP server's worker threads, never its main loop. */
PGconn   *gest_pg_connect        (const char   *conninfo,
                                  GError      **error);

/* Runs @sql with @n_params text parameters given as const char * varargs (NULL is SQL NULL).
 * Returns the result (tuples or command OK), or NULL with @error set. */
PGresult *gest_pg_query          (PGconn       *conn,
                                  GError      **error,
                                  const char   *sql,
                                  int           n_params,
                                  ...);
/* The same with explicit arrays, for binary parameters (bytea). */
PGresult *gest_pg_query_params   (PGconn             *conn,
                                  GError            **error,
                                  const char         *sql,
                                  int                 n_params,
                                  const char * const *values,
                                  const int          *lengths,
                                  const int          *formats);
gboolean  gest_pg_exec           (PGconn       *conn,
                                  GError      **error,
                                  const char   *sql);

gboolean  gest_pg_begin          (PGconn       *conn,
                                  GError      **error);
gboolean  gest_pg_commit         (PGconn       *conn,
                                  GError      **error);
void      gest_pg_rollback       (PGconn       *conn);
/* SET LOCAL gestiona.dealer for the current transaction: row-level security shows only this
 * dealer's rows and refuses writes of any other. */
gboolean  gest_pg_set_dealer     (PGconn       *conn,
                                  const char   *dealer_id,
                                  GError      **error);
/* BEGIN + gest_pg_set_dealer. */
gboolean  gest_pg_begin_dealer   (PGconn       *conn,
                                  const char   *dealer_id,
                                  GError      **error);

/* Takes the dealer's next change sequence value. The counter row stays locked until the
 * transaction ends, so values commit in order and a rollback consumes none. */
gboolean  gest_pg_next_seq       (PGconn       *conn,
                                  const char   *dealer_id,
                                  gint64       *out_seq,
                                  GError      **error);

/* Lower-case hex SHA-256 of a NUL-terminated string. */
char     *gest_sha256_hex        (const char   *text);

G_END_DECLS
