/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Finding widgets in the widget tests: a depth-first search of @root's descendants (not @root)
 * for the first one @match accepts with @data. */
typedef gboolean (*GestTestWidgetMatch) (GtkWidget     *widget,
                                         gconstpointer  data);

GtkWidget *gest_test_find_widget        (GtkWidget           *root,
                                         GestTestWidgetMatch  match,
                                         gconstpointer        data);

/* Matches. @data is a GType given as GSIZE_TO_POINTER (type) for is_type, else a string. */
gboolean   gest_test_is_type            (GtkWidget     *widget,
                                         gconstpointer  type);
gboolean   gest_test_is_label           (GtkWidget     *widget,
                                         gconstpointer  text);
gboolean   gest_test_is_visible_label   (GtkWidget     *widget,
                                         gconstpointer  text);
gboolean   gest_test_is_row_titled      (GtkWidget     *widget,
                                         gconstpointer  title);
gboolean   gest_test_is_entry_row_titled (GtkWidget    *widget,
                                         gconstpointer  title);
gboolean   gest_test_is_group_titled    (GtkWidget     *widget,
                                         gconstpointer  title);
gboolean   gest_test_is_button_labelled (GtkWidget     *widget,
                                         gconstpointer  label);

G_END_DECLS
