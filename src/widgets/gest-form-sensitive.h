/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes a form's row or group (in)sensitive while it saves. When @widget holds the keyboard
 * focus (the cursor in an entry row) the window's focus is cleared first: GTK 4.8 otherwise
 * never sends the entry its focus-out and warns (gtk#5845), and the window is left with its
 * focus on a widget that can no longer take input. */
void gest_form_set_sensitive (GtkWidget *widget,
                              gboolean   sensitive);

G_END_DECLS
