/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GestStore (issue 2, store): pragmas, settings, T2 settings, folios. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-store.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "sub", "folder", "test.db", NULL);
  f->store = gest_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->dir);
}

static void
test_open_pragmas (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (gest_test_query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (gest_store_get_schema_version (f->store), ==, gest_store_latest_schema_version ());
  g_assert_cmpint (gest_store_latest_schema_version (), >=, 1);

  stmt = gest_store_prepare (f->store, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  g_assert_true (g_str_has_suffix (gest_store_get_files_dir (f->store), "test.db.files"));
  g_assert_cmpstr (gest_store_get_path (f->store), ==, f->path);
}

static void
test_foreign_keys_enforced (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_store_exec (f->store,
                                   "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of)"
                                   " VALUES ('p', '1', 'no-such-customer', 100, 100, '2026-01-01')",
                                   &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
}

static void
test_bad_sql_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (f->store, "SELECT nothing FROM nowhere", &error);

  g_assert_null (stmt);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "nothing"));
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = gest_store_get_setting (f->store, "dealer.name");
  g_autofree char *value = NULL;
  g_autofree char *user = NULL;

  g_assert_null (missing);
  g_assert_true (gest_store_set_setting (f->store, "dealer.name", "Ford Satélite", &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_setting (f->store, "dealer.name", "Ford Lindavista", &error));
  value = gest_store_get_setting (f->store, "dealer.name");
  g_assert_cmpstr (value, ==, "Ford Lindavista");

  user = gest_store_get_user_name (f->store);
  g_assert_cmpstr (user, ==, "Usuario");
  g_assert_cmpint (gest_store_get_user_role (f->store), ==, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_store_set_setting (f->store, "user.role", "conauto-liaison", NULL));
  g_assert_cmpint (gest_store_get_user_role (f->store), ==, GEST_ROLE_CONAUTO);
  g_assert_true (gest_store_set_setting (f->store, "user.role", "bogus", NULL));
  g_assert_cmpint (gest_store_get_user_role (f->store), ==, GEST_ROLE_GENERAL_MANAGER);

  g_assert_true (gest_store_set_setting (f->store, "dealer.name", NULL, &error));
  g_clear_pointer (&value, g_free);
  value = gest_store_get_setting (f->store, "dealer.name");
  g_assert_null (value);
}

/* T2: thresholds, area names and phones come from settings, the seed's values by default. */
static void
test_routing_settings (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GestRoutingSettings) defaults = { 0 };
  g_auto(GestRoutingSettings) loaded = { 0 };
  g_auto(GestRoutingSettings) again = { 0 };
  g_autoptr(GError) error = NULL;

  gest_routing_settings_init_defaults (&defaults);
  gest_store_load_routing_settings (f->store, &loaded);
  g_assert_cmpint (loaded.low_debt_limit, ==, defaults.low_debt_limit);
  g_assert_cmpuint (loaded.installments_limit, ==, defaults.installments_limit);
  g_assert_cmpstr (loaded.areas[GEST_AREA_EXTRAJUDICIAL].name, ==, defaults.areas[GEST_AREA_EXTRAJUDICIAL].name);

  loaded.low_debt_limit = 80000;
  loaded.installments_limit = 3;
  g_free (loaded.areas[GEST_AREA_CUSTOMER_SERVICE].phones);
  loaded.areas[GEST_AREA_CUSTOMER_SERVICE].phones = g_strdup ("55 1234 5678 ext. 10");
  g_assert_true (gest_store_save_routing_settings (f->store, &loaded, &error));
  g_assert_no_error (error);

  gest_store_load_routing_settings (f->store, &again);
  g_assert_cmpint (again.low_debt_limit, ==, 80000);
  g_assert_cmpuint (again.installments_limit, ==, 3);
  g_assert_cmpstr (again.areas[GEST_AREA_CUSTOMER_SERVICE].phones, ==, "55 1234 5678 ext. 10");

  again.installments_limit = 0;
  g_assert_false (gest_store_save_routing_settings (f->store, &again, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
}

static void
test_folio_sequence (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_true (gest_store_begin (f->store, TRUE, &error));
  a = gest_store_next_folio (f->store, "LIQ", 2026, &error);
  b = gest_store_next_folio (f->store, "LIQ", 2026, &error);
  c = gest_store_next_folio (f->store, "LIQ", 2027, &error);
  d = gest_store_next_folio (f->store, "QJA", 2026, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_commit (f->store, &error));
  g_assert_cmpstr (a, ==, "LIQ-2026-000001");
  g_assert_cmpstr (b, ==, "LIQ-2026-000002");
  g_assert_cmpstr (c, ==, "LIQ-2027-000001");
  g_assert_cmpstr (d, ==, "QJA-2026-000001");
}

static void
test_folio_rollback_reuses_nothing_committed (Fixture       *f,
                                              gconstpointer  data)
{
  g_autofree char *a = NULL, *b = NULL;

  g_assert_true (gest_store_begin (f->store, TRUE, NULL));
  a = gest_store_next_folio (f->store, "LIQ", 2026, NULL);
  gest_store_rollback (f->store);
  g_assert_true (gest_store_begin (f->store, TRUE, NULL));
  b = gest_store_next_folio (f->store, "LIQ", 2026, NULL);
  g_assert_true (gest_store_commit (f->store, NULL));
  /* The rolled-back folio was never issued, so the number is taken again. */
  g_assert_cmpstr (a, ==, "LIQ-2026-000001");
  g_assert_cmpstr (b, ==, "LIQ-2026-000001");
}

static void
set_device_number (GestStore  *store,
                   const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (number == NULL)
    sql = g_strdup ("DELETE FROM sync_state WHERE key = 'device-number'");
  else
    sql = g_strdup_printf ("INSERT INTO sync_state (key, value) VALUES ('device-number', '%s') "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value", number);
  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static char *
next_folio (GestStore  *store,
            const char *prefix,
            int         year,
            GError    **error)
{
  char *folio;

  g_assert_true (gest_store_begin (store, TRUE, NULL));
  folio = gest_store_next_folio (store, prefix, year, error);
  if (folio != NULL)
    g_assert_true (gest_store_commit (store, NULL));
  else
    gest_store_rollback (store);
  return folio;
}

/* X3: a desktop never enrolled makes device 0's series, the numbers of before series existed;
 * an enrolled one (device 7) its own, counted apart per prefix, year and device. */
static void
test_folio_device_series (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *g = NULL, *h = NULL;

  a = next_folio (f->store, "LIQ", 2026, &error);
  b = next_folio (f->store, "LIQ", 2026, &error);
  set_device_number (f->store, "7");
  c = next_folio (f->store, "LIQ", 2026, &error);
  d = next_folio (f->store, "LIQ", 2026, &error);
  e = next_folio (f->store, "LIQ", 2027, &error);
  g = next_folio (f->store, "QJA", 2026, &error);
  /* Device 0's count was kept apart. */
  set_device_number (f->store, "0");
  h = next_folio (f->store, "LIQ", 2026, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (a, ==, "LIQ-2026-000001");
  g_assert_cmpstr (b, ==, "LIQ-2026-000002");
  g_assert_cmpstr (c, ==, "LIQ-2026-070001");
  g_assert_cmpstr (d, ==, "LIQ-2026-070002");
  g_assert_cmpstr (e, ==, "LIQ-2027-070001");
  g_assert_cmpstr (g, ==, "QJA-2026-070001");
  g_assert_cmpstr (h, ==, "LIQ-2026-000003");
}

/* The 9,999th folio of a series is the last; the next fails and takes no number. */
static void
test_folio_series_overflow (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *device_zero = NULL;

  set_device_number (f->store, "99");
  g_assert_true (gest_store_begin (f->store, TRUE, NULL));
  for (int i = 1; i <= 9999; i++)
    {
      g_free (last);
      last = gest_store_next_folio (f->store, "LIQ", 2026, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gest_store_commit (f->store, NULL));
  g_assert_cmpstr (last, ==, "LIQ-2026-999999");

  g_assert_null (next_folio (f->store, "LIQ", 2026, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "This desktop (device 99) has used all 9,999 LIQ folios of its series for 2026. "
                   "Ask Conauto for a new enrollment code and enroll it again in Preferences, Sync "
                   "to get a new device number and series.");
  g_clear_error (&error);
  /* Again: still refused, nothing was taken. */
  g_assert_null (next_folio (f->store, "LIQ", 2026, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);

  other_year = next_folio (f->store, "LIQ", 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other_year, ==, "LIQ-2027-990001");

  /* A desktop never enrolled (device 0) has the whole range: 12,000 is fine, 999,999 is the end. */
  set_device_number (f->store, NULL);
  g_assert_true (gest_store_exec (f->store, "INSERT INTO folio_counters (prefix, year, last) "
                                            "VALUES ('LIQ', 2026, 11999)", &error));
  device_zero = next_folio (f->store, "LIQ", 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (device_zero, ==, "LIQ-2026-012000");
  g_assert_true (gest_store_exec (f->store, "UPDATE folio_counters SET last = 999999 "
                                            "WHERE prefix = 'LIQ' AND year = 2026", &error));
  g_assert_null (next_folio (f->store, "LIQ", 2026, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "All 999,999 LIQ folios of 2026 are used. Ask Conauto for an enrollment code "
                   "and enroll this desktop in Preferences, Sync to get a folio series of its own.");
}

/* A device number that is not 0..99 makes no folio. */
static void
test_folio_bad_device_number (Fixture       *f,
                              gconstpointer  data)
{
  const char *bad[] = { "100", "-1", "7x", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      set_device_number (f->store, bad[i]);
      g_assert_null (next_folio (f->store, "LIQ", 2026, &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
      g_assert_nonnull (strstr (error->message, "Enroll the desktop again"));
    }
}

/* A change alone is its own transaction; inside a caller's it is a savepoint, undone alone
 * when it fails, the caller's work kept. */
static void
test_change_in_caller_transaction (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean own;

  g_assert_true (gest_store_exec (f->store, "CREATE TABLE t (v INTEGER)", &error));
  g_assert_true (gest_store_begin_change (f->store, "alone", &own, &error));
  g_assert_true (own);
  g_assert_true (gest_store_exec (f->store, "INSERT INTO t VALUES (1)", &error));
  g_assert_true (gest_store_end_change (f->store, "alone", own, TRUE, &error));
  g_assert_true (sqlite3_get_autocommit (gest_store_get_db (f->store)));

  g_assert_true (gest_store_begin (f->store, TRUE, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO t VALUES (2)", &error));
  g_assert_true (gest_store_begin_change (f->store, "inner", &own, &error));
  g_assert_false (own);
  g_assert_true (gest_store_exec (f->store, "INSERT INTO t VALUES (3)", &error));
  g_assert_false (gest_store_end_change (f->store, "inner", own, FALSE, &error));
  g_assert_no_error (error);
  /* The caller's transaction is still open, with its own row. */
  g_assert_false (sqlite3_get_autocommit (gest_store_get_db (f->store)));
  g_assert_true (gest_store_begin_change (f->store, "inner", &own, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO t VALUES (4)", &error));
  g_assert_true (gest_store_end_change (f->store, "inner", own, TRUE, &error));
  g_assert_true (gest_store_commit (f->store, &error));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT group_concat (v) = '1,2,4' FROM t"), ==, 1);

  /* Alone and failed: rolled back whole. */
  g_assert_true (gest_store_begin_change (f->store, "alone", &own, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO t VALUES (5)", &error));
  g_assert_false (gest_store_end_change (f->store, "alone", own, FALSE, &error));
  g_assert_true (sqlite3_get_autocommit (gest_store_get_db (f->store)));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM t WHERE v = 5"), ==, 0);
}

static void
test_default_path (void)
{
  g_autofree char *path = gest_store_default_path ();

  g_assert_true (g_str_has_suffix (path, "/gestiona/gestiona.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static void
test_uuid (void)
{
  g_autofree char *a = gest_uuid_new ();
  g_autofree char *b = gest_uuid_new ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "this is not sqlite, just text that is long enough "
                                      "to be mistaken for nothing at all......", -1, NULL));
  store = gest_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (g_str_has_prefix (after, "this is not sqlite"));
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The same text gives the same statement, reset and with its bindings cleared; the store
 * finalizes it (ASan reports a leak otherwise). */
static void
test_prepare_cached (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first, *again;

  first = gest_store_prepare_cached (f->store, "SELECT ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (first, 1, 42);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  again = gest_store_prepare_cached (f->store, "SELECT ?1", &error);
  g_assert_true (again == first);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);
  sqlite3_reset (again);

  g_assert_null (gest_store_prepare_cached (f->store, "SELECT FROM nowhere", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
}

typedef struct
{
  GestStore *holder;
  guint      hold_ms;
} Holder;

static gpointer
release_later (gpointer user_data)
{
  Holder *h = user_data;

  g_usleep (h->hold_ms * 1000);
  g_assert_true (gest_store_commit (h->holder, NULL));
  return NULL;
}

/* X3: while the sync applies a page (a write transaction on its own connection), a save on
 * another connection waits for it and goes through as soon as it ends; it gives up with an
 * error after 5 s, and nothing of it is stored. */
static void
test_write_waits_for_other_connection (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) sync = gest_store_open (f->path, &error);
  Holder h = { sync, 150 };
  g_autofree char *waited = NULL;
  GThread *thread;
  gint64 start;

  g_assert_no_error (error);
  g_assert_true (gest_store_begin (sync, TRUE, &error));
  g_assert_true (gest_store_set_setting (sync, "held", "1", &error));
  thread = g_thread_new ("holder", release_later, &h);
  start = g_get_monotonic_time ();
  g_assert_true (gest_store_set_setting (f->store, "waited", "1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 100 * 1000);
  g_thread_join (thread);

  g_assert_true (gest_store_begin (sync, TRUE, &error));
  start = g_get_monotonic_time ();
  g_assert_false (gest_store_set_setting (f->store, "gave-up", "1", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  gest_store_rollback (sync);
  g_clear_error (&error);
  g_assert_null (gest_store_get_setting (f->store, "gave-up"));
  waited = gest_store_get_setting (sync, "waited");
  g_assert_cmpstr (waited, ==, "1");
}

typedef struct
{
  GestStore *writer;
  gint       done;   /* transactions committed */
  gint       stop;
} Busy;

static gpointer
busy_writer (gpointer user_data)
{
  Busy *b = user_data;

  for (guint i = 0; i < 2000 && !g_atomic_int_get (&b->stop); i++)
    {
      gest_store_let_waiting_writers_in (b->writer);
      g_assert_true (gest_store_begin (b->writer, TRUE, NULL));
      g_assert_true (gest_store_exec (b->writer, "INSERT INTO settings (key, value) VALUES "
                                      "('busy', '1') ON CONFLICT (key) DO UPDATE SET value = value + 1",
                                      NULL));
      g_usleep (3000);
      g_assert_true (gest_store_commit (b->writer, NULL));
      g_atomic_int_inc (&b->done);
    }
  return NULL;
}

/* X3: a connection writing transaction after transaction (the sync applying pages back to
 * back) lets a save of another connection in after its current transaction, instead of
 * winning the lock again every time. */
static void
test_waiting_writer_gets_its_turn (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) sync = gest_store_open (f->path, &error);
  Busy b = { sync, 0, 0 };
  GThread *thread;
  gint before, after;

  g_assert_no_error (error);
  thread = g_thread_new ("busy-writer", busy_writer, &b);
  while (g_atomic_int_get (&b.done) < 5)
    g_usleep (1000);
  before = g_atomic_int_get (&b.done);
  g_assert_true (gest_store_set_setting (f->store, "saved", "1", &error));
  g_assert_no_error (error);
  after = g_atomic_int_get (&b.done);
  g_atomic_int_set (&b.stop, TRUE);
  g_thread_join (thread);
  /* Let in after the transaction it found running, or the next: never starved. */
  g_assert_cmpint (after - before, <, 10);
}

/* Issue 12: the session. A database without users is being set up (everything allowed, as
 * before); once a user can sign in, nobody signed in is refused, and a save acts as the user
 * who asked for it, on the writer's own connection. */
static gboolean
check_in_save (GestStore  *store,
               gpointer    data,
               GError    **error)
{
  char **seen = data;

  seen[0] = gest_store_get_user_name (store);
  return gest_store_check_permission (store, GEST_PERMISSION_ROUTING_SETTINGS, error);
}

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUser) manager = gest_user_new ("u-1", "laura", "Laura Gómez", GEST_ROLE_GENERAL_MANAGER);
  g_autoptr(GestUser) analyst = gest_user_new ("u-2", "ana", "Ana López", GEST_ROLE_CS_ANALYST);
  g_autoptr(GAsyncResult) result = NULL;
  char *seen[1] = { NULL };

  g_assert_false (gest_store_has_users (f->store));
  g_assert_true (gest_store_check_permission (f->store, GEST_PERMISSION_MANAGE_USERS, &error));
  g_assert_no_error (error);

  /* A user without a password cannot sign in: still being set up. */
  g_assert_true (gest_store_exec (f->store,
                                  "INSERT INTO users (uuid, name, role, login) "
                                  "VALUES ('u-1', 'Laura Gómez', 'general-manager', 'laura')", &error));
  g_assert_false (gest_store_has_users (f->store));
  g_assert_true (gest_store_exec (f->store, "UPDATE users SET password_hash = '$argon2id$x'", &error));
  g_assert_true (gest_store_has_users (f->store));
  g_assert_false (gest_store_check_permission (f->store, GEST_PERMISSION_EDIT_CUSTOMERS, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Nobody is signed in. Sign in (in the command line, with --user LOGIN) and try again.");
  g_clear_error (&error);

  gest_store_set_user (f->store, analyst);
  g_assert_true (gest_store_get_user (f->store) == analyst);
  /* The dealer's settings are checked where they are saved, whoever saves them. */
  g_assert_false (gest_store_set_setting (f->store, "dealer.name", "Ford Satélite", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Ana López (Customer service analyst) cannot change the dealer’s settings: it is for "
                   "General manager. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  g_assert_false (gest_store_set_setting (f->store, "smtp.host", "smtp.example.com", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (gest_store_set_setting (f->store, "ui.something", "1", &error));
  g_assert_no_error (error);
  seen[0] = gest_store_get_user_name (f->store);
  g_assert_cmpstr (seen[0], ==, "Ana López");
  g_clear_pointer (&seen[0], g_free);
  g_assert_cmpint (gest_store_get_user_role (f->store), ==, GEST_ROLE_CS_ANALYST);

  /* The save asked as the analyst runs as the analyst, even if the manager signs in before it
   * runs. */
  gest_store_write_async (f->store, check_in_save, seen, NULL, NULL, gest_test_result_cb, &result);
  gest_store_set_user (f->store, manager);
  WAIT_UNTIL (result != NULL);
  g_assert_false (gest_store_write_finish (f->store, result, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (seen[0], ==, "Ana López");
  g_clear_pointer (&seen[0], g_free);
  g_clear_error (&error);
  g_clear_object (&result);

  gest_store_write_async (f->store, check_in_save, seen, NULL, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (gest_store_write_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen[0], ==, "Laura Gómez");
  g_clear_pointer (&seen[0], g_free);

  g_assert_true (gest_store_set_setting (f->store, "dealer.name", "Ford Satélite", &error));
  g_assert_no_error (error);

  gest_store_set_user (f->store, NULL);
  g_assert_null (gest_store_get_user (f->store));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open-pragmas", Fixture, NULL, fixture_setup, test_open_pragmas, fixture_teardown);
  g_test_add ("/store/foreign-keys", Fixture, NULL, fixture_setup, test_foreign_keys_enforced, fixture_teardown);
  g_test_add ("/store/bad-sql-error", Fixture, NULL, fixture_setup, test_bad_sql_error, fixture_teardown);
  g_test_add ("/store/settings", Fixture, NULL, fixture_setup, test_settings, fixture_teardown);
  g_test_add ("/store/users/session", Fixture, NULL, fixture_setup, test_session, fixture_teardown);
  g_test_add ("/store/T2/routing-settings", Fixture, NULL, fixture_setup, test_routing_settings, fixture_teardown);
  g_test_add ("/store/folio/sequence-per-prefix-and-year", Fixture, NULL, fixture_setup, test_folio_sequence, fixture_teardown);
  g_test_add ("/store/folio/rollback", Fixture, NULL, fixture_setup, test_folio_rollback_reuses_nothing_committed, fixture_teardown);
  g_test_add ("/store/X3/folio-device-series", Fixture, NULL, fixture_setup, test_folio_device_series, fixture_teardown);
  g_test_add ("/store/X3/folio-series-overflow", Fixture, NULL, fixture_setup, test_folio_series_overflow, fixture_teardown);
  g_test_add ("/store/X3/folio-bad-device-number", Fixture, NULL, fixture_setup, test_folio_bad_device_number, fixture_teardown);
  g_test_add ("/store/prepare-cached", Fixture, NULL, fixture_setup, test_prepare_cached, fixture_teardown);
  g_test_add ("/store/X3/write-waits-for-other-connection", Fixture, NULL, fixture_setup,
              test_write_waits_for_other_connection, fixture_teardown);
  g_test_add ("/store/X3/waiting-writer-gets-its-turn", Fixture, NULL, fixture_setup,
              test_waiting_writer_gets_its_turn, fixture_teardown);
  g_test_add ("/store/change-in-caller-transaction", Fixture, NULL, fixture_setup,
              test_change_in_caller_transaction, fixture_teardown);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/uuid", test_uuid);
  g_test_add_func ("/store/not-a-database", test_not_a_database);

  return g_test_run ();
}
