/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-board-source.h"
#include "gest-tramite-rules.h"

G_BEGIN_DECLS

/* The SQL half of the trámites board (private to GestTramiteBoardSource). Every function
 * opens its own read-only connection to @db_path, so it runs on any thread. */
typedef struct
{
  char     *match;      /* FTS5 query built from the words, NULL without words */
  char     *folio_lo;   /* folio range for a typed folio prefix, NULL otherwise */
  char     *folio_hi;
  char     *today;      /* ISO: what "overdue" compares with */
  char     *user;       /* "mine" */
  gboolean  overdue_only;
  gboolean  mine_only;
} GestTramiteBoardQuery;

void     gest_tramite_board_query_init        (GestTramiteBoardQuery       *query,
                                               const GestBoardFilter       *filter,
                                               const char                  *user,
                                               const GDate                 *today);
void     gest_tramite_board_query_clear       (GestTramiteBoardQuery       *query);
/* Whether text, overdue or mine narrow the board (the step filter does not count). */
gboolean gest_tramite_board_query_is_filtered (const GestTramiteBoardQuery *query);
/* A string that differs whenever the results could. */
char    *gest_tramite_board_query_key         (const GestTramiteBoardQuery *query);

/* One step's ids, oldest step_since first (walks the step index). */
GArray  *gest_tramite_board_query_step        (const char                  *db_path,
                                               const GestTramiteBoardQuery *query,
                                               int                          step,
                                               GCancellable                *cancellable,
                                               GError                     **error);
/* Every step's ids in one pass (for filtered boards, so the filter runs once, not eight
 * times): @columns[i] receives step i + 1's ids, oldest first. */
gboolean gest_tramite_board_query_all         (const char                  *db_path,
                                               const GestTramiteBoardQuery *query,
                                               GArray                     **columns,
                                               GCancellable                *cancellable,
                                               GError                     **error);
/* Counts per step with one GROUP BY; @only_step 0 for all. */
gboolean gest_tramite_board_query_count       (const char                  *db_path,
                                               const GestTramiteBoardQuery *query,
                                               int                          only_step,
                                               guint                       *counts,
                                               GCancellable                *cancellable,
                                               GError                     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestTramiteBoardQuery, gest_tramite_board_query_clear)

G_END_DECLS
