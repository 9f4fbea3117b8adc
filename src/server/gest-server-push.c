/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-error.h"
#include "gest-server-authz.h"
#include "gest-server-db.h"
#include "gest-server-folios.h"
#include "gest-server-records.h"
#include "gest-server-request.h"

#define MAX_MUTATIONS 500

/* What the raw body shows about a mutation that its json-glib tree hides. */
enum
{
  RAW_NUL      = 1 << 0,   /* a \u0000 escape: json-glib cuts the string (or name) there */
  RAW_OVERFLOW = 1 << 1,   /* an integer beyond 64 bits: json-glib wraps it */
};

typedef struct
{
  JsonObject *object;       /* borrowed from the request */
  gint64      n;
  const char *entity;
  const char *uuid;
  gboolean    is_delete;
  gint64      base_version;
  JsonObject *fields;       /* nullable, borrowed */
  const char *user;         /* the author's login (issue 12), nullable, borrowed */
  guint       raw;          /* RAW_* */

  /* Filled while the page is stored. */
  char       *hash;         /* SHA-256 of the canonical mutation */
  char       *invalid;      /* why its values cannot be stored, or NULL */
  char       *key;          /* "entity\x1fuuid" */
  gint        first;        /* index of the first mutation of the page with this n */
  gboolean    claimed;      /* this request claimed (device, n): apply it and store the result */
  JsonObject *result;
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

  /* Issue 12: the login of the user who made the change; absent from older desktops. */
  member = json_object_get_member (m->object, "user");
  m->user = NULL;
  if (member != NULL && json_node_get_value_type (member) == G_TYPE_STRING)
    m->user = json_node_get_string (member);
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    return g_strdup_printf (_("Mutation n=%lld: “user” must be a string (the login of the user who made the change)."),
                            (long long) m->n);

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

static JsonObject *
applied (gint64     n,
         gint64     version,
         JsonArray *conflicts)
{
  JsonObject *result = json_object_new ();

  json_object_set_int_member (result, "n", n);
  json_object_set_string_member (result, "status", "applied");
  json_object_set_int_member (result, "version", version);
  json_object_set_array_member (result, "conflicts", conflicts != NULL ? json_array_ref (conflicts) : json_array_new ());
  return result;
}

static void
mutation_clear (Mutation *m)
{
  g_clear_pointer (&m->hash, g_free);
  g_clear_pointer (&m->invalid, g_free);
  g_clear_pointer (&m->key, g_free);
  g_clear_pointer (&m->result, json_object_unref);
}

/* Marks each element of the body's "mutations" array whose text has a \u0000 escape or an
 * integer json-glib cannot hold. The body is valid JSON (json-glib parsed it), so a scanner of
 * strings, brackets and commas suffices; it keeps no stack, so any nesting is fine. */
static void
scan_raw (GBytes   *body,
          Mutation *mutations,
          guint     len)
{
  gsize size = 0;
  const char *text = g_bytes_get_data (body, &size);
  g_autoptr(GArray) flags = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean key_is_mutations = FALSE, in_mutations = FALSE, have = FALSE;
  gsize depth = 0;
  guint index = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];

      if (c == '"')
        {
          gboolean nul = FALSE;
          gboolean nul_cut = FALSE;

          g_string_truncate (key, 0);
          for (i++; i < size && text[i] != '"'; i++)
            {
              if (text[i] == '\\' && i + 1 < size)
                {
                  i++;
                  if (text[i] == 'u' && i + 4 < size)
                    {
                      char hex[5] = { text[i + 1], text[i + 2], text[i + 3], text[i + 4], 0 };
                      guint64 code = g_ascii_strtoull (hex, NULL, 16);

                      if (code == 0)
                        nul = nul_cut = TRUE;
                      else if (!nul_cut && depth == 1)
                        g_string_append_unichar (key, (gunichar) code);
                      i += 4;
                    }
                  else if (!nul_cut && depth == 1)
                    g_string_append_c (key, text[i]);
                }
              else if (!nul_cut && depth == 1)
                g_string_append_c (key, text[i]);
            }
          if (nul && in_mutations && depth >= 3)
            g_array_index (flags, guint, index) |= RAW_NUL;
          if (depth == 1)
            {
              gsize j = i + 1;

              while (j < size && g_ascii_isspace (text[j]))
                j++;
              if (j < size && text[j] == ':')
                key_is_mutations = g_str_equal (key->str, "mutations");
            }
          continue;
        }
      if (c == '{' || c == '[')
        {
          depth++;
          if (depth == 2)
            {
              in_mutations = c == '[' && key_is_mutations;
              if (in_mutations)
                {
                  /* The last "mutations" member is the one json-glib keeps. */
                  g_array_set_size (flags, 0);
                  g_array_set_size (flags, 1);
                  index = 0;
                  have = TRUE;
                }
            }
          continue;
        }
      if (c == '}' || c == ']')
        {
          if (depth == 2)
            in_mutations = FALSE;
          depth--;
          continue;
        }
      if (c == ',' && depth == 2 && in_mutations)
        {
          index++;
          g_array_set_size (flags, index + 1);
          continue;
        }
      if ((c == '-' || g_ascii_isdigit (c)) && in_mutations && depth >= 3)
        {
          gsize start = i;
          gboolean integer = TRUE;

          while (i + 1 < size && (g_ascii_isdigit (text[i + 1]) || strchr ("+-.eE", text[i + 1]) != NULL))
            {
              i++;
              if (!g_ascii_isdigit (text[i]) && text[i] != '-')
                integer = FALSE;
            }
          if (integer)
            {
              g_autofree char *number = g_strndup (text + start, i - start + 1);
              gint64 value;

              if (!g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, &value, NULL))
                g_array_index (flags, guint, index) |= RAW_OVERFLOW;
            }
        }
    }

  if (!have)
    return;
  for (guint m = 0; m < len && m < flags->len; m++)
    mutations[m].raw = g_array_index (flags, guint, m);
}

/* Why @m's values cannot be stored, or NULL: checked before anything reaches PostgreSQL. */
static char *
check_values (Mutation *m)
{
  if (m->raw & RAW_NUL)
    return g_strdup_printf (_("Mutation n=%lld holds a NUL character (\\u0000) in a text or a field name, which the server cannot store: remove it."),
                            (long long) m->n);
  if (m->raw & RAW_OVERFLOW)
    return g_strdup_printf (_("Mutation n=%lld holds a whole number beyond 64 bits, which the server cannot store: send a smaller number."),
                            (long long) m->n);
  if (!gest_server_uuid_canonical (m->uuid))
    return g_strdup_printf (_("The uuid “%s” is not in canonical form: send it in lower case (8-4-4-4-12 hexadecimal digits), as the record is known by that form only."),
                            m->uuid);
  return gest_server_check_values (m->fields);
}

typedef struct
{
  GestServerRequest *req;
  PGconn            *conn;
  Mutation          *m;            /* borrowed */
  guint              len;
  gboolean           careful;      /* a savepoint and a write per mutation */
  GHashTable        *states;       /* key → GestRecordState* */
  GestServerAuthors *authors;      /* the dealer's users, read after its lock */
  GPtrArray         *dirty;        /* keys written in this page, borrowed from states */
  gint64             seq;          /* the dealer's last change sequence value */
} Page;

static void
page_reset (Page *p)
{
  g_clear_pointer (&p->states, g_hash_table_unref);
  g_clear_pointer (&p->dirty, g_ptr_array_unref);
  g_clear_pointer (&p->authors, gest_server_authors_free);
  p->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gest_record_state_free);
  p->dirty = g_ptr_array_new ();
  for (guint i = 0; i < p->len; i++)
    {
      g_clear_pointer (&p->m[i].result, json_object_unref);
      p->m[i].claimed = FALSE;
    }
}

static gboolean
savepoint (Page       *p,
           const char *sql,
           GError    **error)
{
  g_autoptr(PGresult) res = gest_pg_query_classified (p->conn, error, sql, 0);

  return res != NULL;
}

/* Finds which of the page's numbers the device used before (one statement): those get their
 * stored result (or the reused-number rejection); the others are claimed by this request,
 * which stores them with their results at the end. The dealer's row lock, taken before, makes
 * this request the only one storing the device's numbers until it commits. */
static gboolean
claim (Page    *p,
       GError **error)
{
  g_autoptr(GString) numbers = g_string_new ("{");
  g_autoptr(GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(PGresult) res = NULL;

  for (guint i = 0; i < p->len; i++)
    {
      Mutation *m = &p->m[i];
      gpointer index;

      if (g_hash_table_lookup_extended (first, &m->n, NULL, &index))
        {
          m->first = GPOINTER_TO_INT (index);
          continue;
        }
      m->first = (gint) i;
      m->claimed = TRUE;
      g_hash_table_insert (first, &m->n, GINT_TO_POINTER (i));
      if (numbers->len > 1)
        g_string_append_c (numbers, ',');
      g_string_append_printf (numbers, "%" G_GINT64_FORMAT, m->n);
    }
  g_string_append_c (numbers, '}');

  res = gest_pg_query_classified (p->conn, error,
                                  "SELECT n, payload_sha256, result FROM mutations"
                                  " WHERE device_id = $1 AND n = ANY ($2::bigint[])",
                                  2, p->req->device_id, numbers->str);
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    {
      gint64 n = g_ascii_strtoll (PQgetvalue (res, r, 0), NULL, 10);
      gpointer index;
      Mutation *m;

      if (!g_hash_table_lookup_extended (first, &n, NULL, &index))
        continue;
      m = &p->m[GPOINTER_TO_INT (index)];
      m->claimed = FALSE;
      if (!g_str_equal (PQgetvalue (res, r, 1), m->hash))
        /* A fixed protocol string (data/sync-protocol.md), not translated. */
        m->result = rejected (m->n, "mutation number reused with a different payload");
      else if ((m->result = gest_json_object_parse (PQgetvalue (res, r, 2), error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Applies one claimed mutation to its record's state in memory; in careful mode also writes the
 * record inside a savepoint, so that a value PostgreSQL refuses rejects this mutation only. */
static gboolean
apply (Page     *p,
       Mutation *m,
       GError  **error)
{
  GestRecordState *state = g_hash_table_lookup (p->states, m->key);
  g_autoptr(JsonArray) conflicts = json_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(GPtrArray) one = NULL;
  gboolean was_dirty;

  g_assert (state != NULL);
  /* Issue 12: the author must be a user of the dealer whose role allows the change. */
  refusal = gest_server_authz_check (p->authors, m->user, m->entity, m->uuid, m->is_delete, m->fields, state);
  if (refusal == NULL)
    refusal = gest_server_check_mutation (m->entity, m->is_delete, m->fields, state);
  /* #16.3: no folio of another dealer's series. */
  if (refusal == NULL && !m->is_delete
      && !gest_server_folio_check (p->conn, p->req->dealer_id, m->entity, m->fields, &refusal, error))
    return FALSE;
  /* Issue 12: one open trámite per plan (gest-server-rules.c). */
  if (refusal == NULL && !m->is_delete && !state->exists && g_str_equal (m->entity, "tramite")
      && !gest_server_open_tramite_check (p->conn, p->req->dealer_id, m->uuid, m->fields, p->states,
                                          &refusal, error))
    return FALSE;
  if (refusal != NULL)
    {
      m->result = rejected (m->n, refusal);
      return TRUE;
    }
  /* X5: an activity entry sent again as it is changes nothing and takes no version. */
  if (g_str_equal (m->entity, "activity") && !m->is_delete && gest_server_fields_unchanged (m->fields, state))
    {
      m->result = applied (m->n, state->version, NULL);
      return TRUE;
    }

  if (p->careful && !savepoint (p, "SAVEPOINT mutation", error))
    return FALSE;

  if (m->is_delete)
    {
      /* A tombstone keeps the fields. */
      if (state->data == NULL)
        gest_record_merge (state, m->fields, m->base_version, p->seq + 1, conflicts);
      state->deleted = TRUE;
    }
  else
    {
      gest_record_merge (state, m->fields, m->base_version, p->seq + 1, conflicts);
      state->deleted = FALSE;
    }
  state->version = ++p->seq;
  state->exists = TRUE;   /* for the page's later mutations of the record, as if written */
  was_dirty = g_ptr_array_find_with_equal_func (p->dirty, m->key, g_str_equal, NULL);
  if (!was_dirty)
    g_ptr_array_add (p->dirty, m->key);   /* lives as long as the request's mutations */

  if (p->careful)
    {
      one = g_ptr_array_new ();
      g_ptr_array_add (one, m->key);
      if (!gest_records_save_many (p->conn, p->req->dealer_id, one, p->states, &local_error))
        {
          g_autoptr(GPtrArray) reload = g_ptr_array_new ();

          if (local_error->code == GEST_ERROR_NETWORK || !savepoint (p, "ROLLBACK TO SAVEPOINT mutation", error))
            {
              if (error != NULL && *error == NULL)
                g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_warning ("push n=%" G_GINT64_FORMAT ": the database refused it: %s", m->n, local_error->message);
          p->seq--;
          /* Back to what the database has. */
          g_ptr_array_add (reload, m->key);
          g_hash_table_remove (p->states, m->key);
          if (!gest_records_load_many (p->conn, p->req->dealer_id, reload, p->states, error))
            return FALSE;
          if (!was_dirty)
            g_ptr_array_remove (p->dirty, m->key);
          m->result = rejected (m->n, _("The database refused a value of this change: check its fields and send it corrected."));
          return TRUE;
        }
      if (!savepoint (p, "RELEASE SAVEPOINT mutation", error))
        return FALSE;
    }

  if (g_str_equal (m->entity, "user"))
    gest_server_authors_update (p->authors, m->uuid, state);
  m->result = applied (m->n, state->version, conflicts);
  return TRUE;
}

/* Stores the page in one transaction: one statement each to lock the dealer's counter, find
 * the numbers used before, load the records and, after the rules ran in memory, write the
 * records, the counter and the claimed numbers with their results. FALSE with
 * GEST_ERROR_NETWORK for a fault of the database, with GEST_ERROR_INVALID when a statement
 * failed on a value (then the caller runs the page again carefully). */
static gboolean
store_page (Page    *p,
            GError **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) results = NULL;
  g_autofree char *results_text = NULL;
  g_autofree char *seq_text = NULL;
  gint64 first_seq;

  page_reset (p);
  if (!gest_pg_begin_dealer (p->conn, p->req->dealer_id, error))
    goto fail;

  /* From here on this transaction is the dealer's only writer (the admin commands take the same
   * lock), so the versions it gives commit in order. */
  res = gest_pg_query_classified (p->conn, error,
                                  "SELECT last_seq FROM dealers WHERE id = $1 FOR NO KEY UPDATE",
                                  1, p->req->dealer_id);
  if (res == NULL)
    goto fail;
  if (PQntuples (res) != 1)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK, "no dealer %s", p->req->dealer_id);
      goto fail;
    }
  first_seq = p->seq = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);

  if (!claim (p, error))
    goto fail;
  p->authors = gest_server_authors_load (p->conn, p->req->dealer_id, error);
  if (p->authors == NULL)
    goto fail;

  for (guint i = 0; i < p->len; i++)
    if (p->m[i].claimed && p->m[i].invalid == NULL)
      g_ptr_array_add (keys, p->m[i].key);
  if (!gest_records_load_many (p->conn, p->req->dealer_id, keys, p->states, error))
    goto fail;

  for (guint i = 0; i < p->len; i++)
    {
      Mutation *m = &p->m[i];

      if (m->first != (gint) i)
        {
          Mutation *first = &p->m[m->first];

          /* The same number twice in one page: the second is a replay of the first. */
          if (g_str_equal (first->hash, m->hash) && first->result != NULL)
            m->result = json_object_ref (first->result);
          else
            m->result = rejected (m->n, "mutation number reused with a different payload");
          continue;
        }
      if (!m->claimed)
        {
          if (m->result == NULL)
            {
              g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK, "mutation %" G_GINT64_FORMAT ": no stored result", m->n);
              goto fail;
            }
          continue;
        }
      if (m->invalid != NULL)
        m->result = rejected (m->n, m->invalid);
      else if (!apply (p, m, error))
        goto fail;
    }

  if (!p->careful && !gest_records_save_many (p->conn, p->req->dealer_id, p->dirty, p->states, error))
    goto fail;

  if (p->seq != first_seq)
    {
      seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, p->seq);
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query_classified (p->conn, error, "UPDATE dealers SET last_seq = $2 WHERE id = $1",
                                      2, p->req->dealer_id, seq_text);
      if (res == NULL)
        goto fail;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < p->len; i++)
    if (p->m[i].claimed)
      {
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "n");
        json_builder_add_int_value (builder, p->m[i].n);
        json_builder_set_member_name (builder, "h");
        json_builder_add_string_value (builder, p->m[i].hash);
        json_builder_set_member_name (builder, "r");
        json_builder_add_value (builder, json_node_init_object (json_node_alloc (), p->m[i].result));
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  results = json_builder_get_root (builder);
  results_text = json_to_string (results, FALSE);
  g_clear_pointer (&res, PQclear);
  res = gest_pg_query_classified (p->conn, error,
                                  "INSERT INTO mutations (dealer_id, device_id, n, payload_sha256, result)"
                                  " SELECT $1, $2, u.n, u.h, u.r"
                                  "   FROM jsonb_to_recordset ($3::jsonb) AS u (n bigint, h text, r jsonb)",
                                  3, p->req->dealer_id, p->req->device_id, results_text);
  if (res == NULL || !gest_pg_commit (p->conn, error))
    goto fail;
  return TRUE;

fail:
  gest_pg_rollback (p->conn);
  if (error != NULL && *error != NULL && (*error)->domain == GEST_ERROR && (*error)->code == GEST_ERROR_STORE)
    (*error)->code = GEST_ERROR_NETWORK;   /* BEGIN, SET or COMMIT: the database's fault */
  return FALSE;
}

void
gest_server_handle_push (GestServerRequest *req,
                         PGconn            *conn)
{
  g_autoptr(JsonObject) body = gest_server_request_body_object (req);
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;
  Mutation *mutations = NULL;
  JsonArray *results;
  JsonNode *member;
  JsonArray *array;
  Page page = { 0 };
  gboolean stored;
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

  /* The whole request's shape is checked before anything is stored. */
  mutations = g_new0 (Mutation, MAX (len, 1));
  for (guint i = 0; i < len; i++)
    {
      g_autofree char *problem = parse_mutation (json_array_get_element (array, i), i, &mutations[i]);

      if (problem != NULL)
        {
          gest_server_request_error (req, 400, _("%s Nothing in this push was stored."), problem);
          goto out;
        }
    }

  /* Values the tree hides or PostgreSQL would refuse reject their mutation only. */
  scan_raw (req->body, mutations, len);
  for (guint i = 0; i < len; i++)
    {
      Mutation *m = &mutations[i];
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), m->object);
      g_autofree char *canonical = gest_json_canonical (node);

      m->hash = gest_sha256_hex (canonical);
      m->invalid = check_values (m);
      m->key = g_strconcat (m->entity, "\x1f", m->uuid, NULL);
    }

  page.req = req;
  page.conn = conn;
  page.m = mutations;
  page.len = len;
  stored = store_page (&page, &error);
  if (!stored && error->domain == GEST_ERROR && error->code == GEST_ERROR_INVALID)
    {
      /* A value the checks let through and PostgreSQL refused: again, each mutation in a
       * savepoint, so that only the one with the value is rejected. */
      g_message ("push: %s; storing the page again mutation by mutation", error->message);
      g_clear_error (&error);
      page.careful = TRUE;
      stored = store_page (&page, &error);
    }
  if (!stored)
    {
      g_warning ("push: %s", error->message);
      /* Nothing of the page is committed; a retry stores it. */
      gest_server_request_error (req, 503, _("The server could not store the push; send it again later."));
      goto out;
    }

  response = json_object_new ();
  results = json_array_new ();
  json_object_set_array_member (response, "results", results);
  for (guint i = 0; i < len; i++)
    json_array_add_object_element (results, json_object_ref (mutations[i].result));
  gest_server_request_object (req, 200, response);

out:
  g_clear_pointer (&page.states, g_hash_table_unref);
  g_clear_pointer (&page.dirty, g_ptr_array_unref);
  g_clear_pointer (&page.authors, gest_server_authors_free);
  for (guint i = 0; i < len; i++)
    mutation_clear (&mutations[i]);
  g_free (mutations);
}
