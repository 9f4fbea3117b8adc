/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-cli-queja.h"
#include "gest-complaint-workflow.h"
#include "gest-complaint.h"
#include "gest-complaint-sla.h"
#include "gest-complaints-demo.h"
#include "gest-complaints-domain.h"
#include "gest-error.h"
#include "gest-sync-validate.h"
#include "gest-complaints-reports.h"

static void gest_complaints_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestComplaintsDomain, gest_complaints_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_complaints_domain_iface_init))

/* The fields that travel (data/sql/0013-complaints.sql's outbox triggers). */
static const char * const complaint_columns[] = {
  "folio", "kind", "channel", "stage", "stage_since", "customer_uuid", "plan_uuid",
  "vehicle_uuid", "invoice_number", "complainant_name", "complainant_role", "summary",
  "letter_document_uuid", "responsible_uuid", "in_process_sent_at", "in_process_channel",
  "document_status", "advisor_name", "commercial_coordinator", "last_log_at", "last_log_day",
  "waiting_customer", "first_response_at", "response_due_at", "resolution_due_at",
  "sla_state", "solution", "solution_approved_by", "solution_approved_at", "answer_sent_at",
  "answer_document_uuid", "receipt_confirmed_at", "acceptance_call_at", "acceptance_note",
  "cause_uuid", "error_uuid", "area_uuid", "closed_at", "reopened_count", "annulment_uuid",
  "created_by", "created_at", NULL
};
static const char * const task_columns[] = {
  "complaint_uuid", "assignee_uuid", "description", "due_day", "done_at", "done_by",
  "created_by", "created_at", NULL
};
static const char * const catalog_columns[] = { "kind", "label", "active", "position", NULL };
static const char * const sla_event_columns[] = { "complaint_uuid", "kind", "at", "note", NULL };

static const GestFieldSpec complaint_fields[] = {
  { "folio", GEST_FIELD_TEXT }, { "kind", GEST_FIELD_TEXT }, { "channel", GEST_FIELD_TEXT },
  { "stage", GEST_FIELD_INT }, { "stage_since", GEST_FIELD_INT },
  { "customer_uuid", GEST_FIELD_UUID }, { "plan_uuid", GEST_FIELD_UUID },
  { "vehicle_uuid", GEST_FIELD_UUID }, { "invoice_number", GEST_FIELD_TEXT },
  { "complainant_name", GEST_FIELD_TEXT }, { "complainant_role", GEST_FIELD_TEXT },
  { "summary", GEST_FIELD_LONG_TEXT }, { "letter_document_uuid", GEST_FIELD_UUID },
  { "responsible_uuid", GEST_FIELD_UUID }, { "in_process_sent_at", GEST_FIELD_INT },
  { "in_process_channel", GEST_FIELD_TEXT }, { "document_status", GEST_FIELD_TEXT },
  { "advisor_name", GEST_FIELD_TEXT }, { "commercial_coordinator", GEST_FIELD_TEXT },
  { "last_log_at", GEST_FIELD_INT }, { "last_log_day", GEST_FIELD_DATE },
  { "waiting_customer", GEST_FIELD_INT }, { "first_response_at", GEST_FIELD_INT },
  { "response_due_at", GEST_FIELD_INT }, { "resolution_due_at", GEST_FIELD_INT },
  { "sla_state", GEST_FIELD_INT }, { "solution", GEST_FIELD_LONG_TEXT },
  { "solution_approved_by", GEST_FIELD_TEXT }, { "solution_approved_at", GEST_FIELD_INT },
  { "answer_sent_at", GEST_FIELD_INT }, { "answer_document_uuid", GEST_FIELD_UUID },
  { "receipt_confirmed_at", GEST_FIELD_INT }, { "acceptance_call_at", GEST_FIELD_INT },
  { "acceptance_note", GEST_FIELD_LONG_TEXT }, { "cause_uuid", GEST_FIELD_UUID },
  { "error_uuid", GEST_FIELD_UUID }, { "area_uuid", GEST_FIELD_UUID },
  { "closed_at", GEST_FIELD_INT }, { "reopened_count", GEST_FIELD_INT },
  { "annulment_uuid", GEST_FIELD_UUID }, { "created_by", GEST_FIELD_TEXT },
  { "created_at", GEST_FIELD_INT },
};
static const GestFieldSpec task_fields[] = {
  { "complaint_uuid", GEST_FIELD_UUID }, { "assignee_uuid", GEST_FIELD_UUID },
  { "description", GEST_FIELD_LONG_TEXT }, { "due_day", GEST_FIELD_DATE },
  { "done_at", GEST_FIELD_INT }, { "done_by", GEST_FIELD_TEXT },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};
static const GestFieldSpec catalog_fields[] = {
  { "kind", GEST_FIELD_TEXT }, { "label", GEST_FIELD_TEXT }, { "active", GEST_FIELD_INT },
  { "position", GEST_FIELD_INT },
};
static const GestFieldSpec sla_event_fields[] = {
  { "complaint_uuid", GEST_FIELD_UUID }, { "kind", GEST_FIELD_TEXT }, { "at", GEST_FIELD_INT },
  { "note", GEST_FIELD_LONG_TEXT },
};

static const char *
string_member (JsonObject *fields,
               const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
validate_complaint (JsonObject *fields,
                    gboolean    deleted)
{
  char *message = gest_sync_check_fields (complaint_fields, G_N_ELEMENTS (complaint_fields), fields);
  JsonNode *stage;
  const char *text;

  if (message != NULL)
    return message;
  stage = json_object_get_member (fields, "stage");
  if (stage != NULL && JSON_NODE_HOLDS_VALUE (stage) &&
      (json_node_get_int (stage) < 0 || json_node_get_int (stage) >= GEST_N_COMPLAINT_STAGES))
    return g_strdup_printf (_("“%s” is %lld, not a stage from 0 to 6."), "stage",
                            (long long) json_node_get_int (stage));
  text = string_member (fields, "kind");
  if (text != NULL && !gest_complaint_kind_from_id (text, NULL))
    return g_strdup_printf (_("“%s” is “%s”, not complaint or claim."), "kind", text);
  text = string_member (fields, "channel");
  if (text != NULL && !gest_complaint_channel_from_id (text, NULL))
    return g_strdup_printf (_("“%s” is “%s”, not phone or writing."), "channel", text);
  text = string_member (fields, "document_status");
  if (text != NULL && *text != '\0' && !gest_document_status_from_code (text, NULL))
    return g_strdup_printf (_("“%s” is “%s”, not OG, AA, AN, PR or PN."), "document_status", text);
  return NULL;
}

static char *
validate_task (JsonObject *fields,
               gboolean    deleted)
{
  return gest_sync_check_fields (task_fields, G_N_ELEMENTS (task_fields), fields);
}

static char *
validate_catalog (JsonObject *fields,
                  gboolean    deleted)
{
  char *message = gest_sync_check_fields (catalog_fields, G_N_ELEMENTS (catalog_fields), fields);
  const char *kind;

  if (message != NULL)
    return message;
  kind = string_member (fields, "kind");
  if (kind != NULL && g_strcmp0 (kind, "cause") != 0 && g_strcmp0 (kind, "error") != 0 &&
      g_strcmp0 (kind, "area") != 0)
    return g_strdup_printf (_("“%s” is “%s”, not cause, error or area."), "kind", kind);
  return NULL;
}

static char *
validate_sla_event (JsonObject *fields,
                    gboolean    deleted)
{
  return gest_sync_check_fields (sla_event_fields, G_N_ELEMENTS (sla_event_fields), fields);
}

static const GestEntityInfo entities[] = {
  { "complaint", "complaints", complaint_columns, NULL, TRUE, validate_complaint },
  { "complaint_task", "complaint_tasks", task_columns, NULL, TRUE, validate_task },
  { "complaint_catalog", "complaint_catalog", catalog_columns, NULL, TRUE, validate_catalog },
  { "complaint_sla_event", "complaint_sla_events", sla_event_columns, NULL, TRUE, validate_sla_event },
};

static const GestSearchKind search_kinds[] = {
  /* A folio typed whole or in part ("QJA-2026-0001"). */
  { "complaint", N_("Complaint"), "mail-mark-important-symbolic",
    "SELECT q.uuid, q.folio, c.name FROM complaints q JOIN customers c ON c.uuid = q.customer_uuid"
    " WHERE q.folio >= ?1 AND q.folio < ?3 AND +q.deleted = 0 ORDER BY q.folio LIMIT ?2" },
};

/* A case names its customer; a merge moves the cases to the customer kept. Its subtitle is
 * who complained and the start of the summary, in the customer's own words. */
static const GestCustomerLink customer_links[] = {
  { "complaint",
    "SELECT q.uuid, q.folio, q.complainant_name || ' · ' || substr (q.summary, 1, 80),"
    " q.updated_at FROM complaints q"
    " WHERE q.customer_uuid = :customer AND q.deleted = 0",
    "UPDATE complaints SET customer_uuid = :into WHERE customer_uuid = :from" },
};

static const GestCliVerb cli_verbs[] = {
  { "queja", "queja new|move|show|list …", N_("complaints and claims (gestiona-cli queja --help)"),
    gest_cli_queja },
};

static const char *
gest_complaints_domain_get_id (GestDomainModule *module)
{
  return GEST_COMPLAINTS_MODULE_ID;
}

static const GestEntityInfo *
gest_complaints_domain_get_entities (GestDomainModule *module,
                                     guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_complaints_domain_get_search_kinds (GestDomainModule *module,
                                         guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const GestCustomerLink *
gest_complaints_domain_get_customer_links (GestDomainModule *module,
                                           guint            *n_links)
{
  *n_links = G_N_ELEMENTS (customer_links);
  return customer_links;
}

static const GestCliVerb *
gest_complaints_domain_get_cli_verbs (GestDomainModule *module,
                                      guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestPermission *
gest_complaints_domain_get_permissions (GestDomainModule *module,
                                        guint            *n_permissions)
{
  return gest_complaint_permissions_get (n_permissions);
}

static gboolean
gest_complaints_domain_fill_demo (GestDomainModule  *module,
                                  GestStore         *store,
                                  guint              n,
                                  GRand             *rand,
                                  GError           **error)
{
  return gest_complaints_demo_fill (store, n, rand, error);
}

/* The outbox delivered a message of a case: the "in process" message (Q6) counts from its
 * delivery when nothing recorded it before; every delivery is in the case's log. */
static gboolean
gest_complaints_domain_mail_sent (GestDomainModule  *module,
                                  GestStore         *store,
                                  const char        *purpose,
                                  const char        *record_uuid,
                                  gint64             sent_at,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text;

  if (g_strcmp0 (purpose, "in-process") == 0)
    {
      stmt = gest_store_prepare (store,
                                 "UPDATE complaints SET in_process_sent_at = ?2, in_process_channel = 'email',"
                                 " updated_at = max (updated_at + 1, ?2)"
                                 " WHERE uuid = ?1 AND in_process_sent_at IS NULL",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, sent_at);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return gest_store_set_error (store, error);
      if (!gest_complaint_sla_update (store, record_uuid, sent_at, error))
        return FALSE;
      text = _("The “in process” message was delivered to the customer by email.");
    }
  else if (g_strcmp0 (purpose, "answer-letter") == 0)
    text = _("The answer letter was delivered by email.");
  else
    text = _("An email of the case was delivered.");
  return gest_activity_log_append (store, record_uuid, GEST_ACTIVITY_EMAIL, text, NULL, NULL, error) > 0;
}

/* A case shows the rejection in its log, where its users look; a task or an SLA event in the
 * log of its case. */
static gboolean
gest_complaints_domain_change_rejected (GestDomainModule  *module,
                                        GestStore         *store,
                                        const char        *entity,
                                        const char        *uuid,
                                        const char        *message,
                                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *table;
  int rc;

  if (g_strcmp0 (entity, "complaint") == 0)
    return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
  if (g_strcmp0 (entity, "complaint_task") == 0)
    table = "SELECT complaint_uuid FROM complaint_tasks WHERE uuid = ?1";
  else if (g_strcmp0 (entity, "complaint_sla_event") == 0)
    table = "SELECT complaint_uuid FROM complaint_sla_events WHERE uuid = ?1";
  else
    return TRUE;
  stmt = gest_store_prepare (store, table, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  return gest_activity_log_append (store, (const char *) sqlite3_column_text (stmt, 0),
                                   GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

/* Q7: the morning summary to the heads of customer service (helper "sla"). */
static gboolean
gest_complaints_domain_queue_due_mail (GestDomainModule  *module,
                                       GestStore         *store,
                                       gint64             now,
                                       GError           **error)
{
  return gest_complaint_morning_summary_send_if_due (store, now, error);
}

static void
gest_complaints_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_complaints_domain_get_id;
  iface->get_entities = gest_complaints_domain_get_entities;
  iface->get_search_kinds = gest_complaints_domain_get_search_kinds;
  iface->get_cli_verbs = gest_complaints_domain_get_cli_verbs;
  iface->get_permissions = gest_complaints_domain_get_permissions;
  iface->get_customer_links = gest_complaints_domain_get_customer_links;
  iface->fill_demo = gest_complaints_domain_fill_demo;
  iface->mail_sent = gest_complaints_domain_mail_sent;
  iface->change_rejected = gest_complaints_domain_change_rejected;
  iface->queue_due_mail = gest_complaints_domain_queue_due_mail;
  iface->get_reports = gest_complaints_reports_get;
}

static void
gest_complaints_domain_class_init (GestComplaintsDomainClass *klass)
{
}

static void
gest_complaints_domain_init (GestComplaintsDomain *self)
{
}

GestDomainModule *
gest_complaints_domain_new (void)
{
  return g_object_new (GEST_TYPE_COMPLAINTS_DOMAIN, NULL);
}
