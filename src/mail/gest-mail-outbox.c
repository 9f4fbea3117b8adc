/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-outbox"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gest-date.h"
#include "gest-mail-outbox.h"
#include "gest-mail-outbox-private.h"
#include "gest-mail-settings.h"

/* Mail servers commonly refuse messages over 25 MB; base64 makes attachments a third larger. */
#define MAX_ATTACHMENTS_SIZE (18 * 1024 * 1024)

const char * const gest_mail_outbox_state_ids[4] = { "queued", "sending", "sent", "failed" };

static GStrv
attachments_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *uuid = json_array_get_string_element (array, i);

          if (uuid != NULL)
            g_strv_builder_add (builder, uuid);
        }
    }

  return g_strv_builder_end (builder);
}

static char *
attachments_to_json (GPtrArray *document_uuids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; document_uuids != NULL && i < document_uuids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (document_uuids, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

const char *
gest_mail_outbox_column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

GestMailOutboxEntry *
gest_mail_outbox_entry_from_row (sqlite3_stmt *stmt)
{
  GestMailOutboxEntry *entry = g_new0 (GestMailOutboxEntry, 1);
  const char *state = gest_mail_outbox_column_text (stmt, 6);

  entry->uuid = g_strdup (gest_mail_outbox_column_text (stmt, 0));
  entry->record_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->recipient = g_strdup (gest_mail_outbox_column_text (stmt, 2));
  entry->subject = g_strdup (gest_mail_outbox_column_text (stmt, 3));
  entry->body = g_strdup (gest_mail_outbox_column_text (stmt, 4));
  entry->attachments = attachments_from_json (gest_mail_outbox_column_text (stmt, 5));
  entry->state = GEST_MAIL_STATE_QUEUED;
  for (guint i = 0; i < G_N_ELEMENTS (gest_mail_outbox_state_ids); i++)
    {
      if (g_str_equal (state, gest_mail_outbox_state_ids[i]))
        entry->state = i;
    }
  entry->attempts = sqlite3_column_int (stmt, 7);
  entry->next_attempt = sqlite3_column_int64 (stmt, 8);
  entry->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  entry->created_at = sqlite3_column_int64 (stmt, 10);
  entry->sent_at = sqlite3_column_int64 (stmt, 11);
  entry->module = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  entry->purpose = g_strdup ((const char *) sqlite3_column_text (stmt, 13));

  return entry;
}

gboolean
gest_mail_outbox_check_attachments (GestStore   *store,
                                    const char  *record_uuid,
                                    GPtrArray   *document_uuids,
                                    const char  *foreign_hint,
                                    GString     *names,
                                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;

  stmt = gest_store_prepare (store,
                             "SELECT filename, record_uuid, size FROM documents"
                             " WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; document_uuids != NULL && i < document_uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (document_uuids, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("The document %s to attach no longer exists. Refresh the list of documents and choose again."),
                       uuid);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      if (record_uuid != NULL && g_strcmp0 (gest_mail_outbox_column_text (stmt, 1), record_uuid) != 0)
        {
          g_autofree char *message = g_strdup_printf (_("The document “%s” belongs to another record."),
                                                      gest_mail_outbox_column_text (stmt, 0));

          if (foreign_hint != NULL)
            g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "%s %s", message, foreign_hint);
          else
            g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, message);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      total += sqlite3_column_int64 (stmt, 2);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, gest_mail_outbox_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (total > MAX_ATTACHMENTS_SIZE)
    {
      g_autofree char *size = g_format_size (total);
      g_autofree char *limit = g_format_size (MAX_ATTACHMENTS_SIZE);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The chosen documents add up to %s, more than the %s an email can carry. Send them in two emails."),
                   size, limit);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_row (GestStore   *store,
            const char  *uuid,
            const char  *module,
            const char  *purpose,
            const char  *record_uuid,
            const char  *recipient,
            const char  *subject,
            const char  *body,
            const char  *json,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = gest_timestamp_now ();
  int rc;

  stmt = gest_store_prepare (store,
                             "INSERT INTO mail_outbox (uuid, record_uuid, recipient, subject, body,"
                             " attachments, state, attempts, next_attempt, created_at, updated_at,"
                             " module, purpose, queued_by)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', 0, 0, ?7, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (record_uuid != NULL)
    sqlite3_bind_text (stmt, 2, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, recipient, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, now);
  if (module != NULL)
    sqlite3_bind_text (stmt, 8, module, -1, SQLITE_TRANSIENT);
  if (purpose != NULL)
    sqlite3_bind_text (stmt, 9, purpose, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, gest_store_get_user (store) != NULL ? gest_store_get_user (store)->uuid : "",
                     -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

void
gest_mail_outbox_entry_free (GestMailOutboxEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->uuid);
  g_free (entry->record_uuid);
  g_free (entry->recipient);
  g_free (entry->subject);
  g_free (entry->body);
  g_strfreev (entry->attachments);
  g_free (entry->last_error);
  g_free (entry->module);
  g_free (entry->purpose);
  g_free (entry);
}

const char *
gest_mail_state_id (GestMailState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (gest_mail_outbox_state_ids), NULL);

  return gest_mail_outbox_state_ids[state];
}

gboolean
gest_mail_outbox_queue (GestStore   *store,
                        const char  *module,
                        const char  *purpose,
                        const char  *record_uuid,
                        const char  *recipient,
                        const char  *subject,
                        const char  *body,
                        GPtrArray   *document_uuids,
                        char       **out_uuid,
                        GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *json = NULL;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  if (!gest_mail_address_is_valid (recipient))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an email address. Enter one address as name@domain."),
                   recipient != NULL ? recipient : "");
      return FALSE;
    }

  if (strpbrk (subject, "\r\n") != NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("An email subject must be one line. Remove the line breaks."));
      return FALSE;
    }

  json = attachments_to_json (document_uuids);

  if (!gest_store_begin_change (store, "gest_mail_queue", &own, error))
    return FALSE;

  ok = gest_mail_outbox_check_attachments (store, record_uuid, document_uuids, NULL, names, error) &&
       insert_row (store, uuid, module, purpose, record_uuid, recipient, subject, body, json, error);

  if (!gest_store_end_change (store, "gest_mail_queue", own, ok, error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);

  return TRUE;
}

GPtrArray *
gest_mail_outbox_query (GestStore   *store,
               const char  *sql,
               const char  *param,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_mail_outbox_entry_free);
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, gest_mail_outbox_entry_from_row (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

GPtrArray *
gest_mail_outbox_list_pending (GestStore  *store,
                               GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return gest_mail_outbox_query (store,
                        "SELECT " ENTRY_COLUMNS " FROM mail_outbox WHERE state <> 'sent'"
                        " ORDER BY created_at, rowid", NULL, error);
}

gint64
gest_mail_outbox_count_pending (GestStore  *store,
                                GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (GEST_IS_STORE (store), -1);

  stmt = gest_store_prepare (store, "SELECT count(*) FROM mail_outbox WHERE state <> 'sent'", error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    gest_store_set_error (store, error);
  sqlite3_finalize (stmt);

  return count;
}

GestMailOutboxEntry *
gest_mail_outbox_lookup (GestStore   *store,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  entries = gest_mail_outbox_query (store, "SELECT " ENTRY_COLUMNS " FROM mail_outbox WHERE uuid = ?1",
                           uuid, error);
  if (entries == NULL)
    return NULL;

  if (entries->len == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("That email is no longer in the outbox."));
      return NULL;
    }

  return g_ptr_array_steal_index (entries, 0);
}

gboolean
gest_mail_outbox_retry_now (GestStore   *store,
                            const char  *uuid,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  stmt = gest_store_prepare (store,
                             "UPDATE mail_outbox SET next_attempt = 0, updated_at = ?2"
                             " WHERE state = 'failed' AND (?1 IS NULL OR uuid = ?1)", error);
  if (stmt == NULL)
    return FALSE;

  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, gest_timestamp_now ());
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}
