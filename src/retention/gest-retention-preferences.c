/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact-letter.h"
#include "gest-date.h"
#include "gest-date-row.h"
#include "gest-field-error.h"
#include "gest-retention-preferences.h"
#include "gest-retention-values.h"
#include "gest-template-editor.h"

static const char * const kind_ids[] = {
  "retention.script", "retention.letter", "retention.email",
};

/* A window with Cancel and Save in its header and @content scrolled in a clamp; Escape
 * closes it. */
static GtkWindow *
editor_window_new (GtkWidget   *over,
                   const char  *title,
                   GtkWidget   *content,
                   GtkWidget  **out_save)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (over)));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 640);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  *out_save = save;
  return GTK_WINDOW (window);
}

/* --- Scripts, letter and email ------------------------------------------------------------ */

typedef struct
{
  AdwPreferencesPage  *page;      /* weak */
  GestContext         *context;
  AdwPreferencesGroup *groups[G_N_ELEMENTS (kind_ids)];
  GtkLabel            *errors[G_N_ELEMENTS (kind_ids)];
  GPtrArray           *rows[G_N_ELEMENTS (kind_ids)];   /* borrowed */
} TemplatesPage;

typedef struct
{
  TemplatesPage      *page;       /* borrowed: the editor is modal over the page's window */
  GtkWindow          *window;
  GestTemplateEditor *editor;
  GtkWidget          *save_button;
} TemplateEditor;

static void templates_reload (TemplatesPage *self);

static void
templates_page_free (gpointer  data,
                     GObject  *where_the_object_was)
{
  TemplatesPage *self = data;

  g_clear_object (&self->context);
  for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
    g_clear_pointer (&self->rows[k], g_ptr_array_unref);
  g_free (self);
}

static void
template_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TemplateEditor *editor = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = gest_templates_save_finish (GEST_STORE (object), result, &error);

  gtk_widget_set_sensitive (editor->save_button, TRUE);
  if (uuid == NULL)
    gest_template_editor_show_error (editor->editor, error->message);
  else
    {
      templates_reload (editor->page);
      gtk_window_close (editor->window);
    }
  g_object_unref (editor->window);
}

static void
template_save_cb (TemplateEditor *editor)
{
  g_autoptr(GestTemplateRecord) record = NULL;

  if (!gest_template_editor_check (editor->editor))
    return;
  record = gest_template_editor_get_record (editor->editor);
  gtk_widget_set_sensitive (editor->save_button, FALSE);
  g_object_ref (editor->window);   /* released in template_saved_cb() */
  gest_templates_save_async (gest_context_get_store (editor->page->context), record, NULL, template_saved_cb, editor);
}

static void
open_template_editor (TemplatesPage            *self,
                      const GestTemplateRecord *record)
{
  TemplateEditor *editor = g_new0 (TemplateEditor, 1);
  const GestTemplateKind *kind = gest_template_kind_find (record->kind);

  editor->page = self;
  editor->editor = GEST_TEMPLATE_EDITOR (gest_template_editor_new (kind));
  gest_template_editor_set_record (editor->editor, record);
  editor->window = editor_window_new (GTK_WIDGET (self->page),
                                      record->uuid != NULL ? _("Edit Text") : _("New Text"),
                                      GTK_WIDGET (editor->editor), &editor->save_button);
  g_object_weak_ref (G_OBJECT (editor->window), (GWeakNotify) g_free, editor);
  g_signal_connect_swapped (editor->save_button, "clicked", G_CALLBACK (template_save_cb), editor);
  gtk_window_present (editor->window);
}

static void
template_activated_cb (AdwActionRow  *row,
                       TemplatesPage *self)
{
  open_template_editor (self, g_object_get_data (G_OBJECT (row), "template"));
}

static void
template_new_cb (GtkButton     *button,
                 TemplatesPage *self)
{
  GestTemplateRecord record = { .kind = g_object_get_data (G_OBJECT (button), "kind"), .name = (char *) "", .subject = (char *) "",
                                .body = (char *) "" };

  open_template_editor (self, &record);
}

static void
templates_reload (TemplatesPage *self)
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
      for (guint i = 0; stored != NULL && i < stored->len; i++)
        {
          GestTemplateRecord *record = g_ptr_array_steal_index (stored, i--);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->name);
          if (record->subject != NULL && record->subject[0] != '\0')
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), record->subject);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "template", record, (GDestroyNotify) gest_template_record_free);
          g_signal_connect (row, "activated", G_CALLBACK (template_activated_cb), self);
          adw_preferences_group_add (self->groups[k], row);
          g_ptr_array_add (self->rows[k], row);
        }
    }
}

AdwPreferencesPage *
gest_retention_templates_page_new (GestContext *context)
{
  TemplatesPage *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  gest_contact_templates_init ();
  self = g_new0 (TemplatesPage, 1);
  self->context = g_object_ref (context);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Scripts and Letters"));
  adw_preferences_page_set_icon_name (self->page, "call-start-symbolic");
  g_object_weak_ref (G_OBJECT (self->page), templates_page_free, self);
  for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
    {
      const GestTemplateKind *kind = gest_template_kind_find (kind_ids[k]);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

      self->groups[k] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[k], kind != NULL ? _(kind->label) : kind_ids[k]);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("New Text"));
      gtk_widget_set_sensitive (button, kind != NULL);
      g_object_set_data (G_OBJECT (button), "kind", (gpointer) kind_ids[k]);
      g_signal_connect (button, "clicked", G_CALLBACK (template_new_cb), self);
      adw_preferences_group_set_header_suffix (self->groups[k], button);
      adw_preferences_page_add (self->page, self->groups[k]);
      self->errors[k] = gest_field_error_label_new (self->groups[k]);
      self->rows[k] = g_ptr_array_new ();
    }
  adw_preferences_group_set_description (self->groups[0],
                                         _("What the coordinator says on each call and what the customer receives "
                                           "after five failed attempts. Placeholders such as {{customer.name}} or "
                                           "{{campaigns.open}} are replaced on each call; the open field actions "
                                           "are always told."));
  templates_reload (self);
  return self->page;
}

/* --- Promotions --------------------------------------------------------------------------- */

typedef struct
{
  AdwPreferencesPage  *page;      /* weak */
  GestContext         *context;
  AdwPreferencesGroup *group;
  GtkLabel            *error;
  GPtrArray           *rows;      /* borrowed */
} PromotionsPage;

typedef struct
{
  PromotionsPage          *page;  /* borrowed: the editor is modal over the page's window */
  GtkWindow               *window;
  GtkWidget               *save_button;
  GtkWidget               *rows[GEST_PROMOTION_FORM_N_FIELDS];
  GtkWidget               *body_row;
  GtkLabel                *error;
  char                    *uuid;
  GestPromotionFormValues *values;
  gboolean                 show_errors;
} PromotionEditor;

static void promotions_reload (PromotionsPage *self);

static void
promotions_page_free (gpointer  data,
                      GObject  *where_the_object_was)
{
  PromotionsPage *self = data;

  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

static void
promotion_editor_free (PromotionEditor *editor)
{
  g_free (editor->uuid);
  gest_promotion_form_values_free (editor->values);
  g_free (editor);
}

static void
promotion_update (PromotionEditor *editor)
{
  g_autoptr(GestPromotionFormState) state = gest_promotion_form_widget_state_from_values (editor->values);
  const char *message = state->refusal;
  GtkWidget *row = NULL;

  for (guint i = 0; i < GEST_PROMOTION_FORM_N_FIELDS; i++)
    {
      gtk_widget_remove_css_class (editor->rows[i], "error");
      if (message == NULL && state->errors[i] != NULL &&
          (editor->show_errors || gtk_editable_get_text (GTK_EDITABLE (editor->rows[i]))[0] != '\0'))
        {
          message = state->errors[i];
          row = editor->rows[i];
        }
    }
  gest_field_error_show (row, editor->error, message);
  gtk_widget_set_sensitive (editor->save_button, state->fields_sensitive);
}

static void
promotion_set_values (PromotionEditor         *editor,
                      GestPromotionFormValues *values)
{
  gest_promotion_form_values_free (editor->values);
  editor->values = values;
  promotion_update (editor);
}

static void
promotion_changed_cb (GtkEditable     *editable,
                      PromotionEditor *editor)
{
  const char *text = gtk_editable_get_text (editable);

  if (GTK_WIDGET (editable) == editor->body_row)
    {
      promotion_set_values (editor, gest_promotion_form_values_set_body (editor->values, text));
      return;
    }
  for (guint i = 0; i < GEST_PROMOTION_FORM_N_FIELDS; i++)
    if (GTK_WIDGET (editable) == editor->rows[i])
      promotion_set_values (editor, gest_promotion_form_values_set_text (editor->values, i, text));
}

static gboolean
promotion_write (GestStore  *store,
                 gpointer    data,
                 GError    **error)
{
  return gest_promotion_save (store, data, NULL, error);
}

static void
promotion_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PromotionEditor *editor = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestPromotionFormValues) done = gest_promotion_form_values_set_saving (editor->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    promotion_set_values (editor, gest_promotion_form_values_set_refusal (done, error->message));
  else
    {
      promotion_set_values (editor, g_steal_pointer (&done));
      promotions_reload (editor->page);
      gtk_window_close (editor->window);
    }
  g_object_unref (editor->window);
}

static void
promotion_save_cb (PromotionEditor *editor)
{
  g_autoptr(GestPromotionFormState) state = gest_promotion_form_widget_state_from_values (editor->values);
  GestPromotion *promotion;

  editor->show_errors = TRUE;
  if (!state->save_sensitive)
    {
      promotion_update (editor);
      return;
    }
  promotion = g_new0 (GestPromotion, 1);
  promotion->uuid = g_strdup (editor->uuid);
  promotion->title = g_strstrip (g_strdup (editor->values->title));
  promotion->body = g_strdup (editor->values->body != NULL ? editor->values->body : "");
  promotion->valid_from = g_strdup (state->valid_from);
  promotion->valid_to = g_strdup (state->valid_to);
  promotion_set_values (editor, gest_promotion_form_values_set_saving (editor->values, TRUE));
  g_object_ref (editor->window);   /* released in promotion_saved_cb() */
  gest_store_write_async (gest_context_get_store (editor->page->context), promotion_write, promotion,
                          (GDestroyNotify) gest_promotion_free, NULL, promotion_saved_cb, editor);
}

static GtkWidget *
promotion_row (PromotionEditor     *editor,
               AdwPreferencesGroup *group,
               GtkWidget           *row,
               const char          *title,
               const char          *text)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "changed", G_CALLBACK (promotion_changed_cb), editor);
  adw_preferences_group_add (group, row);
  return row;
}

static void
open_promotion_editor (PromotionsPage      *self,
                       const GestPromotion *promotion)
{
  PromotionEditor *editor = g_new0 (PromotionEditor, 1);
  GtkWidget *group = adw_preferences_group_new ();

  editor->page = self;
  editor->uuid = g_strdup (promotion != NULL ? promotion->uuid : NULL);
  editor->values = promotion != NULL ? gest_promotion_form_values_new (promotion->title, promotion->body,
                                                                       promotion->valid_from, promotion->valid_to)
                                     : gest_promotion_form_values_new (NULL, NULL, NULL, NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Calls and letters tell the promotions valid on their day, never to "
                                           "customers whose data came only with a recall list."));
  editor->rows[GEST_PROMOTION_FORM_TITLE] = promotion_row (editor, ADW_PREFERENCES_GROUP (group), adw_entry_row_new (),
                                                           _("Title"), editor->values->title);
  editor->body_row = promotion_row (editor, ADW_PREFERENCES_GROUP (group), adw_entry_row_new (), _("Text"),
                                    editor->values->body);
  editor->rows[GEST_PROMOTION_FORM_FROM] = promotion_row (editor, ADW_PREFERENCES_GROUP (group), gest_date_row_new (),
                                                          _("Valid from"), editor->values->from_text);
  editor->rows[GEST_PROMOTION_FORM_TO] = promotion_row (editor, ADW_PREFERENCES_GROUP (group), gest_date_row_new (),
                                                        _("Valid to"), editor->values->to_text);
  editor->error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));
  editor->window = editor_window_new (GTK_WIDGET (self->page), promotion != NULL ? _("Edit Promotion")
                                                                                 : _("New Promotion"),
                                      group, &editor->save_button);
  g_object_weak_ref (G_OBJECT (editor->window), (GWeakNotify) promotion_editor_free, editor);
  g_signal_connect_swapped (editor->save_button, "clicked", G_CALLBACK (promotion_save_cb), editor);
  promotion_update (editor);
  gtk_window_present (editor->window);
}

static void
promotion_activated_cb (AdwActionRow   *row,
                        PromotionsPage *self)
{
  open_promotion_editor (self, g_object_get_data (G_OBJECT (row), "promotion"));
}

static void
promotion_new_cb (PromotionsPage *self)
{
  open_promotion_editor (self, NULL);
}

static void
promotions_reload (PromotionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) promotions = gest_promotions_list (gest_context_get_store (self->context), NULL, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gest_field_error_show (NULL, self->error, error != NULL ? error->message : NULL);
  for (guint i = 0; promotions != NULL && i < promotions->len; i++)
    {
      GestPromotion *promotion = g_ptr_array_steal_index (promotions, i--);
      GtkWidget *row = adw_action_row_new ();
      GDate from, to;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;
      g_autofree char *subtitle = NULL;

      if (gest_date_from_iso (promotion->valid_from, &from))
        from_text = gest_date_format (&from);
      if (gest_date_from_iso (promotion->valid_to, &to))
        to_text = gest_date_format (&to);
      /* Translators: a promotion's days: "01/12/2026 to 31/12/2026". */
      subtitle = g_strdup_printf (_("%s to %s"), from_text != NULL ? from_text : "", to_text != NULL ? to_text : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), promotion->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "promotion", promotion, (GDestroyNotify) gest_promotion_free);
      g_signal_connect (row, "activated", G_CALLBACK (promotion_activated_cb), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

AdwPreferencesPage *
gest_retention_promotions_page_new (GestContext *context)
{
  PromotionsPage *self;
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_new0 (PromotionsPage, 1);
  self->context = g_object_ref (context);
  self->rows = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Promotions"));
  adw_preferences_page_set_icon_name (self->page, "starred-symbolic");
  g_object_weak_ref (G_OBJECT (self->page), promotions_page_free, self);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Current Promotions"));
  adw_preferences_group_set_description (self->group,
                                         _("Told on calls and in letters while they are valid. Add one with +."));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("New Promotion"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (promotion_new_cb), self);
  adw_preferences_group_set_header_suffix (self->group, button);
  adw_preferences_page_add (self->page, self->group);
  self->error = gest_field_error_label_new (self->group);
  promotions_reload (self);
  return self->page;
}
