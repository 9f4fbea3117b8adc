/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's writer (X3): saves run off the UI thread, in order, each in one transaction. */
#include "config.h"

#include <locale.h>

#include "gest-store.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  GestStore *store;
  GestStore *other;   /* another connection, as the sync's */
} Fixture;

typedef struct
{
  int       value;
  gboolean  fail;
  gboolean  ran;
  gint64    rowid;    /* out: the row the save inserted */
  GThread  *thread;   /* out: where the save ran */
} Save;

typedef struct
{
  GArray   *order;      /* values, in the order their callbacks ran */
  GError   *error;      /* of the last failed save */
  gint64    last_rowid;
  GThread  *last_thread;
} Outcome;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = gest_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store, "CREATE TABLE saves (value INTEGER NOT NULL)", &error));
  g_assert_no_error (error);
  f->other = gest_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpuint (gest_store_get_pending_writes (f->store), ==, 0);
  g_assert_finalize_object (f->other);
  /* The writer and its connection go with the store: no save keeps it alive. */
  g_assert_finalize_object (f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->dir);
}

static gboolean
insert_value (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  Save *save = data;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  save->ran = TRUE;
  save->thread = g_thread_self ();
  g_assert_false (sqlite3_get_autocommit (gest_store_get_db (store)));  /* inside BEGIN … COMMIT */
  stmt = gest_store_prepare (store, "INSERT INTO saves (value) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, save->value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  save->rowid = sqlite3_last_insert_rowid (gest_store_get_db (store));
  if (save->fail)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, "value %d refused", save->value);
      return FALSE;
    }
  return TRUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;
  Save *save = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;

  g_array_append_val (outcome->order, save->value);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      g_clear_error (&outcome->error);
      outcome->error = g_steal_pointer (&error);
      return;
    }
  outcome->last_rowid = save->rowid;
  outcome->last_thread = save->thread;
}

static void
save_value (Fixture      *f,
            int           value,
            gboolean      fail,
            GCancellable *cancellable,
            Outcome      *outcome)
{
  Save *save = g_new0 (Save, 1);

  save->value = value;
  save->fail = fail;
  gest_store_write_async (f->store, insert_value, save, g_free, cancellable, saved_cb, outcome);
}

static void
outcome_init (Outcome *outcome)
{
  memset (outcome, 0, sizeof *outcome);
  outcome->order = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
outcome_clear (Outcome *outcome)
{
  g_array_unref (outcome->order);
  g_clear_error (&outcome->error);
}

static void
hold_write_lock (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_begin (f->other, TRUE, &error));
  g_assert_true (gest_store_exec (f->other, "INSERT INTO saves (value) VALUES (-1)", &error));
  g_assert_no_error (error);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  ticks;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->max_gap = MAX (ticks->max_gap, now - ticks->last);
  ticks->last = now;
  ticks->ticks++;
  return G_SOURCE_CONTINUE;
}

/* X3: a save while another connection holds the write lock (the sync applying a page) waits
 * on the writer's thread; the UI thread's main loop keeps running, and its reads see the
 * other connection's last commit. */
static void
test_save_does_not_block_ui_thread (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Outcome outcome;
  Ticks ticks = { 0 };
  guint tick;
  gint64 until;

  outcome_init (&outcome);
  hold_write_lock (f);
  save_value (f, 7, FALSE, NULL, &outcome);
  g_assert_cmpuint (gest_store_get_pending_writes (f->store), ==, 1);

  ticks.last = g_get_monotonic_time ();
  tick = g_timeout_add (5, tick_cb, &ticks);
  until = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  /* 300 ms of a held lock: the save has not finished, the main loop never stopped. */
  g_assert_cmpuint (outcome.order->len, ==, 0);
  g_assert_cmpuint (gest_store_get_pending_writes (f->store), ==, 1);
  g_assert_cmpuint (ticks.ticks, >=, 20);
  g_assert_cmpint (ticks.max_gap, <, 100 * 1000);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM saves"), ==, 0);

  g_assert_true (gest_store_commit (f->other, &error));
  g_assert_no_error (error);
  gest_store_wait_for_writes (f->store);

  g_assert_cmpuint (outcome.order->len, ==, 1);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.last_thread != g_thread_self ());
  /* Seen by the UI thread's connection when the callback runs. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT value FROM saves ORDER BY rowid DESC LIMIT 1"), ==, 7);
  g_assert_cmpint (outcome.last_rowid, ==, 2);
  outcome_clear (&outcome);
}

/* Saves run, and report, in the order they were asked for. */
static void
test_saves_in_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  Outcome outcome;
  int expected = 0;

  outcome_init (&outcome);
  for (int i = 0; i < 200; i++)
    save_value (f, i, FALSE, NULL, &outcome);
  g_assert_cmpuint (gest_store_get_pending_writes (f->store), ==, 200);
  gest_store_wait_for_writes (f->store);

  g_assert_cmpuint (outcome.order->len, ==, 200);
  for (guint i = 0; i < outcome.order->len; i++)
    g_assert_cmpint (g_array_index (outcome.order, int, i), ==, (int) i);
  stmt = gest_store_prepare (f->store, "SELECT value FROM saves ORDER BY rowid", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, expected++);
  sqlite3_finalize (stmt);
  g_assert_cmpint (expected, ==, 200);
  outcome_clear (&outcome);
}

/* A save that fails is rolled back whole (its insert too), its error reaches the caller, and
 * the saves after it still run. */
static void
test_failed_save_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  Outcome outcome;

  outcome_init (&outcome);
  save_value (f, 1, FALSE, NULL, &outcome);
  save_value (f, 2, TRUE, NULL, &outcome);
  save_value (f, 3, FALSE, NULL, &outcome);
  gest_store_wait_for_writes (f->store);

  g_assert_cmpuint (outcome.order->len, ==, 3);
  g_assert_error (outcome.error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (outcome.error->message, ==, "value 2 refused");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM saves WHERE value = 2"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT group_concat(value) = '1,3' FROM saves"), ==, 1);
  outcome_clear (&outcome);
}

/* A save cancelled before the writer reached it does not run; a bad SQL error is reported in
 * words, and nothing is left half-written. */
static void
test_cancelled_before_start (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome;
  Save *cancelled = g_new0 (Save, 1);

  outcome_init (&outcome);
  hold_write_lock (f);
  save_value (f, 1, FALSE, NULL, &outcome);  /* waits for the lock, on the writer */
  cancelled->value = 2;
  gest_store_write_async (f->store, insert_value, cancelled, NULL, cancellable, saved_cb, &outcome);
  g_cancellable_cancel (cancellable);
  g_assert_true (gest_store_commit (f->other, &error));
  gest_store_wait_for_writes (f->store);

  g_assert_cmpuint (outcome.order->len, ==, 2);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cancelled->ran);
  g_free (cancelled);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT group_concat(value) = '-1,1' FROM saves"), ==, 1);
  outcome_clear (&outcome);
}

static gboolean
bad_sql (GestStore  *store,
         gpointer    data,
         GError    **error)
{
  return gest_store_exec (store, "INSERT INTO saves (value) VALUES (5)", error) &&
         gest_store_exec (store, "INSERT INTO no_such_table VALUES (1)", error);
}

static void
test_store_error_in_words (Fixture       *f,
                           gconstpointer  data)
{
  Outcome outcome;
  Save *save = g_new0 (Save, 1);

  outcome_init (&outcome);
  gest_store_write_async (f->store, bad_sql, save, g_free, NULL, saved_cb, &outcome);
  gest_store_wait_for_writes (f->store);
  g_assert_error (outcome.error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (outcome.error->message, "no such table: no_such_table"));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM saves"), ==, 0);
  outcome_clear (&outcome);
}

/* The UI thread's connection made read-only (as the app does): a write on it fails at once
 * instead of waiting; its saves go through the writer's own connection. */
static void
test_read_only_ui_connection (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Outcome outcome;

  outcome_init (&outcome);
  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_false (gest_store_exec (f->store, "INSERT INTO saves (value) VALUES (1)", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "readonly"));
  g_clear_error (&error);

  save_value (f, 2, FALSE, NULL, &outcome);
  gest_store_wait_for_writes (f->store);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT group_concat (value) FROM saves"), ==, 2);

  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO saves (value) VALUES (3)", &error));
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/X3/save-does-not-block-ui-thread", Fixture, NULL, fixture_setup,
              test_save_does_not_block_ui_thread, fixture_teardown);
  g_test_add ("/store/X3/saves-in-order", Fixture, NULL, fixture_setup, test_saves_in_order, fixture_teardown);
  g_test_add ("/store/X3/failed-save-rolls-back", Fixture, NULL, fixture_setup,
              test_failed_save_rolls_back, fixture_teardown);
  g_test_add ("/store/X3/save-cancelled-before-start", Fixture, NULL, fixture_setup,
              test_cancelled_before_start, fixture_teardown);
  g_test_add ("/store/X3/save-error-in-words", Fixture, NULL, fixture_setup,
              test_store_error_in_words, fixture_teardown);

  g_test_add ("/store/X3/read-only-ui-connection", Fixture, NULL, fixture_setup,
              test_read_only_ui_connection, fixture_teardown);

  return g_test_run ();
}
