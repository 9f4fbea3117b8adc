/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The data one board card shows; plain GObject (no widgets), made by a GestBoardSource. */
#define GEST_TYPE_BOARD_ITEM (gest_board_item_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardItem, gest_board_item, GEST, BOARD_ITEM, GObject)

typedef enum /*< flags >*/
{
  GEST_BOARD_ITEM_FLAG_NONE          = 0,
  GEST_BOARD_ITEM_FLAG_OVERDUE       = 1 << 0,   /* e.g. agreed payment date passed */
  GEST_BOARD_ITEM_FLAG_MISSING_DOCS  = 1 << 1,
  GEST_BOARD_ITEM_FLAG_DONE          = 1 << 2,   /* finished: its time in the column is not counted */
} GestBoardItemFlags;

/* @id: row id; @uuid: record uuid; @title: folio; @subtitle: customer; @amount: formatted
 * money or NULL; @date: "dd/mm/yyyy" or NULL; @days_in_column; @flags; @thumbnail_sha256:
 * a document to show as thumbnail, or NULL. Strings are copied. */
GestBoardItem      *gest_board_item_new           (gint64              id,
                                                   const char         *uuid,
                                                   const char         *title,
                                                   const char         *subtitle,
                                                   const char         *amount,
                                                   const char         *date,
                                                   int                 days_in_column,
                                                   GestBoardItemFlags  flags,
                                                   const char         *thumbnail_sha256);
gint64              gest_board_item_get_id        (GestBoardItem      *self);
const char         *gest_board_item_get_uuid      (GestBoardItem      *self);
const char         *gest_board_item_get_title     (GestBoardItem      *self);
const char         *gest_board_item_get_subtitle  (GestBoardItem      *self);
const char         *gest_board_item_get_amount    (GestBoardItem      *self);
const char         *gest_board_item_get_date      (GestBoardItem      *self);
int                 gest_board_item_get_days_in_column (GestBoardItem *self);
GestBoardItemFlags  gest_board_item_get_flags     (GestBoardItem      *self);
const char         *gest_board_item_get_thumbnail_sha256 (GestBoardItem *self);
/* What @date is, shown before it ("Pay by"); translated, NULL for none. Set by the source
 * before it hands the item out. */
void                gest_board_item_set_date_label (GestBoardItem     *self,
                                                    const char        *date_label);
const char         *gest_board_item_get_date_label (GestBoardItem     *self);
/* What the OVERDUE and MISSING_DOCS flags mean on this card (the icon's tooltip), for a
 * module whose flags say something else; static translated strings, not copied. NULL keeps
 * the card's own text. Set by the source before it hands the item out. */
void                gest_board_item_set_flag_texts (GestBoardItem     *self,
                                                    const char        *overdue,
                                                    const char        *missing_docs);
/* The text set for @flag (one flag), or NULL. */
const char         *gest_board_item_get_flag_text  (GestBoardItem     *self,
                                                    GestBoardItemFlags flag);

G_END_DECLS
