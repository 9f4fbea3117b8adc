/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-board-source.h"

G_BEGIN_DECLS

/* One board column as a GListModel of GestBoardItem that holds only the column's ordered row
 * ids (8 bytes a row). Items are fetched from the source when the list view asks for them
 * (get_item), a batch of neighbours with one query, through a small LRU cache, so a column
 * of 100,000 rows costs 800 KB and about as many lookups as there are rows the view keeps.
 * The ids are loaded on a worker thread (GTask) by gest_board_column_model_load_async();
 * gest_board_column_model_load_head() can show the first few at once before that. No
 * widgets here.
 *
 * When a load adds many rows to a short column (its first load), the list model shows them
 * a few dozen at a time from idles, so that GTK 4.8, which builds a widget for each of the
 * first 200 rows at once, paints frames in between; the load finishes when all show.
 * Property "n-items": the number of ids (also those not shown yet). */
#define GEST_TYPE_BOARD_COLUMN_MODEL (gest_board_column_model_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardColumnModel, gest_board_column_model, GEST, BOARD_COLUMN_MODEL, GObject)

GestBoardColumnModel *gest_board_column_model_new         (GestBoardSource       *source,
                                                           guint                  column);
GestBoardSource      *gest_board_column_model_get_source  (GestBoardColumnModel  *self);
guint                 gest_board_column_model_get_column  (GestBoardColumnModel  *self);
/* The number of ids, also those the list model does not show yet (property "n-items"). */
guint                 gest_board_column_model_get_n_ids   (GestBoardColumnModel  *self);
/* Whether ids were loaded at least once (a head does not count). */
gboolean              gest_board_column_model_get_loaded  (GestBoardColumnModel  *self);

/* Loads the column's ids under @filter on a worker thread; on success replaces the ids,
 * emitting items-changed only for the part that differs (so the scroll position stays) plus
 * the rows that were cached when @refresh is TRUE (their data may have changed). A newer
 * load makes an older one finish with G_IO_ERROR_CANCELLED. */
void                  gest_board_column_model_load_async  (GestBoardColumnModel  *self,
                                                           const GestBoardFilter *filter,
                                                           gboolean               refresh,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
/* UI thread, before the first load: the first @limit ids, when the source has them cheaply
 * (gest_board_source_load_column_head()). The model stays not loaded. Returns whether it
 * shows rows now. */
gboolean              gest_board_column_model_load_head   (GestBoardColumnModel  *self,
                                                           const GestBoardFilter *filter,
                                                           guint                  limit);
gboolean              gest_board_column_model_load_finish (GestBoardColumnModel  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

/* The position of @id, or -1. */
int                   gest_board_column_model_find        (GestBoardColumnModel  *self,
                                                           gint64                 id);
gint64                gest_board_column_model_get_id      (GestBoardColumnModel  *self,
                                                           guint                  position);
/* Removes @id (a card that moved away) and its cached item. */
void                  gest_board_column_model_remove_id   (GestBoardColumnModel  *self,
                                                           gint64                 id);

G_END_DECLS
