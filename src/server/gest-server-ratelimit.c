/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include "gest-server-ratelimit.h"

/* Each address keeps the times of its counted requests in the window, oldest first, in a
 * ring of @limit entries: at most @limit times per address, whatever it sends. Addresses
 * whose newest request left the window are dropped in a sweep every SWEEP_EVERY calls, so
 * the table holds only the last window's addresses. */
#define SWEEP_EVERY 1024

struct _GestRateLimit
{
  GMutex      lock;
  guint       limit;
  gint64      window_us;
  GHashTable *addresses;   /* char* → Entry* */
  guint       calls;
};

typedef struct
{
  guint  first;      /* index of the oldest time */
  guint  count;
  gint64 times[];    /* limit entries */
} Entry;

GestRateLimit *
gest_rate_limit_new (guint  limit,
                     gint64 window_us)
{
  GestRateLimit *rl = g_new0 (GestRateLimit, 1);

  g_mutex_init (&rl->lock);
  rl->limit = MAX (limit, 1);
  rl->window_us = window_us;
  rl->addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return rl;
}

void
gest_rate_limit_free (GestRateLimit *rl)
{
  if (rl == NULL)
    return;
  g_hash_table_unref (rl->addresses);
  g_mutex_clear (&rl->lock);
  g_free (rl);
}

static gint64
entry_newest (const Entry *entry,
              guint        limit)
{
  return entry->times[(entry->first + entry->count - 1) % limit];
}

/* Drops the times that left the window. */
static void
entry_expire (Entry  *entry,
              guint   limit,
              gint64  since)
{
  while (entry->count > 0 && entry->times[entry->first] <= since)
    {
      entry->first = (entry->first + 1) % limit;
      entry->count--;
    }
}

static void
sweep (GestRateLimit *rl,
       gint64         now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, rl->addresses);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->count == 0 || entry_newest (entry, rl->limit) <= now - rl->window_us)
        g_hash_table_iter_remove (&iter);
    }
}

gboolean
gest_rate_limit_take (GestRateLimit *rl,
                      const char    *address,
                      gint64         now,
                      guint         *out_retry_s)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&rl->lock);
  Entry *entry;

  if (++rl->calls % SWEEP_EVERY == 0)
    sweep (rl, now);
  entry = g_hash_table_lookup (rl->addresses, address);
  if (entry == NULL)
    {
      entry = g_malloc0 (sizeof (Entry) + rl->limit * sizeof (gint64));
      g_hash_table_insert (rl->addresses, g_strdup (address), entry);
    }
  entry_expire (entry, rl->limit, now - rl->window_us);
  if (entry->count >= rl->limit)
    {
      gint64 wait = entry->times[entry->first] + rl->window_us - now;

      if (out_retry_s != NULL)
        *out_retry_s = (guint) MAX ((wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1);
      return FALSE;
    }
  entry->times[(entry->first + entry->count) % rl->limit] = now;
  entry->count++;
  return TRUE;
}

guint
gest_rate_limit_size (GestRateLimit *rl)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&rl->lock);

  return g_hash_table_size (rl->addresses);
}
