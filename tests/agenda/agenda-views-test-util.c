/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-views-test-util.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

void
agenda_views_open (AgendaViewsFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
}

void
agenda_views_sign_in (AgendaViewsFixture *f,
                      GestRole            role)
{
  g_autoptr(GError) error = NULL;

  gest_test_sign_in (f->store, role);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
  f->context = gest_context_new (f->store);
}

void
agenda_views_show (AgendaViewsFixture *f,
                   GtkWidget          *widget,
                   int                 width)
{
  f->widget = g_object_ref_sink (widget);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, 700);
  gtk_window_set_child (f->window, widget);
  gtk_window_present (f->window);
}

void
agenda_views_teardown (AgendaViewsFixture *f)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (windows);
  gest_store_wait_for_writes (f->store);
  gtk_window_destroy (f->window);
  gest_test_finalize_after_drain (f->widget);
  gest_test_finalize_after_drain (f->context);
  gest_test_finalize_after_drain (f->store);
  gest_test_tmpdir_free (f->dir);
}

GtkWindow *
agenda_views_find_window (AgendaViewsFixture *f,
                          GType               type)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
assert_fits (GtkWidget *widget,
             int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (gtk_widget_get_width (child) > width)
        g_error ("%s is %d px wide, more than %d", G_OBJECT_TYPE_NAME (child), gtk_widget_get_width (child), width);
      assert_fits (child, width);
    }
}

void
agenda_views_assert_narrow (AgendaViewsFixture *f)
{
  int minimum;

  gtk_widget_measure (f->widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  WAIT_UNTIL (gtk_widget_get_width (f->widget) > 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  assert_fits (GTK_WIDGET (f->window), 360);
}

void
agenda_views_click (GtkWidget  *root,
                    const char *label)
{
  GtkWidget *button = gest_test_find_widget (root, gest_test_is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

gboolean
agenda_views_is_tooltip (GtkWidget     *widget,
                         gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}
