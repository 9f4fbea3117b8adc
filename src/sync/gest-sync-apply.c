/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-private.h"

/* The synced tables and their fields, in the order of data/sql/0002-sync.sql. */
static const char * const customer_columns[] = {
  "kind", "name", "rfc", "fiscal_postal_code", "street", "ext_number", "int_number",
  "neighborhood", "city", "state_code", "postal_code", "email", "phone_mobile", "phone_home",
  "phone_work", NULL
};
static const char * const vehicle_columns[] = {
  "vin", "model", "year", "km", "plate", "customer_uuid", NULL
};
static const char * const plan_columns[] = {
  "number", "customer_uuid", "vehicle_uuid",
  "installment", "balance", "overdue", "life_insurance", "as_of", NULL
};
static const char * const plan_server_owned[] = {
  "installment", "balance", "overdue", "life_insurance", "as_of", NULL
};
static const char * const tramite_columns[] = {
  "folio", "plan_uuid", "step", "step_since", "agreed_amount", "agreed_date", "notes",
  "statement_balance", "statement_overdue", "statement_installment",
  "statement_life_insurance", "statement_as_of", "routing_area", "routing_reason",
  "routing_low_limit", "routing_installments", "docs_sent_at", "payment_amount",
  "payment_date", "payment_reference", "payment_proof_uuid", "insurance_cancelled_at",
  "invoice_released_at", "invoice_delivered_at", "ack_returned_at", "created_by",
  "created_at", NULL
};
static const char * const document_columns[] = {
  "record_uuid", "kind", "sha256", "size", "mime_type", "filename", "added_by", "added_at", NULL
};
static const char * const activity_columns[] = {
  "record_uuid", "seq", "at", "user_name", "user_role", "kind", "text", "contact_name",
  "contact_role", "prev_hash", "hash", NULL
};

static const GestSyncEntity entities[] = {
  { "customer", "customers", customer_columns, NULL },
  { "vehicle", "vehicles", vehicle_columns, NULL },
  { "plan", "plans", plan_columns, plan_server_owned },
  { "tramite", "tramites", tramite_columns, NULL },
  { "document", "documents", document_columns, NULL },
  { "activity", "activity", activity_columns, NULL },
};

const GestSyncEntity *
gest_sync_entity_nth (guint i)
{
  return i < G_N_ELEMENTS (entities) ? &entities[i] : NULL;
}

const GestSyncEntity *
gest_sync_entity_find (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].entity, entity) == 0)
      return &entities[i];
  return NULL;
}

GHashTable *
gest_sync_statement_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
}

/* A prepared statement from @cache (reset, bindings cleared); owned by the cache. */
static sqlite3_stmt *
prepare_cached (GestStore   *store,
                GHashTable  *cache,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = gest_store_prepare (store, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

static void
bind_json (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      else if (type == G_TYPE_BOOLEAN)
        sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      else if (type == G_TYPE_DOUBLE)
        sqlite3_bind_double (stmt, index, json_node_get_double (node));
      else
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      return;
    }
  /* Objects and arrays are kept as their JSON text. */
  {
    g_autofree char *text = json_to_string (node, FALSE);

    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  }
}

/* Fields of queued local changes to this record: the server has not seen them yet, so a
 * pulled value must not overwrite them (the next push sends them). */
static GHashTable *
pending_fields (GestStore  *store,
                GHashTable *cache,
                const char *entity,
                const char *uuid)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  stmt = prepare_cached (store, cache,
                             "SELECT DISTINCT j.key FROM sync_outbox o, json_each (o.fields) j "
                             "WHERE o.entity = ?1 AND o.uuid = ?2 AND o.state = 'queued'",
                             NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return g_hash_table_size (set) > 0 ? g_steal_pointer (&set) : NULL;
}

/* X5 with sync: an entry keeps its device's chain (origin), number and hash as written, so
 * every desktop verifies the same chains. An entry already here is skipped; a different entry
 * under the same (record, origin, number) can only come from a damaged or altered log, and is
 * reported, never merged. */
static gboolean
apply_activity (GestStore   *store,
                const char  *uuid,
                JsonObject  *fields,
                GError     **error)
{
  const char *hash = json_object_get_string_member_with_default (fields, "hash", "");
  const char *record = json_object_get_string_member_with_default (fields, "record_uuid", "");
  const char *origin = json_object_get_string_member_with_default (fields, "origin", "");
  gint64 seq = json_object_get_int_member_with_default (fields, "seq", 0);
  g_autofree char *existing = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT hash FROM activity WHERE record_uuid = ?1 AND origin = ?2 AND seq = ?3",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (existing != NULL && g_str_equal (existing, hash))
    return TRUE;
  if (existing != NULL)
    return gest_sync_log_add (store, "conflict", "activity", uuid, "seq", NULL,
                              _("An activity entry from the server differs from the one this desktop "
                                "holds under the same number; the local one was kept. Check the "
                                "record’s activity log."),
                              0, error);

  stmt = gest_store_prepare (store,
                             "INSERT INTO activity (record_uuid, seq, at, user_name, user_role, kind, text, "
                             "contact_name, contact_role, prev_hash, hash, origin) VALUES (?1, ?2, ?3, ?4, "
                             "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; activity_columns[i] != NULL; i++)
    bind_json (stmt, (int) i + 1, json_object_get_member (fields, activity_columns[i]));
  sqlite3_bind_text (stmt, 12, origin, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

gboolean
gest_sync_apply_change (GestStore   *store,
                        GHashTable  *cache,
                        JsonObject  *change,
                        GError     **error)
{
  const char *entity_name = json_object_get_string_member_with_default (change, "entity", "");
  const char *uuid = json_object_get_string_member_with_default (change, "uuid", "");
  gint64 version = json_object_get_int_member_with_default (change, "version", 0);
  gboolean deleted = json_object_get_boolean_member_with_default (change, "deleted", FALSE);
  JsonObject *fields = NULL;
  const GestSyncEntity *entity;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) updates = NULL;
  g_autoptr(GPtrArray) bound = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  if (json_object_has_member (change, "fields") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "fields")))
    fields = json_object_get_object_member (change, "fields");

  /* Entities of later modules are stored generically on the server; this version skips them. */
  entity = gest_sync_entity_find (entity_name);
  if (entity == NULL || fields == NULL || uuid[0] == '\0')
    return TRUE;

  if (!gest_store_exec (store, "SAVEPOINT sync_apply", error))
    return FALSE;

  if (g_str_equal (entity->entity, "activity"))
    {
      ok = apply_activity (store, uuid, fields, &local_error);
      goto done;
    }

  pending = pending_fields (store, cache, entity->entity, uuid);
  sql = g_string_new (NULL);
  values = g_string_new ("?1");
  updates = g_string_new (NULL);
  bound = g_ptr_array_new ();

  g_string_append_printf (sql, "INSERT INTO %s (uuid", entity->table);
  for (guint i = 0; entity->columns[i] != NULL; i++)
    {
      const char *column = entity->columns[i];

      if (!json_object_has_member (fields, column))
        continue;
      if (pending != NULL && g_hash_table_contains (pending, column))
        continue;
      g_ptr_array_add (bound, (gpointer) column);
      g_string_append_printf (sql, ", %s", column);
      g_string_append_printf (values, ", ?%u", bound->len + 1);
      g_string_append_printf (updates, "%s = excluded.%s, ", column, column);
    }
  g_string_append_printf (sql, ", deleted, updated_at) VALUES (%s, ?%u, ?%u) "
                          "ON CONFLICT (uuid) DO UPDATE SET %sdeleted = excluded.deleted, "
                          "updated_at = excluded.updated_at",
                          values->str, bound->len + 2, bound->len + 3, updates->str);

  stmt = prepare_cached (store, cache, sql->str, error);
  if (stmt == NULL)
    {
      gest_store_exec (store, "ROLLBACK TO sync_apply; RELEASE sync_apply", NULL);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  for (guint i = 0; i < bound->len; i++)
    bind_json (stmt, (int) i + 2, json_object_get_member (fields, g_ptr_array_index (bound, i)));
  sqlite3_bind_int (stmt, (int) bound->len + 2, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, (int) bound->len + 3, g_get_real_time ());
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    ok = gest_store_set_error (store, &local_error);
  sqlite3_reset (stmt);

done:
  if (!ok)
    {
      g_autofree char *message = NULL;

      /* The local schema refused it (a duplicate VIN or folio, a missing required field):
       * recorded for the user, and the rest of the page goes on. */
      if (!gest_store_exec (store, "ROLLBACK TO sync_apply", error))
        return FALSE;
      message = g_strdup_printf (_("A change from the server could not be applied here: %s"),
                                 local_error->message);
      if (!gest_sync_log_add (store, "not-applied", entity->entity, uuid, NULL, NULL, message,
                              0, error))
        return FALSE;
    }
  else
    {
      stmt = prepare_cached (store, cache,
                                 "INSERT INTO sync_versions (entity, uuid, version) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (entity, uuid) DO UPDATE SET "
                                 "version = max (version, excluded.version)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entity->entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, version);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return gest_store_set_error (store, error);
    }

  return gest_store_exec (store, "RELEASE sync_apply", error);
}
