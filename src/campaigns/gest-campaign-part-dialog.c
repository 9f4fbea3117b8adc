/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-part-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-part-dialog.h"
#include "gest-field-error.h"

struct _GestCampaignPartDialog
{
  AdwWindow                   parent_instance;

  /* Template children. */
  GtkWidget                  *save_button;
  GtkWidget                  *add_group;
  AdwEntryRow                *number_row;
  AdwEntryRow                *part_description_row;
  AdwEntryRow                *per_vehicle_row;
  AdwEntryRow                *requested_row;
  GtkWidget                  *status_group;
  AdwComboRow                *status_row;
  AdwEntryRow                *received_row;
  AdwEntryRow                *expected_row;
  GtkLabel                   *number_error_label;
  GtkLabel                   *per_vehicle_error_label;
  GtkLabel                   *requested_error_label;
  GtkLabel                   *received_error_label;
  GtkLabel                   *expected_error_label;
  GtkLabel                   *refusal_label;

  GestContext                *context;
  GestStore                  *store;   /* the context's */
  char                       *campaign_uuid;
  char                       *part_uuid;
  GestCampaignPartFormValues *values;
  GestCampaignPartFormState  *state;
  gboolean                    filling;
};

G_DEFINE_FINAL_TYPE (GestCampaignPartDialog, gest_campaign_part_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                   *campaign_uuid;
  char                   *part_uuid;    /* NULL: a new part */
  char                   *part_number;
  char                   *description;
  guint                   qty_per_vehicle;
  guint                   qty_requested;
  GestCampaignPartStatus  status;
  guint                   qty_received;
  char                   *expected_on;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->campaign_uuid);
  g_free (save->part_uuid);
  g_free (save->part_number);
  g_free (save->description);
  g_free (save->expected_on);
  g_free (save);
}

static void
update_widgets (GestCampaignPartDialog          *self,
                const GestCampaignPartFormState *state)
{
  gest_field_error_show (GTK_WIDGET (self->number_row), self->number_error_label,
                         state->errors[GEST_CAMPAIGN_PART_FORM_NUMBER]);
  gest_field_error_show (GTK_WIDGET (self->per_vehicle_row), self->per_vehicle_error_label,
                         state->errors[GEST_CAMPAIGN_PART_FORM_PER_VEHICLE]);
  gest_field_error_show (GTK_WIDGET (self->requested_row), self->requested_error_label,
                         state->errors[GEST_CAMPAIGN_PART_FORM_REQUESTED]);
  gest_field_error_show (GTK_WIDGET (self->received_row), self->received_error_label,
                         state->errors[GEST_CAMPAIGN_PART_FORM_RECEIVED]);
  gest_field_error_show (GTK_WIDGET (self->expected_row), self->expected_error_label,
                         state->errors[GEST_CAMPAIGN_PART_FORM_EXPECTED]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  gtk_widget_set_visible (self->add_group, state->add_rows_visible);
  gtk_widget_set_visible (self->status_group, state->status_rows_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->received_row), state->received_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->expected_row), state->expected_visible);
  gtk_widget_set_sensitive (self->add_group, state->fields_sensitive);
  gtk_widget_set_sensitive (self->status_group, state->fields_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->save_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "part.save", state->save_sensitive);
}

static void
update_from_values (GestCampaignPartDialog     *self,
                    GestCampaignPartFormValues *values)
{
  gest_campaign_part_form_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_campaign_part_form_state_free);
  self->state = gest_campaign_part_form_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

static void
part_changed_cb (GestCampaignPartDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_part_form_values_set_part (self->values,
                                                               gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
                                                               gtk_editable_get_text (GTK_EDITABLE (self->part_description_row))));
}

static void
quantities_changed_cb (GestCampaignPartDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_part_form_values_set_quantities (self->values,
                                                                     gtk_editable_get_text (GTK_EDITABLE (self->per_vehicle_row)),
                                                                     gtk_editable_get_text (GTK_EDITABLE (self->requested_row))));
}

static void
status_changed_cb (GestCampaignPartDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->filling || self->values == NULL || selected >= GEST_N_CAMPAIGN_PART_STATUSES)
    return;
  update_from_values (self, gest_campaign_part_form_values_set_status (self->values, selected));
}

static void
received_changed_cb (GestCampaignPartDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_part_form_values_set_received (self->values,
                                                                   gtk_editable_get_text (GTK_EDITABLE (self->received_row))));
}

static void
expected_changed_cb (GestCampaignPartDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_part_form_values_set_expected (self->values,
                                                                   gtk_editable_get_text (GTK_EDITABLE (self->expected_row))));
}

static gboolean
save_func (GestStore  *store,
           gpointer    data,
           GError    **error)
{
  SaveData *save = data;

  if (save->part_uuid == NULL)
    return gest_campaign_part_add (store, save->campaign_uuid, save->part_number, save->description,
                                   save->qty_per_vehicle, save->qty_requested, NULL, error);
  return gest_campaign_part_set_status (store, save->part_uuid, save->status, save->qty_received,
                                        save->expected_on, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestCampaignPartDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestCampaignPartFormValues) done = gest_campaign_part_form_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      update_from_values (self, gest_campaign_part_form_values_set_refusal (done, error->message));
      return;
    }
  update_from_values (self, g_steal_pointer (&done));
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_campaign_part_dialog_save (GEST_CAMPAIGN_PART_DIALOG (widget));
}

static void
gest_campaign_part_dialog_dispose (GObject *object)
{
  GestCampaignPartDialog *self = GEST_CAMPAIGN_PART_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_CAMPAIGN_PART_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_part_dialog_parent_class)->dispose (object);
}

static void
gest_campaign_part_dialog_finalize (GObject *object)
{
  GestCampaignPartDialog *self = GEST_CAMPAIGN_PART_DIALOG (object);

  g_free (self->campaign_uuid);
  g_free (self->part_uuid);
  g_clear_pointer (&self->values, gest_campaign_part_form_values_free);
  g_clear_pointer (&self->state, gest_campaign_part_form_state_free);

  G_OBJECT_CLASS (gest_campaign_part_dialog_parent_class)->finalize (object);
}

static void
gest_campaign_part_dialog_class_init (GestCampaignPartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_part_dialog_dispose;
  object_class->finalize = gest_campaign_part_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/campaigns/gest-campaign-part-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, part_description_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, per_vehicle_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, requested_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, expected_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, number_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, per_vehicle_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, requested_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, received_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, expected_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignPartDialog, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, part_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantities_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, received_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, expected_changed_cb);

  gtk_widget_class_install_action (widget_class, "part.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "part.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_campaign_part_dialog_init (GestCampaignPartDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < GEST_N_CAMPAIGN_PART_STATUSES; i++)
    gtk_string_list_append (statuses, gest_campaign_part_status_label (i));
  self->filling = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->filling = FALSE;
}

GestCampaignPartDialog *
gest_campaign_part_dialog_new (GtkWindow              *parent,
                               GestContext            *context,
                               const char             *campaign_uuid,
                               const GestCampaignPart *part)
{
  GestCampaignPartDialog *self;
  GestCampaignPartFormValues *values;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_PART_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->campaign_uuid = g_strdup (campaign_uuid);
  if (part != NULL)
    {
      /* Translators: the part dialog's title, with the part number. */
      g_autofree char *title = g_strdup_printf (_("Part %s"), part->part_number);

      self->part_uuid = g_strdup (part->uuid);
      values = gest_campaign_part_form_values_new_status (part);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      values = gest_campaign_part_form_values_new_add ();
      gtk_window_set_title (GTK_WINDOW (self), _("New Part"));
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), values->part_number);
  gtk_editable_set_text (GTK_EDITABLE (self->part_description_row), values->description);
  gtk_editable_set_text (GTK_EDITABLE (self->per_vehicle_row), values->per_vehicle_text);
  gtk_editable_set_text (GTK_EDITABLE (self->requested_row), values->requested_text);
  adw_combo_row_set_selected (self->status_row, values->status);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), values->received_text);
  gtk_editable_set_text (GTK_EDITABLE (self->expected_row), values->expected_text);
  self->filling = FALSE;
  update_from_values (self, values);
  return self;
}

void
gest_campaign_part_dialog_fill_add (GestCampaignPartDialog *self,
                                    const char             *part_number,
                                    const char             *description,
                                    const char             *per_vehicle_text,
                                    const char             *requested_text)
{
  g_return_if_fail (GEST_IS_CAMPAIGN_PART_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), part_number);
  gtk_editable_set_text (GTK_EDITABLE (self->part_description_row), description);
  gtk_editable_set_text (GTK_EDITABLE (self->per_vehicle_row), per_vehicle_text);
  gtk_editable_set_text (GTK_EDITABLE (self->requested_row), requested_text);
}

void
gest_campaign_part_dialog_fill_status (GestCampaignPartDialog *self,
                                       GestCampaignPartStatus  status,
                                       const char             *received_text,
                                       const char             *expected_text)
{
  g_return_if_fail (GEST_IS_CAMPAIGN_PART_DIALOG (self));

  adw_combo_row_set_selected (self->status_row, status);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), received_text);
  gtk_editable_set_text (GTK_EDITABLE (self->expected_row), expected_text);
}

gboolean
gest_campaign_part_dialog_save (GestCampaignPartDialog *self)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_PART_DIALOG (self), FALSE);

  if (self->values->saving)
    return FALSE;
  update_from_values (self, gest_campaign_part_form_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  save = g_new0 (SaveData, 1);
  save->campaign_uuid = g_strdup (self->campaign_uuid);
  save->part_uuid = g_strdup (self->part_uuid);
  save->part_number = g_strdup (self->state->part_number);
  save->description = g_strstrip (g_strdup (self->values->description));
  save->qty_per_vehicle = self->state->qty_per_vehicle;
  save->qty_requested = self->state->qty_requested;
  save->status = self->values->status;
  save->qty_received = self->state->qty_received;
  save->expected_on = g_strdup (self->state->expected_on);
  update_from_values (self, gest_campaign_part_form_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, save_func, save, save_data_free, NULL, saved_cb, g_object_ref (self));
  return TRUE;
}

const char *
gest_campaign_part_dialog_get_error (GestCampaignPartDialog *self,
                                     int                     field)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_PART_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_CAMPAIGN_PART_FORM_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}
