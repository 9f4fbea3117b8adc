/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reservation window on screen (S12, S10, S11; issue 15): preset from a clicked slot; the
 * customer found by typing and their only vehicle chosen; the test-drive note over 30,000 km;
 * the form's errors in full under their rows; the slot's refusal on the time row, in full,
 * with nothing written; a reservation saved through the writer; "needs an invoice" with
 * incomplete billing data keeps it from saving; the customer search runs on its thread and
 * the latest search wins; Escape closes. */
#include "config.h"

#include <locale.h>

#include "agenda-board-test-util.h"
#include "gest-billing-group.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-reservation-dialog.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"


typedef struct
{
  char        *dir;
  char        *monday;
  GestStore   *store;
  GestContext *context;
  GtkWidget   *dialog;
  char        *saved;
} Fixture;

static void
saved_cb (GestReservationDialog *dialog,
          const char            *uuid,
          Fixture               *f)
{
  g_free (f->saved);
  f->saved = g_strdup (uuid);
}

static void
open_dialog (Fixture    *f,
             const char *advisor,
             int         starts_min)
{
  GestReservationValues preset = { .advisor_uuid = advisor, .day = f->monday, .starts_min = starts_min };

  f->dialog = g_object_ref_sink (gest_reservation_dialog_new (f->context, NULL, NULL, &preset, NULL));
  g_signal_connect (f->dialog, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  f->monday = agenda_test_monday ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  agenda_test_fill (f->store, f->monday);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  f->context = gest_context_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gest_store_wait_for_writes (f->store);
  if (f->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->dialog));
      gest_test_finalize_after_drain (f->dialog);
    }
  gest_test_finalize_after_drain (f->context);
  gest_test_finalize_after_drain (f->store);
  gest_test_tmpdir_free (f->dir);
  g_free (f->monday);
  g_free (f->saved);
}

static GtkWidget *
entry_row (Fixture    *f,
           const char *title)
{
  GtkWidget *row = gest_test_find_widget (f->dialog, gest_test_is_entry_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = gest_test_find_widget (f->dialog, gest_test_is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

/* The search's match titled @title, when shown. */
static GtkWidget *
shown_match (Fixture    *f,
             const char *title)
{
  GtkWidget *match = gest_test_find_widget (f->dialog, gest_test_is_row_titled, title);

  return match != NULL && gtk_widget_is_visible (match) ? match : NULL;
}

/* Types "Pérez" in the customer row and takes the one match, once the search (after the
 * typing pause, on its thread) shows it. */
static void
choose_juan (Fixture *f)
{
  GtkWidget *match;
  GtkWidget *list;

  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Customer (name, phone or plate)")), "Pérez");
  WAIT_UNTIL (shown_match (f, "Juan Pérez López") != NULL);
  match = shown_match (f, "Juan Pérez López");
  list = gtk_widget_get_parent (match);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_signal_emit_by_name (list, "row-activated", match);
  /* The customer's data and vehicles arrive from the thread. */
  WAIT_UNTIL (g_strcmp0 (gest_reservation_dialog_get_values (GEST_RESERVATION_DIALOG (f->dialog))->customer_uuid,
                         "cust-juan") == 0);
}

static void
test_preset_and_customer (Fixture       *f,
                          gconstpointer  data)
{
  GestReservationDialog *dialog;
  const GestReservationFormValues *values;
  GtkWidget *test_drive;

  open_dialog (f, AGENDA_TEST_LUIS, 600);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (f, "Time (hh:mm)"))), ==, "10:00");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (f, "Service advisor"))), ==, 1);
  choose_juan (f);
  values = gest_reservation_dialog_get_values (dialog);
  g_assert_cmpstr (values->customer_uuid, ==, "cust-juan");
  /* The customer's only vehicle is the one; the odometer must not go back from 35,000. */
  g_assert_cmpstr (values->vehicle_uuid, ==, "veh-juan");
  g_assert_cmpint (values->last_mileage_km, ==, 35000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (f, "Customer (name, phone or plate)"))), ==,
                   "Juan Pérez López · 5512345678");
  /* S10: over 30,000 km the window says a test drive will be offered. */
  test_drive = row (f, "Test drive");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Mileage (km)")), "35,001");
  g_assert_true (gtk_widget_get_visible (test_drive));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_drive)), ==,
                   "Over 30,000 km: a test drive will be offered to the customer.");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Mileage (km)")), "34,000");
  g_assert_false (gtk_widget_get_visible (test_drive));
}

static void
test_errors_in_full (Fixture       *f,
                     gconstpointer  data)
{
  GestReservationDialog *dialog;

  open_dialog (f, NULL, -1);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Day (dd/mm/yyyy)")), "");
  g_assert_false (gest_reservation_dialog_save (dialog));
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label,
                                           "Choose the customer: search by name, phone or plate."));
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label, "Choose the service advisor."));
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label,
                                           "Type the day as dd/mm/yyyy, e.g. 07/12/2026."));
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label,
                                           "Type the time as hh:mm, e.g. 09:30."));
  g_assert_true (gtk_widget_has_css_class (entry_row (f, "Time (hh:mm)"), "error"));
  g_assert_false (gtk_widget_get_sensitive (gest_test_find_widget (f->dialog, gest_test_is_button_labelled, "_Save")));
  g_assert_null (f->saved);
}

static void
test_slot_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *full = agenda_test_full_message (f->monday);
  GestReservationDialog *dialog;

  open_dialog (f, AGENDA_TEST_LUIS, 9 * 60);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  choose_juan (f);
  g_assert_true (gest_reservation_dialog_save (dialog));
  WAIT_UNTIL (!gest_reservation_dialog_get_values (dialog)->saving);
  g_assert_null (f->saved);
  g_assert_cmpstr (gest_reservation_dialog_get_error (dialog, GEST_RESERVATION_FORM_TIME), ==, full);
  g_assert_true (gtk_widget_has_css_class (entry_row (f, "Time (hh:mm)"), "error"));
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label, full));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM reservations"), ==, 4);
}

static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  GestReservationDialog *dialog;
  g_autofree char *where = NULL;
  g_autofree char *expected = NULL;

  open_dialog (f, AGENDA_TEST_LUIS, 10 * 60);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  choose_juan (f);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "Mileage (km)")), "36,500");
  g_assert_true (gest_reservation_dialog_save (dialog));
  WAIT_UNTIL (f->saved != NULL || gest_reservation_dialog_get_error (dialog, -1) != NULL
              || gest_reservation_dialog_get_error (dialog, GEST_RESERVATION_FORM_TIME) != NULL);
  g_assert_null (gest_reservation_dialog_get_error (dialog, -1));
  g_assert_nonnull (f->saved);
  where = agenda_test_where (f->store, f->saved);
  expected = g_strdup_printf ("adv-luis %s 600", f->monday);
  g_assert_cmpstr (where, ==, expected);
  g_assert_false (gtk_widget_get_visible (f->dialog));
}

static void
test_invoice_incomplete (Fixture       *f,
                         gconstpointer  data)
{
  GestReservationDialog *dialog;
  GtkWidget *invoice;
  const char *error;

  open_dialog (f, AGENDA_TEST_LUIS, 10 * 60);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  choose_juan (f);
  invoice = gest_test_find_widget (row (f, "Needs an invoice"), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  gtk_switch_set_active (GTK_SWITCH (invoice), TRUE);
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_type, GSIZE_TO_POINTER (GEST_TYPE_BILLING_GROUP)));
  /* Juan has no RFC yet: the reservation cannot be saved until the billing data is complete. */
  g_assert_false (gest_reservation_dialog_save (dialog));
  error = gest_reservation_dialog_get_error (dialog, GEST_RESERVATION_FORM_BILLING);
  g_assert_nonnull (error);
  g_assert_nonnull (gest_test_find_widget (f->dialog, gest_test_is_visible_label, error));
  g_assert_null (f->saved);
  gtk_switch_set_active (GTK_SWITCH (invoice), FALSE);
  g_assert_null (gest_reservation_dialog_get_error (dialog, GEST_RESERVATION_FORM_BILLING));
}

/* Whether the stale match for "Pérez" showed, and the fresh one for "Ruiz". */
static gboolean
fresh_match_shown (Fixture  *f,
                   gboolean *stale_seen)
{
  if (shown_match (f, "Juan Pérez López") != NULL)
    *stale_seen = TRUE;
  return shown_match (f, "Rosa Ruiz Soto") != NULL;
}

/* Spins the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  WAIT_UNTIL (g_get_monotonic_time () >= until);
}

/* S12: the search runs on its thread; a search still out when the text changed, or when a
 * customer was chosen, never shows its matches: the latest wins. */
static void
test_search_latest_wins (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestReservationDialog *dialog;
  GtkWidget *customer;
  gboolean stale_seen = FALSE;

  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO customers (uuid, name, phone_mobile) VALUES"
                                            " ('cust-rosa', 'Rosa Ruiz Soto', '5598765432')", &error));
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
  open_dialog (f, AGENDA_TEST_LUIS, 600);
  dialog = GEST_RESERVATION_DIALOG (f->dialog);
  customer = entry_row (f, "Customer (name, phone or plate)");
  /* Enter searches "Pérez" at once; the text changes while that search is out. */
  gtk_editable_set_text (GTK_EDITABLE (customer), "Pérez");
  g_signal_emit_by_name (customer, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (customer), "Ruiz");
  WAIT_UNTIL (fresh_match_shown (f, &stale_seen));
  g_assert_false (stale_seen);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (shown_match (f, "Rosa Ruiz Soto"))),
                                                1));
  /* A search out when a customer is chosen: its matches do not come back over the choice. */
  gtk_editable_set_text (GTK_EDITABLE (customer), "Pérez");
  g_signal_emit_by_name (customer, "entry-activated");
  gest_reservation_dialog_choose_customer (dialog, "cust-rosa", NULL);
  WAIT_UNTIL (g_strcmp0 (gest_reservation_dialog_get_values (dialog)->customer_uuid, "cust-rosa") == 0);
  spin (300);
  g_assert_null (shown_match (f, "Juan Pérez López"));
  g_assert_cmpstr (gest_reservation_dialog_get_values (dialog)->customer_uuid, ==, "cust-rosa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (customer)), ==, "Rosa Ruiz Soto · 5598765432");
}

/* S12, S8, S11: the search, the chosen customer's label, vehicles, their open field actions
 * and billing data are read on the window's thread: not one statement on the UI thread's
 * connection from typing to the chosen vehicle. */
static void
test_customer_off_thread (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);

  open_dialog (f, AGENDA_TEST_LUIS, 600);
  agenda_test_record_statements (f->store, statements);
  choose_juan (f);
  agenda_test_record_statements (f->store, NULL);
  for (guint i = 0; i < statements->len; i++)
    g_error ("The window read on the UI thread: %s", (const char *) g_ptr_array_index (statements, i));
  g_assert_cmpstr (gest_reservation_dialog_get_values (GEST_RESERVATION_DIALOG (f->dialog))->vehicle_uuid, ==,
                   "veh-juan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (f, "Customer (name, phone or plate)"))), ==,
                   "Juan Pérez López · 5512345678");
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  open_dialog (f, AGENDA_TEST_LUIS, 10 * 60);
  g_assert_true (gtk_widget_get_visible (f->dialog));
  g_assert_true (gtk_widget_activate_action (f->dialog, "window.close", NULL));
  g_assert_false (gtk_widget_get_visible (f->dialog));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agenda/S12/dialog/preset-and-customer", Fixture, NULL, fixture_setup, test_preset_and_customer,
              fixture_teardown);
  g_test_add ("/agenda/S12/dialog/errors-in-full", Fixture, NULL, fixture_setup, test_errors_in_full,
              fixture_teardown);
  g_test_add ("/agenda/S12/dialog/full-slot-refused-on-time-row", Fixture, NULL, fixture_setup, test_slot_refused,
              fixture_teardown);
  g_test_add ("/agenda/S12/dialog/saved", Fixture, NULL, fixture_setup, test_saved, fixture_teardown);
  g_test_add ("/agenda/S11/dialog/invoice-needs-billing-data", Fixture, NULL, fixture_setup,
              test_invoice_incomplete, fixture_teardown);
  g_test_add ("/agenda/S12/dialog/customer-search-latest-wins", Fixture, NULL, fixture_setup,
              test_search_latest_wins, fixture_teardown);
  g_test_add ("/agenda/S12/dialog/customer-read-off-thread", Fixture, NULL, fixture_setup,
              test_customer_off_thread, fixture_teardown);
  g_test_add ("/agenda/S12/dialog/escape-closes", Fixture, NULL, fixture_setup, test_escape_closes,
              fixture_teardown);
  return g_test_run ();
}
