/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-board-item.h"

G_BEGIN_DECLS

/* One card of a board column: title (folio), subtitle (customer), amount, date with what it is
 * ("Pay by …"), days in the column (not on finished cards) and warning flags (icons with tooltips), drawn by the widget itself (no children),
 * with an accessible label that says the same. Display only: the column gives it its item and
 * handles clicks, drags and menus. */
#define GEST_TYPE_BOARD_CARD (gest_board_card_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardCard, gest_board_card, GEST, BOARD_CARD, GtkWidget)

GtkWidget     *gest_board_card_new      (void);
GestBoardItem *gest_board_card_get_item (GestBoardCard *self);
/* The height of a card in @widget's font with its margins (a row is at least this tall):
 * how many cards can show on a screen before any card exists. */
int            gest_board_card_get_min_height (GtkWidget *widget);
/* @item may be NULL (an unbound card). */
void           gest_board_card_set_item (GestBoardCard *self,
                                         GestBoardItem *item);
/* "3 days in this stage" as drawn on the card; NULL on a finished card (flag DONE). */
const char    *gest_board_card_get_days_text (GestBoardCard *self);
/* The date as drawn, after the item's date label: "Pay by 15/03/2026". */
const char    *gest_board_card_get_date_text (GestBoardCard *self);

G_END_DECLS
