/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gest-test-widgets.h"

GtkWidget *
gest_test_find_widget (GtkWidget           *root,
                       GestTestWidgetMatch  match,
                       gconstpointer        data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = gest_test_find_widget (child, match, data)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
gest_test_is_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
gest_test_is_label (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
gest_test_is_visible_label (GtkWidget     *widget,
                            gconstpointer  text)
{
  return gest_test_is_label (widget, text) && gtk_widget_get_visible (widget);
}

gboolean
gest_test_is_row_titled (GtkWidget     *widget,
                         gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
gest_test_is_entry_row_titled (GtkWidget     *widget,
                               gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) && gest_test_is_row_titled (widget, title);
}

gboolean
gest_test_is_group_titled (GtkWidget     *widget,
                           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

gboolean
gest_test_is_button_labelled (GtkWidget     *widget,
                              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}
