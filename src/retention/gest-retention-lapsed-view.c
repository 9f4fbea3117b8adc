/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-lapsed-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-report-xlsx.h"
#include "gest-report.h"
#include "gest-retention-lapsed-view.h"
#include "gest-service-visit.h"

struct _GestRetentionLapsedView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;            /* the only child */
  GtkLabel      *month_label;
  GtkLabel      *heading;
  GtkLabel      *error;
  GtkWidget     *export_button;
  GtkStack      *stack;          /* "list", "empty", "loading" */
  GtkStringList *model;          /* each string is an index in @vehicles */

  GestContext   *context;
  GCancellable  *cancellable;
  GPtrArray     *vehicles;       /* GestLapsedVehicle */
  GDate          month;          /* its first day */
  guint          serial;
};

G_DEFINE_FINAL_TYPE (GestRetentionLapsedView, gest_retention_lapsed_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LOADED,
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The export's columns: their titles are the query's aliases, translated by the report. */
static const char * const export_titles[] G_GNUC_UNUSED = {
  N_("Lapsed maintenance"), N_("VIN"), N_("Vehicle"), N_("Customer"), N_("Last maintenance"),
  N_("Open field actions"), N_("Contact data for the recall only"),
};

static const GestReportColumnKind export_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_DATE,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_END,
};

static const GestReportInfo export_info = {
  .id = "retention-lapsed-list",
  .title = "Lapsed maintenance",
  .description = NULL,
  .sql = "SELECT vin AS \"VIN\", vehicle AS \"Vehicle\", customer AS \"Customer\","
         " last_on AS \"Last maintenance\", n_actions AS \"Open field actions\","
         " recall_only AS \"Contact data for the recall only\" FROM lapsed ORDER BY rowid",
  .kinds = export_kinds,
  .chart_column = 0,
};

typedef struct
{
  char      *db_path;
  char      *month_day;
  guint      serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->db_path);
  g_free (data->month_day);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (data->db_path, &error);
  GPtrArray *vehicles = NULL;

  if (store != NULL && gest_store_set_read_only (store, TRUE, &error))
    vehicles = gest_lapsed_maintenance_list (store, data->month_day, cancellable, &error);
  if (vehicles == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vehicles, (GDestroyNotify) g_ptr_array_unref);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GestRetentionLapsedView *self = GEST_RETENTION_LAPSED_VIEW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vehicles = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = NULL;
  guint n_actions = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->serial != self->serial)
    return;
  g_clear_pointer (&self->vehicles, g_ptr_array_unref);
  self->vehicles = vehicles != NULL ? g_steal_pointer (&vehicles)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) gest_lapsed_vehicle_free);
  gest_field_error_show (NULL, self->error, error != NULL ? error->message : NULL);
  for (guint i = 0; i < self->vehicles->len; i++)
    {
      GestLapsedVehicle *vehicle = g_ptr_array_index (self->vehicles, i);

      g_ptr_array_add (strings, g_strdup_printf ("%u", i));
      n_actions += vehicle->n_open_field_actions > 0;
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                          (const char * const *) strings->pdata);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u vehicle without maintenance in six months; %u with open field actions",
                                          "%u vehicles without maintenance in six months; %u with open field actions",
                                          self->vehicles->len),
                             self->vehicles->len, n_actions);
  gtk_label_set_text (self->heading, heading);
  gtk_stack_set_visible_child_name (self->stack, self->vehicles->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->export_button, self->vehicles->len > 0);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
reload (GestRetentionLapsedView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *label = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  first = g_date_time_new_utc (g_date_get_year (&self->month), g_date_get_month (&self->month), 1, 0, 0, 0);
  /* Translators: the month of the lapsed list, "December 2026" (strftime: %B month, %Y year). */
  label = g_date_time_format (first, _("%B %Y"));
  gtk_label_set_text (self->month_label, label);
  data->db_path = g_strdup (gest_store_get_path (gest_context_get_store (self->context)));
  data->month_day = gest_date_to_iso (&self->month);
  data->serial = ++self->serial;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
previous_cb (GestRetentionLapsedView *self)
{
  g_date_subtract_months (&self->month, 1);
  reload (self);
}

static void
next_cb (GestRetentionLapsedView *self)
{
  g_date_add_months (&self->month, 1);
  reload (self);
}

/* --- The XLSX export --------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *vehicles;   /* GestLapsedVehicle, shared with the view */
  char      *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_ptr_array_unref (data->vehicles);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestReportTable) table = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GestReportPeriod period = { 0 };

  /* The list goes through the reports' table so that the XLSX has real cells (dates as dates,
   * counts as numbers) as every export of the app. */
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db, "CREATE TABLE lapsed (vin TEXT, vehicle TEXT, customer TEXT, last_on TEXT,"
                        " n_actions INTEGER, recall_only TEXT)", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO lapsed VALUES (?, ?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_task_return_new_error (task, GEST_ERROR, GEST_ERROR_STORE, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  for (guint i = 0; i < data->vehicles->len; i++)
    {
      GestLapsedVehicle *vehicle = g_ptr_array_index (data->vehicles, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, vehicle->vin, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, vehicle->vehicle_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, vehicle->customer_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, vehicle->last_maintenance_on, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, (int) vehicle->n_open_field_actions);
      sqlite3_bind_text (stmt, 6, vehicle->recall_only_contact ? _("Yes") : "", -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  table = gest_report_run_on (db, &export_info, &period, cancellable, &error);
  sqlite3_close (db);
  if (table == NULL || !gest_report_xlsx_write (data->path, &table, 1, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GestRetentionLapsedView *self = GEST_RETENTION_LAPSED_VIEW (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gest_field_error_show (NULL, self->error, error != NULL ? error->message : NULL);
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, error != NULL ? error->message : NULL);
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     GestRetentionLapsedView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      gest_retention_lapsed_view_export (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (GestRetentionLapsedView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *month = g_strdup_printf ("%04u-%02u", g_date_get_year (&self->month), g_date_get_month (&self->month));
  /* Translators: the export's file name, "mantenimiento-vencido-2026-12.xlsx". */
  g_autofree char *name = g_strdup_printf (_("lapsed-maintenance-%s.xlsx"), month);

  chooser = gtk_file_chooser_native_new (_("Export the Lapsed Maintenance List"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The list ---------------------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *labels[3];

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      labels[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      gtk_label_set_wrap (GTK_LABEL (labels[i]), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (labels[i]), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_widget_add_css_class (labels[0], "heading");
  gtk_widget_add_css_class (labels[1], "dim-label");
  gtk_widget_add_css_class (labels[2], "caption-heading");
  gtk_widget_add_css_class (labels[2], "warning");
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  g_object_set_data (G_OBJECT (box), "title", labels[0]);
  g_object_set_data (G_OBJECT (box), "subtitle", labels[1]);
  g_object_set_data (G_OBJECT (box), "flags", labels[2]);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GestRetentionLapsedView  *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (list_item)), NULL, 10);
  GestLapsedVehicle *vehicle;
  g_autofree char *last = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) flags = g_string_new (NULL);
  GDate day;

  if (self->vehicles == NULL || index >= self->vehicles->len)
    return;
  vehicle = g_ptr_array_index (self->vehicles, index);
  last = vehicle->last_maintenance_on != NULL && gest_date_from_iso (vehicle->last_maintenance_on, &day)
         ? gest_date_format (&day) : g_strdup ("—");
  /* Translators: a row of the lapsed list: "Ford Ranger 2022 · 1FT… · last maintenance 14/06/2026". */
  subtitle = g_strdup_printf (_("%s · %s · last maintenance %s"), vehicle->vehicle_text, vehicle->vin, last);
  if (vehicle->n_open_field_actions > 0)
    g_string_append_printf (flags, g_dngettext (GETTEXT_PACKAGE, "%u open field action", "%u open field actions",
                                                vehicle->n_open_field_actions),
                            vehicle->n_open_field_actions);
  if (vehicle->recall_only_contact)
    g_string_append_printf (flags, "%s%s", flags->len > 0 ? " · " : "",
                            _("Contact data from a recall list only: not called for maintenance"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"),
                      vehicle->customer_name != NULL ? vehicle->customer_name : _("No customer"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "flags"), flags->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "flags"), flags->len > 0);
}

static void
gest_retention_lapsed_view_dispose (GObject *object)
{
  GestRetentionLapsedView *self = GEST_RETENTION_LAPSED_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_retention_lapsed_view_parent_class)->dispose (object);
}

static void
gest_retention_lapsed_view_finalize (GObject *object)
{
  GestRetentionLapsedView *self = GEST_RETENTION_LAPSED_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->vehicles, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_retention_lapsed_view_parent_class)->finalize (object);
}

static void
gest_retention_lapsed_view_class_init (GestRetentionLapsedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_retention_lapsed_view_dispose;
  object_class->finalize = gest_retention_lapsed_view_finalize;
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_retention_lapsed_view_init (GestRetentionLapsedView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *loading = gtk_spinner_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_tooltip_text (previous, _("Previous month"));
  gtk_widget_set_tooltip_text (next, _("Next month"));
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_cb), self);
  self->month_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->month_label), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->month_label), TRUE);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_tooltip_text (self->export_button, _("Save the month’s list as a spreadsheet (XLSX)"));
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), previous);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->month_label));
  gtk_box_append (GTK_BOX (bar), next);
  gtk_box_append (GTK_BOX (bar), self->export_button);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self->box), bar);

  /* The error label of the one error style needs a group; it holds no rows here. */
  self->error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_box_append (GTK_BOX (self->box), group);

  self->model = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->model))), factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "card");
  gtk_widget_set_vexpand (list, TRUE);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "dim-label");
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (inner), list);
  gtk_widget_set_margin_top (inner, 6);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Lapsed Maintenance This Month"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Vehicles whose last maintenance was six months before this month appear "
                                     "here. Import the workshop’s repair orders in “Visits” to keep the list "
                                     "right."));
  gtk_spinner_set_spinning (GTK_SPINNER (loading), TRUE);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, loading, "loading");
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
gest_retention_lapsed_view_new (GestContext *context)
{
  GestRetentionLapsedView *self;
  GDate today;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_RETENTION_LAPSED_VIEW, NULL);
  self->context = g_object_ref (context);
  gest_date_today (&today);
  g_date_set_dmy (&self->month, 1, g_date_get_month (&today), g_date_get_year (&today));
  reload (self);
  return GTK_WIDGET (self);
}

void
gest_retention_lapsed_view_set_month (GestRetentionLapsedView *self,
                                      const char              *month_day)
{
  GDate day;

  g_return_if_fail (GEST_IS_RETENTION_LAPSED_VIEW (self));
  g_return_if_fail (month_day != NULL && gest_date_from_iso (month_day, &day));

  g_date_set_dmy (&self->month, 1, g_date_get_month (&day), g_date_get_year (&day));
  reload (self);
}

guint
gest_retention_lapsed_view_get_n_items (GestRetentionLapsedView *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_LAPSED_VIEW (self), 0);

  return self->vehicles != NULL ? self->vehicles->len : 0;
}

void
gest_retention_lapsed_view_export (GestRetentionLapsedView *self,
                                   const char              *path)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (GEST_IS_RETENTION_LAPSED_VIEW (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->vehicles = self->vehicles != NULL ? g_ptr_array_ref (self->vehicles) : g_ptr_array_new ();
  data->path = g_strdup (path);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  task = g_task_new (self, self->cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, gest_retention_lapsed_view_export);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}
