/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* T4: outgoing email waits in the mail_outbox table, written in the same transaction as the
 * action that sends it, so nothing is lost when the app closes or the server is down.
 * gest_mail_sender_drain() sends what is due and retries failures with a growing delay. */

typedef enum
{
  GEST_MAIL_STATE_QUEUED,
  GEST_MAIL_STATE_SENDING,   /* claimed by a sender; due again if that sender dies */
  GEST_MAIL_STATE_SENT,
  GEST_MAIL_STATE_FAILED,    /* the last attempt failed; retried at next_attempt */
} GestMailState;

typedef struct
{
  char          *uuid;
  char          *record_uuid;     /* nullable: the trámite whose log tells the story */
  char          *recipient;
  char          *subject;
  char          *body;
  GStrv          attachments;     /* document uuids, never NULL */
  GestMailState  state;
  guint          attempts;
  gint64         next_attempt;    /* unix µs */
  char          *last_error;      /* nullable: the server's reply to the last attempt */
  gint64         created_at;
  gint64         sent_at;         /* 0 until sent */
} GestMailOutboxEntry;

void                 gest_mail_outbox_entry_free (GestMailOutboxEntry *entry);
const char          *gest_mail_state_id          (GestMailState        state);

/* Queues one email. @document_uuids (nullable) are documents.uuid values: each must exist and,
 * when @record_uuid is given, belong to that record. Inside the caller's transaction when one
 * is open (through a savepoint), else in its own. @out_uuid (nullable) gets the row's uuid. */
gboolean             gest_mail_outbox_queue      (GestStore            *store,
                                                  const char           *record_uuid,
                                                  const char           *recipient,
                                                  const char           *subject,
                                                  const char           *body,
                                                  GPtrArray            *document_uuids,
                                                  char                **out_uuid,
                                                  GError              **error);

/* T4: composes the email with the trámite's chosen documents to Conauto's documents address
 * (setting conauto.documents-email), subject "Early payoff <folio> — <customer>", a body with
 * the plan, customer, agreed amount and date; queues it and appends "Queued email…" to the
 * trámite's activity log, both in one transaction. */
gboolean             gest_mail_queue_tramite_documents (GestStore   *store,
                                                        const char  *tramite_uuid,
                                                        GPtrArray   *document_uuids,
                                                        GError     **error);

/* gest_mail_queue_tramite_documents() on the store's writer thread, for the UI thread. */
void                 gest_mail_queue_tramite_documents_async  (GestStore           *store,
                                                               const char          *tramite_uuid,
                                                               GPtrArray           *document_uuids,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             gest_mail_queue_tramite_documents_finish (GestStore           *store,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* Email not sent yet (queued, sending, failed), oldest first: GPtrArray of
 * GestMailOutboxEntry* (free func set). */
GPtrArray           *gest_mail_outbox_list_pending  (GestStore   *store,
                                                     GError     **error);
gint64               gest_mail_outbox_count_pending (GestStore   *store,
                                                     GError     **error);
GestMailOutboxEntry *gest_mail_outbox_lookup        (GestStore   *store,
                                                     const char  *uuid,
                                                     GError     **error);
/* Makes failed email (one, or all when @uuid is NULL) due now: the user's "Retry now". */
gboolean             gest_mail_outbox_retry_now     (GestStore   *store,
                                                     const char  *uuid,
                                                     GError     **error);

/* --- For the sender --------------------------------------------------------------------- */

/* Delay before attempt number @attempts + 1: 1 min, 2, 4... at most 6 h. */
gint64               gest_mail_outbox_backoff       (guint        attempts);
/* Takes the next due email (queued or failed with next_attempt <= @now, or a claim older than
 * its lease) and marks it sending, in one transaction; NULL without error when none is due. */
GestMailOutboxEntry *gest_mail_outbox_claim_next    (GestStore   *store,
                                                     gint64       now,
                                                     GError     **error);
/* Marks sent and logs "Sent to …" on the record, in one transaction. */
gboolean             gest_mail_outbox_mark_sent     (GestStore            *store,
                                                     GestMailOutboxEntry  *entry,
                                                     GError              **error);
/* Counts the attempt, schedules the next with gest_mail_outbox_backoff(), keeps @reply and
 * logs "Sending failed: <reply>" on the record, in one transaction. */
gboolean             gest_mail_outbox_mark_failed   (GestStore            *store,
                                                     GestMailOutboxEntry  *entry,
                                                     const char           *reply,
                                                     GError              **error);
/* Gives a claimed email back untouched (the sender was stopped before it finished). */
gboolean             gest_mail_outbox_release       (GestStore            *store,
                                                     GestMailOutboxEntry  *entry,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestMailOutboxEntry, gest_mail_outbox_entry_free)

G_END_DECLS
