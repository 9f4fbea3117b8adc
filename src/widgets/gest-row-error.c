/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-row-error"

#include "config.h"

#include "gest-field-error.h"
#include "gest-row-error.h"

static void
label_weak_notify (gpointer  data,
                   GObject  *where_the_label_was)
{
  GestRowError *self = data;

  self->label = NULL;
  self->owns_label = FALSE;
}

static void
drop_label (GestRowError *self)
{
  if (self->label == NULL)
    return;
  g_object_weak_unref (G_OBJECT (self->label), label_weak_notify, self);
  if (self->owns_label)
    {
      GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->label), ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->label));
    }
  self->label = NULL;
  self->owns_label = FALSE;
}

static void
take_label (GestRowError *self,
            GtkLabel     *label,
            gboolean      owns)
{
  self->label = label;
  self->owns_label = owns;
  if (label != NULL)
    g_object_weak_ref (G_OBJECT (label), label_weak_notify, self);
}

/* Puts the message that should show on screen. A label that another row of the group shares
 * is cleared only when it still shows this row's message. */
static gboolean
update (GestRowError *self)
{
  const char *message = self->external != NULL ? self->external : (self->checked ? self->own : NULL);

  if (g_strcmp0 (message, self->shown) == 0)
    return FALSE;

  if (message != NULL && self->label == NULL)
    {
      GtkWidget *group = gtk_widget_get_ancestor (self->row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        take_label (self, gest_field_error_label_new (ADW_PREFERENCES_GROUP (group)), TRUE);
    }

  if (self->label == NULL)
    {
      /* No group yet: the row is marked; the message shows once a label is given. */
      if (message != NULL)
        gtk_widget_add_css_class (self->row, "error");
      else
        gtk_widget_remove_css_class (self->row, "error");
    }
  else if (message == NULL && !self->owns_label &&
           g_strcmp0 (gtk_label_get_text (self->label), self->shown) != 0)
    gtk_widget_remove_css_class (self->row, "error");
  else
    gest_field_error_show (self->row, self->label, message);

  g_free (self->shown);
  self->shown = g_strdup (message);
  return TRUE;
}

void
gest_row_error_init (GestRowError *self,
                     GtkWidget    *row)
{
  memset (self, 0, sizeof *self);
  self->row = row;
}

void
gest_row_error_clear (GestRowError *self)
{
  if (self->shown != NULL && self->label != NULL && !self->owns_label &&
      g_strcmp0 (gtk_label_get_text (self->label), self->shown) == 0)
    gest_field_error_show (NULL, self->label, NULL);
  drop_label (self);
  g_clear_pointer (&self->external, g_free);
  g_clear_pointer (&self->own, g_free);
  g_clear_pointer (&self->shown, g_free);
}

void
gest_row_error_set_label (GestRowError *self,
                          GtkLabel     *label)
{
  g_autofree char *shown = g_steal_pointer (&self->shown);

  if (label == self->label)
    {
      self->shown = g_steal_pointer (&shown);
      return;
    }
  if (shown != NULL && self->label != NULL)
    gest_field_error_show (self->row, self->label, NULL);
  drop_label (self);
  take_label (self, label, FALSE);
  update (self);
}

gboolean
gest_row_error_set_external (GestRowError *self,
                             const char   *message)
{
  if (g_strcmp0 (self->external, message) == 0)
    return FALSE;
  g_free (self->external);
  self->external = g_strdup (message);
  return update (self);
}

gboolean
gest_row_error_set_own (GestRowError *self,
                        const char   *message)
{
  if (g_strcmp0 (self->own, message) == 0)
    return FALSE;
  g_free (self->own);
  self->own = g_strdup (message);
  return update (self);
}

gboolean
gest_row_error_set_checked (GestRowError *self,
                            gboolean      checked)
{
  self->checked = checked;
  return update (self);
}

const char *
gest_row_error_get_shown (GestRowError *self)
{
  return self->shown;
}
