/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-outbox"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-mail-outbox.h"
#include "gest-mail-outbox-private.h"

/* The sender's half of the outbox: claiming due email, recording each attempt's outcome. */

/* A claim lasts longer than the sender's whole transfer timeout; a claim older than that was
 * left by a sender that died, and the email is due again. */
#define CLAIM_LEASE (15 * G_TIME_SPAN_MINUTE)
#define BACKOFF_BASE G_TIME_SPAN_MINUTE
#define BACKOFF_MAX (6 * G_TIME_SPAN_HOUR)

gint64
gest_mail_outbox_backoff (guint attempts)
{
  gint64 delay = BACKOFF_BASE;

  for (guint i = 1; i < attempts && delay < BACKOFF_MAX; i++)
    delay *= 2;

  return MIN (delay, BACKOFF_MAX);
}

GestMailOutboxEntry *
gest_mail_outbox_claim_next (GestStore  *store,
                             gint64      now,
                             GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *now_s = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  GestMailOutboxEntry *entry;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (!gest_store_begin (store, TRUE, error))
    return NULL;

  entries = gest_mail_outbox_query (store,
                           "SELECT " ENTRY_COLUMNS " FROM mail_outbox"
                           " WHERE state IN ('queued', 'failed', 'sending')"
                           " AND next_attempt <= CAST(?1 AS INTEGER)"
                           " ORDER BY next_attempt, created_at, rowid LIMIT 1", now_s, error);
  if (entries == NULL)
    goto fail;

  if (entries->len == 0)
    {
      gest_store_rollback (store);
      return NULL;
    }

  entry = g_ptr_array_index (entries, 0);
  stmt = gest_store_prepare (store,
                             "UPDATE mail_outbox SET state = 'sending', next_attempt = ?2, updated_at = ?3"
                             " WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, entry->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now + CLAIM_LEASE);
  sqlite3_bind_int64 (stmt, 3, now);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }

  if (!gest_store_commit (store, error))
    goto fail;

  entry->state = GEST_MAIL_STATE_SENDING;
  return g_ptr_array_steal_index (entries, 0);

fail:
  gest_store_rollback (store);
  return NULL;
}

/* The user who queued the email @uuid, NULL when nobody was signed in then. */
static GestUser *
load_queued_by (GestStore  *store,
                const char *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestRole role;

  stmt = gest_store_prepare (store,
                             "SELECT u.uuid, u.login, u.name, u.role FROM mail_outbox m"
                             " JOIN users u ON u.uuid = m.queued_by WHERE m.uuid = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !gest_role_from_id ((const char *) sqlite3_column_text (stmt, 3), &role))
    return NULL;
  return gest_user_new ((const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2), role);
}

static gboolean
update_entry (GestStore            *store,
              GestMailOutboxEntry  *entry,
              const char           *log_text,
              GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;
  g_autoptr(GestUser) queued_by = NULL;
  g_autoptr(GestUser) signed_in = NULL;

  if (!gest_store_begin (store, TRUE, error))
    return FALSE;

  /* What this delivery writes (the module's record, the log) is done for the user who queued
   * the email, not for whoever the mail service's connection has (nobody). */
  queued_by = load_queued_by (store, entry->uuid);
  if (gest_store_get_user (store) != NULL)
    signed_in = gest_user_ref (gest_store_get_user (store));
  if (queued_by != NULL)
    gest_store_set_user (store, queued_by);

  stmt = gest_store_prepare (store,
                             "UPDATE mail_outbox SET state = ?2, attempts = ?3, next_attempt = ?4,"
                             " last_error = ?5, sent_at = ?6, updated_at = ?7 WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, entry->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, gest_mail_outbox_state_ids[entry->state], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, entry->attempts);
  sqlite3_bind_int64 (stmt, 4, entry->next_attempt);
  if (entry->last_error != NULL)
    sqlite3_bind_text (stmt, 5, entry->last_error, -1, SQLITE_TRANSIENT);
  if (entry->sent_at != 0)
    sqlite3_bind_int64 (stmt, 6, entry->sent_at);
  sqlite3_bind_int64 (stmt, 7, gest_timestamp_now ());
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }

  /* The module that queued a delivered email records it on its record (T5: "documents
   * sent"). A module this version lacks has nothing to record. */
  if (entry->state == GEST_MAIL_STATE_SENT && entry->module != NULL && entry->record_uuid != NULL)
    {
      GestDomainModule *module = gest_domain_modules_find (entry->module);

      if (module != NULL &&
          !gest_domain_module_mail_sent (module, store, entry->purpose, entry->record_uuid,
                                         entry->sent_at, error))
        goto fail;
    }

  if (log_text != NULL && entry->record_uuid != NULL &&
      gest_activity_log_append (store, entry->record_uuid, GEST_ACTIVITY_EMAIL, log_text,
                                NULL, NULL, error) <= 0)
    goto fail;

  if (gest_store_commit (store, error))
    {
      gest_store_set_user (store, signed_in);
      return TRUE;
    }

fail:
  gest_store_rollback (store);
  gest_store_set_user (store, signed_in);
  return FALSE;
}

gboolean
gest_mail_outbox_mark_sent (GestStore            *store,
                            GestMailOutboxEntry  *entry,
                            GError              **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  entry->state = GEST_MAIL_STATE_SENT;
  entry->attempts++;
  entry->sent_at = gest_timestamp_now ();
  entry->next_attempt = 0;
  g_clear_pointer (&entry->last_error, g_free);

  text = g_strdup_printf (_("Sent to %s: “%s”."), entry->recipient, entry->subject);

  return update_entry (store, entry, text, error);
}

gboolean
gest_mail_outbox_mark_failed (GestStore            *store,
                              GestMailOutboxEntry  *entry,
                              const char           *reply,
                              GError              **error)
{
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  gint64 now = gest_timestamp_now ();

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (reply != NULL, FALSE);

  entry->state = GEST_MAIL_STATE_FAILED;
  entry->attempts++;
  entry->next_attempt = now + gest_mail_outbox_backoff (entry->attempts);
  g_free (entry->last_error);
  entry->last_error = g_strdup (reply);

  when = gest_timestamp_format (entry->next_attempt);
  /* Translators: %s is the mail server's reply or the connection error; then the date and
   * time of the next attempt (dd/mm/yyyy HH:MM). */
  text = g_strdup_printf (_("Sending failed: %s. Gestiona will try again at %s."), reply, when);

  return update_entry (store, entry, text, error);
}

gboolean
gest_mail_outbox_release (GestStore            *store,
                          GestMailOutboxEntry  *entry,
                          GError              **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  entry->state = entry->attempts > 0 ? GEST_MAIL_STATE_FAILED : GEST_MAIL_STATE_QUEUED;
  entry->next_attempt = 0;

  return update_entry (store, entry, NULL, error);
}
