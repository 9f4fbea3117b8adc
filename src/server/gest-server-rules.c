/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-rules.h"

static const char * const entities[] = {
  "customer", "vehicle", "plan", "tramite", "document", "activity", "message",
  /* Later modules: stored generically, validated here when they gain rules. */
  "complaint", "campaign", "reservation", "annulment", "collection", "service_order",
};

/* Conauto's balances (T1 statement), written only by `admin load-plans`. */
static const char * const plan_server_fields[] = {
  "balance", "overdue", "installment", "life_insurance", "as_of",
};

#define CONAUTO_STEP(s) ((s) >= 4 && (s) <= 6)

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

      if (d == (double) (gint64) d && d > -9e15 && d < 9e15)
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

static gint64
current_step (const GestRecordState *current)
{
  gint64 step = 0;

  if (current->exists && current->data != NULL && json_object_has_member (current->data, "step"))
    gest_json_get_int (json_object_get_member (current->data, "step"), &step);
  return step;
}

/* T6: what a trámite needs before it reaches a step; cumulative, as on the desktop. */
static const struct
{
  gint64      step;
  const char *field;
  const char *need;
} tramite_needs[] = {
  /* The phrases are the desktop's (src/tramites/gest-tramite-rules.c), so one translation. */
  { 4, "payment_amount", N_("the customer’s payment (amount, date and reference)") },
  { 4, "payment_proof_uuid", N_("the customer’s payment proof") },
  { 4, "docs_sent_at", N_("the documents sent to Conauto") },
  { 5, "insurance_cancelled_at", N_("the car-insurance cancellation by Conauto") },
  { 7, "invoice_released_at", N_("the invoice and guarantees released by Conauto") },
  { 8, "invoice_delivered_at", N_("the invoice delivered to the customer") },
  { 8, "ack_returned_at", N_("the acknowledgment returned to Conauto") },
};

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

char *
gest_server_tramite_missing (JsonObject            *fields,
                             const GestRecordState *current,
                             gint64                 step)
{
  g_autoptr(GString) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tramite_needs); i++)
    {
      if (step < tramite_needs[i].step || tramite_has (fields, current, tramite_needs[i].field))
        continue;
      if (list == NULL)
        list = g_string_new (NULL);
      else
        g_string_append (list, "; ");
      g_string_append (list, _(tramite_needs[i].need));
    }
  if (list == NULL)
    return NULL;
  return g_strdup_printf (_("Step %d needs: %s."), (int) step, list->str);
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
      if (CONAUTO_STEP (from))
        return g_strdup_printf (_("This trámite is at step %lld, which is Conauto's: it cannot be deleted until Conauto moves it to step 7."),
                                (long long) (from));
      return NULL;
    }
  if (fields == NULL || !json_object_has_member (fields, "step"))
    return NULL;

  node = json_object_get_member (fields, "step");
  if (!gest_json_get_int (node, &to) || to < 1 || to > 8)
    return g_strdup (_("The field step must be a whole number from 1 to 8."));
  if (to == from)
    return NULL;
  if (CONAUTO_STEP (to))
    return g_strdup_printf (_("Step %lld is Conauto's: only Conauto moves a trámite to steps 4, 5 and 6."),
                            (long long) (to));
  if (from != 0)   /* a new trámite starts at any of the dealer's steps it has what for */
    {
      if (CONAUTO_STEP (from) && !(from == 6 && to == 7))
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

  if (g_str_equal (entity, "tramite"))
    return check_tramite_step (fields, is_delete, current);

  return NULL;
}

char *
gest_server_check_conauto_step (gint64 from,
                                gint64 to)
{
  if (!CONAUTO_STEP (to))
    return g_strdup_printf (_("Conauto moves trámites only to steps 4, 5 and 6, not %lld."),
                            (long long) (to));
  if (to != from + 1)
    return g_strdup_printf (_("The trámite is at step %lld: Conauto can move it only to step %lld."),
                            (long long) (from), (long long) (from + 1));
  return NULL;
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

static void
append_canonical (GString  *out,
                  JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);

        g_string_append_c (out, '{');
        for (GList *l = names; l != NULL; l = l->next)
          {
            g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), l->data);
            g_autofree char *key_text = json_to_string (key, FALSE);

            if (l != names)
              g_string_append_c (out, ',');
            g_string_append (out, key_text);
            g_string_append_c (out, ':');
            append_canonical (out, json_object_get_member (object, l->data));
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
            append_canonical (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        g_string_append (out, text);
        break;
      }
    }
}

char *
gest_json_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_canonical (out, node);
  return g_string_free (out, FALSE);
}
