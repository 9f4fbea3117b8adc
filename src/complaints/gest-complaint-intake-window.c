/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-intake-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-intake-window.h"
#include "gest-complaint-rows.h"
#include "gest-customer-editor.h"
#include "gest-customer-item.h"
#include "gest-customer-list.h"
#include "gest-document-preview.h"
#include "gest-field-error.h"
#include "gest-plan-statement.h"

/* The search shows this many customers; more words narrow it. */
#define N_RESULTS 6

struct _GestComplaintIntakeWindow
{
  AdwWindow                  parent_instance;

  /* Template children. */
  GtkWidget                 *save_button;
  AdwComboRow               *kind_row;
  AdwComboRow               *channel_row;
  AdwActionRow              *customer_row;
  GtkWidget                 *new_customer_button;
  AdwEntryRow               *customer_search_row;
  GtkListBox                *customer_results;
  GtkLabel                  *customer_error_label;
  AdwComboRow               *plan_row;
  AdwEntryRow               *invoice_row;
  AdwEntryRow               *complainant_name_row;
  AdwEntryRow               *complainant_role_row;
  GtkLabel                  *complainant_error_label;
  AdwPreferencesGroup       *summary_group;
  GtkTextView               *summary_view;
  GtkLabel                  *summary_error_label;
  AdwPreferencesGroup       *letter_group;
  AdwActionRow              *letter_row;
  GtkFrame                  *letter_frame;
  GtkLabel                  *letter_error_label;
  AdwComboRow               *responsible_row;
  GtkLabel                  *responsible_error_label;
  GtkLabel                  *refusal_label;

  GestDocumentPreview       *preview;        /* borrowed: the letter frame's child */
  GestCustomerList          *customers;
  GtkSliceListModel         *results;
  GtkFileChooserNative      *chooser;
  GStrv                      responsible_uuids;
  GPtrArray                 *plan_uuids;     /* parallel to plan_row's entries: plan uuid */
  GPtrArray                 *vehicle_uuids;  /* ... and its vehicle's, NULL for none */
  gboolean                   filling;        /* rows set by code: no values change */

  GestContext               *context;
  GestStore                 *store;          /* the context's */
  GestComplaintIntakeValues *values;
  GestComplaintIntakeState  *state;
  char                      *uuid;
  char                      *folio;
};

G_DEFINE_FINAL_TYPE (GestComplaintIntakeWindow, gest_complaint_intake_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GestComplaintIntakeValues *values;
  char                      *uuid;
  char                      *folio;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  gest_complaint_intake_values_free (save->values);
  g_free (save->uuid);
  g_free (save->folio);
  g_free (save);
}

/* gnome-calendar's update_widgets(): everything the state says, in one place. The texts are
 * the analyst's and are never written here. */
static void
update_widgets (GestComplaintIntakeWindow            *self,
                const GestComplaintIntakeState *state)
{
  gest_field_error_show (GTK_WIDGET (self->customer_row), self->customer_error_label,
                         state->errors[GEST_COMPLAINT_INTAKE_CUSTOMER]);
  gest_field_error_show (GTK_WIDGET (self->complainant_name_row), self->complainant_error_label,
                         state->errors[GEST_COMPLAINT_INTAKE_COMPLAINANT]);
  gest_field_error_show (GTK_WIDGET (self->summary_view), self->summary_error_label,
                         state->errors[GEST_COMPLAINT_INTAKE_SUMMARY]);
  gest_field_error_show (GTK_WIDGET (self->letter_row), self->letter_error_label,
                         state->errors[GEST_COMPLAINT_INTAKE_LETTER]);
  gest_field_error_show (GTK_WIDGET (self->responsible_row), self->responsible_error_label,
                         state->errors[GEST_COMPLAINT_INTAKE_RESPONSIBLE]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);

  gtk_widget_set_visible (GTK_WIDGET (self->letter_group), state->letter_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->letter_frame),
                          state->letter_visible && self->values->letter_path != NULL);
  adw_preferences_group_set_title (self->summary_group, state->summary_title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_row), state->account_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->invoice_row), state->account_sensitive);
  gtk_widget_set_sensitive (self->save_button, state->register_sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.register", state->register_sensitive);
}

static void
update_from_values (GestComplaintIntakeWindow       *self,
                    GestComplaintIntakeValues *values)
{
  gest_complaint_intake_values_free (self->values);
  self->values = values;
  g_clear_pointer (&self->state, gest_complaint_intake_state_free);
  self->state = gest_complaint_intake_widget_state_from_values (self->values);
  update_widgets (self, self->state);
}

/* The plans of the chosen customer, with their vehicles: a handful of rows by an index. */
static void
fill_plans (GestComplaintIntakeWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_ptr_array_set_size (self->plan_uuids, 0);
  g_ptr_array_set_size (self->vehicle_uuids, 0);
  gtk_string_list_append (model, _("None applies"));
  g_ptr_array_add (self->plan_uuids, NULL);
  g_ptr_array_add (self->vehicle_uuids, NULL);
  if (self->values->customer_uuid != NULL)
    stmt = gest_store_prepare (self->store,
                               "SELECT p.uuid, p.number, p.vehicle_uuid, v.model, v.year, v.vin "
                               "FROM plans p LEFT JOIN vehicles v ON v.uuid = p.vehicle_uuid "
                               "WHERE p.customer_uuid = ? AND p.deleted = 0 ORDER BY p.number",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, self->values->customer_uuid, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *number = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *label = NULL;

          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
            {
              g_autofree char *vehicle = NULL;

              vehicle = gest_plan_statement_format_vehicle ((const char *) sqlite3_column_text (stmt, 3),
                                                            sqlite3_column_int (stmt, 4),
                                                            (const char *) sqlite3_column_text (stmt, 5));
              /* Translators: a plan and its vehicle, "Plan 123456 · Figo 2019 · 3FADP…". */
              label = g_strdup_printf (_("Plan %s · %s"), number, vehicle);
            }
          else
            label = g_strdup_printf (_("Plan %s"), number);
          gtk_string_list_append (model, label);
          g_ptr_array_add (self->plan_uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (self->vehicle_uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
        }
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (model));
  /* A customer with one plan: that is the plan the complaint is about, most likely. */
  adw_combo_row_set_selected (self->plan_row, self->plan_uuids->len == 2 ? 1 : 0);
  self->filling = FALSE;
}

static void
plan_changed_cb (GestComplaintIntakeWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->plan_row);
  const char *plan = NULL;
  const char *vehicle = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->plan_uuids->len)
    {
      plan = g_ptr_array_index (self->plan_uuids, selected);
      vehicle = g_ptr_array_index (self->vehicle_uuids, selected);
    }
  update_from_values (self, gest_complaint_intake_values_set_plan (self->values, plan, vehicle));
}

static void
kind_changed_cb (GestComplaintIntakeWindow *self)
{
  GestComplaintKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? GEST_COMPLAINT_KIND_CLAIM
                                                                           : GEST_COMPLAINT_KIND_COMPLAINT;

  if (self->values != NULL)
    update_from_values (self, gest_complaint_intake_values_set_kind (self->values, kind));
}

static void
channel_changed_cb (GestComplaintIntakeWindow *self)
{
  GestComplaintChannel channel = adw_combo_row_get_selected (self->channel_row) == 1 ? GEST_COMPLAINT_CHANNEL_WRITING
                                                                                     : GEST_COMPLAINT_CHANNEL_PHONE;

  if (self->values != NULL)
    update_from_values (self, gest_complaint_intake_values_set_channel (self->values, channel));
}

static void
invoice_changed_cb (GestComplaintIntakeWindow *self)
{
  update_from_values (self, gest_complaint_intake_values_set_invoice (self->values,
                                                                     gtk_editable_get_text (GTK_EDITABLE (self->invoice_row))));
}

static void
complainant_changed_cb (GestComplaintIntakeWindow *self)
{
  update_from_values (self,
                      gest_complaint_intake_values_set_complainant (self->values,
                                                                    gtk_editable_get_text (GTK_EDITABLE (self->complainant_name_row)),
                                                                    gtk_editable_get_text (GTK_EDITABLE (self->complainant_role_row))));
}

static void
summary_changed_cb (GestComplaintIntakeWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  update_from_values (self, gest_complaint_intake_values_set_summary (self->values, text));
}

static void
responsible_changed_cb (GestComplaintIntakeWindow *self)
{
  if (self->values == NULL || self->filling)
    return;
  update_from_values (self,
                      gest_complaint_intake_values_set_responsible (self->values,
                                                                    gest_complaint_rows_selected (self->responsible_row,
                                                                                                  self->responsible_uuids)));
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  GestCustomerItem *customer = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gest_customer_item_get_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gest_customer_item_get_summary (customer));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "gest-customer-uuid",
                          g_strdup (gest_customer_item_get_uuid (customer)), g_free);
  return row;
}

static void
customer_search_changed_cb (GestComplaintIntakeWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_search_row))));

  gest_customer_list_set_filter (self->customers, text);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_results),
                          *text != '\0' && g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0);
}

static void
customer_result_activated_cb (GestComplaintIntakeWindow *self,
                              GtkListBoxRow       *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "gest-customer-uuid");

  gest_complaint_intake_window_set_customer (self, uuid,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_editable_set_text (GTK_EDITABLE (self->customer_search_row), "");
}

static void
customer_saved_cb (GestComplaintIntakeWindow *self,
                   const char          *uuid,
                   GestCustomerEditor  *editor)
{
  const GestCustomerValues *values = gest_customer_editor_get_values (editor);

  gest_complaint_intake_window_set_customer (self, uuid, gest_customer_values_get (values, GEST_CUSTOMER_FIELD_NAME));
}

static void
new_customer_clicked_cb (GestComplaintIntakeWindow *self)
{
  GestCustomerEditor *editor = gest_customer_editor_new (GTK_WINDOW (self), self->store, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (customer_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
chooser_response_cb (GestComplaintIntakeWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    gest_complaint_intake_window_set_letter (self, path);
}

static void
letter_clicked_cb (GestComplaintIntakeWindow *self)
{
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Scanned Letter"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF files and images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
create_func (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  SaveData *save = data;
  GestComplaintIntake intake;

  gest_complaint_intake_values_to_intake (save->values, &intake);
  return gest_complaint_create (store, &intake, &save->uuid, &save->folio, error);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GestComplaintIntakeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaintIntakeValues) done = gest_complaint_intake_values_set_saving (self->values, FALSE);
  SaveData *save = gest_store_write_get_data (result);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      /* The model's words say what is missing or who may do it. */
      update_from_values (self, gest_complaint_intake_values_set_refusal (done, error->message));
      return;
    }
  update_from_values (self, g_steal_pointer (&done));
  self->uuid = g_strdup (save->uuid);
  self->folio = g_strdup (save->folio);
  g_signal_emit (self, signals[SAVED], 0, self->uuid, self->folio);
  gtk_window_close (GTK_WINDOW (self));
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gest_complaint_intake_window_register (GEST_COMPLAINT_INTAKE_WINDOW (widget));
}

static void
gest_complaint_intake_window_constructed (GObject *object)
{
  GestComplaintIntakeWindow *self = GEST_COMPLAINT_INTAKE_WINDOW (object);

  G_OBJECT_CLASS (gest_complaint_intake_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->store = g_object_ref (gest_context_get_store (self->context));
  self->customers = gest_customer_list_new (self->store);
  self->results = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->customers)), 0, N_RESULTS);
  gtk_list_box_bind_model (self->customer_results, G_LIST_MODEL (self->results), create_result_row, NULL, NULL);

  self->preview = GEST_DOCUMENT_PREVIEW (gest_document_preview_new (gest_context_get_render_queue (self->context)));
  gtk_frame_set_child (self->letter_frame, GTK_WIDGET (self->preview));

  self->values = gest_complaint_intake_values_new ();
  self->filling = TRUE;
  {
    /* The analyst who takes the call is the responsible unless they choose another. */
    GestUser *user = gest_store_get_user (self->store);  /* borrowed */

    self->responsible_uuids = gest_complaint_rows_fill_users (self->responsible_row, self->store,
                                                              user != NULL ? user->uuid : NULL,
                                                              _("Choose…"));
    update_from_values (self, gest_complaint_intake_values_set_responsible (self->values,
                                                                           gest_complaint_rows_selected (self->responsible_row,
                                                                                                         self->responsible_uuids)));
  }
  self->filling = FALSE;
  fill_plans (self);
  /* The analyst starts by finding the customer. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->customer_search_row));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (summary_changed_cb), self);
}

static void
gest_complaint_intake_window_dispose (GObject *object)
{
  GestComplaintIntakeWindow *self = GEST_COMPLAINT_INTAKE_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_COMPLAINT_INTAKE_WINDOW);
  g_clear_object (&self->results);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaint_intake_window_parent_class)->dispose (object);
}

static void
gest_complaint_intake_window_finalize (GObject *object)
{
  GestComplaintIntakeWindow *self = GEST_COMPLAINT_INTAKE_WINDOW (object);

  g_strfreev (self->responsible_uuids);
  g_ptr_array_unref (self->plan_uuids);
  g_ptr_array_unref (self->vehicle_uuids);
  g_clear_pointer (&self->values, gest_complaint_intake_values_free);
  g_clear_pointer (&self->state, gest_complaint_intake_state_free);
  g_free (self->uuid);
  g_free (self->folio);

  G_OBJECT_CLASS (gest_complaint_intake_window_parent_class)->finalize (object);
}

static void
gest_complaint_intake_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GestComplaintIntakeWindow *self = GEST_COMPLAINT_INTAKE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaint_intake_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GestComplaintIntakeWindow *self = GEST_COMPLAINT_INTAKE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaint_intake_window_class_init (GestComplaintIntakeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_complaint_intake_window_constructed;
  object_class->dispose = gest_complaint_intake_window_dispose;
  object_class->finalize = gest_complaint_intake_window_finalize;
  object_class->get_property = gest_complaint_intake_window_get_property;
  object_class->set_property = gest_complaint_intake_window_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/complaints/gest-complaint-intake-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, new_customer_button);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, customer_search_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, customer_results);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, customer_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, plan_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, complainant_name_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, complainant_role_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, complainant_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, summary_view);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, summary_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, letter_group);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, letter_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, letter_frame);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, letter_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, responsible_error_label);
  gtk_widget_class_bind_template_child (widget_class, GestComplaintIntakeWindow, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_customer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, invoice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, complainant_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, letter_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, responsible_changed_cb);

  gtk_widget_class_install_action (widget_class, "intake.register", NULL, register_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "intake.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_complaint_intake_window_init (GestComplaintIntakeWindow *self)
{
  self->plan_uuids = g_ptr_array_new_with_free_func (g_free);
  self->vehicle_uuids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GestComplaintIntakeWindow *
gest_complaint_intake_window_new (GtkWindow   *parent,
                           GestContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_COMPLAINT_INTAKE_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

const GestComplaintIntakeValues *
gest_complaint_intake_window_get_values (GestComplaintIntakeWindow *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), NULL);

  return self->values;
}

void
gest_complaint_intake_window_set_customer (GestComplaintIntakeWindow *self,
                                    const char          *uuid,
                                    const char          *name)
{
  g_return_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self));

  update_from_values (self, gest_complaint_intake_values_set_customer (self->values, uuid, name));
  if (self->values->customer_uuid != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), name);
      adw_action_row_set_subtitle (self->customer_row, _("Search again below to choose another customer"));
      /* Usually the customer complains themself. */
      if (*gtk_editable_get_text (GTK_EDITABLE (self->complainant_name_row)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->complainant_name_row), name);
    }
  fill_plans (self);
  plan_changed_cb (self);
}

void
gest_complaint_intake_window_set_letter (GestComplaintIntakeWindow *self,
                                  const char          *path)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self));

  basename = path != NULL ? g_path_get_basename (path) : NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->letter_row),
                                 basename != NULL ? basename : _("No letter attached"));
  gest_document_preview_set_file (self->preview, path, NULL);
  update_from_values (self, gest_complaint_intake_values_set_letter (self->values, path));
}

gboolean
gest_complaint_intake_window_register (GestComplaintIntakeWindow *self)
{
  g_autoptr(GestComplaintIntakeValues) shown = NULL;
  SaveData *save;

  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), FALSE);

  if (self->values->saving)
    return FALSE;
  shown = gest_complaint_intake_values_set_show_errors (self->values, TRUE);
  update_from_values (self, g_steal_pointer (&shown));
  if (!self->state->valid)
    return FALSE;

  update_from_values (self, gest_complaint_intake_values_set_saving (self->values, TRUE));
  save = g_new0 (SaveData, 1);
  save->values = gest_complaint_intake_values_copy (self->values);
  gest_store_write_async (self->store, create_func, save, save_data_free, NULL, created_cb,
                          g_object_ref (self));
  return TRUE;
}

const char *
gest_complaint_intake_window_get_error (GestComplaintIntakeWindow *self,
                                 int                  field)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), NULL);
  g_return_val_if_fail (field >= -1 && field < GEST_COMPLAINT_INTAKE_N_FIELDS, NULL);

  return field < 0 ? self->state->refusal : self->state->errors[field];
}

const char *
gest_complaint_intake_window_get_folio (GestComplaintIntakeWindow *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), NULL);

  return self->folio;
}

const char *
gest_complaint_intake_window_get_uuid (GestComplaintIntakeWindow *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), NULL);

  return self->uuid;
}

guint
gest_complaint_intake_window_get_n_plans (GestComplaintIntakeWindow *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_INTAKE_WINDOW (self), 0);

  return self->plan_uuids->len - 1;
}
