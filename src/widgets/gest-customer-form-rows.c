/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-form-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customer-form-rows.h"
#include "gest-field-error.h"

static void
cancel_clicked_cb (GtkButton *button,
                   GtkWindow *window)
{
  gtk_window_close (window);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

GtkWidget *
gest_customer_form_entry_row (AdwPreferencesGroup *group,
                              const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

void
gest_customer_form_show_errors (GtkWidget **rows,
                                char      **errors,
                                guint       n_rows,
                                GtkLabel   *label)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_rows; i++)
    {
      if (rows[i] == NULL)
        continue;
      if (errors[i] != NULL)
        {
          gtk_widget_add_css_class (rows[i], "error");
          g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", errors[i]);
        }
      else
        gtk_widget_remove_css_class (rows[i], "error");
    }
  gest_field_error_show (NULL, label, text->len > 0 ? text->str : NULL);
}

GtkWidget *
gest_customer_form_frame (AdwWindow  *window,
                          GtkWidget  *content,
                          const char *save_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), window);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (window, box);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
  return save;
}
