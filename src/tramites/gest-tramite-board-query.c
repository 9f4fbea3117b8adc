/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-board-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-tramite.h"
#include "gest-tramite-board-query.h"

/* The text filter. Words: trámites whose folio, plan or customer the FTS index finds (it
 * holds one row per customer, plan, vehicle and trámite), joined to trámites by key; the
 * MATCH runs once, materialized, not once per join. A typed folio prefix ("LIQ-2026-0001"): a
 * range on the unique folio index, which is exact and avoids intersecting the huge doclists
 * of tokens every folio shares ("liq", the year). Both are "rowid IN (…)" lists, so SQLite
 * still walks the step index in step_since order and only probes the list. */
#define FTS_HITS \
  "WITH hits (kind, uuid) AS MATERIALIZED" \
  " (SELECT kind, uuid FROM search_index WHERE search_index MATCH :q) "
#define FTS_FILTER \
  " AND t.rowid IN (" \
  "   SELECT t2.rowid FROM hits h JOIN tramites t2 ON t2.uuid = h.uuid WHERE h.kind = 'tramite'" \
  "   UNION ALL" \
  "   SELECT t2.rowid FROM hits h JOIN tramites t2 ON t2.plan_uuid = h.uuid WHERE h.kind = 'plan'" \
  "   UNION ALL" \
  "   SELECT t2.rowid FROM hits h JOIN plans p ON p.customer_uuid = h.uuid" \
  "                               JOIN tramites t2 ON t2.plan_uuid = p.uuid" \
  "    WHERE h.kind = 'customer')"
#define FOLIO_FILTER \
  " AND t.rowid IN (SELECT rowid FROM tramites WHERE folio >= :lo AND folio < :hi)"
#define OVERDUE_FILTER " AND t.agreed_date < :today AND t.payment_amount IS NULL"
#define MINE_FILTER    " AND t.created_by = :user"

/* Every word of the user's text becomes a quoted FTS5 prefix term ("word"*), so no user text
 * reaches the MATCH syntax; words are what unicode61 would split on. */
static char *
build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

void
gest_tramite_board_query_init (GestTramiteBoardQuery *query,
                               const GestBoardFilter *filter,
                               const char            *user,
                               const GDate           *today)
{
  memset (query, 0, sizeof *query);

  if (filter->text != NULL && g_utf8_validate (filter->text, -1, NULL))
    {
      g_autofree char *text = g_strstrip (g_utf8_strup (filter->text, -1));
      gsize len = strlen (text);

      /* "LIQ-2026-0001" → [LIQ-2026-0001, LIQ-2026-0002). */
      if (g_str_has_prefix (text, GEST_TRAMITE_FOLIO_PREFIX "-") && (guchar) text[len - 1] < 0x7f)
        {
          query->folio_lo = g_strdup (text);
          query->folio_hi = g_strdup (text);
          query->folio_hi[len - 1]++;
        }
      else
        query->match = build_match (text);
    }

  query->today = gest_date_to_iso (today);
  query->user = g_strdup (user != NULL ? user : "");
  query->overdue_only = filter->overdue_only;
  query->mine_only = filter->mine_only;
}

void
gest_tramite_board_query_clear (GestTramiteBoardQuery *query)
{
  g_clear_pointer (&query->match, g_free);
  g_clear_pointer (&query->folio_lo, g_free);
  g_clear_pointer (&query->folio_hi, g_free);
  g_clear_pointer (&query->today, g_free);
  g_clear_pointer (&query->user, g_free);
}

gboolean
gest_tramite_board_query_is_filtered (const GestTramiteBoardQuery *query)
{
  return query->match != NULL || query->folio_lo != NULL || query->overdue_only || query->mine_only;
}

char *
gest_tramite_board_query_key (const GestTramiteBoardQuery *query)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%d%d", query->match != NULL ? query->match : "",
                          query->folio_lo != NULL ? query->folio_lo : "",
                          query->overdue_only ? query->today : "",
                          query->mine_only ? query->user : "",
                          query->overdue_only, query->mine_only);
}

static char *
query_sql (const GestTramiteBoardQuery *query,
           const char                  *head,
           const char                  *tail)
{
  return g_strconcat (query->match != NULL ? FTS_HITS : "",
                      head,
                      query->match != NULL ? FTS_FILTER : "",
                      query->folio_lo != NULL ? FOLIO_FILTER : "",
                      query->overdue_only ? OVERDUE_FILTER : "",
                      query->mine_only ? MINE_FILTER : "",
                      tail, NULL);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static gboolean
set_sqlite_error (sqlite3       *db,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
               _("Could not read the trámites: %s"), db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* A statement on a read-only connection of its own: SQLite connections must not be shared
 * with the UI thread's, and WAL lets this one read while the UI writes. Closing the statement
 * with close_query() closes the connection. */
static sqlite3_stmt *
open_query (const char                  *db_path,
            const GestTramiteBoardQuery *query,
            const char                  *head,
            const char                  *tail,
            GCancellable                *cancellable,
            GError                     **error)
{
  g_autofree char *sql = query_sql (query, head, tail);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, NULL, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  /* Reading through a memory map spares a million read() calls on a cold connection. */
  sqlite3_exec (db, "PRAGMA mmap_size = 268435456", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, progress_cb, cancellable);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, cancellable, error);
      sqlite3_close (db);
      return NULL;
    }
  bind_named (stmt, ":q", query->match);
  bind_named (stmt, ":lo", query->folio_lo);
  bind_named (stmt, ":hi", query->folio_hi);
  bind_named (stmt, ":today", query->today);
  bind_named (stmt, ":user", query->user);
  return stmt;
}

/* Finishes @stmt after its last step (@rc) and closes its connection. */
static gboolean
close_query (sqlite3_stmt  *stmt,
             int            rc,
             GCancellable  *cancellable,
             GError       **error)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (db, cancellable, error);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

GArray *
gest_tramite_board_query_step (const char                  *db_path,
                               const GestTramiteBoardQuery *query,
                               int                          step,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = open_query (db_path, query,
                     "SELECT t.rowid FROM tramites t WHERE t.deleted = 0 AND t.step = :step",
                     " ORDER BY t.step_since, t.rowid", cancellable, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":step"), step);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!close_query (stmt, rc, cancellable, error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
gest_tramite_board_query_all (const char                  *db_path,
                              const GestTramiteBoardQuery *query,
                              GArray                     **columns,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    columns[i] = NULL;

  /* "+t.deleted" keeps SQLite off the step index here: walking it in order costs one random
   * table read per trámite (2 s at 1,000,000), while a sequential scan, or the rowid list of
   * a text filter, followed by sorting what passed, takes 0.1-0.4 s. */
  stmt = open_query (db_path, query,
                     "SELECT t.step, t.rowid FROM tramites t WHERE +t.deleted = 0",
                     " ORDER BY t.step, t.step_since, t.rowid", cancellable, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    columns[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int step = sqlite3_column_int (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);

      if (gest_tramite_step_is_valid (step))
        g_array_append_val (columns[step - 1], id);
    }
  if (!close_query (stmt, rc, cancellable, error))
    {
      for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
        g_clear_pointer (&columns[i], g_array_unref);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_tramite_board_query_count (const char                  *db_path,
                                const GestTramiteBoardQuery *query,
                                int                          only_step,
                                guint                       *counts,
                                GCancellable                *cancellable,
                                GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (counts, 0, sizeof (guint) * GEST_TRAMITE_N_STEPS);
  stmt = open_query (db_path, query,
                     only_step > 0
                     ? "SELECT t.step, count (*) FROM tramites t WHERE t.deleted = 0 AND t.step = :step"
                     : "SELECT t.step, count (*) FROM tramites t WHERE t.deleted = 0",
                     " GROUP BY t.step", cancellable, error);
  if (stmt == NULL)
    return FALSE;
  if (only_step > 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":step"), only_step);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int step = sqlite3_column_int (stmt, 0);

      if (gest_tramite_step_is_valid (step))
        counts[step - 1] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  return close_query (stmt, rc, cancellable, error);
}
