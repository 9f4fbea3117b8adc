/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-money.h"

G_BEGIN_DECLS

/* A read-only row for a figure: its title, and at its end the value (an amount, a date or a
 * text) in a label that can be selected, with a button that copies it. For statements and
 * record details, where the user reads a figure and copies it into a bank's site or a mail. */
#define GEST_TYPE_VALUE_ROW (gest_value_row_get_type ())
G_DECLARE_FINAL_TYPE (GestValueRow, gest_value_row, GEST, VALUE_ROW, AdwActionRow)

GtkWidget  *gest_value_row_new        (const char   *title);
/* The text shown; NULL or "" shows a dash and hides the copy button. */
void        gest_value_row_set_text   (GestValueRow *self,
                                       const char   *text);
const char *gest_value_row_get_text   (GestValueRow *self);
/* "$1,234.56", in tabular figures. */
void        gest_value_row_set_money  (GestValueRow *self,
                                       GestMoney     amount);
/* "dd/mm/yyyy"; NULL or an invalid date shows a dash. */
void        gest_value_row_set_date   (GestValueRow *self,
                                       const GDate  *date);
/* Puts the text on the clipboard, as the copy button does. FALSE when there is nothing. */
gboolean    gest_value_row_copy       (GestValueRow *self);

G_END_DECLS
