/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-board-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-tramite.h"
#include "gest-tramite-board-source.h"

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

#define CARD_SQL \
  "SELECT t.rowid, t.uuid, t.folio, c.name, t.agreed_amount, t.agreed_date," \
  "  t.step_since, t.payment_amount IS NULL, t.step >= 3 AND" \
  "  (t.docs_sent_at IS NULL OR t.payment_proof_uuid IS NULL)," \
  "  (SELECT d.sha256 FROM documents d WHERE d.record_uuid = t.uuid" \
  "     AND d.deleted = 0 AND d.mime_type = 'application/pdf'" \
  "   ORDER BY d.added_at, d.rowid LIMIT 1), t.step " \
  "FROM tramites t " \
  "JOIN plans p ON p.uuid = t.plan_uuid " \
  "JOIN customers c ON c.uuid = p.customer_uuid " \
  "WHERE +t.deleted = 0 AND t.rowid IN"

/* What every card of one fetch compares with: today in the dealer's zone, as a day number
 * (days in step) and as ISO text (overdue, like the filter's SQL); made again when the
 * second changes. UI thread only, like the fetches. */
typedef struct
{
  GTimeZone *tz;          /* the dealer's: parsing it costs more than a fetch */
  gint64     second;      /* of @day and @iso */
  gint64     day;
  char       iso[16];
  char      *date_label;  /* translated once */
} Cards;

static void
cards_free (gpointer data)
{
  Cards *cards = data;

  g_time_zone_unref (cards->tz);
  g_free (cards->date_label);
  g_free (cards);
}

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

static void
text_filter (const char         *text,
             GestSqlBoardClause *clause,
             gpointer            user_data)
{
  g_autofree char *upper = g_strstrip (g_utf8_strup (text, -1));
  gsize len = strlen (upper);
  char *match;

  /* "LIQ-2026-0001" → [LIQ-2026-0001, LIQ-2026-0002). */
  if (g_str_has_prefix (upper, GEST_TRAMITE_FOLIO_PREFIX "-") && (guchar) upper[len - 1] < 0x7f)
    {
      char *hi = g_strdup (upper);

      hi[len - 1]++;
      clause->where = g_strdup (FOLIO_FILTER);
      clause->names = g_strsplit (":lo :hi", " ", -1);
      clause->values = g_new0 (char *, 3);
      clause->values[0] = g_steal_pointer (&upper);
      clause->values[1] = hi;
      return;
    }
  match = build_match (upper);
  if (match == NULL)
    return;
  clause->with = g_strdup (FTS_HITS);
  clause->where = g_strdup (FTS_FILTER);
  clause->names = g_strsplit (":q", " ", -1);
  clause->values = g_new0 (char *, 2);
  clause->values[0] = match;
}

/* The day number (days since 1970-01-01) of @unix_sec in @tz: integer arithmetic on the
 * zone's offset at that moment, no GDateTime per card. */
static gint64
local_day (GTimeZone *tz,
           gint64     unix_sec)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_sec);
  gint64 local = unix_sec + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  /* Floor division: moments before 1970 belong to earlier days. */
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

static void
cards_set_now (Cards  *cards,
               gint64  now)
{
  gint64 second = now / G_USEC_PER_SEC;
  GDate date;

  if (cards->second == second && cards->iso[0] != '\0')
    return;
  cards->second = second;
  cards->day = local_day (cards->tz, second);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (cards->day + 719163)); /* GDate's day 1 is 0001-01-01 */
  g_snprintf (cards->iso, sizeof cards->iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  Cards *cards = user_data;
  g_autofree char *amount = NULL;
  g_autofree char *date_s = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  const char *agreed_iso = (const char *) sqlite3_column_text (stmt, 5);
  gint64 step_since = sqlite3_column_int64 (stmt, 6);
  GestBoardItem *item;
  GDate agreed;

  cards_set_now (cards, now);
  if (agreed_iso != NULL && gest_date_from_iso (agreed_iso, &agreed))
    date_s = gest_date_format (&agreed);
  amount = gest_money_format (sqlite3_column_int64 (stmt, 4));

  if (sqlite3_column_int (stmt, 7) != 0 && agreed_iso != NULL && strcmp (agreed_iso, cards->iso) < 0)
    flags |= GEST_BOARD_ITEM_FLAG_OVERDUE;
  if (sqlite3_column_int (stmt, 8) != 0)
    flags |= GEST_BOARD_ITEM_FLAG_MISSING_DOCS;
  if (sqlite3_column_int (stmt, 10) >= GEST_TRAMITE_N_STEPS)
    flags |= GEST_BOARD_ITEM_FLAG_DONE;

  item = gest_board_item_new (sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              amount, date_s,
                              (int) MAX (0, cards->day - local_day (cards->tz, step_since / G_USEC_PER_SEC)),
                              flags,
                              (const char *) sqlite3_column_text (stmt, 9));
  if (date_s != NULL)
    gest_board_item_set_date_label (item, cards->date_label);
  return item;
}

static gboolean
can_move (GestStore  *store,
          gint64      id,
          guint       column,
          gpointer    user_data,
          GError    **error)
{
  g_autoptr(GestTramite) tramite = gest_tramite_load_by_id (store, id, error);
  GestTramiteChecklist checklist;

  if (tramite == NULL)
    return FALSE;
  gest_tramite_get_checklist (tramite, &checklist);
  if (!gest_tramite_rules_check_move (&checklist, tramite->step, (int) column + 1,
                                      GEST_TRAMITE_ACTOR_DEALER, error))
    return FALSE;
  /* Issue 12: a move back needs a reason, which a card cannot take; the folio's page asks for
   * it. */
  if ((int) column + 1 < tramite->step)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Moving folio %s back to step %d (%s) needs a reason: open the folio and use “Move Back”, which asks for it."),
                   tramite->folio, (int) column + 1, gest_tramite_step_title ((int) column + 1));
      return FALSE;
    }
  return TRUE;
}

/* The writer thread: the dealer's move, checked again inside the save. */
static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_autoptr(GestTramite) tramite = gest_tramite_load_by_id (store, id, error);

  if (tramite == NULL)
    return FALSE;
  return gest_tramite_move (store, tramite->uuid, (int) column + 1, NULL, error);
}

static const GestSqlBoardConfig config = {
  .table = "tramites",
  .alias = "t",
  .live_column = "deleted",
  .column_expr = "t.step",
  .first_value = 1,
  .order = "t.step_since, t.rowid",
  .card_sql = CARD_SQL,
  .overdue_where = " AND t.agreed_date < :today AND t.payment_amount IS NULL",
  .mine_where = " AND t.created_by = :user",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .can_move = can_move,
  .move = move,
};

GestTramiteBoardSource *
gest_tramite_board_source_new (GestStore *store)
{
  GestSqlBoardSource *self;
  Cards *cards;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  cards = g_new0 (Cards, 1);
  cards->tz = gest_dealer_timezone ();
  /* Translators: before the date on a trámite's card, e.g. "Pay by 15/03/2026": the
   * payment date agreed with Conauto. */
  cards->date_label = g_strdup (_("Pay by"));
  self = gest_sql_board_source_new (store, &config, cards, cards_free);
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    gest_sql_board_source_add_column (self, gest_tramite_step_title (step), gest_tramite_step_is_conauto (step));
  return self;
}

void
gest_tramite_board_source_reload (GestTramiteBoardSource *self)
{
  gest_sql_board_source_reload (self);
}

gboolean
gest_tramite_board_source_count_columns (GestTramiteBoardSource  *self,
                                         const GestBoardFilter   *filter,
                                         guint                   *counts,
                                         GCancellable            *cancellable,
                                         GError                 **error)
{
  return gest_sql_board_source_count_columns (self, filter, counts, cancellable, error);
}
