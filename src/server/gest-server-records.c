/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

GestRecordState *
gest_record_state_new (void)
{
  return g_new0 (GestRecordState, 1);
}

void
gest_record_state_free (GestRecordState *state)
{
  if (state == NULL)
    return;
  gest_record_state_clear (state);
  g_free (state);
}

gboolean
gest_pg_error_is_transient (PGconn         *conn,
                            const PGresult *res)
{
  const char *state = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;

  if (PQstatus (conn) != CONNECTION_OK || state == NULL || strlen (state) != 5)
    return TRUE;
  return g_str_has_prefix (state, "08") || g_str_has_prefix (state, "40")
         || g_str_has_prefix (state, "53") || g_str_has_prefix (state, "57")
         || g_str_has_prefix (state, "58") || g_str_has_prefix (state, "XX");
}

PGresult *
gest_pg_query_classified (PGconn      *conn,
                          GError     **error,
                          const char  *sql,
                          int          n_params,
                          ...)
{
  const char *values[16];
  PGresult *res;
  ExecStatusType status;
  va_list ap;

  g_assert (n_params >= 0 && n_params <= (int) G_N_ELEMENTS (values));
  va_start (ap, n_params);
  for (int i = 0; i < n_params; i++)
    values[i] = va_arg (ap, const char *);
  va_end (ap);

  res = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      const char *message = PQresultErrorMessage (res);
      g_autofree char *stripped = g_strstrip (g_strdup (message != NULL && *message != '\0'
                                                        ? message : PQerrorMessage (conn)));

      g_set_error (error, GEST_ERROR,
                   gest_pg_error_is_transient (conn, res) ? GEST_ERROR_NETWORK : GEST_ERROR_INVALID,
                   _("Database error: %s"), stripped);
      PQclear (res);
      return NULL;
    }
  return res;
}

void
gest_pg_array_append (GString    *array,
                      const char *value)
{
  if (array->len > 1)
    g_string_append_c (array, ',');
  g_string_append_c (array, '"');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, *c);
    }
  g_string_append_c (array, '"');
}

/* Splits "entity\x1fuuid" into two array literals. */
static void
keys_arrays (GPtrArray *keys,
             GString   *entities,
             GString   *uuids)
{
  g_string_assign (entities, "{");
  g_string_assign (uuids, "{");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *sep = strchr (key, '\x1f');
      g_autofree char *entity = g_strndup (key, (gsize) (sep - key));

      gest_pg_array_append (entities, entity);
      gest_pg_array_append (uuids, sep + 1);
    }
  g_string_append_c (entities, '}');
  g_string_append_c (uuids, '}');
}

gboolean
gest_records_load_many (PGconn      *conn,
                        const char  *dealer_id,
                        GPtrArray   *keys,
                        GHashTable  *states,
                        GError     **error)
{
  g_autoptr(GString) entities = g_string_new (NULL);
  g_autoptr(GString) uuids = g_string_new (NULL);
  g_autoptr(PGresult) res = NULL;

  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (states, keys->pdata[i]))
      g_hash_table_insert (states, g_strdup (keys->pdata[i]), gest_record_state_new ());
  if (keys->len == 0)
    return TRUE;

  keys_arrays (keys, entities, uuids);
  res = gest_pg_query_classified (conn, error,
                                  "SELECT r.entity, r.uuid, r.version, r.deleted, r.data, r.field_versions"
                                  " FROM records r JOIN unnest ($2::text[], $3::text[]) AS k (entity, uuid)"
                                  "   ON r.entity = k.entity AND r.uuid = k.uuid"
                                  " WHERE r.dealer_id = $1",
                                  3, dealer_id, entities->str, uuids->str);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autofree char *key = g_strconcat (PQgetvalue (res, i, 0), "\x1f", PQgetvalue (res, i, 1), NULL);
      GestRecordState *state = g_hash_table_lookup (states, key);

      if (state == NULL)
        continue;
      gest_record_state_clear (state);
      state->exists = TRUE;
      state->version = g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10);
      state->deleted = g_str_equal (PQgetvalue (res, i, 3), "t");
      state->data = gest_json_object_parse (PQgetvalue (res, i, 4), error);
      if (state->data == NULL)
        return FALSE;
      state->field_versions = gest_json_object_parse (PQgetvalue (res, i, 5), error);
      if (state->field_versions == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
gest_records_save_many (PGconn      *conn,
                        const char  *dealer_id,
                        GPtrArray   *keys,
                        GHashTable  *states,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) rows = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PGresult) res = NULL;

  if (keys->len == 0)
    return TRUE;

  /* One jsonb array of rows: no quoting of the fields' text in an array literal. */
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *sep = strchr (key, '\x1f');
      g_autofree char *entity = g_strndup (key, (gsize) (sep - key));
      GestRecordState *state = g_hash_table_lookup (states, key);

      g_assert (state != NULL && state->data != NULL && state->field_versions != NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "e");
      json_builder_add_string_value (builder, entity);
      json_builder_set_member_name (builder, "u");
      json_builder_add_string_value (builder, sep + 1);
      json_builder_set_member_name (builder, "v");
      json_builder_add_int_value (builder, state->version);
      json_builder_set_member_name (builder, "x");
      json_builder_add_boolean_value (builder, state->deleted);
      json_builder_set_member_name (builder, "d");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), state->data));
      json_builder_set_member_name (builder, "f");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), state->field_versions));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rows = json_builder_get_root (builder);
  text = json_to_string (rows, FALSE);

  res = gest_pg_query_classified (conn, error,
                                  "INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)"
                                  " SELECT $1, r.e, r.u, r.v, r.x, r.d, r.f"
                                  "   FROM jsonb_to_recordset ($2::jsonb) AS r (e text, u text, v bigint, x boolean, d jsonb, f jsonb)"
                                  " ON CONFLICT (dealer_id, entity, uuid) DO UPDATE SET"
                                  "   version = EXCLUDED.version, deleted = EXCLUDED.deleted,"
                                  "   data = EXCLUDED.data, field_versions = EXCLUDED.field_versions",
                                  2, dealer_id, text);
  if (res == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    ((GestRecordState *) g_hash_table_lookup (states, keys->pdata[i]))->exists = TRUE;
  return TRUE;
}
