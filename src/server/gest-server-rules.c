/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gest-complaint-workflow.h"
#include "gest-server-db.h"
#include "gest-server-rules.h"
#include "gest-tramite-workflow.h"

static const char * const entities[] = {
  "customer", "vehicle", "plan", "tramite", "document", "activity", "message",
  "user", "setting",   /* issue 12: the dealer's users and routing settings (gest-server-authz.c) */
  "template",          /* issue 13: letters and messages with placeholders */
  "holiday",           /* issue 13: the business calendar's holidays (settings.dealer) */
  /* Later modules: stored generically, validated here when they gain rules. */
  "complaint", "campaign", "reservation", "annulment", "collection", "service_order",
  "complaint_task", "complaint_catalog", "complaint_sla_event",   /* issue 13 */
  "annulled_customer",   /* issue 13: the annulled list (Q2) */
  /* issue 14: a campaign's vehicles, parts, weekly reviews and the data-use mark */
  "campaign_vehicle", "campaign_part", "campaign_review", "customer_data_origin",
  "service_visit", "service_followup", "contact_target", "contact_call", "contact_letter",
  "promotion",           /* issue 14: retention (gest-retention-workflow.h) */
  "agenda_web_day",      /* issue 15: the free slots the desktops publish for web bookings (S7) */
};

/* Conauto's balances (T1 statement), written only by `admin load-plans`. */
static const char * const plan_server_fields[] = {
  "balance", "overdue", "installment", "life_insurance", "as_of",
};

void
gest_record_state_clear (GestRecordState *state)
{
  g_clear_pointer (&state->data, json_object_unref);
  g_clear_pointer (&state->field_versions, json_object_unref);
  memset (state, 0, sizeof *state);
}

gboolean
gest_server_entity_known (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gest_server_field_name_valid (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > 64 || !g_ascii_islower (name[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
      return FALSE;
  return TRUE;
}

gboolean
gest_server_uuid_canonical (const char *uuid)
{
  static const guint8 dashes[] = { 8, 13, 18, 23 };
  guint d = 0;

  if (uuid == NULL || strlen (uuid) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (d < G_N_ELEMENTS (dashes) && i == dashes[d])
        {
          if (uuid[i] != '-')
            return FALSE;
          d++;
        }
      else if (!g_ascii_isdigit (uuid[i]) && !(uuid[i] >= 'a' && uuid[i] <= 'f'))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *field;     /* the top-level field being checked */
  guint       elements;  /* elements and members counted so far in it */
} ValueCheck;

static char *
check_string (const ValueCheck *check,
              const char       *text,
              gboolean          is_name)
{
  gsize len = strlen (text);

  if (!g_utf8_validate (text, len, NULL))
    return g_strdup_printf (is_name
                            ? _("The field %s has a member name that is not valid text (an invalid character or a lone UTF-16 surrogate such as \\ud800): send valid Unicode text.")
                            : _("The field %s holds text that is not valid (an invalid character or a lone UTF-16 surrogate such as \\ud800): send valid Unicode text."),
                            check->field);
  if (len > GEST_SERVER_MAX_STRING)
    return g_strdup_printf (_("The field %s holds a text of %zu bytes; the server takes at most %d: shorten it."),
                            check->field, len, GEST_SERVER_MAX_STRING);
  return NULL;
}

/* Recursion bounded by GEST_SERVER_MAX_DEPTH. */
static char *
check_value (ValueCheck *check,
             JsonNode   *node,
             guint       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return NULL;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
        return g_strdup_printf (_("The field %s holds a number too large to store (such as 1e400): send a finite number."),
                                check->field);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return check_string (check, json_node_get_string (node), FALSE);
      return NULL;

    case JSON_NODE_ARRAY:
    case JSON_NODE_OBJECT:
    default:
      break;
    }

  if (depth >= GEST_SERVER_MAX_DEPTH)
    return g_strdup_printf (_("The field %s nests deeper than %d levels: send a flatter value."),
                            check->field, GEST_SERVER_MAX_DEPTH);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint len = json_array_get_length (array);

      check->elements += len;
      if (check->elements > GEST_SERVER_MAX_ELEMENTS)
        goto too_many;
      for (guint i = 0; i < len; i++)
        {
          char *problem = check_value (check, json_array_get_element (array, i), depth + 1);

          if (problem != NULL)
            return problem;
        }
      return NULL;
    }
  else
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      check->elements += json_object_get_size (object);
      if (check->elements > GEST_SERVER_MAX_ELEMENTS)
        goto too_many;
      for (GList *l = names; l != NULL; l = l->next)
        {
          char *problem = check_string (check, l->data, TRUE);

          if (problem == NULL)
            problem = check_value (check, json_object_get_member (object, l->data), depth + 1);
          if (problem != NULL)
            return problem;
        }
      return NULL;
    }

too_many:
  return g_strdup_printf (_("The field %s holds more than %d elements: send a smaller value."),
                          check->field, GEST_SERVER_MAX_ELEMENTS);
}

char *
gest_server_check_values (JsonObject *fields)
{
  g_autoptr(GList) names = NULL;

  if (fields == NULL)
    return NULL;
  if (json_object_get_size (fields) > GEST_SERVER_MAX_FIELDS)
    return g_strdup_printf (_("The record has %u fields; the server takes at most %d: send fewer."),
                            json_object_get_size (fields), GEST_SERVER_MAX_FIELDS);

  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      ValueCheck check = { l->data, 0 };
      char *problem;

      /* Field names are checked by gest_server_check_mutation(); one that is not UTF-8 must
       * not reach a message either. */
      if (!g_utf8_validate (l->data, -1, NULL))
        return g_strdup (_("A field name is not valid text: use 1 to 64 lower-case letters, digits and _, starting with a letter."));
      problem = check_value (&check, json_object_get_member (fields, l->data), 0);
      if (problem != NULL)
        return problem;
    }
  return NULL;
}

gboolean
gest_json_get_int (JsonNode *node,
                   gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* The range first: casting a double outside gint64 (1e400 is infinite) is undefined. */
      if (d > -9e15 && d < 9e15 && d == (double) (gint64) d)
        {
          *out = (gint64) d;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether sending @value for @field changes what the server has. */
static gboolean
changes_field (const GestRecordState *current,
               const char            *field,
               JsonNode              *value)
{
  JsonNode *old;

  if (!current->exists || current->data == NULL || !json_object_has_member (current->data, field))
    return TRUE;
  old = json_object_get_member (current->data, field);
  return !json_node_equal (old, value);
}

gboolean
gest_server_fields_unchanged (JsonObject            *fields,
                              const GestRecordState *current)
{
  g_autoptr(GList) names = NULL;

  if (!current->exists || current->deleted)
    return FALSE;
  if (fields == NULL)
    return TRUE;
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    if (changes_field (current, l->data, json_object_get_member (fields, l->data)))
      return FALSE;
  return TRUE;
}

static gint64
current_step (const GestRecordState *current)
{
  gint64 step = 0;

  if (current->exists && current->data != NULL && json_object_has_member (current->data, "step"))
    gest_json_get_int (json_object_get_member (current->data, "step"), &step);
  return step;
}

/* T6, T7: the steps, who owns them and what each needs come from the desktop's table
 * (src/tramites/gest-tramite-workflow.c), compiled into the server too. */
#define WORKFLOW (gest_tramite_workflow_get ())

/* A step read from a record may be any integer. */
static gboolean
step_is_valid (gint64 step)
{
  return step >= 1 && step <= G_MAXINT && gest_workflow_step_is_valid (WORKFLOW, (int) step);
}

static gboolean
step_is_owned_by (gint64      step,
                  const char *actor)
{
  return step_is_valid (step) && g_str_equal (gest_workflow_step_owner (WORKFLOW, (int) step), actor);
}

/* Whether @field holds a value once @fields are applied over @current. */
static gboolean
tramite_has (JsonObject            *fields,
             const GestRecordState *current,
             const char            *field)
{
  JsonNode *node = NULL;

  if (fields != NULL && json_object_has_member (fields, field))
    node = json_object_get_member (fields, field);
  else if (current != NULL && current->exists && current->data != NULL &&
           json_object_has_member (current->data, field))
    node = json_object_get_member (current->data, field);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

typedef struct
{
  JsonObject            *fields;
  const GestRecordState *current;
} TramiteFacts;

/* The table's requirement ids are the trámite's field names. */
static gboolean
tramite_facts_has (const char *requirement,
                   gpointer    user_data)
{
  TramiteFacts *facts = user_data;

  return tramite_has (facts->fields, facts->current, requirement);
}

char *
gest_server_tramite_missing (JsonObject            *fields,
                             const GestRecordState *current,
                             gint64                 step)
{
  TramiteFacts data = { fields, current };
  GestWorkflowFacts facts = { tramite_facts_has, &data };

  if (step < 1)
    return NULL;
  return gest_workflow_missing_message (WORKFLOW, &facts, (int) MIN (step, (gint64) G_MAXINT));
}

static char *
check_tramite_step (JsonObject            *fields,
                    gboolean               is_delete,
                    const GestRecordState *current)
{
  gint64 from = current_step (current);
  gint64 to = 0;
  JsonNode *node;

  if (is_delete)
    {
      if (step_is_owned_by (from, GEST_TRAMITE_WORKFLOW_CONAUTO))
        return g_strdup_printf (_("This trámite is at step %lld, which is Conauto's: it cannot be deleted until Conauto moves it to step 7."),
                                (long long) (from));
      return NULL;
    }
  if (fields == NULL || !json_object_has_member (fields, "step"))
    return NULL;

  node = json_object_get_member (fields, "step");
  if (!gest_json_get_int (node, &to) || !step_is_valid (to))
    return g_strdup (_("The field step must be a whole number from 1 to 8."));
  if (to == from)
    return NULL;
  if (!step_is_owned_by (to, GEST_TRAMITE_WORKFLOW_DEALER))
    return g_strdup_printf (_("Step %lld is Conauto's: only Conauto moves a trámite to steps 4, 5 and 6."),
                            (long long) (to));
  if (from != 0)   /* a new trámite starts at any of the dealer's steps it has what for */
    {
      /* The dealer's own steps, or the handover the table lists (6 → 7). */
      if (step_is_valid (from) &&
          !gest_workflow_actor_may_move (WORKFLOW, (int) from, (int) to, GEST_TRAMITE_WORKFLOW_DEALER))
        return g_strdup_printf (_("This trámite is at step %lld, which is Conauto's: the dealer can only move it from step 6 to step 7."),
                                (long long) (from));
      if (to != from + 1 && to != from - 1)
        return g_strdup_printf (_("A trámite moves one step at a time: it is at step %lld and cannot go to step %lld."),
                                (long long) (from), (long long) (to));
      if (to < from)
        return NULL;   /* going back undoes a step; it needs nothing */
    }
  return gest_server_tramite_missing (fields, current, to);
}

/* Issue 13: a case's stage needs what the desktop's workflow table says
 * (src/complaints/gest-complaint-workflow.c, compiled into the server too). */
static char *
check_complaint_stage (JsonObject            *fields,
                       gboolean               is_delete,
                       const GestRecordState *current)
{
  GestComplaintFacts facts = { 0 };
  gint64 from = 0, to = 0;
  JsonNode *folio = NULL;

  if (is_delete || fields == NULL || !json_object_has_member (fields, "stage"))
    return NULL;
  if (!gest_json_get_int (json_object_get_member (fields, "stage"), &to) || to < 0 || to > 6)
    return g_strdup (_("The field stage must be a whole number from 0 to 6."));
  if (current->exists && current->data != NULL && json_object_has_member (current->data, "stage"))
    gest_json_get_int (json_object_get_member (current->data, "stage"), &from);
  if (current->exists && current->data != NULL && json_object_has_member (current->data, "folio"))
    folio = json_object_get_member (current->data, "folio");
  else if (json_object_has_member (fields, "folio"))
    folio = json_object_get_member (fields, "folio");
  facts.stage = (int) CLAMP (from, 0, 6);
  facts.folio = folio != NULL && json_node_get_value_type (folio) == G_TYPE_STRING ? json_node_get_string (folio) : "";
  facts.document_status = tramite_has (fields, current, "document_status");
  facts.in_process_sent = tramite_has (fields, current, "in_process_sent_at");
  facts.solution_approved = tramite_has (fields, current, "solution_approved_at");
  facts.answer_sent = tramite_has (fields, current, "answer_sent_at");
  facts.acceptance_call = tramite_has (fields, current, "acceptance_call_at");
  facts.cause = tramite_has (fields, current, "cause_uuid");
  facts.error = tramite_has (fields, current, "error_uuid");
  facts.area = tramite_has (fields, current, "area_uuid");
  facts.annulment = tramite_has (fields, current, "annulment_uuid");
  return gest_complaint_workflow_sync_refusal (&facts, (int) to);
}

char *
gest_server_check_mutation (const char            *entity,
                            gboolean               is_delete,
                            JsonObject            *fields,
                            const GestRecordState *current)
{
  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        if (!gest_server_field_name_valid (l->data))
          return g_strdup_printf (_("“%s” is not a valid field name: use 1 to 64 lower-case letters, digits and _, starting with a letter."),
                                  (const char *) l->data);
    }

  if (g_str_equal (entity, "plan") && fields != NULL && !is_delete)
    {
      for (guint i = 0; i < G_N_ELEMENTS (plan_server_fields); i++)
        {
          const char *field = plan_server_fields[i];

          if (json_object_has_member (fields, field)
              && changes_field (current, field, json_object_get_member (fields, field)))
            return g_strdup_printf (_("The plan's %s comes from Conauto and cannot be changed by the dealer."),
                                    field);
        }
    }

  /* X5: the activity log is append-only. */
  if (g_str_equal (entity, "activity") && current->exists)
    {
      if (is_delete)
        return g_strdup (_("Activity entries cannot be deleted: the activity log is append-only."));
      if (!gest_server_fields_unchanged (fields, current))
        return g_strdup (_("This activity entry is already on the server with other values; entries cannot be changed: the activity log is append-only. Record the correction as a new entry."));
    }

  if (g_str_equal (entity, "tramite"))
    return check_tramite_step (fields, is_delete, current);
  if (g_str_equal (entity, "complaint"))
    return check_complaint_stage (fields, is_delete, current);

  return NULL;
}

char *
gest_server_check_conauto_step (gint64 from,
                                gint64 to)
{
  if (!step_is_owned_by (to, GEST_TRAMITE_WORKFLOW_CONAUTO))
    return g_strdup_printf (_("Conauto moves trámites only to steps 4, 5 and 6, not %lld."),
                            (long long) (to));
  if (to != from + 1)
    return g_strdup_printf (_("The trámite is at step %lld: Conauto can move it only to step %lld."),
                            (long long) (from), (long long) (from + 1));
  return NULL;
}

/* A trámite's data is open when its step is below 8 (a missing step is the registration's 2). */
static gboolean
tramite_data_open (JsonObject *data)
{
  JsonNode *node = data != NULL ? json_object_get_member (data, "step") : NULL;
  gint64 step = 2;

  if (node != NULL && !gest_json_get_int (node, &step))
    return TRUE;
  return step < 8;
}

static const char *
data_string (JsonObject *data,
             const char *name)
{
  JsonNode *node = data != NULL ? json_object_get_member (data, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
refuse_open (PGconn      *conn,
             const char  *dealer_id,
             const char  *plan_uuid,
             const char  *folio,
             char       **out_refusal,
             GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "SELECT data ->> 'number' FROM records"
                                           " WHERE dealer_id = $1 AND entity = 'plan' AND uuid = $2",
                                           2, dealer_id, plan_uuid);
  const char *number = NULL;

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1 && !PQgetisnull (res, 0, 0))
    number = PQgetvalue (res, 0, 0);
  if (folio == NULL || *folio == '\0')
    folio = "?";
  *out_refusal = g_strdup_printf (_("Plan %s already has an open trámite, %s; a plan has one open trámite at a time. "
                                    "This one was not accepted: continue %s instead (the desktop shows it after the next sync)."),
                                  number != NULL ? number : plan_uuid, folio, folio);
  return TRUE;
}

gboolean
gest_server_open_tramite_check (PGconn      *conn,
                                const char  *dealer_id,
                                const char  *uuid,
                                JsonObject  *fields,
                                GHashTable  *states,
                                char       **out_refusal,
                                GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *plan_uuid = data_string (fields, "plan_uuid");

  *out_refusal = NULL;
  if (plan_uuid == NULL || !tramite_data_open (fields))
    return TRUE;

  res = gest_pg_query (conn, error,
                       "SELECT t.uuid, t.data ->> 'folio'"
                       " FROM records t WHERE t.dealer_id = $1 AND t.entity = 'tramite' AND NOT t.deleted"
                       "  AND t.data ->> 'plan_uuid' = $2 AND t.uuid <> $3"
                       "  AND NOT (jsonb_typeof (t.data -> 'step') = 'number' AND (t.data ->> 'step')::numeric >= 8)",
                       3, dealer_id, plan_uuid, uuid);
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    {
      g_autofree char *key = g_strconcat ("tramite\x1f", PQgetvalue (res, r, 0), NULL);
      GestRecordState *state = states != NULL ? g_hash_table_lookup (states, key) : NULL;

      /* Changed earlier in this page: what the page made counts. */
      if (state != NULL && (state->deleted || !tramite_data_open (state->data) ||
                            g_strcmp0 (data_string (state->data, "plan_uuid"), plan_uuid) != 0))
        continue;
      return refuse_open (conn, dealer_id, plan_uuid, PQgetvalue (res, r, 1), out_refusal, error);
    }

  if (states != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, states);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GestRecordState *state = value;

          if (!g_str_has_prefix (key, "tramite\x1f") || g_str_equal ((char *) key + strlen ("tramite\x1f"), uuid) ||
              !state->exists || state->deleted || !tramite_data_open (state->data) ||
              g_strcmp0 (data_string (state->data, "plan_uuid"), plan_uuid) != 0)
            continue;
          return refuse_open (conn, dealer_id, plan_uuid, data_string (state->data, "folio"),
                              out_refusal, error);
        }
    }
  return TRUE;
}

void
gest_record_merge (GestRecordState *state,
                   JsonObject      *fields,
                   gint64           base_version,
                   gint64           seq,
                   JsonArray       *conflicts)
{
  g_autoptr(GList) names = NULL;

  if (state->data == NULL)
    state->data = json_object_new ();
  if (state->field_versions == NULL)
    state->field_versions = json_object_new ();
  if (fields == NULL)
    return;

  names = json_object_get_members (fields);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *field = l->data;
      JsonNode *value = json_object_get_member (fields, field);

      if (json_object_has_member (state->data, field))
        {
          JsonNode *old = json_object_get_member (state->data, field);
          gint64 changed_at = 0;

          if (json_node_equal (old, value))
            continue;
          if (json_object_has_member (state->field_versions, field))
            gest_json_get_int (json_object_get_member (state->field_versions, field), &changed_at);
          if (changed_at > base_version && conflicts != NULL)
            {
              JsonObject *conflict = json_object_new ();

              json_object_set_string_member (conflict, "field", field);
              json_object_set_member (conflict, "lost_value", json_node_copy (old));
              json_array_add_object_element (conflicts, conflict);
            }
        }
      json_object_set_member (state->data, field, json_node_copy (value));
      json_object_set_int_member (state->field_versions, field, seq);
    }
}

/* One generator for the whole text (json_to_string() makes one per call): the same bytes as
 * json_to_string() of each name and scalar, which stored hashes depend on. */
typedef struct
{
  GString       *out;
  JsonGenerator *generator;
  JsonNode      *name;
} Canonical;

static void
append_scalar (Canonical *c,
               JsonNode  *node)
{
  json_generator_set_root (c->generator, node);
  json_generator_to_gstring (c->generator, c->out);
}

static void
append_canonical (Canonical *c,
                  JsonNode  *node,
                  guint      depth)
{
  GString *out = c->out;

  if (depth > GEST_SERVER_MAX_DEPTH + 2 && (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node)))
    {
      g_string_append (out, "\"...\"");
      return;
    }
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);

        g_string_append_c (out, '{');
        for (GList *l = names; l != NULL; l = l->next)
          {
            if (l != names)
              g_string_append_c (out, ',');
            json_node_set_string (c->name, l->data);
            append_scalar (c, c->name);
            g_string_append_c (out, ':');
            append_canonical (c, json_object_get_member (object, l->data), depth + 1);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_canonical (c, json_array_get_element (array, i), depth + 1);
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      append_scalar (c, node);
      break;
    }
}

char *
gest_json_canonical (JsonNode *node)
{
  Canonical c = { g_string_new (NULL), json_generator_new (), json_node_new (JSON_NODE_VALUE) };

  append_canonical (&c, node, 0);
  g_object_unref (c.generator);
  json_node_unref (c.name);
  return g_string_free (c.out, FALSE);
}
