/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sql-board-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-sql-board-source-private.h"

void
gest_sql_board_query_clear (GestSqlBoardQuery *query)
{
  gest_sql_board_clause_clear (&query->text);
  g_clear_pointer (&query->today, g_free);
  g_clear_pointer (&query->user, g_free);
  g_clear_pointer (&query->user_uuid, g_free);
}

void
gest_sql_board_query_init (GestSqlBoardSource    *self,
                           const GestBoardFilter *filter,
                           GestSqlBoardQuery     *query)
{
  GDate today;

  memset (query, 0, sizeof *query);
  if (self->config.text_filter != NULL && filter->text != NULL && g_utf8_validate (filter->text, -1, NULL))
    {
      g_autofree char *text = g_strstrip (g_strdup (filter->text));

      if (*text != '\0')
        self->config.text_filter (text, &query->text, self->user_data);
    }
  gest_date_today (&today);
  query->today = gest_date_to_iso (&today);
  g_mutex_lock (&self->mutex);
  query->user = g_strdup (self->user_name != NULL ? self->user_name : "");
  query->user_uuid = g_strdup (self->user_uuid != NULL ? self->user_uuid : "");
  g_mutex_unlock (&self->mutex);
  query->overdue_only = filter->overdue_only && self->config.overdue_where != NULL;
  query->mine_only = filter->mine_only && self->config.mine_where != NULL;
}

/* Whether text, overdue or mine narrow the board (the column filter does not count). */
gboolean
gest_sql_board_query_is_filtered (const GestSqlBoardQuery *query)
{
  return query->text.where != NULL || query->overdue_only || query->mine_only;
}

/* A string that differs whenever the results could. */
char *
gest_sql_board_query_key (const GestSqlBoardQuery *query)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_string_append_printf (key, "%s\x1f%s\x1f", query->text.with != NULL ? query->text.with : "",
                          query->text.where != NULL ? query->text.where : "");
  for (guint i = 0; query->text.values != NULL && query->text.values[i] != NULL; i++)
    g_string_append_printf (key, "%s\x1f", query->text.values[i]);
  g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%d%d", query->overdue_only ? query->today : "",
                          query->mine_only ? query->user : "", query->mine_only ? query->user_uuid : "",
                          query->overdue_only, query->mine_only);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static char *
query_sql (GestSqlBoardSource      *self,
           const GestSqlBoardQuery *query,
           const char              *head,
           const char              *tail)
{
  return g_strconcat (query->text.with != NULL ? query->text.with : "",
                      head,
                      query->text.where != NULL ? query->text.where : "",
                      query->overdue_only ? self->config.overdue_where : "",
                      query->mine_only ? self->config.mine_where : "",
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
               _("Could not read the cards of the board: %s"),
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* A statement on a read-only connection of its own: SQLite connections must not be shared
 * with the UI thread's, and WAL lets this one read while the UI writes. Closing the statement
 * with close_query() closes the connection. */
static sqlite3_stmt *
open_query (GestSqlBoardSource       *self,
            const GestSqlBoardQuery  *query,
            const char               *head,
            const char               *tail,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autofree char *sql = query_sql (self, query, head, tail);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (sqlite3_open_v2 (self->db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
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
  for (guint i = 0; query->text.names != NULL && query->text.names[i] != NULL; i++)
    bind_named (stmt, query->text.names[i], query->text.values[i]);
  bind_named (stmt, ":today", query->today);
  bind_named (stmt, ":user", query->user);
  bind_named (stmt, ":user_uuid", query->user_uuid);
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

/* One column's ids in order (walks the column's index). */
GArray *
gest_sql_board_query_column (GestSqlBoardSource       *self,
                             const GestSqlBoardQuery  *query,
                             guint                     column,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  sqlite3_stmt *stmt;
  int rc;

  head = g_strdup_printf ("SELECT %s.rowid FROM %s %s WHERE %s AND %s = :column", self->config.alias,
                          self->config.table, self->config.alias, self->live_where, self->config.column_expr);
  tail = g_strdup_printf (" ORDER BY %s", self->config.order);
  stmt = open_query (self, query, head, tail, cancellable, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":column"),
                    self->config.first_value + (int) column);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!close_query (stmt, rc, cancellable, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Every column's ids in one pass (for filtered boards, so the filter runs once, not once a
 * column). Returns n_columns arrays. */
GArray **
gest_sql_board_query_all (GestSqlBoardSource       *self,
                          const GestSqlBoardQuery  *query,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  GArray **columns;
  sqlite3_stmt *stmt;
  guint n = gest_sql_board_source_n_columns (self);
  int rc;

  /* The scan condition keeps SQLite off the column index here: walking it in order costs one
   * random table read per row (2 s at 1,000,000), while a sequential scan, or the rowid list
   * of a text filter, followed by sorting what passed, takes 0.1-0.4 s. */
  head = g_strdup_printf ("SELECT %s, %s.rowid FROM %s %s WHERE %s", self->config.column_expr,
                          self->config.alias, self->config.table, self->config.alias, self->scan_where);
  tail = g_strdup_printf (" ORDER BY %s, %s", self->config.column_expr, self->config.order);
  stmt = open_query (self, query, head, tail, cancellable, error);
  if (stmt == NULL)
    return NULL;

  columns = g_new0 (GArray *, n);
  for (guint i = 0; i < n; i++)
    columns[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 column = sqlite3_column_int64 (stmt, 0) - self->config.first_value;
      gint64 id = sqlite3_column_int64 (stmt, 1);

      if (column >= 0 && column < n)
        g_array_append_val (columns[column], id);
    }
  if (!close_query (stmt, rc, cancellable, error))
    {
      for (guint i = 0; i < n; i++)
        g_array_unref (columns[i]);
      g_free (columns);
      return NULL;
    }
  return columns;
}

/* Counts per column with one GROUP BY; @only_column -1 for all. */
gboolean
gest_sql_board_query_count (GestSqlBoardSource       *self,
                            const GestSqlBoardQuery  *query,
                            int                       only_column,
                            guint                    *counts,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  sqlite3_stmt *stmt;
  int rc;

  memset (counts, 0, sizeof (guint) * gest_sql_board_source_n_columns (self));
  head = g_strdup_printf ("SELECT %s, count (*) FROM %s %s WHERE %s%s%s", self->config.column_expr,
                          self->config.table, self->config.alias, self->live_where,
                          only_column >= 0 ? " AND " : "", only_column >= 0 ? self->config.column_expr : "");
  if (only_column >= 0)
    {
      g_autofree char *with_column = g_strconcat (head, " = :column", NULL);

      g_free (head);
      head = g_steal_pointer (&with_column);
    }
  tail = g_strdup_printf (" GROUP BY %s", self->config.column_expr);
  stmt = open_query (self, query, head, tail, cancellable, error);
  if (stmt == NULL)
    return FALSE;
  if (only_column >= 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":column"),
                      self->config.first_value + only_column);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 column = sqlite3_column_int64 (stmt, 0) - self->config.first_value;

      if (column >= 0 && column < gest_sql_board_source_n_columns (self))
        counts[column] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  return close_query (stmt, rc, cancellable, error);
}

