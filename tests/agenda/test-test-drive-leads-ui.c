/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The test-drive leads view (S10; issue 15): the day's leads and the open ones, read in a
 * thread, with name, phone, current vehicle, vehicle of interest and appointment; sales marks
 * an outcome through the view's window; another role gets the refusal in full under the view;
 * the day's navigation; the view at 360 px. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "agenda-views-test-util.h"
#include "gest-agenda-leads-view.h"
#include "gest-agenda-text.h"
#include "gest-date.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  AgendaViewsFixture  base;
  char               *day;         /* the lead's day, two weeks ahead */
  char               *subtitle;    /* the lead's row, open */
  GestStore          *store;       /* base's */
  GtkWidget          *view;        /* base's */
} Fixture;

static const AgendaViewsSetup sales = { GEST_ROLE_SALES_ADVISOR, 900 };
static const AgendaViewsSetup coordinator = { GEST_ROLE_SERVICE_COORDINATOR, 900 };
static const AgendaViewsSetup narrow = { GEST_ROLE_SALES_ADVISOR, 360 };

#define LEAD_TITLE "Juan Pérez López · 5512345678"

static GestAgendaLeadsView *
view (Fixture *f)
{
  return GEST_AGENDA_LEADS_VIEW (f->view);
}

static void
show_day (Fixture    *f,
          const char *day)
{
  gest_agenda_leads_view_set_day (view (f), day);
  g_assert_true (gest_agenda_leads_view_get_loading (view (f)));
  WAIT_UNTIL (!gest_agenda_leads_view_get_loading (view (f)));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const AgendaViewsSetup *setup = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *when = NULL;
  gint64 at;

  agenda_views_open (&f->base);
  f->store = f->base.store;
  f->day = gest_agenda_today_iso (14);
  at = gest_agenda_day_moment (f->day, 11 * 60);
  sql = g_strdup_printf ("INSERT INTO customers (uuid, name, phone_mobile) VALUES ('cust-juan', 'Juan Pérez López',"
                         " '5512345678');"
                         "INSERT INTO test_drive_leads (uuid, customer_uuid, name, phone, current_vehicle,"
                         " vehicle_of_interest, appointment_at, created_at) VALUES ('lead-juan', 'cust-juan',"
                         " 'Juan Pérez López', '5512345678', 'Escape 2019 · 35,000 km', 'Bronco Sport', %"
                         G_GINT64_FORMAT ", 1);", at);
  g_assert_true (gest_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  when = gest_timestamp_format (at);
  f->subtitle = g_strdup_printf ("Escape 2019 · 35,000 km → Bronco Sport · %s · Open", when);
  g_assert_true (g_str_has_suffix (when, " 11:00"));
  agenda_views_sign_in (&f->base, setup->role);
  agenda_views_show (&f->base, gest_agenda_leads_view_new (f->base.context), setup->width);
  f->view = f->base.widget;
  show_day (f, f->day);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  agenda_views_teardown (&f->base);
  g_free (f->day);
  g_free (f->subtitle);
}

static GtkWidget *
group (Fixture    *f,
       const char *title)
{
  GtkWidget *found = gest_test_find_widget (f->view, gest_test_is_group_titled, title);

  g_assert_nonnull (found);
  return found;
}

static AdwActionRow *
lead_row (GtkWidget *group_widget)
{
  GtkWidget *row = gest_test_find_widget (group_widget, gest_test_is_row_titled, LEAD_TITLE);

  return row != NULL ? ADW_ACTION_ROW (row) : NULL;
}

static AdwMessageDialog *
record_outcome (Fixture    *f,
                guint       choice,
                const char *note)
{
  GtkWidget *button = gest_test_find_widget (GTK_WIDGET (lead_row (group (f, "Test Drives of the Day"))),
                                             gest_test_is_button_labelled, "_Outcome…");
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  GtkWidget *entry;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = ADW_MESSAGE_DIALOG (agenda_views_find_window (&f->base, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record the Lead’s Outcome?");
  dropdown = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  entry = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (dropdown);
  g_assert_nonnull (entry);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice);
  gtk_editable_set_text (GTK_EDITABLE (entry), note);
  adw_message_dialog_response (dialog, "save");
  gest_store_wait_for_writes (f->store);
  return dialog;
}

static char *
lead_outcome (Fixture *f)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store, "SELECT outcome || '|' || outcome_note"
                                                               " FROM test_drive_leads WHERE uuid = 'lead-juan'", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_lead_shown (Fixture       *f,
                 gconstpointer  data)
{
  AdwActionRow *of_day = lead_row (group (f, "Test Drives of the Day"));
  AdwActionRow *open = lead_row (group (f, "Open Leads"));

  /* Name and phone, then current vehicle, vehicle of interest, appointment and outcome. */
  g_assert_nonnull (of_day);
  g_assert_nonnull (open);
  g_assert_cmpstr (adw_action_row_get_subtitle (of_day), ==, f->subtitle);
  g_assert_cmpstr (adw_action_row_get_subtitle (open), ==, f->subtitle);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (of_day), gest_test_is_button_labelled, "_Outcome…"));
  /* The next day has none; the lead stays among the open ones. */
  g_signal_emit_by_name (gest_test_find_widget (f->view, agenda_views_is_tooltip, "Next Day"), "clicked");
  WAIT_UNTIL (!gest_agenda_leads_view_get_loading (view (f)) && lead_row (group (f, "Test Drives of the Day")) == NULL);
  g_assert_nonnull (gest_test_find_widget (group (f, "Test Drives of the Day"), gest_test_is_row_titled,
                                           "No test drives this day"));
  g_assert_nonnull (lead_row (group (f, "Open Leads")));
}

static void
test_sales_marks_outcome (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *outcome = NULL;
  g_autofree char *sold = NULL;

  record_outcome (f, 1, " Compró la Bronco ");
  outcome = lead_outcome (f);
  g_assert_cmpstr (outcome, ==, "sold|Compró la Bronco");
  WAIT_UNTIL (!gest_agenda_leads_view_get_loading (view (f))
              && lead_row (group (f, "Open Leads")) == NULL);
  /* The day's lead shows its outcome and no button; no lead is open any more. */
  sold = g_strdup (f->subtitle);
  strcpy (sold + strlen (sold) - strlen ("Open"), "Sold");
  g_assert_cmpstr (adw_action_row_get_subtitle (lead_row (group (f, "Test Drives of the Day"))), ==, sold);
  g_assert_null (gest_test_find_widget (f->view, gest_test_is_button_labelled, "_Outcome…"));
  g_assert_nonnull (gest_test_find_widget (group (f, "Open Leads"), gest_test_is_row_titled, "No open leads"));
  g_assert_null (gest_agenda_leads_view_get_error (view (f)));
}

static void
test_other_role_refused (Fixture       *f,
                         gconstpointer  data)
{
  const char *message = "Test service-coordinator (Service coordinator) cannot record the outcome of test-drive"
                        " leads: it is for General manager, Sales advisor. Ask one of them, or sign in as one.";
  g_autofree char *outcome = NULL;

  record_outcome (f, 1, "");
  WAIT_UNTIL (gest_agenda_leads_view_get_error (view (f)) != NULL);
  g_assert_cmpstr (gest_agenda_leads_view_get_error (view (f)), ==, message);
  g_assert_nonnull (gest_test_find_widget (f->view, gest_test_is_visible_label, message));
  outcome = lead_outcome (f);
  g_assert_cmpstr (outcome, ==, "open|");
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  agenda_views_assert_narrow (&f->base);
  g_assert_nonnull (gest_test_find_widget (f->view, gest_test_is_button_labelled, "_Outcome…"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, setup, func) g_test_add (path, Fixture, &setup, fixture_setup, func, fixture_teardown)
  ADD ("/agenda/S10/leads-view/lead-shown", sales, test_lead_shown);
  ADD ("/agenda/S10/leads-view/sales-marks-outcome", sales, test_sales_marks_outcome);
  ADD ("/agenda/S10/leads-view/other-role-refused", coordinator, test_other_role_refused);
  ADD ("/agenda/S10/leads-view/360px", narrow, test_narrow);
#undef ADD

  return g_test_run ();
}
