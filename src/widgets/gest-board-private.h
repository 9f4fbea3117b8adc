/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-board.h"

G_BEGIN_DECLS

/* GestBoard spans two files: gest-board.c (columns, loads, moves) and gest-board-bars.c
 * (the message and column-switcher rows above the columns). */

struct _GestBoard
{
  GtkWidget        parent_instance;

  /* Template children. */
  GtkWidget       *box;
  GtkBox          *columns_box;
  /* Made when first needed (few boards show a message or are narrow), in @box. */
  GtkWidget       *message_box;
  GtkLabel        *message_label;
  GtkWidget       *switcher_box;
  GtkLabel        *switcher_label;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;

  GestBoardSource *source;
  GestBoardFilter  filter;
  GPtrArray       *columns;          /* GestBoardColumn, borrowed from the widget tree */
  char            *read_only_reason;
  GCancellable    *cancellable;
  guint            n_loading;        /* loads queued or running */
  guint            n_running;
  GQueue           queue;            /* columns (GUINT_TO_POINTER) waiting to load, in order */
  GArray          *queued;           /* guint8 per column: 0, QUEUED or QUEUED_REFRESH */
  guint            start_id;         /* idle that starts the first loads after a first frame */
  guint            tick_id;          /* frame tick that schedules build_id */
  guint            build_id;         /* idle that makes the list views of unseen columns */
  /* A card the user just moved, selected in its new column once that column has loaded. */
  gint64           select_id;
  int              select_column;
  gulong           bench_paint_id;   /* GESTIONA_BENCH_FIRST_FRAME: the frame clock's after-paint */
  /* One column at a time (a narrow window): @current_column, with the switcher. */
  gboolean         narrow;
  guint            current_column;
};

/* The column a narrow board shows: the filter's, when it has one. */
guint gest_board_shown_column            (GestBoard *self);
/* Which columns show (all, the filter's, or narrow the current one) and the switcher. */
void  gest_board_update_columns_visible  (GestBoard *self);

G_END_DECLS
