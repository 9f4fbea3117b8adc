/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gestiona-server's request handling without PostgreSQL (#16.10): the input is a request body.
 * It goes through what a worker thread does with it before the database: the body parse
 * (gest_server_request_body_object), push's check of every mutation (the handler runs with no
 * connection, so a push that passes the checks ends in 503 at its first query), enroll's
 * checks, and, for each mutation that is an object, the dealer-side rules, the field merge and
 * the canonical text push hashes, against a "current" record the input may give. The first
 * line of the input is also tried as pull's cursor and the second as its limit.
 * Not covered (they need PostgreSQL): record loading and saving, sequence values, pull's page
 * writing, blobs. */
#include "config.h"

#include <string.h>

#include "gest-fuzz.h"
#include "gest-server-records.h"
#include "gest-server-request.h"
#include "gest-server-rules.h"

/* The server's defaults (its settings file is skipped when missing), as the handlers see them. */
static GestServerConfig *config;

static void
request_init (GestServerRequest *req,
              const char        *method,
              const char        *path,
              GBytes            *body)
{
  memset (req, 0, sizeof *req);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->body = g_bytes_ref (body);
  req->config = config;
  req->device_id = g_strdup ("00000000-0000-4000-8000-000000000001");
  req->dealer_id = g_strdup ("dealer-fuzz");
}

/* Every handler answers, with a JSON body. */
static void
request_finish (GestServerRequest *req)
{
  g_assert_cmpuint (req->status, >=, 200);
  g_assert_cmpuint (req->status, <, 600);
  g_assert_nonnull (req->response);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    gsize len = 0;
    const char *text = g_bytes_get_data (req->response, &len);

    /* Every reply is JSON, even one quoting bytes that are not UTF-8
     * (tests/fuzz/crashes/server-body-error-lone-surrogate, fixed in gest_server_request_error). */
    g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
    g_assert_true (json_parser_load_from_data (parser, text, (gssize) len, NULL));
  }
  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->device_id);
  g_free (req->dealer_id);
  g_free (req->content_type);
  g_clear_pointer (&req->response, g_bytes_unref);
  g_clear_pointer (&req->headers, g_ptr_array_unref);
}

/* json_object_get_*_member_with_default() are criticals for a member of another kind. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static void
state_from_json (GestRecordState *state,
                 JsonNode        *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  state->exists = TRUE;
  state->deleted = json_object_has_member (object, "deleted") &&
                   json_node_get_value_type (json_object_get_member (object, "deleted")) == G_TYPE_BOOLEAN &&
                   json_object_get_boolean_member (object, "deleted");
  if (json_object_has_member (object, "version"))
    gest_json_get_int (json_object_get_member (object, "version"), &state->version);
  if (json_object_has_member (object, "data") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "data")))
    state->data = json_object_ref (json_object_get_object_member (object, "data"));
  if (json_object_has_member (object, "field_versions") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "field_versions")))
    state->field_versions = json_object_ref (json_object_get_object_member (object, "field_versions"));
}

/* What push does with one mutation once its shape is checked, minus the database. */
static void
rules_one (JsonNode *node)
{
  g_auto(GestRecordState) state = { 0 };
  g_autoptr(JsonArray) conflicts = json_array_new ();
  g_autofree char *refusal = NULL;
  g_autofree char *canonical = NULL;
  JsonObject *object;
  JsonObject *fields = NULL;
  const char *entity;
  gint64 base_version = 0;
  gboolean is_delete;

  canonical = gest_json_canonical (node);
  g_assert_nonnull (canonical);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  entity = string_member (object, "entity");
  if (entity == NULL || !gest_server_entity_known (entity))
    return;
  is_delete = g_strcmp0 (string_member (object, "op"), "delete") == 0;
  if (json_object_has_member (object, "fields") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fields")))
    fields = json_object_get_object_member (object, "fields");
  if (json_object_has_member (object, "base_version"))
    gest_json_get_int (json_object_get_member (object, "base_version"), &base_version);
  state_from_json (&state, json_object_get_member (object, "current"));

  refusal = gest_server_check_mutation (entity, is_delete, fields, &state);
  if (refusal == NULL && fields != NULL)
    {
      /* The merge writes into the state: give it its own copies. */
      if (state.data != NULL)
        {
          g_autoptr(JsonNode) copy = json_node_copy (json_object_get_member (object, "current"));

          g_clear_pointer (&state.data, json_object_unref);
          g_clear_pointer (&state.field_versions, json_object_unref);
          state_from_json (&state, copy);
        }
      gest_record_merge (&state, fields, base_version, state.version + 1, conflicts);
      g_free (gest_server_tramite_missing (fields, &state, 4));
    }
}

static void
rules_all (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *text = g_bytes_get_data (body, &len);
  JsonNode *root;
  JsonNode *mutations;

  if (len == 0 || !g_utf8_validate (text, (gssize) len, NULL) ||
      !json_parser_load_from_data (parser, text, (gssize) len, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  mutations = json_object_get_member (json_node_get_object (root), "mutations");
  if (mutations == NULL || !JSON_NODE_HOLDS_ARRAY (mutations))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (mutations)) && i < 500; i++)
    rules_one (json_array_get_element (json_node_get_array (mutations), i));
}

static void
pull (const uint8_t *data,
      size_t         size)
{
  /* Any bytes, not only UTF-8: a cursor such as ?cursor=%9E is quoted in the 400
   * (tests/fuzz/crashes/server-pull-cursor-invalid-utf8). */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  GestServerRequest req;

  request_init (&req, "GET", "/v1/pull", empty);
  req.query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (lines[0] != NULL)
    g_hash_table_insert (req.query, g_strdup ("cursor"), g_strdup (lines[0]));
  if (lines[0] != NULL && lines[1] != NULL)
    g_hash_table_insert (req.query, g_strdup ("limit"), g_strdup (lines[1]));
  gest_server_handle_pull (&req, NULL);
  request_finish (&req);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  gest_fuzz_init_logging ();
  config = gest_server_config_load (NULL, &error);
  if (config == NULL)
    g_error ("%s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  GestServerRequest req;

  request_init (&req, "POST", "/v1/push", body);
  gest_server_handle_push (&req, NULL);
  request_finish (&req);

  request_init (&req, "POST", "/v1/enroll", body);
  gest_server_handle_enroll (&req, NULL);
  request_finish (&req);

  rules_all (body);
  pull (data, size);
  return 0;
}
