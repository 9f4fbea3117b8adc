/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gest-server-sha256.h"

static const guint32 k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
block (guint32       h[8],
       const guint8 *p)
{
  guint32 w[64];
  guint32 a, b, c, d, e, f, g, hh;

  for (int i = 0; i < 16; i++)
    w[i] = (guint32) p[4 * i] << 24 | (guint32) p[4 * i + 1] << 16 | (guint32) p[4 * i + 2] << 8 | p[4 * i + 3];
  for (int i = 16; i < 64; i++)
    {
      guint32 s0 = ROTR (w[i - 15], 7) ^ ROTR (w[i - 15], 18) ^ (w[i - 15] >> 3);
      guint32 s1 = ROTR (w[i - 2], 17) ^ ROTR (w[i - 2], 19) ^ (w[i - 2] >> 10);

      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
  a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
  for (int i = 0; i < 64; i++)
    {
      guint32 t1 = hh + (ROTR (e, 6) ^ ROTR (e, 11) ^ ROTR (e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      guint32 t2 = (ROTR (a, 2) ^ ROTR (a, 13) ^ ROTR (a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void
gest_sha256_init (GestSha256 *self)
{
  static const guint32 iv[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  memcpy (self->h, iv, sizeof iv);
  self->length = 0;
  memset (self->buffer, 0, sizeof self->buffer);
}

void
gest_sha256_update (GestSha256   *self,
                    const guint8 *data,
                    gsize         len)
{
  gsize used = self->length % 64;

  self->length += len;
  if (used > 0)
    {
      gsize take = MIN (len, 64 - used);

      memcpy (self->buffer + used, data, take);
      data += take;
      len -= take;
      if (used + take < 64)
        return;
      block (self->h, self->buffer);
    }
  for (; len >= 64; data += 64, len -= 64)
    block (self->h, data);
  if (len > 0)
    memcpy (self->buffer, data, len);
}

void
gest_sha256_finish (GestSha256 *self,
                    char        out[65])
{
  guint64 bits = self->length * 8;
  gsize used = self->length % 64;
  guint8 pad[72] = { 0x80 };
  gsize pad_len = used < 56 ? 56 - used : 120 - used;

  for (int i = 0; i < 8; i++)
    pad[pad_len + i] = (guint8) (bits >> (56 - 8 * i));
  gest_sha256_update (self, pad, pad_len + 8);
  for (int i = 0; i < 8; i++)
    g_snprintf (out + 8 * i, 9, "%08x", self->h[i]);
}

gsize
gest_sha256_save (const GestSha256 *self,
                  guint8            out[GEST_SHA256_STATE_MAX])
{
  gsize used = self->length % 64;

  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++)
      out[4 * i + j] = (guint8) (self->h[i] >> (24 - 8 * j));
  for (int j = 0; j < 8; j++)
    out[32 + j] = (guint8) (self->length >> (56 - 8 * j));
  memcpy (out + 40, self->buffer, used);
  return 40 + used;
}

gboolean
gest_sha256_restore (GestSha256   *self,
                     const guint8 *data,
                     gsize         len)
{
  if (len < 40)
    return FALSE;
  gest_sha256_init (self);
  for (int i = 0; i < 8; i++)
    self->h[i] = (guint32) data[4 * i] << 24 | (guint32) data[4 * i + 1] << 16 |
                 (guint32) data[4 * i + 2] << 8 | data[4 * i + 3];
  self->length = 0;
  for (int j = 0; j < 8; j++)
    self->length = self->length << 8 | data[32 + j];
  if (len != 40 + self->length % 64)
    return FALSE;
  memcpy (self->buffer, data + 40, len - 40);
  return TRUE;
}
