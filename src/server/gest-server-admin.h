/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-server-config.h"

G_BEGIN_DECLS

/* `gestiona-server admin COMMAND ARGS...`, connected as the owner role (admin_pg).
 * Returns the process exit status. */
int gest_server_admin (const GestServerConfig *config,
                       int                     argc,
                       char                  **argv);

G_END_DECLS
