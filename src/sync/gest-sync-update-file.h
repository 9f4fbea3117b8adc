/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Conauto's signed update file, for dealers without sync (issue 12; data/sync-protocol.md,
 * "Conauto's signed update file"): `gestiona-server export-updates` writes Conauto's changes
 * of one dealer (Conauto's steps and their dates, plan balances) signed with the
 * server's Ed25519 key; the desktop checks the signature with the dealer's configured Conauto
 * public key (setting conauto.public-key) and applies the changes as a pull would. */

typedef struct
{
  guint     changes;       /* changes in the file */
  guint     not_applied;   /* of them, refused by the local checks (in the sync log) */
  gint64    until;         /* the file's last server version, now applied */
  gboolean  replay;        /* the file was applied before: nothing changed */
} GestConautoImport;

/* Whether @key is a public key in base64 (32 bytes). */
gboolean gest_sync_conauto_key_valid        (const char        *key);

/* Sets Conauto's public key (base64) and, when > 0, the dealer's number (1 to 999, for a
 * desktop that never enrolled: an enrolled one knows it). Needs
 * GEST_PERMISSION_DEALER_SETTINGS; enrollment sets the key by itself. */
gboolean gest_sync_set_conauto_key          (GestStore         *store,
                                             const char        *key,
                                             gint64             dealer_number,
                                             GError           **error);

/* Verifies and applies @file (the file's bytes) in one transaction, authored by Conauto.
 * Refused (GEST_ERROR_REFUSED, nothing changed): no key configured, a signature that does
 * not match (a changed byte, another key), a file for another dealer, one older than what
 * is applied or starting after it. A file applied before is a no-op (@out->replay). Needs
 * GEST_PERMISSION_IMPORT_CONAUTO. */
gboolean gest_sync_import_conauto_updates   (GestStore         *store,
                                             GBytes            *file,
                                             GestConautoImport *out,
                                             GError           **error);

G_END_DECLS
