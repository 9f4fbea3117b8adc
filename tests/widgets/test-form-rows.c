/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared form rows: GestMoneyRow and GestDateRow parse, write back what they understood on
 * apply or when the user leaves them, refuse bad text and values out of bounds with the row
 * marked `error` and the whole message under it; GestValueRow shows and copies a figure;
 * gest_form_set_sensitive() takes the focus off a row it makes insensitive while saving. */

#include "config.h"

#include <locale.h>

#include "gest-date-row.h"
#include "gest-form-sensitive.h"
#include "gest-money-row.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-value-row.h"

typedef struct
{
  GtkWidget           *window;
  AdwPreferencesGroup *group;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = adw_preferences_page_new ();

  f->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), f->group);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
}

/* Adds @row to the group, keeping a reference so the test can check its finalization. */
static gpointer
add_row (Fixture   *f,
         GtkWidget *row)
{
  adw_preferences_group_add (f->group, row);
  return g_object_ref (row);
}

/* Destroys the window and checks that @row goes with it. */
static void
finish (Fixture  *f,
        gpointer  row)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_finalize_object (row);
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
has_visible_label (Fixture    *f,
                   const char *text)
{
  return gest_test_find_widget (GTK_WIDGET (f->group), gest_test_is_visible_label, text) != NULL;
}

static void
test_money_parse_and_format (Fixture       *f,
                             gconstpointer  data)
{
  GestMoneyRow *row = add_row (f, gest_money_row_new ());
  guint notified = 0;

  g_signal_connect_swapped (row, "notify::value", G_CALLBACK (count_cb), &notified);
  g_assert_true (gest_money_row_get_empty (row));
  g_assert_false (gest_money_row_get_valid (row));
  g_assert_null (gest_money_row_get_error (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "1,234.5");
  g_assert_cmpint (gest_money_row_get_value (row), ==, 123450);
  g_assert_true (gest_money_row_get_valid (row));
  g_assert_false (gest_money_row_get_empty (row));
  g_assert_cmpuint (notified, ==, 1);
  /* Typing is left alone until the row is applied. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1,234.5");

  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$1,234.50");
  g_assert_cmpint (gest_money_row_get_value (row), ==, 123450);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* Enter does the same; the other accepted forms. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  $2,000  ");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$2,000.00");
  gtk_editable_set_text (GTK_EDITABLE (row), "1234.56");
  g_assert_cmpint (gest_money_row_get_value (row), ==, 123456);
  gtk_editable_set_text (GTK_EDITABLE (row), "$1,234.56");
  g_assert_cmpint (gest_money_row_get_value (row), ==, 123456);

  gest_money_row_set_value (row, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$0.05");
  g_assert_cmpint (gest_money_row_get_value (row), ==, 5);

  /* An empty row has no value and no error. */
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_assert_true (gest_money_row_apply (row) == FALSE);
  g_assert_true (gest_money_row_get_empty (row));
  g_assert_cmpint (gest_money_row_get_value (row), ==, 0);
  g_assert_null (gest_money_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  finish (f, row);
}

#define MSG_NOT_AMOUNT "“12,34” is not an amount. Write it like 1,234.56 or $1,234.56."
#define MSG_DECIMALS "“1.234” has more than two decimals. Write the centavos with two digits, like 1,234.56."

static void
test_money_bad_text (Fixture       *f,
                     gconstpointer  data)
{
  GestMoneyRow *row = add_row (f, gest_money_row_new ());

  gtk_editable_set_text (GTK_EDITABLE (row), "12,34");
  g_assert_false (gest_money_row_get_valid (row));
  g_assert_cmpint (gest_money_row_get_value (row), ==, 0);
  /* Not while typing: once applied. */
  g_assert_cmpstr (gest_money_row_get_text_error (row), ==, MSG_NOT_AMOUNT);
  g_assert_null (gest_money_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (has_visible_label (f, MSG_NOT_AMOUNT));

  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12,34");   /* left as typed */
  g_assert_cmpstr (gest_money_row_get_error (row), ==, MSG_NOT_AMOUNT);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (has_visible_label (f, MSG_NOT_AMOUNT));

  /* Once shown, the message follows the text... */
  gtk_editable_set_text (GTK_EDITABLE (row), "1.234");
  g_assert_cmpstr (gest_money_row_get_error (row), ==, MSG_DECIMALS);
  g_assert_true (has_visible_label (f, MSG_DECIMALS));
  g_assert_false (has_visible_label (f, MSG_NOT_AMOUNT));
  /* ...and goes when the text is right. */
  gtk_editable_set_text (GTK_EDITABLE (row), "1.23");
  g_assert_null (gest_money_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (has_visible_label (f, MSG_DECIMALS));
  /* Then bad text waits for the next apply again. */
  gtk_editable_set_text (GTK_EDITABLE (row), "abc");
  g_assert_null (gest_money_row_get_error (row));

  /* The owner's message wins over the row's own, and gives way to it when cleared. */
  gest_money_row_set_error (row, "The payment amount must be more than $0.00 (it is $0.00).");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (has_visible_label (f, "The payment amount must be more than $0.00 (it is $0.00)."));
  g_assert_false (gest_money_row_apply (row));
  g_assert_cmpstr (gest_money_row_get_error (row), ==, "The payment amount must be more than $0.00 (it is $0.00).");
  gest_money_row_set_error (row, NULL);
  g_assert_cmpstr (gest_money_row_get_error (row), ==, "“abc” is not an amount. Write it like 1,234.56 or $1,234.56.");
  g_assert_true (has_visible_label (f, "“abc” is not an amount. Write it like 1,234.56 or $1,234.56."));

  finish (f, row);
}

static void
test_money_bounds (Fixture       *f,
                   gconstpointer  data)
{
  GestMoneyRow *row = add_row (f, gest_money_row_new ());

  gest_money_row_set_bounds (row, 100, 100000);

  gtk_editable_set_text (GTK_EDITABLE (row), "0.99");
  g_assert_false (gest_money_row_apply (row));
  g_assert_cmpint (gest_money_row_get_value (row), ==, 99);
  g_assert_cmpstr (gest_money_row_get_error (row), ==, "The amount must be at least $1.00; it is $0.99.");
  g_assert_true (has_visible_label (f, "The amount must be at least $1.00; it is $0.99."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "0.99");

  gtk_editable_set_text (GTK_EDITABLE (row), "1");
  g_assert_true (gest_money_row_get_valid (row));
  g_assert_null (gest_money_row_get_error (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "1,000");
  g_assert_true (gest_money_row_apply (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$1,000.00");

  gtk_editable_set_text (GTK_EDITABLE (row), "1,000.01");
  g_assert_false (gest_money_row_apply (row));
  g_assert_cmpstr (gest_money_row_get_error (row), ==, "The amount must be at most $1,000.00; it is $1,000.01.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* Widening the bounds takes the message away. */
  gest_money_row_set_bounds (row, G_MININT64, G_MAXINT64);
  g_assert_true (gest_money_row_get_valid (row));
  g_assert_null (gest_money_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  finish (f, row);
}

/* Leaving a row writes it back or shows its error, like applying it. */
static void
test_money_focus_leave (Fixture       *f,
                        gconstpointer  data)
{
  GestMoneyRow *row = add_row (f, gest_money_row_new ());
  GestMoneyRow *other = add_row (f, gest_money_row_new ());

  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "1,234.5");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (other)));
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "$1,234.50");

  gtk_editable_set_text (GTK_EDITABLE (other), "12,34");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  flush ();
  g_assert_cmpstr (gest_money_row_get_error (other), ==, MSG_NOT_AMOUNT);
  g_assert_true (has_visible_label (f, MSG_NOT_AMOUNT));

  g_object_unref (other);
  finish (f, row);
}

/* The label a row added to its group leaves with the row. */
static void
test_own_label_leaves_with_row (Fixture       *f,
                                gconstpointer  data)
{
  GestMoneyRow *row = add_row (f, gest_money_row_new ());

  gtk_editable_set_text (GTK_EDITABLE (row), "12,34");
  gest_money_row_apply (row);
  g_assert_true (has_visible_label (f, MSG_NOT_AMOUNT));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (f->group), gest_test_is_label, MSG_NOT_AMOUNT));

  adw_preferences_group_remove (f->group, GTK_WIDGET (row));
  g_assert_finalize_object (row);
  g_assert_null (gest_test_find_widget (GTK_WIDGET (f->group), gest_test_is_label, MSG_NOT_AMOUNT));
}

/* Two rows that share one label: each row's message, and clearing one does not clear the
 * other's. */
static void
test_shared_label (Fixture       *f,
                   gconstpointer  data)
{
  GestMoneyRow *amount = add_row (f, gest_money_row_new ());
  GestDateRow *date = add_row (f, gest_date_row_new ());
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  adw_preferences_group_add (f->group, GTK_WIDGET (label));
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  gest_money_row_set_error_label (amount, label);
  gest_date_row_set_error_label (date, label);

  gtk_editable_set_text (GTK_EDITABLE (amount), "x");
  gest_money_row_apply (amount);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "“x” is not an amount. Write it like 1,234.56 or $1,234.56.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));

  gest_date_row_set_error (date, "Write the date of the customer’s payment, as dd/mm/yyyy.");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Write the date of the customer’s payment, as dd/mm/yyyy.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  /* The amount's message is no longer on the label: fixing the amount unmarks it only. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Write the date of the customer’s payment, as dd/mm/yyyy.");
  gest_date_row_set_error (date, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  g_object_unref (date);
  finish (f, amount);
}

#define MSG_FEB_31 "“31/02/2026” is not a date: month 2 of 2026 has days 1 to 28. Check the day."

static void
test_date_parse (Fixture       *f,
                 gconstpointer  data)
{
  GestDateRow *row = add_row (f, gest_date_row_new ());
  GDate date;

  g_assert_true (gest_date_row_get_empty (row));
  g_assert_false (gest_date_row_get_date (row, &date));

  gtk_editable_set_text (GTK_EDITABLE (row), "5/3/2026");
  g_assert_true (gest_date_row_get_valid (row));
  g_assert_true (gest_date_row_get_date (row, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 5);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "05/03/2026");
  {
    GDate *value = NULL;

    g_object_get (row, "value", &value, NULL);
    g_assert_nonnull (value);
    g_assert_cmpint (g_date_compare (value, &date), ==, 0);
    g_date_free (value);
  }

  /* 31/02/2026 is refused with the whole message under the row. */
  gtk_editable_set_text (GTK_EDITABLE (row), "31/02/2026");
  g_assert_false (gest_date_row_get_valid (row));
  g_assert_false (gest_date_row_get_date (row, &date));
  g_assert_false (gest_date_row_apply (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31/02/2026");
  g_assert_cmpstr (gest_date_row_get_error (row), ==, MSG_FEB_31);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (has_visible_label (f, MSG_FEB_31));
  {
    GDate *value = NULL;

    g_object_get (row, "value", &value, NULL);
    g_assert_null (value);
  }

  gtk_editable_set_text (GTK_EDITABLE (row), "28/02/2026");
  g_assert_null (gest_date_row_get_error (row));
  g_assert_false (has_visible_label (f, MSG_FEB_31));

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-02-28");
  g_assert_false (gest_date_row_apply (row));
  g_assert_cmpstr (gest_date_row_get_error (row), ==, "“2026-02-28” is not a date. Write it as dd/mm/yyyy, like 31/01/2026.");

  gest_date_row_set_date (row, NULL);
  g_assert_true (gest_date_row_get_empty (row));
  g_assert_null (gest_date_row_get_error (row));

  finish (f, row);
}

static void
test_date_bounds (Fixture       *f,
                  gconstpointer  data)
{
  GestDateRow *row = add_row (f, gest_date_row_new ());
  GDate min, max;

  g_date_clear (&min, 1);
  g_date_clear (&max, 1);
  g_date_set_dmy (&min, 1, 3, 2026);
  g_date_set_dmy (&max, 31, 3, 2026);
  gest_date_row_set_bounds (row, &min, &max);

  gtk_editable_set_text (GTK_EDITABLE (row), "28/02/2026");
  g_assert_false (gest_date_row_apply (row));
  g_assert_cmpstr (gest_date_row_get_error (row), ==, "The date must be 01/03/2026 or later; it is 28/02/2026.");
  gtk_editable_set_text (GTK_EDITABLE (row), "1/3/2026");
  g_assert_true (gest_date_row_apply (row));
  g_assert_null (gest_date_row_get_error (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "31/03/2026");
  g_assert_true (gest_date_row_apply (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "01/04/2026");
  g_assert_false (gest_date_row_apply (row));
  g_assert_cmpstr (gest_date_row_get_error (row), ==, "The date must be 31/03/2026 or earlier; it is 01/04/2026.");
  g_assert_true (has_visible_label (f, "The date must be 31/03/2026 or earlier; it is 01/04/2026."));

  gest_date_row_set_bounds (row, &min, NULL);
  g_assert_true (gest_date_row_get_valid (row));
  g_assert_null (gest_date_row_get_error (row));

  finish (f, row);
}

/* The calendar opens on the date typed; a day chosen there is written in the row. */
static void
test_date_calendar (Fixture       *f,
                    gconstpointer  data)
{
  GestDateRow *row = add_row (f, gest_date_row_new ());
  GtkCalendar *calendar = gest_date_row_get_calendar (row);
  GtkWidget *button = gest_test_find_widget (GTK_WIDGET (row), gest_test_is_type,
                                             GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) chosen = NULL;
  GDate date;

  g_assert_nonnull (button);
  gtk_editable_set_text (GTK_EDITABLE (row), "15/06/2026");
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (row)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 15);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 6);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);

  chosen = g_date_time_new_local (2026, 7, 9, 12, 0, 0);
  gtk_calendar_select_day (calendar, chosen);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "09/07/2026");
  g_assert_true (gest_date_row_get_date (row, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 9);
  g_assert_cmpint (g_date_get_month (&date), ==, 7);

  gest_date_row_set_show_calendar (row, FALSE);
  g_assert_false (gtk_widget_get_visible (button));

  finish (f, row);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
test_value_row (Fixture       *f,
                gconstpointer  data)
{
  GestValueRow *row = add_row (f, gest_value_row_new ("Balance"));
  GtkWidget *label;
  g_autofree char *copied = NULL;
  GDate date;

  g_assert_null (gest_value_row_get_text (row));
  g_assert_false (gest_value_row_copy (row));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (row), gest_test_is_label, "—"));

  gest_value_row_set_money (row, 12345678);
  g_assert_cmpstr (gest_value_row_get_text (row), ==, "$123,456.78");
  label = gest_test_find_widget (GTK_WIDGET (row), gest_test_is_visible_label, "$123,456.78");
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (gtk_widget_has_css_class (label, "numeric"));

  g_assert_true (gest_value_row_copy (row));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (row)), NULL,
                                 clipboard_read_cb, &copied);
  WAIT_UNTIL (copied != NULL);
  g_assert_cmpstr (copied, ==, "$123,456.78");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 1, 2026);
  gest_value_row_set_date (row, &date);
  g_assert_cmpstr (gest_value_row_get_text (row), ==, "02/01/2026");
  gest_value_row_set_text (row, "PL-0002");
  g_assert_cmpstr (gest_value_row_get_text (row), ==, "PL-0002");
  g_assert_false (gtk_widget_has_css_class (label, "numeric"));
  gest_value_row_set_text (row, "");
  g_assert_null (gest_value_row_get_text (row));

  finish (f, row);
}

/* A row that saves while the cursor is in it: the focus leaves it first (GTK 4.8 warns
 * otherwise, fatal here), and it takes input again once sensitive. */
static void
test_form_sensitive_focused_row (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *row = add_row (f, adw_entry_row_new ());
  GtkWidget *other = add_row (f, adw_entry_row_new ());
  GtkWidget *focus;

  flush ();
  g_assert_true (gtk_widget_grab_focus (row));
  flush ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  gest_form_set_sensitive (row, FALSE);
  flush ();
  g_assert_false (gtk_widget_get_sensitive (row));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_false (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)));

  /* A row without the focus keeps the window's focus where it is. */
  gest_form_set_sensitive (row, TRUE);
  g_assert_true (gtk_widget_grab_focus (row));
  flush ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gest_form_set_sensitive (other, FALSE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
  g_assert_true (gtk_widget_get_sensitive (row));

  g_object_unref (other);
  finish (f, row);
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
  ADD ("/widgets/money-row/parse-and-format", test_money_parse_and_format);
  ADD ("/widgets/money-row/bad-text", test_money_bad_text);
  ADD ("/widgets/money-row/bounds", test_money_bounds);
  ADD ("/widgets/money-row/focus-leave", test_money_focus_leave);
  ADD ("/widgets/form-rows/own-label-leaves-with-row", test_own_label_leaves_with_row);
  ADD ("/widgets/form-rows/shared-label", test_shared_label);
  ADD ("/widgets/date-row/parse", test_date_parse);
  ADD ("/widgets/date-row/bounds", test_date_bounds);
  ADD ("/widgets/date-row/calendar", test_date_calendar);
  ADD ("/widgets/value-row/show-and-copy", test_value_row);
  ADD ("/widgets/form-sensitive/focused-row", test_form_sensitive_focused_row);
#undef ADD

  return g_test_run ();
}
