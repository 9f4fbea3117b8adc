/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-private.h"

/* The shared synced tables and their fields, in the order of data/sql/0002-sync.sql. The
 * modules' tables come from the registry. */
static const char * const customer_columns[] = {
  "kind", "name", "rfc", "fiscal_postal_code", "street", "ext_number", "int_number",
  "neighborhood", "city", "state_code", "postal_code", "email", "phone_mobile", "phone_home",
  "phone_work", "fiscal_regime", "cfdi_use", NULL
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
static const char * const document_columns[] = {
  "record_uuid", "kind", "sha256", "size", "mime_type", "filename", "added_by", "added_at", NULL
};
/* Issue 12: the dealer's users, with their Argon2id hashes, so any desktop of the dealer can
 * sign them in offline (data/sync-protocol.md, Authors). */
static const char * const user_columns[] = {
  "login", "name", "role", "email", "password_hash", "active", NULL
};
/* Issue 12: the dealer's routing settings (data/sql/0009-sync-author.sql). */
static const char * const setting_columns[] = {
  "key", "value", NULL
};
/* Issue 13: the dealer's templates of letters and messages (data/sql/0012-templates.sql). */
static const char * const template_columns[] = {
  "kind", "name", "subject", "body", NULL
};
/* Issue 13: the dealer's holidays of the business calendar (data/sql/0011-business-calendar.sql). */
static const char * const holiday_columns[] = {
  "day", "name", NULL
};
/* A live holiday has its day and its name (the shared checks did their kinds). */
static char *
holiday_validate (JsonObject *fields,
                  gboolean    deleted)
{
  static const char * const required[] = { "day", "name" };

  if (deleted)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      JsonNode *node = json_object_get_member (fields, required[i]);

      if (node != NULL && (json_node_get_value_type (node) != G_TYPE_STRING ||
                           *json_node_get_string (node) == '\0'))
        return g_strdup_printf (_("A holiday needs its “%s”."), required[i]);
    }
  return NULL;
}
static const char * const activity_columns[] = {
  "record_uuid", "seq", "at", "user_name", "user_role", "kind", "text", "contact_name",
  "contact_role", "prev_hash", "hash", NULL
};

/* The records of the modules refer to customers, vehicles and plans; documents and activity
 * entries refer to the modules' records. */
#define N_ENTITIES_BEFORE_MODULES 3

static const GestSyncEntity entities[] = {
  { "customer", "customers", customer_columns, NULL, TRUE, NULL },
  { "vehicle", "vehicles", vehicle_columns, NULL, TRUE, NULL },
  { "plan", "plans", plan_columns, plan_server_owned, TRUE, NULL },
  { "document", "documents", document_columns, NULL, TRUE, NULL },
  /* Entries never change once written: no version. */
  { "activity", "activity", activity_columns, NULL, FALSE, NULL },
  { "user", "users", user_columns, NULL, TRUE, NULL },
  { "setting", "sync_settings", setting_columns, NULL, TRUE, NULL },
  { "template", "templates", template_columns, NULL, TRUE, NULL },
  { "holiday", "business_holidays", holiday_columns, NULL, TRUE, holiday_validate },
};

const GestSyncEntity *
gest_sync_entity_nth (guint i)
{
  GPtrArray *modules;

  if (i < N_ENTITIES_BEFORE_MODULES)
    return &entities[i];
  i -= N_ENTITIES_BEFORE_MODULES;
  modules = gest_domain_modules_get ();
  for (guint m = 0; modules != NULL && m < modules->len; m++)
    {
      guint n;
      const GestEntityInfo *infos = gest_domain_module_get_entities (g_ptr_array_index (modules, m), &n);

      if (i < n)
        return &infos[i];
      i -= n;
    }
  i += N_ENTITIES_BEFORE_MODULES;
  return i < G_N_ELEMENTS (entities) ? &entities[i] : NULL;
}

const GestSyncEntity *
gest_sync_entity_find (const char *entity)
{
  const GestEntityInfo *info = NULL;

  if (entity == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i].entity, entity))
      return &entities[i];
  gest_domain_modules_find_entity (entity, &info);
  return info;
}

struct _GestSyncApplier
{
  GestStore  *store;
  /* GestSyncEntity * → (columns bit set → sqlite3_stmt): no allocation per change. */
  GHashTable *upserts;
  gboolean    have_queued;    /* the outbox holds queued local changes */
};

GestSyncApplier *
gest_sync_applier_new (GestStore  *store,
                       GError    **error)
{
  g_autoptr(GestSyncApplier) self = g_new0 (GestSyncApplier, 1);
  sqlite3_stmt *stmt;

  self->store = g_object_ref (store);
  self->upserts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_hash_table_unref);

  /* Read inside the page's write transaction: no local change can be queued until it ends. */
  stmt = gest_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE state = 'queued')", error);
  if (stmt == NULL)
    return NULL;
  self->have_queued = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return g_steal_pointer (&self);
}

void
gest_sync_applier_ignore_queued (GestSyncApplier *self)
{
  self->have_queued = FALSE;
}

void
gest_sync_applier_free (GestSyncApplier *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->upserts, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
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
pending_fields (GestSyncApplier *self,
                const char      *entity,
                const char      *uuid)
{
  g_autoptr(GHashTable) set = NULL;
  sqlite3_stmt *stmt;

  if (!self->have_queued)
    return NULL;
  stmt = gest_store_prepare_cached (self->store,
                                    "SELECT DISTINCT j.key FROM sync_outbox o, json_each (o.fields) j "
                                    "WHERE o.entity = ?1 AND o.uuid = ?2 AND o.state = 'queued'",
                                    NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (set == NULL)
        set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&set);
}

/* X5 with sync: an entry keeps its device's chain (origin), number and hash as written, so
 * every desktop verifies the same chains. An entry already here is skipped; a different entry
 * under the same (record, origin, number) can only come from a damaged or altered log, and is
 * reported, never merged. */
static gboolean
apply_activity (GestSyncApplier  *self,
                const char       *uuid,
                JsonObject       *fields,
                GError          **error)
{
  const char *hash = json_object_get_string_member_with_default (fields, "hash", "");
  const char *record = json_object_get_string_member_with_default (fields, "record_uuid", "");
  const char *origin = json_object_get_string_member_with_default (fields, "origin", "");
  gint64 seq = json_object_get_int_member_with_default (fields, "seq", 0);
  g_autofree char *existing = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare_cached (self->store,
                                    "SELECT hash FROM activity WHERE record_uuid = ?1 AND origin = ?2 "
                                    "AND seq = ?3",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (existing != NULL && g_str_equal (existing, hash))
    return TRUE;
  if (existing != NULL)
    return gest_sync_log_add (self->store, "conflict", "activity", uuid, "seq", NULL,
                              _("An activity entry from the server differs from the one this desktop "
                                "holds under the same number; the local one was kept. Check the "
                                "record’s activity log."),
                              0, error);

  stmt = gest_store_prepare_cached (self->store,
                                    "INSERT INTO activity (record_uuid, seq, at, user_name, user_role, "
                                    "kind, text, contact_name, contact_role, prev_hash, hash, origin) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; activity_columns[i] != NULL; i++)
    bind_json (stmt, (int) i + 1, json_object_get_member (fields, activity_columns[i]));
  sqlite3_bind_text (stmt, 12, origin, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    gest_store_set_error (self->store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* The upsert of @entity's columns in @columns (a bit per entity->columns[i]) with the record's
 * server version (never lowered), prepared once. */
static sqlite3_stmt *
upsert_statement (GestSyncApplier       *self,
                  const GestSyncEntity  *entity,
                  guint64                columns,
                  guint                 *out_bound,
                  GError               **error)
{
  GHashTable *by_columns = g_hash_table_lookup (self->upserts, entity);
  gint64 key = (gint64) columns;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) updates = NULL;
  sqlite3_stmt *stmt;
  guint bound = 0;

  for (guint i = 0; entity->columns[i] != NULL; i++)
    bound += (columns >> i) & 1;
  *out_bound = bound;

  if (by_columns == NULL)
    {
      by_columns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) sqlite3_finalize);
      g_hash_table_insert (self->upserts, (gpointer) entity, by_columns);
    }
  stmt = g_hash_table_lookup (by_columns, &key);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  sql = g_string_new (NULL);
  values = g_string_new ("?1");
  updates = g_string_new (NULL);
  bound = 0;
  g_string_append_printf (sql, "INSERT INTO %s (uuid", entity->table);
  for (guint i = 0; entity->columns[i] != NULL; i++)
    {
      const char *column = entity->columns[i];

      if (((columns >> i) & 1) == 0)
        continue;
      bound++;
      g_string_append_printf (sql, ", %s", column);
      g_string_append_printf (values, ", ?%u", bound + 1);
      g_string_append_printf (updates, "%s = excluded.%s, ", column, column);
    }
  g_string_append_printf (sql, ", deleted, updated_at, sync_version) VALUES (%s, ?%u, ?%u, ?%u) "
                          "ON CONFLICT (uuid) DO UPDATE SET %sdeleted = excluded.deleted, "
                          "updated_at = excluded.updated_at, "
                          "sync_version = max (sync_version, excluded.sync_version)",
                          values->str, bound + 2, bound + 3, bound + 4, updates->str);
  stmt = gest_store_prepare (self->store, sql->str, error);
  if (stmt != NULL)
    g_hash_table_insert (by_columns, g_memdup2 (&key, sizeof key), stmt);
  return stmt;
}

/* No savepoint per change: each change is one statement (its triggers included), and SQLite
 * undoes a failed statement whole while the transaction goes on (every constraint and RAISE
 * of the schema is ABORT). Savepoints made FTS5 flush the search index at every change. */
gboolean
gest_sync_apply_change (GestSyncApplier  *self,
                        JsonObject       *change,
                        GError          **error)
{
  const char *entity_name = json_object_get_string_member_with_default (change, "entity", "");
  const char *uuid = json_object_get_string_member_with_default (change, "uuid", "");
  gint64 version = json_object_get_int_member_with_default (change, "version", 0);
  gboolean deleted = json_object_get_boolean_member_with_default (change, "deleted", FALSE);
  JsonObject *fields = NULL;
  JsonNode *fields_node;
  const GestSyncEntity *entity;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint64 columns = 0;
  guint bound = 0, n = 0;
  gboolean ok;
  int rc;

  fields_node = json_object_get_member (change, "fields");
  if (fields_node != NULL && JSON_NODE_HOLDS_OBJECT (fields_node))
    fields = json_node_get_object (fields_node);

  /* Entities of modules this desktop lacks are stored generically on the server; this
   * version skips them. */
  /* A member that is JSON null reads as NULL, not as the default. */
  if (entity_name == NULL || uuid == NULL)
    return TRUE;
  entity = gest_sync_entity_find (entity_name);
  if (entity == NULL || fields == NULL || uuid[0] == '\0')
    return TRUE;

  /* Issue 16.6: what the forms would refuse is not applied either; recorded, and the rest of
   * the page goes on. */
  {
    g_autofree char *reason = gest_sync_validate_change (entity->entity, uuid, deleted, fields);

    if (reason != NULL)
      {
        g_autofree char *message = NULL;
        g_autofree char *excerpt = gest_sync_log_excerpt (uuid);

        message = g_strdup_printf (_("A change from the server was not applied because it does not "
                                     "pass Gestiona’s checks: %s"), reason);
        g_debug ("not applied: %s %s: %s", entity->entity, excerpt, reason);
        return gest_sync_log_add (self->store, "not-applied", entity->entity, excerpt, NULL, NULL,
                                  message, 0, error);
      }
  }

  if (g_str_equal (entity->entity, "activity"))
    ok = apply_activity (self, uuid, fields, &local_error);
  else
    {
      pending = pending_fields (self, entity->entity, uuid);
      for (guint i = 0; entity->columns[i] != NULL; i++)
        if (json_object_has_member (fields, entity->columns[i]) &&
            (pending == NULL || !g_hash_table_contains (pending, entity->columns[i])))
          columns |= G_GUINT64_CONSTANT (1) << i;

      stmt = upsert_statement (self, entity, columns, &bound, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      for (guint i = 0; entity->columns[i] != NULL; i++)
        if ((columns >> i) & 1)
          bind_json (stmt, (int) ++n + 1, json_object_get_member (fields, entity->columns[i]));
      g_assert (n == bound);
      sqlite3_bind_int (stmt, (int) bound + 2, deleted ? 1 : 0);
      sqlite3_bind_int64 (stmt, (int) bound + 3, g_get_real_time ());
      sqlite3_bind_int64 (stmt, (int) bound + 4, version);
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_DONE || gest_store_set_error (self->store, &local_error);
      sqlite3_reset (stmt);
    }

  if (!ok)
    {
      g_autofree char *message = NULL;

      /* Only the failed statement was undone; an error that ended the whole transaction
       * (disk full, I/O) stops the page, which is applied again on the next round. */
      if (sqlite3_get_autocommit (gest_store_get_db (self->store)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* The local schema refused it (a duplicate VIN or folio, a missing required field):
       * recorded for the user, and the rest of the page goes on. */
      message = g_strdup_printf (_("A change from the server could not be applied here: %s"),
                                 local_error->message);
      return gest_sync_log_add (self->store, "not-applied", entity->entity, uuid, NULL, NULL, message,
                                0, error);
    }

  return TRUE;
}
