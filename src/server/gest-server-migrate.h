/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* Applies every data/server-sql/NNNN-*.sql (embedded as resources) above the database's
 * schema_version, in one transaction, as the connected (owner) role. Prints each file applied.
 * Returns the version reached, or -1 with @error set. */
int gest_server_migrate (PGconn  *conn,
                         GError **error);

G_END_DECLS
