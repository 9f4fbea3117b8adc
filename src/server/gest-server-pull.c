/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-records.h"
#include "gest-server-request.h"

#define MAX_LIMIT 5000

/* @value as a JSON string, quoted and escaped by json-glib. */
static void
append_json_string (GString    *text,
                    const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (text, quoted);
}

/* The cursor is the last version the device has; opaque to the desktop. The server writes it
 * in decimal without leading zeros, so any other spelling is not one it gave. */
static gboolean
parse_cursor (const char *text,
              gint64     *out)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if ((text[0] == '0' && text[1] != '\0') || !g_ascii_isdigit (text[0])
      || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

void
gest_server_handle_pull (GestServerRequest *req,
                         PGconn            *conn)
{
  const char *cursor_text = req->query != NULL ? g_hash_table_lookup (req->query, "cursor") : NULL;
  const char *limit_text = req->query != NULL ? g_hash_table_lookup (req->query, "limit") : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *cursor_arg = NULL;
  g_autofree char *limit_arg = NULL;
  g_autofree char *next_cursor = NULL;
  guint64 limit = MAX_LIMIT;
  gint64 cursor = 0;
  gint64 dealer_number = 0;
  int rows;

  if (!parse_cursor (cursor_text, &cursor))
    {
      gest_server_request_error (req, 400, _("The cursor “%s” is not one this server gave: pull from the cursor of the last page, or without one to start over."),
                                 cursor_text);
      return;
    }
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT32, &limit, NULL))
    {
      gest_server_request_error (req, 400, _("The limit “%s” must be a whole number from 1 up (pages have at most %d changes)."),
                                 limit_text, MAX_LIMIT);
      return;
    }
  limit = MIN (limit, MAX_LIMIT);

  cursor_arg = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  limit_arg = g_strdup_printf ("%" G_GUINT64_FORMAT, limit + 1);
  if (!gest_pg_begin_dealer (conn, req->dealer_id, &error))
    goto fail;
  /* A cursor past the dealer's last version was never given by this server (another server's,
   * or a database restored from an older backup): the device must start over, not wait. */
  res = gest_pg_query (conn, &error, "SELECT last_seq, number FROM dealers WHERE id = $1", 1, req->dealer_id);
  if (res == NULL || PQntuples (res) != 1)
    goto fail;
  if (cursor > g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10))
    {
      gest_pg_rollback (conn);
      gest_server_request_error (req, 400, _("The cursor “%s” is not one this server gave: it is past the last change (%s). Pull without a cursor to start over."),
                                 cursor_text, PQgetvalue (res, 0, 0));
      return;
    }
  /* The dealer's number goes with every page: desktops enrolled before dealer numbers learn it
   * there (#16.3). */
  dealer_number = PQgetisnull (res, 0, 1) ? 0 : g_ascii_strtoll (PQgetvalue (res, 0, 1), NULL, 10);
  g_clear_pointer (&res, PQclear);
  /* One statement, one snapshot: the page is consistent. Versions commit in order (the dealer
   * counter row lock), so nothing below the last version returned can still appear. */
  res = gest_pg_query (conn, &error,
                       "SELECT entity, uuid, version, deleted, data FROM records"
                       " WHERE dealer_id = $1 AND version > $2 ORDER BY version LIMIT $3",
                       3, req->dealer_id, cursor_arg, limit_arg);
  if (res == NULL || !gest_pg_commit (conn, &error))
    goto fail;

  /* The page is written as text, change by change: a record's fields are stored as JSON (a
   * jsonb object, checked by the table), so they are copied as they come instead of being
   * parsed into a tree of the whole page, several times its size, for each request. */
  rows = MIN (PQntuples (res), (int) limit);
  text = g_string_sized_new (256 + (gsize) rows * 320);
  g_string_append (text, "{\"changes\":[");
  for (int i = 0; i < rows; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, "{\"entity\":");
      append_json_string (text, PQgetvalue (res, i, 0));
      g_string_append (text, ",\"uuid\":");
      append_json_string (text, PQgetvalue (res, i, 1));
      g_string_append_printf (text, ",\"version\":%" G_GINT64_FORMAT ",\"deleted\":%s,\"fields\":",
                              g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10),
                              g_str_equal (PQgetvalue (res, i, 3), "t") ? "true" : "false");
      g_string_append (text, PQgetvalue (res, i, 4));
      g_string_append_c (text, '}');
    }
  next_cursor = rows > 0 ? g_strdup (PQgetvalue (res, rows - 1, 2)) : g_strdup (cursor_arg);
  g_string_append (text, "],\"cursor\":");
  append_json_string (text, next_cursor);
  /* The largest document this server takes, so enrolled desktops follow a changed limit (#16.4). */
  g_string_append_printf (text, ",\"more\":%s,\"max_blob\":%" G_GINT64_FORMAT,
                          PQntuples (res) > (int) limit ? "true" : "false", req->config->max_blob);
  if (dealer_number > 0)
    g_string_append_printf (text, ",\"dealer_number\":%" G_GINT64_FORMAT, dealer_number);
  g_string_append_c (text, '}');
  gest_server_request_json_text (req, 200, g_string_free_to_bytes (g_steal_pointer (&text)));
  return;

fail:
  gest_pg_rollback (conn);
  g_warning ("pull: %s", error != NULL ? error->message : "?");
  gest_server_request_error (req, 503, _("The server could not read the changes; try again later."));
}
