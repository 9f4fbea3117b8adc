/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sodium.h>

G_BEGIN_DECLS

/* SHA-256 whose state can be saved between requests: a resumable upload hashes each part as
 * it arrives and keeps the state with the upload (#16.8), so no part ever reads the parts
 * before it. GChecksum cannot export its state; libsodium's state is a declared struct. */
typedef struct
{
  crypto_hash_sha256_state state;
} GestSha256;

#define GEST_SHA256_STATE_MAX (32 + 8 + 64)

void      gest_sha256_init    (GestSha256   *self);
void      gest_sha256_update  (GestSha256   *self,
                               const guint8 *data,
                               gsize         len);
/* Lower-case hex of the digest; @self is left finished (init it again to reuse it). */
void      gest_sha256_finish  (GestSha256   *self,
                               char          out[65]);
/* How many bytes were hashed so far. */
guint64   gest_sha256_length  (const GestSha256 *self);
/* The state as bytes (32 + 8 + length % 64 of them) into @out; returns their count. */
gsize     gest_sha256_save    (const GestSha256 *self,
                               guint8            out[GEST_SHA256_STATE_MAX]);
/* FALSE when @data is not a saved state. */
gboolean  gest_sha256_restore (GestSha256   *self,
                               const guint8 *data,
                               gsize         len);

G_END_DECLS
