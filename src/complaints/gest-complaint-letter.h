/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-complaint.h"
#include "gest-store.h"
#include "gest-templates.h"

G_BEGIN_DECLS

/* The case's letters and messages (Q6, Q8), GLib only: the placeholders a case resolves, the
 * default Spanish templates, the "in process" message and the answer letter. The blocking
 * functions run in the caller's transaction (the writer thread, the CLI, tests). */

#define GEST_COMPLAINT_TEMPLATE_IN_PROCESS "complaint.in-process"
#define GEST_COMPLAINT_TEMPLATE_ANSWER     "complaint.answer-letter"

/* The two kinds of template (registered once; every function below registers them). */
void                gest_complaint_letter_register_kinds (void);
/* The placeholders' values for @complaint (name → string; the letter's date is today in the
 * dealer's time zone). */
GHashTable         *gest_complaint_letter_values     (GestStore           *store,
                                                      const GestComplaint *complaint);
/* The templates of @kind to choose from: the stored ones, or the default Spanish one (uuid
 * NULL) while none is stored. */
GPtrArray          *gest_complaint_letter_templates  (GestStore           *store,
                                                      const char          *kind,
                                                      GError             **error);
/* The default template of @kind (uuid NULL). */
GestTemplateRecord *gest_complaint_letter_default    (const char          *kind);
/* Stores the default templates of the kinds that have none yet ("created on first use"). */
gboolean            gest_complaint_letter_ensure_defaults (GestStore      *store,
                                                           GError        **error);

/* Q6: the "in process" message, resolved (plain text) from @template for the case: queued by
 * email to the customer through the outbox (purpose "in-process") when @channel is "email",
 * or recorded as given by phone ("phone"); either way the case's in_process_sent_at/_channel
 * are set and the case's log says so. */
gboolean            gest_complaint_send_in_process   (GestStore           *store,
                                                      const char          *complaint_uuid,
                                                      const GestTemplateRecord *template_,
                                                      const char          *channel,
                                                      GError             **error);

/* Q8: what the answer letter's PDF needs, read on the store's thread: then rendered on any
 * thread (a GTask's) with gest_complaint_answer_letter_parts_render(). */
typedef struct _GestComplaintLetterParts GestComplaintLetterParts;

GestComplaintLetterParts *gest_complaint_answer_letter_prepare (GestStore                *store,
                                                                const GestComplaint      *complaint,
                                                                const GestTemplateRecord *template_);
GBytes             *gest_complaint_answer_letter_parts_render (const GestComplaintLetterParts *parts,
                                                               GError                        **error);
void                gest_complaint_letter_parts_free (GestComplaintLetterParts *parts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintLetterParts, gest_complaint_letter_parts_free)

/* Q8: the answer letter's PDF for the case from @template (print-ready: the dealer's
 * letterhead, the date, the folio, the signed-in user's signature), on the store's thread. */
GBytes             *gest_complaint_answer_letter_render (GestStore        *store,
                                                         const GestComplaint *complaint,
                                                         const GestTemplateRecord *template_,
                                                         GError          **error);
/* Q8: the answer letter went out: @pdf stored as the case's answer-letter document, emailed
 * to the customer with it attached when @how is "email" (subject from @template), then
 * gest_complaint_record_answer_sent() with the areas it was copied to. @how: "email" or
 * "print". */
gboolean            gest_complaint_answer_letter_sent (GestStore           *store,
                                                       const char          *complaint_uuid,
                                                       const GestTemplateRecord *template_,
                                                       GBytes              *pdf,
                                                       const char          *how,
                                                       const char          *copied_to,
                                                       char               **out_document_uuid,
                                                       GError             **error);

G_END_DECLS
