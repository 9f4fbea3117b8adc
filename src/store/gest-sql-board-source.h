/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-board-source.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* A GestBoardSource over one SQL table, which a module configures instead of writing one:
 * the cache of filtered columns, the data generations, the batched card fetch, the first
 * cards of a column (head), the counting and the threads are here; the module gives the SQL
 * and a few functions (GestSqlBoardConfig). No widgets here.
 *
 * - Columns: gest_sql_board_source_add_column(), in order. Column c holds the live rows whose
 *   @column_expr equals @first_value + c.
 * - load_column_ids() and gest_sql_board_source_count_columns() run on any thread: each call
 *   opens its own read-only connection to the store's file; SQL filters, sorts (@order) and
 *   counts. An unfiltered column walks its index (@column_expr, then @order, e.g. an index on
 *   (step, step_since)); a filtered board runs its filter once for every column, in one
 *   scan, and keeps the result until the filter or the data changes.
 * - Filters: text through @text_filter; "overdue" adds @overdue_where (":today" is today in
 *   the dealer's zone, ISO); "mine" adds @mine_where (":user" is the store's user name,
 *   ":user_uuid" the signed-in user's uuid, both read again by gest_sql_board_source_reload()).
 * - fetch_item(s), load_column_head() and can_move() run on the store's thread (the UI);
 *   moves run @move on the store's writer thread (gest_store_write_async()). */

/* Part of a filter's SQL: @with goes before the SELECT ("WITH hits AS (…) "), @where after
 * the table's conditions (" AND …"); @names and @values are the named text parameters they
 * use (":q"), NULL-terminated, in the same order. Every field may be NULL. */
typedef struct
{
  char  *with;
  char  *where;
  GStrv  names;
  GStrv  values;
} GestSqlBoardClause;

void gest_sql_board_clause_clear (GestSqlBoardClause *clause);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestSqlBoardClause, gest_sql_board_clause_clear)

/* Any thread. Fills @clause for the user's @text (neither NULL nor blank); leaving @where
 * NULL means the text narrows nothing. */
typedef void           (*GestSqlBoardTextFunc)    (const char          *text,
                                                   GestSqlBoardClause  *clause,
                                                   gpointer             user_data);
/* UI thread. One card from a row of @card_sql. @now is g_get_real_time() of the fetch (the
 * same for every row of one fetch). */
typedef GestBoardItem *(*GestSqlBoardItemFunc)    (sqlite3_stmt        *stmt,
                                                   gint64               now,
                                                   gpointer             user_data);
/* UI thread. Whether the row @id may go to @column; FALSE with a GEST_ERROR_REFUSED @error
 * saying exactly what is missing. */
typedef gboolean       (*GestSqlBoardCanMoveFunc) (GestStore           *store,
                                                   gint64               id,
                                                   guint                column,
                                                   gpointer             user_data,
                                                   GError             **error);
/* The store's writer thread, inside its transaction: checks again and moves @id to
 * @column on @store (the writer's connection, not the source's). */
typedef gboolean       (*GestSqlBoardMoveFunc)    (GestStore           *store,
                                                   gint64               id,
                                                   guint                column,
                                                   gpointer             user_data,
                                                   GError             **error);

typedef struct
{
  const char              *table;          /* "notes" */
  const char              *alias;          /* "t": every SQL fragment names the table so */
  const char              *live_column;    /* 0 on live rows ("deleted"), or NULL */
  /* " AND …" every query of the source adds: a board of one parent's rows (its values
   * written in, not parameters), or NULL. Copied by gest_sql_board_source_new(). */
  const char              *scope_where;
  const char              *column_expr;    /* "t.step" */
  int                      first_value;    /* @column_expr of column 0 */
  const char              *order;          /* "t.step_since, t.rowid": the order in a column */
  /* The card query without its id list: "SELECT … FROM t … WHERE … AND t.rowid IN";
   * the source appends "(?1, …, ?32)". Its rows go to @item_from_row. */
  const char              *card_sql;
  const char              *overdue_where;  /* " AND …" with :today, or NULL */
  const char              *mine_where;     /* " AND …" with :user or :user_uuid, or NULL */
  GestSqlBoardTextFunc     text_filter;    /* NULL: text narrows nothing */
  GestSqlBoardItemFunc     item_from_row;
  GestSqlBoardCanMoveFunc  can_move;       /* NULL: every move is allowed */
  GestSqlBoardMoveFunc     move;           /* NULL: cards do not move */
} GestSqlBoardConfig;

#define GEST_TYPE_SQL_BOARD_SOURCE (gest_sql_board_source_get_type ())
G_DECLARE_FINAL_TYPE (GestSqlBoardSource, gest_sql_board_source, GEST, SQL_BOARD_SOURCE, GObject)

/* @config and its strings must outlive the source (a static const in the module). */
GestSqlBoardSource *gest_sql_board_source_new           (GestStore                *store,
                                                         const GestSqlBoardConfig *config,
                                                         gpointer                  user_data,
                                                         GDestroyNotify            user_data_free);
/* Before the source is given to a board. @title is translated. */
void                gest_sql_board_source_add_column    (GestSqlBoardSource       *self,
                                                         const char               *title,
                                                         gboolean                  read_only);
GestStore          *gest_sql_board_source_get_store     (GestSqlBoardSource       *self);
/* Re-reads the current user (for "mine") and emits GestBoardSource::changed. Call it after
 * changes the board did not make itself (CLI, sync, a detail page). */
void                gest_sql_board_source_reload        (GestSqlBoardSource       *self);
/* Any thread. Fills @counts (one per column) under @filter with one SQL GROUP BY; columns
 * excluded by filter->column count 0. */
gboolean            gest_sql_board_source_count_columns (GestSqlBoardSource       *self,
                                                         const GestBoardFilter    *filter,
                                                         guint                    *counts,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);

G_END_DECLS
