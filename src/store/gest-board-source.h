/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-board-item.h"

G_BEGIN_DECLS

/* What a board shows: a domain model (trámites, notes...) implements this
 * interface; the board widgets in src/widgets only talk to it. No widgets here.
 *
 * Threading: load_column_ids() and count() run on a worker thread and must use their own
 * database connection (the implementation opens one per call or per thread). fetch_item(),
 * fetch_items(), load_column_head() and can_move() run on the UI thread, move_async() writes
 * on the store's writer thread;
 * fetch_item() is one primary-key lookup, fetch_items() one query for a handful of ids and
 * load_column_head() one LIMIT query on an index: work bounded by what a screen shows, never
 * by the size of the data. */

typedef struct
{
  char     *text;          /* free text, NULL or "" for none */
  int       column;        /* -1 for every column, else only that one */
  gboolean  overdue_only;  /* only items with the overdue flag */
  gboolean  mine_only;     /* only items of the current user */
} GestBoardFilter;

void             gest_board_filter_clear (GestBoardFilter       *filter);
void             gest_board_filter_copy  (const GestBoardFilter *src,
                                          GestBoardFilter       *dest);

#define GEST_TYPE_BOARD_SOURCE (gest_board_source_get_type ())
G_DECLARE_INTERFACE (GestBoardSource, gest_board_source, GEST, BOARD_SOURCE, GObject)

struct _GestBoardSourceInterface
{
  GTypeInterface parent_iface;

  guint          (*get_n_columns)     (GestBoardSource       *self);
  /* Translated column title. */
  const char    *(*get_column_title)  (GestBoardSource       *self,
                                       guint                  column);
  /* Columns a user cannot drop cards into or out of (e.g. Conauto's steps 4-6). */
  gboolean       (*column_read_only)  (GestBoardSource       *self,
                                       guint                  column);
  /* Worker thread. Ordered row ids of one column after filtering (SQL does the work). */
  GArray        *(*load_column_ids)   (GestBoardSource       *self,
                                       guint                  column,
                                       const GestBoardFilter *filter,
                                       GCancellable          *cancellable,
                                       GError               **error);
  /* UI thread. The card data for one id, or NULL if it vanished. */
  GestBoardItem *(*fetch_item)        (GestBoardSource       *self,
                                       gint64                 id);
  /* UI thread, optional. The items of up to a few dozen @ids, in any order (ids that vanished
   * are left out), with one query. Without it, fetch_item() once per id. */
  GPtrArray     *(*fetch_items)       (GestBoardSource       *self,
                                       const gint64          *ids,
                                       guint                  n_ids);
  /* UI thread, optional. The first @limit ids of @column under @filter, or NULL when that
   * cannot be had cheaply (e.g. a text filter): what the board shows in its first frame,
   * before load_column_ids() brings the whole column. */
  GArray        *(*load_column_head)  (GestBoardSource       *self,
                                       guint                  column,
                                       const GestBoardFilter *filter,
                                       guint                  limit);
  /* UI thread. Whether the item may go to @column; on FALSE, @error says exactly what is
   * missing (translated, GEST_ERROR_REFUSED). */
  gboolean       (*can_move)          (GestBoardSource       *self,
                                       gint64                 id,
                                       guint                  column,
                                       GError               **error);
  /* Performs the move (checks again, writes, logs), off the UI thread: the save waits for
   * the disk and for the sync's write lock. The callback runs on the UI thread once
   * fetch_item() and load_column_ids() see the move. */
  void           (*move_async)        (GestBoardSource       *self,
                                       gint64                 id,
                                       guint                  column,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
  gboolean       (*move_finish)       (GestBoardSource       *self,
                                       GAsyncResult          *result,
                                       GError               **error);
};

guint          gest_board_source_get_n_columns    (GestBoardSource       *self);
const char    *gest_board_source_get_column_title (GestBoardSource       *self,
                                                   guint                  column);
gboolean       gest_board_source_column_read_only (GestBoardSource       *self,
                                                   guint                  column);
GArray        *gest_board_source_load_column_ids  (GestBoardSource       *self,
                                                   guint                  column,
                                                   const GestBoardFilter *filter,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
GestBoardItem *gest_board_source_fetch_item       (GestBoardSource       *self,
                                                   gint64                 id);
GPtrArray     *gest_board_source_fetch_items      (GestBoardSource       *self,
                                                   const gint64          *ids,
                                                   guint                  n_ids);
GArray        *gest_board_source_load_column_head (GestBoardSource       *self,
                                                   guint                  column,
                                                   const GestBoardFilter *filter,
                                                   guint                  limit);
gboolean       gest_board_source_can_move         (GestBoardSource       *self,
                                                   gint64                 id,
                                                   guint                  column,
                                                   GError               **error);
void           gest_board_source_move_async       (GestBoardSource       *self,
                                                   gint64                 id,
                                                   guint                  column,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean       gest_board_source_move_finish      (GestBoardSource       *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* Emitted by implementations when data changed outside a move (sync, CLI, another window):
 * the board reloads. Signal "changed" (no arguments) on the interface. */
void           gest_board_source_emit_changed     (GestBoardSource       *self);

G_END_DECLS
