/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T5: the payment form on screen. Its rules are tested without a display in
 * test-payment-form.c; this checks that the form applies its state (rows marked, messages
 * under the fields, sensitivity, why Record is off), records through the model and shows the
 * model's refusal. */

#include "config.h"

#include <locale.h>

#include "gest-date.h"
#include "gest-date-row.h"
#include "gest-money-row.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-tramite-payment-form.h"

#define MSG_AMOUNT_ZERO "The payment amount must be more than $0.00 (it is $0.00). Write what the customer paid."
#define MSG_REFERENCE "Write the payment reference (the deposit or transfer reference on the customer’s receipt)."
#define MSG_AFTER_STEP_3 "The customer’s payment can only be recorded or corrected up to step 3 (Documents and payment): Conauto has already verified the deposit."

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  GestTramite *tramite;
  GDate        today;
  char        *today_s;
  GtkWidget   *window;
  GestTramitePaymentForm *form;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (store, FALSE, &error));
  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_read_only (store, TRUE, &error));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *as_of = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  gest_date_today (&f->today);
  f->today_s = gest_date_format (&f->today);
  as_of = gest_date_to_iso (&f->today);
  sql = g_strdup_printf ("INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
                         "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid)"
                         " VALUES ('veh-1', '3FADP4EJ0KM123456', 'Figo', 2019, 'cust-1');"
                         "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance,"
                         " overdue, life_insurance, as_of) VALUES"
                         " ('plan-1', 'PL-0001', 'cust-1', 'veh-1', 150000, 12000000, 0, 250000, '%s');",
                         as_of);
  g_assert_true (gest_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  f->tramite = gest_tramite_create (f->store, "plan-1", 11875050, &f->today, "", &error);
  g_assert_no_error (error);
  exec_sql (f->store, "UPDATE tramites SET step = 3");
  f->tramite->step = 3;

  f->context = gest_context_new (f->store);
  f->form = GEST_TRAMITE_PAYMENT_FORM (gest_tramite_payment_form_new (f->context, NULL));
  g_object_ref (f->form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (f->form));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  gtk_window_present (GTK_WINDOW (f->window));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (f->form), TRUE);
  gest_tramite_payment_form_set_tramite (f->form, f->tramite);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->form);
  g_assert_finalize_object (f->context);
  gest_store_wait_for_writes (f->store);
  g_assert_finalize_object (f->store);
  gest_tramite_free (f->tramite);
  g_free (f->today_s);
  gest_test_tmpdir_free (f->dir);
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = gest_test_find_widget (GTK_WIDGET (f->form), gest_test_is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

static gboolean
shows (Fixture    *f,
       const char *message)
{
  return gest_test_find_widget (GTK_WIDGET (f->form), gest_test_is_visible_label, message) != NULL;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Nothing in error before the first try; after it, each field marked with its message under
 * the form; the messages follow the fields; a right form records. */
static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *amount = row (f, "Amount Paid");
  GtkWidget *date = row (f, "Payment Date (dd/mm/yyyy)");
  GtkWidget *reference = row (f, "Deposit or Transfer Reference");
  GtkWidget *record = gest_test_find_widget (GTK_WIDGET (f->form), gest_test_is_button_labelled, "_Record Payment");
  g_autofree char *date_s = NULL;
  g_autofree char *tomorrow_s = NULL;
  g_autofree char *future_msg = NULL;
  guint recorded = 0;
  GDate tomorrow = f->today;

  g_signal_connect_swapped (f->form, "recorded", G_CALLBACK (count_cb), &recorded);
  g_date_add_days (&tomorrow, 1);
  tomorrow_s = gest_date_format (&tomorrow);
  future_msg = g_strdup_printf ("The payment date %s is in the future. Record the payment once the customer has paid.", tomorrow_s);

  g_assert_true (GEST_IS_MONEY_ROW (amount));
  g_assert_true (GEST_IS_DATE_ROW (date));
  g_assert_nonnull (record);
  g_assert_true (gtk_widget_get_sensitive (record));
  g_assert_null (gest_tramite_payment_form_get_error (f->form));
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  /* No payment proof attached: nothing to choose. */
  g_assert_false (gtk_widget_get_sensitive (row (f, "Payment Proof")));

  gest_tramite_payment_form_fill (f->form, "", tomorrow_s, "  ", NULL);
  g_assert_null (gest_tramite_payment_form_get_error (f->form));
  g_assert_false (gest_tramite_payment_form_record (f->form));
  g_assert_cmpstr (gest_tramite_payment_form_get_error (f->form), ==, MSG_AMOUNT_ZERO);
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (gtk_widget_has_css_class (reference, "error"));
  g_assert_true (shows (f, MSG_AMOUNT_ZERO));
  g_assert_true (shows (f, future_msg));
  g_assert_true (shows (f, MSG_REFERENCE));

  /* The errors follow the fields now. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "118,750.5");
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  g_assert_false (shows (f, MSG_AMOUNT_ZERO));
  g_assert_cmpstr (gest_tramite_payment_form_get_error (f->form), ==, future_msg);
  gtk_editable_set_text (GTK_EDITABLE (date), f->today_s);
  gtk_editable_set_text (GTK_EDITABLE (reference), "DEP-778812");
  g_assert_null (gest_tramite_payment_form_get_error (f->form));
  g_assert_false (gtk_widget_has_css_class (reference, "error"));

  g_assert_true (gest_tramite_payment_form_record (f->form));
  /* One save at a time. */
  g_assert_false (gtk_widget_get_sensitive (record));
  g_assert_false (gest_tramite_payment_form_record (f->form));
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (recorded == 1);
  g_assert_true (gtk_widget_get_sensitive (record));
  g_assert_null (gest_tramite_payment_form_get_error (f->form));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GestTramite) now = gest_tramite_load_by_uuid (f->store, f->tramite->uuid, &error);

    g_assert_no_error (error);
    g_assert_true (now->has_payment);
    g_assert_cmpint (now->payment_amount, ==, 11875050);
    date_s = gest_date_format (&now->payment_date);
    g_assert_cmpstr (date_s, ==, f->today_s);
    g_assert_cmpstr (now->payment_reference, ==, "DEP-778812");
    gest_tramite_payment_form_set_tramite (f->form, now);
  }
  {
    g_autofree char *subtitle = g_strdup_printf ("$118,750.50 on %s, reference DEP-778812. No payment proof linked yet.",
                                                 f->today_s);

    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (f->form)), ==, subtitle);
  }
}

/* T6: from step 4 on, the form is off and says why. */
static void
test_after_step_3 (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *record = gest_test_find_widget (GTK_WIDGET (f->form), gest_test_is_button_labelled, "_Record Payment");

  f->tramite->step = 4;
  gest_tramite_payment_form_set_tramite (f->form, f->tramite);
  g_assert_false (gtk_widget_get_sensitive (record));
  g_assert_false (gtk_widget_get_sensitive (row (f, "Amount Paid")));
  g_assert_false (gtk_widget_get_sensitive (row (f, "Payment Date (dd/mm/yyyy)")));
  g_assert_true (shows (f, MSG_AFTER_STEP_3));
  gest_tramite_payment_form_fill (f->form, "100", f->today_s, "A", NULL);
  g_assert_false (gest_tramite_payment_form_record (f->form));
  g_assert_false (shows (f, MSG_AMOUNT_ZERO));

  f->tramite->step = 3;
  gest_tramite_payment_form_set_tramite (f->form, f->tramite);
  g_assert_true (gtk_widget_get_sensitive (record));
  g_assert_false (shows (f, MSG_AFTER_STEP_3));
}

/* The model's refusal of a save (the trámite moved on underneath) shows under the form. */
static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  exec_sql (f->store, "UPDATE tramites SET step = 4");
  gest_tramite_payment_form_fill (f->form, "100", f->today_s, "A", NULL);
  g_assert_true (gest_tramite_payment_form_record (f->form));
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gest_tramite_payment_form_get_error (f->form) != NULL);
  g_assert_cmpstr (gest_tramite_payment_form_get_error (f->form), ==, MSG_AFTER_STEP_3);
  g_assert_true (shows (f, MSG_AFTER_STEP_3));
  /* No field is to blame. */
  g_assert_false (gtk_widget_has_css_class (row (f, "Amount Paid"), "error"));
  g_assert_false (gtk_widget_has_css_class (row (f, "Deposit or Transfer Reference"), "error"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/tramites/T5/payment-form-ui/errors-and-record", test_record);
  ADD ("/tramites/T5/T6/payment-form-ui/after-step-3", test_after_step_3);
  ADD ("/tramites/T5/T6/payment-form-ui/refusal", test_refusal);
#undef ADD

  return g_test_run ();
}
