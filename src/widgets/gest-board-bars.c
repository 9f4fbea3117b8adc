/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-private.h"
#include "gest-field-error.h"

/* The rows a board shows above its columns now and then: a message (a refusal, in full) and,
 * narrow, the column switcher. */

static void message_close_cb (GestBoard *self);
static void previous_column_cb (GestBoard *self);
static void next_column_cb (GestBoard *self);

static GtkWidget *
flat_button_new (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* Above the columns: a warning icon, the whole message wrapped, a button to dismiss it. */
static void
ensure_message_box (GestBoard *self)
{
  GtkWidget *icon, *close;

  if (self->message_box != NULL)
    return;
  self->message_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->message_box, 12);
  gtk_widget_set_margin_end (self->message_box, 12);
  gtk_widget_set_margin_top (self->message_box, 6);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->message_label), TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_wrap_mode (self->message_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->message_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  close = flat_button_new ("window-close-symbolic", _("Dismiss"));
  gtk_widget_add_css_class (close, "circular");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (message_close_cb), self);
  gtk_box_append (GTK_BOX (self->message_box), icon);
  gtk_box_append (GTK_BOX (self->message_box), GTK_WIDGET (self->message_label));
  gtk_box_append (GTK_BOX (self->message_box), close);
  gtk_box_prepend (GTK_BOX (self->box), self->message_box);
}

/* Above the columns of a narrow board: previous, the column shown, next. */
static void
ensure_switcher (GestBoard *self)
{
  if (self->switcher_box != NULL)
    return;
  self->switcher_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->switcher_box, 12);
  gtk_widget_set_margin_end (self->switcher_box, 12);
  gtk_widget_set_margin_top (self->switcher_box, 6);
  self->previous_button = flat_button_new ("pan-start-symbolic", _("Previous Column"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_column_cb), self);
  self->switcher_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->switcher_label), TRUE);
  gtk_label_set_ellipsize (self->switcher_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->switcher_label), "heading");
  self->next_button = flat_button_new ("pan-end-symbolic", _("Next Column"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_column_cb), self);
  gtk_box_append (GTK_BOX (self->switcher_box), self->previous_button);
  gtk_box_append (GTK_BOX (self->switcher_box), GTK_WIDGET (self->switcher_label));
  gtk_box_append (GTK_BOX (self->switcher_box), self->next_button);
  gtk_box_insert_child_after (GTK_BOX (self->box), self->switcher_box, self->message_box);
}

static void
message_close_cb (GestBoard *self)
{
  gest_board_show_message (self, NULL);
}

static void
previous_column_cb (GestBoard *self)
{
  guint current = gest_board_shown_column (self);

  if (current > 0)
    gest_board_set_current_column (self, current - 1);
}

static void
next_column_cb (GestBoard *self)
{
  gest_board_set_current_column (self, gest_board_shown_column (self) + 1);
}

/* The column a narrow board shows: the filter's, when it has one. */
guint
gest_board_shown_column (GestBoard *self)
{
  if (self->filter.column >= 0 && (guint) self->filter.column < self->columns->len)
    return (guint) self->filter.column;
  return MIN (self->current_column, self->columns->len > 0 ? self->columns->len - 1 : 0);
}

static void
update_switcher (GestBoard *self)
{
  guint n = self->columns->len;
  guint current = gest_board_shown_column (self);
  g_autofree char *text = NULL;

  /* Disposed, or never narrow yet. */
  if (self->box == NULL || (self->switcher_box == NULL && !self->narrow))
    return;
  ensure_switcher (self);
  gtk_widget_set_visible (self->switcher_box, self->narrow && n > 1 && self->filter.column < 0);
  if (n == 0)
    return;
  /* Translators: the column a narrow board shows, e.g. "Registered (2 of 8)". */
  text = g_strdup_printf (_("%s (%u of %u)"), gest_board_source_get_column_title (self->source, current),
                          current + 1, n);
  gtk_label_set_text (self->switcher_label, text);
  gtk_widget_set_sensitive (self->previous_button, current > 0);
  gtk_widget_set_sensitive (self->next_button, current + 1 < n);
}

void
gest_board_update_columns_visible (GestBoard *self)
{
  guint current = gest_board_shown_column (self);

  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkWidget *column = g_ptr_array_index (self->columns, i);

      if (self->narrow)
        gtk_widget_set_visible (column, i == current);
      else
        gtk_widget_set_visible (column, self->filter.column < 0 || (guint) self->filter.column == i);
      /* Narrow, the one column takes the whole width. */
      gtk_widget_set_hexpand (column, self->narrow);
    }
  update_switcher (self);
}

void
gest_board_show_message (GestBoard  *self,
                         const char *message)
{
  g_return_if_fail (GEST_IS_BOARD (self));

  /* The whole text, wrapped, until dismissed or the next move: a refusal says what is
   * missing and must be readable in full. */
  if (self->box == NULL || (message == NULL && self->message_box == NULL))
    return;
  ensure_message_box (self);
  gest_field_error_show (NULL, self->message_label, message);
  gtk_widget_set_visible (self->message_box, message != NULL);
}

const char *
gest_board_get_message (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), NULL);

  if (self->message_box == NULL || !gtk_widget_get_visible (self->message_box))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

guint
gest_board_get_current_column (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), 0);

  return gest_board_shown_column (self);
}
