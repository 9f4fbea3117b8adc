/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agenda's preferences page (S12; issue 15): read in a thread; an advisor's hours on one
 * weekday edited and saved; a bad range (end before start, a break outside the hours) refused
 * under the weekday's row; blocked time over existing reservations refused with the model's
 * message in full; the page at 360 px. */
#include "config.h"

#include <locale.h>

#include "agenda-board-test-util.h"
#include "agenda-views-test-util.h"
#include "gest-agenda-preferences.h"
#include "gest-date.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  AgendaViewsFixture  base;
  char               *monday;
  GestStore          *store;       /* base's */
  AdwPreferencesPage *page;        /* base's */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  agenda_views_open (&f->base);
  f->store = f->base.store;
  f->monday = agenda_test_monday ();
  agenda_test_fill (f->store, f->monday);
  agenda_views_sign_in (&f->base, GEST_ROLE_SERVICE_MANAGER);
  f->page = gest_agenda_preferences_page_new (f->base.context);
  /* Its rows come from its thread. */
  g_assert_true (gest_agenda_preferences_get_loading (f->page));
  agenda_views_show (&f->base, GTK_WIDGET (f->page), width > 0 ? width : 900);
  WAIT_UNTIL (!gest_agenda_preferences_get_loading (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  agenda_views_teardown (&f->base);
  g_free (f->monday);
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GtkWindow *found = agenda_views_find_window (&f->base, ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (found);
  return ADW_MESSAGE_DIALOG (found);
}

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ENTRY (child))
        g_ptr_array_add (entries, child);
      else
        collect_entries (child, entries);
    }
}

/* The dialog's entries, in order, set to @texts (NULL-terminated). */
static void
fill_entries (AdwMessageDialog   *dialog,
              const char * const *texts)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, g_strv_length ((char **) texts));
  for (guint i = 0; i < entries->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), texts[i]);
}

/* Luis's row of @weekday, inside his expander. */
static GtkWidget *
weekday_row (Fixture    *f,
             const char *weekday)
{
  GtkWidget *luis = gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_row_titled, "Luis Hernández Peña");
  GtkWidget *row;

  g_assert_nonnull (luis);
  row = gest_test_find_widget (luis, gest_test_is_row_titled, weekday);
  g_assert_nonnull (row);
  return row;
}

static AdwMessageDialog *
edit_monday (Fixture            *f,
             const char * const *texts)
{
  AdwMessageDialog *dialog;

  g_signal_emit_by_name (weekday_row (f, "Monday"), "activated");
  dialog = find_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Luis Hernández Peña on Monday");
  fill_entries (dialog, texts);
  adw_message_dialog_response (dialog, "save");
  return dialog;
}

static char *
luis_monday (Fixture *f)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store,
                                                     "SELECT starts_min, ends_min, coalesce (break_starts_min, -1),"
                                                     " coalesce (break_ends_min, -1), slot_minutes, capacity"
                                                     " FROM agenda_schedules WHERE advisor_uuid = 'adv-luis'"
                                                     " AND weekday = 1", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup_printf ("%d-%d %d-%d %d %d", sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                          sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                          sqlite3_column_int (stmt, 5));
}

static void
test_loaded (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *cutoff = gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_entry_row_titled,
                                             "Confirm Web Bookings by (hh:mm)");
  GtkWidget *ana = gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_row_titled, "Ana María Ortiz");

  g_assert_nonnull (cutoff);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cutoff)), ==, "17:00");
  g_assert_true (gtk_widget_is_sensitive (cutoff));
  g_assert_nonnull (ana);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (ana)), ==, "6 working days a week");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weekday_row (f, "Monday"))), ==,
                   "08:00-18:00 · break 14:00-15:00 · 30 min · 2 per slot");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weekday_row (f, "Sunday"))), ==, "Day off");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_row_titled, "No blocked time ahead"));
}

static void
test_hours_saved (Fixture       *f,
                  gconstpointer  data)
{
  const char * const texts[] = { "09:00-17:00", "13:00-14:00", "30", "3", NULL };
  g_autofree char *stored = NULL;

  edit_monday (f, texts);
  gest_store_wait_for_writes (f->store);
  stored = luis_monday (f);
  g_assert_cmpstr (stored, ==, "540-1020 780-840 30 3");
  /* The page read the hours again. */
  WAIT_UNTIL (!gest_agenda_preferences_get_loading (f->page)
              && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (weekday_row (f, "Monday"))),
                            "09:00-17:00 · break 13:00-14:00 · 30 min · 3 per slot") == 0);
  g_assert_null (gest_agenda_preferences_get_error (f->page));
}

static void
assert_refused_under_row (Fixture            *f,
                          const char * const *texts,
                          const char         *message)
{
  g_autofree char *stored = NULL;

  edit_monday (f, texts);
  gest_store_wait_for_writes (f->store);
  g_assert_cmpstr (gest_agenda_preferences_get_error (f->page), ==, message);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_visible_label, message));
  g_assert_true (gtk_widget_has_css_class (weekday_row (f, "Monday"), "error"));
  stored = luis_monday (f);
  g_assert_cmpstr (stored, ==, "480-1080 840-900 30 2");
}

static void
test_bad_range (Fixture       *f,
                gconstpointer  data)
{
  const char * const backwards[] = { "18:00-08:00", "", "30", "2", NULL };
  const char * const outside[] = { "08:00-18:00", "19:00-20:00", "30", "2", NULL };

  assert_refused_under_row (f, backwards, "Write the hours as start-end on a 24-hour clock, such as 08:00-18:00.");
  assert_refused_under_row (f, outside,
                            "Write the break as start-end inside the hours, such as 14:00-15:00, or leave it empty.");
}

static void
test_block_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *advisors;
  GDate date;

  g_signal_emit_by_name (gest_test_find_widget (GTK_WIDGET (f->page), agenda_views_is_tooltip, "Block Time"), "clicked");
  dialog = find_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Block Time");
  advisors = gest_test_find_widget (GTK_WIDGET (dialog), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (advisors);
  /* The advisors by name: Ana, then Luis. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (advisors), 1);
  g_assert_true (gest_date_from_iso (f->monday, &date));
  day = gest_date_format (&date);
  {
    const char * const texts[] = { day, "08:30", "10:00", "Curso de Ford", NULL };

    fill_entries (dialog, texts);
  }
  adw_message_dialog_response (dialog, "add");
  gest_store_wait_for_writes (f->store);
  message = g_strdup_printf ("Luis Hernández Peña has appointments from 08:30 to 10:00 on %s (09:00 Juan Pérez"
                             " López, 09:00 Juan Pérez López): move them first, then block the time.", day);
  WAIT_UNTIL (gest_agenda_preferences_get_error (f->page) != NULL);
  g_assert_cmpstr (gest_agenda_preferences_get_error (f->page), ==, message);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_visible_label, message));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM agenda_blocks"), ==, 0);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *luis = gest_test_find_widget (GTK_WIDGET (f->page), gest_test_is_row_titled, "Luis Hernández Peña");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (luis), TRUE);
  WAIT_UNTIL (gtk_widget_get_mapped (weekday_row (f, "Monday")));
  agenda_views_assert_narrow (&f->base);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, width, func) g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_setup, func, \
                                           fixture_teardown)
  ADD ("/agenda/S12/prefs/loaded-off-thread", 0, test_loaded);
  ADD ("/agenda/S12/prefs/hours-edited-and-saved", 0, test_hours_saved);
  ADD ("/agenda/S12/prefs/bad-range-refused-under-row", 0, test_bad_range);
  ADD ("/agenda/S12/prefs/block-over-reservations-refused", 0, test_block_refused);
  ADD ("/agenda/S12/prefs/360px", 360, test_narrow);
#undef ADD

  return g_test_run ();
}
