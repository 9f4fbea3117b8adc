/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-value-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-value-row.h"

struct _GestValueRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *value_label;    /* borrowed: a suffix */
  GtkWidget    *copy_button;    /* borrowed: a suffix */
  char         *text;           /* NULL: nothing to show */
};

G_DEFINE_FINAL_TYPE (GestValueRow, gest_value_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_clicked_cb (GestValueRow *self)
{
  gest_value_row_copy (self);
}

static void
gest_value_row_finalize (GObject *object)
{
  GestValueRow *self = (GestValueRow *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gest_value_row_parent_class)->finalize (object);
}

static void
gest_value_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GestValueRow *self = GEST_VALUE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_value_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GestValueRow *self = GEST_VALUE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      gest_value_row_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_value_row_class_init (GestValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_value_row_finalize;
  object_class->get_property = gest_value_row_get_property;
  object_class->set_property = gest_value_row_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_value_row_init (GestValueRow *self)
{
  self->value_label = GTK_LABEL (gtk_label_new ("—"));
  gtk_label_set_selectable (self->value_label, TRUE);
  gtk_label_set_wrap (self->value_label, TRUE);
  /* Whole words: an amount or a date never breaks inside. */
  gtk_label_set_wrap_mode (self->value_label, PANGO_WRAP_WORD);
  gtk_label_set_xalign (self->value_label, 1);
  gtk_label_set_justify (self->value_label, GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (GTK_WIDGET (self->value_label), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->value_label));

  self->copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->copy_button, _("Copy"));
  gtk_widget_add_css_class (self->copy_button, "flat");
  gtk_widget_set_visible (self->copy_button, FALSE);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->copy_button);
}

GtkWidget *
gest_value_row_new (const char *title)
{
  return g_object_new (GEST_TYPE_VALUE_ROW, "title", title, NULL);
}

void
gest_value_row_set_text (GestValueRow *self,
                         const char   *text)
{
  g_return_if_fail (GEST_IS_VALUE_ROW (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "numeric");
  gtk_label_set_text (self->value_label, text != NULL ? text : "—");
  gtk_widget_set_visible (self->copy_button, text != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
gest_value_row_get_text (GestValueRow *self)
{
  g_return_val_if_fail (GEST_IS_VALUE_ROW (self), NULL);

  return self->text;
}

void
gest_value_row_set_money (GestValueRow *self,
                          GestMoney     amount)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GEST_IS_VALUE_ROW (self));

  text = gest_money_format (amount);
  gest_value_row_set_text (self, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "numeric");
}

void
gest_value_row_set_date (GestValueRow *self,
                         const GDate  *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GEST_IS_VALUE_ROW (self));

  if (date != NULL && g_date_valid (date))
    text = gest_date_format (date);
  gest_value_row_set_text (self, text);
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "numeric");
}

gboolean
gest_value_row_copy (GestValueRow *self)
{
  g_return_val_if_fail (GEST_IS_VALUE_ROW (self), FALSE);

  if (self->text == NULL)
    return FALSE;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text);
  return TRUE;
}
