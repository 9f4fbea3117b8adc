/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-document.h"
#include "gest-money.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* An invoice annulment and its re-invoicing (Q1-Q4, Q12), GLib only. Every change checks the
 * signed-in user's permission (gest-annulment-workflow.h) inside its transaction, reloads the
 * row and runs the rules on what is stored now (gest_record_change_run()), and appends the
 * annulment's activity entry. A refusal is a GEST_ERROR_REFUSED / GEST_ERROR_PERMISSION whose
 * translated message says what is missing and how to get it. Blocking, in the caller's
 * transaction when there is one (the writer thread for the pages; the CLI directly). */

#define GEST_ANNULMENT_FOLIO_PREFIX "ANU"
/* The purpose of the request email in the mail outbox (Q1). */
#define GEST_ANNULMENT_MAIL_REQUEST "request"

/* The stages, stored in annulments.stage (never renumber). */
typedef enum
{
  GEST_ANNULMENT_REQUEST,             /* Solicitud: the data and the five documents (Q1) */
  GEST_ANNULMENT_SENT,                /* Enviada to the head of customer service (Q1) */
  GEST_ANNULMENT_APPROVED,            /* Aprobada by the head (Q2, Q4) */
  GEST_ANNULMENT_REGISTERED,          /* Registrada in the annulled list by the coordinator (Q2) */
  GEST_ANNULMENT_REINVOICE_APPROVED,  /* Refacturación aprobada by the coordinator (Q3) */
  GEST_ANNULMENT_FILED,               /* Archivada: the memo filed, its stamped copy attached (Q3) */
  GEST_N_ANNULMENT_STAGES
} GestAnnulmentStage;

const char *gest_annulment_stage_title (GestAnnulmentStage stage);   /* translated */

/* The documents of an annulment: the five of the request (Q1), the customer's signed
 * acceptance of the costs (Q4) and the stamped memo (Q3). */
typedef enum
{
  GEST_ANNULMENT_DOC_MEMO,               /* spreadsheet */
  GEST_ANNULMENT_DOC_INVOICE,            /* scan: the original invoice */
  GEST_ANNULMENT_DOC_CUSTOMER_LETTER,    /* scan */
  GEST_ANNULMENT_DOC_ANSWER_LETTER,      /* scan */
  GEST_ANNULMENT_DOC_CONTACT_REPORT,     /* spreadsheet: the contact-actions report */
  GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE,  /* scan, only with costs (Q4) */
  GEST_ANNULMENT_DOC_STAMPED_MEMO,       /* scan, for filing (Q3) */
  GEST_ANNULMENT_N_DOCS
} GestAnnulmentDoc;

#define GEST_ANNULMENT_N_REQUEST_DOCS 5

GestDocumentKind  gest_annulment_doc_kind      (GestAnnulmentDoc  doc);
/* "Memo", "Original invoice"... translated. */
const char       *gest_annulment_doc_title     (GestAnnulmentDoc  doc);
/* Whether @doc is a spreadsheet (else a scan: a PDF or an image). */
gboolean          gest_annulment_doc_is_spreadsheet (GestAnnulmentDoc doc);
/* "A spreadsheet (.xlsx, .xls, .ods)" or "A scan (PDF or image)", translated. */
const char       *gest_annulment_doc_format    (GestAnnulmentDoc  doc);
/* Whether a file of @mime_type (and @filename, for the extension when the type is generic)
 * is of the format @doc needs. */
gboolean          gest_annulment_doc_accepts   (GestAnnulmentDoc  doc,
                                                const char       *mime_type,
                                                const char       *filename);

/* One row of the documents checklist. */
typedef struct
{
  GestAnnulmentDoc  doc;
  gboolean          needed;         /* by this annulment (the acceptance only with costs) */
  char             *document_uuid;  /* the newest attached of its kind, NULL when missing */
  char             *filename;
  char             *mime_type;
  gboolean          right_format;   /* FALSE when attached but of the wrong format */
} GestAnnulmentDocStatus;

/* An annulment as stored, with the names the detail shows. */
typedef struct
{
  char              *uuid;
  char              *folio;
  char              *complaint_uuid;         /* NULL when not from a complaint */
  char              *complaint_folio;
  char              *customer_uuid;
  char              *customer_name;
  char              *plan_uuid;              /* NULL when none */
  char              *plan_number;
  GestAnnulmentStage stage;
  gint64             stage_since;
  char              *city;
  char              *invoice_number;
  char              *cfdi_uuid;              /* '' until recorded */
  char              *cancel_reason;          /* "01".."04" */
  char              *substitute_cfdi_uuid;   /* NULL unless reason 01 */
  gboolean           with_costs;
  GestMoney          costs_amount;
  gboolean           reinvoice;
  char              *email_outbox_uuid;
  gint64             sent_at;
  char              *approved_by;            /* names of the users who acted */
  gint64             approved_at;
  char              *registered_by;
  gint64             registered_at;
  char              *reinvoice_approved_by;
  gint64             reinvoice_approved_at;
  gint64             filed_at;
  char              *created_by;
  gint64             created_at;
  gint64             updated_at;
  GestAnnulmentDocStatus docs[GEST_ANNULMENT_N_DOCS];
} GestAnnulment;

/* Q1: why a document of @kind may not be attached to @annulment now (translated), or NULL.
 * The request's five documents change only while it is a request (what the head approves is
 * what was sent); the signed acceptance and the stamped memo until the annulment is filed;
 * nothing after. */
char *gest_annulment_attach_refusal (const GestAnnulment *annulment,
                                     GestDocumentKind     kind);

GestAnnulment *gest_annulment_load   (GestStore      *store,
                                      const char     *uuid,
                                      GError        **error);
/* "ANU-2026-000001" typed whole. */
GestAnnulment *gest_annulment_load_by_folio (GestStore  *store,
                                             const char *folio,
                                             GError    **error);
void           gest_annulment_free   (GestAnnulment  *annulment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAnnulment, gest_annulment_free)

/* Q1: the email's subject, ANULADO-<customer name>-<CITY>: the name as registered (accents
 * and Ñ kept, blanks trimmed and collapsed), the city in upper case with its accents kept
 * ("ANULADO-José Ñúñez Peña-MÉRIDA"). Newly allocated. */
char          *gest_annulment_mail_subject (const char *customer_name,
                                            const char *city);

/* The request's data, as the request form gives it. */
typedef struct
{
  const char *customer_uuid;
  const char *plan_uuid;            /* nullable */
  const char *city;
  const char *invoice_number;
  const char *cfdi_uuid;            /* may be empty until the request is sent */
  const char *cancel_reason;        /* "01".."04" */
  const char *substitute_cfdi_uuid; /* nullable; reason 01 */
  gboolean    with_costs;
  GestMoney   costs_amount;
  gboolean    reinvoice;
} GestAnnulmentRequest;

/* A new annulment at "Request" (permission annulments.request). The CFDI folios, when given,
 * are checked (gest-cfdi.h) and stored in upper case. @complaint_uuid nullable (Q12). */
gboolean gest_annulment_create          (GestStore                  *store,
                                         const GestAnnulmentRequest *request,
                                         const char                 *complaint_uuid,
                                         char                      **out_uuid,
                                         char                      **out_folio,
                                         GError                    **error);
/* Changes the request's data while it is at "Request". */
gboolean gest_annulment_update_request  (GestStore                  *store,
                                         const char                 *uuid,
                                         const GestAnnulmentRequest *request,
                                         GError                    **error);
/* Q1: whether the request may be sent: the CFDI and reason (gest_cfdi_check_cancellation()),
 * costs with an amount, and the five documents attached and of the right format. The message
 * lists every document missing or of the wrong format. */
gboolean gest_annulment_check_request   (const GestAnnulment        *annulment,
                                         GError                    **error);
/* Q1: sends the request by email through the outbox to the head of customer service (the
 * setting annulments.head-email, else the first active cs-head user with an email), subject
 * gest_annulment_mail_subject(), the five documents attached; "Request" to "Sent". */
gboolean gest_annulment_send            (GestStore   *store,
                                         const char  *uuid,
                                         GError     **error);
/* Q2, Q4: the head of customer service approves ("Sent" to "Approved"); with costs, the
 * customer's signed acceptance must be attached first. */
gboolean gest_annulment_approve         (GestStore   *store,
                                         const char  *uuid,
                                         GError     **error);
/* Q2: the customer-service coordinator registers the customer in the annulled list
 * ("Approved" to "Registered"). */
gboolean gest_annulment_register        (GestStore   *store,
                                         const char  *uuid,
                                         GError     **error);
/* Q3: the coordinator approves the re-invoicing ("Registered" to "Re-invoicing approved"). */
gboolean gest_annulment_approve_reinvoice (GestStore  *store,
                                           const char *uuid,
                                           GError    **error);
/* Q3, Q12: the memo filed with billing, its stamped copy attached ("Re-invoicing approved",
 * or "Registered" when there is no re-invoicing, to "Filed"); a linked complaint closes in
 * the same transaction (gest_complaint_annulment_filed()). */
gboolean gest_annulment_file            (GestStore   *store,
                                         const char  *uuid,
                                         GError     **error);

/* Q2: whether @customer_uuid is in the annulled list. */
gboolean gest_annulment_customer_is_annulled (GestStore  *store,
                                              const char *customer_uuid,
                                              gboolean   *out_annulled,
                                              GError    **error);

G_END_DECLS
