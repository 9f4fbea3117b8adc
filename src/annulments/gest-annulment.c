/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-annulment-private.h"
#include "gest-cfdi.h"
#include "gest-error.h"

static const char * const stage_titles[GEST_N_ANNULMENT_STAGES] = {
  N_("Request"), N_("Sent"), N_("Approved"), N_("Registered"), N_("Re-invoicing approved"),
  N_("Filed"),
};

typedef struct
{
  GestDocumentKind  kind;
  const char       *title;
  gboolean          spreadsheet;
} DocInfo;

static const DocInfo docs[GEST_ANNULMENT_N_DOCS] = {
  [GEST_ANNULMENT_DOC_MEMO] = { GEST_DOCUMENT_KIND_MEMO, N_("Memo"), TRUE },
  [GEST_ANNULMENT_DOC_INVOICE] = { GEST_DOCUMENT_KIND_INVOICE, N_("Original invoice"), FALSE },
  [GEST_ANNULMENT_DOC_CUSTOMER_LETTER] = { GEST_DOCUMENT_KIND_CUSTOMER_LETTER, N_("Customer’s letter"), FALSE },
  [GEST_ANNULMENT_DOC_ANSWER_LETTER] = { GEST_DOCUMENT_KIND_ANSWER_LETTER, N_("Answer letter"), FALSE },
  [GEST_ANNULMENT_DOC_CONTACT_REPORT] = { GEST_DOCUMENT_KIND_CONTACT_REPORT, N_("Contact-actions report"), TRUE },
  [GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE] = { GEST_DOCUMENT_KIND_SIGNED_ACCEPTANCE, N_("Customer’s signed acceptance of the costs"), FALSE },
  [GEST_ANNULMENT_DOC_STAMPED_MEMO] = { GEST_DOCUMENT_KIND_STAMPED_MEMO, N_("Memo stamped by billing"), FALSE },
};

static const char * const spreadsheet_types[] = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
  NULL
};
static const char * const spreadsheet_extensions[] = { ".xlsx", ".xls", ".ods", ".csv", NULL };
static const char * const scan_extensions[] = {
  ".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", NULL
};

const char *
gest_annulment_stage_title (GestAnnulmentStage stage)
{
  g_return_val_if_fail (stage < GEST_N_ANNULMENT_STAGES, NULL);
  return _(stage_titles[stage]);
}

GestDocumentKind
gest_annulment_doc_kind (GestAnnulmentDoc doc)
{
  g_return_val_if_fail (doc < GEST_ANNULMENT_N_DOCS, GEST_DOCUMENT_KIND_OTHER);
  return docs[doc].kind;
}

const char *
gest_annulment_doc_title (GestAnnulmentDoc doc)
{
  g_return_val_if_fail (doc < GEST_ANNULMENT_N_DOCS, NULL);
  return _(docs[doc].title);
}

gboolean
gest_annulment_doc_is_spreadsheet (GestAnnulmentDoc doc)
{
  g_return_val_if_fail (doc < GEST_ANNULMENT_N_DOCS, FALSE);
  return docs[doc].spreadsheet;
}

const char *
gest_annulment_doc_format (GestAnnulmentDoc doc)
{
  return gest_annulment_doc_is_spreadsheet (doc)
         ? _("a spreadsheet (.xlsx, .xls, .ods)")
         : _("a scan (PDF or image)");
}

static gboolean
has_extension (const char         *filename,
               const char * const *extensions)
{
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;
  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

gboolean
gest_annulment_doc_accepts (GestAnnulmentDoc  doc,
                            const char       *mime_type,
                            const char       *filename)
{
  g_return_val_if_fail (doc < GEST_ANNULMENT_N_DOCS, FALSE);

  if (docs[doc].spreadsheet)
    {
      if (mime_type != NULL && g_strv_contains (spreadsheet_types, mime_type))
        return TRUE;
      return has_extension (filename, spreadsheet_extensions) &&
             (mime_type == NULL || !g_str_has_prefix (mime_type, "image/"));
    }
  if (mime_type != NULL &&
      (g_str_equal (mime_type, "application/pdf") || g_str_has_prefix (mime_type, "image/")))
    return TRUE;
  return has_extension (filename, scan_extensions) &&
         (mime_type == NULL || !g_strv_contains (spreadsheet_types, mime_type));
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static char *
column_dup_empty (sqlite3_stmt *stmt,
                  int           column)
{
  char *text = column_dup (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

static void
doc_status_clear (GestAnnulmentDocStatus *status)
{
  g_clear_pointer (&status->document_uuid, g_free);
  g_clear_pointer (&status->filename, g_free);
  g_clear_pointer (&status->mime_type, g_free);
}

void
gest_annulment_free (GestAnnulment *annulment)
{
  if (annulment == NULL)
    return;
  g_free (annulment->uuid);
  g_free (annulment->folio);
  g_free (annulment->complaint_uuid);
  g_free (annulment->complaint_folio);
  g_free (annulment->customer_uuid);
  g_free (annulment->customer_name);
  g_free (annulment->plan_uuid);
  g_free (annulment->plan_number);
  g_free (annulment->city);
  g_free (annulment->invoice_number);
  g_free (annulment->cfdi_uuid);
  g_free (annulment->cancel_reason);
  g_free (annulment->substitute_cfdi_uuid);
  g_free (annulment->email_outbox_uuid);
  g_free (annulment->approved_by);
  g_free (annulment->registered_by);
  g_free (annulment->reinvoice_approved_by);
  g_free (annulment->created_by);
  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    doc_status_clear (&annulment->docs[i]);
  g_free (annulment);
}

/* The checklist: per document the newest attached of its kind, the newest of the right format
 * when there is one. */
static gboolean
load_documents (GestStore      *store,
                GestAnnulment  *annulment,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    {
      annulment->docs[i].doc = i;
      annulment->docs[i].needed = i != GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE || annulment->with_costs;
    }
  stmt = gest_store_prepare (store,
                             "SELECT uuid, kind, filename, mime_type FROM documents"
                             " WHERE record_uuid = ?1 AND deleted = 0 ORDER BY added_at, rowid",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, annulment->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestDocumentKind kind;
      const char *filename = (const char *) sqlite3_column_text (stmt, 2);
      const char *mime_type = (const char *) sqlite3_column_text (stmt, 3);

      if (!gest_document_kind_from_id ((const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;
      for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
        {
          GestAnnulmentDocStatus *status = &annulment->docs[i];
          gboolean right = gest_annulment_doc_accepts (i, mime_type, filename);

          if (docs[i].kind != kind || (status->right_format && !right))
            continue;
          doc_status_clear (status);
          status->document_uuid = column_dup (stmt, 0);
          status->filename = column_dup_empty (stmt, 2);
          status->mime_type = column_dup_empty (stmt, 3);
          status->right_format = right;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

#define LOAD_SQL \
  "SELECT a.uuid, a.folio, a.complaint_uuid, q.folio, a.customer_uuid, c.name, a.plan_uuid," \
  " p.number, a.stage, a.stage_since, a.city, a.invoice_number, a.cfdi_uuid, a.cancel_reason," \
  " a.substitute_cfdi_uuid, a.with_costs, a.costs_amount, a.reinvoice, a.email_outbox_uuid," \
  " a.sent_at, a.approved_by, a.approved_at, a.registered_by, a.registered_at," \
  " a.reinvoice_approved_by, a.reinvoice_approved_at, a.filed_at, a.created_by, a.created_at," \
  " a.updated_at" \
  " FROM annulments a JOIN customers c ON c.uuid = a.customer_uuid" \
  " LEFT JOIN plans p ON p.uuid = a.plan_uuid" \
  " LEFT JOIN complaints q ON q.uuid = a.complaint_uuid" \
  " WHERE a.deleted = 0 AND "

static GestAnnulment *
load_where (GestStore   *store,
            const char  *where,
            const char  *value,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (LOAD_SQL, where, NULL);
  g_autoptr(GestAnnulment) annulment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      annulment = g_new0 (GestAnnulment, 1);
      annulment->uuid = column_dup (stmt, 0);
      annulment->folio = column_dup (stmt, 1);
      annulment->complaint_uuid = column_dup (stmt, 2);
      annulment->complaint_folio = column_dup (stmt, 3);
      annulment->customer_uuid = column_dup (stmt, 4);
      annulment->customer_name = column_dup_empty (stmt, 5);
      annulment->plan_uuid = column_dup (stmt, 6);
      annulment->plan_number = column_dup (stmt, 7);
      annulment->stage = CLAMP (sqlite3_column_int (stmt, 8), 0, GEST_N_ANNULMENT_STAGES - 1);
      annulment->stage_since = sqlite3_column_int64 (stmt, 9);
      annulment->city = column_dup_empty (stmt, 10);
      annulment->invoice_number = column_dup_empty (stmt, 11);
      annulment->cfdi_uuid = column_dup_empty (stmt, 12);
      annulment->cancel_reason = column_dup_empty (stmt, 13);
      annulment->substitute_cfdi_uuid = column_dup (stmt, 14);
      annulment->with_costs = sqlite3_column_int (stmt, 15) != 0;
      annulment->costs_amount = sqlite3_column_int64 (stmt, 16);
      annulment->reinvoice = sqlite3_column_int (stmt, 17) != 0;
      annulment->email_outbox_uuid = column_dup (stmt, 18);
      annulment->sent_at = sqlite3_column_int64 (stmt, 19);
      annulment->approved_by = column_dup (stmt, 20);
      annulment->approved_at = sqlite3_column_int64 (stmt, 21);
      annulment->registered_by = column_dup (stmt, 22);
      annulment->registered_at = sqlite3_column_int64 (stmt, 23);
      annulment->reinvoice_approved_by = column_dup (stmt, 24);
      annulment->reinvoice_approved_at = sqlite3_column_int64 (stmt, 25);
      annulment->filed_at = sqlite3_column_int64 (stmt, 26);
      annulment->created_by = column_dup_empty (stmt, 27);
      annulment->created_at = sqlite3_column_int64 (stmt, 28);
      annulment->updated_at = sqlite3_column_int64 (stmt, 29);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no annulment “%s”: check the folio (ANU-…) or search for it."), value);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  if (!load_documents (store, annulment, error))
    return NULL;
  return g_steal_pointer (&annulment);
}

GestAnnulment *
gest_annulment_load (GestStore   *store,
                     const char  *uuid,
                     GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_where (store, "a.uuid = ?1", uuid, error);
}

GestAnnulment *
gest_annulment_load_by_folio (GestStore   *store,
                              const char  *folio,
                              GError     **error)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (folio != NULL, NULL);
  upper = g_ascii_strup (folio, -1);
  return load_where (store, "a.folio = ?1", g_strstrip (upper), error);
}

char *
gest_annulment_mail_subject (const char *customer_name,
                             const char *city)
{
  g_auto(GStrv) words = g_strsplit_set (customer_name != NULL ? customer_name : "", " \t\n", -1);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *clean_city = g_strstrip (g_strdup (city != NULL ? city : ""));
  g_autofree char *upper_city = g_utf8_strup (clean_city, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, words[i]);
    }
  return g_strdup_printf ("ANULADO-%s-%s", name->str, upper_city);
}

gboolean
gest_annulment_check_request (const GestAnnulment  *annulment,
                              GError              **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) wrong = g_string_new (NULL);

  g_return_val_if_fail (annulment != NULL, FALSE);

  if (!gest_cfdi_check_cancellation (annulment->cfdi_uuid, annulment->cancel_reason,
                                     annulment->substitute_cfdi_uuid, error))
    return FALSE;
  if (annulment->with_costs && annulment->costs_amount <= 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The annulment charges administrative costs but their amount is $0.00: write the amount the customer accepts, or clear “With administrative costs”."));
      return FALSE;
    }
  for (guint i = 0; i < GEST_ANNULMENT_N_REQUEST_DOCS; i++)
    {
      const GestAnnulmentDocStatus *status = &annulment->docs[i];
      g_autofree char *item = NULL;

      if (status->document_uuid == NULL)
        {
          item = g_strdup_printf (_("%s (%s)"), _(docs[i].title), gest_annulment_doc_format (i));
          g_string_append_printf (missing, "%s%s", missing->len > 0 ? _("; ") : "", item);
        }
      else if (!status->right_format)
        {
          item = g_strdup_printf (_("%s “%s” (it must be %s)"), _(docs[i].title),
                                  status->filename, gest_annulment_doc_format (i));
          g_string_append_printf (wrong, "%s%s", wrong->len > 0 ? _("; ") : "", item);
        }
    }
  if (missing->len == 0 && wrong->len == 0)
    return TRUE;
  if (wrong->len == 0)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("Annulment %s cannot be sent yet: attach the missing documents. Missing: %s."),
                 annulment->folio, missing->str);
  else if (missing->len == 0)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("Annulment %s cannot be sent yet: attach each document in its format. Wrong format: %s."),
                 annulment->folio, wrong->str);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("Annulment %s cannot be sent yet: attach the missing documents, each in its format. Missing: %s. Wrong format: %s."),
                 annulment->folio, missing->str, wrong->str);
  return FALSE;
}

gboolean
gest_annulment_customer_is_annulled (GestStore   *store,
                                     const char  *customer_uuid,
                                     gboolean    *out_annulled,
                                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  stmt = gest_store_prepare (store,
                             "SELECT EXISTS (SELECT 1 FROM annulled_customers"
                             " WHERE customer_uuid = ?1 AND deleted = 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_annulled = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  return TRUE;
}

char *
gest_annulment_attach_refusal (const GestAnnulment *annulment,
                               GestDocumentKind     kind)
{
  g_return_val_if_fail (annulment != NULL, NULL);

  if (annulment->stage >= GEST_ANNULMENT_FILED)
    return g_strdup_printf (_("Annulment %s is filed: its documents can no longer change."), annulment->folio);
  for (guint i = 0; i < GEST_ANNULMENT_N_REQUEST_DOCS; i++)
    if (gest_annulment_doc_kind ((GestAnnulmentDoc) i) == kind && annulment->stage != GEST_ANNULMENT_REQUEST)
      return g_strdup_printf (_("The request of annulment %s went to the head of customer service with its "
                                "documents, so its %s can no longer change. If a document was wrong, make a new "
                                "annulment request with the right one."),
                              annulment->folio, gest_annulment_doc_title ((GestAnnulmentDoc) i));
  return NULL;
}
