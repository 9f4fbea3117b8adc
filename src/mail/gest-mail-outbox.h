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
  char          *record_uuid;     /* nullable: the record whose log tells the story */
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
  char          *module;          /* nullable: the id of the module that queued it */
  char          *purpose;         /* nullable: that module's word for why */
} GestMailOutboxEntry;

void                 gest_mail_outbox_entry_free (GestMailOutboxEntry *entry);
const char          *gest_mail_state_id          (GestMailState        state);

/* Queues one email. @document_uuids (nullable) are documents.uuid values: each must exist and,
 * when @record_uuid is given, belong to that record. @module (a module's id) and @purpose
 * (that module's word) are both given or both NULL: when the email is sent, the outbox calls
 * the module's mail_sent (GestDomainModule) with @purpose and @record_uuid. Inside the
 * caller's transaction when one is open (through a savepoint), else in its own. @out_uuid
 * (nullable) gets the row's uuid. */
gboolean             gest_mail_outbox_queue      (GestStore            *store,
                                                  const char           *module,
                                                  const char           *purpose,
                                                  const char           *record_uuid,
                                                  const char           *recipient,
                                                  const char           *subject,
                                                  const char           *body,
                                                  GPtrArray            *document_uuids,
                                                  char                **out_uuid,
                                                  GError              **error);
/* Checks that every document of @document_uuids exists, belongs to @record_uuid when given
 * (else the error says so, then @foreign_hint, nullable) and that together they fit in an
 * email; appends their file names to @names ("name.pdf, other.jpg"). */
gboolean             gest_mail_outbox_check_attachments (GestStore   *store,
                                                         const char  *record_uuid,
                                                         GPtrArray   *document_uuids,
                                                         const char  *foreign_hint,
                                                         GString     *names,
                                                         GError     **error);

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
/* Marks sent, tells the module that queued it (mail_sent) and logs "Sent to …" on the
 * record, in one transaction. */
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
