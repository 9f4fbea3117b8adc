/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-server-config.h"

G_BEGIN_DECLS

/* Serves the sync protocol (data/sync-protocol.md) until SIGINT or SIGTERM. libmicrohttpd's
 * polling thread only parses HTTP; every database step runs in a pool of worker threads, one
 * PostgreSQL connection (role gestiona_app) each, while the connection is suspended. On
 * SIGINT or SIGTERM the server stops accepting, lets the running requests answer, and returns. */
int gest_server_serve (const GestServerConfig *config);

G_END_DECLS
