/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-private.h"

/* Push: queued outbox rows in n order, at most GEST_SYNC_PUSH_BATCH a request. A batch holds
 * at most one change per record, so a record's next change is sent with the version its
 * previous one got (no conflict with the desktop's own earlier value). The base version of a
 * row is a pure function of the outbox, so a replay after a cut reply sends the same bytes. */

typedef struct
{
  gint64  n;
  char   *entity;
  char   *uuid;
  char   *sha256;   /* a document's blob, to upload first; or NULL */
  char   *invalid;  /* why the forms' checks refuse it (never sent), or NULL */
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->entity);
  g_free (p->uuid);
  g_free (p->sha256);
  g_free (p->invalid);
  g_free (p);
}

/* Issue 16.6: a queued change that the forms' validators refuse (written around them, or by
 * an older Gestiona) is never sent; it is rejected here with the reason. */
static char *
validate_row (sqlite3_stmt *stmt)
{
  const char *fields_text = (const char *) sqlite3_column_text (stmt, 5);
  const char *op = (const char *) sqlite3_column_text (stmt, 6);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (fields_text == NULL || !json_parser_load_from_data (parser, fields_text, -1, NULL))
    return g_strdup (_("Its fields are not valid JSON."));
  root = json_parser_get_root (parser);
  return gest_sync_validate_change ((const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2),
                                    g_strcmp0 (op, "delete") == 0,
                                    root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL);
}

/* The next batch to send, in @body; rows refused by the validators go to @invalid instead. */
static GPtrArray *
next_batch (GestStore  *store,
            guint       limit,
            GString    *body,
            GPtrArray  *invalid,
            GError    **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT o.n, o.entity, o.uuid, json_object ('n', o.n, 'entity', o.entity, "
                             "'uuid', o.uuid, 'op', o.op, 'base_version', max (o.base_version, "
                             "coalesce ((SELECT max (p.version) FROM sync_outbox p WHERE p.entity = o.entity "
                             "AND p.uuid = o.uuid AND p.n < o.n AND p.state = 'applied'), 0)), "
                             "'fields', json (o.fields), 'user', o.user_login), "
                             "CASE WHEN o.entity = 'document' THEN json_extract (o.fields, '$.sha256') END, "
                             "o.fields, o.op "
                             "FROM sync_outbox o WHERE o.state = 'queued' ORDER BY o.n LIMIT ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);

  g_string_assign (body, "{\"mutations\":[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pending *p;
      g_autofree char *key = g_strdup_printf ("%s/%s", sqlite3_column_text (stmt, 1),
                                              sqlite3_column_text (stmt, 2));

      if (g_hash_table_contains (records, key))
        break;
      g_hash_table_add (records, g_steal_pointer (&key));

      p = g_new0 (Pending, 1);
      p->n = sqlite3_column_int64 (stmt, 0);
      p->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      p->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      p->invalid = validate_row (stmt);
      if (p->invalid != NULL)
        {
          g_ptr_array_add (invalid, p);
          continue;
        }
      if (batch->len > 0)
        g_string_append_c (body, ',');
      g_string_append (body, (const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (batch, p);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  g_string_append (body, "]}");

  return g_steal_pointer (&batch);
}

/* The server's version of a record this desktop pushed: the base of its next change. */
static gboolean
record_version (GestStore   *store,
                const char  *entity_name,
                const char  *uuid,
                gint64       version,
                GError     **error)
{
  const GestSyncEntity *entity = gest_sync_entity_find (entity_name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (entity == NULL || !entity->versioned)
    return TRUE;
  sql = g_strdup_printf ("UPDATE %s SET sync_version = max (sync_version, ?2) WHERE uuid = ?1",
                         entity->table);
  /* Cached: preparing an UPDATE compiles the table's triggers, 0.1 ms a change. */
  stmt = gest_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, version);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

static gboolean
record_result (GestStore   *store,
               Pending     *p,
               JsonObject  *result,
               GError     **error)
{
  const char *status = json_object_get_string_member_with_default (result, "status", "");
  gint64 version = json_object_get_int_member_with_default (result, "version", 0);
  gboolean applied = g_str_equal (status, "applied");
  const char *reason = json_object_get_string_member_with_default (result, "error", "");
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare_cached (store,
                                    "UPDATE sync_outbox SET state = ?2, version = ?3, result = ?4 "
                                    "WHERE n = ?1 AND state = 'queued'",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->n);
  sqlite3_bind_text (stmt, 2, applied ? "applied" : "rejected", -1, SQLITE_STATIC);
  if (applied)
    sqlite3_bind_int64 (stmt, 3, version);
  else
    sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  /* Already recorded (a second reply to a replay): nothing more to do. */
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    return TRUE;

  if (applied)
    {
      JsonArray *conflicts = NULL;

      if (!record_version (store, p->entity, p->uuid, version, error))
        return FALSE;

      if (json_object_has_member (result, "conflicts") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (result, "conflicts")))
        conflicts = json_object_get_array_member (result, "conflicts");
      for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
        {
          JsonObject *conflict = json_array_get_object_element (conflicts, i);
          const char *field;
          g_autofree char *lost = NULL;
          g_autofree char *message = NULL;

          if (conflict == NULL)
            continue;
          field = json_object_get_string_member_with_default (conflict, "field", "");
          if (json_object_has_member (conflict, "lost_value"))
            lost = json_to_string (json_object_get_member (conflict, "lost_value"), FALSE);
          /* TRANSLATORS: %s is a field name (agreed_amount), the second the value that lost. */
          message = g_strdup_printf (_("“%s” was changed on another desktop too; this desktop’s "
                                       "value was kept and the other value (%s) was replaced."),
                                     field, lost != NULL ? lost : "null");
          if (!gest_sync_log_add (store, "conflict", p->entity, p->uuid, field, lost, message,
                                  p->n, error))
            return FALSE;
        }
      return TRUE;
    }

  {
    g_autofree char *message = g_strdup_printf (_("The server rejected a change made here: %s"),
                                                reason[0] != '\0' ? reason : status);

    GestDomainModule *module = gest_domain_modules_find_entity (p->entity, NULL);

    if (!gest_sync_log_add (store, "rejected", p->entity, p->uuid, NULL, NULL, message, p->n, error))
      return FALSE;
    /* The module of the record may show the rejection where its users look. */
    if (module != NULL &&
        !gest_domain_module_change_rejected (module, store, p->entity, p->uuid, message, error))
      return FALSE;
  }
  return TRUE;
}

/* A mutation the server cannot read (400) or take (413), which stores nothing, would
 * block the queue forever: it is found by halving the batch and rejected here. */
static gboolean
reject_with_reason (GestStore   *store,
                    Pending     *p,
                    const char  *reason,
                    GError     **error)
{
  g_autoptr(JsonObject) result = json_object_new ();

  json_object_set_string_member (result, "status", "rejected");
  json_object_set_string_member (result, "error", reason);
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  if (!record_result (store, p, result, error))
    {
      gest_store_rollback (store);
      return FALSE;
    }
  return gest_store_commit (store, error);
}

static gboolean
reject_locally (GestStore   *store,
                Pending     *p,
                guint        status,
                GBytes      *reply,
                GError     **error)
{
  g_autoptr(GError) status_error = NULL;

  gest_sync_status_error (status, reply, &status_error);
  return reject_with_reason (store, p, status_error->message, error);
}

static gboolean
record_results (GestStore   *store,
                GPtrArray   *batch,
                JsonObject  *reply,
                guint       *out_done,
                GError     **error)
{
  g_autoptr(GHashTable) by_n = g_hash_table_new (g_int64_hash, g_int64_equal);
  JsonArray *results = NULL;

  if (json_object_has_member (reply, "results") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (reply, "results")))
    results = json_object_get_array_member (reply, "results");
  if (results == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The sync server’s reply to the changes had no results. Changes stay queued."));
      return FALSE;
    }
  for (guint i = 0; i < batch->len; i++)
    {
      Pending *p = g_ptr_array_index (batch, i);

      g_hash_table_insert (by_n, &p->n, p);
    }

  gest_store_let_waiting_writers_in (store);
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  *out_done = 0;
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      gint64 n;
      Pending *p;

      if (result == NULL)
        continue;
      n = json_object_get_int_member_with_default (result, "n", 0);
      p = g_hash_table_lookup (by_n, &n);
      if (p == NULL)
        continue;
      if (!record_result (store, p, result, error))
        {
          gest_store_rollback (store);
          return FALSE;
        }
      (*out_done)++;
    }
  return gest_store_commit (store, error);
}

gboolean
gest_sync_push_all (GestStore           *store,
                    GestSyncConnection  *conn,
                    guint               *out_pushed,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint limit = GEST_SYNC_PUSH_BATCH;

  *out_pushed = 0;
  for (;;)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(GPtrArray) invalid = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) request = NULL;
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(JsonNode) root = NULL;
      guint status = 0;
      guint done = 0;

      batch = next_batch (store, limit, body, invalid, error);
      if (batch == NULL)
        return FALSE;
      for (guint i = 0; i < invalid->len; i++)
        {
          Pending *p = g_ptr_array_index (invalid, i);
          g_autofree char *reason = g_strdup_printf (_("It does not pass Gestiona’s checks, so it was "
                                                       "not sent: %s Correct the record and save it "
                                                       "again."), p->invalid);

          if (!reject_with_reason (store, p, reason, error))
            return FALSE;
          (*out_pushed)++;
        }
      if (batch->len == 0 && invalid->len > 0)
        continue;
      if (batch->len == 0)
        return TRUE;

      /* Documents' files go first: a mutation never names a blob the server lacks. A file the
       * server refuses for good (larger than its limit) rejects its document here, so that
       * the changes after it still go (issue 16.4). */
      {
        gboolean refused = FALSE;

        for (guint i = 0; i < batch->len; i++)
          {
            Pending *p = g_ptr_array_index (batch, i);
            g_autoptr(GError) blob_error = NULL;

            if (p->sha256 == NULL ||
                gest_sync_blob_upload (store, conn, p->sha256, cancellable, &blob_error))
              continue;
            if (!g_error_matches (blob_error, GEST_ERROR, GEST_ERROR_REFUSED))
              {
                g_propagate_error (error, g_steal_pointer (&blob_error));
                return FALSE;
              }
            if (!reject_with_reason (store, p, blob_error->message, error))
              return FALSE;
            (*out_pushed)++;
            refused = TRUE;
          }
        /* The batch's body named the refused documents: build it again without them. */
        if (refused)
          continue;
      }

      msg = gest_sync_message_new (conn, "POST", "/v1/push");
      request = g_bytes_new (body->str, body->len);
      reply = gest_sync_request (conn, msg, request, "application/json", &status, cancellable, error);
      if (reply == NULL)
        return FALSE;
      if ((status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE) &&
          batch->len > 1)
        {
          limit = MAX (1, batch->len / 2);
          continue;
        }
      if (status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
        {
          if (!reject_locally (store, g_ptr_array_index (batch, 0), status, reply, error))
            return FALSE;
          (*out_pushed)++;
          continue;
        }
      if (status != SOUP_STATUS_OK)
        return gest_sync_status_error (status, reply, error);
      limit = MIN (GEST_SYNC_PUSH_BATCH, limit * 2);
      root = gest_sync_parse_json (reply, error);
      if (root == NULL)
        return FALSE;
      if (!record_results (store, batch, json_node_get_object (root), &done, error))
        return FALSE;
      if (done == 0)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                       _("The sync server answered none of the %u changes sent. They stay queued."),
                       batch->len);
          return FALSE;
        }
      *out_pushed += done;
    }
}
