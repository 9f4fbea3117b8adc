/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "gest-server-rules.h"

G_BEGIN_DECLS

/* Issue 12: who may push what. Every mutation names its author (the desktop user's login,
 * "user"); the server accepts it only when the author is an active user of the device's
 * dealer on the server (the dealer's "user" records) whose role has the permission for what
 * the mutation does, with the desktop's own permissions table (gest-permissions.c and the
 * trámite rows). A dealer without any user on the server is being set up: its changes are
 * accepted whoever made them, as the desktop does before its first user
 * (data/sync-protocol.md, Authors). */
typedef struct _GestServerAuthors GestServerAuthors;

/* The dealer's users, read inside the push's transaction (after the dealer's lock). */
GestServerAuthors *gest_server_authors_load   (PGconn                *conn,
                                               const char            *dealer_id,
                                               GError               **error);
void               gest_server_authors_free   (GestServerAuthors     *authors);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestServerAuthors, gest_server_authors_free)

/* Whether the dealer has a user on the server (deactivated ones included). */
gboolean           gest_server_authors_any    (GestServerAuthors     *authors);

/* NULL when @login may make this mutation, else a translated reason that names the user, the
 * role the server knows and what it may not do. @login may be NULL or "" (no author). */
char              *gest_server_authz_check    (GestServerAuthors     *authors,
                                               const char            *login,
                                               const char            *entity,
                                               const char            *uuid,
                                               gboolean               is_delete,
                                               JsonObject            *fields,
                                               const GestRecordState *current);

/* A "user" record of the page was applied: later mutations of the page see it as it is now. */
void               gest_server_authors_update (GestServerAuthors     *authors,
                                               const char            *uuid,
                                               const GestRecordState *state);

/* Whether @fields describe a user the server can store: a login and a dealer role (never
 * Conauto's). NULL when fine, else a translated reason. Used at enrollment too. */
char              *gest_server_user_fields_check (JsonObject         *fields,
                                                  gboolean            is_new);

G_END_DECLS
