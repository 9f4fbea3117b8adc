/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one way Gestiona shows what is wrong with a field or a refused action: the row gets the
 * `error` style class and the whole message, wrapped, shows in a label under the row's group.
 * Never a toast for a refusal (a toast cuts long text), never a replaced description. */

/* A hidden, wrapping error label added at the end of @group (below its rows). */
GtkLabel *gest_field_error_label_new (AdwPreferencesGroup *group);
/* Marks @row (may be NULL: a refusal of a whole group) and shows @message in @label, or
 * clears both when @message is NULL. */
void      gest_field_error_show      (GtkWidget           *row,
                                      GtkLabel            *label,
                                      const char          *message);

G_END_DECLS
