/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-dialog.h"
#include "gest-field-error.h"

struct _GestCampaignDialog
{
  AdwWindow               parent_instance;

  /* Template children. */
  GtkWidget              *save_button;
  AdwEntryRow            *code_row;
  AdwComboRow            *kind_row;
  AdwEntryRow            *description_row;
  GtkWidget              *dates_group;
  AdwEntryRow            *starts_row;
  AdwEntryRow            *ends_row;
  AdwEntryRow            *labour_row;
  AdwEntryRow            *parts_notes_row;
  GtkSwitch              *needs_parts_switch;
  GtkLabel               *code_error_label;
  GtkLabel               *description_error_label;
  GtkLabel               *starts_error_label;
  GtkLabel               *ends_error_label;
  GtkLabel               *refusal_label;

  GestContext            *context;
  GestStore              *store;       /* the context's */
  char                   *campaign_uuid;
  GestCampaignFormValues *values;
  GestCampaignFormState  *state;
  gboolean                filling;
};

G_DEFINE_FINAL_TYPE (GestCampaignDialog, gest_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char             *uuid;      /* NULL: create; then the new campaign's */
  char             *code;
  GestCampaignKind  kind;
  char             *description;
  char             *labour_notes;
  char             *parts_notes;
  char             *starts_on;
  char             *ends_on;
  gboolean          needs_parts;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->uuid);
  g_free (save->code);
  g_free (save->description);
  g_free (save->labour_notes);
  g_free (save->parts_notes);
  g_free (save->starts_on);
  g_free (save->ends_on);
  g_free (save);
}

static void
update_widgets (GestCampaignDialog          *self,
                const GestCampaignFormState *state)
{
  gest_field_error_show (GTK_WIDGET (self->code_row), self->code_error_label,
                         state->errors[GEST_CAMPAIGN_FORM_CODE]);
  gest_field_error_show (GTK_WIDGET (self->description_row), self->description_error_label,
                         state->errors[GEST_CAMPAIGN_FORM_DESCRIPTION]);
  gest_field_error_show (GTK_WIDGET (self->starts_row), self->starts_error_label,
                         state->errors[GEST_CAMPAIGN_FORM_STARTS]);
  gest_field_error_show (GTK_WIDGET (self->ends_row), self->ends_error_label,
                         state->errors[GEST_CAMPAIGN_FORM_ENDS]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  gtk_widget_set_visible (self->dates_group, state->dates_visible);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), state->code_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), state->fields_sensitive);
  gtk_widget_set_sensitive (self->dates_group, state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labour_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->parts_notes_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->needs_parts_switch), state->fields_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->save_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.save", state->save_sensitive);
}

static void
update_from_values (GestCampaignDialog     *self,
                    GestCampaignFormValues *values)
{
  gest_campaign_form_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_campaign_form_state_free);
  self->state = gest_campaign_form_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

static void
code_changed_cb (GestCampaignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self, gest_campaign_form_values_set_code (self->values,
                                                                gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
}

static void
kind_changed_cb (GestCampaignDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->filling || self->values == NULL || selected >= GEST_N_CAMPAIGN_KINDS)
    return;
  update_from_values (self, gest_campaign_form_values_set_kind (self->values, selected));
}

static void
description_changed_cb (GestCampaignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_form_values_set_description (self->values,
                                                                 gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
}

static void
dates_changed_cb (GestCampaignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_form_values_set_dates (self->values,
                                                           gtk_editable_get_text (GTK_EDITABLE (self->starts_row)),
                                                           gtk_editable_get_text (GTK_EDITABLE (self->ends_row))));
}

static void
notes_changed_cb (GestCampaignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_campaign_form_values_set_notes (self->values,
                                                           gtk_editable_get_text (GTK_EDITABLE (self->labour_row)),
                                                           gtk_editable_get_text (GTK_EDITABLE (self->parts_notes_row))));
}

static void
needs_parts_changed_cb (GestCampaignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self, gest_campaign_form_values_set_needs_parts (self->values,
                                                                       gtk_switch_get_active (self->needs_parts_switch)));
}

static gboolean
save_func (GestStore  *store,
           gpointer    data,
           GError    **error)
{
  SaveData *save = data;
  GestCampaignFields fields = {
    .code = save->code,
    .kind = save->kind,
    .description = save->description,
    .labour_notes = save->labour_notes,
    .parts_notes = save->parts_notes,
    .starts_on = save->starts_on,
    .ends_on = save->ends_on,
    .needs_parts = save->needs_parts,
  };

  if (save->uuid != NULL)
    return gest_campaign_update (store, save->uuid, &fields, error);
  return gest_campaign_create (store, &fields, &save->uuid, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestCampaignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestCampaignFormValues) done = gest_campaign_form_values_set_saving (self->values, FALSE);
  SaveData *save = gest_store_write_get_data (result);
  g_autofree char *uuid = g_strdup (save->uuid);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      update_from_values (self, gest_campaign_form_values_set_refusal (done, error->message));
      return;
    }
  update_from_values (self, g_steal_pointer (&done));
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_campaign_dialog_save (GEST_CAMPAIGN_DIALOG (widget));
}

static void
gest_campaign_dialog_dispose (GObject *object)
{
  GestCampaignDialog *self = GEST_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_dialog_parent_class)->dispose (object);
}

static void
gest_campaign_dialog_finalize (GObject *object)
{
  GestCampaignDialog *self = GEST_CAMPAIGN_DIALOG (object);

  g_free (self->campaign_uuid);
  g_clear_pointer (&self->values, gest_campaign_form_values_free);
  g_clear_pointer (&self->state, gest_campaign_form_state_free);

  G_OBJECT_CLASS (gest_campaign_dialog_parent_class)->finalize (object);
}

static void
gest_campaign_dialog_class_init (GestCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_dialog_dispose;
  object_class->finalize = gest_campaign_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/campaigns/gest-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, labour_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, parts_notes_row);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, needs_parts_switch);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, code_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, description_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, starts_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, ends_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestCampaignDialog, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, needs_parts_changed_cb);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "campaign.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_campaign_dialog_init (GestCampaignDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < GEST_N_CAMPAIGN_KINDS; i++)
    gtk_string_list_append (kinds, gest_campaign_kind_label (i));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->filling = FALSE;
}

/* Puts @values in the rows without reading them back. */
static void
fill_rows (GestCampaignDialog           *self,
           const GestCampaignFormValues *values)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), values->code);
  adw_combo_row_set_selected (self->kind_row, values->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), values->description);
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row), values->starts_text);
  gtk_editable_set_text (GTK_EDITABLE (self->ends_row), values->ends_text);
  gtk_editable_set_text (GTK_EDITABLE (self->labour_row), values->labour_notes);
  gtk_editable_set_text (GTK_EDITABLE (self->parts_notes_row), values->parts_notes);
  gtk_switch_set_active (self->needs_parts_switch, values->needs_parts);
  self->filling = FALSE;
}

GestCampaignDialog *
gest_campaign_dialog_new (GtkWindow   *parent,
                          GestContext *context,
                          const char  *campaign_uuid)
{
  GestCampaignDialog *self;
  GestCampaignFormValues *values = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  if (campaign_uuid != NULL)
    {
      g_autoptr(GestCampaign) campaign = gest_campaign_load (self->store, campaign_uuid, NULL);

      self->campaign_uuid = g_strdup (campaign_uuid);
      if (campaign != NULL)
        {
          g_autofree char *title = g_strdup_printf (_("Edit Campaign %s"), campaign->code);

          values = gest_campaign_form_values_new_from (campaign);
          gtk_window_set_title (GTK_WINDOW (self), title);
        }
    }
  if (values == NULL)
    values = gest_campaign_form_values_new ();
  fill_rows (self, values);
  update_from_values (self, values);
  return self;
}

void
gest_campaign_dialog_fill (GestCampaignDialog *self,
                           const char         *code,
                           GestCampaignKind    kind,
                           const char         *description,
                           const char         *starts_text,
                           const char         *ends_text,
                           gboolean            needs_parts)
{
  g_return_if_fail (GEST_IS_CAMPAIGN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row), starts_text);
  gtk_editable_set_text (GTK_EDITABLE (self->ends_row), ends_text);
  gtk_switch_set_active (self->needs_parts_switch, needs_parts);
}

gboolean
gest_campaign_dialog_save (GestCampaignDialog *self)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_DIALOG (self), FALSE);

  if (self->values->saving)
    return FALSE;
  update_from_values (self, gest_campaign_form_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  save = g_new0 (SaveData, 1);
  save->uuid = g_strdup (self->campaign_uuid);
  save->code = g_strdup (self->state->code);
  save->kind = self->values->kind;
  save->description = g_strdup (self->state->description);
  save->labour_notes = g_strstrip (g_strdup (self->values->labour_notes));
  save->parts_notes = g_strstrip (g_strdup (self->values->parts_notes));
  save->starts_on = g_strdup (self->state->starts_on);
  save->ends_on = g_strdup (self->state->ends_on);
  save->needs_parts = self->values->needs_parts;
  update_from_values (self, gest_campaign_form_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, save_func, save, save_data_free, NULL, saved_cb, g_object_ref (self));
  return TRUE;
}

const char *
gest_campaign_dialog_get_error (GestCampaignDialog *self,
                                int                 field)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_CAMPAIGN_FORM_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

gboolean
gest_campaign_dialog_get_dates_visible (GestCampaignDialog *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_DIALOG (self), FALSE);

  return gtk_widget_get_visible (self->dates_group);
}
