/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-assign-dialog.h"
#include "gest-complaint-rows.h"
#include "gest-field-error.h"

/* The status row's entries after "Not reviewed", in the template's order. */
static const char *const status_codes[] = { "OG", "AA", "AN", "PR", "PN" };

struct _GestComplaintAssignDialog
{
  AdwWindow                  parent_instance;

  /* Template children. */
  GtkWidget                 *save_button;
  AdwComboRow               *responsible_row;
  GtkLabel                  *responsible_error_label;
  AdwComboRow               *status_row;
  AdwEntryRow               *advisor_row;
  AdwEntryRow               *coordinator_row;
  GtkLabel                  *status_error_label;
  GtkLabel                  *refusal_label;

  GStrv                      responsible_uuids;
  gboolean                   filling;

  GestContext               *context;
  GestStore                 *store;      /* the context's */
  char                      *complaint_uuid;
  GestComplaintAssignValues *values;
  GestComplaintAssignState  *state;
};

G_DEFINE_FINAL_TYPE (GestComplaintAssignDialog, gest_complaint_assign_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                      *complaint_uuid;
  GestComplaintAssignValues *values;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->complaint_uuid);
  gest_complaint_assign_values_free (save->values);
  g_free (save);
}

static void
update_widgets (GestComplaintAssignDialog      *self,
                const GestComplaintAssignState *state)
{
  gest_field_error_show (GTK_WIDGET (self->responsible_row), self->responsible_error_label,
                         state->errors[GEST_COMPLAINT_ASSIGN_RESPONSIBLE]);
  gest_field_error_show (GTK_WIDGET (self->status_row), self->status_error_label,
                         state->errors[GEST_COMPLAINT_ASSIGN_DOCUMENT_STATUS]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  /* What the code means, said where it is chosen (Q6). */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               state->status_meaning != NULL ? state->status_meaning
                                                             : _("Review the customer’s account, then choose the code"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->responsible_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->advisor_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->coordinator_row), state->fields_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->save_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assign.save", state->save_sensitive);
}

static void
update_from_values (GestComplaintAssignDialog *self,
                    GestComplaintAssignValues *values)
{
  gest_complaint_assign_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_complaint_assign_state_free);
  self->state = gest_complaint_assign_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

static void
responsible_changed_cb (GestComplaintAssignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_assign_values_set_responsible (self->values,
                                                                    gest_complaint_rows_selected (self->responsible_row,
                                                                                                  self->responsible_uuids)));
}

static void
status_changed_cb (GestComplaintAssignDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_assign_values_set_document_status (self->values,
                                                                        selected >= 1 && selected <= G_N_ELEMENTS (status_codes)
                                                                          ? status_codes[selected - 1] : NULL));
}

static void
people_changed_cb (GestComplaintAssignDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_assign_values_set_people (self->values,
                                                               gtk_editable_get_text (GTK_EDITABLE (self->advisor_row)),
                                                               gtk_editable_get_text (GTK_EDITABLE (self->coordinator_row))));
}

static gboolean
assign_func (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  SaveData *save = data;
  g_autofree char *advisor = g_strstrip (g_strdup (save->values->advisor_name));
  g_autofree char *coordinator = g_strstrip (g_strdup (save->values->commercial_coordinator));

  return gest_complaint_assign (store, save->complaint_uuid, save->values->responsible_uuid,
                                save->values->document_status, advisor, coordinator, error);
}

static void
assigned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GestComplaintAssignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaintAssignValues) done = gest_complaint_assign_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      update_from_values (self, gest_complaint_assign_values_set_refusal (done, error->message));
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
  gest_complaint_assign_dialog_save (GEST_COMPLAINT_ASSIGN_DIALOG (widget));
}

static void
gest_complaint_assign_dialog_dispose (GObject *object)
{
  GestComplaintAssignDialog *self = GEST_COMPLAINT_ASSIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_COMPLAINT_ASSIGN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaint_assign_dialog_parent_class)->dispose (object);
}

static void
gest_complaint_assign_dialog_finalize (GObject *object)
{
  GestComplaintAssignDialog *self = GEST_COMPLAINT_ASSIGN_DIALOG (object);

  g_strfreev (self->responsible_uuids);
  g_free (self->complaint_uuid);
  g_clear_pointer (&self->values, gest_complaint_assign_values_free);
  g_clear_pointer (&self->state, gest_complaint_assign_state_free);

  G_OBJECT_CLASS (gest_complaint_assign_dialog_parent_class)->finalize (object);
}

static void
gest_complaint_assign_dialog_class_init (GestComplaintAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_complaint_assign_dialog_dispose;
  object_class->finalize = gest_complaint_assign_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/complaints/gest-complaint-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, responsible_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, advisor_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, status_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintAssignDialog, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, responsible_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_changed_cb);

  gtk_widget_class_install_action (widget_class, "assign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assign.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_complaint_assign_dialog_init (GestComplaintAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GestComplaintAssignDialog *
gest_complaint_assign_dialog_new (GtkWindow           *parent,
                                  GestContext         *context,
                                  const GestComplaint *complaint)
{
  GestComplaintAssignDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (complaint != NULL, NULL);

  self = g_object_new (GEST_TYPE_COMPLAINT_ASSIGN_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->complaint_uuid = g_strdup (complaint->uuid);
  /* Translators: the assignment dialog's title, "Assign QJA-2026-000123". */
  title = g_strdup_printf (_("Assign %s"), complaint->folio);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->filling = TRUE;
  self->values = gest_complaint_assign_values_new (complaint);
  self->responsible_uuids = gest_complaint_rows_fill_users (self->responsible_row, self->store,
                                                            complaint->responsible_uuid, _("Choose…"));
  adw_combo_row_set_selected (self->status_row, 0);
  for (guint i = 0; complaint->document_status != NULL && i < G_N_ELEMENTS (status_codes); i++)
    if (g_str_equal (complaint->document_status, status_codes[i]))
      adw_combo_row_set_selected (self->status_row, i + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->advisor_row), self->values->advisor_name);
  gtk_editable_set_text (GTK_EDITABLE (self->coordinator_row), self->values->commercial_coordinator);
  self->filling = FALSE;
  update_from_values (self,
                      gest_complaint_assign_values_set_responsible (self->values,
                                                                    gest_complaint_rows_selected (self->responsible_row,
                                                                                                  self->responsible_uuids)));
  return self;
}

gboolean
gest_complaint_assign_dialog_save (GestComplaintAssignDialog *self)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_COMPLAINT_ASSIGN_DIALOG (self), FALSE);

  if (self->values->saving)
    return FALSE;
  update_from_values (self, gest_complaint_assign_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  update_from_values (self, gest_complaint_assign_values_set_saving (self->values, TRUE));
  save = g_new0 (SaveData, 1);
  save->complaint_uuid = g_strdup (self->complaint_uuid);
  save->values = gest_complaint_assign_values_copy (self->values);
  gest_store_write_async (self->store, assign_func, save, save_data_free, NULL, assigned_cb,
                          g_object_ref (self));
  return TRUE;
}

const char *
gest_complaint_assign_dialog_get_error (GestComplaintAssignDialog *self,
                                        int                        field)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_ASSIGN_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_COMPLAINT_ASSIGN_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

const char *
gest_complaint_assign_dialog_get_status_meaning (GestComplaintAssignDialog *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_ASSIGN_DIALOG (self), NULL);

  return self->state->status_meaning;
}

void
gest_complaint_assign_dialog_set_status (GestComplaintAssignDialog *self,
                                         const char                *code)
{
  g_return_if_fail (GEST_IS_COMPLAINT_ASSIGN_DIALOG (self));

  adw_combo_row_set_selected (self->status_row, 0);
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (status_codes); i++)
    if (g_str_equal (code, status_codes[i]))
      adw_combo_row_set_selected (self->status_row, i + 1);
}
