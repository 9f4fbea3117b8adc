/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* Loads Conauto's plan balances for one dealer from a CSV file with the header
 * number,balance,overdue,installment,life_insurance,as_of (amounts in pesos, "1,234.56" quoted
 * when they have commas; as_of dd/mm/yyyy). Each row updates the `plan` record with that
 * number, or creates one, as one change of the dealer's sequence; all rows in one transaction,
 * so a bad row loads nothing. */
gboolean gest_server_load_plans (PGconn      *conn,
                                 const char  *dealer_id,
                                 const char  *path,
                                 guint       *out_loaded,
                                 guint       *out_created,
                                 GError     **error);

/* Splits one CSV line (RFC 4180 quotes, no line breaks inside fields). NULL on a bad quote. */
GStrv    gest_csv_split_line    (const char  *line);

G_END_DECLS
