/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-board-source.h"
#include "gest-store.h"
#include "gest-tramite-rules.h"

G_BEGIN_DECLS

/* The trámites board (T6, T7, X1): one column per step (column c is step c + 1).
 *
 * - load_column_ids() and gest_tramite_board_source_count_columns() may run on any thread: each
 *   call opens its own read-only connection to the store's file and filters, sorts (oldest
 *   step_since first) and counts in SQL.
 * - Filters: text (FTS5 search_index hits on the folio, the plan number or the customer's
 *   name, joined to trámites; plus a folio range for "LIQ-…" prefixes); one column; overdue
 *   only (agreed date passed, no payment recorded); mine (created by the current user).
 * - fetch_item(), can_move() and move() run on the thread that owns the GestStore. Moves are
 *   the dealer's (gest_tramite_move); columns 4-6 (indexes 3-5) are read-only.
 * - Card flags: OVERDUE as above; MISSING_DOCS for a trámite in step 3 or later whose documents
 *   were not sent to Conauto or whose payment proof is not attached, i.e. what step 4 needs.
 * - Card thumbnail: the first PDF attached to the trámite. */
#define GEST_TYPE_TRAMITE_BOARD_SOURCE (gest_tramite_board_source_get_type ())
G_DECLARE_FINAL_TYPE (GestTramiteBoardSource, gest_tramite_board_source, GEST, TRAMITE_BOARD_SOURCE, GObject)

GestTramiteBoardSource *gest_tramite_board_source_new           (GestStore              *store);
GestStore              *gest_tramite_board_source_get_store     (GestTramiteBoardSource *self);
/* Re-reads the current user (for "mine") and emits GestBoardSource::changed. Call it after
 * changes the board did not make itself (CLI, sync, the detail page). */
void                    gest_tramite_board_source_reload        (GestTramiteBoardSource *self);
/* Any thread. Fills @counts (one per step, index = column) under @filter with one SQL
 * GROUP BY; columns excluded by filter->column count 0. */
gboolean                gest_tramite_board_source_count_columns (GestTramiteBoardSource *self,
                                                                 const GestBoardFilter  *filter,
                                                                 guint                  *counts,
                                                                 GCancellable           *cancellable,
                                                                 GError                **error);

G_END_DECLS
