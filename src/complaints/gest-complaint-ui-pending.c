/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-ui-pending"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint.h"
#include "gest-complaint-letter-window.h"
#include "gest-complaint-ui-pending.h"

/* TEMPORARY: see the header. A board with the folio on the cards, and tasks that say they
 * are not there yet. */

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  return gest_board_item_new (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                              NULL, NULL, 0, GEST_BOARD_ITEM_FLAG_NONE, NULL);
}

static const GestSqlBoardConfig config = {
  .table = "complaints",
  .alias = "c",
  .live_column = "deleted",
  .column_expr = "c.stage",
  .first_value = 0,
  .order = "c.stage_since, c.rowid",
  .card_sql = "SELECT c.rowid, c.uuid, c.folio, c.complainant_name FROM complaints c"
              " WHERE +c.deleted = 0 AND c.rowid IN",
  .item_from_row = item_from_row,
};

GestComplaintBoardSource *
gest_complaint_board_source_new (GestStore *store)
{
  GestSqlBoardSource *source = gest_sql_board_source_new (store, &config, NULL, NULL);

  for (int i = 0; i < GEST_N_COMPLAINT_STAGES; i++)
    gest_sql_board_source_add_column (source, gest_complaint_stage_label (i), FALSE);
  return source;
}

GPtrArray *
gest_complaint_list_tasks (GestStore   *store,
                           const char  *complaint_uuid,
                           const char  *assignee_uuid,
                           GError     **error)
{
  return g_ptr_array_new ();
}

gboolean
gest_complaint_add_task (GestStore    *store,
                         const char   *complaint_uuid,
                         const char   *assignee_uuid,
                         const char   *description,
                         const GDate  *due,
                         char        **out_uuid,
                         GError      **error)
{
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, "Tasks are not there yet.");
  return FALSE;
}

gboolean
gest_complaint_task_done (GestStore   *store,
                          const char  *task_uuid,
                          GError     **error)
{
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, "Tasks are not there yet.");
  return FALSE;
}

/* TEMPORARY until wip-letters: its functions the case's page calls. */
void
gest_complaint_in_process_dialog_present (GtkWindow   *parent,
                                          GestContext *context,
                                          const char  *complaint_uuid)
{
}

void
gest_complaint_letter_window_present (GtkWindow   *parent,
                                      GestContext *context,
                                      const char  *complaint_uuid)
{
}
