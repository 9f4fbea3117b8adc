/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* For the sync tests, run by tests/server/pg-env.sh (GESTIONA_SERVER, GESTIONA_SERVER_ADMIN_PG
 * and GESTIONA_TEST_SERVER_URL set). */

/* Whether the server environment is there; otherwise the test is skipped with a reason. */
gboolean   sync_test_have_server      (void);
/* `gestiona-server admin ARGS...`; asserts success and returns stdout, stripped. */
char      *sync_test_admin            (const char *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;
char      *sync_test_new_dealer       (const char *name);
/* A new desktop database in @dir, enrolled with @dealer_id. */
GestStore *sync_test_new_desktop      (const char *dir,
                                       const char *name,
                                       const char *dealer_id);
/* One full round; asserts it succeeded. */
void       sync_test_sync             (GestStore  *store);
/* The server's canonical dump of @dealer_id (the same lines as gest_sync_dump()). */
char      *sync_test_server_dump      (const char *dealer_id);
/* Runs @sql on the server's database as the owner role; returns stdout (psql -At). */
char      *sync_test_psql             (const char *sql);
/* Runs SQL on the desktop (asserting success). */
void       sync_test_exec             (GestStore  *store,
                                       const char *sql);
gint64     sync_test_query_int        (GestStore  *store,
                                       const char *sql);
char      *sync_test_query_text       (GestStore  *store,
                                       const char *sql);
/* Serves /v1/pull with @callback on a loopback SoupServer; returns the server's address. */
char      *sync_test_serve_pull       (SoupServer         *server,
                                       SoupServerCallback  callback,
                                       gpointer            user_data);
/* A new database at @path, enrolled (device d1, token "token") with the server at @url. */
GestStore *sync_test_open_enrolled    (const char         *path,
                                       const char         *url);

G_END_DECLS
