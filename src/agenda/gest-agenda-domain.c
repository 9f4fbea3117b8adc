/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-agenda-demo.h"
#include "gest-agenda-domain.h"
#include "gest-agenda-mail.h"
#include "gest-agenda-reports.h"
#include "gest-agenda-services-demo.h"
#include "gest-agenda-services-entities.h"
#include "gest-agenda-sources.h"
#include "gest-agenda-web.h"
#include "gest-agenda-workflow.h"
#include "gest-cli-agenda.h"
#include "gest-sync-validate.h"

static void gest_agenda_domain_iface_init (GestDomainModuleInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GestAgendaDomain, gest_agenda_domain, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_agenda_domain_iface_init))

/* The fields that travel (data/sql/0018-agenda.sql): every column but uuid, updated_at,
 * deleted and sync_version. */
static const char * const schedule_columns[] = {
  "advisor_uuid", "weekday", "starts_min", "ends_min", "break_starts_min", "break_ends_min",
  "slot_minutes", "capacity", NULL
};

static const GestFieldSpec schedule_fields[] = {
  { "advisor_uuid", GEST_FIELD_UUID }, { "weekday", GEST_FIELD_INT }, { "starts_min", GEST_FIELD_INT },
  { "ends_min", GEST_FIELD_INT }, { "break_starts_min", GEST_FIELD_INT },
  { "break_ends_min", GEST_FIELD_INT }, { "slot_minutes", GEST_FIELD_INT },
  { "capacity", GEST_FIELD_INT },
};

static const char * const block_columns[] = {
  "advisor_uuid", "day", "starts_min", "ends_min", "reason", "created_by", "created_at", NULL
};

static const GestFieldSpec block_fields[] = {
  { "advisor_uuid", GEST_FIELD_UUID }, { "day", GEST_FIELD_DATE }, { "starts_min", GEST_FIELD_INT },
  { "ends_min", GEST_FIELD_INT }, { "reason", GEST_FIELD_TEXT }, { "created_by", GEST_FIELD_TEXT },
  { "created_at", GEST_FIELD_INT },
};

static const char * const reservation_columns[] = {
  "customer_uuid", "vehicle_uuid", "mileage_km", "service_kind", "advisor_uuid", "day",
  "starts_min", "starts_at", "duration_min", "transport", "notes", "state", "origin",
  "contact_name", "contact_phone", "contact_email", "contact_plate_vin", "needs_invoice",
  "received_at", "confirm_by", "confirmed_at", "confirmed_by", "refusal_reason", "followup",
  "arrived_at", "no_show_at", "no_show_reason", "recovery", "rescheduled_from", "test_drive",
  "created_by", "created_at", NULL
};

static const GestFieldSpec reservation_fields[] = {
  { "customer_uuid", GEST_FIELD_UUID }, { "vehicle_uuid", GEST_FIELD_UUID },
  { "mileage_km", GEST_FIELD_INT }, { "service_kind", GEST_FIELD_TEXT },
  { "advisor_uuid", GEST_FIELD_UUID }, { "day", GEST_FIELD_DATE }, { "starts_min", GEST_FIELD_INT },
  { "starts_at", GEST_FIELD_INT }, { "duration_min", GEST_FIELD_INT },
  { "transport", GEST_FIELD_TEXT }, { "notes", GEST_FIELD_LONG_TEXT }, { "state", GEST_FIELD_TEXT },
  { "origin", GEST_FIELD_TEXT }, { "contact_name", GEST_FIELD_TEXT },
  { "contact_phone", GEST_FIELD_TEXT }, { "contact_email", GEST_FIELD_TEXT },
  { "contact_plate_vin", GEST_FIELD_TEXT }, { "needs_invoice", GEST_FIELD_INT },
  { "received_at", GEST_FIELD_INT }, { "confirm_by", GEST_FIELD_DATE },
  { "confirmed_at", GEST_FIELD_INT }, { "confirmed_by", GEST_FIELD_TEXT },
  { "refusal_reason", GEST_FIELD_LONG_TEXT }, { "followup", GEST_FIELD_INT },
  { "arrived_at", GEST_FIELD_INT }, { "no_show_at", GEST_FIELD_INT },
  { "no_show_reason", GEST_FIELD_LONG_TEXT }, { "recovery", GEST_FIELD_TEXT },
  { "rescheduled_from", GEST_FIELD_UUID }, { "test_drive", GEST_FIELD_TEXT },
  { "created_by", GEST_FIELD_TEXT }, { "created_at", GEST_FIELD_INT },
};

static const char * const web_day_columns[] = {
  "day", "slots", "tz", "cutoff_min", "confirm_before", "confirm_after", "published_at", NULL
};

static const char * const session_columns[] = {
  "day", "starts_min", "duration_min", "customer_uuid", "customer_name", "vehicle_type", "model",
  "reservation_uuid", "state", "created_by", "created_at", NULL
};

static const char * const lead_columns[] = {
  "reservation_uuid", "customer_uuid", "name", "phone", "current_vehicle", "vehicle_of_interest",
  "appointment_at", "outcome", "outcome_note", "outcome_by", "outcome_at", "created_by",
  "created_at", NULL
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

static gboolean
int_member (JsonObject *fields,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
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
  gint64 value;

  if (!int_member (fields, name, &value) || (value >= min && value <= max))
    return NULL;
  return g_strdup_printf (_("“%s” is %lld, not a number from %lld to %lld."), name,
                          (long long) value, (long long) min, (long long) max);
}

/* A change carries only the fields that changed: the pair is checked when both travel. */
static char *
ends_after_starts (JsonObject *fields)
{
  gint64 starts, ends;

  if (int_member (fields, "starts_min", &starts) && int_member (fields, "ends_min", &ends) && ends <= starts)
    return g_strdup (_("The end is not after the start: check the times."));
  return NULL;
}

static char *
validate_schedule (JsonObject *fields,
                   gboolean    deleted)
{
  char *message = gest_sync_check_fields (schedule_fields, G_N_ELEMENTS (schedule_fields), fields);

  if (message == NULL)
    message = int_in_range (fields, "weekday", 1, 7);
  if (message == NULL)
    message = int_in_range (fields, "starts_min", 0, 1439);
  if (message == NULL)
    message = int_in_range (fields, "ends_min", 1, 1440);
  if (message == NULL)
    message = int_in_range (fields, "slot_minutes", 5, 240);
  if (message == NULL)
    message = int_in_range (fields, "capacity", 1, 20);
  if (message == NULL)
    message = ends_after_starts (fields);
  return message;
}

static char *
validate_block (JsonObject *fields,
                gboolean    deleted)
{
  char *message = gest_sync_check_fields (block_fields, G_N_ELEMENTS (block_fields), fields);

  if (message == NULL)
    message = int_in_range (fields, "starts_min", 0, 1439);
  if (message == NULL)
    message = int_in_range (fields, "ends_min", 1, 1440);
  if (message == NULL)
    message = ends_after_starts (fields);
  return message;
}

static char *
validate_reservation (JsonObject *fields,
                      gboolean    deleted)
{
  static const char * const kinds[] = { "maintenance", "repair", "field-action", "diagnosis", "warranty", "other", NULL };
  static const char * const transports[] = { "waits", "drops-off", NULL };
  static const char * const states[] = {
    "to-confirm", "confirmed", "arrived", "in-workshop", "delivered", "no-show", "refused", "cancelled", NULL
  };
  static const char * const origins[] = { "desk", "phone", "web", "no-show-call", NULL };
  static const char * const recoveries[] = { "", "accepted", "refused", "gave-up", NULL };
  static const char * const test_drives[] = { "", "offered", "accepted", "declined", NULL };
  char *message = gest_sync_check_fields (reservation_fields, G_N_ELEMENTS (reservation_fields), fields);

  if (message == NULL)
    message = check_one_of (fields, "service_kind", kinds);
  if (message == NULL)
    message = check_one_of (fields, "transport", transports);
  if (message == NULL)
    message = check_one_of (fields, "state", states);
  if (message == NULL)
    message = check_one_of (fields, "origin", origins);
  if (message == NULL)
    message = check_one_of (fields, "recovery", recoveries);
  if (message == NULL)
    message = check_one_of (fields, "test_drive", test_drives);
  if (message == NULL)
    message = int_in_range (fields, "mileage_km", 0, 9999999);
  if (message == NULL)
    message = int_in_range (fields, "starts_min", 0, 1439);
  if (message == NULL)
    message = int_in_range (fields, "duration_min", 5, 600);
  if (message == NULL)
    message = int_in_range (fields, "needs_invoice", 0, 1);
  if (message == NULL)
    message = int_in_range (fields, "followup", 0, 1);
  return message;
}

static const GestEntityInfo entities[] = {
  { "agenda_schedule", "agenda_schedules", schedule_columns, NULL, TRUE, validate_schedule },
  { "agenda_block", "agenda_blocks", block_columns, NULL, TRUE, validate_block },
  { "reservation", "reservations", reservation_columns, NULL, TRUE, validate_reservation },
  { "agenda_web_day", "agenda_web_days", web_day_columns, NULL, TRUE, NULL },
  { "tech_session", "tech_sessions", session_columns, NULL, TRUE, gest_tech_session_validate },
  { "test_drive_lead", "test_drive_leads", lead_columns, NULL, TRUE, gest_test_drive_lead_validate },
};

/* Search code 5: a reservation by the customer's name and the vehicle's plate or VIN
 * (data/sql/0018-agenda.sql keeps the index). */
static const GestSearchKind search_kinds[] = {
  { "reservation", N_("Service appointment"), "x-office-calendar-symbolic", NULL },
};

/* The customer's reservations, newest first on the customer's page. */
static const GestCustomerLink customer_links[] = {
  { "reservation",
    "SELECT uuid, substr (day, 9, 2) || '/' || substr (day, 6, 2) || '/' || substr (day, 1, 4) || ' '"
    " || printf ('%02d:%02d', starts_min / 60, starts_min % 60), state, updated_at"
    " FROM reservations WHERE customer_uuid = :customer AND deleted = 0",
    "UPDATE reservations SET customer_uuid = :into WHERE customer_uuid = :from" },
};

static const GestCliVerb cli_verbs[] = {
  { "agenda", "agenda day DATE [--advisor LOGIN]", N_("the day’s service appointments (gestiona-cli agenda --help)"),
    gest_cli_agenda },
  { "reservation", "reservation new|move|arrive|no-show|confirm|refuse|list …",
    N_("service appointments (gestiona-cli reservation --help)"), gest_cli_reservation },
};

static const char *
gest_agenda_domain_get_id (GestDomainModule *module)
{
  return GEST_AGENDA_MODULE_ID;
}

static const GestEntityInfo *
gest_agenda_domain_get_entities (GestDomainModule *module,
                                 guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_agenda_domain_get_search_kinds (GestDomainModule *module,
                                     guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static const GestCustomerLink *
gest_agenda_domain_get_customer_links (GestDomainModule *module,
                                       guint            *n_links)
{
  *n_links = G_N_ELEMENTS (customer_links);
  return customer_links;
}

static const GestCliVerb *
gest_agenda_domain_get_cli_verbs (GestDomainModule *module,
                                  guint            *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (cli_verbs);
  return cli_verbs;
}

static const GestPermission *
gest_agenda_domain_get_permissions (GestDomainModule *module,
                                    guint            *n_permissions)
{
  return gest_agenda_permissions_get (n_permissions);
}

static const GestContactSource *
gest_agenda_domain_get_contact_sources (GestDomainModule *module,
                                        guint            *n_sources)
{
  *n_sources = gest_agenda_n_contact_sources;
  return gest_agenda_contact_sources;
}

static gboolean
gest_agenda_domain_contact_outcome (GestDomainModule    *module,
                                    GestStore           *store,
                                    const char          *source_id,
                                    const char          *record_uuid,
                                    GestContactOutcome   outcome,
                                    GError             **error)
{
  return gest_agenda_contact_outcome (store, source_id, record_uuid, outcome, error);
}

static gboolean
gest_agenda_domain_fill_demo (GestDomainModule  *module,
                              GestStore         *store,
                              guint              n,
                              GRand             *rand,
                              GError           **error)
{
  /* The website offers the demo's free slots from the start (S7). */
  return gest_agenda_demo_fill (store, n, rand, error) &&
         gest_agenda_services_demo_fill (store, n, rand, error) &&
         gest_agenda_web_publish (store, NULL, NULL, error);
}

static gboolean
gest_agenda_domain_change_rejected (GestDomainModule  *module,
                                    GestStore         *store,
                                    const char        *entity,
                                    const char        *uuid,
                                    const char        *message,
                                    GError           **error)
{
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, message, NULL, NULL, error) >= 0;
}

static void
gest_agenda_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_agenda_domain_get_id;
  iface->get_entities = gest_agenda_domain_get_entities;
  iface->get_search_kinds = gest_agenda_domain_get_search_kinds;
  iface->get_customer_links = gest_agenda_domain_get_customer_links;
  iface->get_cli_verbs = gest_agenda_domain_get_cli_verbs;
  iface->get_permissions = gest_agenda_domain_get_permissions;
  iface->get_contact_sources = gest_agenda_domain_get_contact_sources;
  iface->contact_outcome = gest_agenda_domain_contact_outcome;
  iface->fill_demo = gest_agenda_domain_fill_demo;
  iface->change_rejected = gest_agenda_domain_change_rejected;
  iface->get_reports = gest_agenda_reports_get;
  iface->queue_due_mail = gest_agenda_queue_due_mail;
  iface->mail_sent = gest_agenda_mail_sent;
}

static void
gest_agenda_domain_class_init (GestAgendaDomainClass *klass)
{
}

static void
gest_agenda_domain_init (GestAgendaDomain *self)
{
}

GestDomainModule *
gest_agenda_domain_new (void)
{
  return g_object_new (GEST_TYPE_AGENDA_DOMAIN, NULL);
}
