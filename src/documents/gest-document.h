/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* X4: what a document is for. The ids are stored in documents.kind: never change one. */
typedef enum
{
  GEST_DOCUMENT_KIND_PAYMENT_PROOF,
  GEST_DOCUMENT_KIND_IDENTIFICATION,
  GEST_DOCUMENT_KIND_PLAN_STATEMENT,
  GEST_DOCUMENT_KIND_INVOICE,
  GEST_DOCUMENT_KIND_ACKNOWLEDGMENT,
  GEST_DOCUMENT_KIND_OTHER,
  /* Issue 13: letters, memos and reports of customer-service cases (Q1, Q3, Q4, Q5). */
  GEST_DOCUMENT_KIND_CUSTOMER_LETTER,
  GEST_DOCUMENT_KIND_ANSWER_LETTER,
  GEST_DOCUMENT_KIND_MEMO,
  GEST_DOCUMENT_KIND_STAMPED_MEMO,
  GEST_DOCUMENT_KIND_CONTACT_REPORT,
  GEST_DOCUMENT_KIND_SIGNED_ACCEPTANCE,
  GEST_N_DOCUMENT_KINDS
} GestDocumentKind;

const char       *gest_document_kind_id      (GestDocumentKind  kind);   /* "payment-proof"... */
const char       *gest_document_kind_label   (GestDocumentKind  kind);   /* translated */
gboolean          gest_document_kind_from_id (const char       *id,
                                              GestDocumentKind *out);
/* A first guess from a file name ("factura.pdf" is an invoice, "INE.jpg" an
 * identification...), so the attach dialog starts on a sensible kind. Never fails:
 * GEST_DOCUMENT_KIND_OTHER when nothing matches. */
GestDocumentKind  gest_document_kind_guess   (const char       *filename);

/* One row of the documents table: immutable once made. */
#define GEST_TYPE_DOCUMENT (gest_document_get_type ())
G_DECLARE_FINAL_TYPE (GestDocument, gest_document, GEST, DOCUMENT, GObject)

GestDocument     *gest_document_new             (const char       *uuid,
                                                 const char       *record_uuid,
                                                 GestDocumentKind  kind,
                                                 const char       *sha256,
                                                 gint64            size,
                                                 const char       *mime_type,
                                                 const char       *filename,
                                                 const char       *added_by,
                                                 gint64            added_at);
const char       *gest_document_get_uuid        (GestDocument     *self);
const char       *gest_document_get_record_uuid (GestDocument     *self);
GestDocumentKind  gest_document_get_kind        (GestDocument     *self);
const char       *gest_document_get_sha256      (GestDocument     *self);
/* Whether @sha256 is 64 characters 0-9, a-f, the only names of stored files (issue 16.6). */
gboolean          gest_document_sha256_is_valid (const char       *sha256);
gint64            gest_document_get_size        (GestDocument     *self);
const char       *gest_document_get_mime_type   (GestDocument     *self);
const char       *gest_document_get_filename    (GestDocument     *self);
const char       *gest_document_get_added_by    (GestDocument     *self);
/* Unix microseconds. */
gint64            gest_document_get_added_at    (GestDocument     *self);

G_END_DECLS
