/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13: Preferences, Calendar: the working hours checked in the one error style and saved
 * off the UI thread; the year's holidays listed with the legal ones, added and removed. */
#include "config.h"

#include <locale.h>

#include "gest-calendar-preferences-page.h"
#include "gest-date.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  GtkWidget   *window;
  GtkWidget   *page;
  int          year;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_or_fail (GtkWidget           *widget,
              GestTestWidgetMatch  match,
              const char          *text)
{
  GtkWidget *found = gest_test_find_widget (widget, match, text);

  if (found == NULL)
    g_error ("no widget “%s” on the Calendar page", text);
  return found;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "calendar-ui.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  /* Every save must go through the writer thread. */
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  gest_date_today (&today);
  f->year = g_date_get_year (&today);

  f->window = adw_preferences_window_new ();
  f->context = gest_context_new (f->store);
  f->page = gest_calendar_preferences_page_new (f->context);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_assert_null (f->page);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
click (Fixture    *f,
       GtkWidget  *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  /* "clicked" itself: activating a GtkButton emits it only after its pressed look. */
  g_signal_emit_by_name (button, "clicked");
  drain ();
  gest_store_wait_for_writes (f->store);
  drain ();
}

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *monday = find_or_fail (f->page, gest_test_is_entry_row_titled, "Monday");
  GtkWidget *saturday = find_or_fail (f->page, gest_test_is_entry_row_titled, "Saturday");
  GtkWidget *save = find_or_fail (f->page, gest_test_is_button_labelled, "_Save Hours");
  const char *message = "Monday: In “18:00-09:00” the closing time is not after the opening time. "
                        "Write the opening time first, as 09:00-18:00.";
  g_autofree char *monday_value = NULL;
  g_autofree char *saturday_value = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (monday)), ==, "09:00-18:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (saturday)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (monday), "18:00-09:00");
  click (f, save);
  g_assert_true (gtk_widget_has_css_class (monday, "error"));
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_visible_label, message));
  g_assert_null (gest_store_get_setting (f->store, "calendar.hours.1"));

  gtk_editable_set_text (GTK_EDITABLE (monday), "08:30-17:30");
  gtk_editable_set_text (GTK_EDITABLE (saturday), "09:00-14:00");
  click (f, save);
  g_assert_false (gtk_widget_has_css_class (monday, "error"));
  g_assert_null (gest_test_find_widget (f->page, gest_test_is_visible_label, message));
  monday_value = gest_store_get_setting (f->store, "calendar.hours.1");
  saturday_value = gest_store_get_setting (f->store, "calendar.hours.6");
  g_assert_cmpstr (monday_value, ==, "08:30-17:30");
  g_assert_cmpstr (saturday_value, ==, "09:00-14:00");
}

static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *christmas_subtitle = g_strdup_printf ("25/12/%d · by law", f->year);
  g_autofree char *day_text = g_strdup_printf ("12/12/%d", f->year);
  g_autofree char *sql = NULL;
  GtkWidget *christmas = find_or_fail (f->page, gest_test_is_row_titled, "Christmas Day");
  GtkWidget *day_row = find_or_fail (f->page, gest_test_is_row_titled, "Date");
  GtkWidget *name_row = find_or_fail (f->page, gest_test_is_entry_row_titled, "Name");
  GtkWidget *save = find_or_fail (f->page, gest_test_is_button_labelled, "Save _Holiday");
  GtkWidget *trash;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (christmas)), ==, christmas_subtitle);
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_row_titled, "New Year’s Day"));

  /* A name is required, in the one error style. */
  gtk_editable_set_text (GTK_EDITABLE (day_row), day_text);
  click (f, save);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_visible_label,
                                           "Write the holiday’s name, as “Día de la Independencia”."));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Día de la Virgen de Guadalupe");
  click (f, save);
  g_assert_nonnull (gest_test_find_widget (f->page, gest_test_is_row_titled, "Día de la Virgen de Guadalupe"));
  /* The year was preloaded with the law's holidays, then the dealer's own added. */
  sql = g_strdup_printf ("SELECT count(*) FROM business_holidays WHERE deleted = 0 AND day LIKE '%d-%%'", f->year);
  g_assert_cmpint (gest_test_query_int (f->store, sql), >=, 8);

  /* The dealer works on Christmas Day. */
  christmas = find_or_fail (f->page, gest_test_is_row_titled, "Christmas Day");
  trash = gest_test_find_widget (christmas, gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_nonnull (trash);
  click (f, trash);
  g_assert_null (gest_test_find_widget (f->page, gest_test_is_row_titled, "Christmas Day"));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM business_holidays WHERE deleted = 1 AND day = '%d-12-25'", f->year);
  g_assert_cmpint (gest_test_query_int (f->store, sql), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/preferences/calendar/13/hours-validated-and-saved", Fixture, NULL,
              fixture_set_up, test_hours, fixture_tear_down);
  g_test_add ("/app/preferences/calendar/13/holidays-listed-added-removed", Fixture, NULL,
              fixture_set_up, test_holidays, fixture_tear_down);

  return g_test_run ();
}
