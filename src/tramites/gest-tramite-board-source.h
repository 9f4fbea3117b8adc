/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"
#include "gest-tramite-rules.h"

G_BEGIN_DECLS

/* The trámites board (T6, T7, X1): a GestSqlBoardSource with one column per step (column c
 * is step c + 1), oldest step_since first.
 *
 * - Filters: text (FTS5 search_index hits on the folio, the plan number or the customer's
 *   name, joined to trámites; plus a folio range for "LIQ-…" prefixes); one column; overdue
 *   only (agreed date passed, no payment recorded); mine (created by the current user).
 * - Moves are the dealer's (gest_tramite_move); columns 4-6 (indexes 3-5) are read-only.
 * - Card flags: OVERDUE as above; MISSING_DOCS for a trámite in step 3 or later whose documents
 *   were not sent to Conauto or whose payment proof is not attached, i.e. what step 4 needs;
 *   DONE for finished trámites (their days are not counted).
 * - Card date: the payment date agreed with Conauto. Thumbnail: the first PDF attached. */
typedef GestSqlBoardSource GestTramiteBoardSource;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramiteBoardSource, g_object_unref)

GestTramiteBoardSource *gest_tramite_board_source_new           (GestStore              *store);
/* gest_sql_board_source_reload(). */
void                    gest_tramite_board_source_reload        (GestTramiteBoardSource *self);
/* gest_sql_board_source_count_columns(): @counts has one per step. */
gboolean                gest_tramite_board_source_count_columns (GestTramiteBoardSource *self,
                                                                 const GestBoardFilter  *filter,
                                                                 guint                  *counts,
                                                                 GCancellable           *cancellable,
                                                                 GError                **error);

G_END_DECLS
