/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-sql-board-source.h"

G_BEGIN_DECLS

/* GestSqlBoardSource spans two files: gest-sql-board-source.c (the object, the cache, the
 * cards, the moves) and gest-sql-board-query.c (the SQL of one load, on any thread). */

typedef struct
{
  char     *title;
  gboolean  read_only;
} GestSqlBoardColumn;

/* What one load runs: the filter turned into SQL. */
typedef struct
{
  GestSqlBoardClause text;
  char              *today;   /* ISO: what "overdue" compares with */
  char              *user;    /* "mine": the signed-in user's name */
  char              *user_uuid; /* "mine": the signed-in user's uuid ("" in a database being set up) */
  gboolean           overdue_only;
  gboolean           mine_only;
} GestSqlBoardQuery;

typedef struct
{
  char    *key;
  guint    generation;
  GArray **columns;           /* n_columns arrays of ids */
} GestSqlBoardCache;

struct _GestSqlBoardSource
{
  GObject             parent_instance;

  GestStore          *store;
  GestSqlBoardConfig  config;       /* immutable: read by worker threads */
  gpointer            user_data;
  GDestroyNotify      user_data_free;
  GArray             *columns;      /* GestSqlBoardColumn; complete before the first load */
  char               *db_path;      /* immutable */
  char               *live_where;   /* "t.deleted = 0" or "1" */
  char               *scan_where;   /* "+t.deleted = 0": keeps SQLite off the column index */
  GMutex              mutex;
  char               *user_name;    /* guarded by @mutex: "mine" */
  char               *user_uuid;    /* guarded by @mutex: "mine" */
  sqlite3_stmt       *fetch_stmt;   /* on the store's connection, UI thread only */
  sqlite3_stmt       *head_stmt;    /* likewise */
  GMutex              cache_mutex;
  GestSqlBoardCache   cache;        /* guarded by @cache_mutex */
  int                 generation;   /* atomic: bumped by every change the source hears of */
};

static inline guint
gest_sql_board_source_n_columns (GestSqlBoardSource *self)
{
  return self->columns->len;
}

void       gest_sql_board_query_init        (GestSqlBoardSource       *self,
                                             const GestBoardFilter    *filter,
                                             GestSqlBoardQuery        *query);
void       gest_sql_board_query_clear       (GestSqlBoardQuery        *query);
/* Whether text, overdue or mine narrow the board (the column filter does not count). */
gboolean   gest_sql_board_query_is_filtered (const GestSqlBoardQuery  *query);
/* A string that differs whenever the results could. */
char      *gest_sql_board_query_key         (const GestSqlBoardQuery  *query);
/* One column's ids in order (walks the column's index). */
GArray    *gest_sql_board_query_column      (GestSqlBoardSource       *self,
                                             const GestSqlBoardQuery  *query,
                                             guint                     column,
                                             GCancellable             *cancellable,
                                             GError                  **error);
/* Every column's ids in one pass: n_columns arrays. */
GArray   **gest_sql_board_query_all         (GestSqlBoardSource       *self,
                                             const GestSqlBoardQuery  *query,
                                             GCancellable             *cancellable,
                                             GError                  **error);
/* Counts per column with one GROUP BY; @only_column -1 for all. */
gboolean   gest_sql_board_query_count       (GestSqlBoardSource       *self,
                                             const GestSqlBoardQuery  *query,
                                             int                       only_column,
                                             guint                    *counts,
                                             GCancellable             *cancellable,
                                             GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestSqlBoardQuery, gest_sql_board_query_clear)

G_END_DECLS
