/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-folios.h"
#include "gest-server-records.h"
#include "gest-server-request.h"

#define MAX_MUTATIONS 500

typedef struct
{
  JsonObject *object;       /* borrowed from the request */
  gint64      n;
  const char *entity;
  const char *uuid;
  gboolean    is_delete;
  gint64      base_version;
  JsonObject *fields;       /* nullable, borrowed */
} Mutation;

/* Checks one mutation's shape. Returns a translated reason, or NULL. */
static char *
parse_mutation (JsonNode *node,
                guint     index,
                Mutation *m)
{
  JsonNode *member;
  const char *op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf (_("Mutation %u is not a JSON object."), index + 1);
  m->object = json_node_get_object (node);

  member = json_object_get_member (m->object, "n");
  if (!gest_json_get_int (member, &m->n) || m->n < 1)
    return g_strdup_printf (_("Mutation %u: “n” must be a whole number from 1 up (the device's outbox number)."),
                            index + 1);

  member = json_object_get_member (m->object, "entity");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return g_strdup_printf (_("Mutation n=%lld: “entity” must be a string."), (long long) m->n);
  m->entity = json_node_get_string (member);
  if (!gest_server_entity_known (m->entity))
    return g_strdup_printf (_("Mutation n=%lld: the server does not know the entity “%s”."),
                            (long long) m->n, m->entity);

  member = json_object_get_member (m->object, "uuid");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING
      || !g_uuid_string_is_valid (json_node_get_string (member)))
    return g_strdup_printf (_("Mutation n=%lld: “uuid” must be a UUID string."), (long long) m->n);
  m->uuid = json_node_get_string (member);

  member = json_object_get_member (m->object, "op");
  op = member != NULL && json_node_get_value_type (member) == G_TYPE_STRING ? json_node_get_string (member) : NULL;
  if (g_strcmp0 (op, "upsert") != 0 && g_strcmp0 (op, "delete") != 0)
    return g_strdup_printf (_("Mutation n=%lld: “op” must be “upsert” or “delete”."), (long long) m->n);
  m->is_delete = g_str_equal (op, "delete");

  m->base_version = 0;
  member = json_object_get_member (m->object, "base_version");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member)
      && (!gest_json_get_int (member, &m->base_version) || m->base_version < 0))
    return g_strdup_printf (_("Mutation n=%lld: “base_version” must be a whole number from 0 up, or null for a new record."),
                            (long long) m->n);

  member = json_object_get_member (m->object, "fields");
  m->fields = NULL;
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    m->fields = json_node_get_object (member);
  else if (!(member == NULL && m->is_delete) && !(member != NULL && JSON_NODE_HOLDS_NULL (member) && m->is_delete))
    return g_strdup_printf (_("Mutation n=%lld: “fields” must be a JSON object."), (long long) m->n);

  return NULL;
}

static JsonObject *
rejected (gint64      n,
          const char *message)
{
  JsonObject *result = json_object_new ();

  json_object_set_int_member (result, "n", n);
  json_object_set_string_member (result, "status", "rejected");
  json_object_set_string_member (result, "error", message);
  return result;
}

/* Validates and applies @m on the locked record; returns the result to store. */
static JsonObject *
apply (PGconn      *conn,
       const char  *dealer_id,
       Mutation    *m,
       GError     **error)
{
  GestRecordState state = { 0 };
  g_autofree char *refusal = NULL;
  g_autoptr(JsonArray) conflicts = json_array_new ();
  JsonObject *result = NULL;
  gint64 seq = 0;

  if (!gest_record_lock_dealer (conn, dealer_id, error)
      || !gest_record_load (conn, dealer_id, m->entity, m->uuid, &state, error))
    goto out;

  refusal = gest_server_check_mutation (m->entity, m->is_delete, m->fields, &state);
  /* #16.3: no folio of another dealer's series. */
  if (refusal == NULL && !m->is_delete &&
      !gest_server_folio_check (conn, dealer_id, m->entity, m->fields, &refusal, error))
    goto out;
  if (refusal != NULL)
    {
      result = rejected (m->n, refusal);
      goto out;
    }

  if (!gest_pg_next_seq (conn, dealer_id, &seq, error))
    goto out;
  if (m->is_delete)
    {
      /* A tombstone keeps the fields. */
      if (state.data == NULL)
        gest_record_merge (&state, m->fields, m->base_version, seq, conflicts);
      state.deleted = TRUE;
    }
  else
    {
      gest_record_merge (&state, m->fields, m->base_version, seq, conflicts);
      state.deleted = FALSE;
    }
  if (!gest_record_save (conn, dealer_id, m->entity, m->uuid, seq, &state, error))
    goto out;

  result = json_object_new ();
  json_object_set_int_member (result, "n", m->n);
  json_object_set_string_member (result, "status", "applied");
  json_object_set_int_member (result, "version", seq);
  json_object_set_array_member (result, "conflicts", json_array_ref (conflicts));

out:
  gest_record_state_clear (&state);
  return result;
}

/* One mutation in its own transaction, exactly once per (device, n). */
static JsonObject *
push_one (GestServerRequest  *req,
          PGconn             *conn,
          Mutation           *m,
          GError            **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), m->object);
  g_autofree char *canonical = gest_json_canonical (node);
  g_autofree char *hash = gest_sha256_hex (canonical);
  g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, m->n);
  g_autofree char *result_text = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(JsonObject) result = NULL;

  if (!gest_pg_begin_dealer (conn, req->dealer_id, error))
    return NULL;

  /* Claims (device, n); a concurrent claim of the same number waits here for the other
   * transaction and then finds its row. */
  res = gest_pg_query (conn, error,
                       "INSERT INTO mutations (dealer_id, device_id, n, payload_sha256)"
                       " VALUES ($1, $2, $3, $4) ON CONFLICT (device_id, n) DO NOTHING RETURNING n",
                       4, req->dealer_id, req->device_id, n, hash);
  if (res == NULL)
    goto fail;

  if (PQntuples (res) == 0)
    {
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query (conn, error,
                           "SELECT payload_sha256, result FROM mutations WHERE device_id = $1 AND n = $2",
                           2, req->device_id, n);
      if (res == NULL || PQntuples (res) != 1 || !gest_pg_commit (conn, error))
        goto fail;
      if (!g_str_equal (PQgetvalue (res, 0, 0), hash))
        /* A fixed protocol string (data/sync-protocol.md), not translated. */
        return rejected (m->n, "mutation number reused with a different payload");
      return gest_json_object_parse (PQgetvalue (res, 0, 1), error);
    }

  result = apply (conn, req->dealer_id, m, error);
  if (result == NULL)
    goto fail;

  result_text = gest_json_object_text (result);
  g_clear_pointer (&res, PQclear);
  res = gest_pg_query (conn, error,
                       "UPDATE mutations SET result = $3 WHERE device_id = $1 AND n = $2",
                       3, req->device_id, n, result_text);
  if (res == NULL || !gest_pg_commit (conn, error))
    goto fail;
  return g_steal_pointer (&result);

fail:
  gest_pg_rollback (conn);
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "mutation %s: no stored result", n);
  return NULL;
}

void
gest_server_handle_push (GestServerRequest *req,
                         PGconn            *conn)
{
  g_autoptr(JsonObject) body = gest_server_request_body_object (req);
  g_autoptr(JsonObject) response = NULL;
  g_autofree Mutation *mutations = NULL;
  JsonArray *results;
  JsonNode *member;
  JsonArray *array;
  guint len;

  if (body == NULL)
    return;
  member = json_object_get_member (body, "mutations");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      gest_server_request_error (req, 400, _("The push body needs “mutations”, a JSON array."));
      return;
    }
  array = json_node_get_array (member);
  len = json_array_get_length (array);
  if (len > MAX_MUTATIONS)
    {
      gest_server_request_error (req, 400, _("A push carries at most %d mutations; this one has %u: send the rest in another request."),
                                 MAX_MUTATIONS, len);
      return;
    }

  /* The whole request is checked before anything is stored. */
  mutations = g_new0 (Mutation, MAX (len, 1));
  for (guint i = 0; i < len; i++)
    {
      g_autofree char *problem = parse_mutation (json_array_get_element (array, i), i, &mutations[i]);

      if (problem != NULL)
        {
          gest_server_request_error (req, 400, _("%s Nothing in this push was stored."), problem);
          return;
        }
    }

  response = json_object_new ();
  results = json_array_new ();
  json_object_set_array_member (response, "results", results);
  for (guint i = 0; i < len; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonObject *result = push_one (req, conn, &mutations[i], &error);

      if (result == NULL)
        {
          g_warning ("push n=%" G_GINT64_FORMAT ": %s", mutations[i].n, error->message);
          /* Earlier mutations are committed; a retry replays their stored results. */
          gest_server_request_error (req, 503, _("The server could not store mutation n=%lld; send the push again."),
                                     (long long) mutations[i].n);
          return;
        }
      json_array_add_object_element (results, result);
    }
  gest_server_request_object (req, 200, response);
}
