/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-checklist.h"
#include "gest-field-error.h"

struct _GestAnnulmentChecklist
{
  GtkWidget             parent_instance;

  GestRecordDetail     *detail;        /* borrowed: it holds this checklist */
  AdwPreferencesGroup  *group;
  GtkLabel             *error_label;
  GtkWidget            *rows[GEST_ANNULMENT_N_DOCS];
  GtkWidget            *attach_buttons[GEST_ANNULMENT_N_DOCS];
  GtkWidget            *preview_buttons[GEST_ANNULMENT_N_DOCS];
  char                 *document_uuids[GEST_ANNULMENT_N_DOCS];
  GtkFileChooserNative *chooser;
  GestAnnulmentDoc      choosing;
};

G_DEFINE_FINAL_TYPE (GestAnnulmentChecklist, gest_annulment_checklist, GTK_TYPE_WIDGET)

static void
chooser_response_cb (GtkNativeDialog        *dialog,
                     int                     response,
                     GestAnnulmentChecklist *self)
{
  g_autoptr(GFile) file = NULL;
  GestDocumentKind kind = gest_annulment_doc_kind (self->choosing);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    gest_document_list_attach_files (gest_record_detail_get_document_list (self->detail),
                                     &file, &kind, 1);
}

static void
attach_clicked_cb (GtkButton              *button,
                   GestAnnulmentChecklist *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  GestAnnulmentDoc doc = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "doc"));

  if (self->chooser != NULL)
    return;
  self->choosing = doc;
  title = g_strdup_printf (_("Attach: %s"), gest_annulment_doc_title (doc));
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, gest_annulment_doc_format (doc));
  if (gest_annulment_doc_is_spreadsheet (doc))
    {
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_filter_add_suffix (filter, "xls");
      gtk_file_filter_add_suffix (filter, "ods");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_mime_type (filter, "image/*");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
preview_clicked_cb (GtkButton              *button,
                    GestAnnulmentChecklist *self)
{
  GestAnnulmentDoc doc = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "doc"));
  g_autoptr(GestDocument) document = NULL;

  if (self->document_uuids[doc] == NULL)
    return;
  document = gest_document_store_lookup (gest_record_detail_get_document_store (self->detail),
                                         self->document_uuids[doc], NULL);
  if (document != NULL)
    gest_record_detail_show_document (self->detail, document);
}

static void
clear_rows (GestAnnulmentChecklist *self)
{
  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    {
      if (self->rows[i] != NULL)
        adw_preferences_group_remove (self->group, self->rows[i]);
      self->rows[i] = self->attach_buttons[i] = self->preview_buttons[i] = NULL;
      g_clear_pointer (&self->document_uuids[i], g_free);
    }
}

static void
gest_annulment_checklist_dispose (GObject *object)
{
  GestAnnulmentChecklist *self = GEST_ANNULMENT_CHECKLIST (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    g_clear_pointer (&self->document_uuids[i], g_free);
  g_clear_pointer ((GtkWidget **) &self->group, gtk_widget_unparent);
  G_OBJECT_CLASS (gest_annulment_checklist_parent_class)->dispose (object);
}

static void
gest_annulment_checklist_class_init (GestAnnulmentChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_annulment_checklist_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_annulment_checklist_init (GestAnnulmentChecklist *self)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Documents"));
  adw_preferences_group_set_description (self->group,
                                         _("The request is sent with the first five; the signed acceptance is needed before approval when there are costs, the stamped memo to file."));
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));
  self->error_label = gest_field_error_label_new (self->group);
}

GtkWidget *
gest_annulment_checklist_new (GestRecordDetail *detail)
{
  GestAnnulmentChecklist *self;

  g_return_val_if_fail (GEST_IS_RECORD_DETAIL (detail), NULL);
  self = g_object_new (GEST_TYPE_ANNULMENT_CHECKLIST, NULL);
  self->detail = detail;
  return GTK_WIDGET (self);
}

static GtkWidget *
row_button (GestAnnulmentChecklist *self,
            GestAnnulmentDoc        doc,
            const char             *icon_name,
            const char             *tooltip,
            GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "doc", GUINT_TO_POINTER (doc));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

void
gest_annulment_checklist_set_annulment (GestAnnulmentChecklist *self,
                                        const GestAnnulment    *annulment)
{
  g_autoptr(GString) wrong = g_string_new (NULL);

  g_return_if_fail (GEST_IS_ANNULMENT_CHECKLIST (self));
  g_return_if_fail (annulment != NULL);

  clear_rows (self);
  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    {
      const GestAnnulmentDocStatus *status = &annulment->docs[i];
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *icon;

      if (!status->needed)
        continue;
      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gest_annulment_doc_title (i));
      if (status->document_uuid == NULL)
        {
          subtitle = g_strdup_printf (_("Missing: %s"), gest_annulment_doc_format (i));
          icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
          gtk_widget_set_tooltip_text (icon, _("Missing"));
        }
      else if (!status->right_format)
        {
          subtitle = g_strdup_printf (_("%s, not %s"), status->filename, gest_annulment_doc_format (i));
          icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_set_tooltip_text (icon, _("Wrong format"));
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          g_string_append_printf (wrong, "%s%s", wrong->len > 0 ? _("; ") : "", gest_annulment_doc_title (i));
        }
      else
        {
          subtitle = g_strdup (status->filename);
          icon = gtk_image_new_from_icon_name ("object-select-symbolic");
          gtk_widget_set_tooltip_text (icon, _("Present"));
          gtk_widget_add_css_class (icon, "success");
        }
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_add_prefix (row, icon);
      self->preview_buttons[i] = row_button (self, i, "x-office-document-symbolic", _("Preview"),
                                             G_CALLBACK (preview_clicked_cb));
      gtk_widget_set_sensitive (self->preview_buttons[i], status->document_uuid != NULL);
      self->attach_buttons[i] = row_button (self, i, "mail-attachment-symbolic", _("Attach"),
                                            G_CALLBACK (attach_clicked_cb));
      {
        g_autofree char *refusal = gest_annulment_attach_refusal (annulment, gest_annulment_doc_kind (status->doc));

        /* The same rule as the CLI's attach (Q1); the button says why it is off. */
        gtk_widget_set_sensitive (self->attach_buttons[i], refusal == NULL);
        if (refusal != NULL)
          gtk_widget_set_tooltip_text (self->attach_buttons[i], refusal);
      }
      adw_action_row_add_suffix (row, self->preview_buttons[i]);
      adw_action_row_add_suffix (row, self->attach_buttons[i]);
      self->document_uuids[i] = g_strdup (status->document_uuid);
      self->rows[i] = GTK_WIDGET (row);
      adw_preferences_group_add (self->group, GTK_WIDGET (row));
    }
  if (wrong->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Not in the format the request needs: %s. Attach each again in the format its row says."),
                                                  wrong->str);

      gest_field_error_show (NULL, self->error_label, message);
    }
  else
    gest_field_error_show (NULL, self->error_label, NULL);
}

AdwActionRow *
gest_annulment_checklist_get_row (GestAnnulmentChecklist *self,
                                  GestAnnulmentDoc        doc)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_CHECKLIST (self), NULL);
  return self->rows[doc] != NULL ? ADW_ACTION_ROW (self->rows[doc]) : NULL;
}

GtkWidget *
gest_annulment_checklist_get_attach_button (GestAnnulmentChecklist *self,
                                            GestAnnulmentDoc        doc)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_CHECKLIST (self), NULL);
  return self->attach_buttons[doc];
}

GtkWidget *
gest_annulment_checklist_get_preview_button (GestAnnulmentChecklist *self,
                                             GestAnnulmentDoc        doc)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_CHECKLIST (self), NULL);
  return self->preview_buttons[doc];
}

const char *
gest_annulment_checklist_get_error (GestAnnulmentChecklist *self)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_CHECKLIST (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}
