/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3: the sync service reports its status without a server, and the Sync preferences page
 * shows it; both finalize. Needs a display (xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "gest-sync-preferences-page.h"
#include "gest-sync-service.h"
#include "gest-test-util.h"

static void
pending_cb (GObject    *service,
            GParamSpec *pspec,
            gboolean   *seen)
{
  *seen = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("the sync service did not report its status in time");
  return G_SOURCE_REMOVE;
}

static void
test_service_status_and_page (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "ui.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);
  GestSyncService *service;
  GestContext *context;
  GtkWidget *window;
  GtkWidget *page;
  gboolean seen = FALSE;
  guint timeout;

  g_assert_no_error (error);
  gest_store_exec (store, "INSERT INTO customers (uuid, name) VALUES ('c1', 'Ana'), ('c2', 'Luis')", &error);
  g_assert_no_error (error);

  service = gest_sync_service_new (store);
  g_assert_false (gest_sync_service_get_enrolled (service));
  g_signal_connect (service, "notify::pending", G_CALLBACK (pending_cb), &seen);
  gest_sync_service_start (service);
  timeout = g_timeout_add_seconds (20, timeout_cb, NULL);
  while (!seen)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  /* Not enrolled: nothing is sent, the two new customers wait. */
  g_assert_cmpint (gest_sync_service_get_pending (service), ==, 2);
  g_assert_false (gest_sync_service_get_running (service));
  g_assert_null (gest_sync_service_get_last_error (service));

  window = adw_preferences_window_new ();
  context = gest_context_new (store);
  gest_context_set_sync_service (context, service);
  page = gest_sync_preferences_page_new (context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (page);

  g_assert_finalize_object (context);
  gest_sync_service_stop (service);
  g_assert_finalize_object (service);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sync/X3/service-status-and-page", test_service_status_and_page);

  return g_test_run ();
}
