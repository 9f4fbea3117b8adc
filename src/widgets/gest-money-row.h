/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-money.h"
#include "gest-parsed-row.h"

G_BEGIN_DECLS

/* A GestParsedRow (an AdwEntryRow) for an amount of money. It parses what is typed as gest_money_parse() does
 * ("1234.56", "1,234.56", "$1,234.56"), keeps the value in centavos, and writes it back as
 * "$1,234.56" when the user applies the row (Enter, the apply button) or leaves it. Text that
 * does not parse, or an amount out of the row's bounds, marks the row with `error` and shows
 * the whole message under it (gest-field-error.h), once the user applied or left the row; the
 * owner of the row can show its own message instead (gest_money_row_set_error()). An empty row
 * has no value and no error: whether the amount is required is the form's rule. */
#define GEST_TYPE_MONEY_ROW (gest_money_row_get_type ())
G_DECLARE_FINAL_TYPE (GestMoneyRow, gest_money_row, GEST, MONEY_ROW, GestParsedRow)

GtkWidget  *gest_money_row_new         (void);
/* The amount typed, in centavos; 0 when the row is empty or its text does not parse. */
GestMoney   gest_money_row_get_value   (GestMoneyRow *self);
/* Writes @value formatted ("$1,234.50"). */
void        gest_money_row_set_value   (GestMoneyRow *self,
                                        GestMoney     value);
/* Whether the text parses and is within the bounds. */
gboolean    gest_money_row_get_valid   (GestMoneyRow *self);
/* Whether the row holds nothing but spaces. */
gboolean    gest_money_row_get_empty   (GestMoneyRow *self);
/* The amounts the row accepts, both included; G_MININT64 / G_MAXINT64 for no bound. */
void        gest_money_row_set_bounds  (GestMoneyRow *self,
                                        GestMoney     minimum,
                                        GestMoney     maximum);
/* What applying or leaving the row does: the text formatted when it parses, else its error
 * shown. Returns whether the row is valid. */
gboolean    gest_money_row_apply       (GestMoneyRow *self);
/* The owner's message (a form's rule), shown instead of the row's own; NULL to clear. */
void        gest_money_row_set_error   (GestMoneyRow *self,
                                        const char   *message);
/* The message under the row now, or NULL. */
const char *gest_money_row_get_error   (GestMoneyRow *self);
/* The row's own check of its text (parse, bounds), shown or not; NULL when fine or empty. */
const char *gest_money_row_get_text_error (GestMoneyRow *self);
/* The label the messages go in (e.g. the one of the row's group, shared by its rows); by
 * default the row adds one to its group the first time it has a message. */
void        gest_money_row_set_error_label (GestMoneyRow *self,
                                            GtkLabel     *label);

G_END_DECLS
