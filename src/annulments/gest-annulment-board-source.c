/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-board-source"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-board-source.h"
#include "gest-annulment-saves.h"
#include "gest-annulment.h"
#include "gest-date.h"
#include "gest-error.h"

static void
text_filter (const char         *text,
             GestSqlBoardClause *clause,
             gpointer            user_data)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  if (*clean == '\0')
    return;
  clause->where = g_strdup (" AND (a.folio LIKE :q OR a.city LIKE :q OR a.invoice_number LIKE :q"
                            " OR a.cfdi_uuid LIKE :q OR a.customer_uuid IN"
                            " (SELECT uuid FROM customers WHERE name LIKE :q))");
  clause->names = g_strsplit (":q", " ", -1);
  clause->values = g_new0 (char *, 2);
  clause->values[0] = g_strdup_printf ("%%%s%%", clean);
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  int stage = sqlite3_column_int (stmt, 7);
  gint64 since = sqlite3_column_int64 (stmt, 8);
  int days = since > 0 && now > since ? (int) ((now - since) / ((gint64) 86400 * G_USEC_PER_SEC)) : 0;

  subtitle = g_strdup_printf ("%s · %s", (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
  if (sqlite3_column_int (stmt, 5) != 0)
    amount = gest_money_format (sqlite3_column_int64 (stmt, 6));
  if (stage == GEST_ANNULMENT_REQUEST && sqlite3_column_int (stmt, 9) < GEST_ANNULMENT_N_REQUEST_DOCS)
    flags |= GEST_BOARD_ITEM_FLAG_MISSING_DOCS;
  if (stage == GEST_ANNULMENT_FILED)
    flags |= GEST_BOARD_ITEM_FLAG_DONE;
  return gest_board_item_new (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2), subtitle, amount, NULL,
                              days, flags, NULL);
}

static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT uuid FROM annulments WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (uuid == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This annulment no longer exists."));
      return FALSE;
    }
  return gest_annulment_advance (store, uuid, (GestAnnulmentStage) column, error);
}

static const GestSqlBoardConfig board_config = {
  .table = "annulments",
  .alias = "a",
  .live_column = "deleted",
  .column_expr = "a.stage",
  .first_value = GEST_ANNULMENT_REQUEST,
  .order = "a.stage_since, a.rowid",   /* the index annulments_stage */
  .card_sql = "SELECT a.rowid, a.uuid, a.folio, c.name, a.city, a.with_costs, a.costs_amount,"
              " a.stage, a.stage_since,"
              " (SELECT count (DISTINCT d.kind) FROM documents d WHERE d.record_uuid = a.uuid"
              "  AND d.deleted = 0 AND d.kind IN ('memo', 'invoice', 'customer-letter',"
              "  'answer-letter', 'contact-report'))"
              " FROM annulments a JOIN customers c ON c.uuid = a.customer_uuid"
              " WHERE +a.deleted = 0 AND a.rowid IN",
  .mine_where = " AND a.created_by = :user",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .move = move,
};

GestSqlBoardSource *
gest_annulment_board_source_new (GestStore *store)
{
  GestSqlBoardSource *source;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  source = gest_sql_board_source_new (store, &board_config, NULL, NULL);
  for (guint i = 0; i < GEST_N_ANNULMENT_STAGES; i++)
    gest_sql_board_source_add_column (source, gest_annulment_stage_title (i), i == GEST_ANNULMENT_FILED);
  return source;
}
