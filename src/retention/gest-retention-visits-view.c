/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-visits-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-date-row.h"
#include "gest-field-error.h"
#include "gest-retention-values.h"
#include "gest-retention-visits-view.h"
#include "gest-service-visit.h"

struct _GestRetentionVisitsView
{
  GtkWidget            parent_instance;

  GtkWidget           *scrolled;        /* the only child */
  GtkWidget           *vin_row;
  AdwActionRow        *vehicle_row;
  GtkWidget           *ro_row;
  GtkWidget           *opened_row;
  GtkWidget           *closed_row;
  GtkWidget           *km_row;
  AdwComboRow         *kind_row;
  GtkWidget           *save_button;
  GtkLabel            *visit_error;
  GtkWidget           *import_button;
  AdwPreferencesGroup *report_group;
  GtkLabel            *import_error;
  GPtrArray           *report_rows;     /* borrowed */

  GestContext         *context;
  GestStore           *store;           /* the context's */
  GestVisitFormValues *values;
  gboolean             show_errors;
};

G_DEFINE_FINAL_TYPE (GestRetentionVisitsView, gest_retention_visits_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_widgets (GestRetentionVisitsView *self)
{
  g_autoptr(GestVisitFormState) state = gest_visit_form_widget_state_from_values (self->values);
  GtkWidget *rows[GEST_VISIT_FORM_N_FIELDS] = { self->vin_row, self->opened_row, self->closed_row, self->km_row };
  const char *message = state->refusal;
  GtkWidget *row = NULL;

  for (guint i = 0; i < GEST_VISIT_FORM_N_FIELDS; i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      /* A field shows its error once typed in, or all of them once the user asked to save. */
      if (message == NULL && state->errors[i] != NULL &&
          (self->show_errors || (i != GEST_VISIT_FORM_VEHICLE && gtk_editable_get_text (GTK_EDITABLE (rows[i]))[0] != '\0')))
        {
          message = state->errors[i];
          row = rows[i];
        }
    }
  gest_field_error_show (row, self->visit_error, message);
  gtk_widget_set_sensitive (self->save_button, state->fields_sensitive);
}

static void
set_values (GestRetentionVisitsView *self,
            GestVisitFormValues     *values)
{
  gest_visit_form_values_free (self->values);
  self->values = values;
  update_widgets (self);
}

static void
vin_changed_cb (GestRetentionVisitsView *self)
{
  g_autofree char *text = g_utf8_strup (gtk_editable_get_text (GTK_EDITABLE (self->vin_row)), -1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;

  g_strstrip (text);
  /* One indexed row: the VIN is unique; a plate is typed whole. */
  if (text[0] != '\0')
    stmt = gest_store_prepare (self->store,
                               "SELECT v.uuid, v.model || ' ' || v.year || ' · ' || v.vin, COALESCE (c.name, '')"
                               " FROM vehicles v LEFT JOIN customers c ON c.uuid = v.customer_uuid"
                               " WHERE v.deleted = 0 AND (v.vin = ?1 OR (length (?1) < 11 AND v.plate = ?1)) LIMIT 1",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vehicle_row), (const char *) sqlite3_column_text (stmt, 1));
          adw_action_row_set_subtitle (self->vehicle_row, (const char *) sqlite3_column_text (stmt, 2));
        }
    }
  if (uuid == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vehicle_row),
                                     text[0] != '\0' ? _("No vehicle with that VIN or plate") : _("No vehicle chosen"));
      adw_action_row_set_subtitle (self->vehicle_row, "");
    }
  set_values (self, gest_visit_form_values_set_vehicle (self->values, uuid));
}

static void
text_changed_cb (GtkEditable             *editable,
                 GestRetentionVisitsView *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (GTK_WIDGET (editable) == self->ro_row)
    set_values (self, gest_visit_form_values_set_ro (self->values, text));
  else if (GTK_WIDGET (editable) == self->opened_row)
    set_values (self, gest_visit_form_values_set_text (self->values, GEST_VISIT_FORM_OPENED, text));
  else if (GTK_WIDGET (editable) == self->closed_row)
    set_values (self, gest_visit_form_values_set_text (self->values, GEST_VISIT_FORM_CLOSED, text));
  else
    set_values (self, gest_visit_form_values_set_text (self->values, GEST_VISIT_FORM_KM, text));
}

static void
kind_changed_cb (GestRetentionVisitsView *self)
{
  set_values (self, gest_visit_form_values_set_kind (self->values, (GestVisitKind) adw_combo_row_get_selected (self->kind_row)));
}

typedef struct
{
  char          *vehicle_uuid;
  char          *ro_number;
  char          *opened_on;
  char          *closed_on;
  guint          km;
  GestVisitKind  kind;
} VisitData;

static void
visit_data_free (VisitData *data)
{
  g_free (data->vehicle_uuid);
  g_free (data->ro_number);
  g_free (data->opened_on);
  g_free (data->closed_on);
  g_free (data);
}

static gboolean
visit_write (GestStore  *store,
             gpointer    user_data,
             GError    **error)
{
  VisitData *data = user_data;

  return gest_service_visit_add (store, data->vehicle_uuid, data->ro_number, data->opened_on, data->closed_on,
                                 data->km, data->kind, NULL, error);
}

static void
visit_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestRetentionVisitsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestVisitFormValues) done = gest_visit_form_values_set_saving (self->values, FALSE);

  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      set_values (self, gest_visit_form_values_set_refusal (done, error->message));
      return;
    }
  /* Ready for the next repair order: the vehicle and the dates stay, the rest clears. */
  self->show_errors = FALSE;
  set_values (self, g_steal_pointer (&done));
  gtk_editable_set_text (GTK_EDITABLE (self->ro_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->km_row), "");
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
save_clicked_cb (GestRetentionVisitsView *self)
{
  g_autoptr(GestVisitFormState) state = gest_visit_form_widget_state_from_values (self->values);
  VisitData *data;

  self->show_errors = TRUE;
  if (!state->save_sensitive)
    {
      update_widgets (self);
      return;
    }
  data = g_new0 (VisitData, 1);
  data->vehicle_uuid = g_strdup (self->values->vehicle_uuid);
  data->ro_number = g_strstrip (g_strdup (self->values->ro_number != NULL ? self->values->ro_number : ""));
  data->opened_on = g_strdup (state->opened_on);
  data->closed_on = g_strdup (state->closed_on);
  data->km = state->km;
  data->kind = self->values->kind;
  set_values (self, gest_visit_form_values_set_saving (self->values, TRUE));
  gest_store_write_async (self->store, visit_write, data, (GDestroyNotify) visit_data_free, NULL, visit_saved_cb,
                          g_object_ref (self));
}

/* --- The DMS import ---------------------------------------------------------------------- */

typedef struct
{
  GFile                 *file;
  GestVisitImportReport *report;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->file);
  g_clear_pointer (&data->report, gest_visit_import_report_free);
  g_free (data);
}

static gboolean
import_write (GestStore  *store,
              gpointer    user_data,
              GError    **error)
{
  ImportData *data = user_data;

  data->report = gest_service_visits_import (store, data->file, NULL, error);
  return data->report != NULL;
}

static void
add_report_row (GestRetentionVisitsView *self,
                const char              *title,
                const char              *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->report_group, row);
  g_ptr_array_add (self->report_rows, row);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GestRetentionVisitsView) self = user_data;
  ImportData *data = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;
  GestVisitImportReport *report;
  g_autofree char *summary = NULL;

  gtk_widget_set_sensitive (self->import_button, TRUE);
  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (self->report_group, g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      gest_field_error_show (NULL, self->import_error, error->message);
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
      return;
    }
  gest_field_error_show (NULL, self->import_error, NULL);
  report = data->report;
  /* Translators: the DMS import's report: "1,204 rows read: 1,180 visits added, 12 updated, 12 not imported". */
  summary = g_strdup_printf (_("%u rows read: %u visits added, %u updated, %u not imported"), report->n_rows,
                             report->n_added, report->n_updated, report->problems->len);
  add_report_row (self, summary, NULL);
  for (guint i = 0; i < report->problems->len; i++)
    {
      GestVisitImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

      add_report_row (self, line, problem->message);
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     GestRetentionVisitsView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    gest_retention_visits_view_import (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_clicked_cb (GestRetentionVisitsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Repair orders (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  chooser = gtk_file_chooser_native_new (_("Import the Workshop’s Repair Orders"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The widget -------------------------------------------------------------------------- */

static GtkWidget *
add_entry (GestRetentionVisitsView *self,
           AdwPreferencesGroup     *group,
           GtkWidget               *row,
           const char              *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), self);
  adw_preferences_group_add (group, row);
  return row;
}

static void
gest_retention_visits_view_dispose (GObject *object)
{
  GestRetentionVisitsView *self = GEST_RETENTION_VISITS_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->values, gest_visit_form_values_free);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_retention_visits_view_parent_class)->dispose (object);
}

static void
gest_retention_visits_view_class_init (GestRetentionVisitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_retention_visits_view_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_retention_visits_view_init (GestRetentionVisitsView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  AdwPreferencesGroup *visit = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->report_rows = g_ptr_array_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  adw_preferences_group_set_title (visit, _("Record a Visit"));
  adw_preferences_group_set_description (visit,
                                         _("A repair order the workshop opened outside the DMS file. Leave the day "
                                           "out empty while the vehicle is in the workshop."));
  self->vin_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vin_row), _("VIN or plate"));
  g_signal_connect_swapped (self->vin_row, "changed", G_CALLBACK (vin_changed_cb), self);
  adw_preferences_group_add (visit, self->vin_row);
  self->vehicle_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->vehicle_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vehicle_row), _("No vehicle chosen"));
  adw_preferences_group_add (visit, GTK_WIDGET (self->vehicle_row));
  self->ro_row = add_entry (self, visit, adw_entry_row_new (), _("Repair order"));
  self->opened_row = add_entry (self, visit, gest_date_row_new (), _("Day in"));
  self->closed_row = add_entry (self, visit, gest_date_row_new (), _("Day out"));
  self->km_row = add_entry (self, visit, adw_entry_row_new (), _("Mileage (km)"));
  for (guint k = 0; k < GEST_N_VISIT_KINDS; k++)
    gtk_string_list_append (kinds, gest_visit_kind_label ((GestVisitKind) k));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, GEST_VISIT_MAINTENANCE);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  adw_preferences_group_add (visit, GTK_WIDGET (self->kind_row));
  self->save_button = gtk_button_new_with_mnemonic (_("_Record Visit"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->save_button, 12);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_preferences_group_add (visit, self->save_button);
  self->visit_error = gest_field_error_label_new (visit);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (visit));

  self->report_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->report_group, _("Import from the DMS"));
  adw_preferences_group_set_description (self->report_group,
                                         _("The repair orders file (CSV or XLSX) with VIN, date, mileage, kind, "
                                           "repair order and closing date. Orders already known are updated; bad "
                                           "rows are listed by line and skipped."));
  self->import_button = gtk_button_new_with_mnemonic (_("_Import File…"));
  gtk_widget_set_valign (self->import_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->report_group, self->import_button);
  self->import_error = gest_field_error_label_new (self->report_group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->report_group));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
}

GtkWidget *
gest_retention_visits_view_new (GestContext *context)
{
  GestRetentionVisitsView *self;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_RETENTION_VISITS_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  gest_date_today (&day);
  today = gest_date_to_iso (&day);
  self->values = gest_visit_form_values_new (today);
  gtk_editable_set_text (GTK_EDITABLE (self->opened_row), self->values->opened_text);
  update_widgets (self);
  return GTK_WIDGET (self);
}

void
gest_retention_visits_view_import (GestRetentionVisitsView *self,
                                   GFile                   *file)
{
  ImportData *data;

  g_return_if_fail (GEST_IS_RETENTION_VISITS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  /* The import writes: it runs on the store's writer thread, in its one transaction. */
  gest_store_write_async (self->store, import_write, data, (GDestroyNotify) import_data_free, NULL, imported_cb,
                          g_object_ref (self));
}
