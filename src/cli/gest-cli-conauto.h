/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `gestiona-cli import conauto-updates FILE` (issue 12): Conauto's signed update file for a
 * dealer without sync (gest-sync-update-file.h). @argv starts with "import". */
int gest_cli_import_conauto (const char  *db_path,
                             int          argc,
                             char       **argv);
/* `gestiona-cli conauto-key KEY [DEALER_NUMBER]`: Conauto's public key (and the dealer's
 * number, for a desktop that never enrolled). @argv starts with "conauto-key". */
int gest_cli_conauto_key    (const char  *db_path,
                             int          argc,
                             char       **argv);

G_END_DECLS
