/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-board-item.h"

G_BEGIN_DECLS

/* One card of a board column: title (folio), subtitle (customer), amount, date, days in the
 * column and warning flags (icons with tooltips). Display only: the column gives it its item
 * and handles clicks, drags and menus. Built in code, not from a template, because a board
 * keeps about 200 of them per column. */
#define GEST_TYPE_BOARD_CARD (gest_board_card_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardCard, gest_board_card, GEST, BOARD_CARD, GtkWidget)

GtkWidget     *gest_board_card_new      (void);
GestBoardItem *gest_board_card_get_item (GestBoardCard *self);
/* @item may be NULL (an unbound card). */
void           gest_board_card_set_item (GestBoardCard *self,
                                         GestBoardItem *item);

G_END_DECLS
