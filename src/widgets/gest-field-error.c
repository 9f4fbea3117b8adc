/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-field-error"

#include "config.h"

#include "gest-field-error.h"

GtkLabel *
gest_field_error_label_new (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  /* A widget that is not a row goes below the group's list. */
  adw_preferences_group_add (group, label);
  return GTK_LABEL (label);
}

void
gest_field_error_show (GtkWidget  *row,
                       GtkLabel   *label,
                       const char *message)
{
  g_return_if_fail (row == NULL || GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (label));

  if (row != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
