/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board-column.h"
#include "gest-board-source.h"

G_BEGIN_DECLS

/* A board (X1) over any GestBoardSource: one GestBoardColumn per source column, side by side
 * in a horizontal scroller. Column ids load on worker threads; cards
 * are fetched only when shown. Moves (drag and drop, board.move-next / board.move-previous,
 * the card's menu) go through gest_board_source_can_move() and _move(); a refusal shows the
 * source's whole message, wrapped, above the columns (never a toast, which cuts it) until it
 * is dismissed or a move succeeds. Filters are the source's (SQL). Narrow ("narrow", for a
 * narrow window), it shows one column at a time ("current-column") with a switcher above.
 *
 * Signals:
 *   item-activated (const char *uuid): a card was opened (Enter, double click, menu). */
#define GEST_TYPE_BOARD (gest_board_get_type ())
G_DECLARE_FINAL_TYPE (GestBoard, gest_board, GEST, BOARD, GtkWidget)

GtkWidget       *gest_board_new                    (void);
GestBoardSource *gest_board_get_source             (GestBoard             *self);
/* Builds the columns and loads them. */
void             gest_board_set_source             (GestBoard             *self,
                                                    GestBoardSource       *source);
/* Copies @filter and reloads. Columns other than filter->column (when >= 0) are hidden. */
void             gest_board_set_filter             (GestBoard             *self,
                                                    const GestBoardFilter *filter);
const GestBoardFilter *gest_board_get_filter       (GestBoard             *self);
/* Reloads every column, refreshing the cards on screen. */
void             gest_board_reload                 (GestBoard             *self);
/* TRUE while column ids are loading. Property "loading". */
gboolean         gest_board_get_loading            (GestBoard             *self);
/* The sum of the columns' counts (after the last load). */
guint            gest_board_get_n_items            (GestBoard             *self);
guint            gest_board_get_n_columns          (GestBoard             *self);
GestBoardColumn *gest_board_get_column             (GestBoard             *self,
                                                    guint                  column);
/* Tooltip of the lock icon on read-only columns (why they are read-only). */
void             gest_board_set_read_only_reason   (GestBoard             *self,
                                                    const char            *reason);
/* Moves the card @id to @column as the user asked, showing the refusal above the columns when
 * the source refuses. Returns whether the move was accepted and its save started; the card
 * changes column when the save has reported (a failed save shows its error the same way). */
gboolean         gest_board_move_item              (GestBoard             *self,
                                                    gint64                 id,
                                                    int                    column);
/* Shows @message in full above the columns, styled as an error (gest_field_error_show());
 * NULL hides it. */
void             gest_board_show_message           (GestBoard             *self,
                                                    const char            *message);
/* The message shown, or NULL. */
const char      *gest_board_get_message            (GestBoard             *self);
/* One column at a time, with a switcher (property "narrow"). */
void             gest_board_set_narrow             (GestBoard             *self,
                                                    gboolean               narrow);
gboolean         gest_board_get_narrow             (GestBoard             *self);
/* The column a narrow board shows (the filter's column when it has one). Property
 * "current-column". */
void             gest_board_set_current_column     (GestBoard             *self,
                                                    guint                  column);
guint            gest_board_get_current_column     (GestBoard             *self);

G_END_DECLS
