/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include "gest-sync-client.h"
#include "gest-sync-dump.h"
#include "gest-sync-private.h"

static gboolean
is_pushable (const GestSyncEntity *entity,
             const char           *column)
{
  if (!g_strv_contains ((const char * const *) entity->columns, column))
    return FALSE;
  return entity->server_owned == NULL ||
         !g_strv_contains ((const char * const *) entity->server_owned, column);
}

char *
gest_sync_dump_line (const char *entity_name,
                     const char *uuid,
                     gboolean    deleted,
                     JsonObject *fields)
{
  const GestSyncEntity *entity = gest_sync_entity_find (entity_name);
  g_autoptr(GList) members = NULL;
  GString *line;
  gboolean first = TRUE;

  if (entity == NULL)
    return NULL;

  line = g_string_new (NULL);
  g_string_append_printf (line, "%s %s %d {", entity_name, uuid, deleted ? 1 : 0);
  members = g_list_sort (json_object_get_members (fields), (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (fields, name);
      g_autoptr(JsonGenerator) generator = NULL;
      g_autofree char *value = NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !is_pushable (entity, name))
        continue;
      /* Booleans and integers are the same thing to SQLite. */
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        value = g_strdup (json_node_get_boolean (node) ? "1" : "0");
      else
        value = json_to_string (node, FALSE);
      g_string_append_printf (line, "%s\"%s\":%s", first ? "" : ",", name, value);
      first = FALSE;
    }
  g_string_append_c (line, '}');
  return g_string_free (line, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
gest_sync_dump (GestStore  *store,
                GError    **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GString *out = g_string_new (NULL);
  const GestSyncEntity *entity;

  for (guint e = 0; (entity = gest_sync_entity_nth (e)) != NULL; e++)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      gboolean activity = g_str_equal (entity->entity, "activity");
      sqlite3_stmt *stmt;
      int rc;

      if (activity)
        g_string_append (sql, "substr (hash, 1, 8) || '-' || substr (hash, 9, 4) || '-' || "
                              "substr (hash, 13, 4) || '-' || substr (hash, 17, 4) || '-' || "
                              "substr (hash, 21, 12), 0, json_object (");
      else
        g_string_append (sql, "uuid, deleted, json_object (");
      for (guint i = 0; entity->columns[i] != NULL; i++)
        g_string_append_printf (sql, "%s'%s', %s", i > 0 ? ", " : "", entity->columns[i],
                                entity->columns[i]);
      g_string_append_printf (sql, ") FROM %s", entity->table);

      stmt = gest_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *json = (const char *) sqlite3_column_text (stmt, 2);

          if (!json_parser_load_from_data (parser, json, -1, NULL))
            continue;
          g_ptr_array_add (lines, gest_sync_dump_line (entity->entity,
                                                       (const char *) sqlite3_column_text (stmt, 0),
                                                       sqlite3_column_int (stmt, 1),
                                                       json_node_get_object (json_parser_get_root (parser))));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          g_string_free (out, TRUE);
          gest_store_set_error (store, error);
          return NULL;
        }
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
gest_sync_dump_hash (GestStore  *store,
                     GError    **error)
{
  g_autofree char *dump = gest_sync_dump (store, error);

  if (dump == NULL)
    return NULL;
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}
