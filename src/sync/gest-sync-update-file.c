/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-permissions.h"
#include "gest-sync-private.h"
#include "gest-sync-update-file.h"

#define UPDATES_FORMAT "gestiona-conauto-updates"
#define APPLIED_KEY    "conauto-updates-until"

/* The decoded public key, or FALSE. */
static gboolean
decode_key (const char *key,
            guint8      out[crypto_sign_PUBLICKEYBYTES])
{
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;

  if (key == NULL || strlen (key) != 44)
    return FALSE;
  bytes = g_base64_decode (key, &len);
  if (len != crypto_sign_PUBLICKEYBYTES)
    return FALSE;
  memcpy (out, bytes, len);
  return TRUE;
}

gboolean
gest_sync_conauto_key_valid (const char *key)
{
  guint8 bytes[crypto_sign_PUBLICKEYBYTES];

  return decode_key (key, bytes);
}

gboolean
gest_sync_set_conauto_key (GestStore   *store,
                           const char  *key,
                           gint64       dealer_number,
                           GError     **error)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (!gest_sync_conauto_key_valid (key))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a Conauto public key: it is 44 characters of base64, as "
                     "gestiona-server public-key prints it."), key != NULL ? key : "");
      return FALSE;
    }
  if (dealer_number < 0 || dealer_number > 999)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The dealer number must be 1 to 999, as Conauto gave it."));
      return FALSE;
    }
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, dealer_number);
  if (!gest_store_check_permission (store, GEST_PERMISSION_DEALER_SETTINGS, error) ||
      !gest_store_set_setting (store, "conauto.public-key", key, error) ||
      (dealer_number > 0 && !gest_store_set_setting (store, "conauto.dealer-number", number, error)))
    {
      gest_store_rollback (store);
      return FALSE;
    }
  return gest_store_commit (store, error);
}

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, message);
  return FALSE;
}

/* The payload text of @file once its signature is checked with the configured key. */
static JsonNode *
verified_payload (GestStore  *store,
                  GBytes     *file,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) inner = json_parser_new_immutable ();
  g_autofree char *key_text = gest_store_get_setting (store, "conauto.public-key");
  g_autofree guint8 *signature = NULL;
  guint8 key[crypto_sign_PUBLICKEYBYTES];
  gsize size = 0, signature_len = 0;
  const char *data = g_bytes_get_data (file, &size);
  JsonObject *object;
  const char *payload;

  if (!decode_key (key_text, key))
    {
      refuse (error, "%s", _("This desktop has no Conauto public key, so it cannot tell whether the "
                             "file comes from Conauto. A general manager sets it in the dealer’s "
                             "settings (gestiona-server public-key prints it on Conauto’s server); "
                             "enrolling with sync sets it by itself."));
      return NULL;
    }
  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) size, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      refuse (error, "%s", _("This is not a Conauto update file (it is not JSON). Nothing was imported."));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  payload = json_object_get_string_member_with_default (object, "payload", NULL);
  signature = g_base64_decode (json_object_get_string_member_with_default (object, "signature", ""),
                               &signature_len);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), UPDATES_FORMAT) != 0
      || payload == NULL)
    {
      refuse (error, "%s", _("This is not a Conauto update file. Nothing was imported."));
      return NULL;
    }
  if (signature_len != crypto_sign_BYTES
      || crypto_sign_verify_detached (signature, (const guint8 *) payload, strlen (payload), key) != 0)
    {
      refuse (error, "%s", _("The update file’s signature does not match Conauto’s public key: the file "
                             "was changed after Conauto signed it, or it was signed with another key. "
                             "Nothing was imported; ask Conauto for the file again."));
      return NULL;
    }
  if (!json_parser_load_from_data (inner, payload, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (inner)))
    {
      refuse (error, "%s", _("This is not a Conauto update file. Nothing was imported."));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (inner));
}

/* This desktop's dealer number: the enrolled one, else the one set with Conauto's key. */
static gint64
dealer_number (GestStore *store)
{
  g_autofree char *text = gest_sync_state_get (store, "dealer-number");

  if (text == NULL)
    text = gest_store_get_setting (store, "conauto.dealer-number");
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* Conauto's step moves are logged on their records as Conauto's. */
static gboolean
log_steps (GestStore  *store,
           JsonArray  *changes,
           GError    **error)
{
  g_autoptr(GestUser) conauto = gest_user_new ("", "conauto", "Conauto", GEST_ROLE_CONAUTO);   /* data, as the log stores it */
  GestUser *previous = gest_store_get_user (store);
  gboolean ok = TRUE;

  if (previous != NULL)
    gest_user_ref (previous);
  gest_store_set_user (store, conauto);
  for (guint i = 0; ok && i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *fields = json_object_get_object_member (change, "fields");
      g_autofree char *text = NULL;

      if (!json_object_has_member (fields, "step"))
        continue;
      text = g_strdup_printf (_("Conauto moved it to step %lld (update file)."),
                              (long long) json_object_get_int_member_with_default (fields, "step", 0));
      ok = gest_activity_log_append (store, json_object_get_string_member (change, "uuid"),
                                     GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
    }
  gest_store_set_user (store, previous);
  if (previous != NULL)
    gest_user_unref (previous);
  return ok;
}

/* The file carries Conauto's fields only; a pull carries whole records. A record this desktop
 * has gets its local fields under the file's, so the change applies as a pulled one would
 * (the upsert needs every required column); one it lacks is applied as it comes. */
static JsonObject *
whole_change (GestStore   *store,
              JsonObject  *change,
              GError     **error)
{
  const GestSyncEntity *entity = gest_sync_entity_find (json_object_get_string_member (change, "entity"));
  JsonObject *fields = json_object_get_object_member (change, "fields");
  g_autoptr(GString) sql = g_string_new ("SELECT json_object (");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) copy = NULL;
  JsonObject *local;
  sqlite3_stmt *stmt;
  GList *members;
  int rc;

  copy = json_object_ref (change);
  if (entity == NULL)
    return g_steal_pointer (&copy);
  for (guint i = 0; entity->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s'%s', %s", i > 0 ? ", " : "", entity->columns[i], entity->columns[i]);
  g_string_append_printf (sql, ") FROM %s WHERE uuid = ?1", entity->table);
  stmt = gest_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (change, "uuid"), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, NULL))
    {
      local = json_node_get_object (json_parser_get_root (parser));
      members = json_object_get_members (fields);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (local, l->data, json_node_copy (json_object_get_member (fields, l->data)));
      g_list_free (members);
      g_clear_pointer (&copy, json_object_unref);
      copy = json_object_new ();
      json_object_set_string_member (copy, "entity", entity->entity);
      json_object_set_string_member (copy, "uuid", json_object_get_string_member (change, "uuid"));
      json_object_set_int_member (copy, "version", json_object_get_int_member_with_default (change, "version", 0));
      json_object_set_boolean_member (copy, "deleted", FALSE);
      json_object_set_object_member (copy, "fields", json_object_ref (local));
    }
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&copy);
}

/* A change as a pull gives it; the signature says it is Conauto's. */
static gboolean
change_is_conauto (JsonNode *node)
{
  JsonObject *change;
  JsonNode *fields;
  const char *entity;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  change = json_node_get_object (node);
  entity = json_object_get_string_member_with_default (change, "entity", "");
  fields = json_object_get_member (change, "fields");
  return entity[0] != '\0'
         && json_object_get_string_member_with_default (change, "uuid", NULL) != NULL
         && fields != NULL && JSON_NODE_HOLDS_OBJECT (fields);
}

gboolean
gest_sync_import_conauto_updates (GestStore          *store,
                                  GBytes             *file,
                                  GestConautoImport  *out,
                                  GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GestSyncApplier) applier = NULL;
  g_autofree char *applied_text = NULL;
  g_autofree char *until_text = NULL;
  GestConautoImport report = { 0, };
  JsonObject *payload;
  JsonArray *changes;
  JsonNode *node;
  gint64 mine, theirs, since, applied;
  gint64 log_before;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!gest_store_check_permission (store, GEST_PERMISSION_IMPORT_CONAUTO, error))
    return FALSE;
  root = verified_payload (store, file, error);
  if (root == NULL)
    return FALSE;
  payload = json_node_get_object (root);
  node = json_object_get_member (payload, "changes");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, "%s", _("This is not a Conauto update file. Nothing was imported."));
  changes = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    if (!change_is_conauto (json_array_get_element (changes, i)))
      return refuse (error, "%s", _("The update file holds a change that is not well formed. Nothing "
                                    "was imported."));

  mine = dealer_number (store);
  theirs = json_object_get_int_member_with_default (payload, "dealer_number", 0);
  if (mine == 0)
    return refuse (error, "%s", _("This desktop does not know its dealer number, so it cannot tell whether "
                                  "the file is for this dealer. A general manager sets it with Conauto’s "
                                  "public key."));
  if (theirs != mine)
    return refuse (error, _("This update file is for dealer %lld, and this desktop is "
                            "dealer %lld. Nothing was imported."), (long long) theirs, (long long) mine);

  since = json_object_get_int_member_with_default (payload, "since", 0);
  report.until = json_object_get_int_member_with_default (payload, "until", 0);
  report.changes = json_array_get_length (changes);

  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  /* Inside the transaction: a second import waits, then sees what this one applied. */
  applied_text = gest_sync_state_get (store, APPLIED_KEY);
  applied = applied_text != NULL ? g_ascii_strtoll (applied_text, NULL, 10) : 0;
  if (report.until == applied && applied > 0)
    {
      gest_store_rollback (store);
      report.replay = TRUE;
      if (out != NULL)
        *out = report;
      return TRUE;
    }
  if (report.until < applied)
    {
      gest_store_rollback (store);
      return refuse (error, _("This update file is older than the one already imported (it goes up to "
                              "change %lld; this desktop has Conauto’s changes up to "
                              "%lld). Nothing was imported."), (long long) report.until, (long long) applied);
    }
  if (since > applied)
    {
      gest_store_rollback (store);
      return refuse (error, _("This update file starts after change %lld, and this desktop "
                              "has Conauto’s changes only up to %lld: the ones between "
                              "would be missing. Ask Conauto for a file since %lld."),
                     (long long) since, (long long) applied, (long long) applied);
    }

  log_before = 0;
  {
    sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT coalesce (max (id), 0) FROM sync_log", error);

    if (stmt == NULL)
      goto fail;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      log_before = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  /* As a pull: the forms' checks on each change, applied without entering the outbox. */
  if (!gest_store_exec (store, "INSERT OR IGNORE INTO sync_applying (one) VALUES (1)", error))
    goto fail;
  applier = gest_sync_applier_new (store, error);
  if (applier == NULL)
    goto fail;
  gest_sync_applier_ignore_queued (applier);
  for (guint i = 0; i < report.changes; i++)
    {
      g_autoptr(JsonObject) change = whole_change (store, json_array_get_object_element (changes, i), error);

      if (change == NULL || !gest_sync_apply_change (applier, change, error))
        goto fail;
    }
  until_text = g_strdup_printf ("%" G_GINT64_FORMAT, report.until);
  /* Conauto's entries stay on this desktop (sync_applying is still set): the server has the
   * changes already, and a dealer without sync has no server to send them to. */
  if (!log_steps (store, changes, error)
      || !gest_store_exec (store, "DELETE FROM sync_applying", error)
      || !gest_sync_state_set (store, APPLIED_KEY, until_text, error))
    goto fail;
  {
    sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT count(*) FROM sync_log WHERE id > ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, log_before);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      report.not_applied = (guint) sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  if (!gest_store_commit (store, error))
    return FALSE;
  if (out != NULL)
    *out = report;
  return TRUE;

fail:
  gest_store_rollback (store);
  return FALSE;
}
