/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customer-form-rows.h"
#include "gest-customer-form-state.h"
#include "gest-date-row.h"
#include "gest-field-error.h"
#include "gest-money-row.h"
#include "gest-plan-editor.h"

struct _GestPlanEditor
{
  AdwWindow       parent_instance;

  GestStore      *store;
  GestPlanValues *values;
  GPtrArray      *vehicle_uuids;   /* the combo's items after "No vehicle" */
  guint32         touched;
  gboolean        saving;

  GtkWidget      *save_button;
  GtkWidget      *rows[GEST_N_PLAN_FIELDS];
  GtkLabel       *label;           /* under the first group */
};

G_DEFINE_FINAL_TYPE (GestPlanEditor, gest_plan_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *titles[GEST_N_PLAN_FIELDS] = {
  N_("Plan number"), N_("Vehicle"), N_("Monthly installment"), N_("Balance"), N_("Overdue"),
  N_("Life insurance"), N_("Figures as of"),
};

static gboolean
is_money (guint field)
{
  return field >= GEST_PLAN_FIELD_INSTALLMENT && field <= GEST_PLAN_FIELD_LIFE_INSURANCE;
}

static void
update_widgets (GestPlanEditor *self)
{
  g_autoptr(GestPlanFormState) state =
    gest_plan_form_state_from_values (self->values, self->touched, self->saving, NULL);
  GtkWidget *first_rows[GEST_N_PLAN_FIELDS] = { NULL, };

  gtk_window_set_title (GTK_WINDOW (self), state->is_new ? _("New Plan") : _("Edit Plan"));
  gtk_widget_set_sensitive (self->save_button, state->can_save);
  first_rows[GEST_PLAN_FIELD_NUMBER] = self->rows[GEST_PLAN_FIELD_NUMBER];
  first_rows[GEST_PLAN_FIELD_VEHICLE] = self->rows[GEST_PLAN_FIELD_VEHICLE];
  gest_customer_form_show_errors (first_rows, state->errors, GEST_PLAN_FIELD_VEHICLE + 1, self->label);
  /* The money and date rows show their own parse errors; the form's rules only when they parse. */
  for (guint i = GEST_PLAN_FIELD_INSTALLMENT; i < GEST_N_PLAN_FIELDS; i++)
    {
      GestParsedRow *row = GEST_PARSED_ROW (self->rows[i]);

      gest_parsed_row_set_error (row, gest_parsed_row_get_text_error (row) == NULL ? state->errors[i] : NULL);
    }
}

static void
read_widgets (GestPlanEditor *self)
{
  guint vehicle = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[GEST_PLAN_FIELD_VEHICLE]));
  GestMoney *amounts[] = { &self->values->installment, &self->values->balance, &self->values->overdue,
                           &self->values->life_insurance };

  g_free (self->values->number);
  self->values->number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[GEST_PLAN_FIELD_NUMBER])));
  g_free (self->values->vehicle_uuid);
  self->values->vehicle_uuid = vehicle >= 1 && vehicle <= self->vehicle_uuids->len
                               ? g_strdup (self->vehicle_uuids->pdata[vehicle - 1]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    *amounts[i] = gest_money_row_get_value (GEST_MONEY_ROW (self->rows[GEST_PLAN_FIELD_INSTALLMENT + i]));
  if (!gest_date_row_get_date (GEST_DATE_ROW (self->rows[GEST_PLAN_FIELD_AS_OF]), &self->values->as_of))
    g_date_clear (&self->values->as_of, 1);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GestPlanField field;

  uuid = gest_plan_save_finish (GEST_STORE (object), result, &field, &error);
  self->saving = FALSE;
  update_widgets (self);
  if (uuid == NULL)
    {
      gest_field_error_show (field <= GEST_PLAN_FIELD_VEHICLE ? self->rows[field] : NULL, self->label,
                             error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_changed_cb (GestPlanEditor *self)
{
  /* Rows lose the focus while the window is disposed. */
  if (self->values == NULL)
    return;
  read_widgets (self);
  update_widgets (self);
}

static void
row_left_cb (GtkEventControllerFocus *controller,
             GestPlanEditor          *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    if (self->rows[i] == row)
      self->touched |= 1u << i;
  row_changed_cb (self);
}

static void
save_clicked_cb (GtkButton      *button,
                 GestPlanEditor *self)
{
  gest_plan_editor_save (self);
}

/* The customer's vehicles in the combo, "No vehicle" first. */
static void
load_vehicles (GestPlanEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint selected = 0;

  gtk_string_list_append (names, _("No vehicle"));
  stmt = gest_store_prepare (self->store,
                             "SELECT uuid, model || ' · ' || vin FROM vehicles"
                             " WHERE customer_uuid = ?1 AND deleted = 0 ORDER BY model, vin", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, self->values->customer_uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

          g_ptr_array_add (self->vehicle_uuids, g_strdup (uuid));
          gtk_string_list_append (names, (const char *) sqlite3_column_text (stmt, 1));
          if (g_strcmp0 (uuid, self->values->vehicle_uuid) == 0 ||
              (self->values->uuid == NULL && self->vehicle_uuids->len == 1))
            selected = self->vehicle_uuids->len;
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[GEST_PLAN_FIELD_VEHICLE]), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[GEST_PLAN_FIELD_VEHICLE]), selected);
}

static void
gest_plan_editor_dispose (GObject *object)
{
  GestPlanEditor *self = GEST_PLAN_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->values, gest_plan_values_free);
  g_clear_pointer (&self->vehicle_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_plan_editor_parent_class)->dispose (object);
}

static void
gest_plan_editor_class_init (GestPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_plan_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gest_plan_editor_init (GestPlanEditor *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *plan = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *figures = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->vehicle_uuids = g_ptr_array_new_with_free_func (g_free);
  adw_preferences_group_set_title (plan, _("Plan"));
  adw_preferences_group_set_title (figures, _("Conauto’s Statement"));
  adw_preferences_group_set_description (figures, _("The figures of the latest statement Conauto sent."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), plan);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), figures);

  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (i == GEST_PLAN_FIELD_NUMBER)
        self->rows[i] = gest_customer_form_entry_row (plan, _(titles[i]));
      else if (i == GEST_PLAN_FIELD_VEHICLE)
        {
          self->rows[i] = adw_combo_row_new ();
          adw_preferences_group_add (plan, self->rows[i]);
        }
      else
        {
          self->rows[i] = is_money (i) ? gest_money_row_new () : gest_date_row_new ();
          adw_preferences_group_add (figures, self->rows[i]);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(titles[i]));
      g_signal_connect_swapped (self->rows[i], i == GEST_PLAN_FIELD_VEHICLE ? "notify::selected" : "changed",
                                G_CALLBACK (row_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (row_left_cb), self);
      gtk_widget_add_controller (self->rows[i], focus);
    }
  self->label = gest_field_error_label_new (plan);
  self->save_button = gest_customer_form_frame (ADW_WINDOW (self), page, _("_Save"));
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
}

GestPlanEditor *
gest_plan_editor_new (GtkWindow            *parent,
                      GestStore            *store,
                      const GestPlanValues *values)
{
  GestPlanEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (GEST_TYPE_PLAN_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->values = gest_plan_values_copy (values);
  load_vehicles (self);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[GEST_PLAN_FIELD_NUMBER]), values->number);
  if (values->uuid != NULL)
    {
      gest_money_row_set_value (GEST_MONEY_ROW (self->rows[GEST_PLAN_FIELD_INSTALLMENT]), values->installment);
      gest_money_row_set_value (GEST_MONEY_ROW (self->rows[GEST_PLAN_FIELD_BALANCE]), values->balance);
      gest_money_row_set_value (GEST_MONEY_ROW (self->rows[GEST_PLAN_FIELD_OVERDUE]), values->overdue);
      gest_money_row_set_value (GEST_MONEY_ROW (self->rows[GEST_PLAN_FIELD_LIFE_INSURANCE]), values->life_insurance);
    }
  gest_date_row_set_date (GEST_DATE_ROW (self->rows[GEST_PLAN_FIELD_AS_OF]),
                          g_date_valid (&values->as_of) ? &values->as_of : NULL);
  read_widgets (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->rows[GEST_PLAN_FIELD_NUMBER]);
  update_widgets (self);
  return self;
}

const GestPlanValues *
gest_plan_editor_get_values (GestPlanEditor *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_EDITOR (self), NULL);

  return self->values;
}

GtkWidget *
gest_plan_editor_get_row (GestPlanEditor *self,
                          GestPlanField   field)
{
  g_return_val_if_fail (GEST_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (field < GEST_N_PLAN_FIELDS, NULL);

  return self->rows[field];
}

void
gest_plan_editor_save (GestPlanEditor *self)
{
  g_return_if_fail (GEST_IS_PLAN_EDITOR (self));

  if (self->saving)
    return;
  read_widgets (self);
  self->touched = GEST_FORM_ALL_TOUCHED;
  update_widgets (self);
  if (!gest_plan_values_validate (self->values, NULL, NULL))
    return;
  self->saving = TRUE;
  update_widgets (self);
  gest_plan_save_async (self->store, self->values, NULL, saved_cb, g_object_ref (self));
}
