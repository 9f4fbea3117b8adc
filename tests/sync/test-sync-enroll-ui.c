/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3: the Enroll button of Preferences, Sync against the real gestiona-server (started with
 * PostgreSQL by tests/server/pg-env.sh), under Xvfb: a good code enrolls the desktop without
 * blocking the UI; a wrong code, or a server that cannot be reached, shows a clear error on
 * the page and stores nothing. Everything finalizes. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gest-sync-client.h"
#include "gest-sync-preferences-page.h"
#include "gest-sync-service.h"
#include "gest-test-util.h"
#include "sync-test-util.h"
#include "gest-test-widgets.h"

typedef struct
{
  char            *dir;
  char            *dealer_id;
  GestStore       *store;
  GestSyncService *service;
  GestContext     *context;
  GtkWidget       *window;
  GtkWidget       *page;      /* weak pointer */
  GtkWidget       *url_row;
  GtkWidget       *code_row;
  GtkWidget       *name_row;
  GtkWidget       *enroll_button;
  GtkWidget       *enrolled_row;
  AdwPreferencesGroup *server_group;
} Fixture;

static GtkWidget *
find_or_fail (GtkWidget           *widget,
              GestTestWidgetMatch  match,
              const char          *text)
{
  GtkWidget *found = gest_test_find_widget (widget, match, text);

  if (found == NULL)
    g_error ("no widget “%s” on the Sync page", text);
  return found;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!sync_test_have_server ())
    return;

  f->dir = gest_test_tmpdir_new ();
  f->dealer_id = sync_test_new_dealer ("Ford Enroll UI");
  path = g_build_filename (f->dir, "enroll-ui.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  f->service = gest_sync_service_new (f->store);
  gest_sync_service_start (f->service);

  f->window = adw_preferences_window_new ();
  f->context = gest_context_new (f->store);
  gest_context_set_sync_service (f->context, f->service);
  f->page = gest_sync_preferences_page_new (f->context);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  drain ();

  f->url_row = find_or_fail (f->page, gest_test_is_row_titled, "Server Address");
  f->code_row = find_or_fail (f->page, gest_test_is_row_titled, "Enrollment Code");
  f->name_row = find_or_fail (f->page, gest_test_is_row_titled, "Name of This Desktop");
  f->enrolled_row = find_or_fail (f->page, gest_test_is_row_titled, "Enrolled With");
  f->enroll_button = find_or_fail (f->page, gest_test_is_button_labelled, "_Enroll");
  f->server_group = ADW_PREFERENCES_GROUP (find_or_fail (f->page, gest_test_is_group_titled, "Conauto Server"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_assert_null (f->page);
  g_assert_finalize_object (f->context);
  gest_sync_service_stop (f->service);
  g_assert_finalize_object (f->service);
  g_assert_finalize_object (f->store);
  g_free (f->dealer_id);
  gest_test_tmpdir_free (f->dir);
}

static char *
token_path (Fixture *f)
{
  return g_strconcat (gest_store_get_path (f->store), ".sync-token", NULL);
}

static gint64
server_devices (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM devices WHERE dealer_id = '%s'",
                                          f->dealer_id);
  g_autofree char *count = sync_test_psql (sql);

  return g_ascii_strtoll (count, NULL, 10);
}

/* Fills the form and activates Enroll, as a user would (GtkButton emits "clicked" from the
 * main loop, after its pressed look). The page must then say it is enrolling and go on
 * running: the enrollment runs on a worker thread and its result reaches the page through
 * the main loop, so a click that did the enrollment itself would never be seen enrolling. */
static void
click_enroll (Fixture    *f,
              const char *url,
              const char *code)
{
  gtk_editable_set_text (GTK_EDITABLE (f->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (f->code_row), code);
  gtk_editable_set_text (GTK_EDITABLE (f->name_row), "Mostrador UI");
  g_assert_true (gtk_widget_get_sensitive (f->enroll_button));

  g_assert_true (gtk_widget_activate (f->enroll_button));
  WAIT_UNTIL (!gtk_widget_get_sensitive (f->enroll_button));
  g_assert_cmpstr (adw_preferences_group_get_description (f->server_group), ==, "Enrolling…");

  WAIT_UNTIL (gtk_widget_get_sensitive (f->enroll_button));
}

static void
test_enroll (Fixture       *f,
             gconstpointer  data)
{
  const char *url = g_getenv ("GESTIONA_TEST_SERVER_URL");
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;

  if (f->store == NULL)
    {
      g_test_skip ("needs gestiona-server: run through tests/server/pg-env.sh");
      return;
    }
  code = sync_test_admin ("enroll-code", f->dealer_id, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (f->enrolled_row)), ==, "Not enrolled");

  click_enroll (f, url, code);

  g_assert_cmpstr (adw_preferences_group_get_description (f->server_group), ==,
                   "This desktop is enrolled. It syncs in the background.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->code_row)), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (f->enrolled_row)), ==, url);
  g_assert_true (gest_sync_is_enrolled (f->store));
  path = token_path (f);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (server_devices (f), ==, 1);

  /* The service notices after the round that enrollment started. */
  WAIT_UNTIL (gest_sync_service_get_enrolled (f->service) && !gest_sync_service_get_running (f->service));
  g_assert_null (gest_sync_service_get_last_error (f->service));
  g_assert_cmpint (gest_sync_service_get_last_sync (f->service), >, 0);
}

static void
assert_not_enrolled (Fixture *f)
{
  g_autofree char *path = token_path (f);
  g_autofree char *stored_url = gest_sync_get_server_url (f->store);

  g_assert_false (gest_sync_is_enrolled (f->store));
  g_assert_null (stored_url);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (f->enrolled_row)), ==, "Not enrolled");
  g_assert_false (gest_sync_service_get_enrolled (f->service));
  g_assert_cmpint (server_devices (f), ==, 0);
}

static void
test_wrong_code (Fixture       *f,
                 gconstpointer  data)
{
  const char *description;

  if (f->store == NULL)
    {
      g_test_skip ("needs gestiona-server: run through tests/server/pg-env.sh");
      return;
    }

  click_enroll (f, g_getenv ("GESTIONA_TEST_SERVER_URL"), "NOT-A-REAL-CODE");

  description = adw_preferences_group_get_description (f->server_group);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "enrollment code was not accepted"));
  g_assert_nonnull (strstr (description, "Ask Conauto for a new code"));
  /* The code stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->code_row)), ==, "NOT-A-REAL-CODE");
  assert_not_enrolled (f);
}

/* An enrolled desktop keeps its enrollment when a new attempt fails (a mistyped address): the
 * address, device and cursor stay, and it goes on syncing. */
static void
test_failed_attempt_keeps_enrollment (Fixture       *f,
                                      gconstpointer  data)
{
  const char *url = g_getenv ("GESTIONA_TEST_SERVER_URL");
  g_autofree char *code = NULL;
  g_autofree char *device = NULL;
  g_autofree char *device_after = NULL;
  g_autofree char *url_after = NULL;
  const char *description;

  if (f->store == NULL)
    {
      g_test_skip ("needs gestiona-server: run through tests/server/pg-env.sh");
      return;
    }
  code = sync_test_admin ("enroll-code", f->dealer_id, NULL);
  click_enroll (f, url, code);
  g_assert_true (gest_sync_is_enrolled (f->store));
  device = sync_test_query_text (f->store, "SELECT value FROM sync_state WHERE key = 'device-id'");

  /* Port 1 on loopback: refused at once. */
  click_enroll (f, "http://127.0.0.1:1", "ANOTHER-CODE");
  description = adw_preferences_group_get_description (f->server_group);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "Could not reach the sync server at http://127.0.0.1:1"));

  g_assert_true (gest_sync_is_enrolled (f->store));
  url_after = gest_sync_get_server_url (f->store);
  g_assert_cmpstr (url_after, ==, url);
  device_after = sync_test_query_text (f->store, "SELECT value FROM sync_state WHERE key = 'device-id'");
  g_assert_cmpstr (device_after, ==, device);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (f->enrolled_row)), ==, url);
  sync_test_sync (f->store);
  WAIT_UNTIL (gest_sync_service_get_enrolled (f->service) && !gest_sync_service_get_running (f->service));
}

/* The CA file row is saved when Enroll is clicked, and a missing file is named on the page
 * before anything is sent. */
static void
test_ca_file_row (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *ca_row;
  g_autofree char *ca = NULL;
  g_autofree char *stored = NULL;
  const char *description;

  if (f->store == NULL)
    {
      g_test_skip ("needs gestiona-server: run through tests/server/pg-env.sh");
      return;
    }
  ca_row = find_or_fail (f->page, gest_test_is_row_titled, "Certificate Authority File (Optional)");
  ca = g_build_filename (f->dir, "conauto-ca.pem", NULL);
  gtk_editable_set_text (GTK_EDITABLE (ca_row), ca);

  click_enroll (f, g_getenv ("GESTIONA_TEST_SERVER_URL"), "SOME-CODE");

  stored = gest_store_get_setting (f->store, "sync.ca-file");
  g_assert_cmpstr (stored, ==, ca);
  description = adw_preferences_group_get_description (f->server_group);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, ca));
  g_assert_nonnull (strstr (description, "does not exist"));
  assert_not_enrolled (f);

  /* Emptied and applied: the setting goes, the system's authorities are used again. */
  gtk_editable_set_text (GTK_EDITABLE (ca_row), "");
  g_signal_emit_by_name (ca_row, "apply");
  gest_store_wait_for_writes (f->store);
  g_clear_pointer (&stored, g_free);
  stored = gest_store_get_setting (f->store, "sync.ca-file");
  g_assert_null (stored);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* The session bus of the test has no keyring: keep the token in the file, quietly. */
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sync/X3/enroll-ui/enroll", Fixture, NULL, fixture_set_up, test_enroll, fixture_tear_down);
  g_test_add ("/sync/X3/enroll-ui/wrong-code", Fixture, NULL,
              fixture_set_up, test_wrong_code, fixture_tear_down);
  g_test_add ("/sync/X3/enroll-ui/failed-attempt-keeps-enrollment", Fixture, NULL,
              fixture_set_up, test_failed_attempt_keeps_enrollment, fixture_tear_down);
  g_test_add ("/sync/X3/enroll-ui/ca-file-row", Fixture, NULL,
              fixture_set_up, test_ca_file_row, fixture_tear_down);

  return g_test_run ();
}
