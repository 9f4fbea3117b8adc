/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* The complaints board (issue 13.2): a GestSqlBoardSource with one column per stage (column c
 * is stage c: Recibida … Cerrada, with Anulación before Cerrada), oldest stage_since first.
 *
 * - Cards: the folio; the customer; "Queja · responsible" (the amount line); "N days open"
 *   (the date line); the days in the stage.
 * - Flags: OVERDUE is "no log entry today" (Q7: an open case whose last entry is not of today
 *   in the dealer's time zone); MISSING_DOCS is the SLA at risk or missed
 *   (complaints.sla_state); DONE for closed cases. gest_board_item_get_flag_text() says which.
 * - Filters: text (the folio range for "QJA-…", else the FTS index on the folio, the customer
 *   and the person who complains); overdue = no entry today ("Sin seguimiento hoy"); mine =
 *   the responsible is the signed-in user.
 * - Moves: gest_complaint_move() (prerequisites in gest-complaint-workflow.h); a move back
 *   and the closure need the case's page (a reason, the catalogs). */
typedef GestSqlBoardSource GestComplaintBoardSource;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintBoardSource, g_object_unref)

GestComplaintBoardSource *gest_complaint_board_source_new           (GestStore                *store);
void                      gest_complaint_board_source_reload        (GestComplaintBoardSource *self);
/* @counts has GEST_N_COMPLAINT_STAGES entries. */
gboolean                  gest_complaint_board_source_count_columns (GestComplaintBoardSource *self,
                                                                     const GestBoardFilter    *filter,
                                                                     guint                    *counts,
                                                                     GCancellable             *cancellable,
                                                                     GError                  **error);

G_END_DECLS
