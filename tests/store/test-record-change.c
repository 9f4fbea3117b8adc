/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's record-change helper (gest_record_change_run): begin, reload, check, conditional
 * update, activity entry, commit; and nothing written when any of them fails. A table of the
 * test's own stands for a module's records. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-record-change.h"
#include "gest-test-util.h"

#define RECORD "11111111-1111-4111-8111-111111111111"
#define MISSING "22222222-2222-4222-8222-222222222222"
#define VERSION 1000

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

typedef struct
{
  char   *state;
  gint64  updated_at;
} Request;

/* What one change asks for, and what the test makes its callbacks do. */
typedef struct
{
  const char *new_state;
  gboolean    refuse;        /* the check refuses */
  gboolean    sneak_in;      /* the check changes the row, as another writer would */
  const char *log_text;      /* NULL: "State a → b." */
  guint       loads;
  guint       checks;
} Change;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "change.db", NULL);
  f->store = gest_store_open (path, NULL);
  g_assert_nonnull (f->store);
  g_assert_true (gest_store_set_setting (f->store, "user.name", "Laura Méndez", NULL));
  g_assert_true (gest_store_exec (f->store,
                                  "CREATE TABLE requests (uuid TEXT PRIMARY KEY, state TEXT NOT NULL, "
                                  "  updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0);"
                                  "INSERT INTO requests VALUES ('" RECORD "', 'open', 1000, 0);",
                                  NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->state);
  g_free (request);
}

static gpointer
request_load (GestStore   *store,
              const char  *uuid,
              gint64      *out_version,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Change *change = user_data;
  Request *request;

  change->loads++;
  stmt = gest_store_prepare (store, "SELECT state, updated_at FROM requests WHERE uuid = ?1 AND deleted = 0", error);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, "There is no request %s.", uuid);
      return NULL;
    }
  request = g_new0 (Request, 1);
  request->state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  request->updated_at = sqlite3_column_int64 (stmt, 1);
  *out_version = request->updated_at;
  return request;
}

static gboolean
request_check (GestStore      *store,
               gconstpointer   record,
               gpointer        user_data,
               GError        **error)
{
  Change *change = user_data;

  change->checks++;
  if (change->sneak_in)
    g_assert_true (gest_store_exec (store, "UPDATE requests SET state = 'sneaked', updated_at = updated_at + 1", NULL));
  if (change->refuse)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, "The request is %s and cannot become %s.",
                   ((const Request *) record)->state, change->new_state);
      return FALSE;
    }
  return TRUE;
}

static void
request_bind (sqlite3_stmt  *stmt,
              gconstpointer  record,
              gpointer       user_data)
{
  Change *change = user_data;

  sqlite3_bind_text (stmt, 1, change->new_state, -1, SQLITE_STATIC);
}

static char *
request_describe (gconstpointer record,
                  gpointer      user_data)
{
  Change *change = user_data;

  if (change->log_text != NULL)
    return g_strdup (change->log_text);
  return g_strdup_printf ("State %s → %s.", ((const Request *) record)->state, change->new_state);
}

static const GestRecordChangeSpec spec = {
  .name = "test_request_change",
  .table = "requests",
  .set = "state = ?1",
  .load = request_load,
  .free_record = request_free,
  .check = request_check,
  .bind = request_bind,
  .describe = request_describe,
  .log_kind = GEST_ACTIVITY_STATUS,
};

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The row as the fixture made it, and no activity entry. */
static void
assert_untouched (Fixture *f)
{
  g_autofree char *state = query_text (f->store, "SELECT state FROM requests");

  g_assert_cmpstr (state, ==, "open");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT updated_at FROM requests"), ==, VERSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (gest_store_get_db (f->store)));
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;
  Change change = { .new_state = "closed" };
  gint64 before = g_get_real_time ();

  g_assert_true (gest_record_change_run (f->store, &spec, RECORD, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.loads, ==, 1);
  g_assert_cmpuint (change.checks, ==, 1);

  state = query_text (f->store, "SELECT state FROM requests");
  g_assert_cmpstr (state, ==, "closed");
  /* updated_at is the change's moment, the same in the row and in the entry's hash chain. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT updated_at FROM requests"), >=, before);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE record_uuid = '" RECORD "'"), ==, 1);
  text = query_text (f->store, "SELECT text || ' ' || kind || ' ' || user_name FROM activity");
  g_assert_cmpstr (text, ==, "State open → closed. status Laura Méndez");
  g_assert_true (sqlite3_get_autocommit (gest_store_get_db (f->store)));
}

/* A check that refuses: its error as it was, nothing written, no entry. */
static void
test_check_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Change change = { .new_state = "closed", .refuse = TRUE };

  g_assert_false (gest_record_change_run (f->store, &spec, RECORD, &change, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The request is open and cannot become closed.");
  assert_untouched (f);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Change change = { .new_state = "closed" };

  g_assert_false (gest_record_change_run (f->store, &spec, MISSING, &change, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_assert_cmpuint (change.checks, ==, 0);
  assert_untouched (f);
}

/* The row changed between the reload and the update: a conflict, and nothing of the change
 * is written (the stand-in for the other writer ran inside the change, so it is undone too). */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestRecordChangeSpec own = spec;
  Change change = { .new_state = "closed", .sneak_in = TRUE };

  g_assert_false (gest_record_change_run (f->store, &spec, RECORD, &change, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The record changed while this change was being saved (another window or the sync "
                   "changed it meanwhile). Look at it again and retry.");
  assert_untouched (f);

  /* A module may word it for its records. */
  g_clear_error (&error);
  own.conflict_message = "The request changed meanwhile. Open it again and retry.";
  g_assert_false (gest_record_change_run (f->store, &own, RECORD, &change, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The request changed meanwhile. Open it again and retry.");
  assert_untouched (f);
}

/* Inside the caller's transaction the change is a savepoint: a conflict undoes only the
 * change, the caller's own writes stay; a success commits with the caller. */
static void
test_in_callers_transaction (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  Change conflicting = { .new_state = "closed", .sneak_in = TRUE };
  Change change = { .new_state = "closed" };

  g_assert_true (gest_store_begin (f->store, TRUE, NULL));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO requests VALUES ('" MISSING "', 'open', 5, 0)", NULL));
  g_assert_false (gest_record_change_run (f->store, &spec, RECORD, &conflicting, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  g_assert_false (sqlite3_get_autocommit (gest_store_get_db (f->store)));   /* still the caller's */
  g_assert_true (gest_record_change_run (f->store, &spec, MISSING, &change, NULL));
  g_assert_true (gest_store_commit (f->store, NULL));

  state = query_text (f->store, "SELECT group_concat (state, ',') FROM (SELECT state FROM requests ORDER BY uuid)");
  g_assert_cmpstr (state, ==, "open,closed");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE record_uuid = '" MISSING "'"), ==, 1);
}

/* The entry cannot be appended: the update made before it is rolled back. */
static void
test_rollback_on_log_failure (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Change blank = { .new_state = "closed", .log_text = "   " };
  Change change = { .new_state = "closed" };

  g_assert_false (gest_record_change_run (f->store, &spec, RECORD, &blank, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The entry has no text. Write what happened before adding it.");
  assert_untouched (f);

  /* The store refusing the entry (here a trigger) is the same. */
  g_clear_error (&error);
  g_assert_true (gest_store_exec (f->store,
                                  "CREATE TEMP TRIGGER no_entries BEFORE INSERT ON activity "
                                  "BEGIN SELECT RAISE (ABORT, 'no entries today'); END",
                                  NULL));
  g_assert_false (gest_record_change_run (f->store, &spec, RECORD, &change, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "no entries today"));
  assert_untouched (f);
}

static gboolean
write_change (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  return gest_record_change_run (store, &spec, RECORD, data, error);
}

/* On the store's writer thread, inside its BEGIN IMMEDIATE, as the UI saves. */
static void
test_on_writer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  Change change = { .new_state = "closed" };

  g_assert_true (gest_store_set_read_only (f->store, TRUE, NULL));
  gest_store_write_async (f->store, write_change, &change, NULL, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (gest_store_write_finish (f->store, result, &error));
  g_assert_no_error (error);
  state = query_text (f->store, "SELECT state FROM requests");
  g_assert_cmpstr (state, ==, "closed");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-change/success", test_success);
  ADD ("/record-change/check-refused", test_check_refused);
  ADD ("/record-change/not-found", test_not_found);
  ADD ("/record-change/conflict", test_conflict);
  ADD ("/record-change/in-callers-transaction", test_in_callers_transaction);
  ADD ("/record-change/rollback-on-log-failure", test_rollback_on_log_failure);
  ADD ("/record-change/on-writer-thread", test_on_writer);
#undef ADD

  return g_test_run ();
}
