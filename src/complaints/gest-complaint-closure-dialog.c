/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-closure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-closure-dialog.h"
#include "gest-complaint-rows.h"
#include "gest-field-error.h"

static const char *const catalog_kinds[GEST_COMPLAINT_CLOSURE_N_FIELDS] = { "cause", "error", "area" };

struct _GestComplaintClosureDialog
{
  AdwWindow                   parent_instance;

  /* Template children. */
  GtkWidget                  *save_button;
  GtkLabel                   *blocked_label;
  AdwComboRow                *cause_row;
  AdwComboRow                *error_row;
  AdwComboRow                *area_row;
  GtkLabel                   *cause_error_label;
  GtkLabel                   *error_error_label;
  GtkLabel                   *area_error_label;
  GtkLabel                   *refusal_label;

  AdwComboRow                *rows[GEST_COMPLAINT_CLOSURE_N_FIELDS];     /* borrowed */
  GtkLabel                   *labels[GEST_COMPLAINT_CLOSURE_N_FIELDS];   /* borrowed */
  GStrv                       uuids[GEST_COMPLAINT_CLOSURE_N_FIELDS];
  gboolean                    filling;

  GestContext                *context;
  GestStore                  *store;      /* the context's */
  char                       *complaint_uuid;
  GestComplaintClosureValues *values;
  GestComplaintClosureState  *state;
};

G_DEFINE_FINAL_TYPE (GestComplaintClosureDialog, gest_complaint_closure_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                       *complaint_uuid;
  GestComplaintClosureValues *values;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->complaint_uuid);
  gest_complaint_closure_values_free (save->values);
  g_free (save);
}

static void
update_widgets (GestComplaintClosureDialog      *self,
                const GestComplaintClosureState *state)
{
  for (guint i = 0; i < GEST_COMPLAINT_CLOSURE_N_FIELDS; i++)
    {
      gest_field_error_show (GTK_WIDGET (self->rows[i]), self->labels[i], state->errors[i]);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rows[i]), state->fields_sensitive);
    }
  gest_field_error_show (NULL, self->blocked_label, state->blocked);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);
  gtk_widget_set_sensitive (self->save_button, state->close_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closure.close", state->close_sensitive);
}

static void
update_from_values (GestComplaintClosureDialog *self,
                    GestComplaintClosureValues *values)
{
  gest_complaint_closure_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_complaint_closure_state_free);
  self->state = gest_complaint_closure_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

static void
field_changed (GestComplaintClosureDialog *self,
               GestComplaintClosureField   field)
{
  if (self->filling || self->values == NULL)
    return;
  update_from_values (self,
                      gest_complaint_closure_values_set_field (self->values, field,
                                                               gest_complaint_rows_selected (self->rows[field],
                                                                                             self->uuids[field])));
}

static void
cause_changed_cb (GestComplaintClosureDialog *self)
{
  field_changed (self, GEST_COMPLAINT_CLOSURE_CAUSE);
}

static void
error_changed_cb (GestComplaintClosureDialog *self)
{
  field_changed (self, GEST_COMPLAINT_CLOSURE_ERROR);
}

static void
area_changed_cb (GestComplaintClosureDialog *self)
{
  field_changed (self, GEST_COMPLAINT_CLOSURE_AREA);
}

static gboolean
close_func (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  SaveData *save = data;

  return gest_complaint_close (store, save->complaint_uuid, save->values->cause_uuid,
                               save->values->error_uuid, save->values->area_uuid, error);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestComplaintClosureDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaintClosureValues) done = gest_complaint_closure_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      update_from_values (self, gest_complaint_closure_values_set_refusal (done, error->message));
      return;
    }
  update_from_values (self, g_steal_pointer (&done));
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gest_complaint_closure_dialog_save (GEST_COMPLAINT_CLOSURE_DIALOG (widget));
}

static void
gest_complaint_closure_dialog_dispose (GObject *object)
{
  GestComplaintClosureDialog *self = GEST_COMPLAINT_CLOSURE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_COMPLAINT_CLOSURE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaint_closure_dialog_parent_class)->dispose (object);
}

static void
gest_complaint_closure_dialog_finalize (GObject *object)
{
  GestComplaintClosureDialog *self = GEST_COMPLAINT_CLOSURE_DIALOG (object);

  for (guint i = 0; i < GEST_COMPLAINT_CLOSURE_N_FIELDS; i++)
    g_strfreev (self->uuids[i]);
  g_free (self->complaint_uuid);
  g_clear_pointer (&self->values, gest_complaint_closure_values_free);
  g_clear_pointer (&self->state, gest_complaint_closure_state_free);

  G_OBJECT_CLASS (gest_complaint_closure_dialog_parent_class)->finalize (object);
}

static void
gest_complaint_closure_dialog_class_init (GestComplaintClosureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_complaint_closure_dialog_dispose;
  object_class->finalize = gest_complaint_closure_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/complaints/gest-complaint-closure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, cause_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, cause_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, error_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, area_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintClosureDialog, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, cause_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_changed_cb);

  gtk_widget_class_install_action (widget_class, "closure.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_complaint_closure_dialog_init (GestComplaintClosureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows[GEST_COMPLAINT_CLOSURE_CAUSE] = self->cause_row;
  self->rows[GEST_COMPLAINT_CLOSURE_ERROR] = self->error_row;
  self->rows[GEST_COMPLAINT_CLOSURE_AREA] = self->area_row;
  self->labels[GEST_COMPLAINT_CLOSURE_CAUSE] = self->cause_error_label;
  self->labels[GEST_COMPLAINT_CLOSURE_ERROR] = self->error_error_label;
  self->labels[GEST_COMPLAINT_CLOSURE_AREA] = self->area_error_label;
}

GestComplaintClosureDialog *
gest_complaint_closure_dialog_new (GtkWindow           *parent,
                                   GestContext         *context,
                                   const GestComplaint *complaint)
{
  GestComplaintClosureDialog *self;
  const char *selected[GEST_COMPLAINT_CLOSURE_N_FIELDS];

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (complaint != NULL, NULL);

  self = g_object_new (GEST_TYPE_COMPLAINT_CLOSURE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->complaint_uuid = g_strdup (complaint->uuid);
  /* Translators: the closure dialog's title, "Close QJA-2026-000123". */
  {
    g_autofree char *title = g_strdup_printf (_("Close %s"), complaint->folio);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  selected[GEST_COMPLAINT_CLOSURE_CAUSE] = complaint->cause_uuid;
  selected[GEST_COMPLAINT_CLOSURE_ERROR] = complaint->error_uuid;
  selected[GEST_COMPLAINT_CLOSURE_AREA] = complaint->area_uuid;
  self->filling = TRUE;
  self->values = gest_complaint_closure_values_new (complaint->acceptance_call_at != 0);
  for (guint i = 0; i < GEST_COMPLAINT_CLOSURE_N_FIELDS; i++)
    {
      GestComplaintClosureValues *values;

      self->uuids[i] = gest_complaint_rows_fill_catalog (self->rows[i], self->store, catalog_kinds[i],
                                                         selected[i], _("Choose…"));
      values = gest_complaint_closure_values_set_field (self->values, i,
                                                        gest_complaint_rows_selected (self->rows[i], self->uuids[i]));
      gest_complaint_closure_values_free (self->values);
      self->values = values;
    }
  self->filling = FALSE;
  update_from_values (self, gest_complaint_closure_values_copy (self->values));
  return self;
}

gboolean
gest_complaint_closure_dialog_save (GestComplaintClosureDialog *self)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_COMPLAINT_CLOSURE_DIALOG (self), FALSE);

  if (self->values->saving || !self->values->accepted_call)
    return FALSE;
  update_from_values (self, gest_complaint_closure_values_set_show_errors (self->values, TRUE));
  if (!self->state->valid)
    return FALSE;
  update_from_values (self, gest_complaint_closure_values_set_saving (self->values, TRUE));
  save = g_new0 (SaveData, 1);
  save->complaint_uuid = g_strdup (self->complaint_uuid);
  save->values = gest_complaint_closure_values_copy (self->values);
  gest_store_write_async (self->store, close_func, save, save_data_free, NULL, closed_cb,
                          g_object_ref (self));
  return TRUE;
}

const char *
gest_complaint_closure_dialog_get_error (GestComplaintClosureDialog *self,
                                         int                         field)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_CLOSURE_DIALOG (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_COMPLAINT_CLOSURE_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

const char *
gest_complaint_closure_dialog_get_blocked (GestComplaintClosureDialog *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_CLOSURE_DIALOG (self), NULL);

  return self->state->blocked;
}

void
gest_complaint_closure_dialog_choose (GestComplaintClosureDialog *self,
                                      GestComplaintClosureField   field,
                                      guint                       n)
{
  g_return_if_fail (GEST_IS_COMPLAINT_CLOSURE_DIALOG (self));
  g_return_if_fail (field < GEST_COMPLAINT_CLOSURE_N_FIELDS);

  adw_combo_row_set_selected (self->rows[field], n);
}
