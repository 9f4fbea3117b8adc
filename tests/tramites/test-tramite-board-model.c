/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X1, T6, T7: the trámites board's data source on a demo database, without a display: columns,
 * counts, ordering, card data, filters (text, step, overdue, mine), moves; and the demo data
 * itself (every card could have got to its step). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gest-domain-module.h"
#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-demo.h"
#include "gest-folio.h"
#include "gest-i18n.h"
#include "gest-test-util.h"
#include "gest-tramite.h"
#include "gest-tramite-board-source.h"

#define N_DEMO 400

typedef struct
{
  char                   *dir;
  GestStore              *store;
  GestTramiteBoardSource *source;
  GestBoardSource        *board;   /* borrowed: the source as its interface */
  char                   *today;   /* ISO */
} Fixture;

/* Signs in the demo user @login (issue 12: the demo has one user of every dealer role). */
static void
sign_in_demo_user (Fixture    *f,
                   const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUser) user = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (f->store, "SELECT uuid, name, role FROM users WHERE login = ?1", &error);
  GestRole role;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (gest_role_from_id ((const char *) sqlite3_column_text (stmt, 2), &role));
  user = gest_user_new ((const char *) sqlite3_column_text (stmt, 0), login,
                        (const char *) sqlite3_column_text (stmt, 1), role);
  sqlite3_finalize (stmt);
  gest_store_set_user (f->store, user);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_demo_fill (f->store, N_DEMO, 20260315, NULL, &error));
  g_assert_no_error (error);
  /* Issue 12: the demo has users, so a change needs one signed in. */
  sign_in_demo_user (f, "gerente");
  f->source = gest_tramite_board_source_new (f->store);
  f->board = GEST_BOARD_SOURCE (f->source);
  gest_date_today (&today);
  f->today = gest_date_to_iso (&today);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->source);
  g_assert_finalize_object (f->store);
  g_free (f->today);
  gest_test_tmpdir_free (f->dir);
}

static gint64
sql_count (Fixture    *f,
           const char *sql,
           const char *param)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (f->store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
sql_text (Fixture    *f,
          const char *sql,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (f->store, sql, &error);
  char *text;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The board's move, waited for: the save runs on the store's writer thread. */
static gboolean
move (Fixture  *f,
      gint64    id,
      guint     column,
      GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gest_board_source_move_async (f->board, id, column, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  return gest_board_source_move_finish (f->board, result, error);
}

static GArray *
load (Fixture               *f,
      guint                  column,
      const GestBoardFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = gest_board_source_load_column_ids (f->board, column, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
count (Fixture               *f,
       const GestBoardFilter *filter,
       guint                 *counts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_tramite_board_source_count_columns (f->source, filter, counts, NULL, &error));
  g_assert_no_error (error);
}

/* The loaded ids of every column agree with the counts, under any filter. */
static guint
assert_counts_match_ids (Fixture               *f,
                         const GestBoardFilter *filter)
{
  guint counts[GEST_TRAMITE_N_STEPS];
  guint total = 0;

  count (f, filter, counts);
  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      g_autoptr(GArray) ids = load (f, c, filter);

      g_assert_cmpuint (ids->len, ==, counts[c]);
      total += counts[c];
    }
  return total;
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpuint (gest_board_source_get_n_columns (f->board), ==, 8);
  g_assert_cmpstr (gest_board_source_get_column_title (f->board, 0), ==, "Contact Conauto");
  g_assert_cmpstr (gest_board_source_get_column_title (f->board, 3), ==, "Deposit verified");
  g_assert_cmpstr (gest_board_source_get_column_title (f->board, 7), ==, "Finished");
  for (guint c = 0; c < 8; c++)
    g_assert_cmpint (gest_board_source_column_read_only (f->board, c), ==, c >= 3 && c <= 5);
}

/* Counts per column (SQL GROUP BY) match the table, every column holds cards, and each column
 * is ordered oldest-in-step first. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  GestBoardFilter all = { NULL, -1, FALSE, FALSE };
  guint counts[GEST_TRAMITE_N_STEPS];
  guint total = 0;

  count (f, &all, counts);
  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      g_autofree char *step = g_strdup_printf ("%u", c + 1);
      g_autoptr(GArray) ids = load (f, c, &all);
      gint64 last_since = G_MININT64;

      g_assert_cmpuint (counts[c], ==, sql_count (f, "SELECT count (*) FROM tramites WHERE step = ?1", step));
      g_assert_cmpuint (counts[c], >, 0);
      g_assert_cmpuint (ids->len, ==, counts[c]);
      total += counts[c];
      for (guint i = 0; i < ids->len; i++)
        {
          g_autofree char *since = sql_text (f, "SELECT step_since FROM tramites WHERE rowid = ?1",
                                             g_array_index (ids, gint64, i));
          gint64 value = g_ascii_strtoll (since, NULL, 10);

          g_assert_cmpint (value, >=, last_since);
          last_since = value;
        }
    }
  g_assert_cmpuint (total, ==, N_DEMO);
}

/* Every demo card could have got to its step by the rules, and the demo timelines verify. */
static void
test_demo_consistent (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) first = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *aa = NULL;
  int year_now = atoi (f->today);

  for (gint64 id = 1; id <= N_DEMO; id++)
    {
      g_autoptr(GestTramite) t = gest_tramite_load_by_id (f->store, id, &error);
      g_autoptr(GPtrArray) needs = NULL;
      GestTramiteChecklist c;
      int year;
      gint64 number;

      g_assert_no_error (error);
      gest_tramite_get_checklist (t, &c);
      needs = gest_tramite_rules_missing_for_step (&c, t->step);
      g_assert_cmpuint (needs->len, ==, 0);
      g_assert_true (!c.ack_returned || c.invoice_delivered);
      g_assert_true (!c.invoice_delivered || c.invoice_released);
      g_assert_true (!c.invoice_released || c.insurance_cancelled);
      g_assert_true (gest_folio_parse (t->folio, NULL, &year, &number, &error));
      g_assert_cmpint (year, <=, year_now);
      g_assert_cmpint (t->agreed_amount, >, 0);
      g_assert_true (g_date_valid (&t->agreed_date));
    }
  /* Issue 12: every folio past step 2 has a log (one step at a time, by users who may make
   * each move, Conauto's by Conauto), chained correctly; its statement is of the day it was
   * registered; its payment matches the agreed amount unless the log gives the reason. */
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites t WHERE step > 2 AND NOT EXISTS"
                                 " (SELECT 1 FROM activity a WHERE a.record_uuid = t.uuid)", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites t WHERE step > 2 AND"
                                 " (SELECT count (*) FROM activity a WHERE a.record_uuid = t.uuid"
                                 "  AND a.text LIKE 'Moved from step %') != t.step - 2", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM activity WHERE text LIKE 'Moved from step 3 %'"
                                 " AND user_role != 'conauto-liaison'", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM activity WHERE text LIKE 'Moved from step 7 %'"
                                 " AND user_role = 'cs-analyst'", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites WHERE statement_as_of !="
                                 " date (created_at / 1000000, 'unixepoch', 'localtime')", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites t WHERE payment_amount != agreed_amount AND NOT EXISTS"
                                 " (SELECT 1 FROM activity a WHERE a.record_uuid = t.uuid AND a.text LIKE '%Reason: %')",
                              NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites WHERE payment_date <"
                                 " date (created_at / 1000000, 'unixepoch', 'localtime')", NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites t WHERE docs_sent_at IS NOT NULL AND NOT EXISTS"
                                 " (SELECT 1 FROM documents d WHERE d.record_uuid = t.uuid AND d.kind != 'payment-proof')",
                              NULL), ==, 0);
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM (SELECT plan_uuid FROM tramites WHERE step < 8"
                                 " GROUP BY plan_uuid HAVING count (*) > 1)", NULL), ==, 0);
  g_assert_true (gest_activity_log_verify (f->store, NULL, &error));
  g_assert_no_error (error);

  /* Proofs point at a real, stored PDF. */
  g_assert_cmpint (sql_count (f, "SELECT count (*) FROM tramites t WHERE step >= 4 AND NOT EXISTS"
                                 " (SELECT 1 FROM documents d WHERE d.uuid = t.payment_proof_uuid"
                                 "  AND d.kind = 'payment-proof')", NULL), ==, 0);
  sha = sql_text (f, "SELECT sha256 FROM documents WHERE rowid = ?1", 1);
  aa = g_strndup (sha, 2);
  blob = g_build_filename (gest_store_get_files_dir (f->store), aa, sha, NULL);
  g_assert_true (g_file_test (blob, G_FILE_TEST_IS_REGULAR));
  first = gest_tramite_load_by_id (f->store, 1, &error);
  g_assert_nonnull (first);
}

/* Card data: one lookup by id, with flags computed like the filters compute them. */
static void
test_fetch_item (Fixture       *f,
                 gconstpointer  data)
{
  GestBoardFilter all = { NULL, -1, FALSE, FALSE };
  guint seen_overdue = 0, seen_missing = 0, seen_thumbnail = 0;

  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      g_autoptr(GArray) ids = load (f, c, &all);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(GestBoardItem) item = gest_board_source_fetch_item (f->board, id);
          g_autoptr(GestTramite) t = gest_tramite_load_by_id (f->store, id, NULL);
          g_autofree char *amount = gest_money_format (t->agreed_amount);
          g_autofree char *date = gest_date_format (&t->agreed_date);
          GDate today;
          GestTramiteChecklist ck;
          gboolean overdue, missing;

          gest_date_today (&today);
          gest_tramite_get_checklist (t, &ck);
          overdue = gest_tramite_is_overdue (t, &today);
          missing = t->step >= 3 && (!ck.docs_sent || !ck.payment_proof);

          g_assert_nonnull (item);
          g_assert_cmpint (gest_board_item_get_id (item), ==, id);
          g_assert_cmpstr (gest_board_item_get_uuid (item), ==, t->uuid);
          g_assert_cmpstr (gest_board_item_get_title (item), ==, t->folio);
          g_assert_cmpstr (gest_board_item_get_subtitle (item), ==, t->statement.customer_name);
          g_assert_cmpstr (gest_board_item_get_amount (item), ==, amount);
          g_assert_cmpstr (gest_board_item_get_date (item), ==, date);
          g_assert_cmpint (gest_board_item_get_days_in_column (item), >=, 0);
          g_assert_cmpint (!!(gest_board_item_get_flags (item) & GEST_BOARD_ITEM_FLAG_OVERDUE), ==, overdue);
          g_assert_cmpint (!!(gest_board_item_get_flags (item) & GEST_BOARD_ITEM_FLAG_MISSING_DOCS), ==, missing);
          /* Finished trámites count no days in their step; the date says what it is. */
          g_assert_cmpint (!!(gest_board_item_get_flags (item) & GEST_BOARD_ITEM_FLAG_DONE), ==,
                           t->step == GEST_TRAMITE_N_STEPS);
          g_assert_cmpstr (gest_board_item_get_date_label (item), ==, "Pay by");
          if (t->step >= 4)
            g_assert_nonnull (gest_board_item_get_thumbnail_sha256 (item));
          seen_overdue += overdue;
          seen_missing += missing;
          seen_thumbnail += gest_board_item_get_thumbnail_sha256 (item) != NULL;
        }
    }
  /* The demo shows every kind of card. */
  g_assert_cmpuint (seen_overdue, >, 0);
  g_assert_cmpuint (seen_missing, >, 0);
  g_assert_cmpuint (seen_thumbnail, >, 0);
  g_assert_null (gest_board_source_fetch_item (f->board, 999999));
}

/* Days in step and flags on a card whose data we set. */
static void
test_item_flags (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestBoardItem) item = NULL;
  sqlite3_stmt *stmt;
  GDate past;
  g_autofree char *past_iso = NULL;
  gint64 five_days_ago = gest_timestamp_now () - (gint64) 5 * 86400 * G_USEC_PER_SEC;

  gest_date_today (&past);
  g_date_subtract_days (&past, 3);
  past_iso = gest_date_to_iso (&past);
  stmt = gest_store_prepare (f->store,
                             "UPDATE tramites SET step = 3, step_since = ?1, agreed_date = ?2, payment_amount = NULL,"
                             " payment_date = NULL, payment_reference = NULL, docs_sent_at = NULL WHERE rowid = 1",
                             &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, five_days_ago);
  sqlite3_bind_text (stmt, 2, past_iso, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  item = gest_board_source_fetch_item (f->board, 1);
  g_assert_cmpint (gest_board_item_get_days_in_column (item), ==, 5);
  g_assert_cmpuint (gest_board_item_get_flags (item), ==,
                    GEST_BOARD_ITEM_FLAG_OVERDUE | GEST_BOARD_ITEM_FLAG_MISSING_DOCS);
  g_clear_object (&item);

  g_assert_true (gest_store_exec (f->store, "UPDATE tramites SET step = 2 WHERE rowid = 1", &error));
  item = gest_board_source_fetch_item (f->board, 1);
  g_assert_cmpuint (gest_board_item_get_flags (item), ==, GEST_BOARD_ITEM_FLAG_OVERDUE);
}

static void
test_filter_step (Fixture       *f,
                  gconstpointer  data)
{
  GestBoardFilter only = { NULL, 2, FALSE, FALSE };
  guint counts[GEST_TRAMITE_N_STEPS];

  count (f, &only, counts);
  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      g_autoptr(GArray) ids = load (f, c, &only);

      if (c == 2)
        {
          g_assert_cmpuint (counts[c], ==, sql_count (f, "SELECT count (*) FROM tramites WHERE step = 3", NULL));
          g_assert_cmpuint (counts[c], >, 0);
        }
      else
        g_assert_cmpuint (counts[c], ==, 0);
      g_assert_cmpuint (ids->len, ==, counts[c]);
    }
}

static void
test_filter_overdue (Fixture       *f,
                     gconstpointer  data)
{
  GestBoardFilter overdue = { NULL, -1, TRUE, FALSE };
  guint total = assert_counts_match_ids (f, &overdue);

  g_assert_cmpuint (total, ==, sql_count (f, "SELECT count (*) FROM tramites WHERE agreed_date < ?1"
                                             " AND payment_amount IS NULL", f->today));
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (total, <, N_DEMO);
  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      g_autoptr(GArray) ids = load (f, c, &overdue);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(GestBoardItem) item = gest_board_source_fetch_item (f->board, g_array_index (ids, gint64, i));

          g_assert_true (gest_board_item_get_flags (item) & GEST_BOARD_ITEM_FLAG_OVERDUE);
        }
    }
}

static void
changed_cb (GestBoardSource *source,
            guint           *n)
{
  (*n)++;
}

static void
test_filter_mine (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestBoardFilter mine = { NULL, -1, FALSE, TRUE };
  guint changed = 0;
  guint total;

  /* Issue 12: the demo's trámites are registered by its users, by role; "mine" is the signed-in
   * user's. The general manager (signed in by the fixture) registered none. */
  total = assert_counts_match_ids (f, &mine);
  g_assert_cmpuint (total, ==, 0);

  sign_in_demo_user (f, "analista");
  g_signal_connect (f->source, "changed", G_CALLBACK (changed_cb), &changed);
  gest_tramite_board_source_reload (f->source);
  g_assert_cmpuint (changed, ==, 1);
  total = assert_counts_match_ids (f, &mine);
  g_assert_cmpuint (total, ==, sql_count (f, "SELECT count (*) FROM tramites WHERE created_by = ?1",
                                          "Laura Méndez Ortiz"));
  g_assert_cmpuint (total, >, 0);

  /* Filters combine. */
  mine.overdue_only = TRUE;
  total = assert_counts_match_ids (f, &mine);
  g_assert_cmpuint (total, ==, sql_count (f, "SELECT count (*) FROM tramites WHERE created_by = 'Laura Méndez Ortiz'"
                                             " AND agreed_date < ?1 AND payment_amount IS NULL", f->today));

  /* A filtered board sees its own moves at once, and other changes after reload(). */
  mine.overdue_only = FALSE;
  {
    guint before[GEST_TRAMITE_N_STEPS], after[GEST_TRAMITE_N_STEPS];
    g_autoptr(GArray) registered = NULL;
    gint64 id;

    count (f, &mine, before);
    registered = load (f, 1, &mine);
    g_assert_cmpuint (registered->len, >, 0);
    id = g_array_index (registered, gint64, 0);
    g_assert_true (move (f, id, 2, &error));
    g_assert_no_error (error);
    count (f, &mine, after);
    g_assert_cmpuint (after[1], ==, before[1] - 1);
    g_assert_cmpuint (after[2], ==, before[2] + 1);

    g_assert_true (gest_store_exec (f->store, "UPDATE tramites SET created_by = 'Otro' WHERE created_by = 'Laura Méndez Ortiz'",
                                    &error));
    gest_tramite_board_source_reload (f->source);
    g_assert_cmpuint (changed, ==, 2);
    g_assert_cmpuint (assert_counts_match_ids (f, &mine), ==, 0);
  }
}

static void
test_filter_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GestTramite) t = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint total;
  gboolean found = FALSE;

  /* A folio prefix, typed in lower case: exactly the folios that start with it. */
  t = gest_tramite_load_by_id (f->store, 1, NULL);
  prefix = g_ascii_strdown (t->folio, strlen (t->folio) - 1);
  pattern = g_strdup_printf ("%s%%", t->folio);
  pattern[strlen (t->folio) - 1] = '%';
  pattern[strlen (t->folio)] = '\0';
  filter.text = prefix;
  total = assert_counts_match_ids (f, &filter);
  g_assert_cmpuint (total, ==, sql_count (f, "SELECT count (*) FROM tramites WHERE folio LIKE ?1", pattern));
  g_assert_cmpuint (total, >=, 1);

  /* The customer's name finds the trámite (FTS over customers, joined to trámites). */
  filter.text = t->statement.customer_name;
  total = assert_counts_match_ids (f, &filter);
  g_assert_cmpuint (total, >=, 1);
  g_assert_cmpuint (total, <, N_DEMO);
  {
    g_autoptr(GArray) ids = load (f, t->step - 1, &filter);

    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(GestBoardItem) item = gest_board_source_fetch_item (f->board, g_array_index (ids, gint64, i));

        found |= g_array_index (ids, gint64, i) == t->id;
        g_assert_true (g_str_match_string (t->statement.customer_name, gest_board_item_get_subtitle (item), TRUE));
      }
    g_assert_true (found);
  }

  /* The plan number too. */
  filter.text = t->statement.plan_number;
  total = assert_counts_match_ids (f, &filter);
  g_assert_cmpuint (total, >=, 1);

  /* FTS syntax in the text is taken literally, never as a query. */
  filter.text = (char *) "\"AND* (OR NEAR";
  assert_counts_match_ids (f, &filter);
  filter.text = (char *) "zzzzqqq";
  g_assert_cmpuint (assert_counts_match_ids (f, &filter), ==, 0);
  filter.text = (char *) "   ";
  g_assert_cmpuint (assert_counts_match_ids (f, &filter), ==, N_DEMO);
}

/* T6, T7: a move through the board changes the counts; refusals say why. */
static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GestBoardFilter all = { NULL, -1, FALSE, FALSE };
  guint before[GEST_TRAMITE_N_STEPS], after[GEST_TRAMITE_N_STEPS];
  gint64 id;

  count (f, &all, before);
  ids = load (f, 1, &all);   /* step 2 */
  id = g_array_index (ids, gint64, 0);

  g_assert_true (gest_board_source_can_move (f->board, id, 2, &error));
  g_assert_no_error (error);
  g_assert_false (gest_board_source_can_move (f->board, id, 4, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "A trámite moves one step at a time: from step 2 (Registered) it can go forward to step 3 "
                   "(Documents and payment) or back to step 1 (Contact Conauto).");
  g_clear_error (&error);

  g_assert_true (move (f, id, 2, &error));
  g_assert_no_error (error);
  count (f, &all, after);
  g_assert_cmpuint (after[1], ==, before[1] - 1);
  g_assert_cmpuint (after[2], ==, before[2] + 1);
  {
    g_autoptr(GArray) column3 = load (f, 2, &all);

    /* Just moved: newest in the step, so last. */
    g_assert_cmpint (g_array_index (column3, gint64, column3->len - 1), ==, id);
  }

  /* T7: from the dealer's board, step 3 → 4 is Conauto's. */
  g_assert_false (gest_board_source_can_move (f->board, id, 3, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_true (g_str_has_prefix (error->message, "Steps 4 to 6 are Conauto’s"));
  g_clear_error (&error);
  g_assert_false (move (f, id, 3, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);
  count (f, &all, before);
  g_assert_cmpmem (before, sizeof before, after, sizeof after);
}

static gpointer
load_in_thread (gpointer data)
{
  Fixture *f = data;
  GestBoardFilter all = { NULL, -1, FALSE, FALSE };
  guint total = 0;

  for (guint c = 0; c < GEST_TRAMITE_N_STEPS; c++)
    {
      GArray *ids = gest_board_source_load_column_ids (f->board, c, &all, NULL, NULL);

      g_assert_nonnull (ids);
      total += ids->len;
      g_array_unref (ids);
    }
  return GUINT_TO_POINTER (total);
}

/* Column loading runs on worker threads with their own connections. */
static void
test_threads_and_cancel (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GestBoardFilter all = { NULL, -1, FALSE, FALSE };
  GThread *threads[3];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("board-load", load_in_thread, f);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, N_DEMO);

  g_cancellable_cancel (cancellable);
  g_assert_null (gest_board_source_load_column_ids (f->board, 0, &all, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/board-model/X1/columns", test_columns);
  ADD ("/board-model/T6/counts-and-order", test_counts);
  ADD ("/board-model/T6/demo-consistent", test_demo_consistent);
  ADD ("/board-model/X1/fetch-item", test_fetch_item);
  ADD ("/board-model/X1/item-flags", test_item_flags);
  ADD ("/board-model/X1/filter-step", test_filter_step);
  ADD ("/board-model/X1/filter-overdue", test_filter_overdue);
  ADD ("/board-model/X1/filter-mine", test_filter_mine);
  ADD ("/board-model/X1/filter-text", test_filter_text);
  ADD ("/board-model/T6-T7/move", test_move);
  ADD ("/board-model/X1/threads-and-cancel", test_threads_and_cancel);

  return g_test_run ();
}
