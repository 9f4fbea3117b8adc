/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-column-model"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-column-model.h"

/* GTK 4.8 keeps about 205 rows per list view and asks for each about twice: the cache holds
 * more than that, so scrolling back a little never fetches again. */
#define CACHE_SIZE 320
/* A cache miss fetches this many items around it with one query: the list view asks for rows
 * one after another. */
#define FETCH_BATCH 32
/* A column that grows from (nearly) empty shows its new rows GROW_STEP at a time from an idle
 * (so frames are painted in between: GTK 4.8 builds a row widget for each of the first 200
 * at once), and the rest at once past GROW_LIMIT, where no more widgets are made. */
#define GROW_STEP  24
#define GROW_LIMIT 224

struct _GestBoardColumnModel
{
  GObject          parent_instance;

  GestBoardSource *source;
  guint            column;
  GArray          *ids;       /* gint64, in display order */
  guint            n_exposed; /* the first ids the list model shows; all but while growing */
  gboolean         loaded;
  guint            serial;    /* of the newest load */
  guint            grow_id;   /* idle source while n_exposed < ids->len */
  GPtrArray       *grow_tasks; /* GTask: loads that finish when growing does */

  /* LRU cache: @cache_queue holds the items, most recent first; @cache maps an id to its link. */
  GHashTable      *cache;
  GQueue           cache_queue;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestBoardColumnModel, gest_board_column_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GestBoardFilter filter;
  guint           serial;
  gboolean        refresh;
  GTask          *outer;   /* owned */
} LoadData;

static void
load_data_free (LoadData *data)
{
  gest_board_filter_clear (&data->filter);
  g_clear_object (&data->outer);
  g_free (data);
}

static void
cache_clear (GestBoardColumnModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->cache_queue, g_object_unref);
}

static void
cache_remove (GestBoardColumnModel *self,
              gint64                id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return;
  g_hash_table_remove (self->cache, &id);
  g_object_unref (link->data);
  g_queue_delete_link (&self->cache_queue, link);
}

static void
cache_add (GestBoardColumnModel *self,
           GestBoardItem        *item)
{
  gint64 *key = g_new (gint64, 1);

  *key = gest_board_item_get_id (item);
  g_queue_push_head (&self->cache_queue, g_object_ref (item));
  g_hash_table_insert (self->cache, key, self->cache_queue.head);

  while (self->cache_queue.length > CACHE_SIZE)
    {
      GestBoardItem *oldest = g_queue_peek_tail (&self->cache_queue);

      cache_remove (self, gest_board_item_get_id (oldest));
    }
}

static GType
list_model_get_item_type (GListModel *model)
{
  return GEST_TYPE_BOARD_ITEM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  GestBoardColumnModel *self = GEST_BOARD_COLUMN_MODEL (model);

  return self->n_exposed;
}

static GList *
cache_lookup (GestBoardColumnModel *self,
              gint64                id)
{
  return g_hash_table_lookup (self->cache, &id);
}

/* Fetches the item at @position and its uncached neighbours (mostly the rows after it) with
 * one query, and caches them. */
static void
fetch_around (GestBoardColumnModel *self,
              guint                 position)
{
  const gint64 *all = (const gint64 *) self->ids->data;
  gint64 wanted[FETCH_BATCH];
  g_autoptr(GPtrArray) items = NULL;
  guint n = 0;

  for (guint i = position; i < self->n_exposed && n < FETCH_BATCH * 3 / 4; i++)
    if (cache_lookup (self, all[i]) == NULL)
      wanted[n++] = all[i];
  for (guint i = position; i > 0 && n < FETCH_BATCH; i--)
    if (cache_lookup (self, all[i - 1]) == NULL)
      wanted[n++] = all[i - 1];

  items = gest_board_source_fetch_items (self->source, wanted, n);
  for (guint i = 0; i < items->len; i++)
    {
      GestBoardItem *item = g_ptr_array_index (items, i);

      cache_remove (self, gest_board_item_get_id (item));
      cache_add (self, item);
    }
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  GestBoardColumnModel *self = GEST_BOARD_COLUMN_MODEL (model);
  g_autoptr(GestBoardItem) item = NULL;
  GList *link;
  gint64 id;

  if (position >= self->n_exposed)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  link = cache_lookup (self, id);
  if (link == NULL)
    {
      fetch_around (self, position);
      link = cache_lookup (self, id);
    }
  if (link != NULL)
    {
      g_queue_unlink (&self->cache_queue, link);
      g_queue_push_head_link (&self->cache_queue, link);
      return g_object_ref (link->data);
    }

  /* The record vanished after the ids were loaded; the reload that follows removes it. */
  item = gest_board_item_new (id, NULL, NULL, _("This record no longer exists."),
                              NULL, NULL, 0, GEST_BOARD_ITEM_FLAG_NONE, NULL);
  cache_add (self, item);
  return g_steal_pointer (&item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
finish_grow_tasks (GestBoardColumnModel *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->grow_tasks);

  self->grow_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), TRUE);
}

/* Shows ids up to @n_exposed (more than now). */
static void
expose (GestBoardColumnModel *self,
        guint                 n_exposed)
{
  guint old = self->n_exposed;

  g_assert (n_exposed > old && n_exposed <= self->ids->len);
  self->n_exposed = n_exposed;
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_exposed - old);
  if (n_exposed == self->ids->len)
    {
      g_clear_handle_id (&self->grow_id, g_source_remove);
      finish_grow_tasks (self);
    }
}

/* Shows every id now (before any other change, so that views and ids agree again). */
static void
finish_growing (GestBoardColumnModel *self)
{
  if (self->n_exposed < self->ids->len)
    expose (self, self->ids->len);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  finish_grow_tasks (self);
}

static gboolean
grow_cb (gpointer user_data)
{
  GestBoardColumnModel *self = user_data;
  guint next = self->n_exposed + GROW_STEP;

  if (next >= GROW_LIMIT || next >= self->ids->len)
    {
      /* The last step: the source goes with this return, the tasks with expose(). */
      self->grow_id = 0;
      expose (self, self->ids->len);
      return G_SOURCE_REMOVE;
    }
  expose (self, next);
  return G_SOURCE_CONTINUE;
}

/* Replaces the ids, telling the views only what differs: the common head and tail stay,
 * and with @refresh the rows that were cached (on screen, more or less) are replaced too.
 * Rows added after a short column (its first load) show a few at a time. */
static void
apply_ids (GestBoardColumnModel *self,
           GArray               *ids,
           gboolean              refresh)
{
  g_autoptr(GArray) old = NULL;
  const gint64 *a;
  const gint64 *b = (const gint64 *) ids->data;
  guint min_len, prefix = 0, suffix = 0, start, end_old, end_new;
  gboolean was_loaded = self->loaded;

  finish_growing (self);
  old = self->ids;
  a = (const gint64 *) old->data;
  min_len = MIN (old->len, ids->len);
  while (prefix < min_len && a[prefix] == b[prefix])
    prefix++;
  while (suffix < min_len - prefix && a[old->len - 1 - suffix] == b[ids->len - 1 - suffix])
    suffix++;

  start = prefix;
  end_old = old->len - suffix;
  if (refresh && g_hash_table_size (self->cache) > 0)
    {
      for (guint i = 0; i < old->len; i++)
        if (g_hash_table_contains (self->cache, &a[i]))
          {
            start = MIN (start, i);
            end_old = MAX (end_old, i + 1);
          }
      cache_clear (self);
    }
  else
    {
      /* Rows that left the column must not come back with old data. */
      for (guint i = prefix; i < old->len - suffix; i++)
        cache_remove (self, a[i]);
    }
  end_new = ids->len - (old->len - end_old);

  self->ids = g_array_ref (ids);
  self->loaded = TRUE;
  if (start == old->len && end_old == old->len && old->len < GROW_LIMIT &&
      end_new - start > GROW_STEP)
    {
      /* Only rows added at the end of a short column: grow. */
      self->n_exposed = old->len;
      expose (self, old->len + GROW_STEP);
      self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb, g_object_ref (self), g_object_unref);
    }
  else
    {
      self->n_exposed = ids->len;
      if (end_old > start || end_new > start)
        g_list_model_items_changed (G_LIST_MODEL (self), start, end_old - start, end_new - start);
    }
  /* The first load notifies even when empty, so that views stop showing "loading". */
  if (old->len != ids->len || !was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GestBoardColumnModel *self = source_object;
  LoadData *data = task_data;
  GError *error = NULL;
  GArray *ids;

  /* Only immutable fields of @self are read here. */
  ids = gest_board_source_load_column_ids (self->source, self->column, &data->filter,
                                           cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
ids_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GestBoardColumnModel *self = GEST_BOARD_COLUMN_MODEL (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&data->outer);
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (data->serial != self->serial)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "A newer load replaced this one");
      return;
    }
  apply_ids (self, ids, data->refresh);
  g_task_return_boolean (outer, TRUE);
}

static void
gest_board_column_model_finalize (GObject *object)
{
  GestBoardColumnModel *self = GEST_BOARD_COLUMN_MODEL (object);

  /* A growing model is kept alive by its idle and its tasks. */
  g_assert (self->grow_id == 0 && self->grow_tasks->len == 0);
  g_ptr_array_unref (self->grow_tasks);
  cache_clear (self);
  g_hash_table_unref (self->cache);
  g_array_unref (self->ids);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (gest_board_column_model_parent_class)->finalize (object);
}

static void
gest_board_column_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GestBoardColumnModel *self = GEST_BOARD_COLUMN_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_column_model_class_init (GestBoardColumnModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_board_column_model_finalize;
  object_class->get_property = gest_board_column_model_get_property;

  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_board_column_model_init (GestBoardColumnModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->grow_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->cache_queue);
}

GestBoardColumnModel *
gest_board_column_model_new (GestBoardSource *source,
                             guint            column)
{
  GestBoardColumnModel *self;

  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (source), NULL);
  g_return_val_if_fail (column < gest_board_source_get_n_columns (source), NULL);

  self = g_object_new (GEST_TYPE_BOARD_COLUMN_MODEL, NULL);
  self->source = g_object_ref (source);
  self->column = column;
  return self;
}

GestBoardSource *
gest_board_column_model_get_source (GestBoardColumnModel *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), NULL);

  return self->source;
}

guint
gest_board_column_model_get_column (GestBoardColumnModel *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), 0);

  return self->column;
}

guint
gest_board_column_model_get_n_ids (GestBoardColumnModel *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), 0);

  return self->ids->len;
}

gboolean
gest_board_column_model_get_loaded (GestBoardColumnModel *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), FALSE);

  return self->loaded;
}

void
gest_board_column_model_load_async (GestBoardColumnModel  *self,
                                    const GestBoardFilter *filter,
                                    gboolean               refresh,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) inner = NULL;
  LoadData *data;

  g_return_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self));
  g_return_if_fail (filter != NULL);

  data = g_new0 (LoadData, 1);
  gest_board_filter_copy (filter, &data->filter);
  data->serial = ++self->serial;
  data->refresh = refresh;
  data->outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (data->outer, gest_board_column_model_load_async);

  inner = g_task_new (self, cancellable, ids_loaded_cb, NULL);
  g_task_set_source_tag (inner, gest_board_column_model_load_async);
  g_task_set_task_data (inner, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
gest_board_column_model_load_head (GestBoardColumnModel  *self,
                                   const GestBoardFilter *filter,
                                   guint                  limit)
{
  g_autoptr(GArray) head = NULL;

  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (self->loaded || self->ids->len > 0 || limit == 0)
    return FALSE;
  head = gest_board_source_load_column_head (self->source, self->column, filter, limit);
  if (head == NULL || head->len == 0)
    return FALSE;

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&head);
  self->n_exposed = self->ids->len;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_exposed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

gboolean
gest_board_column_model_load_finish (GestBoardColumnModel  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

int
gest_board_column_model_find (GestBoardColumnModel *self,
                              gint64                id)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

gint64
gest_board_column_model_get_id (GestBoardColumnModel *self,
                                guint                 position)
{
  g_return_val_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

void
gest_board_column_model_remove_id (GestBoardColumnModel *self,
                                   gint64                id)
{
  int position;

  g_return_if_fail (GEST_IS_BOARD_COLUMN_MODEL (self));

  finish_growing (self);
  cache_remove (self, id);
  position = gest_board_column_model_find (self, id);
  if (position < 0)
    return;
  /* Loads replace the array, which a worker never touches: removing in place is safe. */
  g_array_remove_index (self->ids, (guint) position);
  self->n_exposed = self->ids->len;
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
