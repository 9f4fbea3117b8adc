/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-records.h"
#include "gest-server-request.h"

#define MAX_LIMIT 5000

/* The cursor is the last version the device has; opaque to the desktop. */
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
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
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
  g_autoptr(JsonObject) response = NULL;
  g_autofree char *cursor_arg = NULL;
  g_autofree char *limit_arg = NULL;
  g_autofree char *next_cursor = NULL;
  JsonArray *changes;
  guint64 limit = MAX_LIMIT;
  gint64 cursor = 0;
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
  /* One statement, one snapshot: the page is consistent. Versions commit in order (the dealer
   * counter row lock), so nothing below the last version returned can still appear. */
  res = gest_pg_query (conn, &error,
                       "SELECT entity, uuid, version, deleted, data FROM records"
                       " WHERE dealer_id = $1 AND version > $2 ORDER BY version LIMIT $3",
                       3, req->dealer_id, cursor_arg, limit_arg);
  if (res == NULL || !gest_pg_commit (conn, &error))
    goto fail;

  response = json_object_new ();
  changes = json_array_new ();
  json_object_set_array_member (response, "changes", changes);
  rows = MIN (PQntuples (res), (int) limit);
  for (int i = 0; i < rows; i++)
    {
      JsonObject *change = json_object_new ();
      JsonObject *fields = gest_json_object_parse (PQgetvalue (res, i, 4), &error);

      if (fields == NULL)
        {
          json_object_unref (change);
          goto fail;
        }
      json_object_set_string_member (change, "entity", PQgetvalue (res, i, 0));
      json_object_set_string_member (change, "uuid", PQgetvalue (res, i, 1));
      json_object_set_int_member (change, "version", g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10));
      json_object_set_boolean_member (change, "deleted", g_str_equal (PQgetvalue (res, i, 3), "t"));
      json_object_set_object_member (change, "fields", fields);
      json_array_add_object_element (changes, change);
    }
  next_cursor = rows > 0 ? g_strdup (PQgetvalue (res, rows - 1, 2)) : g_strdup (cursor_arg);
  json_object_set_string_member (response, "cursor", next_cursor);
  json_object_set_boolean_member (response, "more", PQntuples (res) > (int) limit);
  gest_server_request_object (req, 200, response);
  return;

fail:
  gest_pg_rollback (conn);
  g_warning ("pull: %s", error != NULL ? error->message : "?");
  gest_server_request_error (req, 503, _("The server could not read the changes; try again later."));
}
