/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-annulment-private.h"
#include "gest-annulment-workflow.h"
#include "gest-cfdi.h"
#include "gest-date.h"
#include "gest-error.h"

gpointer
gest_annulment_change_load (GestStore   *store,
                            const char  *uuid,
                            gint64      *out_version,
                            gpointer     user_data,
                            GError     **error)
{
  GestAnnulment *annulment = gest_annulment_load (store, uuid, error);

  if (annulment != NULL)
    *out_version = annulment->updated_at;
  return annulment;
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

void
gest_annulment_clean_clear (GestAnnulmentClean *clean)
{
  g_clear_pointer (&clean->city, g_free);
  g_clear_pointer (&clean->invoice_number, g_free);
  g_clear_pointer (&clean->cfdi_uuid, g_free);
  g_clear_pointer (&clean->cancel_reason, g_free);
  g_clear_pointer (&clean->substitute_cfdi_uuid, g_free);
}

gboolean
gest_annulment_request_clean (const GestAnnulmentRequest *request,
                              GestAnnulmentClean         *out,
                              GError                    **error)
{
  g_autofree char *substitute = strip_dup (request->substitute_cfdi_uuid);
  g_autoptr(GError) local_error = NULL;

  memset (out, 0, sizeof *out);
  out->city = strip_dup (request->city);
  out->invoice_number = strip_dup (request->invoice_number);
  out->cancel_reason = strip_dup (request->cancel_reason);
  out->cfdi_uuid = strip_dup (request->cfdi_uuid);
  if (*out->city == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the city of the customer’s branch: it goes in the email’s subject (ANULADO-name-CITY)."));
      goto fail;
    }
  if (!gest_cfdi_reason_is_valid (out->cancel_reason))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a SAT cancellation reason: choose 01, 02, 03 or 04."), out->cancel_reason);
      goto fail;
    }
  if (request->costs_amount < 0 || (!request->with_costs && request->costs_amount != 0))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("An amount of costs needs “With administrative costs”, and it cannot be negative."));
      goto fail;
    }
  if (*out->cfdi_uuid != '\0')
    {
      char *parsed = gest_cfdi_uuid_parse (out->cfdi_uuid, error);

      if (parsed == NULL)
        goto fail;
      g_free (out->cfdi_uuid);
      out->cfdi_uuid = parsed;
    }
  if (*substitute != '\0')
    {
      if (*out->cfdi_uuid == '\0')
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Write the CFDI folio fiscal of the cancelled invoice before the substituting one."));
          goto fail;
        }
      if (!gest_cfdi_check_cancellation (out->cfdi_uuid, out->cancel_reason, substitute, error))
        goto fail;
      out->substitute_cfdi_uuid = gest_cfdi_uuid_parse (substitute, NULL);
    }
  return TRUE;

fail:
  gest_annulment_clean_clear (out);
  return FALSE;
}

static gboolean
insert_annulment (GestStore                  *store,
                  const GestAnnulmentRequest *request,
                  const GestAnnulmentClean   *clean,
                  const char                 *complaint_uuid,
                  const char                 *uuid,
                  const char                 *folio,
                  GError                    **error)
{
  g_autofree char *user = gest_store_get_user_name (store);
  gint64 now = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare (store,
                             "INSERT INTO annulments (uuid, folio, complaint_uuid, customer_uuid,"
                             " plan_uuid, stage, stage_since, city, invoice_number, cfdi_uuid,"
                             " cancel_reason, substitute_cfdi_uuid, with_costs, costs_amount,"
                             " reinvoice, created_by, created_at, updated_at)"
                             " SELECT ?1, ?2, ?3, uuid, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?6, ?6 FROM customers WHERE uuid = ?4 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, complaint_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, request->customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, request->plan_uuid != NULL && *request->plan_uuid != '\0' ? request->plan_uuid : NULL,
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_text (stmt, 7, clean->city, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, clean->invoice_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, clean->cfdi_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, clean->cancel_reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, clean->substitute_cfdi_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, request->with_costs ? 1 : 0);
  sqlite3_bind_int64 (stmt, 13, request->costs_amount);
  sqlite3_bind_int (stmt, 14, request->reinvoice ? 1 : 0);
  sqlite3_bind_text (stmt, 15, user, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The customer of the annulment is not in the database: choose the customer again."));
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_annulment_create (GestStore                  *store,
                       const GestAnnulmentRequest *request,
                       const char                 *complaint_uuid,
                       char                      **out_uuid,
                       char                      **out_folio,
                       GError                    **error)
{
  g_auto(GestAnnulmentClean) clean = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL && request->customer_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_annulment_create", &own, error))
    return FALSE;
  tz = gest_dealer_timezone ();
  now = g_date_time_new_now (tz);
  ok = gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_REQUEST, error) &&
       gest_annulment_request_clean (request, &clean, error);
  if (ok)
    {
      uuid = gest_uuid_new ();
      folio = gest_store_next_folio (store, GEST_ANNULMENT_FOLIO_PREFIX,
                                     g_date_time_get_year (now), error);
      ok = folio != NULL &&
           insert_annulment (store, request, &clean, complaint_uuid, uuid, folio, error);
    }
  if (ok)
    {
      text = g_strdup_printf (_("Annulment %s requested (reason %s)."), folio, clean.cancel_reason);
      ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) >= 0;
    }
  if (!gest_store_end_change (store, "gest_annulment_create", own, ok, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  if (out_folio != NULL)
    *out_folio = g_steal_pointer (&folio);
  return TRUE;
}

typedef struct
{
  const GestAnnulmentRequest *request;
  GestAnnulmentClean          clean;
} Update;

static gboolean
update_check (GestStore      *store,
              gconstpointer   record,
              gpointer        user_data,
              GError        **error)
{
  const GestAnnulment *annulment = record;
  Update *update = user_data;

  if (!gest_store_check_permission (store, GEST_ANNULMENT_PERMISSION_REQUEST, error))
    return FALSE;
  if (annulment->stage != GEST_ANNULMENT_REQUEST)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Annulment %s was sent already (it is at “%s”): its data and documents cannot change any more."),
                   annulment->folio, gest_annulment_stage_title (annulment->stage));
      return FALSE;
    }
  return gest_annulment_request_clean (update->request, &update->clean, error);
}

static void
update_bind (sqlite3_stmt  *stmt,
             gconstpointer  record,
             gpointer       user_data)
{
  Update *update = user_data;
  const GestAnnulmentRequest *request = update->request;

  sqlite3_bind_text (stmt, 1, update->clean.city, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, update->clean.invoice_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, update->clean.cfdi_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, update->clean.cancel_reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, update->clean.substitute_cfdi_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, request->with_costs ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, request->costs_amount);
  sqlite3_bind_int (stmt, 8, request->reinvoice ? 1 : 0);
  sqlite3_bind_text (stmt, 9, request->plan_uuid != NULL && *request->plan_uuid != '\0' ? request->plan_uuid : NULL,
                     -1, SQLITE_STATIC);
}

static char *
update_describe (gconstpointer record,
                 gpointer      user_data)
{
  return g_strdup (_("Request data changed."));
}

gboolean
gest_annulment_update_request (GestStore                  *store,
                               const char                 *uuid,
                               const GestAnnulmentRequest *request,
                               GError                    **error)
{
  static const GestRecordChangeSpec spec = {
    GEST_ANNULMENT_CHANGE,
    .set = "city = ?1, invoice_number = ?2, cfdi_uuid = ?3, cancel_reason = ?4,"
           " substitute_cfdi_uuid = ?5, with_costs = ?6, costs_amount = ?7, reinvoice = ?8,"
           " plan_uuid = ?9",
    .check = update_check,
    .bind = update_bind,
    .describe = update_describe,
  };
  Update update = { request, { 0 } };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL && request != NULL, FALSE);

  ok = gest_record_change_run (store, &spec, uuid, &update, error);
  gest_annulment_clean_clear (&update.clean);
  return ok;
}
