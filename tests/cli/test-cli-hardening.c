/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 16, item 9 (and the CLI side of item 4): the real gestiona-cli given a mistyped
 * database path, a folder, a read-only folder, bytes that are not text, steps out of range,
 * demonstration data for an enrolled database, and /dev/zero to attach. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gest-store.h"
#include "cli-test-util.h"
#include "gest-test-util.h"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* A mistyped --db makes nothing (no file, no folders) and every command says so, exit 2. */
static void
test_missing_db_not_created (CliFixture       *f,
                             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->tmpdir, "typo", NULL);
  g_autofree char *path = g_build_filename (folder, "gestoina.db", NULL);
  const char *commands[][4] = {
    { "verify-log", NULL }, { "user", NULL }, { "tramite", "list", NULL },
    { "sync", "--status", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_cmpint (cli_run (f, "--db", path, commands[i][0], commands[i][1], commands[i][2], NULL), ==, 2);
      assert_contains (f->err, "There is no database at “");
      assert_contains (f->err, "gestiona-cli init");
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpstr (f->out, ==, "");

  /* init makes it. */
  g_assert_cmpint (cli_run (f, "--db", path, "init", NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cli_run (f, "--db", path, "verify-log", NULL), ==, 0);
}

/* A folder is named as a folder, not in SQLite's words. */
static void
test_folder_db_named (CliFixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpint (cli_run (f, "--db", f->tmpdir, "verify-log", NULL), ==, 2);
  assert_contains (f->err, "is a folder, not a database file");
  g_assert_cmpint (cli_run (f, "--db", f->tmpdir, "init", NULL), ==, 2);
  assert_contains (f->err, "is a folder, not a database file");
  g_assert_null (strstr (f->err, "unable to open"));
}

/* A database in a folder this user may not write is "read-only", not "damaged". Root may
 * write anywhere, so as root the CLI runs as nobody (setpriv). */
static void
test_read_only_folder_named (CliFixture       *f,
                             gconstpointer  data)
{
  g_autofree char *top = g_build_filename (f->tmpdir, "ro", NULL);
  g_autofree char *inner = g_build_filename (top, "inner", NULL);
  g_autofree char *path = g_build_filename (inner, "gestiona.db", NULL);
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (inner, 0755), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", path, "init", NULL), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (inner, 0555), ==, 0);
  /* Parents reachable by nobody. */
  g_assert_cmpint (g_chmod (f->tmpdir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (top, 0755), ==, 0);

  if (geteuid () == 0)
    {
      if (setpriv == NULL)
        {
          g_chmod (inner, 0755);
          g_test_skip ("running as root without setpriv: cannot make a folder read-only");
          return;
        }
      g_ptr_array_add (args, setpriv);
      g_ptr_array_add (args, (gpointer) "--reuid=65534");
      g_ptr_array_add (args, (gpointer) "--regid=65534");
      g_ptr_array_add (args, (gpointer) "--clear-groups");
    }
  g_ptr_array_add (args, (gpointer) g_getenv ("GESTIONA_CLI"));
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, (gpointer) "verify-log");
  g_ptr_array_add (args, NULL);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &f->out, &f->err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("status %d\nstdout: %s\nstderr: %s", status, f->out, f->err);
  g_chmod (inner, 0755);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  assert_contains (f->err, "read-only");
  g_assert_null (strstr (f->err, "damaged"));
}

/* Bytes that are not text are bad input (2), as is a name with control characters. */
static void
test_user_name_invalid_byte (CliFixture       *f,
                             gconstpointer  data)
{
  g_autofree char *name = NULL;

  /* Issue 12: names are given to `user first` and `user add` (no longer `user --name`). */
  g_setenv ("GESTIONA_NEW_PASSWORD", "secreto-123", TRUE);
  g_setenv ("GESTIONA_PASSWORD", "secreto-123", TRUE);
  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "ana", "--name", "Ana\xff", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "ana", "--name", "Ana\xe2\x80\xae" "fdp.exe", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "ana", "--name", "Ana\x01", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", NULL), ==, 0);
  name = g_strdup (f->out);
  g_assert_null (strstr (name, "Ana"));
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "ana", "--name", "Ana Pérez", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "ana", "user", NULL), ==, 0);
  assert_contains (f->out, "Ana Pérez\t");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");
  g_unsetenv ("GESTIONA_PASSWORD");
}

/* Steps are 1 to 8: 0 is not "every step". */
static void
test_list_step_0_refused (CliFixture       *f,
                          gconstpointer  data)
{
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "20", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--step", "0", NULL), ==, 2);
  assert_contains (f->err, "--step needs a number from 1 to 8.");
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--step", "9", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--step", "-1", "--count", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--step", "2", "--count", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--count", NULL), ==, 0);
  assert_contains (f->out, "8\t");
}

static void
test_help_lists_sync (CliFixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpint (cli_run (f, "--help", NULL), ==, 0);
  assert_contains (f->out, "\n  sync ");
}

/* Demonstration data never goes into an enrolled database (it would reach Conauto). */
static void
test_demo_refused_when_enrolled (CliFixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  store = gest_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_set_value (store, "sync_state", FALSE, "server-url", "https://conauto.example", &error));
  g_assert_true (gest_store_set_value (store, "sync_state", FALSE, "device-id", "d1", &error));
  g_assert_no_error (error);

  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "5", NULL), ==, 1);
  assert_contains (f->err, "is enrolled with a sync server");
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM plans"), ==, 0);
}

/* 16.4: `tramite attach F other /dev/zero` is refused at once instead of filling the disk. */
static void
test_attach_dev_zero_refused (CliFixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autofree char *files = NULL;
  int status = 0;
  gint64 documents;

  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "20", NULL), ==, 0);
  store = gest_store_open (f->db, &error);
  g_assert_no_error (error);
  documents = gest_test_query_int (store, "SELECT count(*) FROM documents");
  {
    sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT folio FROM tramites ORDER BY folio LIMIT 1", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    folio = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  g_assert_nonnull (timeout);
  {
    /* Bounded: the code before the fix read /dev/zero until the disk was full. */
    const char *argv[] = { timeout, "5", g_getenv ("GESTIONA_CLI"), "--db", f->db, "tramite", "attach",
                           folio, "other", "/dev/zero", NULL };

    g_clear_pointer (&f->out, g_free);
    g_clear_pointer (&f->err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &f->out, &f->err, &status, &error);
    g_assert_no_error (error);
    g_test_message ("status %d\nstderr: %s", status, f->err);
  }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  assert_contains (f->err, "not a regular file");
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM documents"), ==, documents);
  /* No partial copy left behind. */
  files = g_strdup (gest_store_get_files_dir (store));
  if (g_file_test (files, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (files, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, ".incoming"));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/16.9/missing-db-not-created", test_missing_db_not_created);
  ADD ("/cli/16.9/folder-db-named", test_folder_db_named);
  ADD ("/cli/16.9/read-only-folder-named", test_read_only_folder_named);
  ADD ("/cli/16.9/user-name-invalid-byte-is-usage", test_user_name_invalid_byte);
  ADD ("/cli/16.9/list-step-0-refused", test_list_step_0_refused);
  ADD ("/cli/16.9/help-lists-sync", test_help_lists_sync);
  ADD ("/cli/16.9/demo-refused-when-enrolled", test_demo_refused_when_enrolled);
  ADD ("/cli/16.4/attach-dev-zero-refused", test_attach_dev_zero_refused);
#undef ADD

  return g_test_run ();
}
