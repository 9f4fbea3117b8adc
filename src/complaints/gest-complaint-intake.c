/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-complaint-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-error.h"

#define SAVEPOINT "gest_complaint_create"

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
gest_complaint_intake_check (const GestComplaintIntake *intake)
{
  g_return_val_if_fail (intake != NULL, NULL);

  /* Q5, in the order of the form. */
  if (intake->kind > GEST_COMPLAINT_KIND_CLAIM)
    return g_strdup (_("Choose whether it is a complaint or a claim."));
  if (intake->channel > GEST_COMPLAINT_CHANNEL_WRITING)
    return g_strdup (_("Choose whether the customer complained by phone or in writing."));
  if (blank (intake->customer_uuid))
    return g_strdup (_("Choose the customer: search for them, or create them if they are new."));
  if (blank (intake->complainant_name))
    return g_strdup (_("Write the name of the person who complains."));
  if (blank (intake->summary))
    return g_strdup (intake->channel == GEST_COMPLAINT_CHANNEL_WRITING
                     ? _("Type the text of the customer’s letter as the summary.")
                     : _("Write a summary of what the customer says."));
  if (intake->channel == GEST_COMPLAINT_CHANNEL_WRITING && blank (intake->letter_path))
    return g_strdup (_("A complaint in writing needs the customer’s letter: attach its scan."));
  if (blank (intake->responsible_uuid))
    return g_strdup (_("Choose the primary responsible: an active user of the dealership."));
  return NULL;
}

/* The customer, and the plan and vehicle when given, exist (the plan and vehicle of that
 * customer). */
static gboolean
check_references (GestStore                 *store,
                  const GestComplaintIntake *intake,
                  char                     **out_customer_name,
                  GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT c.name,"
                             " ?2 IS NULL OR EXISTS (SELECT 1 FROM plans p WHERE p.uuid = ?2"
                             "   AND p.customer_uuid = c.uuid AND p.deleted = 0),"
                             " ?3 IS NULL OR EXISTS (SELECT 1 FROM vehicles v WHERE v.uuid = ?3 AND v.deleted = 0"
                             "   AND (v.customer_uuid = c.uuid OR v.customer_uuid IS NULL"
                             "        OR EXISTS (SELECT 1 FROM plans p2 WHERE p2.vehicle_uuid = v.uuid"
                             "                   AND p2.customer_uuid = c.uuid)))"
                             " FROM customers c WHERE c.uuid = ?1 AND c.deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, intake->customer_uuid, -1, SQLITE_STATIC);
  if (!blank (intake->plan_uuid))
    sqlite3_bind_text (stmt, 2, intake->plan_uuid, -1, SQLITE_STATIC);
  if (!blank (intake->vehicle_uuid))
    sqlite3_bind_text (stmt, 3, intake->vehicle_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The customer of the complaint is not registered. Search for them again, or create them."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The plan chosen is not a plan of %s. Choose one of the customer’s plans, or none."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 2) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The vehicle chosen is not a vehicle of %s. Choose one of the customer’s vehicles, or none."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  *out_customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static const char *
or_null (const char *text)
{
  return blank (text) ? NULL : text;
}

static gboolean
insert_row (GestStore                 *store,
            const char                *uuid,
            const char                *folio,
            const GestComplaintIntake *intake,
            const char                *letter_uuid,
            gint64                     now,
            GError                   **error)
{
  g_autofree char *user = gest_store_get_user_name (store);
  g_autofree char *day = gest_complaint_day_of (now);
  g_autofree char *name = gest_complaint_strip (intake->complainant_name);
  g_autofree char *role = gest_complaint_strip (intake->complainant_role);
  g_autofree char *summary = gest_complaint_strip (intake->summary);
  g_autofree char *invoice = gest_complaint_strip (intake->invoice_number);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gest_store_prepare (store,
                             "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since,"
                             " customer_uuid, plan_uuid, vehicle_uuid, invoice_number, complainant_name,"
                             " complainant_role, summary, letter_document_uuid, responsible_uuid,"
                             " last_log_at, last_log_day, created_by, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                             " ?5, ?15, ?16, ?5, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, gest_complaint_kind_id (intake->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, gest_complaint_channel_id (intake->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_text (stmt, 6, intake->customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, or_null (intake->plan_uuid), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, or_null (intake->vehicle_uuid), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, invoice, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, letter_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, intake->responsible_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, user, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
log_intake (GestStore                 *store,
            const char                *uuid,
            const char                *folio,
            const GestComplaintIntake *intake,
            const char                *customer_name,
            const char                *responsible_name,
            GError                   **error)
{
  g_autofree char *name = gest_complaint_strip (intake->complainant_name);
  g_autofree char *role = gest_complaint_strip (intake->complainant_role);
  g_autofree char *summary = gest_complaint_strip (intake->summary);
  g_autofree char *text = NULL;

  /* Q5: the summary with the name and role of the person, in the case's log. */
  text = g_strdup_printf (_("%s %s registered (%s) for %s: %s. Primary responsible: %s."),
                          gest_complaint_kind_label (intake->kind), folio,
                          gest_complaint_channel_label (intake->channel), customer_name, summary,
                          responsible_name);
  return gest_activity_log_append (store, uuid,
                                   intake->channel == GEST_COMPLAINT_CHANNEL_PHONE
                                   ? GEST_ACTIVITY_CALL : GEST_ACTIVITY_LETTER,
                                   text, name, *role != '\0' ? role : NULL, error) > 0;
}

gboolean
gest_complaint_create (GestStore                 *store,
                       const GestComplaintIntake *intake,
                       char                     **out_uuid,
                       char                     **out_folio,
                       GError                   **error)
{
  g_autofree char *message = NULL;
  g_autofree char *customer_name = NULL;
  g_autofree char *responsible_name = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autoptr(GestDocumentStore) documents = NULL;
  g_autoptr(GestDocument) letter = NULL;
  gint64 now = gest_timestamp_now ();
  GDate today;
  gboolean own;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (intake != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  message = gest_complaint_intake_check (intake);
  if (message != NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, message);
      return FALSE;
    }

  /* The write lock first: the folio counter is then read and written by this one. */
  if (!gest_store_begin_change (store, SAVEPOINT, &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_REGISTER, error) ||
      !check_references (store, intake, &customer_name, error) ||
      !gest_complaint_check_active_user (store, intake->responsible_uuid, _("primary responsible"),
                                         &responsible_name, error))
    goto fail;

  gest_date_today (&today);
  folio = gest_store_next_folio (store, GEST_COMPLAINT_FOLIO_PREFIX, g_date_get_year (&today), error);
  if (folio == NULL)
    goto fail;
  uuid = gest_uuid_new ();

  if (intake->channel == GEST_COMPLAINT_CHANNEL_WRITING)
    {
      g_autoptr(GFile) file = g_file_new_for_path (intake->letter_path);

      documents = gest_document_store_new (store);
      letter = gest_document_store_add (documents, uuid, file, GEST_DOCUMENT_KIND_CUSTOMER_LETTER,
                                        NULL, error);
      if (letter == NULL)
        goto fail;
    }

  if (!insert_row (store, uuid, folio, intake,
                   letter != NULL ? gest_document_get_uuid (letter) : NULL, now, error) ||
      !log_intake (store, uuid, folio, intake, customer_name, responsible_name, error) ||
      !gest_complaint_sla_update (store, uuid, now, error))
    goto fail;

  if (!gest_store_end_change (store, SAVEPOINT, own, TRUE, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  if (out_folio != NULL)
    *out_folio = g_steal_pointer (&folio);
  return TRUE;

fail:
  gest_store_end_change (store, SAVEPOINT, own, FALSE, NULL);
  return FALSE;
}
