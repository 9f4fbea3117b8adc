/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The purpose of the trámites' emails in the mail outbox (mail_outbox.purpose). */
#define GEST_TRAMITE_MAIL_DOCUMENTS "documents"

/* T4: composes the email with the trámite's chosen documents to Conauto's documents address
 * (setting conauto.documents-email), subject "Early payoff <folio> — <customer>", a body with
 * the plan, customer, agreed amount and date; queues it (purpose "documents") and appends
 * "Queued email…" to the trámite's activity log, both in one transaction. */
gboolean gest_mail_queue_tramite_documents        (GestStore           *store,
                                                   const char          *tramite_uuid,
                                                   GPtrArray           *document_uuids,
                                                   GError             **error);
/* gest_mail_queue_tramite_documents() on the store's writer thread, for the UI thread. */
void     gest_mail_queue_tramite_documents_async  (GestStore           *store,
                                                   const char          *tramite_uuid,
                                                   GPtrArray           *document_uuids,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean gest_mail_queue_tramite_documents_finish (GestStore           *store,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* T5: the outbox sent an email of @purpose about the trámite @tramite_uuid: the documents
 * email ticks "documents sent" (docs_sent_at), if not yet. Inside the outbox's transaction. */
gboolean gest_tramite_mail_sent                   (GestStore           *store,
                                                   const char          *purpose,
                                                   const char          *tramite_uuid,
                                                   gint64               sent_at,
                                                   GError             **error);

G_END_DECLS
