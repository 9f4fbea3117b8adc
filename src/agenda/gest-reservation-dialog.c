/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-schedule.h"
#include "gest-billing-group.h"
#include "gest-campaign.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-form-sensitive.h"
#include "gest-reservation-dialog-private.h"
#include "gest-reservation-values.h"



G_DEFINE_FINAL_TYPE (GestReservationDialog, gest_reservation_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                  *uuid;             /* editing; then the saved one */
  char                  *reschedule_uuid;
  GestReservationValues  values;           /* strings owned below */
  GestReservationFormField refusal_field;
  GestBillingValues       *billing;        /* to save on the customer first, or NULL */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->uuid);
  g_free (save->reschedule_uuid);
  g_free ((char *) save->values.customer_uuid);
  g_free ((char *) save->values.vehicle_uuid);
  g_free ((char *) save->values.service_kind);
  g_free ((char *) save->values.advisor_uuid);
  g_free ((char *) save->values.day);
  g_free ((char *) save->values.transport);
  g_free ((char *) save->values.notes);
  g_clear_pointer (&save->billing, gest_billing_values_free);
  g_free (save);
}

static GtkWidget *
row_of (GestReservationDialog    *self,
        GestReservationFormField  field)
{
  switch (field)
    {
    case GEST_RESERVATION_FORM_CUSTOMER: return GTK_WIDGET (self->customer_row);
    case GEST_RESERVATION_FORM_VEHICLE:  return GTK_WIDGET (self->vehicle_row);
    case GEST_RESERVATION_FORM_MILEAGE:  return GTK_WIDGET (self->mileage_row);
    case GEST_RESERVATION_FORM_ADVISOR:  return GTK_WIDGET (self->advisor_row);
    case GEST_RESERVATION_FORM_DAY:      return GTK_WIDGET (self->day_row);
    case GEST_RESERVATION_FORM_TIME:     return GTK_WIDGET (self->time_row);
    case GEST_RESERVATION_FORM_BILLING:  return GTK_WIDGET (self->invoice_switch);
    case GEST_RESERVATION_FORM_N_FIELDS:
    default:
      return NULL;
    }
}

static void
update_widgets (GestReservationDialog          *self,
                const GestReservationFormState *state)
{
  for (guint i = 0; i < GEST_RESERVATION_FORM_N_FIELDS; i++)
    gest_field_error_show (row_of (self, i), self->error_labels[i], state->errors[i]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  gtk_window_set_title (GTK_WINDOW (self), state->title);
  gtk_widget_set_visible (GTK_WIDGET (self->test_drive_row), state->test_drive_note != NULL);
  adw_action_row_set_subtitle (self->test_drive_row, state->test_drive_note != NULL ? state->test_drive_note : "");
  gtk_widget_set_visible (self->billing_box, state->billing_visible);
  gest_form_set_sensitive (GTK_WIDGET (self->customer_row), state->fields_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->vehicle_row), state->vehicle_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->mileage_row), state->fields_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->when_group), state->fields_sensitive);
  gest_form_set_sensitive (GTK_WIDGET (self->invoice_group), state->fields_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->save_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reservation.save", state->save_sensitive);
}

void
gest_reservation_dialog_update_from_values (GestReservationDialog     *self,
                    GestReservationFormValues *values)
{
  gest_reservation_form_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_reservation_form_state_free);
  self->state = gest_reservation_form_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

static void
mileage_changed_cb (GestReservationDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_mileage (self->values,
                                                                      gtk_editable_get_text (GTK_EDITABLE (self->mileage_row))));
}

/* --- Service, advisor, day and time ------------------------------------------------------- */

static void
slot_clicked_cb (GtkButton             *button,
                 GestReservationDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), gtk_button_get_label (button));
}

/* The chosen advisor's free slots of the chosen day, as buttons that fill the time. */
static void
fill_slots (GestReservationDialog *self)
{
  g_autoptr(GHashTable) days = NULL;
  GPtrArray *slots;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_box))) != NULL)
    gtk_flow_box_remove (self->slots_box, child);
  if (self->state == NULL || self->state->day == NULL || self->values->advisor_uuid == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->slots_box), FALSE);
      return;
    }
  days = gest_agenda_slots_range (self->store, self->state->day, self->state->day, NULL);
  slots = days != NULL ? g_hash_table_lookup (days, self->state->day) : NULL;
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      GestAgendaSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (g_strcmp0 (slot->advisor_uuid, self->values->advisor_uuid) != 0 || slot->blocked
          || slot->taken >= slot->capacity)
        continue;
      label = g_strdup_printf ("%02d:%02d", slot->starts_min / 60, slot->starts_min % 60);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Free slot: click to choose it"));
      g_signal_connect (button, "clicked", G_CALLBACK (slot_clicked_cb), self);
      gtk_flow_box_append (self->slots_box, button);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->slots_box), shown > 0);
}

static void
kind_changed_cb (GestReservationDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_kind (self->values,
                                                                   gest_reservation_form_kind_id (adw_combo_row_get_selected (self->kind_row))));
}

static void
advisor_changed_cb (GestReservationDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->advisor_row);
  GestAgendaSchedule *advisor;

  if (self->filling || self->values == NULL)
    return;
  advisor = selected < self->advisors->len ? g_ptr_array_index (self->advisors, selected) : NULL;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_advisor (self->values,
                                                                      advisor != NULL ? advisor->advisor_uuid : NULL));
  fill_slots (self);
}

static void
when_changed_cb (GestReservationDialog *self)
{
  g_autofree char *before = NULL;

  if (self->filling || self->values == NULL)
    return;
  before = g_strdup (self->state != NULL ? self->state->day : NULL);
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_when (self->values,
                                                                   gtk_editable_get_text (GTK_EDITABLE (self->day_row)),
                                                                   gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  if (g_strcmp0 (before, self->state->day) != 0)
    fill_slots (self);
}

static void
transport_changed_cb (GestReservationDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_transport (self->values,
                                                                        adw_combo_row_get_selected (self->transport_row) == 1
                                                                        ? "drops-off" : "waits"));
}

static void
notes_changed_cb (GestReservationDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_notes (self->values,
                                                                    gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));
}

static void
invoice_changed_cb (GestReservationDialog *self)
{
  g_autofree char *error = gest_reservation_dialog_billing_error (self);

  if (self->filling || self->values == NULL)
    return;
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_invoice (self->values,
                                                                      gtk_switch_get_active (self->invoice_switch),
                                                                      error));
}

/* --- Saving -------------------------------------------------------------------------------- */

static gboolean
save_func (GestStore  *store,
           gpointer    data,
           GError    **error)
{
  SaveData *save = data;
  g_autofree char *uuid = NULL;

  /* S11: the billing data typed here goes on the customer, in the same transaction. */
  if (save->billing != NULL
      && !gest_customer_billing_save (store, save->values.customer_uuid, save->billing, NULL, error))
    {
      save->refusal_field = GEST_RESERVATION_FORM_BILLING;
      return FALSE;
    }
  /* The slot first, so that its refusal goes on the time row. */
  if (save->values.advisor_uuid != NULL
      && !gest_agenda_slot_check (store, save->values.advisor_uuid, save->values.day, save->values.starts_min,
                                  save->values.duration_min, save->uuid, gest_timestamp_now (), error))
    {
      save->refusal_field = GEST_RESERVATION_FORM_TIME;
      return FALSE;
    }
  if (save->uuid != NULL)
    return gest_reservation_update (store, save->uuid, &save->values, error);
  if (save->reschedule_uuid != NULL)
    uuid = gest_reservation_reschedule (store, save->reschedule_uuid, &save->values, NULL, error);
  else
    uuid = gest_reservation_create (store, "desk", &save->values, error);
  if (uuid == NULL)
    return FALSE;
  save->uuid = g_steal_pointer (&uuid);
  return TRUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestReservationDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestReservationFormValues) done = gest_reservation_form_values_set_saving (self->values, FALSE);
  SaveData *save = gest_store_write_get_data (result);
  g_autofree char *uuid = g_strdup (save->uuid);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_refusal (done, save->refusal_field, error->message));
      return;
    }
  gest_reservation_dialog_update_from_values (self, g_steal_pointer (&done));
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_reservation_dialog_save (GEST_RESERVATION_DIALOG (widget));
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
gest_reservation_dialog_dispose (GObject *object)
{
  GestReservationDialog *self = GEST_RESERVATION_DIALOG (object);

  gest_reservation_dialog_customer_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_RESERVATION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_reservation_dialog_parent_class)->dispose (object);
}

static void
gest_reservation_dialog_finalize (GObject *object)
{
  GestReservationDialog *self = GEST_RESERVATION_DIALOG (object);

  g_free (self->uuid);
  g_free (self->reschedule_uuid);
  g_clear_pointer (&self->advisors, g_ptr_array_unref);
  g_clear_pointer (&self->vehicle_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->vehicle_km, g_array_unref);
  g_clear_pointer (&self->match_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->values, gest_reservation_form_values_free);
  g_clear_pointer (&self->state, gest_reservation_form_state_free);
  g_clear_pointer (&self->billing_loaded, gest_billing_values_free);

  G_OBJECT_CLASS (gest_reservation_dialog_parent_class)->finalize (object);
}

static void
gest_reservation_dialog_class_init (GestReservationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_reservation_dialog_dispose;
  object_class->finalize = gest_reservation_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/agenda/gest-reservation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, customer_group);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, vehicle_group);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, invoice_group);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, matches_list);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, vehicle_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, actions_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, mileage_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, test_drive_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, advisor_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, slots_box);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, transport_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, invoice_switch);
  gtk_widget_class_bind_template_child (widget_class, GestReservationDialog, billing_box);
  gtk_widget_class_bind_template_callback_full (widget_class, "customer_search_changed_cb",
                                                G_CALLBACK (gest_reservation_dialog_customer_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "match_activated_cb",
                                                G_CALLBACK (gest_reservation_dialog_match_activated_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "vehicle_changed_cb",
                                                G_CALLBACK (gest_reservation_dialog_vehicle_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, mileage_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, advisor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, when_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, transport_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, invoice_changed_cb);

  gtk_widget_class_install_action (widget_class, "reservation.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reservation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_reservation_dialog_init (GestReservationDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) transports = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->vehicle_uuids = g_ptr_array_new_with_free_func (g_free);
  self->vehicle_km = g_array_new (FALSE, TRUE, sizeof (int));
  self->match_uuids = g_ptr_array_new_with_free_func (g_free);
  gest_reservation_dialog_customer_init (self);
  self->error_labels[GEST_RESERVATION_FORM_CUSTOMER] = gest_field_error_label_new (self->customer_group);
  self->error_labels[GEST_RESERVATION_FORM_VEHICLE] = gest_field_error_label_new (self->vehicle_group);
  self->error_labels[GEST_RESERVATION_FORM_MILEAGE] = gest_field_error_label_new (self->vehicle_group);
  self->error_labels[GEST_RESERVATION_FORM_ADVISOR] = gest_field_error_label_new (self->when_group);
  self->error_labels[GEST_RESERVATION_FORM_DAY] = gest_field_error_label_new (self->when_group);
  self->error_labels[GEST_RESERVATION_FORM_TIME] = gest_field_error_label_new (self->when_group);
  self->error_labels[GEST_RESERVATION_FORM_BILLING] = gest_field_error_label_new (self->invoice_group);
  self->refusal_label = gest_field_error_label_new (self->invoice_group);
  self->billing = GEST_BILLING_GROUP (gest_billing_group_new ());
  gtk_box_append (GTK_BOX (self->billing_box), GTK_WIDGET (self->billing));
  g_signal_connect_object (self->billing, "changed", G_CALLBACK (gest_reservation_dialog_billing_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < GEST_RESERVATION_N_KINDS; i++)
    gtk_string_list_append (kinds, gest_reservation_kind_label (gest_reservation_form_kind_id (i)));
  gtk_string_list_append (transports, gest_reservation_transport_label ("waits"));
  gtk_string_list_append (transports, gest_reservation_transport_label ("drops-off"));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->transport_row, G_LIST_MODEL (transports));
  self->filling = FALSE;
}

/* Puts @values in the rows without reading them back. */
static void
fill_rows (GestReservationDialog           *self,
           const GestReservationFormValues *values)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint advisor = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->advisors->len; i++)
    {
      GestAgendaSchedule *row = g_ptr_array_index (self->advisors, i);

      gtk_string_list_append (names, row->advisor_name);
      if (g_strcmp0 (row->advisor_uuid, values->advisor_uuid) == 0)
        advisor = i;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->advisor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->advisor_row, advisor);
  adw_combo_row_set_selected (self->kind_row, gest_reservation_form_kind_position (values->service_kind));
  adw_combo_row_set_selected (self->transport_row, g_strcmp0 (values->transport, "drops-off") == 0 ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->mileage_row), values->mileage_text);
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), values->day_text);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), values->time_text);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), values->notes);
  gtk_switch_set_active (self->invoice_switch, values->needs_invoice);
  self->filling = FALSE;
}

/**
 * gest_reservation_dialog_new: (see gest-reservation-dialog.h)
 */
GtkWidget *
gest_reservation_dialog_new (GestContext                 *context,
                             GtkWindow                   *parent,
                             const char                  *uuid,
                             const GestReservationValues *preset,
                             const char                  *reschedule_uuid)
{
  GestReservationDialog *self;
  GestReservationFormValues *values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *vehicle = NULL;
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (GEST_TYPE_RESERVATION_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->uuid = g_strdup (uuid);
  self->reschedule_uuid = g_strdup (reschedule_uuid);
  self->advisors = gest_agenda_advisors (self->store, &error);
  if (self->advisors == NULL)
    {
      g_warning ("The advisors could not be read: %s", error->message);
      self->advisors = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_agenda_schedule_free);
    }
  gest_date_today (&date);
  today = gest_date_to_iso (&date);
  if (uuid != NULL)
    {
      g_autoptr(GestReservation) reservation = gest_reservation_load (self->store, uuid, NULL);

      if (reservation != NULL)
        values = gest_reservation_form_values_new_from (reservation, today);
    }
  if (values == NULL)
    values = gest_reservation_form_values_new_preset (reschedule_uuid != NULL ? GEST_RESERVATION_FORM_RESCHEDULE
                                                      : GEST_RESERVATION_FORM_NEW, today, preset);
  customer = g_strdup (values->customer_uuid);
  vehicle = g_strdup (values->vehicle_uuid);
  fill_rows (self, values);
  gest_reservation_dialog_update_from_values (self, values);
  if (customer != NULL)
    gest_reservation_dialog_set_customer (self, customer, vehicle);
  fill_slots (self);
  return GTK_WIDGET (self);
}

gboolean
gest_reservation_dialog_save (GestReservationDialog *self)
{
  SaveData *save;
  GestReservationValues out;

  g_return_val_if_fail (GEST_IS_RESERVATION_DIALOG (self), FALSE);

  if (self->values->saving)
    return FALSE;
  if (self->values->needs_invoice)
    gest_billing_group_check (self->billing);
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  gest_reservation_form_state_values (self->state, self->values, &out);
  save = g_new0 (SaveData, 1);
  save->uuid = g_strdup (self->uuid);
  save->reschedule_uuid = g_strdup (self->reschedule_uuid);
  save->refusal_field = GEST_RESERVATION_FORM_N_FIELDS;
  save->values = out;
  save->values.customer_uuid = g_strdup (out.customer_uuid);
  save->values.vehicle_uuid = g_strdup (out.vehicle_uuid);
  save->values.service_kind = g_strdup (out.service_kind);
  save->values.advisor_uuid = g_strdup (out.advisor_uuid);
  save->values.day = g_strdup (out.day);
  save->values.transport = g_strdup (out.transport);
  save->values.notes = g_strstrip (g_strdup (out.notes));
  if (self->values->needs_invoice && self->billing_loaded != NULL
      && !gest_billing_values_equal (self->billing_loaded, gest_billing_group_get_values (self->billing)))
    save->billing = gest_billing_values_copy (gest_billing_group_get_values (self->billing));
  gest_reservation_dialog_update_from_values (self, gest_reservation_form_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, save_func, save, save_data_free, NULL, saved_cb, g_object_ref (self));
  return TRUE;
}

const char *
gest_reservation_dialog_get_error (GestReservationDialog *self,
                                   int                    field)
{
  g_return_val_if_fail (GEST_IS_RESERVATION_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_RESERVATION_FORM_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

const GestReservationFormValues *
gest_reservation_dialog_get_values (GestReservationDialog *self)
{
  g_return_val_if_fail (GEST_IS_RESERVATION_DIALOG (self), NULL);

  return self->values;
}

void
gest_reservation_dialog_choose_customer (GestReservationDialog *self,
                                         const char            *customer_uuid,
                                         const char            *vehicle_uuid)
{
  g_return_if_fail (GEST_IS_RESERVATION_DIALOG (self));

  gest_reservation_dialog_set_customer (self, customer_uuid, vehicle_uuid);
}
