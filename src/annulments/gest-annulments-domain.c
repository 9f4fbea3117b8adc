/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulments"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-annulment-workflow.h"
#include "gest-annulment.h"
#include "gest-annulments-demo.h"
#include "gest-annulments-domain.h"
#include "gest-cfdi.h"
#include "gest-cli-anulacion.h"
#include "gest-sync-validate.h"

static void gest_annulments_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestAnnulmentsDomain, gest_annulments_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_annulments_domain_iface_init))

/* The fields that travel (data/sql/0014-annulments.sql); email_outbox_uuid stays local. */
static const char * const annulment_columns[] = {
  "folio", "complaint_uuid", "customer_uuid", "plan_uuid", "stage", "stage_since", "city",
  "invoice_number", "cfdi_uuid", "cancel_reason", "substitute_cfdi_uuid", "with_costs",
  "costs_amount", "reinvoice", "sent_at", "approved_by", "approved_at", "registered_by",
  "registered_at", "reinvoice_approved_by", "reinvoice_approved_at", "filed_at", "created_by",
  "created_at", NULL
};

static const GestFieldSpec annulment_fields[] = {
  { "folio", GEST_FIELD_TEXT }, { "complaint_uuid", GEST_FIELD_UUID },
  { "customer_uuid", GEST_FIELD_UUID }, { "plan_uuid", GEST_FIELD_UUID },
  { "stage", GEST_FIELD_INT }, { "stage_since", GEST_FIELD_INT }, { "city", GEST_FIELD_TEXT },
  { "invoice_number", GEST_FIELD_TEXT }, { "cfdi_uuid", GEST_FIELD_TEXT },
  { "cancel_reason", GEST_FIELD_TEXT }, { "substitute_cfdi_uuid", GEST_FIELD_TEXT },
  { "with_costs", GEST_FIELD_INT }, { "costs_amount", GEST_FIELD_MONEY },
  { "reinvoice", GEST_FIELD_INT }, { "sent_at", GEST_FIELD_INT },
  { "approved_by", GEST_FIELD_TEXT }, { "approved_at", GEST_FIELD_INT },
  { "registered_by", GEST_FIELD_TEXT }, { "registered_at", GEST_FIELD_INT },
  { "reinvoice_approved_by", GEST_FIELD_TEXT }, { "reinvoice_approved_at", GEST_FIELD_INT },
  { "filed_at", GEST_FIELD_INT }, { "created_by", GEST_FIELD_TEXT },
  { "created_at", GEST_FIELD_INT },
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
validate_annulment (JsonObject *fields,
                    gboolean    deleted)
{
  char *message = gest_sync_check_fields (annulment_fields, G_N_ELEMENTS (annulment_fields), fields);
  JsonNode *stage;
  const char *text;
  g_autoptr(GError) error = NULL;

  if (message != NULL)
    return message;
  stage = json_object_get_member (fields, "stage");
  if (stage != NULL && JSON_NODE_HOLDS_VALUE (stage) &&
      (json_node_get_int (stage) < 0 || json_node_get_int (stage) >= GEST_N_ANNULMENT_STAGES))
    return g_strdup_printf (_("“%s” is %lld, not a stage from 0 to 5."), "stage",
                            (long long) json_node_get_int (stage));
  text = string_member (fields, "cancel_reason");
  if (text != NULL && !gest_cfdi_reason_is_valid (text))
    return g_strdup_printf (_("“%s” is not a SAT cancellation reason: choose 01, 02, 03 or 04."), text);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *parsed = NULL;

      text = string_member (fields, i == 0 ? "cfdi_uuid" : "substitute_cfdi_uuid");
      if (text == NULL || *text == '\0')
        continue;
      parsed = gest_cfdi_uuid_parse (text, &error);
      if (parsed == NULL)
        return g_strdup (error->message);
    }
  return NULL;
}

static const char * const annulled_customer_columns[] = {
  "customer_uuid", "annulment_uuid", "registered_by", "registered_at", NULL
};

static const GestFieldSpec annulled_customer_fields[] = {
  { "customer_uuid", GEST_FIELD_UUID }, { "annulment_uuid", GEST_FIELD_UUID },
  { "registered_by", GEST_FIELD_TEXT }, { "registered_at", GEST_FIELD_INT },
};

static char *
validate_annulled_customer (JsonObject *fields,
                            gboolean    deleted)
{
  return gest_sync_check_fields (annulled_customer_fields, G_N_ELEMENTS (annulled_customer_fields),
                                 fields);
}

static const GestEntityInfo entities[] = {
  { "annulment", "annulments", annulment_columns, NULL, TRUE, validate_annulment },
  { "annulled_customer", "annulled_customers", annulled_customer_columns, NULL, TRUE,
    validate_annulled_customer },
};

static const GestSearchKind search_kinds[] = {
  /* A folio typed whole or in part ("ANU-2026-0001"). */
  { "annulment", N_("Annulment"), "edit-undo-symbolic",
    "SELECT a.uuid, a.folio, c.name || ' · ' || a.city FROM annulments a"
    " JOIN customers c ON c.uuid = a.customer_uuid"
    " WHERE a.folio >= ?1 AND a.folio < ?3 AND +a.deleted = 0 ORDER BY a.folio LIMIT ?2" },
};

static const GestCustomerLink customer_links[] = {
  { "annulment",
    "SELECT a.uuid, a.folio, a.city, a.updated_at FROM annulments a"
    " WHERE a.customer_uuid = :customer AND a.deleted = 0",
    "UPDATE annulments SET customer_uuid = :into WHERE customer_uuid = :from" },
};

static const GestCliVerb cli_verbs[] = {
  { "anulacion", "anulacion COMMAND …", N_("invoice annulments (gestiona-cli anulacion --help)"),
    gest_cli_anulacion },
};

static const char *
gest_annulments_domain_get_id (GestDomainModule *module)
{
  return GEST_ANNULMENTS_MODULE_ID;
}

static const GestEntityInfo *
gest_annulments_domain_get_entities (GestDomainModule *module,
                                     guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_annulments_domain_get_search_kinds (GestDomainModule *module,
                                         guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const GestCustomerLink *
gest_annulments_domain_get_customer_links (GestDomainModule *module,
                                           guint            *n_links)
{
  *n_links = G_N_ELEMENTS (customer_links);
  return customer_links;
}

static const GestCliVerb *
gest_annulments_domain_get_cli_verbs (GestDomainModule *module,
                                      guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestPermission *
gest_annulments_domain_get_permissions (GestDomainModule *module,
                                        guint            *n_permissions)
{
  return gest_annulment_permissions_get (n_permissions);
}

static gboolean
gest_annulments_domain_fill_demo (GestDomainModule  *module,
                                  GestStore         *store,
                                  guint              n,
                                  GRand             *rand,
                                  GError           **error)
{
  return gest_annulments_demo_fill (store, n, rand, error);
}

/* The outbox logs "Sent to …" on the annulment itself; nothing else to record. */
static gboolean
gest_annulments_domain_mail_sent (GestDomainModule  *module,
                                  GestStore         *store,
                                  const char        *purpose,
                                  const char        *record_uuid,
                                  gint64             sent_at,
                                  GError           **error)
{
  return TRUE;
}

static gboolean
gest_annulments_domain_change_rejected (GestDomainModule  *module,
                                        GestStore         *store,
                                        const char        *entity,
                                        const char        *uuid,
                                        const char        *message,
                                        GError           **error)
{
  if (g_strcmp0 (entity, "annulment") != 0)
    return TRUE;
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

static void
gest_annulments_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_annulments_domain_get_id;
  iface->get_entities = gest_annulments_domain_get_entities;
  iface->get_search_kinds = gest_annulments_domain_get_search_kinds;
  iface->get_cli_verbs = gest_annulments_domain_get_cli_verbs;
  iface->get_permissions = gest_annulments_domain_get_permissions;
  iface->get_customer_links = gest_annulments_domain_get_customer_links;
  iface->fill_demo = gest_annulments_domain_fill_demo;
  iface->mail_sent = gest_annulments_domain_mail_sent;
  iface->change_rejected = gest_annulments_domain_change_rejected;
}

static void
gest_annulments_domain_class_init (GestAnnulmentsDomainClass *klass)
{
}

static void
gest_annulments_domain_init (GestAnnulmentsDomain *self)
{
}

GestDomainModule *
gest_annulments_domain_new (void)
{
  return g_object_new (GEST_TYPE_ANNULMENTS_DOMAIN, NULL);
}
