/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-kind-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-document-kind-dialog.h"

struct _GestDocumentKindDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *files;   /* GFile */
  GPtrArray        *rows;    /* AdwComboRow, owned by the dialog's widget tree */
};

G_DEFINE_FINAL_TYPE (GestDocumentKindDialog, gest_document_kind_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
gest_document_kind_dialog_finalize (GObject *object)
{
  GestDocumentKindDialog *self = (GestDocumentKindDialog *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_document_kind_dialog_parent_class)->finalize (object);
}

static void
gest_document_kind_dialog_class_init (GestDocumentKindDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_document_kind_dialog_finalize;
}

static void
gest_document_kind_dialog_init (GestDocumentKindDialog *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "attach", _("_Attach"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "attach",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "attach");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Choose what each file is. Gestiona keeps its own copy; your file is not changed."));
}

GtkWidget *
gest_document_kind_dialog_new (GtkWindow     *parent,
                               GFile * const *files,
                               guint          n_files)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GestDocumentKindDialog *self;
  GtkWidget *group;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (files != NULL && n_files > 0, NULL);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Attach %u Document", "Attach %u Documents", n_files),
                             n_files);
  self = g_object_new (GEST_TYPE_DOCUMENT_KIND_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "heading", heading,
                       NULL);

  for (guint i = 0; i < GEST_N_DOCUMENT_KINDS; i++)
    gtk_string_list_append (labels, gest_document_kind_label ((GestDocumentKind) i));

  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      GtkWidget *row = adw_combo_row_new ();

      /* File names are not markup: "Pérez & Hijos.pdf" must show as it is. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), gest_document_kind_guess (name));
      gtk_list_box_append (GTK_LIST_BOX (group), row);
      g_ptr_array_add (self->files, g_object_ref (files[i]));
      g_ptr_array_add (self->rows, row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);

  return GTK_WIDGET (self);
}

guint
gest_document_kind_dialog_get_n_files (GestDocumentKindDialog *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_KIND_DIALOG (self), 0);

  return self->files->len;
}

GFile *
gest_document_kind_dialog_get_file (GestDocumentKindDialog *self,
                                    guint                   index)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_KIND_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  return g_ptr_array_index (self->files, index);
}

GestDocumentKind
gest_document_kind_dialog_get_kind (GestDocumentKindDialog *self,
                                    guint                   index)
{
  guint selected;

  g_return_val_if_fail (GEST_IS_DOCUMENT_KIND_DIALOG (self), GEST_DOCUMENT_KIND_OTHER);
  g_return_val_if_fail (index < self->rows->len, GEST_DOCUMENT_KIND_OTHER);

  selected = adw_combo_row_get_selected (g_ptr_array_index (self->rows, index));
  return selected < GEST_N_DOCUMENT_KINDS ? (GestDocumentKind) selected : GEST_DOCUMENT_KIND_OTHER;
}

void
gest_document_kind_dialog_set_kind (GestDocumentKindDialog *self,
                                    guint                   index,
                                    GestDocumentKind        kind)
{
  g_return_if_fail (GEST_IS_DOCUMENT_KIND_DIALOG (self));
  g_return_if_fail (index < self->rows->len);
  g_return_if_fail (kind < GEST_N_DOCUMENT_KINDS);

  adw_combo_row_set_selected (g_ptr_array_index (self->rows, index), kind);
}
