/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-domain"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-cli-tramite.h"
#include "gest-sync-validate.h"
#include "gest-tramite-rules.h"
#include "gest-tramite-workflow.h"
#include "gest-tramite-mail.h"
#include "gest-tramites-demo.h"
#include "gest-tramites-domain.h"

static void gest_tramites_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestTramitesDomain, gest_tramites_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_tramites_domain_iface_init))

/* The fields of a trámite that travel (data/sql/0002-sync.sql). */
static const char * const tramite_columns[] = {
  "folio", "plan_uuid", "step", "step_since", "agreed_amount", "agreed_date", "notes",
  "statement_balance", "statement_overdue", "statement_installment",
  "statement_life_insurance", "statement_as_of", "routing_area", "routing_reason",
  "routing_low_limit", "routing_installments", "docs_sent_at", "payment_amount",
  "payment_date", "payment_reference", "payment_proof_uuid", "insurance_cancelled_at",
  "invoice_released_at", "invoice_delivered_at", "ack_returned_at", "created_by",
  "created_at", NULL
};

/* Issue 16.6: the forms' checks of a trámite's fields. */
static const GestFieldSpec tramite_fields[] = {
  { "folio", GEST_FIELD_TEXT }, { "plan_uuid", GEST_FIELD_UUID }, { "step", GEST_FIELD_INT },
  { "step_since", GEST_FIELD_INT }, { "agreed_amount", GEST_FIELD_MONEY },
  { "agreed_date", GEST_FIELD_DATE }, { "notes", GEST_FIELD_LONG_TEXT },
  { "statement_balance", GEST_FIELD_MONEY }, { "statement_overdue", GEST_FIELD_MONEY },
  { "statement_installment", GEST_FIELD_MONEY }, { "statement_life_insurance", GEST_FIELD_MONEY },
  { "statement_as_of", GEST_FIELD_DATE }, { "routing_area", GEST_FIELD_TEXT },
  { "routing_reason", GEST_FIELD_LONG_TEXT }, { "routing_low_limit", GEST_FIELD_MONEY },
  { "routing_installments", GEST_FIELD_INT }, { "docs_sent_at", GEST_FIELD_INT },
  { "payment_amount", GEST_FIELD_MONEY }, { "payment_date", GEST_FIELD_DATE },
  { "payment_reference", GEST_FIELD_TEXT }, { "payment_proof_uuid", GEST_FIELD_UUID },
  { "insurance_cancelled_at", GEST_FIELD_INT }, { "invoice_released_at", GEST_FIELD_INT },
  { "invoice_delivered_at", GEST_FIELD_INT }, { "ack_returned_at", GEST_FIELD_INT },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static char *
validate_tramite (JsonObject *fields,
                  gboolean    deleted)
{
  char *message = gest_sync_check_fields (tramite_fields, G_N_ELEMENTS (tramite_fields), fields);
  JsonNode *step;

  if (message != NULL)
    return message;
  /* T6: the eight steps. */
  step = json_object_get_member (fields, "step");
  if (step != NULL && JSON_NODE_HOLDS_VALUE (step) &&
      (json_node_get_int (step) < 1 || json_node_get_int (step) > GEST_TRAMITE_N_STEPS))
    return g_strdup_printf (_("“%s” is %lld, not a step from 1 to 8."), "step",
                            (long long) json_node_get_int (step));
  return NULL;
}

static const GestEntityInfo entities[] = {
  { "tramite", "tramites", tramite_columns, NULL, TRUE, validate_tramite },
};

static const GestSearchKind search_kinds[] = {
  /* A folio typed whole or in part ("LIQ-2026-0001", "LIQ-2026-042-070001"). */
  { "tramite", N_("Early payoff"), "document-edit-symbolic",
    "SELECT t.uuid, t.folio, p.number || ' ' || c.name FROM tramites t"
    " JOIN plans p ON p.uuid = t.plan_uuid JOIN customers c ON c.uuid = p.customer_uuid"
    " WHERE t.folio >= ?1 AND t.folio < ?3 AND +t.deleted = 0 ORDER BY t.folio LIMIT ?2" },
};

/* A trámite reaches its customer through its plan (its subtitle: the plan number), and
 * moves with the plan in a merge. */
static const GestCustomerLink customer_links[] = {
  { "tramite",
    "SELECT t.uuid, t.folio, p.number, t.updated_at FROM tramites t"
    " JOIN plans p ON p.uuid = t.plan_uuid"
    " WHERE p.customer_uuid = :customer AND t.deleted = 0",
    NULL },
};

static const GestCliVerb cli_verbs[] = {
  { "tramite", "tramite COMMAND …", N_("early-payoff trámites (gestiona-cli tramite --help)"),
    gest_cli_tramite },
};

/* The column names are msgids: the reports hub translates them. The kinds say how the hub
 * shows and exports each column (the amount paid is money, in centavos). */
static const GestReportColumnKind by_step_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind paid_by_month_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_MONEY, GEST_REPORT_COLUMN_END,
};

static const GestReportInfo reports[] = {
  { "tramites-by-step", N_("Early payoffs by step"),
    N_("How many early payoffs are at each step, and how long they have been there on average."),
    "SELECT step AS \"Step\", count(*) AS \"Early payoffs\","
    " CAST (avg ((CAST (strftime ('%s', 'now') AS INTEGER) * 1000000 - step_since) / 86400000000.0)"
    " AS INTEGER) AS \"Average days in the step\""
    " FROM tramites WHERE deleted = 0 GROUP BY step ORDER BY step",
    by_step_kinds, 1 },
  { "tramites-paid-by-month", N_("Early payoffs paid by month"),
    N_("The payoffs whose payment was registered, and the amount paid, month by month."),
    "SELECT substr (payment_date, 1, 7) AS \"Month\", count(*) AS \"Early payoffs\","
    " sum (payment_amount) AS \"Amount paid\""
    " FROM tramites WHERE deleted = 0 AND payment_date IS NOT NULL AND payment_date <> ''"
    " GROUP BY 1 ORDER BY 1",
    paid_by_month_kinds, 2 },
};

static const char *
gest_tramites_domain_get_id (GestDomainModule *module)
{
  return GEST_TRAMITES_MODULE_ID;
}

static const GestEntityInfo *
gest_tramites_domain_get_entities (GestDomainModule *module,
                                   guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_tramites_domain_get_search_kinds (GestDomainModule *module,
                                       guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const GestCustomerLink *
gest_tramites_domain_get_customer_links (GestDomainModule *module,
                                         guint            *n_links)
{
  *n_links = G_N_ELEMENTS (customer_links);
  return customer_links;
}

static const GestCliVerb *
gest_tramites_domain_get_cli_verbs (GestDomainModule *module,
                                    guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestReportInfo *
gest_tramites_domain_get_reports (GestDomainModule *module,
                                  guint            *n_reports)
{
  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}

static gboolean
gest_tramites_domain_fill_demo (GestDomainModule  *module,
                                GestStore         *store,
                                guint              n,
                                GRand             *rand,
                                GError           **error)
{
  return gest_tramites_demo_fill (store, n, rand, error);
}

static gboolean
gest_tramites_domain_mail_sent (GestDomainModule  *module,
                                GestStore         *store,
                                const char        *purpose,
                                const char        *record_uuid,
                                gint64             sent_at,
                                GError           **error)
{
  return gest_tramite_mail_sent (store, purpose, record_uuid, sent_at, error);
}

/* A trámite shows the rejection in its activity log, where its users look. */
static gboolean
gest_tramites_domain_change_rejected (GestDomainModule  *module,
                                      GestStore         *store,
                                      const char        *entity,
                                      const char        *uuid,
                                      const char        *message,
                                      GError           **error)
{
  if (g_strcmp0 (entity, "tramite") != 0)
    return TRUE;
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

static const GestPermission *
gest_tramites_domain_get_permissions (GestDomainModule *module,
                                      guint            *n_permissions)
{
  return gest_tramite_permissions_get (n_permissions);
}

static void
gest_tramites_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_tramites_domain_get_id;
  iface->get_entities = gest_tramites_domain_get_entities;
  iface->get_search_kinds = gest_tramites_domain_get_search_kinds;
  iface->get_cli_verbs = gest_tramites_domain_get_cli_verbs;
  iface->get_reports = gest_tramites_domain_get_reports;
  iface->get_permissions = gest_tramites_domain_get_permissions;
  iface->get_customer_links = gest_tramites_domain_get_customer_links;
  iface->fill_demo = gest_tramites_domain_fill_demo;
  iface->mail_sent = gest_tramites_domain_mail_sent;
  iface->change_rejected = gest_tramites_domain_change_rejected;
}

static void
gest_tramites_domain_class_init (GestTramitesDomainClass *klass)
{
}

static void
gest_tramites_domain_init (GestTramitesDomain *self)
{
}

GestDomainModule *
gest_tramites_domain_new (void)
{
  return g_object_new (GEST_TYPE_TRAMITES_DOMAIN, NULL);
}
