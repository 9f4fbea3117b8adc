/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1: the Service Campaigns section on screen: the campaigns with their counts and the week's
 * review reminder, a campaign's board with its five columns (one at a time at 360 px), the way
 * back, and the VIN list import dialog with its report of every row not imported. */

#include "config.h"

#include <locale.h>

#include "gest-campaign.h"
#include "gest-campaign-import-dialog.h"
#include "gest-campaign-list.h"
#include "gest-campaigns-page.h"
#include "gest-domain-module.h"
#include "gest-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-vin.h"

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  char        *recall;       /* 24S12: needs parts, 3 vehicles waiting for them */
  char        *program;      /* 23B05: no parts, 2 vehicles to contact */
  GtkWidget   *window;
  GtkWidget   *widget;
} Fixture;

/* A VIN with its check digit right (@body has 17 characters, position 9 anything). */
static char *
make_vin (const char *body)
{
  char *vin = g_strdup (body);

  g_assert_cmpuint (strlen (vin), ==, 17);
  vin[8] = gest_vin_check_digit (vin);
  g_assert_cmpint (vin[8], !=, '\0');
  return vin;
}

static void
add_vehicles (Fixture    *f,
              const char *campaign_uuid,
              const char *prefix,
              guint       n,
              int         stage)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("3FADP4EJ0KM%s%05u", prefix, i);
      g_autofree char *vin = make_vin (body);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                                              " VALUES ('veh-%s-%u', '%s', 'Figo', 2019, 'cust-1');"
                                              "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage,"
                                              " stage_since, imported_at) VALUES ('cv-%s-%u', '%s', 'veh-%s-%u', %d, %"
                                              G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                                              prefix, i, vin, prefix, i, campaign_uuid, prefix, i, stage,
                                              g_get_real_time () - i, g_get_real_time ());

      g_assert_true (gest_store_exec (f->store, sql, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  GestCampaignFields recall = {
    .code = "24S12", .kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL,
    .description = "Reemplazo del inflador de la bolsa de aire", .needs_parts = TRUE,
  };
  GestCampaignFields program = {
    .code = "23B05", .kind = GEST_CAMPAIGN_KIND_SATISFACTION,
    .description = "Actualización del módulo de la transmisión", .starts_on = "2026-01-01",
    .ends_on = "2027-12-31", .needs_parts = FALSE,
  };

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, phone_mobile) VALUES"
                                  " ('cust-1', 'María Pérez López', '2221234567');",
                                  &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  g_assert_true (gest_campaign_create (f->store, &recall, &f->recall, &error));
  g_assert_no_error (error);
  g_assert_true (gest_campaign_create (f->store, &program, &f->program, &error));
  g_assert_no_error (error);
  add_vehicles (f, f->recall, "R", 3, GEST_CAMPAIGN_PARTS_PENDING);
  add_vehicles (f, f->program, "P", 2, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 1200, 800);
}

static void
show (Fixture   *f,
      GtkWidget *widget)
{
  f->widget = g_object_ref_sink (widget);
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gest_store_wait_for_writes (f->store);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->widget);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  g_free (f->recall);
  g_free (f->program);
  gest_test_tmpdir_free (f->dir);
}

/* S1: each campaign with its counts and its review; the reminder names the campaigns not
 * reviewed this week; a stamp takes the campaign off it. */
static void
test_list_and_reminder (Fixture       *f,
                        gconstpointer  data)
{
  GestCampaignList *list;
  g_autofree char *recall_row = NULL;
  g_autofree char *program_row = NULL;
  g_autoptr(GError) error = NULL;

  show (f, gest_campaigns_page_new (f->context));
  g_assert_cmpstr (gest_campaigns_page_get_view (GEST_CAMPAIGNS_PAGE (f->widget)), ==, "list");
  list = GEST_CAMPAIGN_LIST (gest_campaigns_page_get_list (GEST_CAMPAIGNS_PAGE (f->widget)));
  g_assert_cmpstr (gest_campaign_list_get_reminder (list), ==,
                   "Not reviewed this week: 23B05, 24S12. Open each, check its vehicles and parts, and mark it reviewed.");
  recall_row = g_strdup_printf ("3 vehicles · 3 %s · Weekly review due",
                                gest_campaign_stage_label (GEST_CAMPAIGN_PARTS_PENDING));
  program_row = g_strdup_printf ("2 vehicles · 2 %s · Weekly review due",
                                 gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));
  g_assert_cmpstr (gest_campaign_list_get_row_text (list, "24S12"), ==, recall_row);
  g_assert_cmpstr (gest_campaign_list_get_row_text (list, "23B05"), ==, program_row);

  /* Reviewed this week: off the reminder, its row says so. */
  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_true (gest_campaign_review (f->store, f->program, g_get_real_time (), "", &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  gest_campaign_list_reload (list);
  g_assert_cmpstr (gest_campaign_list_get_reminder (list), ==,
                   "Not reviewed this week: 24S12. Open it, check its vehicles and parts, and mark it reviewed.");
  g_clear_pointer (&program_row, g_free);
  program_row = g_strdup_printf ("2 vehicles · 2 %s · Reviewed this week",
                                 gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));
  g_assert_cmpstr (gest_campaign_list_get_row_text (list, "23B05"), ==, program_row);
}

/* S1: a campaign's board: its five columns in order, its name in the header, back to the
 * campaigns. */
static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  GestCampaignsPage *page;
  GestBoard *board;
  GestBoardSource *source;
  g_autofree char *title = NULL;
  gboolean can_go_back = FALSE;

  show (f, gest_campaigns_page_new (f->context));
  page = GEST_CAMPAIGNS_PAGE (f->widget);
  gest_campaigns_page_show_campaign (page, f->recall);
  g_assert_cmpstr (gest_campaigns_page_get_view (page), ==, "board");
  g_assert_cmpstr (gest_campaigns_page_get_campaign_uuid (page), ==, f->recall);
  g_object_get (page, "title", &title, "can-go-back", &can_go_back, NULL);
  g_assert_cmpstr (title, ==, "24S12");
  g_assert_true (can_go_back);
  board = gest_board_page_get_board (gest_campaigns_page_get_board_page (page));
  source = gest_board_get_source (board);
  g_assert_cmpuint (gest_board_source_get_n_columns (source), ==, GEST_N_CAMPAIGN_STAGES);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    g_assert_cmpstr (gest_board_source_get_column_title (source, i), ==, gest_campaign_stage_label (i));
  g_assert_true (gest_test_find_widget (f->widget, gest_test_is_visible_label,
                                        "24S12 · Safety recall") != NULL);

  /* Back: to the campaigns. */
  gtk_widget_activate_action (f->widget, "board-page.back", NULL);
  g_assert_cmpstr (gest_campaigns_page_get_view (page), ==, "list");
  g_clear_pointer (&title, g_free);
  g_object_get (page, "title", &title, "can-go-back", &can_go_back, NULL);
  g_assert_cmpstr (title, ==, "Service Campaigns");
  g_assert_false (can_go_back);
}

/* A search hit of kind "campaign" opens the campaign's details over its board; back goes to
 * the board, then to the campaigns. */
static void
test_open_hit (Fixture       *f,
               gconstpointer  data)
{
  GestModule *module = gest_modules_find_ui ("campaigns");
  GestCampaignsPage *page;

  g_assert_nonnull (module);
  show (f, gest_module_create_page (module, f->context));
  g_assert_true (GEST_IS_CAMPAIGNS_PAGE (f->widget));
  page = GEST_CAMPAIGNS_PAGE (f->widget);
  g_assert_false (gest_module_open_hit (module, f->context, f->widget, "complaint", f->recall));
  g_assert_true (gest_module_open_hit (module, f->context, f->widget, "campaign", f->recall));
  g_assert_cmpstr (gest_campaigns_page_get_view (page), ==, "board");
  g_assert_nonnull (gest_campaigns_page_get_detail (page));
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_visible_label, "Weekly review due"));
  gtk_widget_activate_action (f->widget, "board-page.back", NULL);
  g_assert_null (gest_campaigns_page_get_detail (page));
  g_assert_cmpstr (gest_campaigns_page_get_view (page), ==, "board");
  gtk_widget_activate_action (f->widget, "board-page.back", NULL);
  g_assert_cmpstr (gest_campaigns_page_get_view (page), ==, "list");
}

/* S1: at 360 px the board shows one column at a time. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GestBoardPage *board_page;

  show (f, gest_campaigns_page_new (f->context));
  gest_campaigns_page_show_campaign (GEST_CAMPAIGNS_PAGE (f->widget), f->program);
  board_page = gest_campaigns_page_get_board_page (GEST_CAMPAIGNS_PAGE (f->widget));
  WAIT_UNTIL (gest_board_page_get_narrow (board_page));
  g_assert_cmpint (gtk_widget_get_width (f->window), <=, 400);
}

static void
imported_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* S1: Ford's VIN list with bad rows: the good ones are added, every other one is listed with
 * its line and message. */
static void
test_import_report (Fixture       *f,
                    gconstpointer  data)
{
  GestCampaignImportDialog *dialog;
  g_autofree char *good1 = make_vin ("1FTFW1E50MFA00001");
  g_autofree char *good2 = make_vin ("1FTFW1E50MFA00002");
  g_autofree char *bad_digit = make_vin ("1FTFW1E50MFA00003");
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "vins.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  guint n_imported = 0;

  /* A wrong check digit: the next digit. */
  bad_digit[8] = bad_digit[8] == '9' ? '0' : bad_digit[8] == 'X' ? '1' : bad_digit[8] + 1;
  csv = g_strdup_printf ("VIN,Propietario,Telefono\n"
                         "%s,Juan Ruiz,2225550001\n"
                         "%s,Ana Gil,2225550002\n"
                         "%s,Luis Sol,2225550003\n"
                         "1FTFW1E5,Corto,2225550004\n"
                         "%s,Juan Ruiz,2225550001\n",
                         good1, good2, bad_digit, good1);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));

  dialog = gest_campaign_import_dialog_new (NULL, f->context, f->recall);
  show (f, gtk_label_new (""));
  g_object_ref (dialog);
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (gest_campaign_import_dialog_get_view (dialog), ==, "choose");
  gest_campaign_import_dialog_import_file (dialog, file);
  WAIT_UNTIL (g_strcmp0 (gest_campaign_import_dialog_get_view (dialog), "running") != 0);
  g_assert_cmpstr (gest_campaign_import_dialog_get_view (dialog), ==, "report");
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpstr (gest_campaign_import_dialog_get_row_text (dialog, "Rows Read"), ==, "5");
  g_assert_cmpstr (gest_campaign_import_dialog_get_row_text (dialog, "Vehicles Added to the Campaign"), ==, "2");
  g_assert_cmpstr (gest_campaign_import_dialog_get_row_text (dialog, "Vehicles Created"), ==, "2");
  g_assert_cmpstr (gest_campaign_import_dialog_get_row_text (dialog, "Duplicates Skipped"), ==, "1");
  problems = gest_campaign_import_dialog_get_problems (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);
  /* Each as the model words it, after its line and VIN. */
  for (guint i = 0; i < 3; i++)
    {
      const GestVinListProblem *problem = g_ptr_array_index (gest_campaign_import_dialog_get_report (dialog)->problems, i);
      g_autoptr(GtkStringObject) line = g_list_model_get_item (problems, i);
      g_autofree char *expected = g_strdup_printf ("Line %u · %s · %s", problem->line, problem->vin, problem->message);

      g_assert_cmpstr (gtk_string_object_get_string (line), ==, expected);
    }
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles WHERE vehicle_uuid IN"
                                                  " (SELECT uuid FROM vehicles WHERE vin LIKE '1FTFW1E5%')"), ==, 2);

  /* A file that cannot be read: its error in full, nothing imported. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "no-such-file.csv", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    gest_campaign_import_dialog_import_file (dialog, missing_file);
    WAIT_UNTIL (g_strcmp0 (gest_campaign_import_dialog_get_view (dialog), "running") != 0);
    g_assert_cmpstr (gest_campaign_import_dialog_get_view (dialog), ==, "failed");
    g_assert_nonnull (gest_campaign_import_dialog_get_error (dialog));
    g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_visible_label,
                                             gest_campaign_import_dialog_get_error (dialog)));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_domain_modules_init ();
  gest_modules_init ();

  g_test_add ("/campaigns/S1/list-and-reminder", Fixture, NULL, fixture_setup, test_list_and_reminder, fixture_teardown);
  g_test_add ("/campaigns/S1/board-five-columns", Fixture, NULL, fixture_setup, test_board, fixture_teardown);
  g_test_add ("/campaigns/S1/search-hit-opens-campaign", Fixture, NULL, fixture_setup, test_open_hit, fixture_teardown);
  g_test_add ("/campaigns/S1/board-narrow-at-360", Fixture, GINT_TO_POINTER (360), fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/campaigns/S1/import-dialog-report", Fixture, NULL, fixture_setup, test_import_report, fixture_teardown);

  return g_test_run ();
}
