/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-pdf-images"

#include "config.h"

#include <string.h>

#include "gest-pdf-images.h"

/* How far from "/Image" the dictionary's other keys are looked for: far more than any real
 * image dictionary, so that a long /Decode array or inline color space cannot hide /Width. */
#define DICT_WINDOW (64 * 1024)

static gboolean
is_delimiter (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0' ||
         c == '/' || c == '<' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' ||
         c == '%' || c == '{' || c == '}';
}

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

/* A name or keyword at @p that is a whole token (delimited on the right). */
static gboolean
token_at (const guint8 *p,
          const guint8 *end,
          const char   *token)
{
  gsize n = strlen (token);

  return (gsize) (end - p) >= n && memcmp (p, token, n) == 0 &&
         (p + n == end || is_delimiter (p[n]));
}

static const guint8 *
skip_space (const guint8 *p,
            const guint8 *end)
{
  while (p < end && is_space (*p))
    p++;
  return p;
}

/* An unsigned decimal integer at @p, saturated; NULL when there is none. */
static const guint8 *
parse_uint (const guint8 *p,
            const guint8 *end,
            guint64      *value)
{
  const guint8 *start = p;

  *value = 0;
  while (p < end && g_ascii_isdigit (*p))
    {
      *value = MIN (*value * 10 + (guint64) (*p - '0'), (guint64) G_MAXUINT32);
      p++;
    }
  return p > start ? p : NULL;
}

static const guint8 *
find_bytes (const guint8 *p,
            const guint8 *end,
            const char   *needle)
{
  gsize n = strlen (needle);

  /* memchr for the first byte, then compare: memmem is a GNU extension. */
  while (p < end && (gsize) (end - p) >= n)
    {
      const guint8 *hit = memchr (p, needle[0], (gsize) (end - p) - n + 1);

      if (hit == NULL)
        return NULL;
      if (memcmp (hit, needle, n) == 0)
        return hit;
      p = hit + 1;
    }
  return NULL;
}

/* Where each "N G obj" starts, built once on the first indirect size (one pass over the
 * file, so a document full of references costs no more than one without). The last
 * definition wins, as with incremental updates. */
static GHashTable *
index_objects (const guint8 *data,
               gsize         len)
{
  GHashTable *objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const guint8 *end = data + len;
  const guint8 *p = data;
  const guint8 *hit;

  while ((hit = find_bytes (p, end, "obj")) != NULL)
    {
      const guint8 *q = hit;
      const guint8 *digits_end, *digits;
      guint64 number = 0;
      gint64 *key;

      p = hit + 3;
      if (!token_at (hit, end, "obj") || hit == data || !is_space (hit[-1]))
        continue;
      /* Back over "<number> <generation> ". */
      while (q > data && is_space (q[-1]))
        q--;
      while (q > data && g_ascii_isdigit (q[-1]))
        q--;
      while (q > data && is_space (q[-1]))
        q--;
      digits_end = q;
      while (q > data && g_ascii_isdigit (q[-1]) && digits_end - q < 12)
        q--;
      digits = q;
      if (digits == digits_end || parse_uint (digits, digits_end, &number) == NULL)
        continue;
      key = g_new (gint64, 1);
      *key = (gint64) number;
      g_hash_table_insert (objects, key, (gpointer) (hit + 3));
    }
  return objects;
}

/* The integer that object @number holds, or 0. */
static guint64
resolve_reference (const guint8  *data,
                   gsize          len,
                   GHashTable   **objects,
                   guint64        number)
{
  gint64 key = (gint64) number;
  const guint8 *body;
  guint64 value;

  if (*objects == NULL)
    *objects = index_objects (data, len);
  body = g_hash_table_lookup (*objects, &key);
  if (body == NULL || parse_uint (skip_space (body, data + len), data + len, &value) == NULL)
    return 0;
  return value;
}

/* The value of @key (a direct integer or an indirect reference) in [start, end). */
static guint64
dict_uint (const guint8  *data,
           gsize          len,
           GHashTable   **objects,
           const guint8  *start,
           const guint8 *end,
           const char   *key)
{
  const guint8 *p = start;
  const guint8 *hit;

  while ((hit = find_bytes (p, end, key)) != NULL)
    {
      const guint8 *q;
      guint64 value, generation;

      p = hit + 1;
      if (!token_at (hit, end, key))
        continue;
      q = parse_uint (skip_space (hit + strlen (key), end), end, &value);
      if (q == NULL)
        continue;
      /* "12 0 R" is a reference to object 12. */
      {
        const guint8 *r = parse_uint (skip_space (q, end), end, &generation);

        if (r != NULL && q < end && is_space (*q))
          {
            r = skip_space (r, end);
            if (r < end && *r == 'R' && (r + 1 == end || is_delimiter (r[1])))
              return resolve_reference (data, len, objects, value);
          }
      }
      return value;
    }
  return 0;
}

guint64
gest_pdf_largest_image (const guint8 *data,
                        gsize         len,
                        guint        *width,
                        guint        *height)
{
  const guint8 *end = data + len;
  const guint8 *p = data;
  const guint8 *hit;
  const guint8 *previous_stop = data;
  g_autoptr(GHashTable) objects = NULL;
  guint64 largest = 0;

  *width = *height = 0;
  while ((hit = find_bytes (p, end, "/Image")) != NULL)
    {
      const guint8 *start = hit - MIN ((gsize) (hit - previous_stop), (gsize) DICT_WINDOW);
      const guint8 *stop = hit + MIN ((gsize) (end - hit), (gsize) DICT_WINDOW);
      const guint8 *mark;
      guint64 w, h;

      p = hit + 1;
      /* "/ImageB", "/ImageMask"... are other names. */
      if (!token_at (hit, end, "/Image"))
        continue;

      /* The dictionary lies between its "obj" and its "stream": cut the window there so a
       * neighbouring object's /Width is not taken. */
      for (const guint8 *q = hit; q > start; q--)
        if (q - start >= 3 && memcmp (q - 3, "obj", 3) == 0 && (q == end || is_delimiter (*q)))
          {
            start = q;
            break;
          }
      if ((mark = find_bytes (hit, stop, "stream")) != NULL)
        stop = mark;
      if ((mark = find_bytes (hit, stop, "endobj")) != NULL)
        stop = mark;

      w = dict_uint (data, len, &objects, start, stop, "/Width");
      h = dict_uint (data, len, &objects, start, stop, "/Height");
      /* Windows never overlap: a file stuffed with "/Image" costs one pass, not one per name. */
      p = previous_stop = MAX (stop, hit + 1);
      if (w * h > largest)
        {
          largest = w * h;
          *width = (guint) w;
          *height = (guint) h;
        }
    }
  return largest;
}
