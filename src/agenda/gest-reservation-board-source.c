/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reservation-board-source"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-workflow.h"
#include "gest-reservation-board-source.h"
#include "gest-reservation-private.h"

/* The column of a reservation: its stored state, but a confirmed one past start + grace is a
 * no-show (column 5). SQLite's clock (unixepoch ('now')) is the same as the desktop's. */
#define GRACE_US \
  "coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = '" GEST_AGENDA_SETTING_GRACE "'), 30)" \
  " * 60000000"
#define COLUMN_EXPR \
  "CASE r.state WHEN 'to-confirm' THEN 0" \
  " WHEN 'confirmed' THEN CASE WHEN r.starts_at + " GRACE_US " <= unixepoch ('now') * 1000000 THEN 5 ELSE 1 END" \
  " WHEN 'arrived' THEN 2 WHEN 'in-workshop' THEN 3 WHEN 'delivered' THEN 4 WHEN 'no-show' THEN 5 ELSE -1 END"

typedef struct
{
  GestSqlBoardConfig  config;
  char               *scope;
  GestAgendaRules     rules;
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
  clause->where = g_strdup (" AND (r.contact_name LIKE :q OR r.contact_plate_vin LIKE :q OR r.contact_phone LIKE :q"
                            " OR r.customer_uuid IN (SELECT uuid FROM customers WHERE name LIKE :q"
                            "  OR phone_mobile LIKE :q)"
                            " OR r.vehicle_uuid IN (SELECT uuid FROM vehicles WHERE vin LIKE :q OR plate LIKE :q))");
  clause->names = g_strsplit (":q", " ", -1);
  clause->values = g_new0 (char *, 2);
  clause->values[0] = g_strdup_printf ("%%%s%%", clean);
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        now,
               gpointer      user_data)
{
  Scope *scope = user_data;
  g_autoptr(GestReservation) r = gest_reservation_from_row (stmt, &scope->rules, now);
  g_autoptr(GString) marks = g_string_new ("");
  g_autofree char *at = gest_agenda_format_time (r->starts_min);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  const char *transport = gest_reservation_transport_label (r->transport);

  title = g_strdup_printf ("%s · %s", at, r->customer_name);
  subtitle = g_strdup_printf ("%s · %s · %s", r->vehicle_label,
                              r->advisor_name != NULL ? r->advisor_name : _("No advisor yet"),
                              transport != NULL ? transport : "");
  if (r->state == GEST_RESERVATION_TO_CONFIRM)
    {
      g_string_append (marks, r->confirm_late ? _("Late") : _("Confirm today"));
      if (r->confirm_late)
        flags |= GEST_BOARD_ITEM_FLAG_OVERDUE;
    }
  if (r->n_open_actions > 0)
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? " · " : "",
                            g_dngettext (GETTEXT_PACKAGE, "Field action", "Field actions", r->n_open_actions));
  if (g_strcmp0 (r->test_drive, "offered") == 0 || g_strcmp0 (r->test_drive, "accepted") == 0)
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? " · " : "", _("Test drive"));
  if (r->needs_invoice)
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? " · " : "", _("Invoice"));
  if (r->state == GEST_RESERVATION_DELIVERED)
    flags |= GEST_BOARD_ITEM_FLAG_DONE;
  return gest_board_item_new (sqlite3_column_int64 (stmt, 28), r->uuid, title, subtitle,
                              marks->len > 0 ? marks->str : NULL, NULL, 0, flags, NULL);
}

static GestReservation *
load_card (GestStore  *store,
           gint64      id,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT uuid FROM reservations WHERE rowid = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The appointment is not in the database any more: refresh the agenda."));
      return NULL;
    }
  return gest_reservation_load (store, (const char *) sqlite3_column_text (stmt, 0), error);
}

static gboolean
can_move (GestStore  *store,
          gint64      id,
          guint       column,
          gpointer    user_data,
          GError    **error)
{
  g_autoptr(GestReservation) r = load_card (store, id, error);
  g_autofree char *moves = NULL;

  if (r == NULL)
    return FALSE;
  if (column == r->state || (r->is_no_show && column == GEST_RESERVATION_NO_SHOW))
    return TRUE;
  if (!gest_store_check_permission (store, gest_agenda_state_permission (column), error))
    return FALSE;
  if (r->state == GEST_RESERVATION_TO_CONFIRM && column == GEST_RESERVATION_CONFIRMED && r->advisor_uuid == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The web booking of %s has no advisor yet: open it and confirm it choosing the advisor."),
                   r->customer_name);
      return FALSE;
    }
  if (gest_agenda_state_move_allowed (r->state, column))
    return TRUE;
  moves = gest_agenda_state_moves_text (r->state);
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("An appointment “%s” cannot go to “%s”: it can go to %s."),
               gest_reservation_state_label (r->state), gest_reservation_state_label (column), moves);
  return FALSE;
}

static gboolean
move (GestStore  *store,
      gint64      id,
      guint       column,
      gpointer    user_data,
      GError    **error)
{
  g_autoptr(GestReservation) r = load_card (store, id, error);

  if (r == NULL)
    return FALSE;
  /* A derived no-show dropped on "No se presentó" is stored as one; on "Confirmada", it stays. */
  return gest_reservation_set_state (store, r->uuid, column, error);
}

static const GestSqlBoardConfig board_config = {
  .table = "reservations",
  .alias = "r",
  .live_column = "deleted",
  .column_expr = COLUMN_EXPR,
  .first_value = 0,
  .order = "r.starts_min, r.rowid",
  .card_sql = GEST_RESERVATION_SELECT_ROWID " WHERE r.rowid IN",
  .overdue_where = " AND r.state = 'to-confirm' AND coalesce (r.confirm_by, :today) <= :today",
  .mine_where = " AND r.advisor_uuid = :user_uuid",
  .text_filter = text_filter,
  .item_from_row = item_from_row,
  .can_move = can_move,
  .move = move,
};

GestSqlBoardSource *
gest_reservation_board_source_new (GestStore  *store,
                                   const char *day)
{
  GestSqlBoardSource *source;
  Scope *scope;
  char *quoted;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  /* The day is written into the SQL, quoted as SQLite quotes a literal. */
  quoted = sqlite3_mprintf ("%Q", day);
  scope = g_new0 (Scope, 1);
  scope->scope = g_strdup_printf (" AND r.day = %s AND r.state NOT IN ('refused', 'cancelled')", quoted);
  sqlite3_free (quoted);
  gest_agenda_rules_load (store, &scope->rules);
  scope->config = board_config;
  scope->config.scope_where = scope->scope;
  source = gest_sql_board_source_new (store, &scope->config, scope, (GDestroyNotify) scope_free);
  for (guint i = 0; i < GEST_RESERVATION_N_COLUMNS; i++)
    gest_sql_board_source_add_column (source, gest_reservation_state_label (i), FALSE);
  return source;
}
