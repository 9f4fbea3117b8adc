/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* gestiona-server's settings. A key file (default /etc/gestiona/server.conf, group [server])
 * is read first when it exists; the environment overrides it:
 *
 *   listen    GESTIONA_SERVER_LISTEN    host:port to listen on (plain HTTP), 127.0.0.1:8080
 *   pg        GESTIONA_SERVER_PG        libpq conninfo of the app role (gestiona_app)
 *   admin_pg  GESTIONA_SERVER_ADMIN_PG  libpq conninfo of the owner role, for `admin`; pg if unset
 *   max_body  GESTIONA_SERVER_MAX_BODY  largest request body in bytes, 16 MiB
 *   max_blob  GESTIONA_SERVER_MAX_BLOB  largest document in bytes, 256 MiB
 *   workers   GESTIONA_SERVER_WORKERS   database worker threads (one connection each), 4
 *
 * and, for the HTTP layer (libmicrohttpd):
 *
 *   max_enroll_body         GESTIONA_SERVER_MAX_ENROLL_BODY  largest body before login
 *                           (/v1/enroll), 64 KiB
 *   timeout                 GESTIONA_SERVER_TIMEOUT          seconds a connection may stay
 *                           silent (idle keep-alive, or half-sent headers or body), 30
 *   max_connections         GESTIONA_SERVER_MAX_CONNECTIONS  open connections at once, 4096
 *   max_connections_per_ip  GESTIONA_SERVER_MAX_CONNECTIONS_PER_IP  0 = no limit (behind
 *                           nginx every connection comes from one address)
 *   backlog                 GESTIONA_SERVER_BACKLOG          listen backlog, 1024
 *
 * and, for the public web bookings (/book/<dealer>, /v1/bookings/<dealer>):
 *
 *   booking_per_hour        GESTIONA_SERVER_BOOKING_PER_HOUR  bookings (POSTs) one client
 *                           address may send per hour (a sliding window), 10
 *   trust_proxy             GESTIONA_SERVER_TRUST_PROXY       true: the client's address is
 *                           the last hop of X-Forwarded-For (behind nginx); false: the
 *                           socket's peer, false
 */
typedef struct
{
  char   *listen_host;
  guint   listen_port;
  char   *pg;
  char   *admin_pg;
  gsize   max_body;
  gint64  max_blob;
  guint   workers;
  gsize   max_enroll_body;
  guint   timeout;
  guint   max_connections;
  guint   max_connections_per_ip;
  guint   backlog;
  guint   booking_per_hour;
  gboolean trust_proxy;
} GestServerConfig;

#define GEST_SERVER_DEFAULT_CONFIG "/etc/gestiona/server.conf"

/* @path NULL: the default file, skipped when missing. A named file must exist. */
GestServerConfig *gest_server_config_load (const char        *path,
                                           GError           **error);
void              gest_server_config_free (GestServerConfig  *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestServerConfig, gest_server_config_free)

G_END_DECLS
