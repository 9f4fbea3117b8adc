/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-source"

#include "config.h"

#include "gest-board-source.h"

G_DEFINE_INTERFACE (GestBoardSource, gest_board_source, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gest_board_source_default_init (GestBoardSourceInterface *iface)
{
  /**
   * GestBoardSource::changed:
   *
   * The data changed outside a move (sync, the CLI, another window): boards reload.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

void
gest_board_filter_clear (GestBoardFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->text, g_free);
  filter->column = -1;
  filter->overdue_only = FALSE;
  filter->mine_only = FALSE;
}

void
gest_board_filter_copy (const GestBoardFilter *src,
                        GestBoardFilter       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  dest->text = g_strdup (src->text);
  dest->column = src->column;
  dest->overdue_only = src->overdue_only;
  dest->mine_only = src->mine_only;
}

guint
gest_board_source_get_n_columns (GestBoardSource *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), 0);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->get_n_columns (self);
}

const char *
gest_board_source_get_column_title (GestBoardSource *self,
                                    guint            column)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), NULL);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->get_column_title (self, column);
}

gboolean
gest_board_source_column_read_only (GestBoardSource *self,
                                    guint            column)
{
  GestBoardSourceInterface *iface;

  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), TRUE);

  iface = GEST_BOARD_SOURCE_GET_IFACE (self);
  if (iface->column_read_only == NULL)
    return FALSE;
  return iface->column_read_only (self, column);
}

GArray *
gest_board_source_load_column_ids (GestBoardSource        *self,
                                   guint                   column,
                                   const GestBoardFilter  *filter,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->load_column_ids (self, column, filter, cancellable, error);
}

GestBoardItem *
gest_board_source_fetch_item (GestBoardSource *self,
                              gint64           id)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), NULL);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->fetch_item (self, id);
}

GPtrArray *
gest_board_source_fetch_items (GestBoardSource *self,
                               const gint64    *ids,
                               guint            n_ids)
{
  GestBoardSourceInterface *iface;
  GPtrArray *items;

  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  iface = GEST_BOARD_SOURCE_GET_IFACE (self);
  if (iface->fetch_items != NULL)
    return iface->fetch_items (self, ids, n_ids);

  items = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      GestBoardItem *item = iface->fetch_item (self, ids[i]);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  return items;
}

GArray *
gest_board_source_load_column_head (GestBoardSource       *self,
                                    guint                  column,
                                    const GestBoardFilter *filter,
                                    guint                  limit)
{
  GestBoardSourceInterface *iface;

  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  iface = GEST_BOARD_SOURCE_GET_IFACE (self);
  if (iface->load_column_head == NULL)
    return NULL;
  return iface->load_column_head (self, column, filter, limit);
}

gboolean
gest_board_source_can_move (GestBoardSource  *self,
                            gint64            id,
                            guint             column,
                            GError          **error)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->can_move (self, id, column, error);
}

void
gest_board_source_move_async (GestBoardSource     *self,
                              gint64               id,
                              guint                column,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (GEST_IS_BOARD_SOURCE (self));

  GEST_BOARD_SOURCE_GET_IFACE (self)->move_async (self, id, column, cancellable, callback, user_data);
}

gboolean
gest_board_source_move_finish (GestBoardSource  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (GEST_IS_BOARD_SOURCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return GEST_BOARD_SOURCE_GET_IFACE (self)->move_finish (self, result, error);
}

void
gest_board_source_emit_changed (GestBoardSource *self)
{
  g_return_if_fail (GEST_IS_BOARD_SOURCE (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
