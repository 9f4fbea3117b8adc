/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sql-board-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-sql-board-source-private.h"

/* Card data for up to FETCH_BATCH ids in one query; unused slots are bound to NULL, which
 * IN never matches. */
#define FETCH_BATCH 32

static void board_source_iface_init (GestBoardSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestSqlBoardSource, gest_sql_board_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_BOARD_SOURCE, board_source_iface_init))

void
gest_sql_board_clause_clear (GestSqlBoardClause *clause)
{
  g_clear_pointer (&clause->with, g_free);
  g_clear_pointer (&clause->where, g_free);
  g_clear_pointer (&clause->names, g_strfreev);
  g_clear_pointer (&clause->values, g_strfreev);
}

static void
filtered_cache_clear (GestSqlBoardSource *self)
{
  g_clear_pointer (&self->cache.key, g_free);
  if (self->cache.columns == NULL)
    return;
  for (guint i = 0; i < gest_sql_board_source_n_columns (self); i++)
    g_clear_pointer (&self->cache.columns[i], g_array_unref);
  g_clear_pointer (&self->cache.columns, g_free);
}

/* Worker threads. Fills the cache for @query if it holds another filter or older data; the
 * lock is held meanwhile, so the other columns wait for this pass instead of each running
 * the filter again. Returns a new reference to @column's ids. */
static GArray *
filtered_column (GestSqlBoardSource       *self,
                 const GestSqlBoardQuery  *query,
                 guint                     column,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->cache_mutex);
  g_autofree char *key = gest_sql_board_query_key (query);
  guint generation = (guint) g_atomic_int_get (&self->generation);

  if (self->cache.key == NULL || !g_str_equal (self->cache.key, key) ||
      self->cache.generation != generation)
    {
      GArray **columns = gest_sql_board_query_all (self, query, cancellable, error);

      if (columns == NULL)
        return NULL;
      filtered_cache_clear (self);
      self->cache.key = g_steal_pointer (&key);
      self->cache.generation = generation;
      self->cache.columns = columns;
    }
  return g_array_ref (self->cache.columns[column]);
}

static void
data_changed (GestSqlBoardSource *self)
{
  g_atomic_int_inc (&self->generation);
}

static guint
board_get_n_columns (GestBoardSource *source)
{
  return gest_sql_board_source_n_columns (GEST_SQL_BOARD_SOURCE (source));
}

static const char *
board_get_column_title (GestBoardSource *source,
                        guint            column)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);

  g_return_val_if_fail (column < gest_sql_board_source_n_columns (self), NULL);

  return g_array_index (self->columns, GestSqlBoardColumn, column).title;
}

static gboolean
board_column_read_only (GestBoardSource *source,
                        guint            column)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);

  g_return_val_if_fail (column < gest_sql_board_source_n_columns (self), TRUE);

  return g_array_index (self->columns, GestSqlBoardColumn, column).read_only || self->config.move == NULL;
}

static GArray *
board_load_column_ids (GestBoardSource        *source,
                       guint                   column,
                       const GestBoardFilter  *filter,
                       GCancellable           *cancellable,
                       GError                **error)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);
  g_auto(GestSqlBoardQuery) query = { 0 };

  g_return_val_if_fail (column < gest_sql_board_source_n_columns (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (filter->column >= 0 && (guint) filter->column != column)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  gest_sql_board_query_init (self, filter, &query);
  if (gest_sql_board_query_is_filtered (&query))
    {
      g_autoptr(GArray) cached = filtered_column (self, &query, column, cancellable, error);
      GArray *ids;

      if (cached == NULL)
        return NULL;
      /* The caller owns what it gets; the cache keeps its own. */
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), cached->len);
      g_array_append_vals (ids, cached->data, cached->len);
      return ids;
    }
  return gest_sql_board_query_column (self, &query, column, cancellable, error);
}

static gboolean
ensure_fetch_stmt (GestSqlBoardSource *self)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GError) error = NULL;

  if (self->fetch_stmt != NULL)
    return TRUE;

  sql = g_string_new (self->config.card_sql);
  g_string_append (sql, " (?1");
  for (guint i = 2; i <= FETCH_BATCH; i++)
    g_string_append_printf (sql, ", ?%u", i);
  g_string_append_c (sql, ')');

  self->fetch_stmt = gest_store_prepare (self->store, sql->str, &error);
  if (self->fetch_stmt == NULL)
    {
      g_debug ("Cannot fetch the cards of %s: %s", self->config.table, error->message);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
board_fetch_items (GestBoardSource *source,
                   const gint64    *ids,
                   guint            n_ids)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);
  GPtrArray *items = g_ptr_array_new_full (n_ids, g_object_unref);
  gint64 now;

  if (n_ids == 0 || !ensure_fetch_stmt (self))
    return items;

  now = g_get_real_time ();
  for (guint done = 0; done < n_ids; done += FETCH_BATCH)
    {
      guint n = MIN (FETCH_BATCH, n_ids - done);

      for (guint i = 0; i < FETCH_BATCH; i++)
        {
          if (i < n)
            sqlite3_bind_int64 (self->fetch_stmt, (int) i + 1, ids[done + i]);
          else
            sqlite3_bind_null (self->fetch_stmt, (int) i + 1);
        }
      while (sqlite3_step (self->fetch_stmt) == SQLITE_ROW)
        {
          GestBoardItem *item = self->config.item_from_row (self->fetch_stmt, now, self->user_data);

          if (item != NULL)
            g_ptr_array_add (items, item);
        }
      sqlite3_reset (self->fetch_stmt);
    }
  return items;
}

static GestBoardItem *
board_fetch_item (GestBoardSource *source,
                  gint64           id)
{
  g_autoptr(GPtrArray) items = board_fetch_items (source, &id, 1);

  return items->len > 0 ? g_object_ref (g_ptr_array_index (items, 0)) : NULL;
}

/* The first ids of an unfiltered column: LIMIT on the column's index, on the store's
 * connection (the same kind of lookup as fetch_items()). Filters may have to read a whole
 * column to find a few rows: those wait for load_column_ids() on a worker. */
static GArray *
board_load_column_head (GestBoardSource       *source,
                        guint                  column,
                        const GestBoardFilter *filter,
                        guint                  limit)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (column < gest_sql_board_source_n_columns (self), NULL);

  if (filter->column >= 0 && (guint) filter->column != column)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Cheaper than query_init(): no text clause is built for a board without filters. */
  if ((filter->text != NULL && *filter->text != '\0' && self->config.text_filter != NULL) ||
      (filter->overdue_only && self->config.overdue_where != NULL) ||
      (filter->mine_only && self->config.mine_where != NULL))
    {
      g_auto(GestSqlBoardQuery) query = { 0 };

      gest_sql_board_query_init (self, filter, &query);
      if (gest_sql_board_query_is_filtered (&query))
        return NULL;
    }

  if (self->head_stmt == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT %s.rowid FROM %s %s WHERE %s AND %s = ?1 ORDER BY %s LIMIT ?2",
                             self->config.alias, self->config.table, self->config.alias, self->live_where,
                             self->config.column_expr, self->config.order);
      self->head_stmt = gest_store_prepare (self->store, sql, &error);
      if (self->head_stmt == NULL)
        {
          g_debug ("Cannot read the first rows of a column of %s: %s", self->config.table, error->message);
          return NULL;
        }
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
  sqlite3_bind_int (self->head_stmt, 1, self->config.first_value + (int) column);
  sqlite3_bind_int64 (self->head_stmt, 2, limit);
  while (sqlite3_step (self->head_stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (self->head_stmt, 0);

      g_array_append_val (ids, id);
    }
  if (sqlite3_reset (self->head_stmt) != SQLITE_OK)
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
board_can_move (GestBoardSource  *source,
                gint64            id,
                guint             column,
                GError          **error)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);

  if (self->config.move == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, _("The cards of this board do not move."));
      return FALSE;
    }
  if (self->config.can_move == NULL)
    return TRUE;
  return self->config.can_move (self->store, id, column, self->user_data, error);
}

typedef struct
{
  GestSqlBoardMoveFunc  move;
  gpointer              user_data;   /* the source's, kept alive by the task's source */
  gint64                id;
  guint                 column;
} Move;

/* The store's writer thread. */
static gboolean
move_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  Move *move = data;

  return move->move (store, move->id, move->column, move->user_data, error);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GestSqlBoardSource *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data_changed (self);
  g_task_return_boolean (task, TRUE);
}

static void
board_move_async (GestBoardSource     *source,
                  gint64               id,
                  guint                column,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Move *move;

  g_task_set_source_tag (task, board_move_async);
  if (self->config.move == NULL)
    {
      g_task_return_new_error (task, GEST_ERROR, GEST_ERROR_REFUSED, "%s",
                               _("The cards of this board do not move."));
      return;
    }
  move = g_new0 (Move, 1);
  move->move = self->config.move;
  move->user_data = self->user_data;
  move->id = id;
  move->column = column;
  gest_store_write_async (self->store, move_write, move, g_free, cancellable, moved_cb, g_steal_pointer (&task));
}

static gboolean
board_move_finish (GestBoardSource  *source,
                   GAsyncResult     *result,
                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
board_source_iface_init (GestBoardSourceInterface *iface)
{
  iface->get_n_columns = board_get_n_columns;
  iface->get_column_title = board_get_column_title;
  iface->column_read_only = board_column_read_only;
  iface->load_column_ids = board_load_column_ids;
  iface->fetch_item = board_fetch_item;
  iface->fetch_items = board_fetch_items;
  iface->load_column_head = board_load_column_head;
  iface->can_move = board_can_move;
  iface->move_async = board_move_async;
  iface->move_finish = board_move_finish;
}

static void
gest_sql_board_source_dispose (GObject *object)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (object);

  g_clear_pointer (&self->fetch_stmt, sqlite3_finalize);
  g_clear_pointer (&self->head_stmt, sqlite3_finalize);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_sql_board_source_parent_class)->dispose (object);
}

static void
gest_sql_board_source_finalize (GObject *object)
{
  GestSqlBoardSource *self = GEST_SQL_BOARD_SOURCE (object);

  filtered_cache_clear (self);
  for (guint i = 0; i < self->columns->len; i++)
    g_free (g_array_index (self->columns, GestSqlBoardColumn, i).title);
  g_array_unref (self->columns);
  if (self->user_data_free != NULL)
    self->user_data_free (self->user_data);
  g_free (self->db_path);
  g_free (self->live_where);
  g_free (self->scan_where);
  g_free (self->user_name);
  g_free (self->user_uuid);
  g_mutex_clear (&self->cache_mutex);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (gest_sql_board_source_parent_class)->finalize (object);
}

static void
gest_sql_board_source_class_init (GestSqlBoardSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_sql_board_source_dispose;
  object_class->finalize = gest_sql_board_source_finalize;
}

static void
gest_sql_board_source_init (GestSqlBoardSource *self)
{
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->cache_mutex);
  self->columns = g_array_new (FALSE, TRUE, sizeof (GestSqlBoardColumn));
}

/* The signed-in user's uuid for "mine" (":user_uuid"), "" when nobody is. */
static char *
store_user_uuid (GestStore *store)
{
  GestUser *user = gest_store_get_user (store);

  return g_strdup (user != NULL && user->uuid != NULL ? user->uuid : "");
}

GestSqlBoardSource *
gest_sql_board_source_new (GestStore                *store,
                           const GestSqlBoardConfig *config,
                           gpointer                  user_data,
                           GDestroyNotify            user_data_free)
{
  GestSqlBoardSource *self;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (config->table != NULL && config->alias != NULL, NULL);
  g_return_val_if_fail (config->column_expr != NULL && config->order != NULL, NULL);
  g_return_val_if_fail (config->card_sql != NULL && config->item_from_row != NULL, NULL);

  self = g_object_new (GEST_TYPE_SQL_BOARD_SOURCE, NULL);
  self->store = g_object_ref (store);
  self->config = *config;
  self->user_data = user_data;
  self->user_data_free = user_data_free;
  self->db_path = g_strdup (gest_store_get_path (store));
  self->user_name = gest_store_get_user_name (store);
  self->user_uuid = store_user_uuid (store);
  if (config->live_column != NULL)
    {
      self->live_where = g_strdup_printf ("%s.%s = 0", config->alias, config->live_column);
      self->scan_where = g_strdup_printf ("+%s.%s = 0", config->alias, config->live_column);
    }
  else
    {
      self->live_where = g_strdup ("1");
      self->scan_where = g_strdup ("1");
    }
  if (config->scope_where != NULL)
    {
      g_autofree char *live = g_steal_pointer (&self->live_where);
      g_autofree char *scan = g_steal_pointer (&self->scan_where);

      self->live_where = g_strconcat (live, config->scope_where, NULL);
      self->scan_where = g_strconcat (scan, config->scope_where, NULL);
    }
  self->config.scope_where = NULL;
  return self;
}

void
gest_sql_board_source_add_column (GestSqlBoardSource *self,
                                  const char         *title,
                                  gboolean            read_only)
{
  GestSqlBoardColumn column;

  g_return_if_fail (GEST_IS_SQL_BOARD_SOURCE (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (self->cache.columns == NULL);

  column.title = g_strdup (title);
  column.read_only = read_only;
  g_array_append_val (self->columns, column);
}

GestStore *
gest_sql_board_source_get_store (GestSqlBoardSource *self)
{
  g_return_val_if_fail (GEST_IS_SQL_BOARD_SOURCE (self), NULL);

  return self->store;
}

void
gest_sql_board_source_reload (GestSqlBoardSource *self)
{
  g_autofree char *user = NULL;
  g_autofree char *user_uuid = NULL;

  g_return_if_fail (GEST_IS_SQL_BOARD_SOURCE (self));

  user = gest_store_get_user_name (self->store);
  user_uuid = store_user_uuid (self->store);
  g_mutex_lock (&self->mutex);
  g_free (self->user_name);
  self->user_name = g_steal_pointer (&user);
  g_free (self->user_uuid);
  self->user_uuid = g_steal_pointer (&user_uuid);
  g_mutex_unlock (&self->mutex);

  data_changed (self);
  gest_board_source_emit_changed (GEST_BOARD_SOURCE (self));
}

gboolean
gest_sql_board_source_count_columns (GestSqlBoardSource     *self,
                                     const GestBoardFilter  *filter,
                                     guint                  *counts,
                                     GCancellable           *cancellable,
                                     GError                **error)
{
  g_auto(GestSqlBoardQuery) query = { 0 };

  g_return_val_if_fail (GEST_IS_SQL_BOARD_SOURCE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * gest_sql_board_source_n_columns (self));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  gest_sql_board_query_init (self, filter, &query);
  if (gest_sql_board_query_is_filtered (&query))
    {
      for (guint column = 0; column < gest_sql_board_source_n_columns (self); column++)
        {
          g_autoptr(GArray) ids = NULL;

          if (filter->column >= 0 && (guint) filter->column != column)
            continue;
          ids = filtered_column (self, &query, column, cancellable, error);
          if (ids == NULL)
            return FALSE;
          counts[column] = ids->len;
        }
      return TRUE;
    }
  return gest_sql_board_query_count (self, &query, filter->column, counts, cancellable, error);
}
