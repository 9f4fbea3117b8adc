/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* The board of one campaign (S1, S3): its affected vehicles by stage, five columns
 * (Refacciones pendientes, Por contactar, Contactado, Cita agendada, Reparado). Cards: the
 * VIN, the model and year, the owner (the dealer's customer, else the list's), the days in
 * the column; "overdue" is a vehicle in "Por contactar" for more than 7 days, "done" a closed
 * one. The text filter finds a VIN, plate or owner. A card moved to "Reparado" is closed out
 * as repaired here; a move back needs a reason and is refused here (the vehicle's page asks
 * for it); a move the parts do not cover is refused naming the missing part. GLib only. */
GestSqlBoardSource *gest_campaign_board_source_new (GestStore  *store,
                                                    const char *campaign_uuid);

G_END_DECLS
