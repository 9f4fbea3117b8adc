/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-server-db.h"
#include "gest-server-records.h"

JsonObject *
gest_json_object_parse (const char  *text,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The JSON text is not an object."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

char *
gest_json_object_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

gboolean
gest_record_lock_dealer (PGconn      *conn,
                         const char  *dealer_id,
                         GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "SELECT last_seq FROM dealers WHERE id = $1 FOR NO KEY UPDATE",
                                           1, dealer_id);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no dealer %s: create it with gestiona-server admin create-dealer."),
                   dealer_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_record_load (PGconn           *conn,
                  const char       *dealer_id,
                  const char       *entity,
                  const char       *uuid,
                  GestRecordState  *state,
                  GError          **error)
{
  g_autoptr(PGresult) res = NULL;

  gest_record_state_clear (state);
  res = gest_pg_query (conn, error,
                       "SELECT version, deleted, data, field_versions FROM records"
                       " WHERE dealer_id = $1 AND entity = $2 AND uuid = $3",
                       3, dealer_id, entity, uuid);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;

  state->exists = TRUE;
  state->version = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  state->deleted = g_str_equal (PQgetvalue (res, 0, 1), "t");
  state->data = gest_json_object_parse (PQgetvalue (res, 0, 2), error);
  if (state->data == NULL)
    return FALSE;
  state->field_versions = gest_json_object_parse (PQgetvalue (res, 0, 3), error);
  return state->field_versions != NULL;
}

gboolean
gest_record_save (PGconn           *conn,
                  const char       *dealer_id,
                  const char       *entity,
                  const char       *uuid,
                  gint64            seq,
                  GestRecordState  *state,
                  GError          **error)
{
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  g_autofree char *data = gest_json_object_text (state->data);
  g_autofree char *field_versions = gest_json_object_text (state->field_versions);
  g_autoptr(PGresult) res = NULL;

  res = gest_pg_query (conn, error,
                       "INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)"
                       " VALUES ($1, $2, $3, $4, $5, $6, $7)"
                       " ON CONFLICT (dealer_id, entity, uuid) DO UPDATE SET"
                       "   version = EXCLUDED.version, deleted = EXCLUDED.deleted,"
                       "   data = EXCLUDED.data, field_versions = EXCLUDED.field_versions",
                       7, dealer_id, entity, uuid, version, state->deleted ? "t" : "f",
                       data, field_versions);
  if (res == NULL)
    return FALSE;
  state->exists = TRUE;
  state->version = seq;
  return TRUE;
}

gint64
gest_record_write_server (PGconn      *conn,
                          const char  *dealer_id,
                          const char  *entity,
                          const char  *uuid,
                          JsonObject  *fields,
                          GError     **error)
{
  GestRecordState state = { 0 };
  gint64 seq = 0;

  if (!gest_record_lock_dealer (conn, dealer_id, error)
      || !gest_record_load (conn, dealer_id, entity, uuid, &state, error)
      || !gest_pg_next_seq (conn, dealer_id, &seq, error))
    {
      gest_record_state_clear (&state);
      return 0;
    }
  gest_record_merge (&state, fields, G_MAXINT64, seq, NULL);
  if (!gest_record_save (conn, dealer_id, entity, uuid, seq, &state, error))
    seq = 0;
  gest_record_state_clear (&state);
  return seq;
}
