/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB (agenda-board): no day's board source until agenda-core's gest-reservation-board-source.c
 * lands (the page then shows the board's empty state); deleted then. */
#include "config.h"

#include "gest-agenda-board-stub.h"

GestSqlBoardSource *
gest_reservation_board_source_new (GestStore  *store,
                                   const char *day)
{
  return NULL;
}
