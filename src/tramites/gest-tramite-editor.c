/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-plan-statement-view.h"
#include "gest-tramite-editor.h"
#include "gest-tramite-saves.h"

struct _GestTramiteEditor
{
  AdwWindow              parent_instance;

  /* Template children. */
  AdwToastOverlay       *toast_overlay;
  GtkWidget             *cancel_button;
  GtkWidget             *save_button;
  GtkStack              *stack;
  GtkWidget             *plan_group;
  AdwEntryRow           *plan_entry;
  GtkLabel              *plan_error_label;
  GtkBox                *statement_box;
  AdwEntryRow           *amount_entry;
  GtkLabel              *amount_error_label;
  GtkLabel              *life_insurance_label;
  AdwEntryRow           *date_entry;
  GtkLabel              *date_error_label;
  GtkTextView           *notes_view;
  GtkLabel              *notes_error_label;
  AdwStatusPage         *done_page;

  GestPlanStatementView *statement_view;   /* borrowed: a child of statement_box */

  GestContext           *context;
  GestStore             *store;           /* the context's */
  char                  *plan_uuid;        /* as given; NULL to ask for a plan number */
  GestTramiteValues     *values;
  /* A plan number that could not be loaded: shown under the plan field. */
  char                  *plan_error;
  /* Field errors show once the user tried to save, then follow every change. */
  gboolean               show_errors;
  gboolean               saving;         /* a save is on the writer thread */
  char                  *tramite_uuid;
  char                  *folio;
};

G_DEFINE_FINAL_TYPE (GestTramiteEditor, gest_tramite_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PLAN_UUID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
replace_values (GestTramiteEditor *self,
                GestTramiteValues *values)
{
  gest_tramite_values_free (self->values);
  self->values = values;
}

static void
show_field_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* gnome-calendar's widget_state_from_values(): everything the form shows that depends on
 * the values, recomputed from them. The entries themselves are the user's. */
static void
widget_state_from_values (GestTramiteEditor *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *insurance_note = gest_tramite_values_dup_life_insurance_note (self->values);
  const char *plan_error = self->plan_error;
  GDate today;

  gtk_label_set_label (self->life_insurance_label, insurance_note != NULL ? insurance_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->life_insurance_label), insurance_note != NULL);

  gest_date_today (&today);
  errors = gest_tramite_values_validate (self->values, &today);
  if (plan_error == NULL && self->show_errors)
    plan_error = gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_PLAN);
  show_field_error (self->plan_error_label, plan_error);
  show_field_error (self->amount_error_label,
                    self->show_errors ? gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_AMOUNT) : NULL);
  show_field_error (self->date_error_label,
                    self->show_errors ? gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_DATE) : NULL);
  show_field_error (self->notes_error_label,
                    self->show_errors ? gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_NOTES) : NULL);
}

static void
plan_apply_cb (GestTramiteEditor *self)
{
  gest_tramite_editor_load_plan (self, gtk_editable_get_text (GTK_EDITABLE (self->plan_entry)));
}

static void
amount_changed_cb (GestTramiteEditor *self)
{
  replace_values (self, gest_tramite_values_set_amount_text (self->values,
                                                              gtk_editable_get_text (GTK_EDITABLE (self->amount_entry))));
  widget_state_from_values (self);
}

static void
date_changed_cb (GestTramiteEditor *self)
{
  replace_values (self, gest_tramite_values_set_date_text (self->values,
                                                            gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  widget_state_from_values (self);
}

static void
notes_changed_cb (GestTramiteEditor *self,
                  GtkTextBuffer     *buffer)
{
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  replace_values (self, gest_tramite_values_set_notes (self->values, notes));
  widget_state_from_values (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_tramite_editor_save (GEST_TRAMITE_EDITOR (widget));
}

static void
gest_tramite_editor_constructed (GObject *object)
{
  GestTramiteEditor *self = (GestTramiteEditor *) object;

  G_OBJECT_CLASS (gest_tramite_editor_parent_class)->constructed (object);

  self->statement_view = GEST_PLAN_STATEMENT_VIEW (gest_plan_statement_view_new (self->context, NULL));
  gest_plan_statement_view_set_show_new_button (self->statement_view, FALSE);
  gtk_box_append (self->statement_box, GTK_WIDGET (self->statement_view));

  gtk_widget_set_visible (self->plan_group, self->plan_uuid == NULL);
  if (self->plan_uuid != NULL && !gest_tramite_editor_load_plan (self, self->plan_uuid))
    {
      /* The plan given is gone: let the user type another. */
      gtk_editable_set_text (GTK_EDITABLE (self->plan_entry), self->plan_uuid);
      gtk_widget_set_visible (self->plan_group, TRUE);
    }
  widget_state_from_values (self);
}

static void
gest_tramite_editor_dispose (GObject *object)
{
  GestTramiteEditor *self = (GestTramiteEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_TRAMITE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_tramite_editor_parent_class)->dispose (object);
}

static void
gest_tramite_editor_finalize (GObject *object)
{
  GestTramiteEditor *self = (GestTramiteEditor *) object;

  g_clear_pointer (&self->plan_uuid, g_free);
  g_clear_pointer (&self->values, gest_tramite_values_free);
  g_clear_pointer (&self->plan_error, g_free);
  g_clear_pointer (&self->tramite_uuid, g_free);
  g_clear_pointer (&self->folio, g_free);

  G_OBJECT_CLASS (gest_tramite_editor_parent_class)->finalize (object);
}

static void
gest_tramite_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestTramiteEditor *self = GEST_TRAMITE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PLAN_UUID:
      g_value_set_string (value, self->plan_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestTramiteEditor *self = GEST_TRAMITE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_PLAN_UUID:
      self->plan_uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_editor_class_init (GestTramiteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_tramite_editor_constructed;
  object_class->dispose = gest_tramite_editor_dispose;
  object_class->finalize = gest_tramite_editor_finalize;
  object_class->get_property = gest_tramite_editor_get_property;
  object_class->set_property = gest_tramite_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_UUID] =
    g_param_spec_string ("plan-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GestTramiteEditor::saved:
   * @uuid: the new trámite's uuid
   * @folio: its folio, "LIQ-2026-000123"
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/tramites/gest-tramite-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, plan_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, plan_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, statement_box);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, life_insurance_label);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, notes_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestTramiteEditor, done_page);
  gtk_widget_class_bind_template_callback (widget_class, plan_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_tramite_editor_init (GestTramiteEditor *self)
{
  self->values = gest_tramite_values_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

GestTramiteEditor *
gest_tramite_editor_new (GtkWindow   *parent,
                         GestContext *context,
                         const char  *plan_uuid)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_TRAMITE_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "plan-uuid", plan_uuid,
                       NULL);
}

void
gest_tramite_editor_present (GtkWindow   *parent,
                             GestContext *context,
                             const char  *plan_uuid)
{
  GestTramiteEditor *self = gest_tramite_editor_new (parent, context, plan_uuid);

  g_return_if_fail (self != NULL);

  gtk_window_present (GTK_WINDOW (self));
}

const GestTramiteValues *
gest_tramite_editor_get_values (GestTramiteEditor *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), NULL);

  return self->values;
}

gboolean
gest_tramite_editor_load_plan (GestTramiteEditor *self,
                               const char        *plan)
{
  g_autoptr(GError) error = NULL;
  g_auto(GestPlanStatement) statement = { 0 };
  gboolean loaded;

  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), FALSE);

  g_clear_pointer (&self->plan_error, g_free);
  loaded = plan != NULL && gest_plan_statement_load (self->store, plan, &statement, &error);
  if (loaded)
    {
      replace_values (self, gest_tramite_values_set_statement (self->values, &statement));
      gest_plan_statement_view_set_plan_uuid (self->statement_view, statement.plan_uuid);
    }
  else
    {
      if (error != NULL)
        self->plan_error = g_strdup (error->message);
      else
        self->plan_error = g_strdup (_("Write the plan number from the customer’s contract."));
      replace_values (self, gest_tramite_values_set_statement (self->values, NULL));
      gest_plan_statement_view_set_plan_uuid (self->statement_view, NULL);
    }
  widget_state_from_values (self);
  return loaded;
}

static void
set_saving (GestTramiteEditor *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->save_button, !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GestTramiteEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *description = NULL;

  tramite = gest_tramite_create_finish (GEST_STORE (object), result, &error);
  set_saving (self, FALSE);
  if (tramite == NULL)
    {
      /* The form's fields were valid: this is the store or a rule checked at saving time
       * (the plan's balance changed, the folio series is full). */
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  self->tramite_uuid = g_strdup (tramite->uuid);
  self->folio = g_strdup (tramite->folio);

  adw_status_page_set_title (self->done_page, tramite->folio);
  /* Translators: shown under the new folio once a trámite is registered. */
  description = g_strdup_printf (_("The payoff of plan %s for %s is registered. Use this folio with Conauto for the payoff, the car-insurance cancellation and the invoice delivery."),
                                 tramite->statement.plan_number, tramite->statement.customer_name);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_window_set_title (GTK_WINDOW (self), tramite->folio);

  g_signal_emit (self, signals[SAVED], 0, self->tramite_uuid, self->folio);
}

gboolean
gest_tramite_editor_save (GestTramiteEditor *self)
{
  g_autoptr(GError) error = NULL;
  GestMoney amount;
  GDate date;

  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), FALSE);

  if (self->folio != NULL)
    return TRUE;
  if (self->saving)
    return FALSE;

  self->show_errors = TRUE;
  widget_state_from_values (self);

  /* Invalid fields already show their errors under each field. */
  if (!gest_tramite_values_check (self->values, &amount, &date, &error))
    return FALSE;

  /* The window stays until the save reports, whatever the user does meanwhile: the folio
   * is shown and "saved" emitted then. */
  set_saving (self, TRUE);
  gest_tramite_create_async (self->store, self->values->statement->plan_uuid,
                             amount, &date, self->values->notes, NULL, NULL,
                             created_cb, g_object_ref (self));
  return TRUE;
}

const char *
gest_tramite_editor_get_field_error (GestTramiteEditor *self,
                                     GestTramiteField   field)
{
  GtkLabel *label;

  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), NULL);

  switch (field)
    {
    case GEST_TRAMITE_FIELD_PLAN:
      label = self->plan_error_label;
      break;
    case GEST_TRAMITE_FIELD_AMOUNT:
      label = self->amount_error_label;
      break;
    case GEST_TRAMITE_FIELD_DATE:
      label = self->date_error_label;
      break;
    case GEST_TRAMITE_FIELD_NOTES:
      label = self->notes_error_label;
      break;
    case GEST_TRAMITE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

const char *
gest_tramite_editor_get_tramite_uuid (GestTramiteEditor *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), NULL);

  return self->tramite_uuid;
}

const char *
gest_tramite_editor_get_folio (GestTramiteEditor *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_EDITOR (self), NULL);

  return self->folio;
}
