/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-request-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-request-window.h"
#include "gest-annulment-saves.h"
#include "gest-cfdi.h"
#include "gest-field-error.h"
#include "gest-money-row.h"

struct _GestAnnulmentRequestWindow
{
  AdwWindow            parent_instance;

  /* Template children. */
  GtkWidget           *save_button;
  AdwPreferencesGroup *customer_group;
  AdwPreferencesGroup *invoice_group;
  AdwPreferencesGroup *costs_group;
  AdwEntryRow         *plan_entry;
  AdwActionRow        *customer_row;
  AdwEntryRow         *city_entry;
  AdwEntryRow         *invoice_entry;
  AdwEntryRow         *cfdi_entry;
  AdwComboRow         *reason_row;
  AdwEntryRow         *substitute_entry;
  GtkSwitch           *costs_switch;
  GestMoneyRow        *costs_row;
  GtkSwitch           *reinvoice_switch;

  GtkLabel            *customer_error;
  GtkLabel            *invoice_error;
  GtkLabel            *costs_error;
  GtkLabel            *save_error;      /* a refusal of the save, under the costs group */

  GestContext         *context;
  char                *uuid;            /* NULL: a new request */
  GestAnnulmentValues *values;
  gboolean             loading;         /* filling the rows from a stored request */
  gboolean             saving;
};

G_DEFINE_FINAL_TYPE (GestAnnulmentRequestWindow, gest_annulment_request_window, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
replace_values (GestAnnulmentRequestWindow *self,
                GestAnnulmentValues        *values)
{
  gest_annulment_values_free (self->values);
  self->values = values;
}

/* Shows the first error of a group's rows under it, and marks each row in error. */
static void
show_group_errors (GtkLabel                 *label,
                   GtkWidget * const        *rows,
                   const GestAnnulmentField *fields,
                   guint                     n,
                   const GestAnnulmentState *state)
{
  const char *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *message = state->errors[fields[i]];

      if (message != NULL)
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
      if (first == NULL)
        first = message;
    }
  gest_field_error_show (NULL, label, first);
}

static void
update_widgets (GestAnnulmentRequestWindow *self)
{
  g_autoptr(GestAnnulmentState) state = gest_annulment_widget_state_from_values (self->values);
  GtkWidget *customer_rows[] = { GTK_WIDGET (self->plan_entry) };
  GestAnnulmentField customer_fields[] = { GEST_ANNULMENT_FIELD_PLAN };
  GtkWidget *invoice_rows[] = { GTK_WIDGET (self->cfdi_entry), GTK_WIDGET (self->substitute_entry) };
  GestAnnulmentField invoice_fields[] = { GEST_ANNULMENT_FIELD_CFDI, GEST_ANNULMENT_FIELD_SUBSTITUTE };
  GtkWidget *costs_rows[] = { GTK_WIDGET (self->costs_row) };
  GestAnnulmentField costs_fields[] = { GEST_ANNULMENT_FIELD_COSTS };

  adw_action_row_set_subtitle (self->customer_row,
                               self->values->customer_name != NULL ? self->values->customer_name
                                                                   : _("Write the plan number and press Enter"));
  gtk_widget_set_visible (GTK_WIDGET (self->substitute_entry), state->substitute_visible);
  gtk_widget_set_sensitive (GTK_WIDGET (self->costs_row), state->costs_sensitive);
  show_group_errors (self->customer_error, customer_rows, customer_fields, 1, state);
  show_group_errors (self->invoice_error, invoice_rows, invoice_fields, 2, state);
  show_group_errors (self->costs_error, costs_rows, costs_fields, 1, state);
  gtk_widget_set_sensitive (self->save_button, state->can_save && !self->saving);
  gtk_widget_set_tooltip_text (self->save_button, state->save_blocker);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.save", state->can_save && !self->saving);
}

static void
look_up_plan (GestAnnulmentRequestWindow *self,
              const char                 *number)
{
  g_autofree char *plan_uuid = NULL;
  g_autofree char *customer_uuid = NULL;
  g_autofree char *customer_name = NULL;
  g_autofree char *city = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (number));
  sqlite3_stmt *stmt;

  /* One row by a unique index, on the window's read-only connection. */
  stmt = gest_store_prepare (gest_context_get_store (self->context),
                             "SELECT p.uuid, c.uuid, c.name, c.city FROM plans p"
                             " JOIN customers c ON c.uuid = p.customer_uuid"
                             " WHERE p.number = ?1 AND p.deleted = 0", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          plan_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          city = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        }
      sqlite3_finalize (stmt);
    }
  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_PLAN, clean));
  replace_values (self, gest_annulment_values_set_customer (self->values, plan_uuid, customer_uuid, customer_name));
  /* The customer's city, unless one was written already. */
  if (city != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->city_entry)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->city_entry), city);
}

static void
plan_apply_cb (GestAnnulmentRequestWindow *self)
{
  look_up_plan (self, gtk_editable_get_text (GTK_EDITABLE (self->plan_entry)));
  update_widgets (self);
}

static void
text_changed_cb (GestAnnulmentRequestWindow *self,
                 GtkEditable                *editable)
{
  GestAnnulmentField field;

  if (self->loading)
    return;
  if (editable == GTK_EDITABLE (self->city_entry))
    field = GEST_ANNULMENT_FIELD_CITY;
  else if (editable == GTK_EDITABLE (self->invoice_entry))
    field = GEST_ANNULMENT_FIELD_INVOICE;
  else if (editable == GTK_EDITABLE (self->cfdi_entry))
    field = GEST_ANNULMENT_FIELD_CFDI;
  else
    field = GEST_ANNULMENT_FIELD_SUBSTITUTE;
  replace_values (self, gest_annulment_values_set_text (self->values, field, gtk_editable_get_text (editable)));
  update_widgets (self);
}

static void
reason_changed_cb (GestAnnulmentRequestWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reason_row);

  if (self->loading || selected >= GEST_CFDI_N_REASONS)
    return;
  replace_values (self, gest_annulment_values_set_reason (self->values, gest_cfdi_reason_code (selected)));
  update_widgets (self);
}

static void
costs_changed_cb (GestAnnulmentRequestWindow *self)
{
  if (self->loading)
    return;
  replace_values (self, gest_annulment_values_set_costs (self->values, gtk_switch_get_active (self->costs_switch),
                                                         gest_money_row_get_value (self->costs_row),
                                                         gest_money_row_get_valid (self->costs_row)));
  update_widgets (self);
}

static void
reinvoice_changed_cb (GestAnnulmentRequestWindow *self)
{
  if (self->loading)
    return;
  replace_values (self, gest_annulment_values_set_reinvoice (self->values, gtk_switch_get_active (self->reinvoice_switch)));
  update_widgets (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GestAnnulmentRequestWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  self->saving = FALSE;
  if (!gest_annulment_save_finish (GEST_STORE (object), result, &uuid, &error))
    {
      gest_field_error_show (NULL, self->save_error, error->message);
      update_widgets (self);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GestAnnulmentRequestWindow *self = GEST_ANNULMENT_REQUEST_WINDOW (widget);
  g_autoptr(GestAnnulmentState) state = gest_annulment_widget_state_from_values (self->values);
  GestAnnulmentRequest request = {
    .customer_uuid = self->values->customer_uuid,
    .plan_uuid = self->values->plan_uuid,
    .city = self->values->city,
    .invoice_number = self->values->invoice_number,
    .cfdi_uuid = self->values->cfdi_uuid,
    .cancel_reason = self->values->cancel_reason,
    .substitute_cfdi_uuid = state->substitute_visible ? self->values->substitute_cfdi_uuid : NULL,
    .with_costs = self->values->with_costs,
    .costs_amount = self->values->with_costs ? self->values->costs_amount : 0,
    .reinvoice = self->values->reinvoice,
  };

  if (self->saving || !state->can_save)
    return;
  self->saving = TRUE;
  gest_field_error_show (NULL, self->save_error, NULL);
  update_widgets (self);
  gest_annulment_save_request_async (gest_context_get_store (self->context), self->uuid, &request, NULL,
                                     save_done_cb, g_object_ref (self));
}

static void
load_request (GestAnnulmentRequestWindow *self)
{
  g_autoptr(GestAnnulment) annulment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *costs = NULL;

  annulment = gest_annulment_load (gest_context_get_store (self->context), self->uuid, &error);
  if (annulment == NULL)
    {
      gest_field_error_show (NULL, self->save_error, error->message);
      return;
    }
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->plan_entry), annulment->plan_number != NULL ? annulment->plan_number : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->city_entry), annulment->city);
  gtk_editable_set_text (GTK_EDITABLE (self->invoice_entry), annulment->invoice_number);
  gtk_editable_set_text (GTK_EDITABLE (self->cfdi_entry), annulment->cfdi_uuid);
  gtk_editable_set_text (GTK_EDITABLE (self->substitute_entry),
                         annulment->substitute_cfdi_uuid != NULL ? annulment->substitute_cfdi_uuid : "");
  for (guint i = 0; i < GEST_CFDI_N_REASONS; i++)
    if (g_strcmp0 (gest_cfdi_reason_code (i), annulment->cancel_reason) == 0)
      adw_combo_row_set_selected (self->reason_row, i);
  gtk_switch_set_active (self->costs_switch, annulment->with_costs);
  if (annulment->with_costs)
    gest_money_row_set_value (self->costs_row, annulment->costs_amount);
  gtk_switch_set_active (self->reinvoice_switch, annulment->reinvoice);
  self->loading = FALSE;

  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_PLAN,
                                                        annulment->plan_number));
  replace_values (self, gest_annulment_values_set_customer (self->values, annulment->plan_uuid,
                                                            annulment->customer_uuid, annulment->customer_name));
  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_CITY, annulment->city));
  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_INVOICE,
                                                        annulment->invoice_number));
  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_CFDI, annulment->cfdi_uuid));
  replace_values (self, gest_annulment_values_set_text (self->values, GEST_ANNULMENT_FIELD_SUBSTITUTE,
                                                        annulment->substitute_cfdi_uuid));
  replace_values (self, gest_annulment_values_set_reason (self->values, annulment->cancel_reason));
  replace_values (self, gest_annulment_values_set_costs (self->values, annulment->with_costs,
                                                         annulment->costs_amount, TRUE));
  replace_values (self, gest_annulment_values_set_reinvoice (self->values, annulment->reinvoice));
}

static void
gest_annulment_request_window_dispose (GObject *object)
{
  GestAnnulmentRequestWindow *self = GEST_ANNULMENT_REQUEST_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_ANNULMENT_REQUEST_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gest_annulment_request_window_parent_class)->dispose (object);
}

static void
gest_annulment_request_window_finalize (GObject *object)
{
  GestAnnulmentRequestWindow *self = GEST_ANNULMENT_REQUEST_WINDOW (object);

  g_free (self->uuid);
  gest_annulment_values_free (self->values);
  G_OBJECT_CLASS (gest_annulment_request_window_parent_class)->finalize (object);
}

static void
gest_annulment_request_window_class_init (GestAnnulmentRequestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_annulment_request_window_dispose;
  object_class->finalize = gest_annulment_request_window_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GEST_TYPE_MONEY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/annulments/gest-annulment-request-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, customer_group);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, invoice_group);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, costs_group);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, plan_entry);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, city_entry);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, invoice_entry);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, cfdi_entry);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, substitute_entry);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, costs_switch);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, costs_row);
  gtk_widget_class_bind_template_child (widget_class, GestAnnulmentRequestWindow, reinvoice_switch);
  gtk_widget_class_bind_template_callback (widget_class, plan_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, costs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reinvoice_changed_cb);
  gtk_widget_class_install_action (widget_class, "request.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "request.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_annulment_request_window_init (GestAnnulmentRequestWindow *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->values = gest_annulment_values_new ();
  for (guint i = 0; i < GEST_CFDI_N_REASONS; i++)
    gtk_string_list_append (reasons, gest_cfdi_reason_label (gest_cfdi_reason_code (i)));
  self->loading = TRUE;
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  adw_combo_row_set_selected (self->reason_row, 1);   /* 02, the most common */
  self->loading = FALSE;
  self->customer_error = gest_field_error_label_new (self->customer_group);
  self->invoice_error = gest_field_error_label_new (self->invoice_group);
  self->costs_error = gest_field_error_label_new (self->costs_group);
  self->save_error = gest_field_error_label_new (self->costs_group);
}

GtkWidget *
gest_annulment_request_window_new (GestContext *context,
                                   const char  *uuid)
{
  GestAnnulmentRequestWindow *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  self = g_object_new (GEST_TYPE_ANNULMENT_REQUEST_WINDOW, NULL);
  self->context = g_object_ref (context);
  self->uuid = g_strdup (uuid);
  if (uuid != NULL)
    load_request (self);
  update_widgets (self);
  return GTK_WIDGET (self);
}

const GestAnnulmentValues *
gest_annulment_request_window_get_values (GestAnnulmentRequestWindow *self)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_REQUEST_WINDOW (self), NULL);
  return self->values;
}
