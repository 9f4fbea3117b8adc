/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-board-source"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign-board-source.h"
#include "gest-campaign-private.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)

typedef struct
{
  GestSqlBoardConfig  config;
  char               *scope;
} Scope;

static void
scope_free (Scope *scope)
{
  g_free (scope->scope);
  g_free (scope);
}

static void
text_filter (const char         *text,
             GestSqlBoardClause *clause,
             gpointer            user_data)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  if (*clean == '\0')
    return;
  clause->where = g_strdup (" AND (cv.list_owner LIKE :q OR cv.vehicle_uuid IN"
                            " (SELECT uuid FROM vehicles WHERE vin LIKE :q OR plate LIKE :q"
                            "  OR customer_uuid IN (SELECT uuid FROM customers WHERE name LIKE :q)))");
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
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  int stage = sqlite3_column_int (stmt, 6);
  gint64 since = sqlite3_column_int64 (stmt, 7);
  const char *closeout_id = (const char *) sqlite3_column_text (stmt, 8);
  const char *model = (const char *) sqlite3_column_text (stmt, 3);
  int year = sqlite3_column_int (stmt, 4);
  const char *owner = (const char *) sqlite3_column_text (stmt, 5);
  int days = since > 0 && now > since ? (int) ((now - since) / DAY_USEC) : 0;
  GestCampaignCloseout closeout;

  if (owner == NULL || *owner == '\0')
    owner = _("Owner unknown");
  if (year > 0)
    subtitle = g_strdup_printf ("%s %d · %s", model, year, owner);
  else
    subtitle = g_strdup_printf ("%s · %s", model, owner);
  if (stage == GEST_CAMPAIGN_TO_CONTACT && days > 7)
    flags |= GEST_BOARD_ITEM_FLAG_OVERDUE;
  if (stage == GEST_CAMPAIGN_CLOSED)
    flags |= GEST_BOARD_ITEM_FLAG_DONE;
  return gest_board_item_new (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2), subtitle,
                              stage == GEST_CAMPAIGN_CLOSED && gest_campaign_closeout_from_id (closeout_id, &closeout)
                              ? gest_campaign_closeout_label (closeout) : NULL,
                              NULL, days, flags, NULL);
}

typedef struct
{
  char              *uuid;
  char              *campaign_uuid;
  char              *vin;
  GestCampaignStage  stage;
  gboolean           holds_parts;
} Card;

static void
card_clear (Card *card)
{
  g_free (card->uuid);
  g_free (card->campaign_uuid);
  g_free (card->vin);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Card, card_clear)

static gboolean
load_card (GestStore  *store,
           gint64      id,
           Card       *card,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT cv.uuid, cv.campaign_uuid, v.vin, cv.stage,"
                                                     " cv.stage BETWEEN 1 AND 3 OR cv.closeout = 'done-here'"
                                                     " FROM campaign_vehicles cv JOIN vehicles v ON v.uuid = cv.vehicle_uuid"
                                                     " WHERE cv.rowid = ?1 AND cv.deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This vehicle is no longer in the campaign."));
      return FALSE;
    }
  card->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  card->campaign_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  card->vin = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  card->stage = CLAMP (sqlite3_column_int (stmt, 3), 0, GEST_CAMPAIGN_CLOSED);
  card->holds_parts = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

static gboolean
can_move (GestStore  *store,
          gint64      id,
          guint       column,
          gpointer    user_data,
          GError    **error)
{
  g_auto(Card) card = { 0 };

  if (!load_card (store, id, &card, error))
    return FALSE;
  if (column < card.stage)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Vehicle %s goes back from “%s” to “%s” only with a reason: open it and move it from its page."),
                   card.vin, gest_campaign_stage_label (card.stage), gest_campaign_stage_label (column));
      return FALSE;
    }
  if (column != GEST_CAMPAIGN_PARTS_PENDING && !card.holds_parts)
    return gest_campaign_check_covered (store, card.campaign_uuid, card.vin, column, error);
  return TRUE;
}

static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_auto(Card) card = { 0 };

  if (!load_card (store, id, &card, error))
    return FALSE;
  if (column == GEST_CAMPAIGN_CLOSED)
    return gest_campaign_vehicle_close (store, card.uuid, GEST_CAMPAIGN_CLOSEOUT_DONE_HERE, NULL, error);
  return gest_campaign_vehicle_move (store, card.uuid, column, NULL, error);
}

static const GestSqlBoardConfig board_config = {
  .table = "campaign_vehicles",
  .alias = "cv",
  .live_column = "deleted",
  .column_expr = "cv.stage",
  .first_value = GEST_CAMPAIGN_PARTS_PENDING,
  .order = "cv.stage_since, cv.rowid",   /* the index campaign_vehicles_board */
  .card_sql = "SELECT cv.rowid, cv.uuid, v.vin, v.model, v.year,"
              " coalesce (c.name, cv.list_owner), cv.stage, cv.stage_since, cv.closeout"
              " FROM campaign_vehicles cv JOIN vehicles v ON v.uuid = cv.vehicle_uuid"
              " LEFT JOIN customers c ON c.uuid = v.customer_uuid"
              " WHERE cv.rowid IN",
  .overdue_where = " AND cv.stage = 1 AND cv.stage_since < (unixepoch (:today) - 7 * 86400) * 1000000",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .can_move = can_move,
  .move = move,
};

GestSqlBoardSource *
gest_campaign_board_source_new (GestStore  *store,
                                const char *campaign_uuid)
{
  GestSqlBoardSource *source;
  Scope *scope;
  char *quoted;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);

  /* The campaign's uuid is written into the SQL, quoted as SQLite quotes a literal. */
  quoted = sqlite3_mprintf ("%Q", campaign_uuid);
  scope = g_new0 (Scope, 1);
  scope->scope = g_strdup_printf (" AND cv.campaign_uuid = %s", quoted);
  sqlite3_free (quoted);
  scope->config = board_config;
  scope->config.scope_where = scope->scope;
  source = gest_sql_board_source_new (store, &scope->config, scope, (GDestroyNotify) scope_free);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    gest_sql_board_source_add_column (source, gest_campaign_stage_label (i), FALSE);
  return source;
}
