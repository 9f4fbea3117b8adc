/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* The annulments' board (GLib only): one column per stage (Request, Sent, Approved,
 * Registered, Re-invoicing approved, Filed); cards show the folio, the customer and city,
 * the costs when charged and the days in the stage; a request without its five documents is
 * flagged. Moving a card one column on runs that step (gest_annulment_advance()), with its
 * rules and role checks. The text filter finds folio, customer, city, invoice or CFDI;
 * "mine" is the requests the signed-in user made. */
GestSqlBoardSource *gest_annulment_board_source_new (GestStore *store);

G_END_DECLS
