/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* TEMPORARY (issue 13): stand-ins for what "complaints-core" has not committed yet (the board
 * source and the tasks), so the pages build and their tests run; this file and its .c are
 * deleted when wip-complaints-core brings the real ones. */
typedef GestSqlBoardSource GestComplaintBoardSource;
GestComplaintBoardSource *gest_complaint_board_source_new (GestStore *store);

G_END_DECLS
