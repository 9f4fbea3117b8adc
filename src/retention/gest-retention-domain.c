/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-cli-retention.h"
#include "gest-contact-letter.h"
#include "gest-contact-queue.h"
#include "gest-retention-demo.h"
#include "gest-retention-domain.h"
#include "gest-retention-reports.h"
#include "gest-retention-workflow.h"
#include "gest-service-visit-private.h"
#include "gest-sync-validate.h"

static void gest_retention_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestRetentionDomain, gest_retention_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_retention_domain_iface_init))

/* The fields that travel (data/sql/0016-retention.sql); contact_letters.mail_outbox_uuid and
 * vehicle_service_state stay local. */
static const char * const visit_columns[] = {
  "vehicle_uuid", "ro_number", "opened_on", "closed_on", "km", "kind", "source", "created_by",
  "created_at", NULL
};

static const GestFieldSpec visit_fields[] = {
  { "vehicle_uuid", GEST_FIELD_UUID }, { "ro_number", GEST_FIELD_TEXT },
  { "opened_on", GEST_FIELD_DATE }, { "closed_on", GEST_FIELD_DATE }, { "km", GEST_FIELD_INT },
  { "kind", GEST_FIELD_TEXT }, { "source", GEST_FIELD_TEXT }, { "created_by", GEST_FIELD_TEXT },
  { "created_at", GEST_FIELD_INT },
};

static const char * const followup_columns[] = {
  "customer_uuid", "vehicle_uuid", "visit_uuid", "kind", "detail", "call_on", "parts_ready",
  "done_at", "created_by", "created_at", NULL
};

static const GestFieldSpec followup_fields[] = {
  { "customer_uuid", GEST_FIELD_UUID }, { "vehicle_uuid", GEST_FIELD_UUID },
  { "visit_uuid", GEST_FIELD_UUID }, { "kind", GEST_FIELD_TEXT },
  { "detail", GEST_FIELD_LONG_TEXT }, { "call_on", GEST_FIELD_DATE },
  { "parts_ready", GEST_FIELD_INT }, { "done_at", GEST_FIELD_INT },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static const char * const target_columns[] = {
  "source", "record_uuid", "customer_uuid", "vehicle_uuid", "state", "attempts",
  "next_attempt_at", "opened_at", "closed_at", NULL
};

static const GestFieldSpec target_fields[] = {
  { "source", GEST_FIELD_TEXT }, { "record_uuid", GEST_FIELD_UUID },
  { "customer_uuid", GEST_FIELD_UUID }, { "vehicle_uuid", GEST_FIELD_UUID },
  { "state", GEST_FIELD_TEXT }, { "attempts", GEST_FIELD_INT },
  { "next_attempt_at", GEST_FIELD_INT }, { "opened_at", GEST_FIELD_INT },
  { "closed_at", GEST_FIELD_INT },
};

static const char * const call_columns[] = {
  "target_uuid", "at", "user_uuid", "user_name", "number_dialled", "outcome", "call_back_at",
  "band", "counted", "field_actions", "note", NULL
};

static const GestFieldSpec call_fields[] = {
  { "target_uuid", GEST_FIELD_UUID }, { "at", GEST_FIELD_INT }, { "user_uuid", GEST_FIELD_TEXT },
  { "user_name", GEST_FIELD_TEXT }, { "number_dialled", GEST_FIELD_TEXT },
  { "outcome", GEST_FIELD_TEXT }, { "call_back_at", GEST_FIELD_INT }, { "band", GEST_FIELD_INT },
  { "counted", GEST_FIELD_INT }, { "field_actions", GEST_FIELD_TEXT },
  { "note", GEST_FIELD_LONG_TEXT },
};

static const char * const letter_columns[] = {
  "target_uuid", "channel", "document_uuid", "created_by", "created_at", "printed_at",
  "sent_at", NULL
};

static const GestFieldSpec letter_fields[] = {
  { "target_uuid", GEST_FIELD_UUID }, { "channel", GEST_FIELD_TEXT },
  { "document_uuid", GEST_FIELD_UUID }, { "created_by", GEST_FIELD_TEXT },
  { "created_at", GEST_FIELD_INT }, { "printed_at", GEST_FIELD_INT }, { "sent_at", GEST_FIELD_INT },
};

static const char * const promotion_columns[] = {
  "title", "body", "valid_from", "valid_to", "created_by", "created_at", NULL
};

static const GestFieldSpec promotion_fields[] = {
  { "title", GEST_FIELD_TEXT }, { "body", GEST_FIELD_LONG_TEXT },
  { "valid_from", GEST_FIELD_DATE }, { "valid_to", GEST_FIELD_DATE },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
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

/* A text field that must be one of @allowed when present. */
static char *
check_one_of (JsonObject         *fields,
              const char         *name,
              const char * const *allowed)
{
  const char *value = string_member (fields, name);

  if (value == NULL || g_strv_contains (allowed, value))
    return NULL;
  return g_strdup_printf (_("“%s” is not a valid value of “%s”."), value, name);
}

static char *
int_in_range (JsonObject *fields,
              const char *name,
              gint64      min,
              gint64      max)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return NULL;
  if (json_node_get_int (node) >= min && json_node_get_int (node) <= max)
    return NULL;
  return g_strdup_printf (_("“%s” is %lld, not a number from %lld to %lld."), name,
                          (long long) json_node_get_int (node), (long long) min, (long long) max);
}

static char *
validate_visit (JsonObject *fields,
                gboolean    deleted)
{
  static const char * const kinds[] = { "delivery", "maintenance", "repair", "warranty", "field-action", "other", NULL };
  static const char * const sources[] = { "dms", "app", NULL };
  char *message = gest_sync_check_fields (visit_fields, G_N_ELEMENTS (visit_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "kind", kinds);
  if (message == NULL)
    message = check_one_of (fields, "source", sources);
  if (message == NULL)
    message = int_in_range (fields, "km", 0, G_MAXINT);
  return message;
}

static char *
validate_followup (JsonObject *fields,
                   gboolean    deleted)
{
  static const char * const kinds[] = { "parts", "quote", NULL };
  char *message = gest_sync_check_fields (followup_fields, G_N_ELEMENTS (followup_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "kind", kinds);
  if (message == NULL)
    message = int_in_range (fields, "parts_ready", 0, 1);
  return message;
}

static char *
validate_target (JsonObject *fields,
                 gboolean    deleted)
{
  static const char * const states[] = { "open", "contacted", "booked", "refused", "letter", "closed", NULL };
  char *message = gest_sync_check_fields (target_fields, G_N_ELEMENTS (target_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "state", states);
  if (message == NULL)
    message = int_in_range (fields, "attempts", 0, 100);
  return message;
}

static char *
validate_call (JsonObject *fields,
               gboolean    deleted)
{
  static const char * const outcomes[] = {
    "contacted", "no-answer", "wrong-number", "call-back", "refused", "booked", NULL
  };
  char *message = gest_sync_check_fields (call_fields, G_N_ELEMENTS (call_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "outcome", outcomes);
  if (message == NULL)
    message = int_in_range (fields, "band", 0, GEST_N_CONTACT_BANDS - 1);
  if (message == NULL)
    message = int_in_range (fields, "counted", 0, 1);
  return message;
}

static char *
validate_letter (JsonObject *fields,
                 gboolean    deleted)
{
  static const char * const channels[] = { "letter", "email", NULL };
  char *message = gest_sync_check_fields (letter_fields, G_N_ELEMENTS (letter_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "channel", channels);
  return message;
}

static char *
validate_promotion (JsonObject *fields,
                    gboolean    deleted)
{
  char *message = gest_sync_check_fields (promotion_fields, G_N_ELEMENTS (promotion_fields), fields);
  const char *from = string_member (fields, "valid_from");
  const char *to = string_member (fields, "valid_to");

  if (message == NULL && from != NULL && to != NULL && *from != '\0' && *to != '\0' &&
      g_strcmp0 (to, from) < 0)
    message = g_strdup (_("A promotion cannot end before it starts: check its dates."));
  return message;
}

static const GestEntityInfo entities[] = {
  { "service_visit", "service_visits", visit_columns, NULL, TRUE, validate_visit },
  { "service_followup", "service_followups", followup_columns, NULL, TRUE, validate_followup },
  { "contact_target", "contact_targets", target_columns, NULL, TRUE, validate_target },
  { "contact_call", "contact_calls", call_columns, NULL, TRUE, validate_call },
  { "contact_letter", "contact_letters", letter_columns, NULL, TRUE, validate_letter },
  { "promotion", "promotions", promotion_columns, NULL, TRUE, validate_promotion },
};

static const GestCliVerb cli_verbs[] = {
  { "queue", "queue today [--date DD/MM/YYYY]", N_("the day’s call queue (gestiona-cli queue --help)"),
    gest_cli_queue },
  { "visit", "visit import FILE | add …", N_("service visits (gestiona-cli visit --help)"),
    gest_cli_visit },
  { "lapsed", "lapsed [--month MM/YYYY]", N_("the month’s lapsed-maintenance list (gestiona-cli lapsed --help)"),
    gest_cli_lapsed },
};

static const char *
gest_retention_domain_get_id (GestDomainModule *module)
{
  return GEST_RETENTION_MODULE_ID;
}

static const GestEntityInfo *
gest_retention_domain_get_entities (GestDomainModule *module,
                                    guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestCliVerb *
gest_retention_domain_get_cli_verbs (GestDomainModule *module,
                                     guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestPermission *
gest_retention_domain_get_permissions (GestDomainModule *module,
                                       guint            *n_permissions)
{
  return gest_retention_permissions_get (n_permissions);
}

static const GestContactSource *
gest_retention_domain_get_contact_sources (GestDomainModule *module,
                                           guint            *n_sources)
{
  *n_sources = gest_retention_n_contact_sources;
  return gest_retention_contact_sources;
}

/* A follow-up is done once its call ended; a lapsed maintenance needs nothing: its target
 * keeps the outcome, and the next lapse is another visit's record. */
static gboolean
gest_retention_domain_contact_outcome (GestDomainModule   *module,
                                       GestStore          *store,
                                       const char         *source_id,
                                       const char         *record_uuid,
                                       GestContactOutcome  outcome,
                                       GError            **error)
{
  if (g_strcmp0 (source_id, GEST_RETENTION_SOURCE_FOLLOWUP) == 0)
    return gest_service_followup_finish (store, record_uuid, error);
  return TRUE;
}

static gboolean
gest_retention_domain_fill_demo (GestDomainModule  *module,
                                 GestStore         *store,
                                 guint              n,
                                 GRand             *rand,
                                 GError           **error)
{
  return gest_retention_demo_fill (store, n, rand, error);
}

static gboolean
gest_retention_domain_change_rejected (GestDomainModule  *module,
                                       GestStore         *store,
                                       const char        *entity,
                                       const char        *uuid,
                                       const char        *message,
                                       GError           **error)
{
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

static void
gest_retention_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_retention_domain_get_id;
  iface->get_entities = gest_retention_domain_get_entities;
  iface->get_cli_verbs = gest_retention_domain_get_cli_verbs;
  iface->get_permissions = gest_retention_domain_get_permissions;
  iface->get_contact_sources = gest_retention_domain_get_contact_sources;
  iface->contact_outcome = gest_retention_domain_contact_outcome;
  iface->fill_demo = gest_retention_domain_fill_demo;
  iface->change_rejected = gest_retention_domain_change_rejected;
  iface->get_reports = gest_retention_reports_get;
  iface->mail_sent = gest_contact_letter_mail_sent;
}

static void
gest_retention_domain_class_init (GestRetentionDomainClass *klass)
{
}

static void
gest_retention_domain_init (GestRetentionDomain *self)
{
}

GestDomainModule *
gest_retention_domain_new (void)
{
  return g_object_new (GEST_TYPE_RETENTION_DOMAIN, NULL);
}
