/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-task-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-rows.h"
#include "gest-complaint-task-dialog.h"
#include "gest-date.h"
#include "gest-field-error.h"

struct _GestComplaintTaskDialog
{
  AdwWindow                parent_instance;

  /* Template children. */
  GtkWidget               *save_button;
  AdwComboRow             *assignee_row;
  AdwEntryRow             *description_row;
  AdwEntryRow             *due_row;
  GtkLabel                *assignee_error_label;
  GtkLabel                *description_error_label;
  GtkLabel                *due_error_label;
  GtkLabel                *refusal_label;

  GStrv                    assignee_uuids;
  gboolean                 filling;

  GestContext             *context;
  GestStore               *store;      /* the context's */
  char                    *complaint_uuid;
  GestComplaintTaskValues *values;
  GestComplaintTaskState  *state;
};

G_DEFINE_FINAL_TYPE (GestComplaintTaskDialog, gest_complaint_task_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char  *complaint_uuid;
  char  *assignee_uuid;
  char  *description;
  GDate  due;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->complaint_uuid);
  g_free (save->assignee_uuid);
  g_free (save->description);
  g_free (save);
}

static void
update_widgets (GestComplaintTaskDialog      *self,
                const GestComplaintTaskState *state)
{
  gest_field_error_show (GTK_WIDGET (self->assignee_row), self->assignee_error_label,
                         state->errors[GEST_COMPLAINT_TASK_ASSIGNEE]);
  gest_field_error_show (GTK_WIDGET (self->description_row), self->description_error_label,
                         state->errors[GEST_COMPLAINT_TASK_DESCRIPTION]);
  gest_field_error_show (GTK_WIDGET (self->due_row), self->due_error_label,
                         state->errors[GEST_COMPLAINT_TASK_DUE]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assignee_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), state->fields_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->save_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.save", state->save_sensitive);
}

static void
update_from_values (GestComplaintTaskDialog *self,
                    GestComplaintTaskValues *values)
{
  GDate today;

  gest_complaint_task_values_free (self->values);
  self->values = values;
  gest_date_today (&today);
  g_clear_pointer (&self->state, gest_complaint_task_state_free);
  self->state = gest_complaint_task_widget_state_from_values (self->values, &today);
  update_widgets (self, self->state);
}

static void
assignee_changed_cb (GestComplaintTaskDialog *self)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_task_values_set_assignee (self->values,
                                                               gest_complaint_rows_selected (self->assignee_row,
                                                                                             self->assignee_uuids)));
}

static void
description_changed_cb (GestComplaintTaskDialog *self)
{
  if (self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_task_values_set_description (self->values,
                                                                  gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
}

static void
due_changed_cb (GestComplaintTaskDialog *self)
{
  if (self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_task_values_set_due_text (self->values,
                                                               gtk_editable_get_text (GTK_EDITABLE (self->due_row))));
}

static gboolean
add_func (GestStore  *store,
          gpointer    data,
          GError    **error)
{
  SaveData *save = data;

  return gest_complaint_add_task (store, save->complaint_uuid, save->assignee_uuid, save->description,
                                  &save->due, NULL, error);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestComplaintTaskDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaintTaskValues) done = gest_complaint_task_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      update_from_values (self, gest_complaint_task_values_set_refusal (done, error->message));
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
  gest_complaint_task_dialog_save (GEST_COMPLAINT_TASK_DIALOG (widget));
}

static void
gest_complaint_task_dialog_dispose (GObject *object)
{
  GestComplaintTaskDialog *self = GEST_COMPLAINT_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_COMPLAINT_TASK_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaint_task_dialog_parent_class)->dispose (object);
}

static void
gest_complaint_task_dialog_finalize (GObject *object)
{
  GestComplaintTaskDialog *self = GEST_COMPLAINT_TASK_DIALOG (object);

  g_strfreev (self->assignee_uuids);
  g_free (self->complaint_uuid);
  g_clear_pointer (&self->values, gest_complaint_task_values_free);
  g_clear_pointer (&self->state, gest_complaint_task_state_free);

  G_OBJECT_CLASS (gest_complaint_task_dialog_parent_class)->finalize (object);
}

static void
gest_complaint_task_dialog_class_init (GestComplaintTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_complaint_task_dialog_dispose;
  object_class->finalize = gest_complaint_task_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/complaints/gest-complaint-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, assignee_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, description_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, due_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintTaskDialog, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, assignee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);

  gtk_widget_class_install_action (widget_class, "task.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "task.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_complaint_task_dialog_init (GestComplaintTaskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GestComplaintTaskDialog *
gest_complaint_task_dialog_new (GtkWindow   *parent,
                                GestContext *context,
                                const char  *complaint_uuid)
{
  GestComplaintTaskDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (complaint_uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_COMPLAINT_TASK_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->complaint_uuid = g_strdup (complaint_uuid);
  self->filling = TRUE;
  self->assignee_uuids = gest_complaint_rows_fill_users (self->assignee_row, self->store, NULL, _("Choose…"));
  self->filling = FALSE;
  update_from_values (self, gest_complaint_task_values_new ());
  return self;
}

gboolean
gest_complaint_task_dialog_save (GestComplaintTaskDialog *self)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_COMPLAINT_TASK_DIALOG (self), FALSE);

  if (self->values->saving)
    return FALSE;
  update_from_values (self, gest_complaint_task_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  save = g_new0 (SaveData, 1);
  save->complaint_uuid = g_strdup (self->complaint_uuid);
  save->assignee_uuid = g_strdup (self->values->assignee_uuid);
  save->description = g_strdup (self->state->description);
  save->due = self->state->due;
  update_from_values (self, gest_complaint_task_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, add_func, save, save_data_free, NULL, added_cb,
                          g_object_ref (self));
  return TRUE;
}

const char *
gest_complaint_task_dialog_get_error (GestComplaintTaskDialog *self,
                                      int                      field)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_TASK_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_COMPLAINT_TASK_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

void
gest_complaint_task_dialog_fill (GestComplaintTaskDialog *self,
                                 const char              *assignee_uuid,
                                 const char              *description,
                                 const char              *due_text)
{
  g_return_if_fail (GEST_IS_COMPLAINT_TASK_DIALOG (self));

  for (guint i = 0; self->assignee_uuids != NULL && self->assignee_uuids[i] != NULL; i++)
    if (g_strcmp0 (self->assignee_uuids[i], assignee_uuid) == 0)
      adw_combo_row_set_selected (self->assignee_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);
}
