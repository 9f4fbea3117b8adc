/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-render-queue"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-page-source.h"
#include "gest-render-queue.h"

/* Open documents kept on the worker: the preview, its thumbnails and a card or two. */
#define MAX_OPEN_SOURCES 6
/* Thumbnails (requests this wide or narrower) open scans decoded to fit this side, not
 * GEST_PAGE_SOURCE_MAX_SIDE: a phone photo's JPEG is then decoded at 1/4 or 1/8, so a list
 * of documents that arrive through sync does not keep the worker busy for seconds. */
#define THUMBNAIL_MAX_WIDTH 256
#define THUMBNAIL_DECODE_SIDE 512
/* Rendered pages kept: a viewer's neighbouring pages and the thumbnails of a list. */
#define CACHE_MAX_ENTRIES 64
#define CACHE_MAX_BYTES (96 * 1024 * 1024)
/* Larger pages are scaled down: 4096² × 4 bytes is already 64 MB. An A4 page at 300 %
 * and 96 dpi is 3369 pixels high. Scans are decoded no larger either. */
#define MAX_SIDE GEST_PAGE_SOURCE_MAX_SIDE

struct _GestRenderedPage
{
  GBytes *bytes;
  int     width;
  int     height;
  gsize   stride;
  guint   page;
  guint   n_pages;
  double  scale;
  double  page_width;
  double  page_height;
  gboolean first_page_only;
};

typedef struct
{
  GTask  *task;
  char   *path;
  char   *key;          /* the source's cache key: a SHA-256, or the path */
  char   *source_key;   /* key, and whether the source is a thumbnail's (decoded small) */
  char   *page_key;     /* key + page + scale or width */
  guint   page;
  double  scale;        /* used when width <= 0 */
  int     width;
} Job;

typedef struct
{
  char           *key;
  GestPageSource *source;
} OpenSource;

struct _GestRenderQueue
{
  GObject              parent_instance;

  GAsyncQueue         *jobs;
  GThread             *thread;

  /* The page cache is shared by the caller's thread (lookups before queuing) and the
   * worker (inserts); both go through the lock. The LRU order is most recent first. */
  GMutex               cache_lock;
  GHashTable          *cache;          /* page_key → GestRenderedPage */
  GQueue               cache_order;    /* page_key (owned by the table) */
  gsize                cache_bytes;

  /* Worker thread only. */
  GQueue               sources;        /* OpenSource*, most recent first */

  GestRenderQueueHook  hook;
  gpointer             hook_data;
  guint                n_rendered;     /* atomic */
  guint                n_cache_hits;   /* atomic */
};

G_DEFINE_BOXED_TYPE (GestRenderedPage, gest_rendered_page,
                     gest_rendered_page_ref, gest_rendered_page_unref)
G_DEFINE_FINAL_TYPE (GestRenderQueue, gest_render_queue, G_TYPE_OBJECT)

/* Pushed to the front of the queue to stop the worker. */
static Job quit_job;

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job->path);
  g_free (job->key);
  g_free (job->source_key);
  g_free (job->page_key);
  g_free (job);
}

static void
open_source_free (OpenSource *open)
{
  g_free (open->key);
  gest_page_source_free (open->source);
  g_free (open);
}

static GestRenderedPage *
cache_lookup (GestRenderQueue *self,
              const char      *page_key)
{
  GestRenderedPage *page;

  g_mutex_lock (&self->cache_lock);
  page = g_hash_table_lookup (self->cache, page_key);
  if (page != NULL)
    {
      GList *link = g_queue_find_custom (&self->cache_order, page_key, (GCompareFunc) g_strcmp0);

      g_queue_unlink (&self->cache_order, link);
      g_queue_push_head_link (&self->cache_order, link);
      gest_rendered_page_ref (page);
    }
  g_mutex_unlock (&self->cache_lock);
  return page;
}

static void
cache_insert (GestRenderQueue  *self,
              const char       *page_key,
              GestRenderedPage *page)
{
  char *key;

  g_mutex_lock (&self->cache_lock);
  if (!g_hash_table_contains (self->cache, page_key))
    {
      key = g_strdup (page_key);
      g_hash_table_insert (self->cache, key, gest_rendered_page_ref (page));
      g_queue_push_head (&self->cache_order, key);
      self->cache_bytes += g_bytes_get_size (page->bytes);

      /* Evict from the tail, but always keep the page just added. */
      while (self->cache_order.length > 1 &&
             (self->cache_order.length > CACHE_MAX_ENTRIES || self->cache_bytes > CACHE_MAX_BYTES))
        {
          char *old = g_queue_pop_tail (&self->cache_order);
          GestRenderedPage *old_page = g_hash_table_lookup (self->cache, old);

          self->cache_bytes -= g_bytes_get_size (old_page->bytes);
          g_hash_table_remove (self->cache, old);
        }
    }
  g_mutex_unlock (&self->cache_lock);
}

static gboolean
job_is_thumbnail (Job *job)
{
  return job->width > 0 && job->width <= THUMBNAIL_MAX_WIDTH;
}

/* Worker only: the open document for @job, opening it (and closing the least recently
 * used one) when needed. */
static GestPageSource *
worker_get_source (GestRenderQueue  *self,
                   Job              *job,
                   GError          **error)
{
  OpenSource *open;
  GestPageSource *source;

  for (GList *l = self->sources.head; l != NULL; l = l->next)
    {
      open = l->data;
      if (g_str_equal (open->key, job->source_key))
        {
          g_queue_unlink (&self->sources, l);
          g_queue_push_head_link (&self->sources, l);
          return open->source;
        }
    }

  source = gest_page_source_open_full (job->path,
                                       job_is_thumbnail (job) ? THUMBNAIL_DECODE_SIDE : 0,
                                       g_task_get_cancellable (job->task), error);
  if (source == NULL)
    return NULL;

  open = g_new0 (OpenSource, 1);
  open->key = g_strdup (job->source_key);
  open->source = source;
  g_queue_push_head (&self->sources, open);
  while (self->sources.length > MAX_OPEN_SOURCES)
    open_source_free (g_queue_pop_tail (&self->sources));
  return source;
}

static void
free_surface_cb (gpointer data)
{
  cairo_surface_destroy (data);
}

static GestRenderedPage *
worker_render (GestRenderQueue  *self,
               Job              *job,
               GError          **error)
{
  GestRenderedPage *result;
  GestPageSource *source;
  cairo_surface_t *surface;
  double page_width, page_height, scale;
  guint n_pages;
  int width, height;

  source = worker_get_source (self, job, error);
  if (source == NULL)
    return NULL;
  /* A cancelled job stops between stages: opening (which stops inside a scan's decoding
   * too) and drawing. poppler cannot be stopped while it draws a page. */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), error))
    return NULL;

  n_pages = gest_page_source_get_n_pages (source);
  if (job->page >= n_pages)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Page %u does not exist: the document has %u page.",
                                "Page %u does not exist: the document has %u pages.",
                                n_pages),
                   job->page + 1, n_pages);
      return NULL;
    }

  gest_page_source_get_page_size (source, job->page, &page_width, &page_height);
  scale = job->width > 0 ? job->width / page_width : job->scale;
  if (page_width * scale > MAX_SIDE)
    scale = MAX_SIDE / page_width;
  if (page_height * scale > MAX_SIDE)
    scale = MAX_SIDE / page_height;
  width = MAX (1, (int) floor (page_width * scale + 0.5));
  height = MAX (1, (int) floor (page_height * scale + 0.5));

  surface = gest_page_source_render (source, job->page, width, height, error);
  if (surface == NULL)
    return NULL;
  g_atomic_int_inc (&self->n_rendered);

  result = g_atomic_rc_box_new0 (GestRenderedPage);
  result->width = width;
  result->height = height;
  result->stride = cairo_image_surface_get_stride (surface);
  /* The bytes keep the surface alive: no copy between the worker and the texture. */
  result->bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                              result->stride * height,
                                              free_surface_cb, surface);
  result->page = job->page;
  result->n_pages = n_pages;
  result->scale = scale;
  result->page_width = page_width;
  result->page_height = page_height;
  result->first_page_only = gest_page_source_get_first_page_only (source);
  return result;
}

static void
worker_run_job (GestRenderQueue *self,
                Job             *job)
{
  g_autoptr(GestRenderedPage) page = NULL;
  GError *error = NULL;

  /* Skipped: a cancelled job costs nothing but its callback. */
  if (g_task_return_error_if_cancelled (job->task))
    return;

  if (self->hook != NULL)
    self->hook (TRUE, self->hook_data);

  /* An earlier job in the queue may have rendered the same page. */
  page = cache_lookup (self, job->page_key);
  if (page != NULL)
    g_atomic_int_inc (&self->n_cache_hits);
  else
    page = worker_render (self, job, &error);

  if (self->hook != NULL)
    self->hook (FALSE, self->hook_data);

  if (page == NULL)
    {
      g_task_return_error (job->task, error);
      return;
    }

  cache_insert (self, job->page_key, page);
  /* GTask reports G_IO_ERROR_CANCELLED instead if the job was cancelled meanwhile. */
  g_task_return_pointer (job->task, g_steal_pointer (&page), (GDestroyNotify) gest_rendered_page_unref);
}

static gpointer
worker_main (gpointer data)
{
  GestRenderQueue *self = data;
  Job *job;

  while ((job = g_async_queue_pop (self->jobs)) != &quit_job)
    {
      worker_run_job (self, job);
      job_free (job);
    }

  /* Shutting down: what is still queued will never run. */
  while ((job = g_async_queue_try_pop (self->jobs)) != NULL)
    {
      if (job == &quit_job)
        continue;
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("The preview was closed before this page was drawn."));
      job_free (job);
    }

  g_queue_clear_full (&self->sources, (GDestroyNotify) open_source_free);
  return NULL;
}

static void
queue_job (GestRenderQueue     *self,
           const char          *path,
           const char          *cache_key,
           guint                page,
           double               scale,
           int                  width,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GestRenderedPage) cached = NULL;
  Job *job;

  /* No source object: see the header. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_render_queue_render_async);
  g_task_set_name (task, "gest-render-queue");

  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  job->key = g_strdup (cache_key != NULL ? cache_key : path);
  job->page = page;
  job->scale = scale;
  job->width = width;
  job->source_key = g_strconcat (job->key, job_is_thumbnail (job) ? "\nthumbnail" : "\nfull", NULL);
  job->page_key = width > 0
    ? g_strdup_printf ("%s\n%u\nw%d", job->key, page, width)
    : g_strdup_printf ("%s\n%u\ns%.4f", job->key, page, scale);

  /* A cached page skips the queue; GTask still calls back from the main loop. */
  cached = cache_lookup (self, job->page_key);
  if (cached != NULL)
    {
      g_atomic_int_inc (&self->n_cache_hits);
      job_free (job);
      g_task_return_pointer (task, g_steal_pointer (&cached), (GDestroyNotify) gest_rendered_page_unref);
      return;
    }

  job->task = g_steal_pointer (&task);
  g_async_queue_push (self->jobs, job);
}

static void
gest_render_queue_finalize (GObject *object)
{
  GestRenderQueue *self = (GestRenderQueue *) object;

  /* Waits for the job in progress only: the worker fails the others as cancelled. */
  g_async_queue_push_front (self->jobs, &quit_job);
  g_thread_join (self->thread);
  g_async_queue_unref (self->jobs);

  g_queue_clear (&self->cache_order);
  g_hash_table_unref (self->cache);
  g_mutex_clear (&self->cache_lock);

  G_OBJECT_CLASS (gest_render_queue_parent_class)->finalize (object);
}

static void
gest_render_queue_class_init (GestRenderQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_render_queue_finalize;
}

static void
gest_render_queue_init (GestRenderQueue *self)
{
  g_mutex_init (&self->cache_lock);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) gest_rendered_page_unref);
  self->jobs = g_async_queue_new ();
  self->thread = g_thread_new ("gest-render", worker_main, self);
}

GestRenderQueue *
gest_render_queue_new (void)
{
  return g_object_new (GEST_TYPE_RENDER_QUEUE, NULL);
}

GestRenderQueue *
gest_render_queue_get_default (void)
{
  static GestRenderQueue *default_queue;

  if (default_queue == NULL)
    default_queue = gest_render_queue_new ();
  return default_queue;
}

void
gest_render_queue_render_async (GestRenderQueue     *self,
                                const char          *path,
                                const char          *cache_key,
                                guint                page,
                                double               scale,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GEST_IS_RENDER_QUEUE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (scale > 0.0);

  queue_job (self, path, cache_key, page, scale, 0, cancellable, callback, user_data);
}

void
gest_render_queue_render_width_async (GestRenderQueue     *self,
                                      const char          *path,
                                      const char          *cache_key,
                                      guint                page,
                                      int                  width,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (GEST_IS_RENDER_QUEUE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (width > 0);

  queue_job (self, path, cache_key, page, 0.0, width, cancellable, callback, user_data);
}

GestRenderedPage *
gest_render_queue_render_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gest_render_queue_render_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gest_render_queue_clear_cache (GestRenderQueue *self)
{
  g_return_if_fail (GEST_IS_RENDER_QUEUE (self));

  g_mutex_lock (&self->cache_lock);
  g_queue_clear (&self->cache_order);
  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
  g_mutex_unlock (&self->cache_lock);
}

guint
gest_render_queue_get_n_rendered (GestRenderQueue *self)
{
  g_return_val_if_fail (GEST_IS_RENDER_QUEUE (self), 0);

  return (guint) g_atomic_int_get (&self->n_rendered);
}

guint
gest_render_queue_get_n_cache_hits (GestRenderQueue *self)
{
  g_return_val_if_fail (GEST_IS_RENDER_QUEUE (self), 0);

  return (guint) g_atomic_int_get (&self->n_cache_hits);
}

guint
gest_render_queue_get_n_waiting (GestRenderQueue *self)
{
  g_return_val_if_fail (GEST_IS_RENDER_QUEUE (self), 0);

  return (guint) MAX (g_async_queue_length (self->jobs), 0);
}

void
gest_render_queue_set_hook (GestRenderQueue     *self,
                            GestRenderQueueHook  hook,
                            gpointer             user_data)
{
  g_return_if_fail (GEST_IS_RENDER_QUEUE (self));

  /* Set before queuing jobs: pushing a job publishes these fields to the worker. */
  self->hook = hook;
  self->hook_data = user_data;
}

static void
rendered_page_clear (gpointer data)
{
  GestRenderedPage *self = data;

  g_bytes_unref (self->bytes);
}

GestRenderedPage *
gest_rendered_page_ref (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
gest_rendered_page_unref (GestRenderedPage *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rendered_page_clear);
}

GBytes *
gest_rendered_page_get_bytes (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

int
gest_rendered_page_get_width (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
gest_rendered_page_get_height (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

gsize
gest_rendered_page_get_stride (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stride;
}

guint
gest_rendered_page_get_page (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page;
}

guint
gest_rendered_page_get_n_pages (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

double
gest_rendered_page_get_scale (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->scale;
}

double
gest_rendered_page_get_page_width (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->page_width;
}

double
gest_rendered_page_get_page_height (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->page_height;
}

gboolean
gest_rendered_page_get_first_page_only (GestRenderedPage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->first_page_only;
}
