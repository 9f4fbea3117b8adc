/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1-S3 and the data-use rule on screen: an affected vehicle's page refuses the move to
 * "Por contactar" before its parts are in and shows the model's refusal in full; it marks the
 * contact data of Ford's list "only for this recall"; the campaign's page follows a part to
 * "received" through the part dialog and the vehicles it covers leave "Refacciones
 * pendientes"; the weekly review stamps once and shows its counts; the campaign dialog creates
 * a campaign and shows its errors. */

#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-campaign.h"
#include "gest-campaign-detail.h"
#include "gest-campaign-dialog.h"
#include "gest-campaign-part-dialog.h"
#include "gest-campaign-vehicle-detail.h"
#include "gest-campaign-views.h"
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
  char        *campaign;     /* 24S12: needs one part a vehicle, 3 vehicles waiting */
  char        *part;
  GtkWidget   *window;
  GtkWidget   *widget;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  GestCampaignFields fields = {
    .code = "24S12", .kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL,
    .description = "Reemplazo del inflador de la bolsa de aire", .needs_parts = TRUE,
  };

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, phone_mobile) VALUES"
            " ('cust-1', 'María Pérez López', '2221234567'),"
            " ('cust-2', 'Juan Ruiz Sol', '2225550001');");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  g_assert_true (gest_campaign_create (f->store, &fields, &f->campaign, &error));
  g_assert_no_error (error);
  g_assert_true (gest_campaign_part_add (f->store, f->campaign, "6L2Z-78043B13-AA", "Inflador", 1, 3, &f->part, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *vin = g_strdup_printf ("1FTFW1E50MFA%05u", i);
      g_autofree char *sql = NULL;

      vin[8] = gest_vin_check_digit (vin);
      sql = g_strdup_printf ("INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                             " VALUES ('veh-%u', '%s', 'F-150', 2021, '%s');"
                             "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since,"
                             " list_owner, list_phone, list_email, list_address, imported_at)"
                             " VALUES ('cv-%u', '%s', 'veh-%u', 0, %" G_GINT64_FORMAT ", 'JUAN RUIZ SOL', '2225550001',"
                             " 'juan@example.com', 'Av. Juárez 10, Puebla', %" G_GINT64_FORMAT ");",
                             i, vin, i == 0 ? "cust-2" : "cust-1", i, f->campaign, i,
                             g_get_real_time () - 1000 + i, g_get_real_time () - 1000 + i);
      exec_sql (f->store, sql);
    }
  /* The owner of the first vehicle came only with Ford's list (the data-use rule). */
  exec_sql (f->store, "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, created_at)"
                      " VALUES ('origin-1', 'cust-2', 'recall-list', 1)");
  f->context = gest_context_new (f->store);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
}

static void
read_only (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
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
  if (f->widget != NULL)
    g_assert_finalize_object (f->widget);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  g_free (f->campaign);
  g_free (f->part);
  gest_test_tmpdir_free (f->dir);
}

static int
count_in_stage (Fixture *f,
                int      stage)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM campaign_vehicles WHERE deleted = 0 AND stage = %d", stage);

  return (int) gest_test_query_int (f->store, sql);
}

/* S3: no call before the parts: the move is refused and the model's words show in full under
 * the status; the vehicle stays where it was. */
static void
test_move_refused (Fixture       *f,
                   gconstpointer  data)
{
  GestCampaignVehicleDetail *detail;
  g_autoptr(GError) expected = NULL;
  g_autofree char *move_label = g_strdup_printf ("_Move to “%s”", gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));

  /* The model's refusal, asked directly (nothing is written). */
  g_assert_false (gest_campaign_vehicle_move (f->store, "cv-1", GEST_CAMPAIGN_TO_CONTACT, NULL, &expected));
  g_assert_nonnull (expected);
  g_assert_nonnull (strstr (expected->message, "6L2Z-78043B13-AA"));
  read_only (f);

  show (f, gest_campaign_vehicle_detail_new (f->context, "cv-1"));
  detail = GEST_CAMPAIGN_VEHICLE_DETAIL (f->widget);
  g_assert_cmpint (gest_campaign_vehicle_detail_get_stage (detail), ==, GEST_CAMPAIGN_PARTS_PENDING);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_button_labelled, move_label));
  g_assert_true (gest_campaign_vehicle_detail_move (detail, GEST_CAMPAIGN_TO_CONTACT));
  WAIT_UNTIL (gest_campaign_vehicle_detail_get_error (detail) != NULL);
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_error (detail), ==, expected->message);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_visible_label, expected->message));
  gest_campaign_vehicle_detail_reload (detail);
  g_assert_cmpint (gest_campaign_vehicle_detail_get_stage (detail), ==, GEST_CAMPAIGN_PARTS_PENDING);
  g_assert_cmpint (count_in_stage (f, GEST_CAMPAIGN_PARTS_PENDING), ==, 3);
}

/* The data-use rule: the list's contact data and an owner who came only with it are marked
 * for this recall only. */
static void
test_recall_only (Fixture       *f,
                  gconstpointer  data)
{
  GestCampaignVehicleDetail *detail;
  GtkWidget *row;

  read_only (f);
  show (f, gest_campaign_vehicle_detail_new (f->context, "cv-0"));
  detail = GEST_CAMPAIGN_VEHICLE_DETAIL (f->widget);
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_row_text (detail, "Phone on the List"), ==, "2225550001");
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_row_text (detail, "Address on the List"), ==, "Av. Juárez 10, Puebla");
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_row_text (detail, "Name"), ==, "Juan Ruiz Sol");
  row = gest_test_find_widget (f->widget, gest_test_is_row_titled, "Name");
  g_assert_nonnull (row);
  g_assert_nonnull (gest_test_find_widget (row, gest_test_is_label, "Only for this recall"));
  g_object_unref (g_steal_pointer (&f->widget));
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);

  /* An owner the dealer knows: no mark on their rows. */
  show (f, gest_campaign_vehicle_detail_new (f->context, "cv-1"));
  row = gest_test_find_widget (f->widget, gest_test_is_row_titled, "Name");
  g_assert_nonnull (row);
  g_assert_null (gest_test_find_widget (row, gest_test_is_label, "Only for this recall"));
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_row_text (GEST_CAMPAIGN_VEHICLE_DETAIL (f->widget), "Name"), ==,
                   "María Pérez López");
}

/* S6, S15 seen from the campaign: the queue's calls and the letter, from the vehicle's
 * activity log, newest first; before any, where the calls will come from. */
static void
test_calls (Fixture       *f,
            gconstpointer  data)
{
  GestCampaignVehicleDetail *detail;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = g_strdup_printf ("None yet. The vehicle enters the coordinator’s daily queue once it is in “%s”.",
                                           gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));
  GtkWidget *row;

  show (f, gest_campaign_vehicle_detail_new (f->context, "cv-1"));
  detail = GEST_CAMPAIGN_VEHICLE_DETAIL (f->widget);
  g_assert_cmpstr (gest_campaign_vehicle_detail_get_row_text (detail, "No calls yet"), ==, none);
  g_assert_cmpint (gest_activity_log_append (f->store, "cv-1", GEST_ACTIVITY_NOTE, "Nota interna", NULL, NULL, &error), >, 0);
  g_assert_cmpint (gest_activity_log_append (f->store, "cv-1", GEST_ACTIVITY_CALL, "Sin respuesta (mañana)", NULL, NULL, &error), >, 0);
  g_assert_cmpint (gest_activity_log_append (f->store, "cv-1", GEST_ACTIVITY_CALL, "Contactado: se le informó de 24S12", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  read_only (f);
  gest_campaign_vehicle_detail_reload (detail);
  g_assert_null (gest_campaign_vehicle_detail_get_row_text (detail, "No calls yet"));
  row = gest_test_find_widget (f->widget, gest_test_is_label, "Contactado: se le informó de 24S12");
  g_assert_nonnull (row);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "Sin respuesta (mañana)"));
}

static void
saved_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* S2, S3: the part followed to "received" with two pieces: two vehicles, oldest first, leave
 * "Refacciones pendientes" and the page says how many the parts cover. */
static void
test_part_receipt (Fixture       *f,
                   gconstpointer  data)
{
  GestCampaignDetail *detail;
  GestCampaignPartDialog *dialog;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *covered = NULL;
  guint n_saved = 0;

  read_only (f);
  show (f, gest_campaign_detail_new (f->context, f->campaign));
  detail = GEST_CAMPAIGN_DETAIL (f->widget);
  g_assert_cmpstr (gest_campaign_detail_get_row_text (detail, "Covered by the Parts Received"), ==,
                   "0 of 3 vehicles: only these can be called");
  g_assert_nonnull (gest_campaign_detail_get_row_text (detail, "6L2Z-78043B13-AA · Inflador"));

  parts = gest_campaign_parts_list (f->store, f->campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  dialog = gest_campaign_part_dialog_new (NULL, f->context, f->campaign, g_ptr_array_index (parts, 0));
  g_object_ref (dialog);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (saved_cb), &n_saved);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Received, but the total is missing: said, nothing saved. */
  gest_campaign_part_dialog_fill_status (dialog, GEST_CAMPAIGN_PART_RECEIVED, "", "");
  g_assert_false (gest_campaign_part_dialog_save (dialog));
  g_assert_cmpstr (gest_campaign_part_dialog_get_error (dialog, GEST_CAMPAIGN_PART_FORM_RECEIVED), ==,
                   "Write how many pieces have been received in total so far.");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_visible_label,
                                           "Write how many pieces have been received in total so far."));
  gest_campaign_part_dialog_fill_status (dialog, GEST_CAMPAIGN_PART_RECEIVED, "2", "");
  g_assert_true (gest_campaign_part_dialog_save (dialog));
  WAIT_UNTIL (n_saved == 1);
  g_assert_finalize_object (dialog);

  g_assert_cmpint (count_in_stage (f, GEST_CAMPAIGN_PARTS_PENDING), ==, 1);
  g_assert_cmpint (count_in_stage (f, GEST_CAMPAIGN_TO_CONTACT), ==, 2);
  /* Oldest import first. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT stage FROM campaign_vehicles WHERE uuid = 'cv-2'"), ==, 0);
  gest_campaign_detail_reload (detail);
  covered = g_strdup_printf ("%u", 2);
  g_assert_cmpstr (gest_campaign_detail_get_row_text (detail, "Covered by the Parts Received"), ==,
                   "2 of 3 vehicles: only these can be called");
  g_assert_cmpstr (gest_campaign_detail_get_row_text (detail, gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT)), ==, covered);
}

/* S1: the weekly stamp: once a week, with the counts of its moment; a second one this week is
 * refused in the model's words. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  GestCampaignDetail *detail;
  g_autofree char *week = gest_campaign_view_week_of (g_get_real_time ());
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;

  read_only (f);
  show (f, gest_campaign_detail_new (f->context, f->campaign));
  detail = GEST_CAMPAIGN_DETAIL (f->widget);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_visible_label, "Weekly review due"));
  g_assert_true (gest_campaign_detail_review (detail, "Refacciones en camino"));
  WAIT_UNTIL (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_reviews") == 1);
  gest_store_wait_for_writes (f->store);
  g_assert_null (gest_campaign_detail_get_error (detail, "status"));
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_visible_label, "Reviewed this week"));
  counts = g_strdup_printf ("3 affected · 3 %s · 0 %s · 0 %s · 0 %s · 0 %s\nRefacciones en camino",
                            gest_campaign_stage_label (0), gest_campaign_stage_label (1), gest_campaign_stage_label (2),
                            gest_campaign_stage_label (3), gest_campaign_stage_label (4));
  {
    g_autoptr(GPtrArray) stamps = gest_campaign_view_list_reviews (f->store, f->campaign, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stamps->len, ==, 1);
    g_assert_cmpstr (((GestCampaignReviewStamp *) g_ptr_array_index (stamps, 0))->week, ==, week);
  }
  /* The stamp's row: its counts and note. */
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, counts));

  /* The same week again: refused as the model says, nothing stamped. */
  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_false (gest_campaign_review (f->store, f->campaign, g_get_real_time (), "", &expected));
  g_assert_nonnull (expected);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_true (gest_campaign_detail_review (detail, ""));
  WAIT_UNTIL (gest_campaign_detail_get_error (detail, "status") != NULL);
  g_assert_cmpstr (gest_campaign_detail_get_error (detail, "status"), ==, expected->message);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_reviews"), ==, 1);
}

static void
campaign_saved_cb (char       **out,
                   const char  *uuid)
{
  *out = g_strdup (uuid);
}

/* S1: a satisfaction program from the dialog: its dates, an end before its start said in full,
 * then saved. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  GestCampaignDialog *dialog;
  g_autofree char *uuid = NULL;
  g_autoptr(GestCampaign) campaign = NULL;
  const char *message = "The campaign cannot end on 01/01/2027, before it starts on 01/12/2027. Check both days.";

  read_only (f);
  show (f, gtk_label_new (""));
  dialog = gest_campaign_dialog_new (NULL, f->context, NULL);
  g_object_ref (dialog);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (campaign_saved_cb), &uuid);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gest_campaign_dialog_get_dates_visible (dialog));
  gest_campaign_dialog_fill (dialog, "25c03", GEST_CAMPAIGN_KIND_SATISFACTION, "Revisión del cinturón",
                             "01/12/2027", "01/01/2027", FALSE);
  g_assert_true (gest_campaign_dialog_get_dates_visible (dialog));
  g_assert_false (gest_campaign_dialog_save (dialog));
  g_assert_cmpstr (gest_campaign_dialog_get_error (dialog, GEST_CAMPAIGN_FORM_ENDS), ==, message);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_visible_label, message));
  gest_campaign_dialog_fill (dialog, "25c03", GEST_CAMPAIGN_KIND_SATISFACTION, "Revisión del cinturón",
                             "01/12/2026", "01/01/2027", FALSE);
  g_assert_true (gest_campaign_dialog_save (dialog));
  WAIT_UNTIL (uuid != NULL);
  g_assert_finalize_object (dialog);
  campaign = gest_campaign_load (f->store, uuid, NULL);
  g_assert_nonnull (campaign);
  g_assert_cmpstr (campaign->code, ==, "25C03");
  g_assert_cmpint (campaign->kind, ==, GEST_CAMPAIGN_KIND_SATISFACTION);
  g_assert_cmpstr (campaign->starts_on, ==, "2026-12-01");
  g_assert_cmpstr (campaign->ends_on, ==, "2027-01-01");
  g_assert_false (campaign->needs_parts);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/campaigns/S3/vehicle-detail/no-call-before-parts-refusal-in-full", test_move_refused);
  ADD ("/campaigns/data-use/vehicle-detail/list-contact-only-for-this-recall", test_recall_only);
  ADD ("/campaigns/S6/vehicle-detail/queue-calls-from-the-activity-log", test_calls);
  ADD ("/campaigns/S2/S3/detail/part-received-releases-vehicles", test_part_receipt);
  ADD ("/campaigns/S1/detail/weekly-review-once-with-counts", test_review);
  ADD ("/campaigns/S1/dialog/new-satisfaction-program-with-dates", test_dialog);
#undef ADD

  return g_test_run ();
}
