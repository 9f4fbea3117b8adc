/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "gest-test-util.h"
#include "gest-users.h"

static void
remove_recursive (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursive (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

char *
gest_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("gestiona-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
gest_test_tmpdir_free (char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  remove_recursive (file);
  g_free (path);
}

char *
gest_test_data_path (const char *name)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "data", name, NULL);
}

int
gest_test_run_cli (const char * const  *argv,
                   char               **out_stdout,
                   char               **out_stderr)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GESTIONA_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

gboolean
gest_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
gest_test_finalize_after_drain (gpointer object)
{
  gpointer weak = object;
  g_autofree char *type = g_strdup (G_OBJECT_TYPE_NAME (object));

  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, gest_test_wake_cb, NULL);

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s was not finalized: something still holds it", type);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

gint64
gest_test_query_int (GestStore  *store,
                     const char *sql)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

void
gest_test_assert_check (GestTestCheckFunc  check,
                        const char        *value,
                        GestCheck          expected,
                        const char        *expected_message)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = g_strescape (value, NULL);   /* keeps the TAP output UTF-8 */
  GestCheck got;

  g_test_message ("checking “%s”", escaped);
  got = check (value, &message);
  if (got != expected)
    g_error ("“%s”: expected %d, got %d (%s)", value, expected, got, message ? message : "no message");
  if (expected == GEST_CHECK_VALID)
    g_assert_null (message);
  else
    g_assert_nonnull (message);
  if (expected_message != NULL)
    g_assert_cmpstr (message, ==, expected_message);

  /* The message is optional. */
  g_assert_cmpint (check (value, NULL), ==, expected);
}

void
gest_test_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static const char *
test_password_hash (void)
{
  static gsize hash = 0;

  if (g_once_init_enter (&hash))
    g_once_init_leave (&hash, (gsize) gest_password_hash (GEST_TEST_PASSWORD));
  return (const char *) hash;
}

GestUser *
gest_test_sign_in (GestStore *store,
                   GestRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GestUser) user = NULL;
  g_autofree char *login = g_strdup_printf ("test.%s", gest_role_id (role));
  g_autofree char *name = g_strdup_printf ("Test %s", gest_role_id (role));
  g_autofree char *uuid = NULL;

  stmt = gest_store_prepare (store, "SELECT uuid, name FROM users WHERE login = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_free (name);
      name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (uuid == NULL)
    {
      uuid = gest_uuid_new ();
      stmt = gest_store_prepare (store,
                                 "INSERT INTO users (uuid, login, name, role, password_hash, active, "
                                 "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, 1, 1)",
                                 &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, login, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, gest_role_id (role), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, test_password_hash (), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }

  user = gest_user_new (uuid, login, name, role);
  gest_store_set_user (store, user);
  return gest_store_get_user (store);
}
