/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB (agenda-board): stands in for agenda-core's gest-reservation-board-source.h until it
 * lands; deleted then. */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

GestSqlBoardSource *gest_reservation_board_source_new (GestStore  *store,
                                                       const char *day);

G_END_DECLS
