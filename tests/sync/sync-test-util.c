/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "gest-sync-client.h"
#include "gest-sync-dump.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

gboolean
sync_test_have_server (void)
{
  return g_getenv ("GESTIONA_SERVER") != NULL && g_getenv ("GESTIONA_TEST_SERVER_URL") != NULL &&
         g_getenv ("GESTIONA_SERVER_ADMIN_PG") != NULL;
}

static char *
run (GPtrArray *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", (char *) argv->pdata[0], err);
  return g_strstrip (g_steal_pointer (&out));
}

char *
sync_test_admin (const char *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_SERVER"));
  g_ptr_array_add (argv, (gpointer) "admin");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  return run (argv);
}

char *
sync_test_new_dealer (const char *name)
{
  return sync_test_admin ("create-dealer", name, NULL);
}

GestStore *
sync_test_new_desktop (const char *dir,
                       const char *name,
                       const char *dealer_id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *code = sync_test_admin ("enroll-code", dealer_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = gest_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gest_sync_enroll (store, g_getenv ("GESTIONA_TEST_SERVER_URL"), code, name, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gest_sync_is_enrolled (store));
  return g_steal_pointer (&store);
}

void
sync_test_sync (GestStore *store)
{
  g_autoptr(GError) error = NULL;

  gest_sync_run_once (store, NULL, &error);
  g_assert_no_error (error);
}

char *
sync_test_psql (const char *sql)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *psql = g_file_test ("/usr/lib/postgresql/15/bin/psql", G_FILE_TEST_IS_EXECUTABLE)
                     ? "/usr/lib/postgresql/15/bin/psql" : "psql";

  g_ptr_array_add (argv, (gpointer) psql);
  g_ptr_array_add (argv, (gpointer) "-X");
  g_ptr_array_add (argv, (gpointer) "-At");
  g_ptr_array_add (argv, (gpointer) "-d");
  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_SERVER_ADMIN_PG"));
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) sql);
  return run (argv);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
sync_test_server_dump (const char *dealer_id)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) rows = NULL;
  GString *dump = g_string_new (NULL);

  /* One JSON object a line: {entity, uuid, deleted, data}. */
  sql = g_strdup_printf ("SELECT json_build_object ('entity', entity, 'uuid', uuid, 'deleted', deleted, "
                         "'data', data) FROM records WHERE dealer_id = '%s'", dealer_id);
  out = sync_test_psql (sql);

  rows = g_strsplit (out, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      JsonObject *row;
      char *line;

      if (rows[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, rows[i], -1, NULL));
      row = json_node_get_object (json_parser_get_root (parser));
      line = gest_sync_dump_line (json_object_get_string_member (row, "entity"),
                                  json_object_get_string_member (row, "uuid"),
                                  json_object_get_boolean_member (row, "deleted"),
                                  json_object_get_object_member (row, "data"));
      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (dump, g_ptr_array_index (lines, i));
      g_string_append_c (dump, '\n');
    }
  return g_string_free (dump, FALSE);
}

void
sync_test_exec (GestStore  *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  gest_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

gint64
sync_test_query_int (GestStore  *store,
                     const char *sql)
{
  return gest_test_query_int (store, sql);
}

char *
sync_test_query_text (GestStore  *store,
                      const char *sql)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

char *
sync_test_serve_pull (SoupServer         *server,
                      SoupServerCallback  callback,
                      gpointer            user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_handler (server, "/v1/pull", callback, user_data, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

GestStore *
sync_test_open_enrolled (const char *path,
                         const char *url)
{
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gest_sync_state_set (store, "device-id", "d1", &error));
  g_assert_true (gest_sync_state_set (store, "server-url", url, &error));
  g_assert_true (gest_sync_token_store (store, "d1", "token", NULL, &error));
  g_assert_no_error (error);
  return store;
}
