/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board.h"

G_BEGIN_DECLS

/* A module's section page around a GestBoard: a filter bar (text, one column or all,
 * overdue, mine, the new-record button), the board, an empty state when there is no record
 * at all and another when the filters find nothing, and a record's detail (any widget the
 * module gives) in an AdwLeaflet that always shows one of the two, so it works at any width.
 *
 * Narrower than the filter bar in one row (or than two columns), the filters take two rows
 * and the board shows one column at a time with a switcher ("narrow").
 *
 * Navigation: board-page.back (Escape, Alt+Left, the Back key) leaves the detail. The page
 * names what it shows in "title" (the section on the board, the record on a detail) and says
 * in "can-go-back" whether a detail is open, for the window's header to show.
 *
 * Signals:
 *   item-activated (const char *uuid): a card was opened; the module calls
 *     gest_board_page_show_detail().
 *   new-record: the new-record button or Ctrl+N.
 *   detail-closed: back on the board (the detail may have changed the record: reload). */

typedef struct
{
  const char *search_placeholder;  /* "Search folio, plan or customer" */
  const char *all_columns;         /* the column filter's first entry: "All Steps" */
  const char *overdue_tooltip;     /* NULL hides the toggle */
  const char *mine_tooltip;        /* NULL hides the toggle */
  const char *new_label;           /* "_New Payoff"; NULL: no new-record button */
  const char *new_tooltip;
  const char *empty_icon_name;     /* the empty state: no record at all */
  const char *empty_title;
  const char *empty_description;
  const char *read_only_reason;    /* the lock icon's tooltip on read-only columns, or NULL */
  const char *overdue_label;       /* the toggle's label; NULL: "_Overdue Only" */
  const char *mine_label;          /* the toggle's label; NULL: "_Mine" */
} GestBoardPageTexts;

#define GEST_TYPE_BOARD_PAGE (gest_board_page_get_type ())
G_DECLARE_FINAL_TYPE (GestBoardPage, gest_board_page, GEST, BOARD_PAGE, GtkWidget)

GtkWidget   *gest_board_page_new              (void);
/* Strings are copied (translated already). */
void         gest_board_page_set_texts        (GestBoardPage            *self,
                                               const GestBoardPageTexts *texts);
/* The section's title, the page's "title" on the board. */
void         gest_board_page_set_section_title (GestBoardPage           *self,
                                               const char               *title);
void         gest_board_page_set_source       (GestBoardPage            *self,
                                               GestBoardSource          *source);
GestBoard   *gest_board_page_get_board        (GestBoardPage            *self);
/* Shows @detail (a floating or new reference is taken) in place of the board, naming the
 * record @title (the page's "title"). */
void         gest_board_page_show_detail      (GestBoardPage            *self,
                                               GtkWidget                *detail,
                                               const char               *title);
GtkWidget   *gest_board_page_get_detail       (GestBoardPage            *self);
/* Back to the board (emits ::detail-closed). */
void         gest_board_page_show_board       (GestBoardPage            *self);
/* What the header shows: the section or the record. Property "title". */
const char  *gest_board_page_get_title        (GestBoardPage            *self);
/* Whether a detail is open (property "can-go-back"). */
gboolean     gest_board_page_get_can_go_back  (GestBoardPage            *self);
/* "board" (filters and board) or "detail"; on the board, "board", "empty" (no record at
 * all) or "no-results" (the filters find nothing). */
const char  *gest_board_page_get_visible      (GestBoardPage            *self);
const char  *gest_board_page_get_content      (GestBoardPage            *self);
/* Filters and board arranged for a narrow page (property "narrow"). */
gboolean     gest_board_page_get_narrow       (GestBoardPage            *self);

G_END_DECLS
