/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-vehicle-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customer-form-rows.h"
#include "gest-customer-form-state.h"
#include "gest-field-error.h"
#include "gest-vehicle-editor.h"

struct _GestVehicleEditor
{
  AdwWindow          parent_instance;

  GestStore         *store;
  GestVehicleValues *values;
  guint32            touched;
  gboolean           saving;

  GtkWidget         *save_button;
  GtkWidget         *rows[GEST_N_VEHICLE_FIELDS];
  GtkLabel          *label;
};

G_DEFINE_FINAL_TYPE (GestVehicleEditor, gest_vehicle_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *titles[GEST_N_VEHICLE_FIELDS] = {
  N_("VIN"), N_("Model"), N_("Model year"), N_("Kilometres"), N_("Plate"),
};

static void
update_widgets (GestVehicleEditor *self)
{
  g_autoptr(GestVehicleFormState) state =
    gest_vehicle_form_state_from_values (self->values, self->touched, self->saving);

  gtk_window_set_title (GTK_WINDOW (self), state->is_new ? _("New Vehicle") : _("Edit Vehicle"));
  gtk_widget_set_sensitive (self->save_button, state->can_save);
  gest_customer_form_show_errors (self->rows, state->errors, GEST_N_VEHICLE_FIELDS, self->label);
}

static void
read_widgets (GestVehicleEditor *self)
{
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    gest_vehicle_values_set (self->values, i, gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestVehicleEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GestVehicleField field;

  uuid = gest_vehicle_save_finish (GEST_STORE (object), result, &field, &error);
  self->saving = FALSE;
  update_widgets (self);
  if (uuid == NULL)
    {
      gest_field_error_show (field < GEST_N_VEHICLE_FIELDS ? self->rows[field] : NULL, self->label,
                             error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_changed_cb (GestVehicleEditor *self)
{
  /* Rows lose the focus while the window is disposed. */
  if (self->values == NULL)
    return;
  read_widgets (self);
  update_widgets (self);
}

static void
row_left_cb (GtkEventControllerFocus *controller,
             GestVehicleEditor       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    if (self->rows[i] == row)
      self->touched |= 1u << i;
  row_changed_cb (self);
}

static void
save_clicked_cb (GtkButton         *button,
                 GestVehicleEditor *self)
{
  gest_vehicle_editor_save (self);
}

static void
gest_vehicle_editor_dispose (GObject *object)
{
  GestVehicleEditor *self = GEST_VEHICLE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->values, gest_vehicle_values_free);

  G_OBJECT_CLASS (gest_vehicle_editor_parent_class)->dispose (object);
}

static void
gest_vehicle_editor_class_init (GestVehicleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_vehicle_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gest_vehicle_editor_init (GestVehicleEditor *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Vehicle"));
  adw_preferences_group_set_description (group, _("As on the vehicle’s invoice."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      self->rows[i] = gest_customer_form_entry_row (group, _(titles[i]));
      g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (row_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (row_left_cb), self);
      gtk_widget_add_controller (self->rows[i], focus);
    }
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_VEHICLE_FIELD_YEAR]), GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_VEHICLE_FIELD_KM]), GTK_INPUT_PURPOSE_NUMBER);
  self->label = gest_field_error_label_new (group);
  self->save_button = gest_customer_form_frame (ADW_WINDOW (self), page, _("_Save"));
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 480);
}

GestVehicleEditor *
gest_vehicle_editor_new (GtkWindow               *parent,
                         GestStore               *store,
                         const GestVehicleValues *values)
{
  GestVehicleEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (GEST_TYPE_VEHICLE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->values = gest_vehicle_values_copy (values);
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), values->fields[i]);
  gtk_window_set_focus (GTK_WINDOW (self), self->rows[GEST_VEHICLE_FIELD_VIN]);
  update_widgets (self);
  return self;
}

const GestVehicleValues *
gest_vehicle_editor_get_values (GestVehicleEditor *self)
{
  g_return_val_if_fail (GEST_IS_VEHICLE_EDITOR (self), NULL);

  return self->values;
}

GtkWidget *
gest_vehicle_editor_get_row (GestVehicleEditor *self,
                             GestVehicleField   field)
{
  g_return_val_if_fail (GEST_IS_VEHICLE_EDITOR (self), NULL);
  g_return_val_if_fail (field < GEST_N_VEHICLE_FIELDS, NULL);

  return self->rows[field];
}

void
gest_vehicle_editor_save (GestVehicleEditor *self)
{
  g_return_if_fail (GEST_IS_VEHICLE_EDITOR (self));

  if (self->saving)
    return;
  read_widgets (self);
  self->touched = GEST_FORM_ALL_TOUCHED;
  update_widgets (self);
  if (!gest_vehicle_values_validate (self->values, NULL, NULL))
    return;
  self->saving = TRUE;
  update_widgets (self);
  gest_vehicle_save_async (self->store, self->values, NULL, saved_cb, g_object_ref (self));
}
