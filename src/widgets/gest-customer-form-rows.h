/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the customer, vehicle and plan editors share: their rows and how a group shows its
 * rows' messages (gest-field-error.h: every row in error gets `error`, the group's label
 * shows each message in full, one per line). */

/* An AdwEntryRow titled @title added to @group. */
GtkWidget *gest_customer_form_entry_row   (AdwPreferencesGroup *group,
                                           const char          *title);
/* @rows[i] is in error when @errors[i] is not NULL; @label shows every message. */
void       gest_customer_form_show_errors (GtkWidget          **rows,
                                           char               **errors,
                                           guint                n_rows,
                                           GtkLabel            *label);
/* The editors' frame: a header bar with Cancel and a suggested @save_label button, and
 * @content (an AdwPreferencesPage) under it; Escape closes the window. Returns the button. */
GtkWidget *gest_customer_form_frame       (AdwWindow           *window,
                                           GtkWidget           *content,
                                           const char          *save_label);

G_END_DECLS
