/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "gest-server-config.h"

G_BEGIN_DECLS

/* Conauto's signed update file for dealers without sync (issue 12; data/sync-protocol.md,
 * "Conauto's signed update file"). The server's Ed25519 key pair (libsodium) is made on first
 * use and kept in the database's signing_key table, which only the owner role reads. */

/* The public key in base64 (32 bytes), made with its pair when there is none. Works on the app
 * role's connection too (enrollment sends it), through a SECURITY DEFINER function. */
char *gest_server_signing_public_key (PGconn                 *conn,
                                      GError                **error);

/* `gestiona-server public-key` and `gestiona-server export-updates --dealer N --since VERSION
 * --output FILE`. @argv starts with the command. Return the exit status. */
int   gest_server_cmd_public_key     (const GestServerConfig *config,
                                      int                     argc,
                                      char                  **argv);
int   gest_server_cmd_export_updates (const GestServerConfig *config,
                                      int                     argc,
                                      char                  **argv);

G_END_DECLS
