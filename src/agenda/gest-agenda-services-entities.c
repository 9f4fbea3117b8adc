/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-services-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-services-entities.h"
#include "gest-sync-validate.h"

const char * const gest_tech_session_columns[] = {
  "day", "starts_min", "duration_min", "customer_uuid", "customer_name", "vehicle_type", "model",
  "reservation_uuid", "state", "created_by", "created_at", NULL
};

static const GestFieldSpec session_fields[] = {
  { "day", GEST_FIELD_DATE }, { "starts_min", GEST_FIELD_INT }, { "duration_min", GEST_FIELD_INT },
  { "customer_uuid", GEST_FIELD_UUID }, { "customer_name", GEST_FIELD_TEXT },
  { "vehicle_type", GEST_FIELD_TEXT }, { "model", GEST_FIELD_TEXT },
  { "reservation_uuid", GEST_FIELD_UUID }, { "state", GEST_FIELD_TEXT },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

const char * const gest_test_drive_lead_columns[] = {
  "reservation_uuid", "customer_uuid", "name", "phone", "current_vehicle", "vehicle_of_interest",
  "appointment_at", "outcome", "outcome_note", "outcome_by", "outcome_at", "created_by", "created_at", NULL
};

static const GestFieldSpec lead_fields[] = {
  { "reservation_uuid", GEST_FIELD_UUID }, { "customer_uuid", GEST_FIELD_UUID }, { "name", GEST_FIELD_TEXT },
  { "phone", GEST_FIELD_TEXT }, { "current_vehicle", GEST_FIELD_TEXT },
  { "vehicle_of_interest", GEST_FIELD_TEXT }, { "appointment_at", GEST_FIELD_INT },
  { "outcome", GEST_FIELD_TEXT }, { "outcome_note", GEST_FIELD_LONG_TEXT }, { "outcome_by", GEST_FIELD_TEXT },
  { "outcome_at", GEST_FIELD_INT }, { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static const char *
string_member (JsonObject *fields,
               const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

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

char *
gest_tech_session_validate (JsonObject *fields,
                            gboolean    deleted)
{
  static const char * const states[] = { "booked", "held", "missed", "cancelled", NULL };
  char *message = gest_sync_check_fields (session_fields, G_N_ELEMENTS (session_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "state", states);
  if (message == NULL)
    message = int_in_range (fields, "starts_min", 0, 1439);
  if (message == NULL)
    message = int_in_range (fields, "duration_min", 5, 240);
  return message;
}

char *
gest_test_drive_lead_validate (JsonObject *fields,
                               gboolean    deleted)
{
  static const char * const outcomes[] = { "open", "test-driven", "sold", "not-interested", "no-answer", NULL };
  char *message = gest_sync_check_fields (lead_fields, G_N_ELEMENTS (lead_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "outcome", outcomes);
  return message;
}
