/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gest-first-manager-page.h"
#include "gest-sign-in-page.h"
#include "gest-test-session.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

GtkWidget *
gest_test_session_row (GestWindow *window,
                       GType       page_type,
                       const char *title)
{
  GtkWidget *page = gest_test_find_widget (GTK_WIDGET (window), gest_test_is_type, GSIZE_TO_POINTER (page_type));
  GtkWidget *row;

  g_assert_nonnull (page);
  row = gest_test_find_widget (page, gest_test_is_row_titled, title);
  g_assert_nonnull (row);
  return row;
}

void
gest_test_create_manager (GestWindow *window,
                          const char *name,
                          const char *login,
                          const char *password,
                          const char *repeated)
{
  GType type = GEST_TYPE_FIRST_MANAGER_PAGE;
  GtkWidget *page = gest_test_find_widget (GTK_WIDGET (window), gest_test_is_type, GSIZE_TO_POINTER (type));
  GtkWidget *last = gest_test_session_row (window, type, "Repeat the Password");

  gtk_editable_set_text (GTK_EDITABLE (gest_test_session_row (window, type, "Full Name")), name);
  gtk_editable_set_text (GTK_EDITABLE (gest_test_session_row (window, type, "Login")), login);
  gtk_editable_set_text (GTK_EDITABLE (gest_test_session_row (window, type, "Password")), password);
  gtk_editable_set_text (GTK_EDITABLE (last), repeated);
  g_signal_emit_by_name (last, "entry-activated");
  WAIT_UNTIL (!gest_first_manager_page_get_busy (GEST_FIRST_MANAGER_PAGE (page)));
}

void
gest_test_sign_in_page (GestWindow *window,
                        const char *login,
                        const char *password)
{
  GType type = GEST_TYPE_SIGN_IN_PAGE;
  GtkWidget *page = gest_test_find_widget (GTK_WIDGET (window), gest_test_is_type, GSIZE_TO_POINTER (type));
  GtkWidget *password_row = gest_test_session_row (window, type, "Password");

  g_assert_true (gest_window_get_sign_in_shown (window));
  gtk_editable_set_text (GTK_EDITABLE (gest_test_session_row (window, type, "Login")), login);
  gtk_editable_set_text (GTK_EDITABLE (password_row), password);
  g_signal_emit_by_name (password_row, "entry-activated");
  WAIT_UNTIL (!gest_sign_in_page_get_busy (GEST_SIGN_IN_PAGE (page)));
}
