/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-link"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-link.h"
#include "gest-annulment.h"
#include "gest-cfdi.h"
#include "gest-complaint.h"
#include "gest-error.h"

/* What the case gives the annulment: its customer, plan, invoice number and the customer's
 * city. */
typedef struct
{
  char *customer_uuid;
  char *plan_uuid;
  char *invoice_number;
  char *city;
  char *folio;
  char *annulment_uuid;
} CaseData;

static void
case_data_clear (CaseData *data)
{
  g_free (data->customer_uuid);
  g_free (data->plan_uuid);
  g_free (data->invoice_number);
  g_free (data->city);
  g_free (data->folio);
  g_free (data->annulment_uuid);
}

static gboolean
load_case (GestStore   *store,
           const char  *complaint_uuid,
           CaseData    *data,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT q.customer_uuid, q.plan_uuid, q.invoice_number, c.city, q.folio,"
                             " (SELECT a.uuid FROM annulments a WHERE a.complaint_uuid = q.uuid AND a.deleted = 0)"
                             " FROM complaints q JOIN customers c ON c.uuid = q.customer_uuid"
                             " WHERE q.uuid = ?1 AND q.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, complaint_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      data->plan_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      data->invoice_number = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      data->city = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      data->folio = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      data->annulment_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The complaint of the annulment is not in the database: open the case again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  return TRUE;
}

gboolean
gest_annulment_create_for_complaint (GestStore   *store,
                                     const char  *complaint_uuid,
                                     gboolean     with_costs,
                                     char       **out_uuid,
                                     char       **out_folio,
                                     GError     **error)
{
  CaseData data = { 0 };
  GestAnnulmentRequest request = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (complaint_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_annulment_for_complaint", &own, error))
    return FALSE;
  ok = load_case (store, complaint_uuid, &data, error);
  if (ok && data.annulment_uuid != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Complaint %s has an annulment already: open it from the case."), data.folio);
      ok = FALSE;
    }
  if (ok)
    {
      /* The CFDI and the reason are the request's to complete; reason 02 until then. */
      request.customer_uuid = data.customer_uuid;
      request.plan_uuid = data.plan_uuid;
      request.city = data.city != NULL && *data.city != '\0' ? data.city : "-";
      request.invoice_number = data.invoice_number;
      request.cfdi_uuid = "";
      request.cancel_reason = GEST_CFDI_REASON_ERRORS_WITHOUT_RELATION;
      request.with_costs = with_costs;
      request.reinvoice = TRUE;
      ok = gest_annulment_create (store, &request, complaint_uuid, &uuid, &folio, error) &&
           gest_complaint_link_annulment (store, complaint_uuid, uuid, error);
    }
  case_data_clear (&data);
  if (!gest_store_end_change (store, "gest_annulment_for_complaint", own, ok, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  if (out_folio != NULL)
    *out_folio = g_steal_pointer (&folio);
  return TRUE;
}
