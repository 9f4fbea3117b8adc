/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-followup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-date-row.h"
#include "gest-field-error.h"
#include "gest-followup-dialog.h"
#include "gest-form-sensitive.h"
#include "gest-retention-values.h"

struct _GestFollowupDialog
{
  AdwWindow               parent_instance;

  GtkWidget              *save_button;
  AdwComboRow            *kind_row;
  AdwEntryRow            *detail_row;
  GtkWidget              *call_on_row;
  GtkLabel               *error_label;

  GestContext            *context;
  GestStore              *store;        /* the context's */
  GestFollowupFormValues *values;
  gboolean                show_errors;
};

G_DEFINE_FINAL_TYPE (GestFollowupDialog, gest_followup_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char             *customer_uuid;
  char             *vehicle_uuid;
  GestFollowupKind  kind;
  char             *detail;
  char             *call_on;
  char             *uuid;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->customer_uuid);
  g_free (data->vehicle_uuid);
  g_free (data->detail);
  g_free (data->call_on);
  g_free (data->uuid);
  g_free (data);
}

static void
update_widgets (GestFollowupDialog *self)
{
  g_autoptr(GestFollowupFormState) state = gest_followup_form_widget_state_from_values (self->values);
  const char *message = state->refusal;
  GtkWidget *row = NULL;

  /* The first field in error, once the user asked to save. */
  for (guint i = 0; message == NULL && self->show_errors && i < GEST_FOLLOWUP_FORM_N_FIELDS; i++)
    if (state->errors[i] != NULL)
      {
        message = state->errors[i];
        row = i == GEST_FOLLOWUP_FORM_DETAIL ? GTK_WIDGET (self->detail_row)
            : i == GEST_FOLLOWUP_FORM_CALL_ON ? self->call_on_row : NULL;
      }
  gtk_widget_remove_css_class (GTK_WIDGET (self->detail_row), "error");
  gtk_widget_remove_css_class (self->call_on_row, "error");
  gest_field_error_show (row, self->error_label, message);
  gtk_widget_set_sensitive (self->save_button, state->fields_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->kind_row), state->fields_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->detail_row), state->fields_sensitive);
  gest_form_set_sensitive (self->call_on_row, state->fields_sensitive);
}

static void
set_values (GestFollowupDialog     *self,
            GestFollowupFormValues *values)
{
  gest_followup_form_values_free (self->values);
  self->values = values;
  update_widgets (self);
}

static void
kind_changed_cb (GestFollowupDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  set_values (self, gest_followup_form_values_set_kind (self->values, selected == 1 ? GEST_FOLLOWUP_QUOTE
                                                                                   : GEST_FOLLOWUP_PARTS));
}

static void
detail_changed_cb (GestFollowupDialog *self)
{
  set_values (self, gest_followup_form_values_set_detail (self->values,
                                                          gtk_editable_get_text (GTK_EDITABLE (self->detail_row))));
}

static void
call_on_changed_cb (GestFollowupDialog *self)
{
  set_values (self, gest_followup_form_values_set_call_on (self->values,
                                                           gtk_editable_get_text (GTK_EDITABLE (self->call_on_row))));
}

static gboolean
save_write (GestStore  *store,
            gpointer    user_data,
            GError    **error)
{
  SaveData *data = user_data;

  return gest_service_followup_add (store, data->customer_uuid, data->vehicle_uuid, data->kind, data->detail,
                                    data->call_on, &data->uuid, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestFollowupDialog) self = user_data;
  SaveData *data = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestFollowupFormValues) done = gest_followup_form_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      set_values (self, gest_followup_form_values_set_refusal (done, error->message));
      return;
    }
  set_values (self, g_steal_pointer (&done));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, data->uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (GestFollowupDialog *self)
{
  g_autoptr(GestFollowupFormState) state = gest_followup_form_widget_state_from_values (self->values);
  SaveData *data;

  self->show_errors = TRUE;
  if (!state->save_sensitive)
    {
      update_widgets (self);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->customer_uuid = g_strdup (self->values->customer_uuid);
  data->vehicle_uuid = g_strdup (self->values->vehicle_uuid);
  data->kind = self->values->kind;
  data->detail = g_strstrip (g_strdup (self->values->detail));
  data->call_on = g_strdup (state->call_on);
  set_values (self, gest_followup_form_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, save_write, data, (GDestroyNotify) save_data_free, NULL, saved_cb,
                          g_object_ref (self));
}

static void
gest_followup_dialog_dispose (GObject *object)
{
  GestFollowupDialog *self = GEST_FOLLOWUP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->values, gest_followup_form_values_free);

  G_OBJECT_CLASS (gest_followup_dialog_parent_class)->dispose (object);
}

static void
gest_followup_dialog_class_init (GestFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_followup_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_followup_dialog_init (GestFollowupDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char *[]) { _("Parts to arrive"),
                                                                           _("Quote not authorised"), NULL });

  gtk_window_set_title (GTK_WINDOW (self), _("Schedule a Follow-up"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 420);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The customer enters the day’s call list on the agreed day; a follow-up "
                                           "on parts only once they are in."));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Pending"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  self->detail_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->detail_row), _("What is pending"));
  g_signal_connect_swapped (self->detail_row, "changed", G_CALLBACK (detail_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->detail_row));
  self->call_on_row = gest_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_on_row), _("Call on"));
  g_signal_connect_swapped (self->call_on_row, "changed", G_CALLBACK (call_on_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->call_on_row);
  self->error_label = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));

  gtk_widget_set_margin_top (group, 18);
  gtk_widget_set_margin_bottom (group, 18);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
gest_followup_dialog_new (GtkWindow   *parent,
                          GestContext *context,
                          const char  *customer_uuid,
                          const char  *vehicle_uuid)
{
  GestFollowupDialog *self;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_FOLLOWUP_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  gest_date_today (&day);
  today = gest_date_to_iso (&day);
  self->values = gest_followup_form_values_new (today, customer_uuid, vehicle_uuid);
  update_widgets (self);
  return GTK_WIDGET (self);
}
