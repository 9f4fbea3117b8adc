/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reservation's page (issue 15): confirming a web booking with an advisor queues the
 * customer's email (S7); refusing one records the reason and offers the follow-up call
 * (S12); a no-show marked before the grace period is refused and the model's words show in
 * full (S14); a no-show offers "Reschedule…", which opens the reservation window to book it
 * again, and the new reservation follows it (S14); the test drive accepted becomes a lead
 * (S10); the page reads on its own thread, never on the UI thread's connection, and says
 * why when the read fails (S12). */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "agenda-board-test-util.h"
#include "gest-module.h"
#include "gest-reservation.h"
#include "gest-reservation-detail.h"
#include "gest-reservation-dialog.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  char        *monday;
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

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
  f->monday = agenda_test_monday ();
  agenda_test_fill (f->store, f->monday);
  exec_sql (f->store, "UPDATE customers SET email = 'juan@example.com' WHERE uuid = 'cust-juan'");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
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

/* The page reads on its thread: the test waits for the read (the first, or a reload's). */
static void
wait_loaded (Fixture *f)
{
  WAIT_UNTIL (!gest_reservation_detail_get_loading (GEST_RESERVATION_DETAIL (f->widget)));
}

static void
show_unloaded (Fixture   *f,
               GtkWidget *widget)
{
  f->widget = g_object_ref_sink (widget);
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
show (Fixture   *f,
      GtkWidget *widget)
{
  show_unloaded (f, widget);
  wait_loaded (f);
}

/* A save's reload, once the save reported. */
static void
wait_saved (Fixture *f)
{
  gest_store_wait_for_writes (f->store);
  wait_loaded (f);
}

static void
close_toplevels (Fixture *f)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (windows);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gest_store_wait_for_writes (f->store);
  close_toplevels (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  if (f->widget != NULL)
    gest_test_finalize_after_drain (f->widget);
  gest_test_finalize_after_drain (f->context);
  gest_test_finalize_after_drain (f->store);
  g_free (f->monday);
  gest_test_tmpdir_free (f->dir);
}

/* The one window of @type open besides the test's. */
static GtkWidget *
find_toplevel (Fixture *f,
               GType    type)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
click (Fixture    *f,
       const char *label)
{
  GtkWidget *button = gest_test_find_widget (f->widget, gest_test_is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static char *
column (Fixture    *f,
        const char *uuid,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM reservations WHERE uuid = '%s'", name, uuid);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* S7: the web booking confirmed with Ana and the email: the outbox holds it. */
static void
test_confirm (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *state = NULL;
  g_autofree char *advisor = NULL;

  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-web"));
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "Not assigned yet: choose one when confirming"));
  /* What the customer typed, without separators for the fields left empty. */
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "Juan Pérez · 5512345678"));
  click (f, "C_onfirm…");
  dialog = find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (gest_test_find_widget (dialog, gest_test_is_label, "Send the confirmation email to juan@example.com"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  wait_saved (f);
  g_assert_null (gest_reservation_detail_get_error (GEST_RESERVATION_DETAIL (f->widget)));
  state = column (f, "res-web", "state");
  advisor = column (f, "res-web", "advisor_uuid");
  g_assert_cmpstr (state, ==, "confirmed");
  g_assert_cmpstr (advisor, ==, AGENDA_TEST_ANA);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox WHERE record_uuid = 'res-web'"
                                                  " AND recipient = 'juan@example.com'"), ==, 1);
  /* The page follows: the booking is confirmed, its actions are the arrival's. */
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_button_labelled, "_Arrived…"));
  g_assert_null (gest_test_find_widget (f->widget, gest_test_is_button_labelled, "C_onfirm…"));
}

/* S12: refused with its reason, and the follow-up call offered. */
static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *state = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *followup = NULL;

  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-web"));
  click (f, "_Refuse…");
  dialog = find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = gest_test_find_widget (dialog, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "El cliente no puede ese día");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "refuse");
  wait_saved (f);
  g_assert_null (gest_reservation_detail_get_error (GEST_RESERVATION_DETAIL (f->widget)));
  state = column (f, "res-web", "state");
  reason = column (f, "res-web", "refusal_reason");
  followup = column (f, "res-web", "followup");
  g_assert_cmpstr (state, ==, "refused");
  g_assert_cmpstr (reason, ==, "El cliente no puede ese día");
  g_assert_cmpstr (followup, ==, "1");
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "El cliente no puede ese día"));
}

/* S14: too early for a no-show: the model's refusal, in full, under the state; nothing
 * written. */
static void
test_no_show_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) expected = NULL;
  GtkWidget *dialog;
  g_autofree char *state = NULL;

  g_assert_false (gest_reservation_no_show (f->store, "res-luis-1", "", g_get_real_time (), &expected));
  g_assert_nonnull (expected);
  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-luis-1"));
  click (f, "Record _No-show…");
  dialog = find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "no-show");
  gest_store_wait_for_writes (f->store);
  g_assert_cmpstr (gest_reservation_detail_get_error (GEST_RESERVATION_DETAIL (f->widget)), ==, expected->message);
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_visible_label, expected->message));
  state = column (f, "res-luis-1", "state");
  g_assert_cmpstr (state, ==, "confirmed");
}

/* S14: a no-show the customer agreed to rebook: "Reschedule…" opens the reservation window
 * with the customer and vehicle; saved, the new reservation points back to it and the old one
 * is recovered. */
static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *recovery = NULL;
  g_autofree char *sql = NULL;

  exec_sql (f->store, "UPDATE reservations SET state = 'no-show', no_show_reason = 'Se le olvidó',"
                      " recovery = 'accepted' WHERE uuid = 'res-ana'");
  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-ana"));
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_label, "Se le olvidó"));
  click (f, "_Reschedule…");
  dialog = find_toplevel (f, GEST_TYPE_RESERVATION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gest_reservation_dialog_get_values (GEST_RESERVATION_DIALOG (dialog))->customer_uuid, ==, "cust-juan");
  g_assert_true (gest_reservation_dialog_save (GEST_RESERVATION_DIALOG (dialog)));
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (gest_test_query_int (f->store, "SELECT count (*) FROM reservations WHERE rescheduled_from = 'res-ana'") == 1);
  recovery = column (f, "res-ana", "recovery");
  g_assert_cmpstr (recovery, ==, "accepted");
  sql = g_strdup ("SELECT count (*) FROM reservations WHERE rescheduled_from = 'res-ana' AND origin = 'no-show-call'"
                  " AND customer_uuid = 'cust-juan' AND vehicle_uuid = 'veh-juan'");
  g_assert_cmpint (gest_test_query_int (f->store, sql), ==, 1);
}

/* S10: the offer accepted with the vehicle of interest and a time becomes sales' lead. */
static void
test_test_drive (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *offer = NULL;

  exec_sql (f->store, "UPDATE reservations SET test_drive = 'offered' WHERE uuid = 'res-luis-1'");
  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-luis-1"));
  click (f, "A_ccepted…");
  dialog = find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = gest_test_find_widget (dialog, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Bronco Sport");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  wait_saved (f);
  offer = column (f, "res-luis-1", "test_drive");
  g_assert_cmpstr (offer, ==, "accepted");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM test_drive_leads WHERE reservation_uuid = 'res-luis-1'"
                                                  " AND vehicle_of_interest = 'Bronco Sport' AND name = 'Juan Pérez López'"
                                                  " AND phone = '5512345678'"), ==, 1);
  /* The page follows once its reload read the lead. */
  g_assert_nonnull (gest_test_find_widget (f->widget, gest_test_is_row_titled, "Accepted: a Lead for Sales"));
}

/* Whether a label reading @text is on screen: it and its parents visible, not a stack's
 * hidden page. */
static gboolean
on_screen (Fixture    *f,
           const char *text)
{
  GtkWidget *label = gest_test_find_widget (f->widget, gest_test_is_visible_label, text);

  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
      return FALSE;
  return label != NULL;
}

/* Stops every statement of the UI thread's connection, as if it waited on a lock: a read of
 * the page on the UI thread fails here, as it would freeze the window in the field. */
static int
ui_thread_busy_cb (void *data)
{
  return 1;
}

/* S12: the page reads its reservation, contact, field actions, sessions, advisors and billing
 * data on its own thread: shown "loading" first, then the reservation, and not one statement
 * on the UI thread's connection meanwhile. */
static void
test_loads_off_thread (Fixture       *f,
                       gconstpointer  data)
{
  sqlite3 *db = gest_store_get_db (f->store);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *confirm;

  read_only (f);
  sqlite3_progress_handler (db, 1, ui_thread_busy_cb, NULL);
  agenda_test_record_statements (f->store, statements);
  show_unloaded (f, gest_reservation_detail_new (f->context, "res-web"));
  g_assert_true (gest_reservation_detail_get_loading (GEST_RESERVATION_DETAIL (f->widget)));
  g_assert_true (on_screen (f, "Loading the Reservation…"));
  wait_loaded (f);
  g_assert_true (on_screen (f, "Juan Pérez López"));
  g_assert_true (on_screen (f, "Juan Pérez · 5512345678"));
  g_assert_true (on_screen (f, "Not assigned yet: choose one when confirming"));
  g_assert_false (on_screen (f, "Loading the Reservation…"));
  /* The confirmation's advisors came with the page: the dialog opens without a read. */
  confirm = gest_test_find_widget (f->widget, gest_test_is_button_labelled, "C_onfirm…");
  g_assert_nonnull (confirm);
  g_signal_emit_by_name (confirm, "clicked");
  g_assert_nonnull (find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (gest_test_find_widget (find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG), gest_test_is_label,
                                           "Send the confirmation email to juan@example.com"));
  /* A reload too: the page stays shown while it reads. */
  gest_reservation_detail_reload (GEST_RESERVATION_DETAIL (f->widget));
  g_assert_true (gest_reservation_detail_get_loading (GEST_RESERVATION_DETAIL (f->widget)));
  g_assert_true (on_screen (f, "Juan Pérez López"));
  wait_loaded (f);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  agenda_test_record_statements (f->store, NULL);
  /* The one read left on the UI thread is the shared document list's, not the page's. */
  for (guint i = 0; i < statements->len; i++)
    if (strstr (g_ptr_array_index (statements, i), " FROM documents WHERE record_uuid = ?") == NULL)
      g_error ("The page read on the UI thread: %s", (const char *) g_ptr_array_index (statements, i));
}

/* S12: a reservation that cannot be read: the read's error in full, instead of the page. */
static void
test_load_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) expected = NULL;

  g_assert_null (gest_reservation_load (f->store, "res-none", &expected));
  g_assert_nonnull (expected);
  read_only (f);
  show (f, gest_reservation_detail_new (f->context, "res-none"));
  g_assert_true (on_screen (f, "Reservation Not Available"));
  g_assert_true (on_screen (f, expected->message));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  gest_modules_init ();

  g_test_add ("/agenda/S7/detail-confirm-queues-email", Fixture, NULL, fixture_setup, test_confirm, fixture_teardown);
  g_test_add ("/agenda/S12/detail-refuse-offers-followup", Fixture, NULL, fixture_setup, test_refuse, fixture_teardown);
  g_test_add ("/agenda/S14/detail-no-show-before-grace-refused", Fixture, NULL, fixture_setup, test_no_show_refused,
              fixture_teardown);
  g_test_add ("/agenda/S14/detail-reschedule", Fixture, NULL, fixture_setup, test_reschedule, fixture_teardown);
  g_test_add ("/agenda/S10/detail-test-drive-lead", Fixture, NULL, fixture_setup, test_test_drive, fixture_teardown);
  g_test_add ("/agenda/S12/detail-loads-off-thread", Fixture, NULL, fixture_setup, test_loads_off_thread,
              fixture_teardown);
  g_test_add ("/agenda/S12/detail-load-error-said", Fixture, NULL, fixture_setup, test_load_error, fixture_teardown);
  return g_test_run ();
}
