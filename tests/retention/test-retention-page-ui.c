/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S6, S8, S15 (#14) on screen: the Contacto proactivo page at 360 px, its day's queue worked call
 * by call through the call panel: five failed attempts on five working days at different times
 * of day put the letter in "Letters to Print" (and not before the fifth); a call that reached
 * the customer without the vehicle's open field action checked is refused with the model's
 * message in full under the outcome buttons. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-contact-call-panel.h"
#include "gest-contact-queue.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-retention-lapsed-view.h"
#include "gest-retention-letters-view.h"
#include "gest-retention-page.h"
#include "gest-retention-queue-view.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define MSG_S8 "Tell the customer about the vehicle’s open field actions and mark those you told before you " \
               "record the call: 24S12 (Safety recall): Reemplazo del inflador de la bolsa de aire."
#define MSG_S8_FORM "Tell the customer about the open field actions and check each one you told: a call " \
                    "cannot end as contacted, booked or refused without them."

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  GtkWindow   *window;
  GtkWidget   *page;
  guint        n_queue_loads;
  guint        n_letter_loads;
} Fixture;

static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) moment = g_date_time_new (tz, 2026, 12, day, hour, minute, 0);

  return g_date_time_to_unix (moment) * G_USEC_PER_SEC;
}

static void
queue_loaded_cb (Fixture *f)
{
  f->n_queue_loads++;
}

static void
letters_loaded_cb (Fixture *f)
{
  f->n_letter_loads++;
}

static void
spin_until (gboolean (*done) (Fixture *f),
            Fixture   *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GestRetentionQueueView *
queue (Fixture *f)
{
  return GEST_RETENTION_QUEUE_VIEW (gest_retention_page_get_child (GEST_RETENTION_PAGE (f->page), "today"));
}

static GestRetentionLettersView *
letters (Fixture *f)
{
  return GEST_RETENTION_LETTERS_VIEW (gest_retention_page_get_child (GEST_RETENTION_PAGE (f->page), "letters"));
}

static guint wanted_loads;

static gboolean
queue_loaded (Fixture *f)
{
  return f->n_queue_loads >= wanted_loads;
}

static gboolean
letters_loaded (Fixture *f)
{
  return f->n_letter_loads >= wanted_loads;
}

static gboolean
letter_shown (Fixture *f)
{
  return gest_retention_letters_view_get_n_items (letters (f)) == 1;
}

/* The letters' view reloaded after marking its batch printed. */
static gboolean
letters_printed (Fixture *f)
{
  return gest_retention_letters_view_get_n_items (letters (f)) == 0;
}

static gboolean
panel_loaded (Fixture *f)
{
  GtkWidget *panel = gest_retention_queue_view_get_panel (queue (f));

  return panel != NULL && gest_contact_call_panel_is_loaded (GEST_CONTACT_CALL_PANEL (panel));
}

/* The queue as seen at @now, loaded. */
static void
reload_queue_at (Fixture *f,
                 gint64   now)
{
  gest_retention_page_set_now (GEST_RETENTION_PAGE (f->page), now);
  wanted_loads = f->n_queue_loads + 1;
  gest_retention_queue_view_reload (queue (f));
  spin_until (queue_loaded, f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  /* No email: after the fifth failure the customer gets a letter to print. */
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, phone_mobile, phone_home) VALUES"
                                  " ('cust-1', 'Ana Ruiz Soto', '5512345678', '2221234567');"
                                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                                  " ('veh-1', '1FTFW1E50NFA00001', 'Ranger', 2022, 'cust-1');"
                                  "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail,"
                                  " call_on, created_at) VALUES ('fup-1', 'cust-1', 'veh-1', 'quote',"
                                  " 'Cambio de balatas', '2026-12-04', 0);"
                                  /* An open field action of the vehicle, already told once (stage
                                   * Contactado): not a row of the queue, but told on every call (S8). */
                                  "INSERT INTO campaigns (uuid, code, kind, description, needs_parts, created_at)"
                                  " VALUES ('camp-1', '24S12', 'safety-recall',"
                                  " 'Reemplazo del inflador de la bolsa de aire', 0, 0);"
                                  "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage,"
                                  " stage_since, imported_at) VALUES ('cv-1', 'camp-1', 'veh-1', 2, 0, 0);",
                                  &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);

  f->page = g_object_ref_sink (gest_retention_page_new (f->context));
  g_signal_connect_swapped (queue (f), "loaded", G_CALLBACK (queue_loaded_cb), f);
  g_signal_connect_swapped (letters (f), "loaded", G_CALLBACK (letters_loaded_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 720);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  /* The page's first loads, at the clock's time. */
  wanted_loads = 1;
  spin_until (queue_loaded, f);
  spin_until (letters_loaded, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  gest_store_wait_for_writes (f->store);
  /* Loads still running in their threads hold their views until they report. */
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = gest_test_find_widget (root, gest_test_is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_fits_360 (Fixture       *f,
               gconstpointer  data)
{
  int minimum;

  gtk_widget_measure (f->page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  reload_queue_at (f, at (7, 9, 30));
  gest_retention_queue_view_open (queue (f), 0);
  spin_until (panel_loaded, f);
  gtk_widget_measure (f->page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Monday 7 to Friday 11 December 2026: morning, midday, afternoon, morning, midday. */
static void
test_five_failures_letter (Fixture       *f,
                           gconstpointer  data)
{
  static const int attempts[][2] = { { 7, 9 }, { 8, 12 }, { 9, 16 }, { 10, 10 }, { 11, 13 } };
  GtkWidget *panel;
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      /* The queue offers each next attempt in the next band: morning, midday, afternoon... */
      g_autofree char *status = g_strdup_printf ("Attempt %u of 5 · call in: %s", i + 1,
                                                 gest_contact_band_label ((GestContactBand) (i % 3)));

      reload_queue_at (f, at (attempts[i][0], attempts[i][1], 15));
      g_assert_cmpuint (gest_retention_queue_view_get_n_items (queue (f)), ==, 1);
      g_assert_cmpuint (gest_retention_letters_view_get_n_items (letters (f)), ==, 0);
      gest_retention_queue_view_open (queue (f), 0);
      spin_until (panel_loaded, f);
      panel = gest_retention_queue_view_get_panel (queue (f));
      g_assert_true (gest_retention_queue_view_get_can_go_back (queue (f)));
      g_assert_cmpstr (gest_contact_call_panel_get_title (GEST_CONTACT_CALL_PANEL (panel)), ==, "Ana Ruiz Soto");
      /* S8: the open field action is shown first, checked. */
      row = gest_test_find_widget (panel, gest_test_is_row_titled,
                                   "24S12: Reemplazo del inflador de la bolsa de aire");
      g_assert_nonnull (row);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
        gest_test_find_widget (row, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON)))));
      g_assert_nonnull (gest_test_find_widget (panel, gest_test_is_row_titled, "5512345678"));
      g_assert_nonnull (gest_test_find_widget (panel, gest_test_is_row_titled, "2221234567"));
      g_assert_nonnull (gest_test_find_widget (panel, gest_test_is_label, status));
      /* The history shows from the second call on. */
      g_assert_true (gtk_widget_get_visible (gest_test_find_widget (panel, gest_test_is_group_titled, "Attempts"))
                     == (i > 0));
      wanted_loads = f->n_queue_loads + 1;
      click (panel, "_No Answer");
      spin_until (queue_loaded, f);
      gest_store_wait_for_writes (f->store);
      g_assert_false (gest_retention_queue_view_get_can_go_back (queue (f)));
      /* No letter before the fifth failure; with it, the queue's reload shows it to print. */
      g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"), ==, i + 1 < 5 ? 0 : 1);
      if (i + 1 == 5)
        spin_until (letter_shown, f);
      g_assert_cmpuint (gest_retention_letters_view_get_n_items (letters (f)), ==, i + 1 < 5 ? 0 : 1);
    }
  /* The cadence ended: the record is not offered the next week, its letter waits to print. */
  reload_queue_at (f, at (14, 9, 0));
  g_assert_cmpuint (gest_retention_queue_view_get_n_items (queue (f)), ==, 0);
  gest_retention_page_set_view (GEST_RETENTION_PAGE (f->page), "letters");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (letters (f)), gest_test_is_row_titled, "Ana Ruiz Soto"));

  /* The batch saved as PDF: the letter is printed, stored as a document, and leaves the list. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "cartas.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    gest_retention_letters_view_save_pdf (letters (f), pdf);
    spin_until (letters_printed, f);
    gest_store_wait_for_writes (f->store);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);
    g_assert_cmpuint (gest_retention_letters_view_get_n_items (letters (f)), ==, 0);
    g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters WHERE printed_at IS NOT NULL"),
                     ==, 1);
  }
}

static void
test_open_action_refusal (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *panel;
  GtkWidget *row;
  GtkWidget *check;

  reload_queue_at (f, at (7, 9, 30));
  gest_retention_queue_view_open (queue (f), 0);
  spin_until (panel_loaded, f);
  panel = gest_retention_queue_view_get_panel (queue (f));
  row = gest_test_find_widget (panel, gest_test_is_row_titled, "24S12: Reemplazo del inflador de la bolsa de aire");
  check = gest_test_find_widget (row, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));
  g_assert_false (gest_test_find_widget (panel, gest_test_is_visible_label, MSG_S8_FORM) != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_nonnull (gest_test_find_widget (panel, gest_test_is_visible_label, MSG_S8_FORM));

  click (panel, "_Contacted");
  gest_store_wait_for_writes (f->store);
  g_assert_nonnull (gest_test_find_widget (panel, gest_test_is_visible_label, MSG_S8));
  /* Nothing was logged, the panel stays. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_calls"), ==, 0);
  g_assert_true (gest_retention_queue_view_get_can_go_back (queue (f)));

  /* Told: the call is logged with the code and the record leaves the queue. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_null (gest_test_find_widget (panel, gest_test_is_visible_label, MSG_S8));
  wanted_loads = f->n_queue_loads + 1;
  click (panel, "_Contacted");
  spin_until (queue_loaded, f);
  gest_store_wait_for_writes (f->store);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_calls WHERE field_actions = '24S12'"
                                                  " AND outcome = 'contacted' AND number_dialled = '5512345678'"),
                   ==, 1);
  g_assert_cmpuint (gest_retention_queue_view_get_n_items (queue (f)), ==, 0);
}

static void
exported_cb (Fixture    *f,
             const char *message)
{
  g_assert_null (message);
  f->n_letter_loads = G_MAXUINT;   /* reused as the "exported" flag of this test */
}

static gboolean
lapsed_loaded (Fixture *f)
{
  return gest_retention_lapsed_view_get_n_items (GEST_RETENTION_LAPSED_VIEW (
           gest_retention_page_get_child (GEST_RETENTION_PAGE (f->page), "lapsed"))) == 1;
}

static gboolean
exported (Fixture *f)
{
  return f->n_letter_loads == G_MAXUINT;
}

/* S4, S8: December's list holds the vehicle last maintained in June (none else), flagged with its open field
 * action, and its XLSX export has real cells (read back with openpyxl). */
static void
test_lapsed_export (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *lapsed = gest_retention_page_get_child (GEST_RETENTION_PAGE (f->page), "lapsed");
  g_autofree char *path = g_build_filename (f->dir, "vencidos.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *script = g_strdup_printf ("import openpyxl\n"
                                             "ws = openpyxl.load_workbook('%s').active\n"
                                             "for row in ws.iter_rows(values_only=True):\n"
                                             "    print('|'.join('' if v is None else str(v) for v in row))\n", path);
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Another customer's vehicle, last maintained in June 2026, with the open field action. */
  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO customers (uuid, name, phone_mobile) VALUES"
                                  " ('cust-2', 'Luis Mora Paz', '5587654321');"
                                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                                  " ('veh-2', '1FTFW1E52NFA00002', 'Lobo', 2021, 'cust-2');"
                                  "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage,"
                                  " stage_since, imported_at) VALUES ('cv-2', 'camp-1', 'veh-2', 2, 0, 0);"
                                  "INSERT INTO service_visits (uuid, vehicle_uuid, ro_number, opened_on, closed_on, km,"
                                  " kind, created_at) VALUES ('visit-2', 'veh-2', 'OR-1002', '2026-06-15',"
                                  " '2026-06-15', 30000, 'maintenance', 0);",
                                  &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));

  gest_retention_page_set_view (GEST_RETENTION_PAGE (f->page), "lapsed");
  gest_retention_lapsed_view_set_month (GEST_RETENTION_LAPSED_VIEW (lapsed), "2026-12-20");
  spin_until (lapsed_loaded, f);
  g_assert_nonnull (gest_test_find_widget (lapsed, gest_test_is_visible_label, "1 open field action"));
  g_signal_connect_swapped (lapsed, "exported", G_CALLBACK (exported_cb), f);
  gest_retention_lapsed_view_export (GEST_RETENTION_LAPSED_VIEW (lapsed), path);
  spin_until (exported, f);
  f->n_letter_loads = 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "VIN|Vehicle|Customer|Last maintenance|Open field actions|"));
  g_assert_nonnull (strstr (out, "1FTFW1E52NFA00002|Lobo 2021|Luis Mora Paz|2026-06-15 00:00:00|1|"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/retention/S6/page-fits-360-px", Fixture, NULL, fixture_setup, test_fits_360, fixture_teardown);
  g_test_add ("/retention/S6/S15/five-failures-make-the-letter-to-print", Fixture, NULL, fixture_setup,
              test_five_failures_letter, fixture_teardown);
  g_test_add ("/retention/S8/open-action-refusal-shown-in-full", Fixture, NULL, fixture_setup,
              test_open_action_refusal, fixture_teardown);
  g_test_add ("/retention/S4/lapsed-list-exported-to-xlsx", Fixture, NULL, fixture_setup, test_lapsed_export,
              fixture_teardown);
  return g_test_run ();
}
