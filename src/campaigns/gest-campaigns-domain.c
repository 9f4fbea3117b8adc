/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-campaign-vehicles.h"
#include "gest-campaign-workflow.h"
#include "gest-campaign.h"
#include "gest-campaigns-demo.h"
#include "gest-campaigns-domain.h"
#include "gest-campaigns-reports.h"
#include "gest-cli-campaign.h"
#include "gest-sync-validate.h"

static void gest_campaigns_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestCampaignsDomain, gest_campaigns_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_campaigns_domain_iface_init))

/* The fields that travel (data/sql/0015-campaigns.sql). */
static const char * const campaign_columns[] = {
  "code", "kind", "description", "labour_notes", "parts_notes", "starts_on", "ends_on",
  "needs_parts", "closed_at", "created_by", "created_at", NULL
};

static const GestFieldSpec campaign_fields[] = {
  { "code", GEST_FIELD_TEXT }, { "kind", GEST_FIELD_TEXT }, { "description", GEST_FIELD_LONG_TEXT },
  { "labour_notes", GEST_FIELD_LONG_TEXT }, { "parts_notes", GEST_FIELD_LONG_TEXT },
  { "starts_on", GEST_FIELD_DATE }, { "ends_on", GEST_FIELD_DATE }, { "needs_parts", GEST_FIELD_INT },
  { "closed_at", GEST_FIELD_INT }, { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static const char * const vehicle_columns[] = {
  "campaign_uuid", "vehicle_uuid", "stage", "stage_since", "closeout", "closed_by", "closed_at",
  "list_owner", "list_phone", "list_email", "list_address", "imported_at", NULL
};

static const GestFieldSpec vehicle_fields[] = {
  { "campaign_uuid", GEST_FIELD_UUID }, { "vehicle_uuid", GEST_FIELD_UUID }, { "stage", GEST_FIELD_INT },
  { "stage_since", GEST_FIELD_INT }, { "closeout", GEST_FIELD_TEXT }, { "closed_by", GEST_FIELD_TEXT },
  { "closed_at", GEST_FIELD_INT }, { "list_owner", GEST_FIELD_TEXT }, { "list_phone", GEST_FIELD_TEXT },
  { "list_email", GEST_FIELD_TEXT }, { "list_address", GEST_FIELD_LONG_TEXT },
  { "imported_at", GEST_FIELD_INT },
};

static const char * const part_columns[] = {
  "campaign_uuid", "part_number", "description", "qty_per_vehicle", "status", "qty_requested",
  "qty_received", "status_since", "expected_on", "updated_by", "created_at", NULL
};

static const GestFieldSpec part_fields[] = {
  { "campaign_uuid", GEST_FIELD_UUID }, { "part_number", GEST_FIELD_TEXT },
  { "description", GEST_FIELD_TEXT }, { "qty_per_vehicle", GEST_FIELD_INT }, { "status", GEST_FIELD_TEXT },
  { "qty_requested", GEST_FIELD_INT }, { "qty_received", GEST_FIELD_INT },
  { "status_since", GEST_FIELD_INT }, { "expected_on", GEST_FIELD_DATE },
  { "updated_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static const char * const review_columns[] = {
  "campaign_uuid", "week", "reviewed_by", "reviewed_at", "n_affected", "n_parts_pending",
  "n_to_contact", "n_contacted", "n_booked", "n_closed", "note", NULL
};

static const GestFieldSpec review_fields[] = {
  { "campaign_uuid", GEST_FIELD_UUID }, { "week", GEST_FIELD_TEXT }, { "reviewed_by", GEST_FIELD_TEXT },
  { "reviewed_at", GEST_FIELD_INT }, { "n_affected", GEST_FIELD_INT },
  { "n_parts_pending", GEST_FIELD_INT }, { "n_to_contact", GEST_FIELD_INT },
  { "n_contacted", GEST_FIELD_INT }, { "n_booked", GEST_FIELD_INT }, { "n_closed", GEST_FIELD_INT },
  { "note", GEST_FIELD_LONG_TEXT },
};

static const char * const origin_columns[] = {
  "customer_uuid", "origin", "campaign_uuid", "created_at", NULL
};

static const GestFieldSpec origin_fields[] = {
  { "customer_uuid", GEST_FIELD_UUID }, { "origin", GEST_FIELD_TEXT },
  { "campaign_uuid", GEST_FIELD_UUID }, { "created_at", GEST_FIELD_INT },
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

/* "“stage” is 7, not a value from 0 to 4." when @name is an integer out of [@low, @high]. */
static char *
check_range (JsonObject *fields,
             const char *name,
             gint64      low,
             gint64      high)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return NULL;
  if (json_node_get_int (node) >= low && json_node_get_int (node) <= high)
    return NULL;
  return g_strdup_printf (_("“%s” is %lld, not a value from %lld to %lld."), name,
                          (long long) json_node_get_int (node), (long long) low, (long long) high);
}

static char *
validate_campaign (JsonObject *fields,
                   gboolean    deleted)
{
  char *message = gest_sync_check_fields (campaign_fields, G_N_ELEMENTS (campaign_fields), fields);
  const char *kind = string_member (fields, "kind");
  GestCampaignKind parsed;

  if (message != NULL)
    return message;
  if (kind != NULL && !gest_campaign_kind_from_id (kind, &parsed))
    return g_strdup_printf (_("“%s” is not a campaign type: safety-recall, satisfaction or emissions."), kind);
  return check_range (fields, "needs_parts", 0, 1);
}

static char *
validate_vehicle (JsonObject *fields,
                  gboolean    deleted)
{
  char *message = gest_sync_check_fields (vehicle_fields, G_N_ELEMENTS (vehicle_fields), fields);
  const char *closeout = string_member (fields, "closeout");
  GestCampaignCloseout parsed;

  if (message != NULL)
    return message;
  if (closeout != NULL && !gest_campaign_closeout_from_id (closeout, &parsed))
    return g_strdup_printf (_("“%s” is not a close-out reason: done-here, done-elsewhere, not-applicable or unlocatable."),
                            closeout);
  return check_range (fields, "stage", 0, GEST_N_CAMPAIGN_STAGES - 1);
}

static char *
validate_part (JsonObject *fields,
               gboolean    deleted)
{
  char *message = gest_sync_check_fields (part_fields, G_N_ELEMENTS (part_fields), fields);
  const char *status = string_member (fields, "status");
  GestCampaignPartStatus parsed;

  if (message != NULL)
    return message;
  if (status != NULL && !gest_campaign_part_status_from_id (status, &parsed))
    return g_strdup_printf (_("“%s” is not a part status: requested, ordered, back-ordered or received."), status);
  if ((message = check_range (fields, "qty_per_vehicle", 1, G_MAXINT)) != NULL ||
      (message = check_range (fields, "qty_requested", 0, G_MAXINT)) != NULL)
    return message;
  return check_range (fields, "qty_received", 0, G_MAXINT);
}

static char *
validate_review (JsonObject *fields,
                 gboolean    deleted)
{
  return gest_sync_check_fields (review_fields, G_N_ELEMENTS (review_fields), fields);
}

static char *
validate_origin (JsonObject *fields,
                 gboolean    deleted)
{
  char *message = gest_sync_check_fields (origin_fields, G_N_ELEMENTS (origin_fields), fields);
  const char *origin = string_member (fields, "origin");

  if (message != NULL)
    return message;
  if (origin != NULL && g_strcmp0 (origin, "recall-list") != 0)
    return g_strdup_printf (_("“%s” is not a data origin: recall-list."), origin);
  return NULL;
}

static const GestEntityInfo entities[] = {
  { "campaign", "campaigns", campaign_columns, NULL, TRUE, validate_campaign },
  { "campaign_vehicle", "campaign_vehicles", vehicle_columns, NULL, TRUE, validate_vehicle },
  { "campaign_part", "campaign_parts", part_columns, NULL, TRUE, validate_part },
  { "campaign_review", "campaign_reviews", review_columns, NULL, TRUE, validate_review },
  { "customer_data_origin", "customer_data_origins", origin_columns, NULL, TRUE, validate_origin },
};

static const GestSearchKind search_kinds[] = {
  /* A Ford code typed whole or in part ("24S"). */
  { "campaign", N_("Field-action campaign"), "emblem-important-symbolic",
    "SELECT uuid, code, description FROM campaigns"
    " WHERE code >= ?1 AND code < ?3 AND deleted = 0 ORDER BY code LIMIT ?2" },
};

/* The customer's vehicles on a campaign's board: the row opens the campaign. */
static const GestCustomerLink customer_links[] = {
  { "campaign",
    "SELECT c.uuid, c.code || ' · ' || v.vin, c.description, cv.updated_at"
    " FROM vehicles v JOIN campaign_vehicles cv ON cv.vehicle_uuid = v.uuid AND cv.deleted = 0"
    " JOIN campaigns c ON c.uuid = cv.campaign_uuid AND c.deleted = 0"
    " WHERE v.customer_uuid = :customer AND v.deleted = 0",
    NULL },
};

static const GestCliVerb cli_verbs[] = {
  { "campaign", "campaign COMMAND …", N_("Ford field-action campaigns (gestiona-cli campaign --help)"),
    gest_cli_campaign },
};

/* The field-action vehicles to contact (S3: only those in "Por contactar", whose parts are
 * in), of open campaigns, with an owner to call; the partial index
 * campaign_vehicles_to_contact lists them. Due since the day they reached the column. */
static const GestContactSource contact_sources[] = {
  { GEST_CAMPAIGN_CONTACT_SOURCE, N_("Field action"),
    "SELECT cv.uuid, v.customer_uuid, cv.vehicle_uuid,"
    " min (date (cv.stage_since / 1000000, 'unixepoch'), :today),"
    " c.code || ' · ' || c.description"
    " FROM campaign_vehicles cv"
    " JOIN campaigns c ON c.uuid = cv.campaign_uuid"
    " JOIN vehicles v ON v.uuid = cv.vehicle_uuid"
    " WHERE cv.stage = 1 AND cv.deleted = 0 AND c.deleted = 0 AND c.closed_at IS NULL"
    " AND v.customer_uuid IS NOT NULL AND cv.stage_since <= :now",
    30 },
};

static const char *
gest_campaigns_domain_get_id (GestDomainModule *module)
{
  return GEST_CAMPAIGNS_MODULE_ID;
}

static const GestEntityInfo *
gest_campaigns_domain_get_entities (GestDomainModule *module,
                                    guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_campaigns_domain_get_search_kinds (GestDomainModule *module,
                                        guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const GestCustomerLink *
gest_campaigns_domain_get_customer_links (GestDomainModule *module,
                                          guint            *n_links)
{
  *n_links = G_N_ELEMENTS (customer_links);
  return customer_links;
}

static const GestCliVerb *
gest_campaigns_domain_get_cli_verbs (GestDomainModule *module,
                                     guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestPermission *
gest_campaigns_domain_get_permissions (GestDomainModule *module,
                                       guint            *n_permissions)
{
  return gest_campaign_permissions_get (n_permissions);
}

static const GestContactSource *
gest_campaigns_domain_get_contact_sources (GestDomainModule *module,
                                           guint            *n_sources)
{
  *n_sources = G_N_ELEMENTS (contact_sources);
  return contact_sources;
}

static gboolean
gest_campaigns_domain_contact_outcome (GestDomainModule    *module,
                                       GestStore           *store,
                                       const char          *source_id,
                                       const char          *record_uuid,
                                       GestContactOutcome   outcome,
                                       GError             **error)
{
  if (g_strcmp0 (source_id, GEST_CAMPAIGN_CONTACT_SOURCE) != 0)
    return TRUE;
  return gest_campaign_vehicle_contact_outcome (store, record_uuid, outcome, error);
}

static gboolean
gest_campaigns_domain_fill_demo (GestDomainModule  *module,
                                 GestStore         *store,
                                 guint              n,
                                 GRand             *rand,
                                 GError           **error)
{
  return gest_campaigns_demo_fill (store, n, rand, error);
}

static gboolean
gest_campaigns_domain_change_rejected (GestDomainModule  *module,
                                       GestStore         *store,
                                       const char        *entity,
                                       const char        *uuid,
                                       const char        *message,
                                       GError           **error)
{
  if (g_strcmp0 (entity, "campaign") != 0 && g_strcmp0 (entity, "campaign_vehicle") != 0)
    return TRUE;
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

static void
gest_campaigns_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_campaigns_domain_get_id;
  iface->get_reports = gest_campaigns_reports_get;
  iface->get_entities = gest_campaigns_domain_get_entities;
  iface->get_search_kinds = gest_campaigns_domain_get_search_kinds;
  iface->get_cli_verbs = gest_campaigns_domain_get_cli_verbs;
  iface->get_permissions = gest_campaigns_domain_get_permissions;
  iface->get_customer_links = gest_campaigns_domain_get_customer_links;
  iface->get_contact_sources = gest_campaigns_domain_get_contact_sources;
  iface->contact_outcome = gest_campaigns_domain_contact_outcome;
  iface->fill_demo = gest_campaigns_domain_fill_demo;
  iface->change_rejected = gest_campaigns_domain_change_rejected;
}

static void
gest_campaigns_domain_class_init (GestCampaignsDomainClass *klass)
{
}

static void
gest_campaigns_domain_init (GestCampaignsDomain *self)
{
}

GestDomainModule *
gest_campaigns_domain_new (void)
{
  return g_object_new (GEST_TYPE_CAMPAIGNS_DOMAIN, NULL);
}
