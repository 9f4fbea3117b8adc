/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-field-error.h"
#include "gest-template-editor.h"

struct _GestTemplateEditor
{
  AdwBin                  parent_instance;

  const GestTemplateKind *kind;   /* static table */
  char                   *uuid;
  char                   *record_kind;

  AdwPreferencesGroup    *fields_group;
  AdwEntryRow            *name_row;
  AdwEntryRow            *subject_row;
  AdwPreferencesGroup    *body_group;
  GtkWidget              *body_frame;
  GtkTextView            *body_view;
  GtkFlowBox             *placeholders_box;
  GtkLabel               *fields_error;
  GtkLabel               *body_error;
};

G_DEFINE_FINAL_TYPE (GestTemplateEditor, gest_template_editor, ADW_TYPE_BIN)

static char *
body_text (GestTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
placeholder_clicked_cb (GtkButton          *button,
                        GestTemplateEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "placeholder");
  g_autofree char *text = g_strdup_printf ("{{%s}}", name);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
gest_template_editor_finalize (GObject *object)
{
  GestTemplateEditor *self = GEST_TEMPLATE_EDITOR (object);

  g_free (self->uuid);
  g_free (self->record_kind);
  G_OBJECT_CLASS (gest_template_editor_parent_class)->finalize (object);
}

static void
gest_template_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GEST_TYPE_TEMPLATE_EDITOR);
  G_OBJECT_CLASS (gest_template_editor_parent_class)->dispose (object);
}

static void
gest_template_editor_class_init (GestTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_template_editor_dispose;
  object_class->finalize = gest_template_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gestiona/Gestiona/widgets/gest-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, body_group);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, body_frame);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, GestTemplateEditor, placeholders_box);
}

static void
gest_template_editor_init (GestTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields_error = gest_field_error_label_new (self->fields_group);
  self->body_error = gest_field_error_label_new (self->body_group);
}

GtkWidget *
gest_template_editor_new (const GestTemplateKind *kind)
{
  GestTemplateEditor *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (GEST_TYPE_TEMPLATE_EDITOR, NULL);
  self->kind = kind;
  self->record_kind = g_strdup (kind->id);
  for (guint i = 0; i < kind->n_placeholders; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(kind->placeholders[i].label));

      gtk_widget_set_tooltip_text (button, kind->placeholders[i].name);
      gtk_widget_add_css_class (button, "pill");
      g_object_set_data (G_OBJECT (button), "placeholder", (gpointer) kind->placeholders[i].name);
      g_signal_connect (button, "clicked", G_CALLBACK (placeholder_clicked_cb), self);
      gtk_flow_box_append (self->placeholders_box, button);
    }
  return GTK_WIDGET (self);
}

void
gest_template_editor_set_record (GestTemplateEditor       *self,
                                 const GestTemplateRecord *record)
{
  g_return_if_fail (GEST_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (record != NULL);

  g_free (self->uuid);
  self->uuid = g_strdup (record->uuid);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), record->name != NULL ? record->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), record->subject != NULL ? record->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), record->body != NULL ? record->body : "", -1);
  gest_template_editor_show_error (self, NULL);
}

GestTemplateRecord *
gest_template_editor_get_record (GestTemplateEditor *self)
{
  GestTemplateRecord *record;

  g_return_val_if_fail (GEST_IS_TEMPLATE_EDITOR (self), NULL);

  record = g_new0 (GestTemplateRecord, 1);
  record->uuid = g_strdup (self->uuid);
  record->kind = g_strdup (self->record_kind);
  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  record->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  record->body = body_text (self);
  return record;
}

gboolean
gest_template_editor_check (GestTemplateEditor *self)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GEST_IS_TEMPLATE_EDITOR (self), FALSE);

  gest_template_editor_show_error (self, NULL);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (name[0] == '\0')
    {
      gest_field_error_show (GTK_WIDGET (self->name_row), self->fields_error,
                             _("The template has no name: give it one, so it can be chosen from a list."));
      return FALSE;
    }
  if (!gest_template_check (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), self->kind, &error))
    {
      g_autofree char *message = g_strdup_printf (_("In the subject: %s"), error->message);

      gest_field_error_show (GTK_WIDGET (self->subject_row), self->fields_error, message);
      return FALSE;
    }
  body = body_text (self);
  if (body[0] == '\0')
    {
      gest_field_error_show (self->body_frame, self->body_error, _("The template has no text: write its body."));
      return FALSE;
    }
  if (!gest_template_check (body, self->kind, &error))
    {
      gest_field_error_show (self->body_frame, self->body_error, error->message);
      return FALSE;
    }
  return TRUE;
}

void
gest_template_editor_show_error (GestTemplateEditor *self,
                                 const char         *message)
{
  g_return_if_fail (GEST_IS_TEMPLATE_EDITOR (self));

  gest_field_error_show (GTK_WIDGET (self->name_row), self->fields_error, NULL);
  gest_field_error_show (GTK_WIDGET (self->subject_row), self->fields_error, NULL);
  gest_field_error_show (self->body_frame, self->body_error, NULL);
  if (message != NULL)
    gest_field_error_show (NULL, self->fields_error, message);
}
