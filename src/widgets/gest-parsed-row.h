/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwEntryRow for one value typed as text (an amount, a date; a module's RFC, VIN or phone).
 * A subclass parses the text (parse()) and writes a value back (format()); the row does the
 * rest: the `valid`, `empty` and `error` properties, the text written back formatted when the
 * user applies the row (Enter, the apply button) or leaves it, and the error bookkeeping. Text
 * that does not parse marks the row with `error` and shows the whole message under it
 * (gest-field-error.h), once the user applied or left the row; the owner of the row can show
 * its own message instead (gest_parsed_row_set_error()). An empty row has no value and no
 * error: whether the value is required is the form's rule. */
#define GEST_TYPE_PARSED_ROW (gest_parsed_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (GestParsedRow, gest_parsed_row, GEST, PARSED_ROW, AdwEntryRow)

struct _GestParsedRowClass
{
  AdwEntryRowClass parent_class;

  /* Called on every change of the text, with NULL @text when the row holds nothing but spaces.
   * Keeps the subclass's value (cleared unless the text is a valid one; the subclass notifies
   * it) and returns whether @text is valid; when it is not, sets @message to why (newly
   * allocated, the row's own error). Required. */
  gboolean   (*parse)       (GestParsedRow  *self,
                             const char     *text,
                             char          **message);
  /* The valid value written back as text, newly allocated. Required. */
  char      *(*format)      (GestParsedRow  *self);
  /* Whether the focus that left the entry is still the row's own (a popover it opened): the
   * row then does not apply. Optional. */
  gboolean   (*holds_focus) (GestParsedRow  *self);

  gpointer padding[8];
};

/* Whether the text is valid (parse() accepted it). */
gboolean    gest_parsed_row_get_valid       (GestParsedRow *self);
/* Whether the row holds nothing but spaces. */
gboolean    gest_parsed_row_get_empty       (GestParsedRow *self);
/* What applying or leaving the row does: the text formatted when it is valid, else its error
 * shown. Returns whether the row is valid. */
gboolean    gest_parsed_row_apply           (GestParsedRow *self);
/* The owner's message (a form's rule), shown instead of the row's own; NULL to clear. */
void        gest_parsed_row_set_error       (GestParsedRow *self,
                                             const char    *message);
/* The message under the row now, or NULL. */
const char *gest_parsed_row_get_error       (GestParsedRow *self);
/* The row's own check of its text, shown or not; NULL when fine or empty. */
const char *gest_parsed_row_get_text_error  (GestParsedRow *self);
/* The label the messages go in (e.g. the one of the row's group, shared by its rows); by
 * default the row adds one to its group the first time it has a message. */
void        gest_parsed_row_set_error_label (GestParsedRow *self,
                                             GtkLabel      *label);
GtkLabel   *gest_parsed_row_get_error_label (GestParsedRow *self);

/* For subclasses. Writes @text as a value set from code: parsed once, without revealing the
 * apply button, and its error (if any) shown as if the user had applied the row. */
void        gest_parsed_row_set_text        (GestParsedRow *self,
                                             const char    *text);
/* Parses the text again (after a change of what the subclass accepts, e.g. its bounds). */
void        gest_parsed_row_reparse         (GestParsedRow *self);

G_END_DECLS
