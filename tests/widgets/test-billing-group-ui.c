/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S11 (#15), in a real window (Xvfb): the shared billing group offers in its combos only the
 * regimes the SAT allows for the kind and the uses it allows for the regime, drops a regime
 * the new kind does not allow, shows a mistake in the one error style (the row's `error`
 * class, the message in full under the group) once asked to check, and works at 360 px; the
 * customer editor holds it compact (fiscal postal code, regime, use) and saves the choice.
 * Every widget and the store finalize. */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "gest-billing-group.h"
#include "gest-customer-editor.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

static guint
n_items (GtkWidget *combo)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo)));
}

static const char *
item (GtkWidget *combo,
      guint      position)
{
  g_autoptr(GtkStringObject) object = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (combo)), position);

  return gtk_string_object_get_string (object);
}

static void
changed_cb (GestBillingGroup *group,
            guint            *n_changed)
{
  (*n_changed)++;
}

static void
test_group_combos_and_errors (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GestBillingGroup *group = GEST_BILLING_GROUP (gest_billing_group_new ());
  GtkWidget *kind = gest_billing_group_get_row (group, GEST_BILLING_FIELD_KIND);
  GtkWidget *regime = gest_billing_group_get_row (group, GEST_BILLING_FIELD_REGIME);
  GtkWidget *use = gest_billing_group_get_row (group, GEST_BILLING_FIELD_USE);
  GtkWidget *label;
  guint n_changed = 0;

  g_object_ref (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_signal_connect (group, "changed", G_CALLBACK (changed_cb), &n_changed);
  gtk_window_present (GTK_WINDOW (window));

  /* An individual: 15 regimes after "Choose…", no company's. */
  g_assert_cmpuint (n_items (regime), ==, 16);
  g_assert_cmpstr (item (regime, 0), ==, "Choose…");
  g_assert_cmpstr (item (regime, 1), ==, "605 Wages and salaries and income treated as wages");
  adw_combo_row_set_selected (ADW_COMBO_ROW (regime), 1);
  g_assert_cmpstr (gest_billing_group_get_values (group)->regime, ==, "605");
  /* Wages: the personal deductions, no-tax-effects, payments and payroll. */
  g_assert_cmpuint (n_items (use), ==, 1 + 13);
  g_assert_cmpstr (item (use, 1), ==, "D01 Medical, dental and hospital fees");
  g_assert_cmpstr (item (use, 13), ==, "CN01 Payroll");
  adw_combo_row_set_selected (ADW_COMBO_ROW (use), 13);
  g_assert_cmpstr (gest_billing_group_get_values (group)->use, ==, "CN01");

  /* A company: 605 goes, and the use with it; the regimes are a company's. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 1);
  g_assert_cmpint (gest_billing_group_get_values (group)->kind, ==, GEST_TAXPAYER_COMPANY);
  g_assert_cmpstr (gest_billing_group_get_values (group)->regime, ==, "");
  g_assert_cmpstr (gest_billing_group_get_values (group)->use, ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (regime)), ==, 0);
  g_assert_cmpuint (n_items (regime), ==, 1 + 9);
  g_assert_cmpstr (item (regime, 1), ==, "601 General regime for companies");
  g_assert_cmpuint (n_changed, ==, 3);

  /* A person's RFC for a company: the mistake in full under the group. */
  gtk_editable_set_text (GTK_EDITABLE (gest_billing_group_get_row (group, GEST_BILLING_FIELD_RFC)), "GODE561231GR8");
  g_assert_false (gest_test_find_widget (page, gest_test_is_visible_label,
                                         "The RFC GODE561231GR8 has 13 characters, the RFC of an individual (persona "
                                         "física), but the customer is marked as a company (persona moral): correct "
                                         "the RFC or the kind of taxpayer.") != NULL);
  g_assert_false (gest_billing_group_check (group));
  label = gest_test_find_widget (page, gest_test_is_visible_label,
                                 "The RFC GODE561231GR8 has 13 characters, the RFC of an individual (persona física), "
                                 "but the customer is marked as a company (persona moral): correct the RFC or the kind "
                                 "of taxpayer.");
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_true (gtk_widget_has_css_class (gest_billing_group_get_row (group, GEST_BILLING_FIELD_RFC), "error"));

  /* Complete: no message left. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 0);
  gtk_editable_set_text (GTK_EDITABLE (gest_billing_group_get_row (group, GEST_BILLING_FIELD_NAME)), "DENISE GOMEZ");
  gtk_editable_set_text (GTK_EDITABLE (gest_billing_group_get_row (group, GEST_BILLING_FIELD_POSTAL_CODE)), "06600");
  adw_combo_row_set_selected (ADW_COMBO_ROW (regime), 7);   /* 612 */
  g_assert_cmpstr (gest_billing_group_get_values (group)->regime, ==, "612");
  adw_combo_row_set_selected (ADW_COMBO_ROW (use), 3);      /* G03 */
  g_assert_cmpstr (gest_billing_group_get_values (group)->use, ==, "G03");
  g_assert_true (gest_billing_group_check (group));
  g_assert_false (gtk_widget_has_css_class (gest_billing_group_get_row (group, GEST_BILLING_FIELD_RFC), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gest_billing_group_get_error_label (group))));

  /* At 360 px nothing is wider than the window, even the longest regime's name chosen. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (regime), 12);   /* 625 */
  g_assert_cmpstr (gest_billing_group_get_values (group)->regime, ==, "625");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (group), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (group);
}

static void
saved_cb (GestCustomerEditor  *editor,
          const char          *uuid,
          char               **saved)
{
  *saved = g_strdup (uuid);
}

static void
test_customer_editor_compact (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "gestiona.db", NULL);
  g_autofree char *saved = NULL;
  GestStore *store = gest_store_open (path, &error);
  GestCustomerEditor *editor;
  GtkWidget *regime, *use, *group;

  g_assert_no_error (error);
  editor = gest_customer_editor_new (NULL, store, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  group = gest_test_find_widget (GTK_WIDGET (editor), gest_test_is_type, GSIZE_TO_POINTER (GEST_TYPE_BILLING_GROUP));
  g_assert_nonnull (group);
  /* Compact: the RFC, name and e-mail are the editor's own rows. */
  g_assert_false (gtk_widget_get_visible (gest_billing_group_get_row (GEST_BILLING_GROUP (group), GEST_BILLING_FIELD_RFC)));
  regime = gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_FISCAL_REGIME);
  use = gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_CFDI_USE);
  g_assert_true (regime == gest_billing_group_get_row (GEST_BILLING_GROUP (group), GEST_BILLING_FIELD_REGIME));

  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_NAME)), "Materiales del Bajío");
  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_RFC)), "MAB9307148T4");
  /* A company's RFC: a company's regimes. */
  g_assert_cmpstr (item (regime, 1), ==, "601 General regime for companies");
  adw_combo_row_set_selected (ADW_COMBO_ROW (regime), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (use), 3);   /* G03 */
  gtk_editable_set_text (GTK_EDITABLE (gest_customer_editor_get_row (editor, GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE)),
                         "37000");
  gest_customer_editor_save (editor);
  gest_store_wait_for_writes (store);
  WAIT_UNTIL (saved != NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count (*) FROM customers WHERE kind = 'moral'"
                                               " AND fiscal_regime = '601' AND cfdi_use = 'G03'"
                                               " AND fiscal_postal_code = '37000'"), ==, 1);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/widgets/S11/billing-group-combos-and-errors", test_group_combos_and_errors);
  g_test_add_func ("/widgets/S11/customer-editor-billing-compact", test_customer_editor_compact);

  return g_test_run ();
}
