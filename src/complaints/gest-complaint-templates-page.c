/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-templates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-letter.h"
#include "gest-complaint-templates-page.h"
#include "gest-field-error.h"
#include "gest-template-editor.h"

static const char * const kind_ids[] = {
  GEST_COMPLAINT_TEMPLATE_IN_PROCESS, GEST_COMPLAINT_TEMPLATE_ANSWER,
};

/* The page's state, freed with the page. */
typedef struct
{
  AdwPreferencesPage  *page;      /* weak */
  GestContext         *context;
  AdwPreferencesGroup *groups[G_N_ELEMENTS (kind_ids)];
  GtkLabel            *errors[G_N_ELEMENTS (kind_ids)];
  GPtrArray           *rows[G_N_ELEMENTS (kind_ids)];   /* GtkWidget *, borrowed */
} Page;

/* One editor window. */
typedef struct
{
  Page               *page;       /* borrowed: the editor is modal over the page's window */
  GtkWindow          *window;
  GestTemplateEditor *editor;
  GtkWidget          *save_button;
} Editor;

static void reload (Page *self);

static void
page_free (gpointer  data,
           GObject  *where_the_object_was)
{
  Page *self = data;

  g_clear_object (&self->context);
  for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
    g_clear_pointer (&self->rows[k], g_ptr_array_unref);
  g_free (self);
}

static void
editor_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Editor *editor = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = gest_templates_save_finish (GEST_STORE (object), result, &error);

  gtk_widget_set_sensitive (editor->save_button, TRUE);
  if (uuid == NULL)
    gest_template_editor_show_error (editor->editor, error->message);
  else
    {
      reload (editor->page);
      gtk_window_close (editor->window);
    }
  g_object_unref (editor->window);
}

static void
editor_save_cb (Editor *editor)
{
  g_autoptr(GestTemplateRecord) record = NULL;

  if (!gest_template_editor_check (editor->editor))
    return;
  record = gest_template_editor_get_record (editor->editor);
  gtk_widget_set_sensitive (editor->save_button, FALSE);
  g_object_ref (editor->window);   /* released in editor_saved_cb() */
  gest_templates_save_async (gest_context_get_store (editor->page->context), record, NULL, editor_saved_cb, editor);
}

static gboolean
delete_write (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  return gest_templates_delete (store, data, error);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Editor *editor = user_data;
  g_autoptr(GError) error = NULL;

  if (gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      reload (editor->page);
      gtk_window_close (editor->window);
    }
  else
    gest_template_editor_show_error (editor->editor, error->message);
  g_object_unref (editor->window);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Editor           *editor)
{
  g_autoptr(GestTemplateRecord) record = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  record = gest_template_editor_get_record (editor->editor);
  g_object_ref (editor->window);   /* released in deleted_cb() */
  gest_store_write_async (gest_context_get_store (editor->page->context), delete_write,
                          g_steal_pointer (&record->uuid), g_free, NULL, deleted_cb, editor);
}

static void
editor_delete_cb (Editor *editor)
{
  GtkWidget *dialog = adw_message_dialog_new (editor->window, _("Delete the template?"),
                                              _("Letters already sent keep their text; the template is no "
                                                "longer offered."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), editor);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_editor (Page                     *self,
             const char               *kind_id,
             const GestTemplateRecord *record)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const GestTemplateKind *kind = gest_template_kind_find (kind_id);

  editor->page = self;
  editor->window = GTK_WINDOW (window);
  g_object_weak_ref (G_OBJECT (window), (GWeakNotify) g_free, editor);
  gtk_window_set_title (editor->window, record->uuid != NULL ? _("Edit Template") : _("New Template"));
  gtk_window_set_modal (editor->window, TRUE);
  gtk_window_set_transient_for (editor->window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->page))));
  gtk_window_set_default_size (editor->window, 600, 700);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  editor->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (editor->save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), editor->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  g_signal_connect_swapped (editor->save_button, "clicked", G_CALLBACK (editor_save_cb), editor);

  editor->editor = GEST_TEMPLATE_EDITOR (gest_template_editor_new (kind));
  gest_template_editor_set_record (editor->editor, record);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->editor));
  if (record->uuid != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Template"));

      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_set_halign (delete, GTK_ALIGN_START);
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (editor_delete_cb), editor);
      gtk_box_append (GTK_BOX (box), delete);
    }
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (editor->window);
}

static void
row_activated_cb (AdwActionRow *row,
                  Page         *self)
{
  const GestTemplateRecord *record = g_object_get_data (G_OBJECT (row), "template");

  open_editor (self, record->kind, record);
}

static void
new_clicked_cb (GtkButton *button,
                Page      *self)
{
  const char *kind_id = g_object_get_data (G_OBJECT (button), "kind");
  g_autoptr(GestTemplateRecord) record = gest_complaint_letter_default (kind_id);

  g_clear_pointer (&record->name, g_free);
  record->name = g_strdup ("");
  open_editor (self, kind_id, record);
}

static void
reload (Page *self)
{
  GestStore *store = gest_context_get_store (self->context);

  for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stored = gest_templates_list (store, kind_ids[k], &error);

      for (guint i = 0; i < self->rows[k]->len; i++)
        adw_preferences_group_remove (self->groups[k], g_ptr_array_index (self->rows[k], i));
      g_ptr_array_set_size (self->rows[k], 0);
      gest_field_error_show (NULL, self->errors[k], error != NULL ? error->message : NULL);
      if (stored == NULL)
        continue;
      if (stored->len == 0)
        g_ptr_array_add (stored, gest_complaint_letter_default (kind_ids[k]));
      for (guint i = 0; i < stored->len; i++)
        {
          GestTemplateRecord *record = g_ptr_array_steal_index (stored, i--);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->name);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       record->uuid != NULL ? record->subject
                                                            : _("Default text, saved when first used or edited"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "template", record, (GDestroyNotify) gest_template_record_free);
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
          adw_preferences_group_add (self->groups[k], row);
          g_ptr_array_add (self->rows[k], row);
        }
    }
}

AdwPreferencesPage *
gest_complaint_templates_page_new (GestContext *context)
{
  Page *self = g_new0 (Page, 1);

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  gest_complaint_letter_register_kinds ();
  self->context = g_object_ref (context);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Letters"));
  adw_preferences_page_set_icon_name (self->page, "mail-send-symbolic");
  g_object_weak_ref (G_OBJECT (self->page), page_free, self);
  for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
    {
      const GestTemplateKind *kind = gest_template_kind_find (kind_ids[k]);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

      self->groups[k] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[k], _(kind->label));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("New Template"));
      g_object_set_data (G_OBJECT (button), "kind", (gpointer) kind_ids[k]);
      g_signal_connect (button, "clicked", G_CALLBACK (new_clicked_cb), self);
      adw_preferences_group_set_header_suffix (self->groups[k], button);
      adw_preferences_page_add (self->page, self->groups[k]);
      self->errors[k] = gest_field_error_label_new (self->groups[k]);
      self->rows[k] = g_ptr_array_new ();
    }
  adw_preferences_group_set_description (self->groups[0],
                                         _("Texts sent to the customer. Placeholders such as {{customer.name}} "
                                           "are replaced by the case’s values."));
  reload (self);
  return self->page;
}
