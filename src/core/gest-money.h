/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is MXN in integer centavos. */
typedef gint64 GestMoney;

/* Accepts "1234.56", "1,234.56", "$1,234.56", "-$1,234.56", "$-1,234.56", "1234", "1234.5",
 * with surrounding spaces. Rejects anything else (misplaced commas, more than two decimals,
 * letters, empty, overflow) with GEST_ERROR_INVALID and a translated message naming the text. */
gboolean gest_money_parse  (const char  *text,
                            GestMoney   *out_centavos,
                            GError     **error);

/* "$1,234.56" / "-$1,234.56" / "$0.00". */
char    *gest_money_format (GestMoney    centavos);

G_END_DECLS
