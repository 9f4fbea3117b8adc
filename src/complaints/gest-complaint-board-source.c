/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-board-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-complaint-board-source.h"
#include "gest-complaint.h"
#include "gest-date.h"
#include "gest-error.h"

/* The text filter, as the trámites' board: words are FTS5 prefix terms over the search index
 * (the case's own row holds its folio, customer and complainant; a customer's row finds
 * their cases), run once and materialized; a typed folio prefix is a range on the folio's
 * unique index. */
#define FTS_HITS \
  "WITH hits (kind, uuid) AS MATERIALIZED" \
  " (SELECT kind, uuid FROM search_index WHERE search_index MATCH :q) "
#define FTS_FILTER \
  " AND q.rowid IN (" \
  "   SELECT q2.rowid FROM hits h JOIN complaints q2 ON q2.uuid = h.uuid WHERE h.kind = 'complaint'" \
  "   UNION ALL" \
  "   SELECT q2.rowid FROM hits h JOIN complaints q2 ON q2.customer_uuid = h.uuid" \
  "    WHERE h.kind = 'customer')"
#define FOLIO_FILTER \
  " AND q.rowid IN (SELECT rowid FROM complaints WHERE folio >= :lo AND folio < :hi)"

#define CARD_SQL \
  "SELECT q.rowid, q.uuid, q.folio, c.name, q.kind, coalesce (u.name, ''), q.created_at," \
  "  q.stage_since, q.stage, q.last_log_day, q.sla_state " \
  "FROM complaints q " \
  "JOIN customers c ON c.uuid = q.customer_uuid " \
  "LEFT JOIN users u ON u.uuid = q.responsible_uuid " \
  "WHERE +q.deleted = 0 AND q.rowid IN"

/* What the cards of one fetch compare with (UI thread only). */
typedef struct
{
  GTimeZone *tz;
  gint64     second;
  gint64     day;
  char       iso[16];
} Cards;

static void
cards_free (gpointer data)
{
  Cards *cards = data;

  g_time_zone_unref (cards->tz);
  g_free (cards);
}

static char *
build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
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

  if (g_str_has_prefix (upper, GEST_COMPLAINT_FOLIO_PREFIX "-") && (guchar) upper[len - 1] < 0x7f)
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

static gint64
local_day (GTimeZone *tz,
           gint64     unix_sec)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_sec);
  gint64 local = unix_sec + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

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
  g_date_set_julian (&date, (guint32) (cards->day + 719163));
  g_snprintf (cards->iso, sizeof cards->iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  Cards *cards = user_data;
  GestComplaintKind kind = GEST_COMPLAINT_KIND_COMPLAINT;
  const char *responsible = (const char *) sqlite3_column_text (stmt, 5);
  const char *last_day = (const char *) sqlite3_column_text (stmt, 9);
  g_autofree char *line = NULL;
  g_autofree char *open = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  int stage = sqlite3_column_int (stmt, 8);
  int sla = sqlite3_column_int (stmt, 10);
  int days_open;
  GestBoardItem *item;

  cards_set_now (cards, now);
  gest_complaint_kind_from_id ((const char *) sqlite3_column_text (stmt, 4), &kind);
  line = *responsible != '\0'
         ? g_strdup_printf ("%s · %s", gest_complaint_kind_label (kind), responsible)
         : g_strdup (gest_complaint_kind_label (kind));
  days_open = (int) MAX (0, cards->day - local_day (cards->tz, sqlite3_column_int64 (stmt, 6) / G_USEC_PER_SEC));
  /* Translators: on a complaint's card: how long the case has been open. */
  open = g_strdup_printf (ngettext ("%d day open", "%d days open", days_open), days_open);

  if (stage == GEST_COMPLAINT_CLOSED)
    flags |= GEST_BOARD_ITEM_FLAG_DONE;
  else
    {
      /* Q7: no entry of the log today, in the dealer's time zone. */
      if (last_day == NULL || strcmp (last_day, cards->iso) < 0)
        flags |= GEST_BOARD_ITEM_FLAG_OVERDUE;
      if (sla != GEST_COMPLAINT_SLA_ON_TIME)
        flags |= GEST_BOARD_ITEM_FLAG_MISSING_DOCS;
    }

  item = gest_board_item_new (sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              line, stage == GEST_COMPLAINT_CLOSED ? NULL : open,
                              (int) MAX (0, cards->day - local_day (cards->tz, sqlite3_column_int64 (stmt, 7) / G_USEC_PER_SEC)),
                              flags, NULL);
  gest_board_item_set_flag_texts (item,
                                   _("No follow-up today: the case has no call, follow-up or note logged today"),
                                   sla == GEST_COMPLAINT_SLA_MISSED
                                   ? _("SLA missed: the case passed its response or resolution time")
                                   : _("SLA at risk: less than a fifth of the case’s time is left"));
  return item;
}

static gboolean
can_move (GestStore  *store,
          gint64      id,
          guint       column,
          gpointer    user_data,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GestComplaint) complaint = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *uuid = NULL;

  stmt = gest_store_prepare (store, "SELECT uuid FROM complaints WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("The case is no longer on the board."));
      return FALSE;
    }
  uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  complaint = gest_complaint_load (store, uuid, error);
  if (complaint == NULL)
    return FALSE;
  if ((int) column < (int) complaint->stage && complaint->stage != GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Moving case %s back to “%s” needs a reason: open the case and use “Move Back”, which asks for it."),
                   complaint->folio, gest_complaint_stage_label (column));
      return FALSE;
    }
  refusal = gest_complaint_move_refusal (complaint, column, "-");
  if (refusal != NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, refusal);
      return FALSE;
    }
  return TRUE;
}

static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;

  stmt = gest_store_prepare (store, "SELECT uuid FROM complaints WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("The case is no longer on the board."));
      return FALSE;
    }
  uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return gest_complaint_move (store, uuid, column, NULL, error);
}

static const GestSqlBoardConfig config = {
  .table = "complaints",
  .alias = "q",
  .live_column = "deleted",
  .column_expr = "q.stage",
  .first_value = 0,
  .order = "q.stage_since, q.rowid",
  .card_sql = CARD_SQL,
  .overdue_where = " AND q.stage < 6 AND (q.last_log_day IS NULL OR q.last_log_day < :today)",
  .mine_where = " AND q.responsible_uuid = :user_uuid",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .can_move = can_move,
  .move = move,
};

GestComplaintBoardSource *
gest_complaint_board_source_new (GestStore *store)
{
  GestSqlBoardSource *self;
  Cards *cards;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  cards = g_new0 (Cards, 1);
  cards->tz = gest_dealer_timezone ();
  self = gest_sql_board_source_new (store, &config, cards, cards_free);
  for (int stage = 0; stage < GEST_N_COMPLAINT_STAGES; stage++)
    gest_sql_board_source_add_column (self, gest_complaint_stage_label (stage), FALSE);
  return self;
}

void
gest_complaint_board_source_reload (GestComplaintBoardSource *self)
{
  gest_sql_board_source_reload (self);
}

gboolean
gest_complaint_board_source_count_columns (GestComplaintBoardSource  *self,
                                           const GestBoardFilter     *filter,
                                           guint                     *counts,
                                           GCancellable              *cancellable,
                                           GError                   **error)
{
  return gest_sql_board_source_count_columns (self, filter, counts, cancellable, error);
}
