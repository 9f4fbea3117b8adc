/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <string.h>

#include "gest-server-sha256.h"

/* The hashing is libsodium's; this file only saves and restores its state, which libsodium's
 * public header declares (eight words of state, the count of bits hashed, the partial block). */

G_STATIC_ASSERT (sizeof (((crypto_hash_sha256_state *) NULL)->buf) == 64);

void
gest_sha256_init (GestSha256 *self)
{
  crypto_hash_sha256_init (&self->state);
}

void
gest_sha256_update (GestSha256   *self,
                    const guint8 *data,
                    gsize         len)
{
  crypto_hash_sha256_update (&self->state, data, len);
}

void
gest_sha256_finish (GestSha256 *self,
                    char        out[65])
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256_final (&self->state, digest);
  for (gsize i = 0; i < sizeof digest; i++)
    g_snprintf (out + 2 * i, 3, "%02x", digest[i]);
}

guint64
gest_sha256_length (const GestSha256 *self)
{
  return self->state.count >> 3;
}

gsize
gest_sha256_save (const GestSha256 *self,
                  guint8            out[GEST_SHA256_STATE_MAX])
{
  guint64 length = gest_sha256_length (self);
  gsize used = length % 64;

  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++)
      out[4 * i + j] = (guint8) (self->state.state[i] >> (24 - 8 * j));
  for (int j = 0; j < 8; j++)
    out[32 + j] = (guint8) (length >> (56 - 8 * j));
  memcpy (out + 40, self->state.buf, used);
  return 40 + used;
}

gboolean
gest_sha256_restore (GestSha256   *self,
                     const guint8 *data,
                     gsize         len)
{
  guint64 length = 0;

  if (len < 40)
    return FALSE;
  for (int j = 0; j < 8; j++)
    length = length << 8 | data[32 + j];
  if (length > G_MAXUINT64 >> 3 || len != 40 + length % 64)
    return FALSE;
  gest_sha256_init (self);
  for (int i = 0; i < 8; i++)
    self->state.state[i] = (guint32) data[4 * i] << 24 | (guint32) data[4 * i + 1] << 16 |
                           (guint32) data[4 * i + 2] << 8 | data[4 * i + 3];
  self->state.count = length << 3;
  memcpy (self->state.buf, data + 40, len - 40);
  return TRUE;
}
