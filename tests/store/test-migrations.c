/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schema migrations (issue 2, store): applied in order in one transaction, tracked by
 * user_version; a database from a newer Gestiona is refused and left untouched. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gest-store.h"
#include "gest-test-util.h"

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_fresh_database_has_every_table (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);
  static const char * const tables[] = {
    "settings", "users", "customers", "vehicles", "plans", "folio_counters", "tramites",
    "documents", "activity", "mail_outbox", "search_index",
    "customers_by_name",   /* schema 7 (issue 12): the Customers section's order */
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT count(*) FROM sqlite_schema WHERE name = ?1", NULL);

      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every table that will sync carries uuid, updated_at and deleted. */
static void
test_sync_columns (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  GestStore *store = gest_store_open (path, NULL);
  static const char * const tables[] = { "users", "customers", "vehicles", "plans", "tramites", "documents" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT uuid, updated_at, deleted FROM %s LIMIT 0", tables[i]);
      sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);

      g_assert_nonnull (stmt);
      sqlite3_finalize (stmt);
    }
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  GestStore *store = gest_store_open (path, NULL);
  g_autofree char *value = NULL;

  g_assert_true (gest_store_set_setting (store, "dealer.name", "Ford Country", NULL));
  g_assert_finalize_object (store);

  store = gest_store_open (path, NULL);
  value = gest_store_get_setting (store, "dealer.name");
  g_assert_cmpstr (value, ==, "Ford Country");
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_newer_schema_refused_untouched (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GestStore *store;
  sqlite3 *db = NULL;

  /* A database as a future Gestiona would leave it: rollback journal, a newer version. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  pragma = g_strdup_printf ("CREATE TABLE future (x); PRAGMA user_version = %d;",
                            gest_store_latest_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = checksum_file (path);

  store = gest_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Gestiona"));
  g_assert_nonnull (strstr (error->message, "was not changed"));

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A database at version 0 with a conflicting table: the migration fails as a whole and the
 * version stays 0 (one transaction). */
static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE tramites (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = gest_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "0001-initial.sql"));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sqlite_schema WHERE name = 'customers'),"
                                       " (SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Runs migrations 1..@version on @db by hand, as the Gestiona of that schema did. */
static void
apply_migrations_up_to (sqlite3 *db,
                        int      version)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/gestiona/Gestiona/sql", 0, NULL);

  g_assert_nonnull (names);
  for (int m = 1; m <= version; m++)
    for (guint i = 0; names[i] != NULL; i++)
      if (atoi (names[i]) == m)
        {
          g_autofree char *res = g_strdup_printf ("/io/github/gestiona/Gestiona/sql/%s", names[i]);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (res, 0, NULL);
          g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }
}

/* Builds a database as every earlier Gestiona left it (migrations 1..v applied by hand, with
 * data in it), then opens it: it reaches the latest version and keeps the data. */
static void
test_upgrade_from_every_version (void)
{
  int latest = gest_store_latest_schema_version ();

  for (int v = 1; v < latest; v++)
    {
      g_autofree char *dir = gest_test_tmpdir_new ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;
      GestStore *store;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      apply_migrations_up_to (db, v);
      g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value) VALUES ('dealer.name', 'Ford Viejo');"
                                     "INSERT INTO customers (uuid, name) VALUES ('c-old', 'Cliente Antiguo');",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      store = gest_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gest_store_get_schema_version (store), ==, latest);
      value = gest_store_get_setting (store, "dealer.name");
      g_assert_cmpstr (value, ==, "Ford Viejo");
      g_assert_finalize_object (store);
      gest_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

/* X3, schema 3: the server versions a schema-2 desktop kept in the sync_versions table move
 * into the records' rows; a local change after the upgrade still sends the version it was
 * based on, and a change of version alone does not touch the search index. */
static void
test_upgrade_keeps_sync_versions (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store;
  sqlite3 *db = NULL;
  int changes;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  apply_migrations_up_to (db, 2);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 2;"
                                 "INSERT INTO sync_applying (one) VALUES (1);"
                                 "INSERT INTO customers (uuid, name) VALUES ('c-1', 'Ana'), ('c-2', 'Beto');"
                                 "INSERT INTO sync_versions (entity, uuid, version) VALUES "
                                 "('customer', 'c-1', 41), ('customer', 'c-2', 7), ('vehicle', 'c-1', 99);"
                                 "DELETE FROM sync_applying;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_store_get_schema_version (store), >=, 3);
  g_assert_cmpint (gest_test_query_int (store, "SELECT sync_version FROM customers WHERE uuid = 'c-1'"), ==, 41);
  g_assert_cmpint (gest_test_query_int (store, "SELECT version FROM sync_versions WHERE entity = 'customer' AND uuid = 'c-2'"),
                   ==, 7);
  /* The version of a record of another kind under the same id stays with that kind. */
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM sync_versions WHERE entity = 'vehicle'"), ==, 0);

  g_assert_true (gest_store_exec (store, "UPDATE customers SET city = 'Puebla' WHERE uuid = 'c-1'", NULL));
  g_assert_cmpint (gest_test_query_int (store, "SELECT base_version FROM sync_outbox WHERE uuid = 'c-1'"), ==, 41);

  /* total_changes counts the rows triggers write too: only the customer's row changed. */
  changes = sqlite3_total_changes (gest_store_get_db (store));
  g_assert_true (gest_store_exec (store,
                                  "UPDATE customers SET sync_version = 50 WHERE uuid = 'c-2'", NULL));
  g_assert_cmpint (sqlite3_total_changes (gest_store_get_db (store)) - changes, ==, 1);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM sync_outbox WHERE uuid = 'c-2'"), ==, 0);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM search_index WHERE search_index MATCH 'Beto'"), ==, 1);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Issue 11, schema 4: an email queued before the outbox named modules was the early payoffs'
 * documents email; it keeps telling its module when it is sent. Others name no module. */
static void
test_upgrade_names_mail_module (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  apply_migrations_up_to (db, 3);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 3;"
                                 "INSERT INTO mail_outbox (uuid, record_uuid, recipient, subject, body, created_at)"
                                 " VALUES ('m-1', 't-1', 'a@b.mx', 'S', 'B', 1), ('m-2', NULL, 'a@b.mx', 'T', 'B', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM mail_outbox WHERE uuid = 'm-1'"
                                               " AND module = 'tramites' AND purpose = 'documents'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM mail_outbox WHERE uuid = 'm-2'"
                                               " AND module IS NULL AND purpose IS NULL"), ==, 1);
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/fresh-database", test_fresh_database_has_every_table);
  g_test_add_func ("/migrations/sync-columns", test_sync_columns);
  g_test_add_func ("/migrations/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/migrations/upgrade-from-every-version", test_upgrade_from_every_version);
  g_test_add_func ("/migrations/X3/upgrade-keeps-sync-versions", test_upgrade_keeps_sync_versions);
  g_test_add_func ("/migrations/T5/upgrade-names-mail-module", test_upgrade_names_mail_module);
  g_test_add_func ("/migrations/newer-schema-refused-untouched", test_newer_schema_refused_untouched);
  g_test_add_func ("/migrations/failed-migration-rolls-back", test_failed_migration_rolls_back);

  return g_test_run ();
}
