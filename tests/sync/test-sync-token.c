/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X3: where the device token is kept (src/sync/gest-sync-state.c).
 *
 * Run twice by meson:
 *   test-sync-token          under tests/keyring-env.sh (a private GNOME Keyring on a private
 *                            session bus): the token is in the Secret Service, not in a file.
 *   test-sync-token-fallback without any session bus: the token is in a 0600 file next to the
 *                            database, with a warning in the log. */
#include "config.h"

#include <locale.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "gest-sync-private.h"
#include "gest-test-util.h"

/* The schema the app stores with, written out again: the test checks the app's item, found by
 * the name and attribute other tools (secret-tool, Seahorse) see. */
static const SecretSchema test_schema = {
  "io.github.gestiona.Gestiona.Sync", SECRET_SCHEMA_NONE,
  {
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

typedef struct
{
  char      *dir;
  char      *db_path;
  char      *token_path;
  GestStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = gest_test_tmpdir_new ();
  fixture->db_path = g_build_filename (fixture->dir, "token.db", NULL);
  fixture->token_path = g_strconcat (fixture->db_path, ".sync-token", NULL);
  fixture->store = gest_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->token_path);
  g_free (fixture->db_path);
  gest_test_tmpdir_free (fixture->dir);
}

static char *
keyring_lookup (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (&test_schema, NULL, &error, "database", db_path, NULL);
  char *copy;

  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static void
assert_lookup (GestStore  *store,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = gest_sync_token_lookup (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
}

/* Keyring: stored there under the database's path and the device's label, read back, no file. */
static void
test_keyring_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autolist(SecretRetrievable) items = NULL;
  g_autofree char *in_keyring = NULL;
  g_autofree char *label = NULL;

  g_assert_true (gest_sync_token_store (fixture->store, "dev-1", "token-one", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (fixture->token_path, G_FILE_TEST_EXISTS));
  in_keyring = keyring_lookup (fixture->db_path);
  g_assert_cmpstr (in_keyring, ==, "token-one");
  assert_lookup (fixture->store, "token-one");

  items = secret_password_search_sync (&test_schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "database", fixture->db_path, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Gestiona sync token (device dev-1)");

  /* Enrolling again replaces the item; it does not add one. */
  g_assert_true (gest_sync_token_store (fixture->store, "dev-2", "token-two", NULL, &error));
  g_assert_no_error (error);
  assert_lookup (fixture->store, "token-two");
  g_clear_list (&items, g_object_unref);
  items = secret_password_search_sync (&test_schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "database", fixture->db_path, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_false (g_file_test (fixture->token_path, G_FILE_TEST_EXISTS));
}

/* Each database has its own token. */
static void
test_keyring_per_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) other = gest_store_open (other_path, &error);
  g_autofree char *other_in_keyring = NULL;

  g_assert_no_error (error);
  g_assert_true (gest_sync_token_store (fixture->store, "dev-a", "token-a", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_sync_token_store (other, "dev-b", "token-b", NULL, &error));
  g_assert_no_error (error);

  assert_lookup (fixture->store, "token-a");
  assert_lookup (other, "token-b");
  other_in_keyring = keyring_lookup (other_path);
  g_assert_cmpstr (other_in_keyring, ==, "token-b");
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A token a former enrollment left in a file (no keyring then) is removed once the keyring has
 * the new one, and the keyring wins on lookup. */
static void
test_keyring_replaces_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->token_path, "old-file-token", -1, &error);
  g_assert_no_error (error);
  assert_lookup (fixture->store, "old-file-token");

  g_assert_true (gest_sync_token_store (fixture->store, "dev-1", "keyring-token", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->token_path, G_FILE_TEST_EXISTS));
  assert_lookup (fixture->store, "keyring-token");
}

static void
assert_token_file (const char *path,
                   const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* No Secret Service: a 0600 file (whatever the umask, and even over a wider file left there),
 * a warning that names it, and the token is read back from it. */
static void
test_fallback_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strdup_printf ("*keyring is not available*%s*", fixture->token_path);
  mode_t old_umask;

  g_file_set_contents (fixture->token_path, "left-over", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->token_path, 0644), ==, 0);

  old_umask = umask (0);
  g_test_expect_message ("gest-sync", G_LOG_LEVEL_WARNING, pattern);
  g_assert_true (gest_sync_token_store (fixture->store, "dev-1", "file-token", NULL, &error));
  g_test_assert_expected_messages ();
  umask (old_umask);
  g_assert_no_error (error);

  assert_token_file (fixture->token_path, "file-token");
  assert_lookup (fixture->store, "file-token");
}

/* GESTIONA_SYNC_TOKEN_STORE=file (the CLI on a headless machine): the file, without a warning. */
static void
test_fallback_file_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_assert_true (gest_sync_token_store (fixture->store, "dev-1", "quiet-token", NULL, &error));
  g_unsetenv ("GESTIONA_SYNC_TOKEN_STORE");
  g_assert_no_error (error);
  assert_token_file (fixture->token_path, "quiet-token");
  assert_lookup (fixture->store, "quiet-token");
}

/* Not enrolled, and a file that cannot be written: errors that name the file. */
static void
test_fallback_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = gest_sync_token_lookup (fixture->store, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->token_path));
  g_assert_nonnull (strstr (error->message, "not enrolled"));
  g_clear_error (&error);

  /* A folder where the file should be: it cannot be replaced. */
  g_assert_cmpint (g_mkdir (fixture->token_path, 0700), ==, 0);
  g_test_expect_message ("gest-sync", G_LOG_LEVEL_WARNING, "*keyring is not available*");
  g_assert_false (gest_sync_token_store (fixture->store, "dev-1", "lost-token", NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, fixture->token_path));
}

/* No session bus at all, and none that GDBus could find or start. Done before any thread. */
static void
leave_session_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime = g_dir_make_tmp ("gestiona-no-bus-XXXXXX", &error);

  g_assert_no_error (error);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  /* An empty runtime folder: no $XDG_RUNTIME_DIR/bus to fall back on. */
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
}

int
main (int    argc,
      char **argv)
{
  gboolean keyring = g_strcmp0 (g_getenv ("GESTIONA_TEST_KEYRING"), "1") == 0;
  g_autofree char *runtime = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("GESTIONA_SYNC_TOKEN_STORE");
  if (!keyring)
    leave_session_bus ();
  runtime = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));
  g_test_init (&argc, &argv, NULL);

  if (keyring)
    {
      g_test_add ("/sync/X3/token/keyring/store", Fixture, NULL,
                  fixture_set_up, test_keyring_store, fixture_tear_down);
      g_test_add ("/sync/X3/token/keyring/per-database", Fixture, NULL,
                  fixture_set_up, test_keyring_per_database, fixture_tear_down);
      g_test_add ("/sync/X3/token/keyring/replaces-file", Fixture, NULL,
                  fixture_set_up, test_keyring_replaces_file, fixture_tear_down);
    }
  else
    {
      g_test_add ("/sync/X3/token/fallback/file", Fixture, NULL,
                  fixture_set_up, test_fallback_file, fixture_tear_down);
      g_test_add ("/sync/X3/token/fallback/file-only", Fixture, NULL,
                  fixture_set_up, test_fallback_file_only, fixture_tear_down);
      g_test_add ("/sync/X3/token/fallback/errors", Fixture, NULL,
                  fixture_set_up, test_fallback_errors, fixture_tear_down);
    }

  status = g_test_run ();
  if (!keyring)
    g_rmdir (runtime);
  return status;
}
