/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-board-column-model.h"

G_BEGIN_DECLS

/* One column of a GestBoard: a header (title, count, a lock icon when read-only) over a
 * GtkListView of GestBoardCard on a GestBoardColumnModel. The list view is made when the
 * column is first allocated inside the scrolled window around it (the board's) where it
 * shows, or by gest_board_column_ensure_list(); until then the column is its header.
 *
 * Actions (installed on the column, so they act on its selected card): board.move-next
 * (Alt+Right), board.move-previous (Alt+Left), board.open (Enter), board.menu (Shift+F10,
 * Menu: the card's context menu, which also opens on a right click and offers the other three). Cards are dragged with GtkDragSource and dropped on a column (GtkDropTarget). The
 * column moves nothing itself: it emits ::move-item and the board decides.
 *
 * Signals:
 *   move-item (gint64 id, int to_column): a card asked to go to @to_column (may be out of
 *     range: -1 or the number of columns, for the first and last columns).
 *   item-activated (GestBoardItem *item): Enter, double click or board.open on a card. */
#define GEST_TYPE_BOARD_COLUMN (gest_board_column_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardColumn, gest_board_column, GEST, BOARD_COLUMN, GtkWidget)

GtkWidget            *gest_board_column_new                 (GestBoardColumnModel *model,
                                                             const char           *title,
                                                             gboolean              read_only);
GestBoardColumnModel *gest_board_column_get_model           (GestBoardColumn      *self);
guint                 gest_board_column_get_index           (GestBoardColumn      *self);
gboolean              gest_board_column_get_read_only       (GestBoardColumn      *self);
/* The tooltip of the lock icon of a read-only column (why the user cannot move its cards). */
void                  gest_board_column_set_read_only_reason (GestBoardColumn     *self,
                                                             const char           *reason);
/* The text of the count in the header ("…" while loading). */
const char           *gest_board_column_get_count_text      (GestBoardColumn      *self);
/* The selected card's position (GTK_INVALID_LIST_POSITION for none); selects and shows one. */
guint                 gest_board_column_get_selected        (GestBoardColumn      *self);
void                  gest_board_column_select              (GestBoardColumn      *self,
                                                             guint                 position);
/* Whether the list view of cards is made; makes it. */
gboolean              gest_board_column_has_list            (GestBoardColumn      *self);
void                  gest_board_column_ensure_list         (GestBoardColumn      *self);

G_END_DECLS
