/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Helpers for tests/test-server.c, which runs under tests/server/pg-env.sh. */

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;        /* nullable: the body when it is JSON */
  SoupMessageHeaders *headers;
} TestReply;

void        test_reply_free      (TestReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestReply, test_reply_free)

typedef struct
{
  char *device_id;
  char *dealer_id;
  char *token;
} TestDevice;

void        test_device_free     (TestDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDevice, test_device_free)

/* Runs `gestiona-server admin ARGS...`; returns its stripped stdout and sets @status.
 * When @status is NULL, asserts success. @err_out (nullable) gets stderr. */
char       *test_admin           (int          *status,
                                  char        **err_out,
                                  const char   *first_arg,
                                  ...) G_GNUC_NULL_TERMINATED;

/* One HTTP request on @session (NULL: a session of the calling thread). @headers: name,
 * value pairs, NULL-terminated, may be NULL. */
TestReply  *test_http            (SoupSession  *session,
                                  const char   *method,
                                  const char   *path,
                                  const char   *token,
                                  const char   *content_type,
                                  GBytes       *body,
                                  const char * const *headers);
/* The same on a kept-alive connection whatever the method: libsoup otherwise opens a new
 * connection for every POST (not idempotent), where a browser or a website's backend reuses
 * its open one. For the benchmarks. */
TestReply  *test_http_keep_alive (SoupSession  *session,
                                  const char   *method,
                                  const char   *path,
                                  const char   *content_type,
                                  GBytes       *body,
                                  const char * const *headers);
TestReply  *test_post_json       (SoupSession  *session,
                                  const char   *path,
                                  const char   *token,
                                  const char   *json);

/* A new dealer and a device enrolled in it through /v1/enroll. */
char       *test_new_dealer      (const char   *name);
TestDevice *test_enroll          (const char   *dealer_id,
                                  const char   *device_name);

/* Uploads @bytes whole as one of @device's blobs (PATCH /v1/blobs/SHA); asserts 200 and
 * returns the SHA-256 in hex. */
char       *test_upload_blob     (TestDevice   *device,
                                  GBytes       *bytes);

/* POST /v1/push with {"mutations": [@mutations_json]}; asserts 200 and returns the results. */
JsonArray  *test_push            (SoupSession  *session,
                                  TestDevice   *device,
                                  const char   *mutations_json);
/* The result object of the single mutation pushed. */
JsonObject *test_push_one        (TestDevice   *device,
                                  const char   *mutation_json);

/* Every change from @cursor on, page by page (@limit each); asserts each page's invariants. */
JsonArray  *test_pull_all        (SoupSession  *session,
                                  TestDevice   *device,
                                  gint64        cursor,
                                  guint         limit);

/* The record's latest change in @changes, or NULL. */
JsonObject *test_find_change     (JsonArray    *changes,
                                  const char   *uuid);

/* The error message of a 4xx JSON reply, asserting it has one. */
const char *test_reply_error     (TestReply    *reply);

/* A connection as the app role (GESTIONA_SERVER_PG) or the owner (GESTIONA_SERVER_ADMIN_PG). */
PGconn     *test_pg_connect      (gboolean      owner);
/* Runs @sql with text parameters; returns the result (any status). */
PGresult   *test_pg              (PGconn       *conn,
                                  const char   *sql,
                                  int           n_params,
                                  ...);
gint64      test_dealer_last_seq (const char   *dealer_id);

G_END_DECLS

G_BEGIN_DECLS
/* tests/server/test-server-security.c: isolation, tokens, bad input, documents. */
void        gest_server_test_add_security (void);
G_END_DECLS
