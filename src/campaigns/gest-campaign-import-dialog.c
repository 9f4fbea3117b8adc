/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-import-dialog.h"
#include "gest-field-error.h"

struct _GestCampaignImportDialog
{
  AdwWindow              parent_instance;

  GtkStack              *stack;         /* "choose", "running", "report", "failed" */
  GtkWidget             *choose_button;
  AdwStatusPage         *running_page;
  AdwPreferencesGroup   *summary_group;
  AdwPreferencesGroup   *problems_group;
  GtkStringList         *problems;
  GtkWidget             *problems_view;
  GtkLabel              *error_label;
  GHashTable            *row_texts;
  GPtrArray             *summary_rows;

  GestContext           *context;
  GestStore             *store;         /* the context's */
  char                  *campaign_uuid;
  GtkFileChooserNative  *chooser;
  GCancellable          *cancellable;
  GestVinListReport     *report;
  char                  *error;
};

G_DEFINE_FINAL_TYPE (GestCampaignImportDialog, gest_campaign_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The thread's task data. */
typedef struct
{
  char     *db_path;
  GestUser *user;
  char     *campaign_uuid;
  GFile    *file;
} Task;

static void
task_free (Task *task)
{
  g_free (task->db_path);
  g_clear_pointer (&task->user, gest_user_unref);
  g_free (task->campaign_uuid);
  g_clear_object (&task->file);
  g_free (task);
}

/* In the thread: a connection of its own, acting as the signed-in user (the import checks the
 * permission and logs the activity in their name). */
static void
import_thread (GTask        *gtask,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Task *task = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open_existing (task->db_path, &error);
  GestVinListReport *report;

  if (store == NULL)
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  gest_store_set_user (store, task->user);
  report = gest_campaign_import_vins (store, task->campaign_uuid, task->file, cancellable, &error);
  if (report == NULL)
    g_task_return_error (gtask, g_steal_pointer (&error));
  else
    g_task_return_pointer (gtask, report, (GDestroyNotify) gest_vin_list_report_free);
}

static void
add_summary_row (GestCampaignImportDialog *self,
                 const char               *title,
                 guint                     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
  g_hash_table_replace (self->row_texts, g_strdup (title), g_steal_pointer (&text));
}

static void
show_report (GestCampaignImportDialog *self)
{
  const GestVinListReport *report = self->report;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_problems = report->problems != NULL ? report->problems->len : 0;

  for (guint i = 0; i < self->summary_rows->len; i++)
    adw_preferences_group_remove (self->summary_group, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);
  g_hash_table_remove_all (self->row_texts);
  add_summary_row (self, _("Rows Read"), report->n_rows);
  add_summary_row (self, _("Vehicles Added to the Campaign"), report->n_added);
  add_summary_row (self, _("Vehicles Created"), report->n_vehicles_created);
  add_summary_row (self, _("Duplicates Skipped"), report->n_duplicates);

  for (guint i = 0; i < n_problems; i++)
    {
      const GestVinListProblem *problem = g_ptr_array_index (report->problems, i);

      /* Translators: a row of the VIN list not imported: its line, the VIN as read, why. */
      g_ptr_array_add (lines, g_strdup_printf (_("Line %u · %s · %s"), problem->line,
                                               problem->vin != NULL && *problem->vin != '\0' ? problem->vin : _("no VIN"),
                                               problem->message));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *) lines->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  if (n_problems > 0)
    {
      /* Translators: above the list of rows of the VIN list that were not imported. */
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u row was not imported. Correct it in the file and import it again: the rows already imported are skipped as duplicates.",
                                                                   "%u rows were not imported. Correct them in the file and import it again: the rows already imported are skipped as duplicates.",
                                                                   n_problems),
                                                      n_problems);

      adw_preferences_group_set_description (self->problems_group, description);
    }
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GestCampaignImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GestVinListReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->problems == NULL)
    {
      /* The dialog was closed meanwhile. */
      g_clear_pointer (&report, gest_vin_list_report_free);
      return;
    }
  gtk_widget_set_sensitive (self->choose_button, TRUE);
  gtk_widget_set_visible (self->choose_button, TRUE);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->error);
      self->error = g_strdup (error->message);
      gest_field_error_show (NULL, self->error_label, self->error);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  g_clear_pointer (&self->report, gest_vin_list_report_free);
  self->report = report;
  show_report (self);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
chooser_response_cb (GestCampaignImportDialog *self,
                     int                       response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    gest_campaign_import_dialog_import_file (self, file);
}

static void
choose_clicked_cb (GestCampaignImportDialog *self)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Ford’s VIN List"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("VIN lists (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
}

static GtkWidget *
build_choose (GestCampaignImportDialog *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Import Ford’s VIN List"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Choose the CSV or XLSX file Ford sent with the campaign. Each valid VIN becomes a card; "
                                     "unknown vehicles are created with the list’s owner, whose data is used for this recall only."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
  return page;
}

static GtkWidget *
build_report (GestCampaignImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->summary_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->summary_group, _("Imported"));
  self->problems_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->problems_group, _("Rows Not Imported"));
  self->problems = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));
  self->problems_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (self->problems_view, "boxed-list");
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (self->problems_view), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->problems_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_preferences_group_add (self->problems_group, scrolled);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problems_group));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  return clamp;
}

static GtkWidget *
build_failed (GestCampaignImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *heading = gtk_label_new (_("The file was not imported"));

  gtk_widget_add_css_class (heading, "title-3");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  return clamp;
}

static void
gest_campaign_import_dialog_dispose (GObject *object)
{
  GestCampaignImportDialog *self = GEST_CAMPAIGN_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->problems);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_import_dialog_parent_class)->dispose (object);
}

static void
gest_campaign_import_dialog_finalize (GObject *object)
{
  GestCampaignImportDialog *self = GEST_CAMPAIGN_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, gest_vin_list_report_free);
  g_hash_table_unref (self->row_texts);
  g_ptr_array_unref (self->summary_rows);
  g_free (self->campaign_uuid);
  g_free (self->error);

  G_OBJECT_CLASS (gest_campaign_import_dialog_parent_class)->finalize (object);
}

static void
gest_campaign_import_dialog_class_init (GestCampaignImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_import_dialog_dispose;
  object_class->finalize = gest_campaign_import_dialog_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gest_campaign_import_dialog_init (GestCampaignImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *spinner = gtk_spinner_new ();

  self->row_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->summary_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Import VIN List"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), close);
  self->choose_button = gtk_button_new_with_mnemonic (_("_Choose File…"));
  gtk_widget_set_tooltip_text (self->choose_button, _("Import another VIN list into the campaign"));
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  /* The status page has its own button until a first import. */
  gtk_widget_set_visible (self->choose_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->choose_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_choose (self), "choose");
  self->running_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->running_page, _("Importing the VIN List…"));
  adw_status_page_set_description (self->running_page,
                                   _("Each VIN is checked and its vehicle looked up or created. A long list takes a few seconds."));
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_child (self->running_page, spinner);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->running_page), "running");
  gtk_stack_add_named (self->stack, build_report (self), "report");
  gtk_stack_add_named (self->stack, build_failed (self), "failed");
  gtk_stack_set_visible_child_name (self->stack, "choose");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

GestCampaignImportDialog *
gest_campaign_import_dialog_new (GtkWindow   *parent,
                                 GestContext *context,
                                 const char  *campaign_uuid)
{
  GestCampaignImportDialog *self;
  g_autoptr(GestCampaign) campaign = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->campaign_uuid = g_strdup (campaign_uuid);
  campaign = gest_campaign_load (self->store, campaign_uuid, NULL);
  if (campaign != NULL)
    {
      /* Translators: the import dialog's title, with the campaign's code. */
      g_autofree char *title = g_strdup_printf (_("Import VIN List of %s"), campaign->code);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  return self;
}

void
gest_campaign_import_dialog_import_file (GestCampaignImportDialog *self,
                                         GFile                    *file)
{
  g_autoptr(GTask) gtask = NULL;
  GestUser *user;
  Task *task;

  g_return_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_new0 (Task, 1);
  task->db_path = g_strdup (gest_store_get_path (self->store));
  user = gest_store_get_user (self->store);
  task->user = user != NULL ? gest_user_ref (user) : NULL;
  task->campaign_uuid = g_strdup (self->campaign_uuid);
  task->file = g_object_ref (file);
  g_clear_pointer (&self->error, g_free);
  gest_field_error_show (NULL, self->error_label, NULL);
  gtk_widget_set_sensitive (self->choose_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "running");
  gtask = g_task_new (NULL, self->cancellable, imported_cb, g_object_ref (self));
  g_task_set_source_tag (gtask, gest_campaign_import_dialog_import_file);
  g_task_set_task_data (gtask, task, (GDestroyNotify) task_free);
  g_task_run_in_thread (gtask, import_thread);
}

const char *
gest_campaign_import_dialog_get_view (GestCampaignImportDialog *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const GestVinListReport *
gest_campaign_import_dialog_get_report (GestCampaignImportDialog *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self), NULL);

  return self->report;
}

const char *
gest_campaign_import_dialog_get_row_text (GestCampaignImportDialog *self,
                                          const char               *title)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self), NULL);

  return g_hash_table_lookup (self->row_texts, title);
}

GListModel *
gest_campaign_import_dialog_get_problems (GestCampaignImportDialog *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->problems);
}

const char *
gest_campaign_import_dialog_get_error (GestCampaignImportDialog *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_IMPORT_DIALOG (self), NULL);

  return self->error;
}
