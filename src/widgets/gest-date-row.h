/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-parsed-row.h"

G_BEGIN_DECLS

/* A GestParsedRow (an AdwEntryRow) for a calendar date typed dd/mm/yyyy (gest_date_parse(): also d/m/yyyy),
 * with a calendar in a popover at its end. It writes the date back as dd/mm/yyyy when the user
 * applies the row (Enter, the apply button) or leaves it. Text that is not a date (31/02/2026),
 * or a date out of the row's bounds, marks the row with `error` and shows the whole message
 * under it (gest-field-error.h), once the user applied or left the row; the owner of the row
 * can show its own message instead (gest_date_row_set_error()). An empty row has no date and
 * no error: whether the date is required is the form's rule. */
#define GEST_TYPE_DATE_ROW (gest_date_row_get_type ())
G_DECLARE_FINAL_TYPE (GestDateRow, gest_date_row, GEST, DATE_ROW, GestParsedRow)

GtkWidget  *gest_date_row_new         (void);
/* The date typed: TRUE and @out set when the text is a date within the bounds. */
gboolean    gest_date_row_get_date    (GestDateRow *self,
                                       GDate       *out);
/* Writes @date as dd/mm/yyyy, or empties the row for NULL. */
void        gest_date_row_set_date    (GestDateRow *self,
                                       const GDate *date);
/* Whether the text is a date within the bounds. */
gboolean    gest_date_row_get_valid   (GestDateRow *self);
/* Whether the row holds nothing but spaces. */
gboolean    gest_date_row_get_empty   (GestDateRow *self);
/* The dates the row accepts, both included; NULL for no bound. */
void        gest_date_row_set_bounds  (GestDateRow *self,
                                       const GDate *minimum,
                                       const GDate *maximum);
/* Whether the row offers a calendar popover (the default). */
void        gest_date_row_set_show_calendar (GestDateRow *self,
                                             gboolean     show_calendar);
/* What applying or leaving the row does: the date written dd/mm/yyyy when the text is one,
 * else its error shown. Returns whether the row is valid. */
gboolean    gest_date_row_apply       (GestDateRow *self);
/* The owner's message (a form's rule), shown instead of the row's own; NULL to clear. */
void        gest_date_row_set_error   (GestDateRow *self,
                                       const char  *message);
/* The message under the row now, or NULL. */
const char *gest_date_row_get_error   (GestDateRow *self);
/* The row's own check of its text (parse, bounds), shown or not; NULL when fine or empty. */
const char *gest_date_row_get_text_error (GestDateRow *self);
/* The label the messages go in; by default the row adds one to its group the first time it
 * has a message. */
void        gest_date_row_set_error_label (GestDateRow *self,
                                           GtkLabel    *label);
/* The calendar of the popover (for tests). */
GtkCalendar *gest_date_row_get_calendar (GestDateRow *self);

G_END_DECLS
